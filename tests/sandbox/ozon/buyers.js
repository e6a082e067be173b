'use strict';
// Buyer activity on Ozon: new reviews, questions and chat messages through the control API, the sandbox's methods
// or live traffic, plus the push switchboard. Fields left out are filled from the real-text corpus.

const { InputError } = require('../core/input-error');
const { corpus, nextMessageId, reviewId, chatId } = require('./seed');
const { iso, messageView } = require('./api');
const push = require('./push');

const RATING_WEIGHTS = [[5, 62], [4, 10], [3, 8], [2, 6], [1, 14]];

function copy(value) {
	return JSON.parse(JSON.stringify(value));
}

function checkObject(input, what) {
	if (input == null) return {};
	if (typeof input !== 'object' || Array.isArray(input)) throw new InputError(`${what} must be a JSON object`);
	return input;
}

function optionalString(input, name, what, max) {
	const v = input[name];
	if (v === undefined) return undefined;
	if (typeof v !== 'string') throw new InputError(`${what}.${name} must be a string (got ${JSON.stringify(v)})`);
	if (Array.from(v).length > max) throw new InputError(`${what}.${name} is longer than ${max} characters`);
	return v;
}

function productOf(sbx, input, what) {
	if (input.sku === undefined) return undefined;
	const p = sbx.ozon.products.find((x) => String(x.sku) === String(input.sku));
	if (!p) throw new InputError(`${what}.sku: unknown product ${JSON.stringify(input.sku)} (known: ${sbx.ozon.products.map((x) => x.sku).join(', ')})`);
	return p;
}

function nextFromCorpus(sbx, list, name, accept) {
	const candidates = list.filter(accept);
	if (!candidates.length) return undefined;
	return candidates[sbx.ozon.counters.corpus[name]++ % candidates.length];
}

function nextName(sbx) {
	const names = corpus().names;
	return names[(sbx.ozon.counters.corpus.names++ * 7 + 3) % names.length];
}

function addReview(sbx, raw) {
	const what = 'review';
	const input = checkObject(raw, what);
	let text = optionalString(input, 'text', what, 10000);
	let rating = input.rating;
	if (rating !== undefined && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) throw new InputError(`${what}.rating must be an integer 1..5 (got ${JSON.stringify(rating)})`);
	let product = productOf(sbx, input, what);
	if (text === undefined) {
		const entry = nextFromCorpus(sbx, corpus().reviews, 'reviews', (r) => rating === undefined || r.rating === rating);
		text = entry.text;
		if (rating === undefined) rating = entry.rating;
		if (!product) product = sbx.ozon.products.find((p) => p.key === entry.product);
	}
	if (rating === undefined) rating = sbx.rng.weighted(RATING_WEIGHTS);
	if (!product) product = sbx.rng.pick(sbx.ozon.products);
	const review = {
		id: reviewId(sbx.ozon),
		sku: product.sku,
		text,
		_publishedMs: sbx.now(),
		rating,
		status: 'NEW',
		order_status: 'DELIVERED',
		photos_amount: 0,
		videos_amount: 0,
		is_rating_participant: true,
		comments: [],
	};
	sbx.ozon.reviews.push(review);
	return { id: review.id, sku: review.sku, rating, text, published_at: iso(review._publishedMs) };
}

function addQuestion(sbx, raw) {
	const what = 'question';
	const input = checkObject(raw, what);
	let text = optionalString(input, 'text', what, 5000);
	let product = productOf(sbx, input, what);
	if (text === undefined) {
		const entry = nextFromCorpus(sbx, corpus().questions, 'questions', () => true);
		text = entry.text;
		if (!product) product = sbx.ozon.products.find((p) => p.key === entry.product);
	}
	if (!product) product = sbx.rng.pick(sbx.ozon.products);
	const question = { id: String(420000000 + ++sbx.ozon.counters.question), sku: product.sku, text, _publishedMs: sbx.now(), status: 'NEW', author_name: nextName(sbx), answers: [] };
	sbx.ozon.questions.push(question);
	return { id: question.id, sku: question.sku, text, published_at: iso(question._publishedMs) };
}

/** Appends a buyer message (a new chat when no chat_id is given); returns it with its TYPE_NEW_MESSAGE notification. */
function appendBuyerMessage(sbx, raw) {
	const what = 'chatMessage';
	const input = checkObject(raw, what);
	let text = optionalString(input, 'text', what, 1000);
	const id = optionalString(input, 'chat_id', what, 100);
	const orderNumber = optionalString(input, 'order_number', what, 40);
	let chat = id ? sbx.ozon.chats.find((c) => c.chat_id === id) : undefined;
	if (id && !chat) throw new InputError(`${what}.chat_id: unknown chat ${JSON.stringify(id)} (leave it out to open a new chat)`);
	let context;
	if (orderNumber !== undefined) {
		const posting = sbx.ozon.postings.find((p) => p.order_number === orderNumber || p.posting_number === orderNumber);
		if (!posting) throw new InputError(`${what}.order_number: no posting ${JSON.stringify(orderNumber)} in the sandbox`);
		context = { order_number: posting.order_number, sku: String(posting.products[0].sku) };
	}
	if (text === undefined) text = nextFromCorpus(sbx, corpus().chats, 'chats', () => true).text;
	if (!text.trim()) throw new InputError(`${what}.text must not be empty`);
	if (!chat) {
		chat = { chat_id: chatId(sbx.ozon), chat_type: 'BUYER_SELLER', chat_status: 'OPENED', _createdMs: sbx.now(), buyerId: String(200000 + sbx.ozon.counters.chat), messages: [] };
		sbx.ozon.chats.push(chat);
	}
	const message = { message_id: nextMessageId(sbx.ozon), user: { id: chat.buyerId || '115568', type: 'Customer' }, _createdMs: sbx.now(), data: [text], is_read: false };
	if (context) message.context = context;
	chat.messages.push(message);
	const notification = {
		message_type: 'TYPE_NEW_MESSAGE',
		chat_id: chat.chat_id,
		chat_type: 'Buyer_Seller',
		message_id: message.message_id,
		created_at: iso(message._createdMs),
		user: { id: message.user.id, type: 'Customer' },
		data: [text],
		seller_id: String(sbx.ozon.sellerId),
	};
	if (context) notification.context = context;
	return { chat, message, notification };
}

/** A buyer message; pushes TYPE_NEW_MESSAGE to the configured URL (if any) before answering. */
async function addChatMessage(sbx, raw) {
	const { chat, message, notification } = appendBuyerMessage(sbx, raw);
	const deliveries = await push.notify(sbx, notification);
	return { chat_id: chat.chat_id, message: copy(messageView(message)), deliveries };
}

function configurePush(sbx, raw) {
	const input = checkObject(raw, 'push');
	if (input.url !== undefined && input.url !== null) {
		if (typeof input.url !== 'string' || !/^https?:\/\//.test(input.url)) throw new InputError(`push.url must be an http(s) URL or null (got ${JSON.stringify(input.url)})`);
	}
	if (input.duplicate !== undefined && typeof input.duplicate !== 'boolean') throw new InputError('push.duplicate must be true or false');
	const p = sbx.ozon.push;
	if (input.url !== undefined) p.url = input.url;
	if (input.duplicate !== undefined) p.duplicate = input.duplicate;
	return { url: p.url, duplicate: p.duplicate, deliveries: p.deliveries.length };
}

/** Sends any body (also a malformed one, as a string) to the configured URL; TYPE_PING when no body is given. */
async function sendRaw(sbx, raw) {
	if (!sbx.ozon.push.url) throw new InputError('push.url is not set: POST /__control/ozon/push {"url": ...} first');
	const input = checkObject(raw, 'push-send');
	const body = input.body === undefined ? { message_type: 'TYPE_PING', time: iso(sbx.now()) } : input.body;
	const record = await push.sendOne(sbx.ozon.push.url, body, sbx.now);
	sbx.ozon.push.deliveries.push(record);
	return record;
}

/** One step of live traffic (synchronous; a push it causes is sent in the background). */
function liveStep(sbx) {
	const kind = sbx.rng.weighted([['review', 45], ['question', 20], ['chat', 35]]);
	if (kind === 'review') {
		const r = addReview(sbx, {});
		return `new review ${r.id} ★${r.rating} on ${r.sku}`;
	}
	if (kind === 'question') return `new question ${addQuestion(sbx, {}).id}`;
	const buyerChats = sbx.ozon.chats.filter((c) => c.chat_type === 'BUYER_SELLER');
	const followUp = buyerChats.length && sbx.rng.chance(0.5);
	const { chat, notification } = appendBuyerMessage(sbx, followUp ? { chat_id: sbx.rng.pick(buyerChats).chat_id } : {});
	push.notify(sbx, notification).catch(() => undefined);
	return `${followUp ? 'buyer message in' : 'new chat'} ${chat.chat_id}`;
}

module.exports = { addReview, addQuestion, addChatMessage, configurePush, sendRaw, liveStep };
