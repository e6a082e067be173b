'use strict';
const fs = require('fs');
const path = require('path');
const { startSandbox, fakeClock } = require('./test-utils');
const { createSandbox } = require('./server');

const SEED_FILE = path.join(__dirname, 'seed', 'wb-default.json');
const SHARED_DATA = '/work/shared/data';
const DAY = 24 * 3600 * 1000;

const haveSharedData = fs.existsSync(path.join(SHARED_DATA, 'reviews-stars-dev.csv'));
(haveSharedData ? test : test.skip)('the committed seed is what build-seed.js makes from the shared data', () => {
	const { build } = require('./seed/build-seed');
	const rebuilt = build({ dataDir: SHARED_DATA });
	expect(JSON.parse(JSON.stringify(rebuilt))).toEqual(JSON.parse(fs.readFileSync(SEED_FILE, 'utf8')));
});

describe('default seed', () => {
	const clock = fakeClock();
	const sb = createSandbox({ now: clock.now });
	const wb = sb.state.wb;

	test('products: 8–9 digit nmIds with sizes, barcodes and card data', () => {
		expect(wb.products.length).toBeGreaterThanOrEqual(12);
		for (const p of wb.products) {
			expect(String(p.nmId)).toMatch(/^\d{8,9}$/);
			expect(p.sizes.length).toBeGreaterThan(0);
			for (const s of p.sizes) expect(s.barcode).toMatch(/^\d{13}$/);
			expect(p.card.options.length).toBeGreaterThan(3);
		}
		expect(new Set(wb.products.map((p) => p.nmId)).size).toBe(wb.products.length);
	});

	test('feedbacks: about 150 over the last two weeks, about 60% answered, bad-input cases present', () => {
		const recent = wb.feedbacks.filter((f) => clock.t - f._createdMs <= 14 * DAY);
		expect(wb.feedbacks.length).toBeGreaterThanOrEqual(140);
		expect(recent.length).toBeGreaterThanOrEqual(wb.feedbacks.length - 5);
		const share = wb.feedbacks.filter((f) => f.answer).length / wb.feedbacks.length;
		expect(share).toBeGreaterThan(0.5);
		expect(share).toBeLessThan(0.7);
		expect(wb.feedbacks.every((f) => f._createdMs <= clock.t && (!f._answeredMs || f._answeredMs > f._createdMs))).toBe(true);
		expect(wb.feedbacks.filter((f) => !f.text && !f.pros && !f.cons).length).toBeGreaterThanOrEqual(1);
		const longest = Math.max(...wb.feedbacks.map((f) => f.text.length));
		expect(longest).toBeGreaterThan(4000);
		expect(longest).toBeLessThanOrEqual(5000);
		expect(new Set(wb.feedbacks.map((f) => f.productValuation))).toEqual(new Set([1, 2, 3, 4, 5]));
		expect(new Set(wb.feedbacks.map((f) => f.id)).size).toBe(wb.feedbacks.length);
	});

	test('questions: about 20, half unanswered', () => {
		expect(wb.questions.length).toBeGreaterThanOrEqual(18);
		const open = wb.questions.filter((q) => q.state === 'suppliersPortalSynch').length;
		expect(Math.abs(open - wb.questions.length / 2)).toBeLessThanOrEqual(2);
	});

	test('chats: events ordered with unique timestamps, one opening event per chat', () => {
		const ts = wb.events.map((e) => e.addTimestamp);
		expect(ts).toEqual(ts.slice().sort((a, b) => a - b));
		expect(new Set(ts).size).toBe(ts.length);
		for (const c of wb.chats) {
			const own = wb.events.filter((e) => e.chatID === c.chatID);
			expect(own[0].isNewChat).toBe(true);
			expect(own.filter((e) => e.isNewChat)).toHaveLength(1);
			expect(c.lastMessage).toEqual({ text: own[own.length - 1].message.text, addTimestamp: own[own.length - 1].addTimestamp });
		}
		expect(wb.chats.some((c) => wb.events.filter((e) => e.chatID === c.chatID).pop().sender === 'client')).toBe(true);
	});

	test('orders within the last 30 days, with new ones for /orders/new', () => {
		expect(wb.orders.length).toBeGreaterThanOrEqual(35);
		for (const o of wb.orders) {
			expect(clock.t - o._createdMs).toBeLessThan(30 * DAY);
			expect(String(o.id)).toMatch(/^\d{10}$/);
		}
		expect(wb.orders.some((o) => o._supplierStatus === 'new' && o._wbStatus === 'waiting')).toBe(true);
	});
});

test('the same clock gives the same API answers (deterministic seed and runtime ids)', async () => {
	const take = async () => {
		const t = await startSandbox({ now: fakeClock().now });
		const a = (await t.call('GET', '/wb/feedbacks/api/v1/feedbacks?isAnswered=false&take=3&skip=0')).text;
		const fb = t.sb.addFeedback({});
		const b = (await t.call('GET', '/wb/chat/api/v1/seller/events')).text;
		await t.sb.stop();
		return [a, JSON.stringify(fb), b];
	};
	expect(await take()).toEqual(await take());
});

test('the empty seed has the catalogue and nothing else', () => {
	const sb = createSandbox({ seed: 'empty' });
	expect(sb.state.wb.products.length).toBeGreaterThan(0);
	for (const key of ['feedbacks', 'questions', 'chats', 'events', 'orders', 'statsOrders']) expect(sb.state.wb[key]).toEqual([]);
});
