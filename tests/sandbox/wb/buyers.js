'use strict';
// Buyer activity: new feedbacks, questions and chat messages created through the control API, the
// sandbox's JS methods or live traffic. Fields left out are filled from the seed corpus (real buyer texts).

const model = require('./model');
const { corpus } = require('./seed');
const { DAY } = require('../core/time');
const { InputError } = require('../core/input-error');

const PRODUCT_WEIGHTS = {
	filter4: 6, filter2: 4, capsules: 3, sneakers: 3, dress: 3, hoodie: 3, pajama: 2, jacket: 2, earbuds: 3, watch: 2, case: 2, petbed: 2, pan: 1,
};
const RATING_WEIGHTS = [[5, 62], [4, 10], [3, 8], [2, 6], [1, 14]];

/** Callers get copies: changing a returned object must not change the sandbox state. */
function copy(value) {
	return JSON.parse(JSON.stringify(value));
}

function checkObject(input, what) {
	if (input == null) return {};
	if (typeof input !== 'object' || Array.isArray(input)) throw new InputError(`${what} must be a JSON object`);
	return input;
}

function optionalString(input, name, what, max = 100000) {
	const v = input[name];
	if (v === undefined) return undefined;
	if (typeof v !== 'string') throw new InputError(`${what}.${name} must be a string (got ${JSON.stringify(v)})`);
	if (v.length > max) throw new InputError(`${what}.${name} is longer than ${max} characters`);
	return v;
}

function createdMsOf(sbx, input, what) {
	if (input.createdDate === undefined) return sbx.now();
	const ms = typeof input.createdDate === 'number' ? input.createdDate : Date.parse(input.createdDate);
	if (!Number.isFinite(ms)) {
		throw new InputError(`${what}.createdDate must be an ISO date-time or ms timestamp (got ${JSON.stringify(input.createdDate)})`);
	}
	return ms;
}

function productOf(sbx, input, what) {
	if (input.nmId === undefined) return undefined;
	const p = Number.isInteger(input.nmId) ? model.productByNm(sbx.wb, input.nmId) : undefined;
	if (!p) {
		const known = sbx.wb.products.map((x) => x.nmId).join(', ');
		throw new InputError(`${what}.nmId: unknown product ${JSON.stringify(input.nmId)} (known nmIds: ${known})`);
	}
	return p;
}

function randomProduct(sbx) {
	const pairs = sbx.wb.products.map((p) => [p, PRODUCT_WEIGHTS[p.key] || 1]);
	return sbx.rng.weighted(pairs);
}

/** Takes the next corpus entry satisfying `accept`, cycling, so that repeated calls vary. */
function nextFromCorpus(sbx, list, cursorName, accept) {
	const candidates = list.filter(accept);
	if (!candidates.length) return undefined;
	const i = sbx.wb.cursors[cursorName]++ % candidates.length;
	return candidates[i];
}

function nextName(sbx) {
	const names = corpus().names;
	return names[(sbx.wb.cursors.names++ * 7 + 3) % names.length];
}

function addFeedback(sbx, raw) {
	const what = 'feedback';
	const input = checkObject(raw, what);
	let text = optionalString(input, 'text', what, 5000);
	let pros = optionalString(input, 'pros', what, 5000);
	let cons = optionalString(input, 'cons', what, 5000);
	let rating = input.productValuation;
	if (rating !== undefined && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) {
		throw new InputError(`${what}.productValuation must be an integer 1..5 (got ${JSON.stringify(rating)})`);
	}
	let product = productOf(sbx, input, what);
	const userName = optionalString(input, 'userName', what, 100);
	const createdMs = createdMsOf(sbx, input, what);
	if (text === undefined) {
		const entry =
			nextFromCorpus(sbx, corpus().reviews, 'reviews', (r) => (!product || r.product === product.key) && (rating === undefined || r.rating === rating)) ||
			nextFromCorpus(sbx, corpus().reviews, 'reviews', (r) => rating === undefined || r.rating === rating);
		text = entry.text;
		if (pros === undefined) pros = entry.pros;
		if (cons === undefined) cons = entry.cons;
		if (rating === undefined) rating = entry.rating;
		if (!product) product = model.productByKey(sbx.wb, entry.product);
	}
	if (rating === undefined) rating = sbx.rng.weighted(RATING_WEIGHTS);
	if (!product) product = randomProduct(sbx);
	const size = sbx.rng.pick(product.sizes).techSize;
	const fb = model.makeFeedback(sbx.wb, {
		id: sbx.rng.alnum(20),
		product,
		size,
		text,
		pros: pros || '',
		cons: cons || '',
		rating,
		createdMs,
		userName: userName !== undefined ? userName : nextName(sbx),
		orderStatus: 'buyout',
		photos: 0,
		wasViewed: false,
		shkId: Number(sbx.rng.digits(11)),
		orderCreatedMs: createdMs - sbx.rng.int(2, 20) * DAY,
		answer: null,
		source: 'control',
	});
	sbx.wb.feedbacks.push(fb);
	return copy(model.publicView(fb));
}

function addQuestion(sbx, raw) {
	const what = 'question';
	const input = checkObject(raw, what);
	let text = optionalString(input, 'text', what, 5000);
	let product = productOf(sbx, input, what);
	const createdMs = createdMsOf(sbx, input, what);
	if (text === undefined) {
		const entry =
			nextFromCorpus(sbx, corpus().questions, 'questions', (q) => !product || q.product === product.key) ||
			nextFromCorpus(sbx, corpus().questions, 'questions', () => true);
		text = entry.text;
		if (!product) product = model.productByKey(sbx.wb, entry.product);
	}
	if (!product) product = randomProduct(sbx);
	const q = model.makeQuestion(sbx.wb, {
		id: sbx.rng.alnum(20),
		product,
		text,
		createdMs,
		state: 'suppliersPortalSynch',
		wasViewed: false,
		isWarned: false,
		answer: null,
		source: 'control',
	});
	sbx.wb.questions.push(q);
	return copy(model.publicView(q));
}

function goodCardFromOrder(sbx, orderId) {
	const fbs = sbx.wb.orders.find((o) => o.id === orderId || o.rid === orderId);
	if (fbs) {
		const p = model.productByNm(sbx.wb, fbs.nmId);
		const size = model.sizeOf(p, fbs._techSize);
		return { nmID: p.nmId, price: p.price, priceCurrency: 'RUB', rid: fbs.rid, size: size.wbSize || '0' };
	}
	const row = sbx.wb.statsOrders.find((r) => r.srid === orderId);
	if (row) {
		const p = model.productByNm(sbx.wb, row.nmId);
		const size = model.sizeOf(p, row.techSize);
		return { nmID: p.nmId, price: p.price, priceCurrency: 'RUB', rid: row.srid, size: size.wbSize || '0' };
	}
	throw new InputError(`chatMessage.orderId: no FBS order id, rid or srid ${JSON.stringify(orderId)} in the sandbox`);
}

/** A buyer message; opens a new chat when no chatID is given (or isNewChat is true with a new chatID). */
function addChatMessage(sbx, raw) {
	const what = 'chatMessage';
	const input = checkObject(raw, what);
	let text = optionalString(input, 'text', what, 1000);
	const chatID = optionalString(input, 'chatID', what, 255);
	if (input.isNewChat !== undefined && typeof input.isNewChat !== 'boolean') {
		throw new InputError(`${what}.isNewChat must be true or false (got ${JSON.stringify(input.isNewChat)})`);
	}
	const clientName = optionalString(input, 'clientName', what, 100);
	let chat = chatID ? sbx.wb.chats.find((c) => c.chatID === chatID) : undefined;
	if (chatID && !chat && input.isNewChat !== true) {
		throw new InputError(`${what}.chatID: unknown chat ${JSON.stringify(chatID)} (pass isNewChat: true to open it)`);
	}
	if (chat && input.isNewChat === true) throw new InputError(`${what}.chatID: chat ${chatID} already exists, so isNewChat cannot be true`);
	const isNewChat = !chat;
	if (isNewChat) {
		const id = chatID || `1:${sbx.rng.uuid()}`;
		chat = { chatID: id, replySign: `${id}:${sbx.rng.digits(8)}:${sbx.rng.hex(128)}`, clientName: clientName || nextName(sbx) };
		if (input.orderId !== undefined) chat.goodCard = goodCardFromOrder(sbx, input.orderId);
	}
	if (text === undefined) text = nextFromCorpus(sbx, corpus().chats, 'chats', () => true).text;
	if (!text.trim()) throw new InputError(`${what}.text must not be empty`);
	if (isNewChat) sbx.wb.chats.push(chat);
	const event = model.appendEvent(sbx.wb, chat, {
		eventID: sbx.rng.uuid(),
		sender: 'client',
		source: sbx.rng.pick(['rusite', 'android', 'ios']),
		text,
		ms: sbx.now(),
		isNewChat,
	});
	return { chat: copy(chat), event: copy(event) };
}

/** One step of live traffic: a new feedback, question or buyer chat message. */
function liveStep(sbx) {
	const kind = sbx.rng.weighted([['feedback', 45], ['question', 20], ['chat', 35]]);
	if (kind === 'feedback') {
		const fb = addFeedback(sbx, {});
		return `new feedback ${fb.id} ★${fb.productValuation} on ${fb.productDetails.nmId}`;
	}
	if (kind === 'question') {
		const q = addQuestion(sbx, {});
		return `new question ${q.id} on ${q.productDetails.nmId}`;
	}
	const openChats = sbx.wb.chats;
	const followUp = openChats.length && sbx.rng.chance(0.5);
	const { chat } = addChatMessage(sbx, followUp ? { chatID: sbx.rng.pick(openChats).chatID } : {});
	return `${followUp ? 'buyer message in' : 'new chat'} ${chat.chatID}`;
}

module.exports = { addFeedback, addQuestion, addChatMessage, liveStep, InputError };
