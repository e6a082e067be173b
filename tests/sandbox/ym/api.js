'use strict';
// api.partner.market.yandex.ru: the Partner API methods the package uses (shared/specs/ym/partner-api), with the
// spec's paths, `pageToken` paging (`page_token` accepted as the spec's alias), limits and error bodies.

const { json, parseJsonBody } = require('../core/http');
const { DAY } = require('../core/time');
const { badRequest, forbidden, notFound, error } = require('./errors');
const { addMessage, nextId, iso } = require('./seed');

const SIX_MONTHS_MS = 183 * DAY;

class ApiInputError extends Error {}

function ok(result) {
	return json(200, result === undefined ? { status: 'OK' } : { status: 'OK', result });
}

function copy(v) {
	return JSON.parse(JSON.stringify(v));
}

/** Drops sandbox-only fields (`_…`) from what is sent. */
function publicView(item) {
	const out = {};
	for (const [k, v] of Object.entries(item)) if (!k.startsWith('_') && k !== 'chatId_') out[k] = v;
	return copy(out);
}

function body(ctx) {
	if (!ctx.body.length) return {};
	const parsed = parseJsonBody(ctx.body);
	if (parsed.error) throw new ApiInputError(`Request body is not valid JSON: ${parsed.error}`);
	if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) throw new ApiInputError('Request body must be a JSON object');
	return parsed.value;
}

function int(value, name, { min = 1, required = false } = {}) {
	if (value === undefined || value === null || value === '') {
		if (required) throw new ApiInputError(`${name} is required`);
		return undefined;
	}
	const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (!Number.isInteger(n) || n < min) throw new ApiInputError(`${name} must be an integer >= ${min} (got ${JSON.stringify(value)})`);
	return n;
}

function idList(value, name, max) {
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || value.length < 1 || value.length > max) throw new ApiInputError(`${name} must be an array of 1..${max} ids`);
	return value.map((v, i) => int(v, `${name}[${i}]`, { required: true }));
}

function enumList(value, name, allowed) {
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || !value.length) throw new ApiInputError(`${name} must be a non-empty array`);
	for (const v of value) if (!allowed.includes(v)) throw new ApiInputError(`${name}: unknown value ${JSON.stringify(v)} (allowed: ${allowed.join(', ')})`);
	return value;
}

function dateTime(value, name) {
	if (value === undefined) return undefined;
	const ms = typeof value === 'string' ? Date.parse(value) : NaN;
	if (!Number.isFinite(ms)) throw new ApiInputError(`${name} must be an ISO 8601 date-time (got ${JSON.stringify(value)})`);
	return ms;
}

function text(value, name, max) {
	if (typeof value !== 'string' || value.length < 1 || value.length > max) {
		throw new ApiInputError(`${name} must be a string of 1..${max} characters`);
	}
	return value;
}

/** Page tokens are opaque to clients; here they carry the offset. `page_token` is the spec's alias. */
function paging(ctx, { def, max }) {
	const limit = ctx.query.limit === undefined ? def : int(ctx.query.limit, 'limit');
	if (limit > max) throw new ApiInputError(`limit must be <= ${max} (got ${limit})`);
	const token = ctx.query.pageToken ?? ctx.query.page_token;
	let offset = 0;
	if (token !== undefined && token !== '') {
		const m = /^o(\d+)$/.exec(Buffer.from(String(token), 'base64url').toString('utf8'));
		if (!m) throw new ApiInputError(`Invalid page token ${JSON.stringify(String(token).slice(0, 40))}`);
		offset = Number(m[1]);
	}
	return { limit, offset };
}

/** One page; with the duplicate-pages fault a later page repeats the tail of the one before. */
function slice(ctx, items, { limit, offset }) {
	const start = Math.max(0, offset - (offset > 0 ? ctx.duplicate : 0));
	const pageItems = items.slice(start, offset + limit);
	const next = offset + limit < items.length ? Buffer.from(`o${offset + limit}`).toString('base64url') : undefined;
	return { items: pageItems, paging: next ? { nextPageToken: next } : {} };
}

function businessOf(ctx) {
	const id = Number(ctx.params.businessId);
	if (id !== ctx.ym.businessId) return { response: forbidden(`Access denied to business ${ctx.params.businessId}`) };
	return {};
}

function guarded(handler) {
	return (ctx) => {
		try {
			const b = businessOf(ctx);
			if (b.response) return b.response;
			return handler(ctx);
		} catch (e) {
			if (e instanceof ApiInputError) return badRequest(e.message);
			throw e;
		}
	};
}

const byNewest = (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

// ---- goods feedback ----

function listFeedbacks(ctx) {
	const page = paging(ctx, { def: 25, max: 50 });
	const b = body(ctx);
	const ids = idList(b.feedbackIds, 'feedbackIds', 50);
	const others = ['dateTimeFrom', 'dateTimeTo', 'reactionStatus', 'ratingValues', 'offerIds', 'paid'].filter((k) => b[k] !== undefined);
	if (ids && others.length) throw new ApiInputError(`feedbackIds cannot be combined with other filters (${others.join(', ')})`);
	const from = dateTime(b.dateTimeFrom, 'dateTimeFrom');
	const to = dateTime(b.dateTimeTo, 'dateTimeTo');
	const reaction = b.reactionStatus === undefined ? 'ALL' : enumList([b.reactionStatus], 'reactionStatus', ['ALL', 'NEED_REACTION'])[0];
	const ratings = b.ratingValues === undefined ? undefined : enumList(b.ratingValues, 'ratingValues', [1, 2, 3, 4, 5]);
	const now = ctx.now();
	// No period given: the last 6 months (also the widest period Market allows).
	const oldest = from ?? now - SIX_MONTHS_MS;
	if (from !== undefined && (to ?? now) - from > SIX_MONTHS_MS) throw new ApiInputError('The period must not exceed 6 months');
	const matching = ctx.ym.feedbacks
		.filter((f) => {
			if (ids) return ids.includes(f.feedbackId);
			const at = Date.parse(f.createdAt);
			if (at < oldest || (to !== undefined && at > to)) return false;
			if (reaction === 'NEED_REACTION' && !f.needReaction) return false;
			if (ratings && !ratings.includes(f.statistics.rating)) return false;
			if (b.offerIds && !b.offerIds.includes(f.identifiers.offerId)) return false;
			return true;
		})
		.sort(byNewest);
	const p = slice(ctx, matching, page);
	return ok({ feedbacks: p.items.map(publicView), paging: p.paging });
}

function listComments(ctx) {
	const page = paging(ctx, { def: 25, max: 50 });
	const b = body(ctx);
	const feedbackId = int(b.feedbackId, 'feedbackId');
	const commentIds = idList(b.commentIds, 'commentIds', 50);
	if (feedbackId === undefined && !commentIds) throw new ApiInputError('Either feedbackId or commentIds is required');
	const items = ctx.ym.comments
		.filter((c) => (feedbackId === undefined || c.feedbackId === feedbackId) && (!commentIds || commentIds.includes(c.id)))
		.sort((a, z) => a.id - z.id);
	const p = slice(ctx, items, page);
	return ok({ comments: p.items.map(publicView), paging: p.paging });
}

function updateComment(ctx) {
	const b = body(ctx);
	const feedbackId = int(b.feedbackId, 'feedbackId', { required: true });
	if (!b.comment || typeof b.comment !== 'object') throw new ApiInputError('comment is required');
	const commentText = text(b.comment.text, 'comment.text', 4096);
	const feedback = ctx.ym.feedbacks.find((f) => f.feedbackId === feedbackId);
	if (!feedback) return notFound(`Feedback ${feedbackId} not found`);
	const commentId = int(b.comment.id, 'comment.id');
	const parentId = int(b.comment.parentId, 'comment.parentId');
	let comment;
	if (commentId !== undefined) {
		comment = ctx.ym.comments.find((c) => c.id === commentId && c.feedbackId === feedbackId);
		if (!comment) return notFound(`Comment ${commentId} not found`);
		if (!comment.canModify || comment.author.type !== 'BUSINESS') return error(400, 'BAD_REQUEST', `Comment ${commentId} cannot be modified`);
		comment.text = commentText;
		ctx.recordReply('review-comment-edit', String(feedbackId), commentText, { commentId });
	} else {
		if (parentId !== undefined && !ctx.ym.comments.some((c) => c.id === parentId && c.feedbackId === feedbackId)) return notFound(`Comment ${parentId} not found`);
		comment = {
			id: nextId(ctx.ym, 'comment'),
			text: commentText,
			canModify: true,
			...(parentId !== undefined ? { parentId } : {}),
			author: { type: 'BUSINESS', name: 'AgentIQ Demo' },
			status: 'PUBLISHED',
			feedbackId,
			_createdMs: ctx.now(),
		};
		ctx.ym.comments.push(comment);
		feedback.statistics.commentsCount += 1;
		feedback.needReaction = false;
		ctx.recordReply('review-comment', String(feedbackId), commentText, { commentId: comment.id });
	}
	return ok(publicView(comment));
}

// ---- goods questions ----

function answersOf(ym, questionId) {
	return ym.answers.filter((a) => a.questionId === questionId && a.status !== 'DELETED');
}

function listQuestions(ctx) {
	const page = paging(ctx, { def: 25, max: 50 });
	const b = body(ctx);
	const ids = idList(b.questionIds, 'questionIds', 50);
	for (const k of ['dateFrom', 'dateTo']) {
		if (b[k] !== undefined && !(typeof b[k] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(b[k]))) throw new ApiInputError(`${k} must be a date YYYY-MM-DD`);
	}
	const sort = b.sort === undefined ? 'CREATED_AT_DESC' : enumList([b.sort], 'sort', ['CREATED_AT_DESC', 'CREATED_AT_ASC'])[0];
	if (b.needAnswer !== undefined && typeof b.needAnswer !== 'boolean') throw new ApiInputError('needAnswer must be true or false');
	// Dates are compared as UTC calendar days here.
	const matching = ctx.ym.questions.filter((q) => {
		if (ids && !ids.includes(q.questionIdentifiers.id)) return false;
		const day = q.createdAt.slice(0, 10);
		if (b.dateFrom && day < b.dateFrom) return false;
		if (b.dateTo && day > b.dateTo) return false;
		if (b.needAnswer !== undefined && (answersOf(ctx.ym, q.questionIdentifiers.id).length === 0) !== b.needAnswer) return false;
		return true;
	});
	matching.sort((x, y) => (sort === 'CREATED_AT_ASC' ? -1 : 1) * byNewest(x, y));
	const p = slice(ctx, matching, page);
	return ok({ questions: p.items.map(publicView), paging: p.paging, totalCount: matching.length });
}

function listAnswers(ctx) {
	const page = paging(ctx, { def: 25, max: 50 });
	const b = body(ctx);
	const questionId = int(b.questionId, 'questionId');
	const answerIds = idList(b.answerIds, 'answerIds', 50);
	if (questionId === undefined && !answerIds) throw new ApiInputError('Either questionId or answerIds is required');
	const items = ctx.ym.answers.filter((a) => (questionId === undefined || a.questionId === questionId) && (!answerIds || answerIds.includes(a.id)));
	const p = slice(ctx, items, page);
	return ok({ answers: p.items.map(publicView), paging: p.paging });
}

function updateQuestion(ctx) {
	const b = body(ctx);
	const op = enumList([b.operationType], 'operationType', ['CREATE', 'UPDATE', 'DELETE'])[0];
	const ref = (v, name) => {
		if (v === undefined) return undefined;
		if (!v || typeof v !== 'object') throw new ApiInputError(`${name} must be an object`);
		return { id: int(v.id, `${name}.id`, { required: true }), type: enumList([v.type], `${name}.type`, ['QUESTION', 'ANSWER', 'COMMENT'])[0] };
	};
	const parent = ref(b.parentEntityId, 'parentEntityId');
	const entity = ref(b.entityId, 'entityId');
	if (op === 'CREATE') {
		if (!parent) throw new ApiInputError('parentEntityId is required for CREATE');
		const answerText = text(b.text, 'text', 5000);
		if (parent.type !== 'QUESTION') throw new ApiInputError('The sandbox creates answers to questions only (parentEntityId.type QUESTION)');
		const question = ctx.ym.questions.find((q) => q.questionIdentifiers.id === parent.id);
		if (!question) return notFound(`Question ${parent.id} not found`);
		const answer = {
			id: nextId(ctx.ym, 'answer'),
			text: answerText,
			canModify: true,
			author: { type: 'BUSINESS', name: 'AgentIQ Demo' },
			status: 'PUBLISHED',
			questionId: parent.id,
			createdAt: iso(ctx.now()),
			votes: { likes: 0, dislikes: 0 },
		};
		ctx.ym.answers.push(answer);
		ctx.recordReply('question-answer', String(parent.id), answerText, { answerId: answer.id });
		return ok({ entity: { id: answer.id, type: 'ANSWER' } });
	}
	if (!entity || entity.type !== 'ANSWER') throw new ApiInputError(`entityId of type ANSWER is required for ${op}`);
	const answer = ctx.ym.answers.find((a) => a.id === entity.id);
	if (!answer) return notFound(`Answer ${entity.id} not found`);
	if (op === 'UPDATE') {
		answer.text = text(b.text, 'text', 5000);
		ctx.recordReply('question-answer-edit', String(answer.questionId), answer.text, { answerId: answer.id });
	} else {
		answer.status = 'DELETED';
	}
	return ok({ entity });
}

// ---- chats ----

const CHAT_STATUSES = ['NEW', 'WAITING_FOR_CUSTOMER', 'WAITING_FOR_PARTNER', 'WAITING_FOR_ARBITER', 'WAITING_FOR_MARKET', 'FINISHED'];

function listChats(ctx) {
	const page = paging(ctx, { def: 10, max: 20 });
	const b = body(ctx);
	const statuses = enumList(b.statuses, 'statuses', CHAT_STATUSES);
	const types = enumList(b.types, 'types', ['CHAT', 'ARBITRAGE']);
	const contextTypes = enumList(b.contextTypes, 'contextTypes', ['ORDER', 'RETURN', 'DIRECT']);
	const orderIds = b.orderIds === undefined ? undefined : idList(b.orderIds, 'orderIds', 1000);
	let contexts;
	if (b.contexts !== undefined) {
		if (!Array.isArray(b.contexts) || !b.contexts.length) throw new ApiInputError('contexts must be a non-empty array');
		contexts = b.contexts.map((c, i) => ({ type: enumList([c && c.type], `contexts[${i}].type`, ['ORDER', 'RETURN'])[0], id: int(c.id, `contexts[${i}].id`, { required: true }) }));
	}
	const matching = ctx.ym.chats
		.filter((c) => {
			if (statuses && !statuses.includes(c.status)) return false;
			if (types && !types.includes(c.type)) return false;
			if (contextTypes && !contextTypes.includes(c.context.type)) return false;
			if (orderIds && !orderIds.includes(c.context.orderId)) return false;
			if (contexts && !contexts.some((x) => x.type === c.context.type && (x.type === 'ORDER' ? c.context.orderId : c.context.returnId) === x.id)) return false;
			return true;
		})
		.sort((a, z) => Date.parse(z.updatedAt) - Date.parse(a.updatedAt) || z.chatId - a.chatId);
	const p = slice(ctx, matching, page);
	return ok({ chats: p.items.map(publicView), paging: p.paging });
}

function findChat(ctx) {
	const chatId = int(ctx.query.chatId, 'chatId', { required: true });
	const chat = ctx.ym.chats.find((c) => c.chatId === chatId);
	return { chatId, chat };
}

function getChat(ctx) {
	const { chatId, chat } = findChat(ctx);
	if (!chat) return notFound(`Chat ${chatId} not found`);
	return ok(publicView(chat));
}

function messageView(m) {
	const { chatId, ...rest } = m;
	void chatId;
	return publicView(rest);
}

function history(ctx) {
	const page = paging(ctx, { def: 50, max: 100 });
	const { chatId, chat } = findChat(ctx);
	if (!chat) return notFound(`Chat ${chatId} not found`);
	const from = int(body(ctx).messageIdFrom, 'messageIdFrom');
	const messages = ctx.ym.messages.filter((m) => m.chatId === chatId && (from === undefined || m.messageId >= from)).sort((a, z) => a.messageId - z.messageId);
	const p = slice(ctx, messages, page);
	return ok({ ...(chat.orderId ? { orderId: chat.orderId } : {}), context: copy(chat.context), messages: p.items.map(messageView), paging: p.paging });
}

function getMessage(ctx) {
	const { chatId, chat } = findChat(ctx);
	if (!chat) return notFound(`Chat ${chatId} not found`);
	const messageId = int(ctx.query.messageId, 'messageId', { required: true });
	const m = ctx.ym.messages.find((x) => x.chatId === chatId && x.messageId === messageId);
	if (!m) return notFound(`Message ${messageId} not found in chat ${chatId}`);
	return ok(messageView(m));
}

function sendMessage(ctx) {
	const { chatId, chat } = findChat(ctx);
	if (!chat) return notFound(`Chat ${chatId} not found`);
	const message = text(body(ctx).message, 'message', 4096);
	const m = addMessage(ctx.ym, chat, 'PARTNER', message, ctx.now());
	chat.status = 'WAITING_FOR_CUSTOMER';
	ctx.recordReply('chat-message', String(chatId), message, { messageId: m.messageId });
	return ok();
}

// ---- orders ----

function listOrders(ctx) {
	const page = paging(ctx, { def: 50, max: 50 });
	const b = body(ctx);
	const ids = idList(b.orderIds, 'orderIds', 50);
	const campaigns = idList(b.campaignIds, 'campaignIds', 50);
	if (campaigns && campaigns.some((c) => c !== ctx.ym.campaignId)) return forbidden(`Access denied to campaign ${campaigns.find((c) => c !== ctx.ym.campaignId)}`);
	const statuses = b.statuses;
	const matching = ctx.ym.orders.filter((o) => (!ids || ids.includes(o.orderId)) && (!statuses || statuses.includes(o.status)));
	const p = slice(ctx, matching, page);
	// GetBusinessOrdersResponse is `{orders, paging}` at the top level: this method alone has no `{status, result}` envelope.
	return json(200, { orders: p.items.map(publicView), paging: p.paging });
}

const route = (method, version, tail, handler) => ({ method, path: new RegExp(`^/${version}/businesses/(?<businessId>[^/]+)${tail}$`), handler: guarded(handler) });

const routes = [
	route('POST', 'v2', '/goods-feedback', listFeedbacks),
	route('POST', 'v2', '/goods-feedback/comments', listComments),
	route('POST', 'v2', '/goods-feedback/comments/update', updateComment),
	route('POST', 'v1', '/goods-questions', listQuestions),
	route('POST', 'v1', '/goods-questions/answers', listAnswers),
	route('POST', 'v1', '/goods-questions/update', updateQuestion),
	route('POST', 'v2', '/chats', listChats),
	route('GET', 'v2', '/chat', getChat),
	route('POST', 'v2', '/chats/history', history),
	route('GET', 'v2', '/chats/message', getMessage),
	route('POST', 'v2', '/chats/message', sendMessage),
	route('POST', 'v1', '/orders', listOrders),
];

module.exports = { routes, CHAT_STATUSES, publicView, answersOf };
