'use strict';
// A fresh Ozon state with every date relative to `now`: the sandbox's shared product catalogue and real buyer texts
// (tests/sandbox/seed), given Ozon's identifiers. Message ids are uint64 values above 2^53, as Ozon's are, so a
// client that reads them as JavaScript numbers gets them wrong.

const fs = require('fs');
const path = require('path');

const SEED_DIR = path.join(__dirname, '..', 'seed');
const SEEDS = ['default', 'empty'];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FIRST_MESSAGE_ID = 3000000000817031942n;
let cache = null;

function sources() {
	if (!cache) {
		cache = {
			catalogue: JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'products.json'), 'utf8')),
			corpus: JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'wb-default.json'), 'utf8')).corpus,
		};
	}
	return cache;
}

function corpus() {
	return sources().corpus;
}

function nextMessageId(oz) {
	const id = BigInt(oz.lastMessageId) + 1n + BigInt(oz.messageStep++ % 7);
	oz.lastMessageId = id.toString();
	return oz.lastMessageId;
}

function hexId(n, length) {
	return n.toString(16).padStart(length, '0').slice(-length);
}

function reviewId(oz) {
	oz.counters.review++;
	return `${hexId(0x01995e1c + oz.counters.review * 977, 8)}-${hexId(oz.counters.review * 31, 4)}-7${hexId(oz.counters.review, 3)}-a${hexId(oz.counters.review * 13, 3)}-${hexId(oz.counters.review * 104729, 12)}`;
}

function chatId(oz) {
	oz.counters.chat++;
	return `${hexId(0xb646d975 + oz.counters.chat, 8)}-0c9c-4872-9f41-${hexId(0x8b1e57181063 + oz.counters.chat * 7, 12)}`;
}

function buildState(seedName, now) {
	if (!SEEDS.includes(seedName)) throw new Error(`seed must be one of ${SEEDS.join(', ')} (got ${JSON.stringify(seedName)})`);
	const { catalogue } = sources();
	const oz = {
		sellerId: 100001,
		products: catalogue.products.map((p, i) => ({
			key: p.key,
			product_id: 800000000 + i * 1117,
			sku: 1500000000 + i * 7919,
			offer_id: p.supplierArticle,
			name: p.name,
			price: String(p.price),
			old_price: String(p.fullPrice),
			currency_code: 'RUB',
		})),
		reviews: [],
		questions: [],
		chats: [],
		postings: [],
		lastMessageId: FIRST_MESSAGE_ID.toString(),
		messageStep: 0,
		counters: { review: 0, question: 0, chat: 0, posting: 0, comment: 0, answer: 0, corpus: { reviews: 0, questions: 0, chats: 0, names: 0 } },
		push: { url: null, duplicate: false, deliveries: [] },
	};
	if (seedName === 'empty') return oz;
	const c = corpus();
	const productOf = (key) => oz.products.find((p) => p.key === key) || oz.products[0];
	// Postings: FBS and FBO, one per product for the first few, so chats can carry an order.
	oz.products.slice(0, 6).forEach((p, i) => {
		const orderNumber = `${31840000 + i * 37}-${String(100 + i).padStart(4, '0')}`;
		oz.postings.push({
			scheme: i % 3 === 2 ? 'fbo' : 'fbs',
			posting_number: `${orderNumber}-1`,
			order_id: 35452597000 + i,
			order_number: orderNumber,
			status: i % 2 ? 'delivered' : 'delivering',
			substatus: i % 2 ? 'posting_received' : 'posting_in_pickup_point',
			in_process_at: new Date(now - (5 + i) * DAY).toISOString(),
			products: [{ sku: p.sku, name: p.name, offer_id: p.offer_id, quantity: 1, price: p.price, currency_code: 'RUB' }],
		});
	});
	// Reviews: 18 from the corpus, the older third answered (PROCESSED with a seller comment).
	c.reviews.slice(0, 18).forEach((r, i) => {
		const p = productOf(r.product);
		const review = {
			id: reviewId(oz),
			sku: p.sku,
			text: [r.text, r.pros && `Достоинства: ${r.pros}`, r.cons && `Недостатки: ${r.cons}`].filter(Boolean).join('\n'),
			_publishedMs: now - (20 - i) * 6 * HOUR,
			rating: r.rating,
			status: i < 6 ? 'PROCESSED' : i % 2 ? 'VIEWED' : 'NEW',
			order_status: 'DELIVERED',
			photos_amount: 0,
			videos_amount: 0,
			is_rating_participant: true,
			comments: [],
		};
		if (i < 6) {
			review.comments.push({ id: String(++oz.counters.comment), text: 'Спасибо за отзыв! Рады, что покупка понравилась.', is_owner: true, is_official: true, _publishedMs: review._publishedMs + HOUR, parent_comment_id: '' });
		}
		oz.reviews.push(review);
	});
	// Questions: 10, the first three answered.
	c.questions.slice(0, 10).forEach((q, i) => {
		const p = productOf(q.product);
		const question = {
			id: String(420000000 + ++oz.counters.question),
			sku: p.sku,
			text: q.text,
			_publishedMs: now - (12 - i) * 5 * HOUR,
			status: i < 3 ? 'PROCESSED' : 'NEW',
			author_name: c.names[(i * 7 + 3) % c.names.length],
			answers: [],
		};
		if (i < 3) question.answers.push({ id: String(++oz.counters.answer), text: 'Здравствуйте! Да, подходит.', author_name: 'Продавец', _publishedMs: question._publishedMs + HOUR, status_publication: 'PUBLISHED' });
		oz.questions.push(question);
	});
	oz.chats.push({
		chat_id: chatId(oz),
		chat_type: 'SELLER_SUPPORT',
		chat_status: 'OPENED',
		_createdMs: now - 2 * DAY,
		messages: [{ message_id: nextMessageId(oz), user: { id: '1', type: 'Support' }, _createdMs: now - 2 * DAY, data: ['Обращение принято'], is_read: false }],
	});
	// Chats: 5 buyer chats (two answered, three waiting) and one support chat that is not a buyer chat.
	c.chats.slice(0, 5).forEach((m, i) => {
		const posting = oz.postings[i];
		const chat = { chat_id: chatId(oz), chat_type: 'BUYER_SELLER', chat_status: 'OPENED', _createdMs: now - (6 - i) * 3 * HOUR, buyerId: String(115568 + i), messages: [] };
		const context = { order_number: posting.order_number, sku: String(posting.products[0].sku) };
		chat.messages.push({ message_id: nextMessageId(oz), user: { id: chat.buyerId, type: 'Customer' }, _createdMs: chat._createdMs, data: [m.text], is_read: i < 2, context });
		if (i < 2) {
			chat.messages.push({ message_id: nextMessageId(oz), user: { id: String(oz.sellerId), type: 'Seller' }, _createdMs: chat._createdMs + 20 * MINUTE, data: ['Здравствуйте! Уже проверяем ваш заказ.'], is_read: true });
		}
		oz.chats.push(chat);
	});
	return oz;
}

module.exports = { buildState, corpus, nextMessageId, reviewId, chatId, SEEDS, HOUR, DAY };
