'use strict';
// The Yandex.Market module of the sandbox: one API host (api.partner.market.yandex.ru, mounted at /ym/api), Api-Key
// auth with scoped keys, per-hour method limits answered with 420, the spec's error bodies, seed state, buyer
// control actions and push notifications to a configured URL (see push.js).

const errors = require('./errors');
const seed = require('./seed');
const api = require('./api');
const buyers = require('./buyers');

const TOKENS = Object.freeze({
	all: 'ym-sandbox-all',
	orders: 'ym-sandbox-orders',
});

// Key -> what it may call. A Market API key is issued with access scopes; "orders" here has no buyer
// communication scope (feedback, questions, chats).
const TOKEN_SCOPES = {
	[TOKENS.all]: ['communication', 'orders'],
	[TOKENS.orders]: ['orders'],
};

// Per-method hourly limits are what Market enforces (x-resource-limit-config); the sandbox keeps one bucket for the
// host, set to the chats-list limit (5000 per hour) with a small burst so tests can reach it.
const RATE_LIMITS = { api: { ratePerSec: 5000 / 3600, burst: 20 } };

const HOSTS = { api: { category: 'api', routes: api.routes, real: 'https://api.partner.market.yandex.ru' } };

function scopeOf(path) {
	return /\/orders(\/|$)/.test(path) ? 'orders' : 'communication';
}

function authenticate(ctx) {
	const key = ctx.headers['api-key'];
	if (!key || !String(key).trim()) return { token: null, response: errors.unauthorized('Api-Key header is missing') };
	const token = String(key).trim();
	const scopes = TOKEN_SCOPES[token];
	if (!scopes) return { token, response: errors.unauthorized('Invalid Api-Key') };
	if (!scopes.includes(scopeOf(ctx.path))) return { token, response: errors.forbidden('The API key has no access to this method (scope)') };
	return { token };
}

function counts(ym) {
	return {
		feedbacks: { total: ym.feedbacks.length, needReaction: ym.feedbacks.filter((f) => f.needReaction).length },
		questions: { total: ym.questions.length, unanswered: ym.questions.filter((q) => !api.answersOf(ym, q.questionIdentifiers.id).length).length },
		chats: { total: ym.chats.length, waitingForPartner: ym.chats.filter((c) => c.status === 'WAITING_FOR_PARTNER').length },
		messages: ym.messages.length,
		orders: ym.orders.length,
		pushDeliveries: ym.push.deliveries.length,
	};
}

const CONTROL = {
	feedbacks: (sbx, body) => buyers.addFeedback(sbx, body),
	questions: (sbx, body) => buyers.addQuestion(sbx, body),
	'chat-messages': (sbx, body) => buyers.addChatMessage(sbx, body),
	push: (sbx, body) => buyers.configurePush(sbx, body),
	'push-send': (sbx, body) => buyers.sendRaw(sbx, body),
	'push-deliveries': (sbx) => sbx.ym.push.deliveries,
};

module.exports = {
	name: 'ym',
	tokens: TOKENS,
	hosts: HOSTS,
	rateLimits: RATE_LIMITS,
	seeds: seed.SEEDS,
	businessId: seed.BUSINESS_ID,
	campaignId: seed.CAMPAIGN_ID,
	authenticate,
	tooManyRequests: (now, info) => errors.tooManyRequests(info),
	serverError: (now, hostName, status) => errors.serverError(status),
	notFound: () => errors.notFound('Unknown method'),
	methodNotAllowed: () => errors.methodNotAllowed(),
	createState: (seedName, now) => seed.buildState(seedName, now),
	counts,
	control: CONTROL,
	liveStep: buyers.liveStep,
	methods: { addFeedback: buyers.addFeedback, addQuestion: buyers.addQuestion, addChatMessage: buyers.addChatMessage },
};
