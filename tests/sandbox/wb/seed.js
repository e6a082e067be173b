'use strict';
// Turns the committed seed files into a fresh WB state, with every date relative to `now`.

const fs = require('fs');
const path = require('path');
const model = require('./model');

const SEED_DIR = path.join(__dirname, '..', 'seed');
const SEEDS = ['default', 'empty'];
let catalogueCache = null;
let defaultSeedCache = null;

function catalogue() {
	if (!catalogueCache) catalogueCache = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'products.json'), 'utf8'));
	return catalogueCache;
}

function defaultSeed() {
	if (!defaultSeedCache) defaultSeedCache = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'wb-default.json'), 'utf8'));
	return defaultSeedCache;
}

/** Texts and names used to fill in buyer content created through the control API or live traffic. */
function corpus() {
	return defaultSeed().corpus;
}

function buildState(seedName, now) {
	if (!SEEDS.includes(seedName)) throw new Error(`seed must be one of ${SEEDS.join(', ')} (got ${JSON.stringify(seedName)})`);
	const cat = catalogue();
	const wb = {
		seller: { ...cat.seller },
		products: JSON.parse(JSON.stringify(cat.products)),
		feedbacks: [],
		questions: [],
		chats: [],
		events: [],
		orders: [],
		statsOrders: [],
		files: {},
		cursors: { reviews: 0, questions: 0, chats: 0, names: 0 },
	};
	if (seedName === 'empty') return wb;

	const seed = defaultSeed();
	const at = (agoSec) => now - agoSec * 1000;
	const product = (key) => model.productByKey(wb, key);

	wb.feedbacks = seed.feedbacks.map((f) =>
		model.makeFeedback(wb, {
			...f,
			product: product(f.product),
			createdMs: at(f.agoSec),
			orderCreatedMs: at(f.orderAgoSec),
			answer: f.answer ? { text: f.answer.text, editable: f.answer.editable, answeredMs: at(f.answer.agoSec) } : null,
		}),
	);
	wb.questions = seed.questions.map((q) =>
		model.makeQuestion(wb, {
			...q,
			product: product(q.product),
			createdMs: at(q.agoSec),
			answer: q.answer ? { text: q.answer.text, editable: q.answer.editable, answeredMs: at(q.answer.agoSec) } : null,
		}),
	);

	const pending = [];
	for (const c of seed.chats) {
		const chat = { chatID: c.chatID, replySign: c.replySign, clientName: c.clientName };
		if (c.goodCard) chat.goodCard = { ...c.goodCard };
		wb.chats.push(chat);
		c.events.forEach((e, i) =>
			pending.push({
				chat,
				event: { eventID: e.eventID, sender: e.sender, source: e.from, text: e.text, ms: at(e.agoSec), isNewChat: i === 0 },
			}),
		);
	}
	pending.sort((a, b) => a.event.ms - b.event.ms);
	for (const { chat, event } of pending) model.appendEvent(wb, chat, event);

	wb.orders = seed.orders.map((o) =>
		model.makeOrder(wb, { ...o, product: product(o.product), createdMs: at(o.agoSec), lastChangeMs: at(o.lastChangeAgoSec) }),
	);
	wb.statsOrders = [
		...wb.orders.map((o) => model.statsRowFromOrder(wb, o)),
		...seed.fboOrders.map((o) =>
			model.makeStatsRow(wb, {
				...o,
				product: product(o.product),
				createdMs: at(o.agoSec),
				lastChangeMs: at(o.lastChangeAgoSec),
				cancelMs: o.cancelAgoSec != null ? at(o.cancelAgoSec) : null,
				fbs: false,
			}),
		),
	].sort((a, b) => a._lastChangeMs - b._lastChangeMs);
	return wb;
}

module.exports = { buildState, corpus, catalogue, SEEDS };
