'use strict';
// The Wildberries module of the sandbox: its API hosts (each mounted at /wb/<host>), token scopes,
// rate limits, error bodies, seed state and buyer-side control actions. The core (server.js) is
// marketplace-neutral; an Ozon or Yandex.Market module exports the same shape.

const { text } = require('../core/http');
const errors = require('./errors');
const seed = require('./seed');
const buyers = require('./buyers');
const feedbacks = require('./feedbacks');
const questions = require('./questions');
const chat = require('./chat');
const marketplace = require('./marketplace');
const statistics = require('./statistics');
const basket = require('./basket');

const TOKENS = Object.freeze({
	all: 'wb-sandbox-all',
	feedbacks: 'wb-sandbox-feedbacks',
	chat: 'wb-sandbox-chat',
	marketplace: 'wb-sandbox-marketplace',
});

// Token -> categories it carries (a WB token is scoped to categories chosen when it is issued).
const TOKEN_SCOPES = {
	[TOKENS.all]: ['feedbacks', 'chat', 'marketplace', 'statistics'],
	[TOKENS.feedbacks]: ['feedbacks'],
	[TOKENS.chat]: ['chat'],
	[TOKENS.marketplace]: ['marketplace', 'statistics'],
};

const CATEGORY_TITLES = {
	feedbacks: 'Вопросы и отзывы',
	chat: 'Чат с покупателями',
	marketplace: 'Маркетплейс',
	statistics: 'Статистика',
};

// Limits for personal tokens, from the spec's per-method tables.
const RATE_LIMITS = {
	feedbacks: { ratePerSec: 3, burst: 6 },
	chat: { ratePerSec: 10 / 10, burst: 10 },
	marketplace: { ratePerSec: 300 / 60, burst: 20, errorCost: 10 },
	statistics: { ratePerSec: 1 / 60, burst: 10 },
};

const HOSTS = {
	feedbacks: { category: 'feedbacks', routes: [...feedbacks.routes, ...questions.routes], real: 'https://feedbacks-api.wildberries.ru' },
	chat: { category: 'chat', routes: chat.routes, real: 'https://buyer-chat-api.wildberries.ru' },
	marketplace: { category: 'marketplace', routes: marketplace.routes, real: 'https://marketplace-api.wildberries.ru' },
	statistics: { category: 'statistics', routes: statistics.routes, real: 'https://statistics-api.wildberries.ru' },
	// Public CDN: no token, and left out of fault injection unless `faults.hosts` names it.
	basket: { category: null, routes: basket.routes, public: true, real: 'https://basket-NN.wbbasket.ru' },
};

/** Checks the Authorization header; returns { token } or { token, response } with the 401/403 to send. */
function authenticate(ctx, hostName) {
	const header = ctx.headers.authorization;
	if (!header || !header.trim()) return { token: null, response: errors.unauthorized(ctx.now(), 'empty Authorization header') };
	const token = header.replace(/^Bearer\s+/i, '').trim();
	const scopes = TOKEN_SCOPES[token];
	if (!scopes) {
		return {
			token,
			response: errors.unauthorized(ctx.now(), 'token problem; token is malformed: token contains an invalid number of segments'),
		};
	}
	const category = HOSTS[hostName].category;
	if (!scopes.includes(category)) return { token, response: errors.forbidden(ctx.now(), hostName, CATEGORY_TITLES[category]) };
	return { token };
}

function notFound(hostName) {
	return hostName === 'basket' ? basket.notFound() : text(404, '404 page not found');
}

function methodNotAllowed() {
	return text(405, 'Method Not Allowed');
}

function counts(wb, now) {
	const openFeedbacks = wb.feedbacks.filter((f) => feedbacks.isUnanswered(f, now)).length;
	return {
		products: wb.products.length,
		feedbacks: { total: wb.feedbacks.length, unanswered: openFeedbacks, answered: wb.feedbacks.filter((f) => f.answer).length },
		questions: {
			total: wb.questions.length,
			unanswered: wb.questions.filter(questions.isOpen).length,
			answered: wb.questions.filter((q) => q.state === 'wbRu').length,
			rejected: wb.questions.filter((q) => q.state === 'none').length,
		},
		chats: wb.chats.length,
		events: wb.events.length,
		orders: wb.orders.length,
		newOrders: wb.orders.filter((o) => o._supplierStatus === 'new' && o._wbStatus === 'waiting').length,
		statsOrders: wb.statsOrders.length,
	};
}

// Control actions under /__control/wb/<name> (POST, JSON body); `sbx` is the sandbox's module context.
const CONTROL = {
	feedbacks: (sbx, body) => buyers.addFeedback(sbx, body),
	questions: (sbx, body) => buyers.addQuestion(sbx, body),
	'chat-messages': (sbx, body) => buyers.addChatMessage(sbx, body),
};

module.exports = {
	name: 'wb',
	tokens: TOKENS,
	hosts: HOSTS,
	rateLimits: RATE_LIMITS,
	seeds: seed.SEEDS,
	authenticate,
	tooManyRequests: (now, info) => errors.tooManyRequests(now, info),
	serverError: (now, hostName, status) => errors.serverError(now, hostName, status),
	notFound,
	methodNotAllowed,
	createState: (seedName, now) => seed.buildState(seedName, now),
	counts,
	control: CONTROL,
	InputError: buyers.InputError,
	liveStep: buyers.liveStep,
	methods: {
		addFeedback: buyers.addFeedback,
		addQuestion: buyers.addQuestion,
		addChatMessage: buyers.addChatMessage,
	},
};
