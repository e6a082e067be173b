'use strict';
const { startSandbox, fakeClock, client, TOKENS } = require('./test-utils');
const { createSandbox } = require('./server');

const FEEDBACKS = '/wb/feedbacks/api/v1/feedbacks?isAnswered=false&take=10&skip=0';
const CHATS = '/wb/chat/api/v1/seller/chats';
const ANSWER = '/wb/feedbacks/api/v1/feedbacks/answer';

let t;
let clock;
beforeAll(async () => {
	clock = fakeClock();
	t = await startSandbox({ now: clock.now });
});
afterAll(() => t.sb.stop());
beforeEach(() => {
	t.sb.reset('default');
	t.sb.setFaults({});
});

const firstOpenId = () => t.sb.state.wb.feedbacks.find((f) => !f.answer && f.text).id;

describe('429', () => {
	test('rate429 answers 429 with the rate-limit headers and the gateway body', async () => {
		t.sb.setFaults({ rate429: 1, retryAfterSeconds: 7 });
		const res = await t.call('GET', FEEDBACKS);
		expect(res.status).toBe(429);
		expect(res.headers.get('x-ratelimit-retry')).toBe('7');
		expect(res.headers.get('x-ratelimit-reset')).toBe('7');
		expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(res.headers.get('x-ratelimit-limit')).toBe('6');
		expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect(res.data).toMatchObject({ title: 'too many requests', status: 429, statusText: 'Too Many Requests', origin: 's2s-api-auth-catalog' });
		expect(t.sb.state.requests[t.sb.state.requests.length - 1]).toMatchObject({ status: 429, fault: '429' });
	});

	test('auth comes first: a bad token is still a 401', async () => {
		t.sb.setFaults({ rate429: 1 });
		expect((await t.call('GET', FEEDBACKS, { token: 'nope' })).status).toBe(401);
	});
});

describe('5xx', () => {
	test('500 is a JSON problem, 502/503 are proxy HTML pages', async () => {
		t.sb.setFaults({ script: [{ type: '500' }, { type: '502' }, { type: '503' }] });
		const r500 = await t.call('GET', FEEDBACKS);
		expect(r500.status).toBe(500);
		expect(r500.data).toMatchObject({ status: 500, origin: 'fbapi' });
		const r502 = await t.call('GET', FEEDBACKS);
		expect(r502.status).toBe(502);
		expect(r502.headers.get('content-type')).toMatch(/text\/html/);
		expect(r502.data).toBeUndefined();
		expect((await t.call('GET', FEEDBACKS)).status).toBe(503);
		expect((await t.call('GET', FEEDBACKS)).status).toBe(200);
	});

	test('a 5xx on a write does not apply it', async () => {
		const id = firstOpenId();
		t.sb.setFaults({ script: [{ type: '500' }] });
		expect((await t.call('POST', ANSWER, { body: { id, text: 'Спасибо за отзыв!' } })).status).toBe(500);
		expect(t.sb.state.wb.feedbacks.find((f) => f.id === id).answer).toBeNull();
		expect(t.sb.state.replies).toHaveLength(0);
		expect((await t.call('POST', ANSWER, { body: { id, text: 'Спасибо за отзыв!' } })).status).toBe(204);
		expect(t.sb.state.replies).toHaveLength(1);
	});

	test('rate5xx picks 500/502/503', async () => {
		t.sb.setFaults({ rate5xx: 1, seed: 3 });
		const statuses = new Set();
		for (let i = 0; i < 12; i++) statuses.add((await t.call('GET', CHATS)).status);
		for (const s of statuses) expect([500, 502, 503]).toContain(s);
		expect(statuses.size).toBeGreaterThan(1);
	});
});

describe('script queue', () => {
	test('entries are consumed one per request, in order; "ok" passes one through', async () => {
		t.sb.setFaults({ script: [{ type: '429', retryAfterSeconds: 3 }, { type: 'ok' }, { type: '502' }] });
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await t.call('GET', FEEDBACKS)).status);
		expect(statuses).toEqual([429, 200, 502, 200]);
		expect(t.sb.getFaults().script).toEqual([]);
		expect(t.sb.getFaults().scriptConsumed).toBe(3);
	});

	test('an entry with host/method/path waits for a matching request', async () => {
		const id = firstOpenId();
		t.sb.setFaults({ script: [{ type: '503', method: 'POST', path: '/api/v1/feedbacks/answer' }, { type: '500', host: 'chat' }] });
		expect((await t.call('GET', FEEDBACKS)).status).toBe(200);
		expect((await t.call('GET', CHATS)).status).toBe(200);
		expect((await t.call('POST', ANSWER, { body: { id, text: 'Спасибо!' } })).status).toBe(503);
		expect((await t.call('GET', FEEDBACKS)).status).toBe(200);
		expect((await t.call('GET', CHATS)).status).toBe(500);
		expect((await t.call('POST', ANSWER, { body: { id, text: 'Спасибо!' } })).status).toBe(204);
	});
});

describe('slow', () => {
	test('delays the answer, which is otherwise normal and applied', async () => {
		const id = firstOpenId();
		t.sb.setFaults({ script: [{ type: 'slow', ms: 250 }] });
		const started = Date.now();
		const res = await t.call('POST', ANSWER, { body: { id, text: 'Спасибо за отзыв!' } });
		expect(Date.now() - started).toBeGreaterThanOrEqual(240);
		expect(res.status).toBe(204);
		expect(t.sb.state.replies).toHaveLength(1);
	});
});

describe('malformed', () => {
	test('a read answers 200 with a truncated JSON body', async () => {
		t.sb.setFaults({ malformedRate: 1 });
		const res = await t.call('GET', FEEDBACKS);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(res.text.startsWith('{"data":{')).toBe(true);
		expect(() => JSON.parse(res.text)).toThrow();
	});

	test('a write is processed once; only its receipt is garbled (200, not JSON)', async () => {
		const id = firstOpenId();
		t.sb.setFaults({ script: [{ type: 'malformed' }] });
		const res = await t.call('POST', ANSWER, { body: { id, text: 'Спасибо за отзыв!' } });
		expect(res.status).toBe(200);
		expect(() => JSON.parse(res.text)).toThrow();
		expect(t.sb.state.wb.feedbacks.find((f) => f.id === id).answer).toMatchObject({ text: 'Спасибо за отзыв!' });
		expect(t.sb.state.replies).toHaveLength(1);
	});

	test('an error answer is not garbled', async () => {
		t.sb.setFaults({ malformedRate: 1 });
		const res = await t.call('GET', '/wb/feedbacks/api/v1/feedbacks?take=1&skip=0');
		expect(res.status).toBe(400);
		expect(res.data.errorText).toBe('Плохой формат isAnswered');
	});
});

describe('hosts', () => {
	test('faults limited to some hosts leave the others alone', async () => {
		t.sb.setFaults({ rate429: 1, hosts: ['chat'] });
		expect((await t.call('GET', FEEDBACKS)).status).toBe(200);
		expect((await t.call('GET', CHATS)).status).toBe(429);
	});

	test('the public card CDN is left out unless named', async () => {
		const card = '/wb/basket/vol1784/part178456/178456213/info/ru/card.json';
		t.sb.setFaults({ rate5xx: 1 });
		expect((await t.call('GET', card)).status).toBe(200);
		t.sb.setFaults({ rate5xx: 1, hosts: ['basket'] });
		expect((await t.call('GET', card)).status).toBeGreaterThanOrEqual(500);
	});
});

describe('duplicatePages', () => {
	test('offset lists repeat the tail of the previous page, and paging still reaches every item', async () => {
		t.sb.setFaults({ duplicatePages: true });
		const page = async (skip) =>
			(await t.call('GET', `/wb/feedbacks/api/v1/feedbacks?isAnswered=true&take=10&skip=${skip}&order=dateAsc`)).data.data.feedbacks.map((f) => f.id);
		const p1 = await page(0);
		const p2 = await page(10);
		expect(p2.slice(0, 2)).toEqual(p1.slice(8, 10));
		const seen = [];
		for (let skip = 0; skip < 1000; skip += 10) {
			const p = await page(skip);
			if (!p.length) break;
			seen.push(...p);
		}
		const expected = t.sb.state.wb.feedbacks.filter((f) => f.answer).map((f) => f.id);
		expect(new Set(seen)).toEqual(new Set(expected));
		expect(seen.length).toBeGreaterThan(expected.length);
	});

	test('FBS orders and chat events repeat items after the cursor too', async () => {
		t.sb.setFaults({ duplicatePages: true });
		const first = (await t.call('GET', '/wb/marketplace/api/v3/orders?limit=5&next=0')).data;
		const second = (await t.call('GET', `/wb/marketplace/api/v3/orders?limit=5&next=${first.next}`)).data;
		expect(second.orders.slice(0, 2).map((o) => o.id)).toEqual(first.orders.slice(3).map((o) => o.id));

		const all = (await t.call('GET', '/wb/chat/api/v1/seller/events')).data.result;
		const mid = all.events[5].addTimestamp;
		const fromMid = (await t.call('GET', `/wb/chat/api/v1/seller/events?next=${mid}`)).data.result;
		expect(fromMid.events.slice(0, 2).map((e) => e.eventID)).toEqual(all.events.slice(3, 5).map((e) => e.eventID));
		// With nothing new after the cursor the feed still ends (totalEvents 0).
		expect((await t.call('GET', `/wb/chat/api/v1/seller/events?next=${all.next}`)).data.result.totalEvents).toBe(0);
	});
});

test('the same fault seed gives the same sequence', async () => {
	const run = async () => {
		const sb = createSandbox({ now: fakeClock().now, faults: { rate5xx: 0.3, rate429: 0.2, malformedRate: 0.1, seed: 42 } });
		const { url } = await sb.start(0);
		const call = client(url);
		const out = [];
		for (let i = 0; i < 25; i++) out.push((await call('GET', FEEDBACKS)).status);
		await sb.stop();
		return out;
	};
	const a = await run();
	expect(await run()).toEqual(a);
	expect(new Set(a).size).toBeGreaterThan(2);
});

test('bad fault configs are refused with the field named', async () => {
	expect(() => t.sb.setFaults({ rate429: 2 })).toThrow(/faults\.rate429/);
	expect(() => t.sb.setFaults({ hosts: ['ozon-chat'] })).toThrow(/faults\.hosts/);
	expect(() => t.sb.setFaults({ script: [{ type: '418' }] })).toThrow(/faults\.script\[0\]\.type/);
	expect(() => t.sb.setFaults({ rate_429: 1 })).toThrow(/rate_429/);
	const res = await t.call('POST', '/__control/faults', { token: null, body: { slowRate: -1 } });
	expect(res.status).toBe(400);
	expect(res.data.error).toMatch(/faults\.slowRate/);
});

test('faults set through the control API apply', async () => {
	const set = await t.call('POST', '/__control/faults', { token: null, body: { script: [{ type: '429', retryAfterSeconds: 2 }] } });
	expect(set.status).toBe(200);
	expect(set.data.script).toHaveLength(1);
	const res = await t.call('GET', CHATS);
	expect(res.status).toBe(429);
	expect(res.headers.get('x-ratelimit-retry')).toBe('2');
	expect(res.headers.get('x-ratelimit-limit')).toBe('10');
});

describe('real rate limits (rateLimits: true)', () => {
	let r;
	let rclock;
	beforeAll(async () => {
		rclock = fakeClock();
		r = await startSandbox({ now: rclock.now, rateLimits: true });
	});
	afterAll(() => r.sb.stop());

	test('feedbacks: burst 6, then 429 until the bucket refills at 3/s; per token', async () => {
		const statuses = [];
		for (let i = 0; i < 7; i++) statuses.push((await r.call('GET', FEEDBACKS)).status);
		expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
		const limited = await r.call('GET', FEEDBACKS);
		expect(limited.headers.get('x-ratelimit-retry')).toBe('1');
		expect(limited.headers.get('x-ratelimit-limit')).toBe('6');
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		expect((await r.call('GET', FEEDBACKS, { token: TOKENS.feedbacks })).status).toBe(200);
		rclock.advance(1000);
		const after = [];
		for (let i = 0; i < 4; i++) after.push((await r.call('GET', FEEDBACKS)).status);
		expect(after).toEqual([200, 200, 200, 429]);
	});

	test('marketplace: a 4xx answer counts as 10 requests', async () => {
		const bad = '/wb/marketplace/api/v3/orders?next=0';
		expect((await r.call('GET', bad)).status).toBe(400);
		expect((await r.call('GET', bad)).status).toBe(400);
		const res = await r.call('GET', '/wb/marketplace/api/v3/orders/new');
		expect(res.status).toBe(429);
		expect(res.headers.get('x-ratelimit-limit')).toBe('20');
	});
});
