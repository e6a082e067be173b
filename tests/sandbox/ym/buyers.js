'use strict';
// Buyer activity (control API, live traffic): new feedbacks, questions and chat messages, each followed by the push
// notification Market would send (GOODS_FEEDBACK_CREATED, QUESTION_CREATED, CHAT_CREATED, CHAT_MESSAGE_SENT).
// Chats of context DIRECT are opened only by the buyer, so a new chat here is the buyer's.

const { InputError } = require('../core/input-error');
const wbSeed = require('../wb/seed');
const { addMessage, nextId, addOrder, iso } = require('./seed');
const { notify, sendOne } = require('./push');
const { publicView } = require('./api');

function obj(input, what) {
	if (input == null) return {};
	if (typeof input !== 'object' || Array.isArray(input)) throw new InputError(`${what} must be a JSON object`);
	return input;
}

function str(input, name, what, max = 5000) {
	const v = input[name];
	if (v === undefined) return undefined;
	if (typeof v !== 'string' || !v.trim() || v.length > max) throw new InputError(`${what}.${name} must be a non-empty string of at most ${max} characters`);
	return v;
}

function offerFor(sbx, input, what) {
	if (input.offerId === undefined) return sbx.rng.pick(sbx.ym.offers);
	const offer = sbx.ym.offers.find((o) => o.offerId === input.offerId);
	if (!offer) throw new InputError(`${what}.offerId: unknown offer ${JSON.stringify(input.offerId)} (known: ${sbx.ym.offers.map((o) => o.offerId).join(', ')})`);
	return offer;
}

function createFeedback(sbx, input) {
	const what = 'feedback';
	const i = obj(input, what);
	const corpus = wbSeed.corpus();
	const sample = sbx.rng.pick(corpus.reviews);
	if (i.rating !== undefined && !(Number.isInteger(i.rating) && i.rating >= 1 && i.rating <= 5)) throw new InputError('feedback.rating must be an integer 1..5');
	const offer = offerFor(sbx, i, what);
	const now = sbx.now();
	const order = addOrder(sbx.ym, sbx.rng, offer, now - 7 * 86400000);
	const comment = i.text ?? sample.text;
	const fb = {
		feedbackId: nextId(sbx.ym, 'feedback'),
		createdAt: iso(now),
		needReaction: true,
		identifiers: { orderId: order.orderId, offerId: offer.offerId },
		author: str(i, 'author', what, 100) ?? sbx.rng.pick(corpus.names),
		description: {
			...(str(i, 'text', what) !== undefined || comment ? { comment } : {}),
			...(str(i, 'advantages', what) ? { advantages: i.advantages } : {}),
			...(str(i, 'disadvantages', what) ? { disadvantages: i.disadvantages } : {}),
		},
		statistics: { rating: i.rating ?? sample.rating, commentsCount: 0, recommended: (i.rating ?? sample.rating) >= 4 },
	};
	sbx.ym.feedbacks.push(fb);
	const notifications = [
		{ notificationType: 'GOODS_FEEDBACK_CREATED', feedbackId: fb.feedbackId, businessId: sbx.ym.businessId, createdAt: fb.createdAt, publishedAt: fb.createdAt },
	];
	return { result: { feedback: publicView(fb) }, notifications };
}

function createQuestion(sbx, input) {
	const what = 'question';
	const i = obj(input, what);
	const corpus = wbSeed.corpus();
	const offer = offerFor(sbx, i, what);
	const q = {
		questionIdentifiers: { id: nextId(sbx.ym, 'question'), categoryId: 90401, offerId: offer.offerId },
		businessId: sbx.ym.businessId,
		text: str(i, 'text', what) ?? sbx.rng.pick(corpus.questions).text,
		createdAt: iso(sbx.now()),
		votes: { likes: 0, dislikes: 0 },
		author: { type: 'USER', name: str(i, 'author', what, 100) ?? sbx.rng.pick(corpus.names) },
	};
	sbx.ym.questions.push(q);
	const notifications = [{ notificationType: 'QUESTION_CREATED', questionId: q.questionIdentifiers.id, businessId: sbx.ym.businessId, createdAt: q.createdAt }];
	return { result: { question: publicView(q) }, notifications };
}

function createChatMessage(sbx, input) {
	const what = 'chat message';
	const i = obj(input, what);
	const corpus = wbSeed.corpus();
	const now = sbx.now();
	const notifications = [];
	let chat;
	if (i.chatId !== undefined) {
		chat = sbx.ym.chats.find((c) => c.chatId === i.chatId);
		if (!chat) throw new InputError(`chat message.chatId: unknown chat ${JSON.stringify(i.chatId)}`);
	} else {
		const contextType = i.contextType ?? 'DIRECT';
		if (!['DIRECT', 'ORDER'].includes(contextType)) throw new InputError('chat message.contextType must be DIRECT or ORDER');
		const offer = sbx.rng.pick(sbx.ym.offers);
		const order = contextType === 'ORDER' ? addOrder(sbx.ym, sbx.rng, offer, now - 2 * 86400000) : null;
		chat = {
			chatId: nextId(sbx.ym, 'chat'),
			context: {
				type: contextType,
				customer: { name: str(i, 'author', what, 100) ?? sbx.rng.pick(corpus.names), publicId: `buyer-${sbx.rng.alnum(10)}` },
				campaignId: sbx.ym.campaignId,
				...(order ? { orderId: order.orderId } : {}),
			},
			...(order ? { orderId: order.orderId } : {}),
			type: 'CHAT',
			status: 'NEW',
			createdAt: iso(now),
			updatedAt: iso(now),
		};
		sbx.ym.chats.push(chat);
		notifications.push({ notificationType: 'CHAT_CREATED', chatId: chat.chatId, businessId: sbx.ym.businessId, createdAt: chat.createdAt });
	}
	if (chat.status === 'FINISHED') throw new InputError(`chat ${chat.chatId} is finished`);
	const m = addMessage(sbx.ym, chat, 'CUSTOMER', str(i, 'text', what, 4096) ?? sbx.rng.pick(corpus.chats).text, now);
	chat.status = 'WAITING_FOR_PARTNER';
	// messageId is a string in the notification spec
	notifications.push({ notificationType: 'CHAT_MESSAGE_SENT', chatId: chat.chatId, messageId: String(m.messageId), businessId: sbx.ym.businessId, sentAt: m.createdAt });
	return { result: { chat: publicView(chat), message: publicView(m) }, notifications };
}

function configurePush(sbx, input) {
	const i = obj(input, 'push');
	if (i.url !== undefined && i.url !== null) {
		if (typeof i.url !== 'string' || !/^https?:\/\//.test(i.url)) throw new InputError('push.url must be an http(s) URL or null');
	}
	if (i.duplicate !== undefined && typeof i.duplicate !== 'boolean') throw new InputError('push.duplicate must be true or false');
	if (i.url !== undefined) sbx.ym.push.url = i.url;
	if (i.duplicate !== undefined) sbx.ym.push.duplicate = i.duplicate;
	return { url: sbx.ym.push.url, duplicate: sbx.ym.push.duplicate, deliveries: sbx.ym.push.deliveries.length };
}

/** Sends one notification as given (PING by default, or any body — also a malformed one) and returns the delivery. */
async function sendRaw(sbx, input) {
	const i = obj(input, 'push-send');
	const url = i.url ?? sbx.ym.push.url;
	if (!url) throw new InputError('push-send: no URL (configure one with /__control/ym/push or pass url)');
	const body = i.body === undefined ? { notificationType: 'PING', time: iso(sbx.now()) } : i.body;
	const record = await sendOne(url, body, sbx.now);
	sbx.ym.push.deliveries.push(record);
	return record;
}

/** Changes the state at once, then sends the notifications in order; resolves with the result and the deliveries. */
async function withPush(sbx, created) {
	const push = [];
	for (const n of created.notifications) push.push(...(await notify(sbx, n)));
	return { ...created.result, push };
}

const addFeedback = (sbx, input) => withPush(sbx, createFeedback(sbx, input));
const addQuestion = (sbx, input) => withPush(sbx, createQuestion(sbx, input));
const addChatMessage = (sbx, input) => withPush(sbx, createChatMessage(sbx, input));

/** Live traffic: synchronous for the core's timer; notifications go out in the background. */
function liveStep(sbx) {
	const kind = sbx.rng.weighted([['feedback', 45], ['question', 20], ['chat', 35]]);
	let created;
	let line;
	if (kind === 'feedback') {
		created = createFeedback(sbx, {});
		line = `new feedback ${created.result.feedback.feedbackId}`;
	} else if (kind === 'question') {
		created = createQuestion(sbx, {});
		line = `new question ${created.result.question.questionIdentifiers.id}`;
	} else {
		const open = sbx.ym.chats.filter((c) => c.status !== 'FINISHED');
		const follow = open.length && sbx.rng.chance(0.5);
		created = createChatMessage(sbx, follow ? { chatId: sbx.rng.pick(open).chatId } : {});
		line = `${follow ? 'buyer message in' : 'new chat'} ${created.result.chat.chatId}`;
	}
	void withPush(sbx, created).catch(() => undefined);
	return line;
}

module.exports = { addFeedback, addQuestion, addChatMessage, configurePush, sendRaw, liveStep };
