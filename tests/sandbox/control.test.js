'use strict';
const { startSandbox, fakeClock, TOKENS } = require('./test-utils');

const C = '/__control';
const OPEN_FEEDBACKS = '/wb/feedbacks/api/v1/feedbacks?isAnswered=false&take=5000&skip=0';

let t;
let clock;
beforeAll(async () => {
	clock = fakeClock();
	t = await startSandbox({ now: clock.now });
});
afterAll(() => t.sb.stop());
beforeEach(() => {
	t.sb.reset('default');
	t.sb.setLive(0);
});

const control = (method, path, body) => t.call(method, `${C}${path}`, { token: null, body });

test('GET /state: counts, replies and a request summary', async () => {
	await t.call('GET', OPEN_FEEDBACKS);
	const res = await control('GET', '/state');
	expect(res.status).toBe(200);
	const { counts, replies, requests, seed, faults } = res.data;
	expect(seed).toBe('default');
	expect(counts.wb.feedbacks.total).toBe(t.sb.state.wb.feedbacks.length);
	expect(counts.wb.feedbacks.unanswered).toBeGreaterThan(0);
	expect(counts.wb.questions.unanswered).toBeGreaterThan(0);
	expect(counts.wb.chats).toBe(8);
	expect(counts.wb.orders).toBe(40);
	expect(replies).toEqual([]);
	expect(requests).toMatchObject({ total: 1, byHost: { feedbacks: 1 }, byStatus: { 200: 1 } });
	expect(faults.script).toEqual([]);
});

test('GET /replies lists accepted seller writes', async () => {
	const open = (await t.call('GET', OPEN_FEEDBACKS)).data.data.feedbacks[0];
	await t.call('POST', '/wb/feedbacks/api/v1/feedbacks/answer', { body: { id: open.id, text: 'Спасибо за отзыв!' } });
	const res = await control('GET', '/replies');
	expect(res.data).toEqual([
		{ kind: 'feedbackAnswer', targetId: open.id, text: 'Спасибо за отзыв!', at: clock.t, token: TOKENS.all, marketplace: 'wb', applied: true },
	]);
});

test('GET /requests?since=<index> returns the requests from that index on', async () => {
	await t.call('GET', '/wb/chat/api/v1/seller/chats');
	await t.call('GET', '/wb/marketplace/api/v3/orders/new');
	const all = (await control('GET', '/requests')).data;
	expect(all.map((r) => r.index)).toEqual([0, 1]);
	await t.call('GET', '/wb/statistics/api/v1/supplier/orders?dateFrom=2026-03-01');
	const res = await control('GET', '/requests?since=2');
	expect(res.headers.get('x-next-since')).toBe('3');
	expect(res.data).toEqual([
		expect.objectContaining({ index: 2, method: 'GET', host: 'statistics', path: '/api/v1/supplier/orders', query: { dateFrom: '2026-03-01' }, status: 200, token: TOKENS.all }),
	]);
	expect((await control('GET', '/requests?since=x')).status).toBe(400);
});

test('POST /reset switches seeds and clears the logs', async () => {
	await t.call('GET', OPEN_FEEDBACKS);
	const empty = await control('POST', '/reset', { seed: 'empty' });
	expect(empty.status).toBe(200);
	expect(empty.data.counts.wb).toMatchObject({ feedbacks: { total: 0 }, chats: 0, orders: 0, products: 13 });
	expect(empty.data.requests.total).toBe(0);
	expect((await t.call('GET', OPEN_FEEDBACKS)).data.data.feedbacks).toEqual([]);
	expect((await t.call('GET', '/wb/chat/api/v1/seller/events')).data.result.totalEvents).toBe(0);
	expect((await control('POST', '/reset', { seed: 'full' })).status).toBe(400);
	const back = await control('POST', '/reset', { seed: 'default' });
	expect(back.data.counts.wb.feedbacks.total).toBeGreaterThan(100);
});

describe('buyer content', () => {
	test('POST /wb/feedbacks with no fields: a realistic feedback from the corpus, first in the working list', async () => {
		const res = await control('POST', '/wb/feedbacks', {});
		expect(res.status).toBe(200);
		const fb = res.data;
		expect(fb.text.length).toBeGreaterThan(0);
		expect(fb.productValuation).toBeGreaterThanOrEqual(1);
		expect(fb.answer).toBeNull();
		expect(fb.createdDate).toBe('2026-03-10T12:00:00+03:00');
		expect(t.sb.state.wb.products.map((p) => p.nmId)).toContain(fb.productDetails.nmId);
		const list = (await t.call('GET', OPEN_FEEDBACKS)).data.data.feedbacks;
		expect(list[0].id).toBe(fb.id);
	});

	test('given fields are kept', async () => {
		const fb = (await control('POST', '/wb/feedbacks', { text: 'Порвался после первой стирки', pros: '', cons: 'Качество', productValuation: 1, nmId: 203344871 })).data;
		expect(fb).toMatchObject({ text: 'Порвался после первой стирки', cons: 'Качество', productValuation: 1, productDetails: { nmId: 203344871 } });
		const rated = t.sb.addFeedback({ productValuation: 2, nmId: 178456213 });
		expect(rated.productValuation).toBe(2);
		expect(rated.text.length).toBeGreaterThan(0);
		const older = t.sb.addFeedback({ createdDate: '2026-03-01T10:00:00Z' });
		expect(older.createdDate).toBe('2026-03-01T13:00:00+03:00');
	});

	test.each([
		[{ nmId: 123 }, /nmId/],
		[{ productValuation: 6 }, /productValuation/],
		[{ text: 42 }, /text/],
		[{ createdDate: 'вчера' }, /createdDate/],
	])('bad feedback %j -> 400 naming the field', async (body, field) => {
		const res = await control('POST', '/wb/feedbacks', body);
		expect(res.status).toBe(400);
		expect(res.data.error).toMatch(field);
	});

	test('POST /wb/questions adds an unanswered question', async () => {
		const q = (await control('POST', '/wb/questions', { nmId: 156023894 })).data;
		expect(q).toMatchObject({ state: 'suppliersPortalSynch', answer: null, productDetails: { nmId: 156023894 } });
		const open = (await t.call('GET', '/wb/feedbacks/api/v1/questions?isAnswered=false&take=100&skip=0')).data.data.questions;
		expect(open[0].id).toBe(q.id);
		const own = (await control('POST', '/wb/questions', { text: 'Есть ли размер XS?' })).data;
		expect(own.text).toBe('Есть ли размер XS?');
	});

	test('POST /wb/chat-messages opens a chat or continues one', async () => {
		const opened = (await control('POST', '/wb/chat-messages', { text: 'Здравствуйте! Где мой заказ?' })).data;
		expect(opened.event).toMatchObject({ isNewChat: true, replySign: opened.chat.replySign, sender: 'client', message: { text: 'Здравствуйте! Где мой заказ?' } });
		const follow = (await control('POST', '/wb/chat-messages', { chatID: opened.chat.chatID })).data;
		expect(follow.event.isNewChat).toBe(false);
		expect(follow.event).not.toHaveProperty('replySign');
		expect(follow.event.message.text.length).toBeGreaterThan(0);
		const order = t.sb.state.wb.orders[0];
		const linked = (await control('POST', '/wb/chat-messages', { orderId: order.id })).data;
		expect(linked.chat.goodCard).toMatchObject({ nmID: order.nmId, rid: order.rid, priceCurrency: 'RUB' });
		expect((await control('POST', '/wb/chat-messages', { chatID: '1:unknown' })).status).toBe(400);
		expect((await control('POST', '/wb/chat-messages', { orderId: 1 })).data.error).toMatch(/orderId/);
	});
});

test('POST /live starts and stops live traffic', async () => {
	const before = t.sb.state.wb.feedbacks.length + t.sb.state.wb.questions.length + t.sb.state.wb.events.length;
	const res = await control('POST', '/live', { intervalMs: 20 });
	expect(res.data).toEqual({ intervalMs: 20, running: true });
	await new Promise((resolve) => setTimeout(resolve, 250));
	const stopped = await control('POST', '/live', { intervalMs: 0 });
	expect(stopped.data).toEqual({ intervalMs: 0, running: false });
	const after = t.sb.state.wb.feedbacks.length + t.sb.state.wb.questions.length + t.sb.state.wb.events.length;
	expect(after).toBeGreaterThan(before + 3);
	await new Promise((resolve) => setTimeout(resolve, 60));
	expect(t.sb.state.wb.feedbacks.length + t.sb.state.wb.questions.length + t.sb.state.wb.events.length).toBe(after);
	expect((await control('POST', '/live', { intervalMs: 'often' })).status).toBe(400);
});

test('unknown control routes and invalid JSON', async () => {
	expect((await control('GET', '/nothing')).status).toBe(404);
	const bad = await t.call('POST', `${C}/faults`, { token: null, body: '{oops', headers: { 'Content-Type': 'application/json' } });
	expect(bad.status).toBe(400);
	expect(bad.data.error).toMatch(/invalid JSON/);
});

test('unknown API paths and methods', async () => {
	expect((await t.call('GET', '/wb/feedbacks/api/v1/nothing')).status).toBe(404);
	expect((await t.call('DELETE', '/wb/feedbacks/api/v1/feedbacks')).status).toBe(405);
	expect((await t.call('GET', '/ozon/api/v1/whatever')).status).toBe(404);
});

test('createSandbox rejects unknown options and bad values', () => {
	const { createSandbox } = require('./server');
	expect(() => createSandbox({ seeds: 'default' })).toThrow(/unknown option seeds/);
	expect(() => createSandbox({ seed: 'big' })).toThrow(/seed/);
	expect(() => createSandbox({ faults: { rate5xx: 'sometimes' } })).toThrow(/faults\.rate5xx/);
	expect(() => createSandbox({ live: { intervalMs: 1 } })).toThrow(/live\.intervalMs/);
});
