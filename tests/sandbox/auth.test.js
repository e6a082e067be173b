'use strict';
const { startSandbox, fakeClock, TOKENS } = require('./test-utils');

const GATEWAY_KEYS = ['code', 'detail', 'origin', 'requestId', 'status', 'statusText', 'timestamp', 'title'];
const FEEDBACKS_LIST = '/wb/feedbacks/api/v1/feedbacks?isAnswered=false&take=1&skip=0';

let t;
beforeAll(async () => {
	t = await startSandbox({ now: fakeClock().now });
});
afterAll(() => t.sb.stop());

describe('401: missing or unknown token', () => {
	test('no Authorization header gives the gateway problem+json body', async () => {
		const res = await t.call('GET', FEEDBACKS_LIST, { token: null });
		expect(res.status).toBe(401);
		expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect(Object.keys(res.data).sort()).toEqual(GATEWAY_KEYS);
		expect(res.data).toMatchObject({ title: 'unauthorized', status: 401, statusText: 'Unauthorized', origin: 's2s-api-auth-catalog' });
		expect(res.data.timestamp).toBe('2026-03-10T09:00:00Z');
	});

	test.each(['/wb/chat/api/v1/seller/chats', '/wb/marketplace/api/v3/orders/new', '/wb/statistics/api/v1/supplier/orders?dateFrom=2026-03-01'])(
		'an unknown token is a 401 on %s',
		async (path) => {
			const res = await t.call('GET', path, { token: 'eyJhbGciOiJFUzI1NiJ9.not-a-sandbox-token' });
			expect(res.status).toBe(401);
			expect(res.data.detail).toMatch(/token/);
		},
	);

	test('"Bearer <token>" is accepted as well as the bare token', async () => {
		expect((await t.call('GET', FEEDBACKS_LIST, { token: `Bearer ${TOKENS.feedbacks}` })).status).toBe(200);
		expect((await t.call('GET', FEEDBACKS_LIST, { token: TOKENS.feedbacks })).status).toBe(200);
	});
});

describe('403: a known token without the host category, in that host\'s shape', () => {
	test('feedbacks host: the envelope with "Ошибка авторизации"', async () => {
		const res = await t.call('GET', FEEDBACKS_LIST, { token: TOKENS.chat });
		expect(res.status).toBe(403);
		expect(res.data).toMatchObject({ data: null, error: true, errorText: 'Ошибка авторизации' });
		expect(Array.isArray(res.data.additionalErrors)).toBe(true);
		expect(typeof res.data.requestId).toBe('string');
	});

	test('chat host: {title, detail, error, origin: proxy-chats, requestId, status}', async () => {
		const res = await t.call('GET', '/wb/chat/api/v1/seller/chats', { token: TOKENS.feedbacks });
		expect(res.status).toBe(403);
		expect(res.data).toMatchObject({ status: 403, origin: 'proxy-chats' });
		expect(Object.keys(res.data).sort()).toEqual(['detail', 'error', 'origin', 'requestId', 'status', 'title']);
	});

	test('marketplace host: {code: AccessDenied, message}', async () => {
		const res = await t.call('GET', '/wb/marketplace/api/v3/orders/new', { token: TOKENS.chat });
		expect(res.status).toBe(403);
		expect(res.data).toEqual({ code: 'AccessDenied', message: 'Доступ запрещён' });
	});

	test('statistics host: the gateway problem shape', async () => {
		const res = await t.call('GET', '/wb/statistics/api/v1/supplier/orders?dateFrom=2026-03-01', { token: TOKENS.feedbacks });
		expect(res.status).toBe(403);
		expect(res.data).toMatchObject({ status: 403, title: 'forbidden' });
	});

	test('the marketplace token also covers statistics, the all token every host', async () => {
		const stats = '/wb/statistics/api/v1/supplier/orders?dateFrom=2026-03-01';
		expect((await t.call('GET', stats, { token: TOKENS.marketplace })).status).toBe(200);
		for (const path of [FEEDBACKS_LIST, '/wb/chat/api/v1/seller/chats', '/wb/marketplace/api/v3/orders/new', stats]) {
			expect((await t.call('GET', path, { token: TOKENS.all })).status).toBe(200);
		}
	});

	test('a rejected write changes nothing and records no reply', async () => {
		const open = (await t.call('GET', FEEDBACKS_LIST)).data.data.feedbacks[0];
		const res = await t.call('POST', '/wb/feedbacks/api/v1/feedbacks/answer', {
			token: TOKENS.marketplace,
			body: { id: open.id, text: 'Спасибо за отзыв!' },
		});
		expect(res.status).toBe(403);
		expect(t.sb.state.replies).toHaveLength(0);
		expect(t.sb.state.wb.feedbacks.find((f) => f.id === open.id).answer).toBeNull();
	});
});

test('the product-card CDN needs no token', async () => {
	const res = await t.call('GET', '/wb/basket/vol1784/part178456/178456213/info/ru/card.json', { token: null });
	expect(res.status).toBe(200);
});

test('requests are logged with host, status and token', async () => {
	await t.call('GET', '/wb/chat/api/v1/seller/chats', { token: TOKENS.feedbacks });
	const last = t.sb.state.requests[t.sb.state.requests.length - 1];
	expect(last).toMatchObject({ method: 'GET', host: 'chat', path: '/api/v1/seller/chats', status: 403, token: TOKENS.feedbacks });
	expect(typeof last.at).toBe('number');
});
