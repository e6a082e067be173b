'use strict';
// api-seller.ozon.ru, the methods the package uses (shared/specs/ozon/seller-api.trimmed.json). All are POST with a
// JSON body. Chat message ids are written as bare uint64 JSON numbers, as Ozon writes them.

const { json, parseJsonBody } = require('../core/http');
const errors = require('./errors');
const { nextMessageId } = require('./seed');
const { CLIENTS_BY_KEY } = require('./clients');

const SUBSCRIPTIONS = {
	reviews: '"Управление отзывами" or Premium Pro',
	questions: 'Premium Plus',
	premiumChat: 'Premium Plus or Premium Pro',
};

class ApiError extends Error {
	constructor(response) {
		super('api error');
		this.response = response;
	}
}

const ID_KEYS = /"(message_id|first_unread_message_id|last_message_id)":"(\d+)"/g;

/** JSON with uint64 ids unquoted, as Ozon sends them. */
function okJson(body) {
	return { status: 200, raw: JSON.stringify(body).replace(ID_KEYS, '"$1":$2'), contentType: 'application/json' };
}

// Requests carry uint64 ids as the spec types them, bare integers (`"from_message_id": 3000000000817031942`);
// JSON.parse would round them, so they are read as strings, exactly.
const LONG_REQUEST_ID = /"(from_message_id|message_id|last_read_message_id)"(\s*:\s*)(\d{16,})(?=\s*[,}\]])/g;

function bodyOf(ctx) {
	const parsed = parseJsonBody(Buffer.from(ctx.body.toString('utf8').replace(LONG_REQUEST_ID, '"$1"$2"$3"'), 'utf8'));
	if (parsed.error) throw new ApiError(errors.badRequest(`invalid request body: ${parsed.error}`));
	if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) throw new ApiError(errors.badRequest('request body must be an object'));
	return parsed.value;
}

function gate(ctx, name) {
	const client = CLIENTS_BY_KEY[ctx.token];
	if (!client || !client.plans.includes(name)) throw new ApiError(errors.forMethod(ctx.path, errors.noSubscription(SUBSCRIPTIONS[name])));
}

function intField(body, name, { min, max, required, fallback }) {
	const v = body[name];
	if (v === undefined || v === null) {
		if (required) throw new ApiError(errors.badRequest(`${name}: value is required`));
		return fallback;
	}
	const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
	if (!Number.isInteger(n) || n < min || n > max) throw new ApiError(errors.badRequest(`${name}: value must be in range [${min}, ${max}]`));
	return n;
}

function idField(body, name) {
	const v = body[name];
	if (v === undefined || v === null || String(v).trim() === '') throw new ApiError(errors.badRequest(`${name}: value is required`));
	return String(v).trim();
}

function dateField(obj, name) {
	const v = obj && obj[name];
	if (v === undefined || v === null || v === '') return undefined;
	const ms = Date.parse(v);
	if (!Number.isFinite(ms)) throw new ApiError(errors.badRequest(`${name}: invalid date-time ${JSON.stringify(v)}`));
	return ms;
}

function iso(ms) {
	return new Date(ms).toISOString();
}

/** Keyset paging: items sorted, page starts after `lastId`; with duplicate faults the page repeats the previous item(s). */
function keysetPage(sorted, lastId, limit, duplicate) {
	let start = 0;
	if (lastId) {
		const at = sorted.findIndex((x) => x.id === lastId);
		start = at >= 0 ? at + 1 : sorted.length;
	}
	const from = Math.max(0, start - (lastId ? duplicate : 0));
	const page = sorted.slice(from, start + limit);
	const last = sorted.slice(start, start + limit).pop();
	return { page, lastId: last ? last.id : lastId || '', hasNext: start + limit < sorted.length };
}

function sortBy(items, dir) {
	const d = dir === 'DESC' ? -1 : 1;
	return items.slice().sort((a, b) => d * (a._publishedMs - b._publishedMs) || (a.id < b.id ? -d : d));
}

// ---- reviews ----
function reviewView(r) {
	return {
		id: r.id,
		sku: r.sku,
		text: r.text,
		published_at: iso(r._publishedMs),
		rating: r.rating,
		status: r.status,
		order_status: r.order_status,
		comments_amount: r.comments.length,
		photos_amount: r.photos_amount,
		videos_amount: r.videos_amount,
		is_rating_participant: r.is_rating_participant,
	};
}

function findReview(ctx, id) {
	const r = ctx.ozon.reviews.find((x) => x.id === id);
	if (!r) throw new ApiError(errors.notFound('review not found'));
	return r;
}

const REVIEW_FILTER_STATUSES = ['ALL', 'NEW', 'VIEWED', 'PROCESSED'];

function reviewList(ctx) {
	gate(ctx, 'reviews');
	const body = bodyOf(ctx);
	const limit = intField(body, 'limit', { min: 20, max: 100, required: true });
	const filters = body.filters || {};
	const status = filters.status || 'ALL';
	if (!REVIEW_FILTER_STATUSES.includes(status)) throw new ApiError(errors.badRequest(`filters.status: unknown value ${JSON.stringify(status)}`));
	const from = dateField(filters, 'published_from');
	const to = dateField(filters, 'published_to');
	const skus = Array.isArray(filters.skus) ? filters.skus.map(String) : null;
	const matching = ctx.ozon.reviews.filter(
		(r) =>
			(status === 'ALL' || r.status === status) &&
			(from === undefined || r._publishedMs >= from) &&
			(to === undefined || r._publishedMs <= to) &&
			(!skus || skus.includes(String(r.sku))),
	);
	const p = keysetPage(sortBy(matching, body.sort_dir === 'DESC' ? 'DESC' : 'ASC'), body.last_id, limit, ctx.duplicate);
	return json(200, { reviews: p.page.map(reviewView), last_id: p.lastId, has_next: p.hasNext });
}

function reviewInfo(ctx) {
	gate(ctx, 'reviews');
	const r = findReview(ctx, idField(bodyOf(ctx), 'review_id'));
	return json(200, { ...reviewView(r), likes_amount: 0, dislikes_amount: 0, photos: [], videos: [] });
}

function reviewCount(ctx) {
	gate(ctx, 'reviews');
	const all = ctx.ozon.reviews;
	const n = (s) => all.filter((r) => r.status === s).length;
	return json(200, { new: n('NEW'), viewed: n('VIEWED'), processed: n('PROCESSED'), total: all.length });
}

function commentCreate(ctx) {
	gate(ctx, 'reviews');
	const body = bodyOf(ctx);
	const r = findReview(ctx, idField(body, 'review_id'));
	const text = typeof body.text === 'string' ? body.text.trim() : '';
	if (!text) throw new ApiError(errors.badRequest('text: value is required'));
	const comment = { id: String(++ctx.ozon.counters.comment), text, is_owner: true, is_official: true, _publishedMs: ctx.now(), parent_comment_id: body.parent_comment_id || '' };
	r.comments.push(comment);
	if (body.mark_review_as_processed === true) r.status = 'PROCESSED';
	ctx.recordReply('review', r.id, text, { commentId: comment.id });
	return json(200, { comment_id: comment.id });
}

function commentList(ctx) {
	gate(ctx, 'reviews');
	const body = bodyOf(ctx);
	const limit = intField(body, 'limit', { min: 1, max: 100, required: true });
	const offset = intField(body, 'offset', { min: 0, max: 1e9, fallback: 0 });
	const r = findReview(ctx, idField(body, 'review_id'));
	const sorted = r.comments.slice().sort((a, b) => (body.sort_dir === 'DESC' ? -1 : 1) * (a._publishedMs - b._publishedMs));
	const page = sorted.slice(offset, offset + limit).map((c) => ({
		id: c.id,
		text: c.text,
		is_owner: c.is_owner,
		is_official: c.is_official,
		is_published: true,
		is_rejected: false,
		likes_amount: 0,
		dislikes_amount: 0,
		parent_comment_id: c.parent_comment_id,
		published_at: iso(c._publishedMs),
	}));
	return json(200, { comments: page, offset: offset + page.length });
}

function reviewChangeStatus(ctx) {
	gate(ctx, 'reviews');
	const body = bodyOf(ctx);
	if (!['NEW', 'VIEWED', 'PROCESSED'].includes(body.status)) throw new ApiError(errors.badRequest(`status: unknown value ${JSON.stringify(body.status)}`));
	if (!Array.isArray(body.review_ids) || !body.review_ids.length) throw new ApiError(errors.badRequest('review_ids: value is required'));
	const found = body.review_ids.map((id) => findReview(ctx, String(id)));
	for (const r of found) r.status = body.status;
	return json(200, {});
}

// ---- questions ----
function questionView(q) {
	return {
		id: q.id,
		sku: q.sku,
		text: q.text,
		published_at: iso(q._publishedMs),
		status: q.status,
		answers_count: q.answers.length,
		author_name: q.author_name,
		product_url: `https://www.ozon.ru/product/${q.sku}/`,
		question_link: `https://www.ozon.ru/product/${q.sku}/questions/?qid=${q.id}`,
	};
}

function qfail(status, code, message) {
	return new ApiError(errors.questionError(status, code, message));
}

function findQuestion(ctx, id) {
	const q = ctx.ozon.questions.find((x) => x.id === id);
	if (!q) throw qfail(404, 5, 'question not found');
	return q;
}

const QUESTION_FILTER = { ALL: () => true, NEW: (q) => q.status === 'NEW', VIEWED: (q) => q.status === 'VIEWED', PROCESSED: (q) => q.status === 'PROCESSED', UNPROCESSED: (q) => q.status !== 'PROCESSED' };

function questionList(ctx) {
	gate(ctx, 'questions');
	const body = bodyOf(ctx);
	const limit = intField(body, 'limit', { min: 1, max: 100, fallback: 100 });
	const filter = body.filter || {};
	const status = filter.status || 'ALL';
	if (!QUESTION_FILTER[status]) throw qfail(400, 3, `filter.status: unknown value ${JSON.stringify(status)}`);
	const from = dateField(filter, 'date_from');
	const to = dateField(filter, 'date_to');
	const matching = ctx.ozon.questions.filter((q) => QUESTION_FILTER[status](q) && (from === undefined || q._publishedMs >= from) && (to === undefined || q._publishedMs <= to));
	const p = keysetPage(sortBy(matching, body.sort_dir === 'ASC' ? 'ASC' : 'DESC'), body.last_id, limit, ctx.duplicate);
	return json(200, { questions: p.page.map(questionView), last_id: p.lastId, has_next: p.hasNext });
}

function questionInfo(ctx) {
	gate(ctx, 'questions');
	return json(200, questionView(findQuestion(ctx, idField(bodyOf(ctx), 'question_id'))));
}

function answerCreate(ctx) {
	gate(ctx, 'questions');
	const body = bodyOf(ctx);
	const q = findQuestion(ctx, idField(body, 'question_id'));
	if (String(body.sku) !== String(q.sku)) throw qfail(400, 3, `sku ${JSON.stringify(body.sku)} does not match the question's product`);
	const text = typeof body.text === 'string' ? body.text.trim() : '';
	const length = Array.from(text).length;
	if (length < 2 || length > 3000) throw qfail(400, 3, 'text: length must be from 2 to 3000 characters');
	const answer = { id: String(++ctx.ozon.counters.answer), text, author_name: 'Продавец', _publishedMs: ctx.now(), status_publication: 'PUBLISHED' };
	q.answers.push(answer);
	q.status = 'PROCESSED';
	ctx.recordReply('question', q.id, text, { answerId: answer.id });
	return json(200, { answer_id: answer.id });
}

function answerList(ctx) {
	gate(ctx, 'questions');
	const body = bodyOf(ctx);
	const q = findQuestion(ctx, idField(body, 'question_id'));
	if (body.sku === undefined) throw qfail(400, 3, 'sku: value is required');
	const answers = q.answers.map((a) => ({ id: a.id, question_id: q.id, sku: q.sku, text: a.text, author_name: a.author_name, published_at: iso(a._publishedMs), status_publication: a.status_publication }));
	return json(200, { answers, last_id: answers.length ? answers[answers.length - 1].id : '' });
}

// ---- chats ----
function lastMessage(chat) {
	return chat.messages[chat.messages.length - 1];
}

function unread(chat) {
	return chat.messages.filter((m) => !m.is_read && m.user.type !== 'Seller');
}

function messageView(m) {
	const out = { message_id: m.message_id, user: { ...m.user }, created_at: iso(m._createdMs), data: m.data.slice(), is_read: m.is_read, is_image: false };
	if (m.context) out.context = { ...m.context };
	return out;
}

function cmpId(a, b) {
	const x = BigInt(a);
	const y = BigInt(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

function findChat(ctx, id) {
	const chat = ctx.ozon.chats.find((c) => c.chat_id === id);
	if (!chat) throw new ApiError(errors.notFound('chat not found'));
	return chat;
}

function chatList(ctx) {
	const body = bodyOf(ctx);
	const limit = intField(body, 'limit', { min: 1, max: 100, required: true });
	const filter = body.filter || {};
	const status = filter.chat_status || 'ALL';
	if (!['ALL', 'OPENED', 'CLOSED'].includes(status)) throw new ApiError(errors.badRequest(`filter.chat_status: unknown value ${JSON.stringify(status)}`));
	let offset = 0;
	if (body.cursor) {
		const decoded = Number(Buffer.from(String(body.cursor), 'base64').toString('utf8'));
		if (!Number.isInteger(decoded) || decoded < 0) throw new ApiError(errors.badRequest('cursor: invalid value'));
		offset = decoded;
	}
	// Latest activity first, as the seller cabinet lists chats (the spec does not state the order).
	const chats = ctx.ozon.chats
		.filter((c) => (status === 'ALL' || c.chat_status === status) && (!filter.unread_only || unread(c).length))
		.sort((a, b) => cmpId(lastMessage(b).message_id, lastMessage(a).message_id));
	const from = Math.max(0, offset - (offset ? ctx.duplicate : 0));
	const page = chats.slice(from, offset + limit).map((c) => {
		const u = unread(c);
		const out = {
			chat: { chat_id: c.chat_id, chat_status: c.chat_status, chat_type: c.chat_type, created_at: iso(c._createdMs) },
			last_message_id: lastMessage(c).message_id,
			unread_count: u.length,
		};
		if (u.length) out.first_unread_message_id = u[0].message_id;
		return out;
	});
	const hasNext = offset + limit < chats.length;
	return okJson({
		chats: page,
		total_unread_count: ctx.ozon.chats.reduce((n, c) => n + unread(c).length, 0),
		cursor: hasNext ? Buffer.from(String(offset + limit)).toString('base64') : '',
		has_next: hasNext,
	});
}

function chatHistory(ctx) {
	const body = bodyOf(ctx);
	const chat = findChat(ctx, idField(body, 'chat_id'));
	const limit = intField(body, 'limit', { min: 1, max: 1000, fallback: 50 });
	const direction = body.direction || 'Backward';
	if (!['Forward', 'Backward'].includes(direction)) throw new ApiError(errors.badRequest(`direction: unknown value ${JSON.stringify(direction)}`));
	const fromRaw = body.from_message_id;
	if (fromRaw !== undefined && !/^\d+$/.test(String(fromRaw))) throw new ApiError(errors.badRequest('from_message_id: invalid value'));
	if (direction === 'Forward' && fromRaw === undefined) throw new ApiError(errors.badRequest('from_message_id: value is required for direction Forward'));
	let list = chat.messages.slice();
	const ids = body.filter && Array.isArray(body.filter.message_ids) ? body.filter.message_ids.map(String) : null;
	if (ids) list = list.filter((m) => ids.includes(m.message_id));
	// from_message_id is where the output starts, that message included.
	if (direction === 'Forward') list = list.filter((m) => cmpId(m.message_id, String(fromRaw)) >= 0);
	else {
		list = list.reverse();
		if (fromRaw !== undefined) list = list.filter((m) => cmpId(m.message_id, String(fromRaw)) <= 0);
	}
	return okJson({ messages: list.slice(0, limit).map(messageView), has_next: list.length > limit });
}

function sendMessage(ctx) {
	gate(ctx, 'premiumChat');
	const body = bodyOf(ctx);
	const chat = findChat(ctx, idField(body, 'chat_id'));
	const text = typeof body.text === 'string' ? body.text : '';
	const length = Array.from(text).length;
	if (length < 1 || length > 1000) throw new ApiError(errors.badRequest('text: length must be from 1 to 1000 characters'));
	if (chat.chat_type !== 'BUYER_SELLER' && chat.chat_type !== 'BUYER_SELLER_SELECT') throw new ApiError(errors.badRequest('chat is not a buyer chat'));
	const message = { message_id: nextMessageId(ctx.ozon), user: { id: String(ctx.ozon.sellerId), type: 'Seller' }, _createdMs: ctx.now(), data: [text], is_read: false };
	chat.messages.push(message);
	ctx.recordReply('chat', chat.chat_id, text, { messageId: message.message_id });
	return json(200, { result: 'success' });
}

function chatRead(ctx) {
	gate(ctx, 'premiumChat');
	const body = bodyOf(ctx);
	const chat = findChat(ctx, idField(body, 'chat_id'));
	const upTo = body.from_message_id === undefined ? lastMessage(chat).message_id : String(body.from_message_id);
	if (!/^\d+$/.test(upTo)) throw new ApiError(errors.badRequest('from_message_id: invalid value'));
	for (const m of chat.messages) if (cmpId(m.message_id, upTo) <= 0) m.is_read = true;
	return json(200, { unread_count: unread(chat).length });
}

// ---- postings, products ----
function postingView(p, scheme) {
	const base = {
		posting_number: p.posting_number,
		order_id: p.order_id,
		order_number: p.order_number,
		status: p.status,
		substatus: p.substatus,
		in_process_at: p.in_process_at,
		products: p.products.map((x) => ({ ...x })),
	};
	return scheme === 'fbo' ? { ...base, created_at: p.in_process_at } : { ...base, delivery_method: { id: 1, name: 'Ozon Логистика', warehouse: 'Склад продавца' } };
}

function postingGet(scheme) {
	return (ctx) => {
		const number = idField(bodyOf(ctx), 'posting_number');
		const p = ctx.ozon.postings.find((x) => x.posting_number === number && x.scheme === scheme);
		if (!p) throw new ApiError(errors.notFound('Posting not found'));
		return json(200, { result: postingView(p, scheme) });
	};
}

function productInfo(ctx) {
	const body = bodyOf(ctx);
	const keys = ['offer_id', 'product_id', 'sku'].filter((k) => Array.isArray(body[k]) && body[k].length);
	if (!keys.length) throw new ApiError(errors.badRequest('one of offer_id, product_id or sku is required'));
	const total = keys.reduce((n, k) => n + body[k].length, 0);
	if (total > 1000) throw new ApiError(errors.badRequest('at most 1000 identifiers per request'));
	const items = ctx.ozon.products
		.filter((p) => keys.some((k) => body[k].map(String).includes(String(p[k]))))
		.map((p) => ({ id: p.product_id, sku: p.sku, offer_id: p.offer_id, name: p.name, price: p.price, old_price: p.old_price, currency_code: p.currency_code, is_archived: false }));
	return json(200, { items });
}

function wrap(handler) {
	return (ctx) => {
		try {
			return handler(ctx);
		} catch (e) {
			if (e instanceof ApiError) return e.response;
			throw e;
		}
	};
}

const ROUTES = [
	['/v2/review/list', reviewList],
	['/v2/review/info', reviewInfo],
	['/v2/review/count', reviewCount],
	['/v1/review/comment/create', commentCreate],
	['/v1/review/comment/list', commentList],
	['/v2/review/change-status', reviewChangeStatus],
	['/v1/question/list', questionList],
	['/v1/question/info', questionInfo],
	['/v1/question/answer/create', answerCreate],
	['/v1/question/answer/list', answerList],
	['/v3/chat/list', chatList],
	['/v3/chat/history', chatHistory],
	['/v1/chat/send/message', sendMessage],
	['/v2/chat/read', chatRead],
	['/v3/posting/fbs/get', postingGet('fbs')],
	['/v2/posting/fbo/get', postingGet('fbo')],
	['/v3/product/info/list', productInfo],
].map(([path, handler]) => ({ method: 'POST', path, handler: wrap(handler) }));

module.exports = { routes: ROUTES, SUBSCRIPTIONS, reviewView, questionView, messageView, cmpId, iso };
