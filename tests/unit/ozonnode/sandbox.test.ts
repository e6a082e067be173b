// Every Ozon operation and the polling trigger against the sandbox (real HTTP, the sandbox's Ozon module).
import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { Ozon } from '../../../nodes/Ozon/Ozon.node';
import { OzonTrigger } from '../../../nodes/Ozon/OzonTrigger.node';
import { context } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSandbox } = require('../../sandbox/server');

type Json = Record<string, unknown>;
let sb: { start: (p: number) => Promise<{ url: string }>; stop: () => Promise<void>; reset: (s?: string) => void; setFaults: (f: unknown) => void; state: Json; addChatMessage?: unknown };
let base = '';
const node = new Ozon();
const trigger = new OzonTrigger();
const KEY = 'ozon-sandbox-premium';

beforeAll(async () => {
	sb = createSandbox({ seed: 'default' });
	const { url } = await sb.start(0);
	base = `${url}/ozon/seller`;
});
afterAll(async () => sb.stop());
beforeEach(() => {
	sb.reset('default');
	sb.setFaults({});
});

const oz = () => sb.state.ozon as { reviews: Json[]; questions: Json[]; chats: Array<{ chat_id: string; chat_type: string; messages: Json[] }>; postings: Json[]; products: Json[] };
const replies = () => sb.state.replies as Array<{ kind: string; targetId: string; text: string; marketplace: string }>;

async function run(parameters: Json, items: Json[] = [{}], extra: Json = {}) {
	const ctx = context({ baseUrl: base, apiKey: KEY, parameters, items: items.map((json) => ({ json })), ...extra });
	const out = await node.execute.call(ctx as unknown as IExecuteFunctions);
	return { out: out[0].map((i) => i.json as Json), ctx };
}

async function control(path: string, body: Json) {
	const url = base.replace('/ozon/seller', '');
	const res = await fetch(`${url}/__control/ozon/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	return (await res.json()) as Json;
}

describe('Ozon node against the sandbox', () => {
	it('review: get, comment once, list comments, change status', async () => {
		const review = oz().reviews.find((r) => r.status === 'NEW')!;
		const got = (await run({ resource: 'review', operation: 'get', reviewId: review.id })).out[0];
		expect(got).toMatchObject({ id: `ozon:review:${review.id}`, marketplace: 'ozon', channel: 'review', answered: false, productId: String(review.sku) });

		const params = { resource: 'review', operation: 'comment', reviewId: review.id, text: 'Спасибо за отзыв!', markProcessed: true, skipIfSent: true };
		const processed = new Map();
		const first = await run(params, [{}], { processed });
		expect(first.out[0].reply).toMatchObject({ status: 'sent', targetId: review.id });
		const second = await run(params, [{}], { processed });
		expect(second.out[0].reply).toMatchObject({ status: 'skipped' });
		expect(replies().filter((r) => r.targetId === review.id)).toHaveLength(1);
		expect(review.status).toBe('PROCESSED');

		const comments = (await run({ resource: 'review', operation: 'listComments', reviewId: review.id, limit: 10 })).out;
		expect(comments.map((c) => c.text)).toContain('Спасибо за отзыв!');

		await run({ resource: 'review', operation: 'changeStatus', reviewId: review.id, status: 'VIEWED' });
		expect(review.status).toBe('VIEWED');
	});

	it('review comment: a garbled receipt is not resent, and a 503 is retried only after the comments show it did not land', async () => {
		const review = oz().reviews.find((r) => r.status === 'NEW')!;
		// malformed: the comment is applied and only its receipt is cut short — the transport must not resend.
		sb.setFaults({ script: [{ type: 'malformed', path: '/v1/review/comment/create' }] });
		const { out } = await run({ resource: 'review', operation: 'comment', reviewId: review.id, text: 'Благодарим!', markProcessed: true, skipIfSent: true });
		expect(out[0].reply).toMatchObject({ status: 'sent' });
		expect(replies().filter((r) => r.targetId === review.id)).toHaveLength(1);

		const other = oz().reviews.find((r) => r.status === 'NEW')!;
		sb.setFaults({ script: [{ type: '503', path: '/v1/review/comment/create' }] });
		await run({ resource: 'review', operation: 'comment', reviewId: other.id, text: 'Спасибо!', markProcessed: true, skipIfSent: true });
		expect(replies().filter((r) => r.targetId === other.id)).toHaveLength(1);
	});

	it('question: get and answer (with the SKU Ozon requires), once', async () => {
		const q = oz().questions.find((x) => x.status === 'NEW')!;
		const got = (await run({ resource: 'question', operation: 'get', questionId: q.id })).out[0];
		expect(got).toMatchObject({ channel: 'question', externalId: q.id, answered: false, productId: String(q.sku) });
		const params = { resource: 'question', operation: 'answer', questionId: q.id, sku: String(q.sku), text: 'Да, подойдёт.', skipIfSent: true };
		const processed = new Map();
		expect((await run(params, [{}], { processed })).out[0].reply).toMatchObject({ status: 'sent', channel: 'question' });
		expect((await run(params, [{}], { processed })).out[0].reply).toMatchObject({ status: 'skipped' });
		expect(replies().filter((r) => r.kind === 'question' && r.targetId === q.id)).toHaveLength(1);
	});

	it('chat: history with 64-bit ids and order context, send once, mark read', async () => {
		const chat = oz().chats.find((c) => c.chat_type === 'BUYER_SELLER' && c.messages.length === 1)!;
		const history = (await run({ resource: 'chat', operation: 'history', chatId: chat.chat_id, limit: 10 })).out;
		const buyer = history.find((m) => m.from === 'buyer')!;
		// 3000000000817031942 and up: exact, not rounded to a double
		expect(buyer.messageId).toBe(chat.messages[0].message_id);
		expect(buyer.orderNumber).toMatch(/^\d+-\d{4}$/);

		const params = { resource: 'chat', operation: 'sendMessage', chatId: chat.chat_id, message: 'Здравствуйте! Проверим заказ.', replyToId: buyer.messageId, skipIfSent: true };
		const processed = new Map();
		expect((await run(params, [{}], { processed })).out[0].reply).toMatchObject({ status: 'sent', chatId: chat.chat_id });
		expect((await run(params, [{}], { processed })).out[0].reply).toMatchObject({ status: 'skipped' });
		expect(replies().filter((r) => r.kind === 'chat' && r.targetId === chat.chat_id)).toHaveLength(1);

		const read = (await run({ resource: 'chat', operation: 'markRead', chatId: chat.chat_id, fromMessageId: buyer.messageId })).out[0];
		expect(read.chatRead).toMatchObject({ chatId: chat.chat_id, unreadCount: 0 });
		expect(chat.messages[0].is_read).toBe(true);
	});

	it('posting: FBS, FBO through auto, an order number (as chats carry it) gives its postings', async () => {
		const fbs = oz().postings.find((p) => p.scheme === 'fbs')!;
		const fbo = oz().postings.find((p) => p.scheme === 'fbo')!;
		const a = (await run({ resource: 'posting', operation: 'get', postingNumber: fbs.posting_number, scheme: 'auto' })).out[0];
		expect(a.order).toMatchObject({ scheme: 'fbs', posting_number: fbs.posting_number, order_number: fbs.order_number });
		const b = (await run({ resource: 'posting', operation: 'get', postingNumber: fbo.posting_number, scheme: 'auto' })).out[0];
		expect(b.order).toMatchObject({ scheme: 'fbo', posting_number: fbo.posting_number });
		const byOrder = (await run({ resource: 'posting', operation: 'get', postingNumber: String(fbs.order_number), scheme: 'auto' })).out[0];
		expect(byOrder.order).toMatchObject({ posting_number: fbs.posting_number });
		expect(byOrder.postings).toHaveLength(1);
		await expect(run({ resource: 'posting', operation: 'get', postingNumber: 'abc', scheme: 'auto' })).rejects.toThrow(/must be a posting number/);
		await expect(run({ resource: 'posting', operation: 'get', postingNumber: '99999999-0001-1', scheme: 'auto' })).rejects.toThrow(/has no posting/);
	});

	it('product: info by SKU and by article', async () => {
		const p = oz().products[0] as { sku: number; offer_id: string; name: string };
		expect((await run({ resource: 'product', operation: 'getInfo', identifyBy: 'sku', productKey: String(p.sku) })).out[0].product).toMatchObject({ name: p.name });
		expect((await run({ resource: 'product', operation: 'getInfo', identifyBy: 'offer_id', productKey: p.offer_id })).out[0].product).toMatchObject({ sku: String(p.sku) });
	});

	it('a seller without the subscription gets an error that names it', async () => {
		const ctx = context({ baseUrl: base, apiKey: 'ozon-sandbox-basic', clientId: '100003', parameters: { resource: 'question', operation: 'get', questionId: '420000004' } });
		await expect(node.execute.call(ctx as unknown as IExecuteFunctions)).rejects.toThrow(/no subscription for Ozon's questions API/);
		const reviews = context({ baseUrl: base, apiKey: 'ozon-sandbox-basic', clientId: '100003', parameters: { resource: 'review', operation: 'get', reviewId: 'x' } });
		await expect(node.execute.call(reviews as unknown as IExecuteFunctions)).rejects.toMatchObject({ description: expect.stringContaining('Review management') });
	});
});

describe('Ozon Trigger against the sandbox', () => {
	const poll = async (event: string, staticData: Json, extra: Json = {}) => {
		const ctx = context({ baseUrl: base, apiKey: KEY, staticData, parameters: { event, onlyUnanswered: true, firstRun: 'includeExisting', options: { maxPagesPerPoll: 50, ...extra } } });
		const out = await trigger.poll.call(ctx as unknown as IPollFunctions);
		return { items: (out?.[0] ?? []).map((i) => i.json as Json), ctx };
	};

	it.each(['newReview', 'newQuestion', 'newChatMessage'])('%s: backlog once, then new items once, one request per empty poll', async (event) => {
		const staticData = {};
		const first = await poll(event, staticData);
		expect(first.items.length).toBeGreaterThan(0);
		expect(first.items.every((i) => i.marketplace === 'ozon' && i.answered === false)).toBe(true);
		const empty = await poll(event, staticData);
		expect(empty.items).toEqual([]);
		expect(empty.ctx.requests).toHaveLength(1);

		if (event === 'newReview') await control('reviews', { text: 'Новый отзыв: всё отлично', rating: 5 });
		if (event === 'newQuestion') await control('questions', { text: 'Есть размер побольше?' });
		if (event === 'newChatMessage') {
			const chat = oz().chats.find((c) => c.chat_type === 'BUYER_SELLER')!;
			await control('chat-messages', { chat_id: chat.chat_id, text: 'Когда привезут?' });
			await control('chat-messages', { text: 'Новый чат: где заказ?' });
		}
		sb.setFaults({ duplicatePages: true, rate5xx: 0.3, seed: 7 });
		const next = await poll(event, staticData);
		sb.setFaults({});
		const texts = next.items.map((i) => i.text);
		if (event === 'newChatMessage') expect(texts.sort()).toEqual(['Когда привезут?', 'Новый чат: где заказ?'].sort());
		else expect(texts).toHaveLength(1);
		const ids = [...first.items, ...next.items].map((i) => i.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect((await poll(event, staticData)).items).toEqual([]);
	});

	it('chat messages carry the order number Ozon attaches and the earlier messages as history', async () => {
		const staticData = {};
		await poll('newChatMessage', staticData);
		const posting = oz().postings[0] as { order_number: string };
		const opened = await control('chat-messages', { text: 'Где мой заказ?', order_number: posting.order_number });
		await control('chat-messages', { chat_id: opened.chat_id as string, text: 'Подскажите, пожалуйста' });
		const { items } = await poll('newChatMessage', staticData);
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ orderNumber: posting.order_number, chatId: opened.chat_id });
		expect(items[1].history).toEqual([expect.objectContaining({ from: 'buyer', text: 'Где мой заказ?' })]);
		expect((items[1].raw as Json).repeatContact).toBe(2);
	});

	it('start from now emits nothing old', async () => {
		const staticData = {};
		const ctx = context({ baseUrl: base, apiKey: KEY, staticData, parameters: { event: 'newReview', onlyUnanswered: true, firstRun: 'startFromNow', options: {} } });
		expect(await trigger.poll.call(ctx as unknown as IPollFunctions)).toBeNull();
	});
});
