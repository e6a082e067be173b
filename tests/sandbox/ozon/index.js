'use strict';
// The Ozon module of the sandbox: one API host (api-seller.ozon.ru, mounted at /ozon/seller), Client-Id + Api-Key
// auth with per-seller subscriptions, Ozon's rate limit (50 requests per second per Client-Id), rpcStatus error
// bodies, seed state, buyer control actions and push notifications to a configured URL (see push.js).

const { text } = require('../core/http');
const errors = require('./errors');
const seed = require('./seed');
const api = require('./api');
const buyers = require('./buyers');
const { CLIENTS, CLIENTS_BY_KEY } = require('./clients');

const RATE_LIMITS = { seller: { ratePerSec: 50, burst: 50 } };

const HOSTS = { seller: { category: 'seller', routes: api.routes, real: 'https://api-seller.ozon.ru' } };

function header(ctx, name) {
	const v = ctx.headers[name];
	return (Array.isArray(v) ? v[0] : v || '').trim();
}

function authenticate(ctx) {
	const clientId = header(ctx, 'client-id');
	const apiKey = header(ctx, 'api-key');
	if (!clientId || !apiKey) return { token: apiKey || null, response: errors.forMethod(ctx.path, errors.missingHeaders()) };
	const client = CLIENTS_BY_KEY[apiKey];
	if (!client || client.clientId !== clientId) return { token: apiKey, response: errors.forMethod(ctx.path, errors.unauthorized()) };
	return { token: apiKey };
}

function counts(oz) {
	return {
		products: oz.products.length,
		reviews: { total: oz.reviews.length, new: oz.reviews.filter((r) => r.status === 'NEW').length, processed: oz.reviews.filter((r) => r.status === 'PROCESSED').length },
		questions: { total: oz.questions.length, unanswered: oz.questions.filter((q) => !q.answers.length).length },
		chats: oz.chats.length,
		messages: oz.chats.reduce((n, c) => n + c.messages.length, 0),
		postings: oz.postings.length,
		pushDeliveries: oz.push.deliveries.length,
	};
}

const CONTROL = {
	reviews: (sbx, body) => buyers.addReview(sbx, body),
	questions: (sbx, body) => buyers.addQuestion(sbx, body),
	'chat-messages': (sbx, body) => buyers.addChatMessage(sbx, body),
	push: (sbx, body) => buyers.configurePush(sbx, body),
	'push-send': (sbx, body) => buyers.sendRaw(sbx, body),
	'push-deliveries': (sbx) => sbx.ozon.push.deliveries,
};

module.exports = {
	name: 'ozon',
	tokens: Object.freeze(Object.fromEntries(Object.entries(CLIENTS).map(([k, c]) => [k, c.apiKey]))),
	clients: CLIENTS,
	hosts: HOSTS,
	rateLimits: RATE_LIMITS,
	seeds: seed.SEEDS,
	authenticate,
	tooManyRequests: () => errors.tooManyRequests(),
	serverError: (_now, _host, status) => errors.serverError(status),
	notFound: () => errors.rpc(404, 12, 'method is not allowed'),
	methodNotAllowed: () => text(405, 'Method Not Allowed'),
	createState: (seedName, now) => seed.buildState(seedName, now),
	counts,
	control: CONTROL,
	liveStep: buyers.liveStep,
	methods: { addReview: buyers.addReview, addQuestion: buyers.addQuestion, addChatMessage: buyers.addChatMessage },
};
