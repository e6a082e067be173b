'use strict';
// A fresh Yandex.Market state with every date relative to `now`: the shared product catalogue (offerId = the
// seller's article) and real buyer texts from the seed corpus, spread over feedbacks, questions, chats, orders.

const { createRng } = require('../core/prng');
const { DAY } = require('../core/time');
const wbSeed = require('../wb/seed');

const SEEDS = wbSeed.SEEDS;
const BUSINESS_ID = 11000001;
const CAMPAIGN_ID = 22000001;
const HOUR = 3600 * 1000;

function iso(ms) {
	return new Date(ms).toISOString();
}

function offers() {
	return wbSeed.catalogue().products.map((p) => ({ offerId: p.supplierArticle, name: p.name, key: p.key, price: p.price }));
}

function emptyState(now) {
	return {
		businessId: BUSINESS_ID,
		campaignId: CAMPAIGN_ID,
		offers: offers(),
		feedbacks: [],
		comments: [],
		questions: [],
		answers: [],
		chats: [],
		messages: [],
		orders: [],
		nextId: { feedback: 900000001, comment: 910000001, question: 920000001, answer: 930000001, chat: 940000001, message: 950000001, order: 53000001 },
		push: { url: null, duplicate: false, deliveries: [] },
		createdAt: now,
	};
}

function nextId(ym, kind) {
	return ym.nextId[kind]++;
}

function addOrder(ym, rng, offer, createdMs) {
	const order = {
		orderId: nextId(ym, 'order'),
		campaignId: ym.campaignId,
		programType: 'FBS',
		status: rng.pick(['PROCESSING', 'DELIVERY', 'PICKUP', 'DELIVERED', 'DELIVERED']),
		substatus: 'STARTED',
		creationDate: iso(createdMs),
		updateDate: iso(createdMs + HOUR),
		paymentType: 'PREPAID',
		paymentMethod: 'YANDEX',
		fake: false,
		items: [{ id: nextId(ym, 'order'), offerId: offer.offerId, offerName: offer.name, count: 1, prices: { payment: { value: offer.price, currencyId: 'RUR' } } }],
		delivery: { type: 'PICKUP', serviceName: 'Доставка Маркета', deliveryServiceId: 1005555, deliveryPartnerType: 'YANDEX_MARKET', dates: { fromDate: iso(createdMs + 3 * DAY).slice(0, 10) } },
	};
	if (order.status !== 'DELIVERED') order.substatus = order.status === 'PROCESSING' ? 'STARTED' : 'DELIVERY_SERVICE_RECEIVED';
	else order.substatus = 'DELIVERY_SERVICE_DELIVERED';
	ym.orders.push(order);
	return order;
}

function buildState(seedName, now) {
	if (!SEEDS.includes(seedName)) throw new Error(`seed must be one of ${SEEDS.join(', ')} (got ${JSON.stringify(seedName)})`);
	const ym = emptyState(now);
	if (seedName === 'empty') return ym;
	const rng = createRng(`ym:${seedName}`);
	const corpus = wbSeed.corpus();
	const byKey = new Map(ym.offers.map((o) => [o.key, o]));
	// 24 feedbacks over the last 20 days: two thirds still need a reaction, the rest carry a seller comment.
	for (let i = 0; i < 24; i++) {
		const r = corpus.reviews[(i * 7) % corpus.reviews.length];
		const offer = byKey.get(r.product) || ym.offers[i % ym.offers.length];
		const createdMs = now - (20 - i * 0.8) * DAY;
		const order = addOrder(ym, rng, offer, createdMs - 5 * DAY);
		const fb = {
			feedbackId: nextId(ym, 'feedback'),
			createdAt: iso(createdMs),
			needReaction: true,
			identifiers: { orderId: order.orderId, offerId: offer.offerId },
			author: rng.pick(corpus.names),
			description: { comment: r.text, ...(r.pros ? { advantages: r.pros } : {}), ...(r.cons ? { disadvantages: r.cons } : {}) },
			statistics: { rating: r.rating, commentsCount: 0, recommended: r.rating >= 4 },
		};
		ym.feedbacks.push(fb);
		if (i % 3 === 0) {
			ym.comments.push({
				id: nextId(ym, 'comment'),
				text: 'Спасибо за отзыв! Рады, что товар вам подошёл.',
				canModify: true,
				author: { type: 'BUSINESS', name: 'AgentIQ Demo' },
				status: 'PUBLISHED',
				feedbackId: fb.feedbackId,
				_createdMs: createdMs + HOUR,
			});
			fb.statistics.commentsCount = 1;
			fb.needReaction = false;
		}
	}
	// 10 questions over the last 10 days; every third one answered.
	for (let i = 0; i < 10; i++) {
		const q = corpus.questions[i % corpus.questions.length];
		const offer = byKey.get(q.product) || ym.offers[i % ym.offers.length];
		const createdMs = now - (10 - i) * DAY;
		const question = {
			questionIdentifiers: { id: nextId(ym, 'question'), categoryId: 90401, offerId: offer.offerId },
			businessId: ym.businessId,
			text: q.text,
			createdAt: iso(createdMs),
			votes: { likes: 0, dislikes: 0 },
			author: { type: 'USER', name: rng.pick(corpus.names) },
		};
		ym.questions.push(question);
		if (i % 3 === 0) {
			ym.answers.push({
				id: nextId(ym, 'answer'),
				text: 'Здравствуйте! Да, подходит.',
				canModify: true,
				author: { type: 'BUSINESS', name: 'AgentIQ Demo' },
				status: 'PUBLISHED',
				questionId: question.questionIdentifiers.id,
				createdAt: iso(createdMs + HOUR),
				votes: { likes: 0, dislikes: 0 },
			});
		}
	}
	// 6 chats: ORDER chats and DIRECT ones (opened by the buyer from the product card); the last two answered.
	for (let i = 0; i < 6; i++) {
		const offer = ym.offers[(i * 3) % ym.offers.length];
		const createdMs = now - (6 - i) * DAY;
		const direct = i % 3 === 2;
		const order = direct ? null : addOrder(ym, rng, offer, createdMs - 2 * DAY);
		const chat = {
			chatId: nextId(ym, 'chat'),
			context: {
				type: direct ? 'DIRECT' : 'ORDER',
				customer: { name: rng.pick(corpus.names), publicId: `buyer-${rng.alnum(10)}` },
				campaignId: ym.campaignId,
				...(order ? { orderId: order.orderId } : {}),
			},
			...(order ? { orderId: order.orderId } : {}),
			type: 'CHAT',
			status: 'NEW',
			createdAt: iso(createdMs),
			updatedAt: iso(createdMs),
		};
		ym.chats.push(chat);
		const text = corpus.chats[i % corpus.chats.length].text;
		addMessage(ym, chat, 'CUSTOMER', text, createdMs);
		chat.status = 'WAITING_FOR_PARTNER';
		if (i >= 4) {
			addMessage(ym, chat, 'PARTNER', 'Здравствуйте! Уже проверяем ваш вопрос.', createdMs + HOUR);
			chat.status = 'WAITING_FOR_CUSTOMER';
		}
	}
	return ym;
}

function addMessage(ym, chat, sender, message, atMs) {
	const m = { messageId: nextId(ym, 'message'), chatId: chat.chatId, createdAt: iso(atMs), sender, message };
	ym.messages.push(m);
	chat.updatedAt = iso(atMs);
	return m;
}

module.exports = { buildState, addMessage, nextId, addOrder, SEEDS, BUSINESS_ID, CAMPAIGN_ID, iso };
