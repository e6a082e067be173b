// The error path of every Ozon operation and of the trigger, against nock.
import nock from 'nock';
import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { Ozon } from '../../../nodes/Ozon/Ozon.node';
import { OzonTrigger } from '../../../nodes/Ozon/OzonTrigger.node';
import { BASE, context } from './helpers';

const node = new Ozon();
const run = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	node.execute.call(context({ parameters, ...extra }) as unknown as IExecuteFunctions);

const denied = { code: 7, message: 'Method is available only for sellers with subscription', details: [] };

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

const cases: Array<[string, Record<string, unknown>, string, number, unknown, RegExp]> = [
	['review get', { resource: 'review', operation: 'get', reviewId: 'r1' }, '/v2/review/info', 404, { code: 5, message: 'review not found', details: [] }, /Ozon found nothing for \/v2\/review\/info/],
	['review comment', { resource: 'review', operation: 'comment', reviewId: 'r1', text: 'Спасибо', skipIfSent: true }, '/v1/review/comment/create', 403, denied, /no subscription for Ozon's review API/],
	['review list comments', { resource: 'review', operation: 'listComments', reviewId: 'r1', limit: 10 }, '/v1/review/comment/list', 400, { code: 3, message: 'limit: invalid', details: [] }, /Ozon rejected the request/],
	['review change status', { resource: 'review', operation: 'changeStatus', reviewId: 'r1', status: 'VIEWED' }, '/v2/review/change-status', 401, { code: 16, message: 'Invalid Api-Key, please check the key and try again', details: [] }, /rejected the Client ID or API key/],
	['question get', { resource: 'question', operation: 'get', questionId: 'q1' }, '/v1/question/info', 403, { code: 7, message: 'denied', details: '' }, /no subscription for Ozon's questions API/],
	['question answer', { resource: 'question', operation: 'answer', questionId: 'q1', sku: '123', text: 'Да, подойдёт', skipIfSent: true }, '/v1/question/answer/create', 400, { code: 3, message: 'text too short', details: '' }, /Ozon rejected the request/],
	['chat send', { resource: 'chat', operation: 'sendMessage', chatId: 'c1', message: 'Здравствуйте', replyToId: '1', skipIfSent: true }, '/v1/chat/send/message', 403, denied, /sending chat messages and marking chats read/],
	['chat history', { resource: 'chat', operation: 'history', chatId: 'c1', limit: 10 }, '/v3/chat/history', 404, { code: 5, message: 'chat not found', details: [] }, /Ozon found nothing/],
	['chat mark read', { resource: 'chat', operation: 'markRead', chatId: 'c1', fromMessageId: '3000000000817031942' }, '/v2/chat/read', 403, { code: 7, message: 'Api-Key is missing a required role for a method', details: [] }, /lacks the role/],
	['posting get', { resource: 'posting', operation: 'get', postingNumber: '12345678-0001-1', scheme: 'fbs' }, '/v3/posting/fbs/get', 404, { code: 5, message: 'Posting not found', details: [] }, /Ozon found nothing/],
	['product info', { resource: 'product', operation: 'getInfo', identifyBy: 'sku', productKey: '123' }, '/v3/product/info/list', 400, { code: 3, message: 'bad sku', details: [] }, /Ozon rejected the request/],
];

describe('Ozon node error paths', () => {
	it.each(cases)('%s: HTTP %#', async (_name, parameters, path, status, body, message) => {
		nock(BASE).post(path).reply(status, body as nock.Body);
		await expect(run(parameters)).rejects.toThrow(message);
		expect(nock.isDone()).toBe(true);
	});

	it('keeps going with continueOnFail and names the item', async () => {
		nock(BASE).post('/v2/review/info').reply(404, { code: 5, message: 'review not found', details: [] });
		const out = await run({ resource: 'review', operation: 'get', reviewId: 'r1' }, { continueOnFail: true });
		expect(out[0][0]).toMatchObject({ json: { error: expect.stringMatching(/Ozon found nothing/) }, pairedItem: { item: 0 } });
	});

	it('refuses bad input before calling Ozon, naming the field', async () => {
		await expect(run({ resource: 'question', operation: 'answer', questionId: 'q1', sku: '123', text: 'Д' })).rejects.toThrow(/Text must be a text of at least 2 characters/);
		await expect(run({ resource: 'chat', operation: 'sendMessage', chatId: 'c1', message: 'x'.repeat(1001) })).rejects.toThrow(/at most 1000/);
		await expect(run({ resource: 'question', operation: 'answer', questionId: 'q1', sku: 'abc', text: 'Да, да' })).rejects.toThrow(/SKU must be a whole number/);
		await expect(run({ resource: 'review', operation: 'comment', reviewId: '', text: 'x' })).rejects.toThrow(/Review ID is empty in item 0/);
	});

	it('retries 429 and 5xx on reads, never resends a write without proof', async () => {
		nock(BASE).post('/v2/review/info').reply(429, { code: 8, message: 'You have reached request rate limit per second', details: [] }, { 'Retry-After': '0' });
		nock(BASE).post('/v2/review/info').reply(200, { id: 'r1', sku: 5, text: 'ok', published_at: '2026-01-01T00:00:00Z', rating: 5, status: 'NEW' });
		const out = await run({ resource: 'review', operation: 'get', reviewId: 'r1' });
		expect(out[0][0].json).toMatchObject({ id: 'ozon:review:r1' });
		nock(BASE).post('/v1/question/answer/create').reply(500, { code: 13, message: 'Internal error', details: '' });
		nock(BASE).post('/v1/question/answer/list').reply(200, { answers: [{ id: 'a1', text: 'Да, подойдёт' }] });
		const sent = await run({ resource: 'question', operation: 'answer', questionId: 'q1', sku: '123', text: 'Да, подойдёт', skipIfSent: true });
		expect(sent[0][0].json.reply).toMatchObject({ status: 'sent' });
		expect(nock.isDone()).toBe(true);
	}, 15000);
});

describe('Ozon Trigger error paths', () => {
	const trigger = new OzonTrigger();
	it('fails the first poll loudly with the subscription named, keeps the cursor on later failures', async () => {
		const staticData: Record<string, unknown> = {};
		const params = { event: 'newQuestion', onlyUnanswered: true, firstRun: 'startFromNow', options: {} };
		nock(BASE).post('/v1/question/list').reply(403, { code: 7, message: 'denied', details: '' });
		await expect(trigger.poll.call(context({ parameters: params, staticData }) as unknown as IPollFunctions)).rejects.toThrow(/Premium Plus|questions API/);
		nock(BASE).post('/v1/question/list').reply(200, { questions: [], last_id: '', has_next: false });
		expect(await trigger.poll.call(context({ parameters: params, staticData }) as unknown as IPollFunctions)).toBeNull();
		const cursor = JSON.stringify(staticData);
		nock(BASE).post('/v1/question/list').times(4).reply(503, 'Service Unavailable');
		const ctx = context({ parameters: params, staticData });
		expect(await trigger.poll.call(ctx as unknown as IPollFunctions)).toBeNull();
		expect(JSON.stringify(staticData)).toBe(cursor);
		expect(ctx.logs.some((l) => l.level === 'error' && /cursor kept/.test(l.message))).toBe(true);
	}, 30000);

	it('skips a malformed review with a warning and keeps the rest', async () => {
		nock(BASE)
			.post('/v2/review/list')
			.reply(200, { reviews: [{ id: 'ok', sku: 1, text: 'Хорошо', published_at: new Date().toISOString(), rating: 5, status: 'NEW' }, { id: 'bad', rating: 'five' }], last_id: 'bad', has_next: false });
		nock(BASE).post('/v2/review/list').reply(200, { reviews: [], last_id: '', has_next: false });
		const ctx = context({ parameters: { event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: {} } });
		const out = await trigger.poll.call(ctx as unknown as IPollFunctions);
		expect(out?.[0].map((i) => i.json.externalId)).toEqual(['ok']);
		expect(ctx.logs.find((l) => l.level === 'warn')?.message).toMatch(/skipped a malformed review/);
	});
});
