import nock from 'nock';
import type { IPollFunctions } from 'n8n-workflow';

import { WildberriesTrigger } from '../../../nodes/Wildberries/WildberriesTrigger.node';
import { BASE, context, feedback, feedbackPage } from './helpers';

const trigger = new WildberriesTrigger();
const poll = (ctx: unknown) => trigger.poll.call(ctx as IPollFunctions);
const iso = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();

const reviewParams = (extra: Record<string, unknown> = {}) => ({
	event: 'newReview',
	onlyUnanswered: true,
	firstRun: 'includeExisting',
	options: { pageSize: 2, ...extra },
});

afterEach(() => nock.cleanAll());
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('Wildberries Trigger: reviews', () => {
	it('emits the unanswered backlog once across pages, then nothing, with one request per empty poll', async () => {
		const staticData = {};
		const ctx = context({ parameters: reviewParams(), staticData });
		nock(BASE)
			.get('/feedbacks/api/v1/feedbacks')
			.query((q) => q.isAnswered === 'false' && q.skip === '0' && q.take === '2' && q.dateFrom === undefined)
			.reply(200, feedbackPage([feedback('a', iso(300)), feedback('b', iso(200))]))
			.get('/feedbacks/api/v1/feedbacks')
			.query((q) => q.skip === '2')
			// WB repeats an item across pages (duplicate page): it must not be emitted twice.
			.reply(200, feedbackPage([feedback('b', iso(200))]));
		const first = await poll(ctx);
		expect(first?.[0].map((i) => i.json.id)).toEqual(['wb:review:a', 'wb:review:b']);

		const second = context({ parameters: reviewParams(), staticData });
		nock(BASE)
			.get('/feedbacks/api/v1/feedbacks')
			.query((q) => q.skip === '0' && q.dateFrom !== undefined)
			.reply(200, feedbackPage([feedback('a', iso(300))]));
		expect(await poll(second)).toBeNull();
		expect(second.requests).toHaveLength(1);
		expect(nock.isDone()).toBe(true);
	});

	it('applies the rating and product filters and skips rating-only reviews with a log line', async () => {
		const ctx = context({ parameters: reviewParams({ minRating: 1, maxRating: 2, pageSize: 10 }) });
		nock(BASE)
			.get('/feedbacks/api/v1/feedbacks')
			.query(true)
			.reply(
				200,
				feedbackPage([
					feedback('low', iso(50), { productValuation: 1 }),
					feedback('high', iso(40), { productValuation: 5 }),
					feedback('stars', iso(30), { productValuation: 1, text: '', pros: '', cons: '' }),
				]),
			);
		const out = await poll(ctx);
		expect(out?.[0].map((i) => i.json.externalId)).toEqual(['low']);
		expect(ctx.logs.some((l) => l.message.includes('rating-only review stars'))).toBe(true);
	});

	it('skips a malformed item with a warning and keeps the rest', async () => {
		const ctx = context({ parameters: reviewParams({ pageSize: 10 }) });
		nock(BASE)
			.get('/feedbacks/api/v1/feedbacks')
			.query(true)
			.reply(200, feedbackPage([feedback('ok', iso(50)), { id: 'broken', productValuation: 'five' }]));
		const out = await poll(ctx);
		expect(out?.[0].map((i) => i.json.externalId)).toEqual(['ok']);
		expect(ctx.logs.find((l) => l.level === 'warn')?.message).toMatch(/skipped a malformed review/);
	});

	it('keeps a 5000-character text whole', async () => {
		const long = 'Очень длинный отзыв. '.repeat(250).slice(0, 5000);
		const ctx = context({ parameters: reviewParams({ pageSize: 10 }) });
		nock(BASE).get('/feedbacks/api/v1/feedbacks').query(true).reply(200, feedbackPage([feedback('long', iso(10), { text: long })]));
		const out = await poll(ctx);
		expect(String(out?.[0][0].json.text).startsWith(long)).toBe(true);
	});

	it('a failed poll after the first logs, returns nothing and keeps the cursor', async () => {
		const staticData = {};
		nock(BASE).get('/feedbacks/api/v1/feedbacks').query(true).reply(200, feedbackPage([feedback('a', iso(10))]));
		await poll(context({ parameters: reviewParams({ pageSize: 10 }), staticData }));
		const before = JSON.stringify(staticData);
		nock(BASE).get('/feedbacks/api/v1/feedbacks').query(true).times(4).reply(503, 'upstream down');
		const ctx = context({ parameters: reviewParams({ pageSize: 10 }), staticData });
		expect(await poll(ctx)).toBeNull();
		expect(JSON.stringify(staticData)).toBe(before);
		expect(ctx.logs.find((l) => l.level === 'error')?.message).toMatch(/poll failed, cursor kept/);
	}, 20_000);

	it('the first poll fails loudly, naming the missing token category', async () => {
		nock(BASE)
			.get('/feedbacks/api/v1/feedbacks')
			.query(true)
			.reply(403, { data: null, error: true, errorText: 'Ошибка авторизации', additionalErrors: ['access denied'], requestId: 'r1' });
		await expect(poll(context({ parameters: reviewParams() }))).rejects.toThrow(/Feedbacks and questions/i);
	});

	it('waits for the rate-limit header on 429 and then succeeds', async () => {
		nock(BASE)
			.get('/feedbacks/api/v1/feedbacks')
			.query(true)
			.reply(429, { title: 'too many requests', status: 429 }, { 'X-Ratelimit-Retry': '1', 'X-Ratelimit-Limit': '3', 'X-Ratelimit-Reset': '1' })
			.get('/feedbacks/api/v1/feedbacks')
			.query(true)
			.reply(200, feedbackPage([feedback('a', iso(10))]));
		const started = Date.now();
		const ctx = context({ parameters: reviewParams({ pageSize: 10 }) });
		const out = await poll(ctx);
		expect(out?.[0]).toHaveLength(1);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(ctx.logs.some((l) => l.level === 'warn' && /rate limit/.test(l.message))).toBe(true);
	});

	it('retries a malformed body on a read, then emits', async () => {
		nock(BASE)
			.get('/feedbacks/api/v1/feedbacks')
			.query(true)
			.reply(200, '{"data": {"feedbacks": [', { 'Content-Type': 'application/json' })
			.get('/feedbacks/api/v1/feedbacks')
			.query(true)
			.reply(200, feedbackPage([feedback('a', iso(10))]));
		const out = await poll(context({ parameters: reviewParams({ pageSize: 10 }) }));
		expect(out?.[0]).toHaveLength(1);
	});

	it('start from now ignores the backlog', async () => {
		nock(BASE).get('/feedbacks/api/v1/feedbacks').query(true).reply(200, feedbackPage([feedback('old', iso(600))]));
		const out = await poll(context({ parameters: { ...reviewParams({ pageSize: 10 }), firstRun: 'startFromNow' } }));
		expect(out).toBeNull();
	});

	it('manual mode returns one real item without touching the cursor', async () => {
		const staticData = {};
		nock(BASE)
			.get('/feedbacks/api/v1/feedbacks')
			.query((q) => q.take === '1' && q.order === 'dateDesc')
			.reply(200, feedbackPage([feedback('latest', iso(5))]));
		const out = await poll(context({ parameters: reviewParams(), staticData, mode: 'manual' }));
		expect(out?.[0]).toHaveLength(1);
		expect(out?.[0][0].json.externalId).toBe('latest');
		expect(staticData).toEqual({ cursors: {} });
	});
});

describe('Wildberries Trigger: chat messages', () => {
	const chatParams = { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: {} };
	const event = (eventID: string, chatID: string, ts: number, sender: string, extra: Record<string, unknown> = {}) => ({
		chatID,
		eventID,
		eventType: 'message',
		isNewChat: false,
		message: { text: `сообщение ${eventID}` },
		source: 'rusite',
		addTimestamp: ts,
		addTime: new Date(ts).toISOString(),
		sender,
		clientName: 'Мария',
		...extra,
	});
	const T = 1_760_000_000_000;
	const page = (events: unknown[], next: number) => ({ result: { next, newestEventTime: '', oldestEventTime: '', totalEvents: events.length, events }, errors: null });

	it('emits buyer messages once with their reply sign, skips unknown events with a log line, follows next', async () => {
		const staticData = {};
		nock(BASE)
			.get('/chat/api/v1/seller/events')
			.query((q) => q.next === undefined)
			.reply(
				200,
				page(
					[
						event('e1', 'c1', T + 1000, 'client', { isNewChat: true, replySign: 'sign-c1' }),
						event('e2', 'c1', T + 2000, 'seller'),
						event('e3', 'c2', T + 3000, 'client', { isNewChat: true, replySign: 'sign-c2' }),
						event('e4', 'c2', T + 3500, 'client', { eventType: 'typing' }),
					],
					T + 3501,
				),
			)
			.get('/chat/api/v1/seller/events')
			.query((q) => q.next === String(T + 3501))
			.reply(200, page([], T + 3501));
		const ctx = context({ parameters: chatParams, staticData });
		const out = await poll(ctx);
		// e1 was answered by the seller (e2) in the same read, so "only unanswered" leaves e3.
		expect(out?.[0].map((i) => i.json.externalId)).toEqual(['e3']);
		expect((out?.[0][0].json.raw as { replySign: string }).replySign).toBe('sign-c2');
		expect(ctx.logs.some((l) => /skipped chat event e4/.test(l.message))).toBe(true);

		nock(BASE)
			.get('/chat/api/v1/seller/events')
			.query((q) => q.next === String(T + 3501))
			.reply(200, page([event('e3', 'c2', T + 3000, 'client'), event('e5', 'c2', T + 4000, 'client')], T + 4001))
			.get('/chat/api/v1/seller/events')
			.query((q) => q.next === String(T + 4001))
			.reply(200, page([], T + 4001));
		const again = await poll(context({ parameters: chatParams, staticData }));
		expect(again?.[0].map((i) => [i.json.externalId, (i.json.raw as { replySign: string; repeatContact: number }).replySign, (i.json.raw as { repeatContact: number }).repeatContact])).toEqual([
			['e5', 'sign-c2', 2],
		]);
	});
});
