'use strict';
// The Yandex.Market module of the sandbox: paths, Api-Key auth and scopes, paging, filters, writes changing state,
// error bodies, faults and push notifications sent to a URL.

const http = require('http');
const { createSandbox } = require('../server');
const ym = require('./index');

const B = ym.businessId;
let sb;
let url;

async function call(method, path, { key = ym.tokens.all, body, query } = {}) {
	const u = new URL(`${url}/ym/api${path}`);
	for (const [k, v] of Object.entries(query || {})) u.searchParams.set(k, String(v));
	const headers = { 'Content-Type': 'application/json' };
	if (key) headers['Api-Key'] = key;
	const res = await fetch(u, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	let data;
	try {
		data = JSON.parse(text);
	} catch {
		data = undefined;
	}
	return { status: res.status, data, text };
}

async function control(path, body = {}) {
	const res = await fetch(`${url}/__control/ym/${path}`, { method: 'POST', body: JSON.stringify(body) });
	return { status: res.status, data: await res.json() };
}

beforeEach(async () => {
	sb = createSandbox({ seed: 'default' });
	({ url } = await sb.start(0));
});
afterEach(async () => sb.stop());

describe('auth', () => {
	it('answers 401 without or with a wrong Api-Key, in Market error format', async () => {
		const none = await call('POST', `/v2/businesses/${B}/goods-feedback`, { key: null, body: {} });
		expect(none.status).toBe(401);
		expect(none.data).toEqual({ status: 'ERROR', errors: [{ code: 'UNAUTHORIZED', message: expect.any(String) }] });
		expect((await call('POST', `/v2/businesses/${B}/goods-feedback`, { key: 'nope', body: {} })).status).toBe(401);
	});
	it('answers 403 for a key without the scope and for another business', async () => {
		expect((await call('POST', `/v2/businesses/${B}/goods-feedback`, { key: ym.tokens.orders, body: {} })).status).toBe(403);
		expect((await call('POST', `/v1/businesses/${B}/orders`, { key: ym.tokens.orders, body: {} })).status).toBe(200);
		expect((await call('POST', `/v2/businesses/999/goods-feedback`, { body: {} })).status).toBe(403);
	});
});

describe('goods feedback', () => {
	it('pages with pageToken (and the page_token alias) and filters NEED_REACTION', async () => {
		const seen = [];
		let token;
		for (let i = 0; i < 10; i++) {
			const r = await call('POST', `/v2/businesses/${B}/goods-feedback`, { body: { reactionStatus: 'NEED_REACTION' }, query: { limit: 5, ...(token ? { [i % 2 ? 'page_token' : 'pageToken']: token } : {}) } });
			expect(r.status).toBe(200);
			expect(r.data.status).toBe('OK');
			seen.push(...r.data.result.feedbacks);
			token = r.data.result.paging.nextPageToken;
			if (!token) break;
		}
		expect(seen.length).toBe(16);
		expect(new Set(seen.map((f) => f.feedbackId)).size).toBe(16);
		expect(seen.every((f) => f.needReaction)).toBe(true);
		expect(seen[0]).toMatchObject({ identifiers: { offerId: expect.any(String), orderId: expect.any(Number) }, statistics: { rating: expect.any(Number) } });
	});
	it('rejects limit over 50, a bad page token and feedbackIds with other filters', async () => {
		expect((await call('POST', `/v2/businesses/${B}/goods-feedback`, { body: {}, query: { limit: 51 } })).status).toBe(400);
		expect((await call('POST', `/v2/businesses/${B}/goods-feedback`, { body: {}, query: { pageToken: 'garbage' } })).status).toBe(400);
		const r = await call('POST', `/v2/businesses/${B}/goods-feedback`, { body: { feedbackIds: [1], reactionStatus: 'ALL' } });
		expect(r.status).toBe(400);
		expect(r.data.errors[0].message).toMatch(/feedbackIds cannot be combined/);
	});
	it('a seller comment clears needReaction, is listed and is recorded as a reply; editing it works', async () => {
		const list = await call('POST', `/v2/businesses/${B}/goods-feedback`, { body: { reactionStatus: 'NEED_REACTION' }, query: { limit: 1 } });
		const id = list.data.result.feedbacks[0].feedbackId;
		const created = await call('POST', `/v2/businesses/${B}/goods-feedback/comments/update`, { body: { feedbackId: id, comment: { text: 'Спасибо!' } } });
		expect(created.status).toBe(200);
		expect(created.data.result).toMatchObject({ text: 'Спасибо!', feedbackId: id, author: { type: 'BUSINESS' }, status: 'PUBLISHED' });
		const edited = await call('POST', `/v2/businesses/${B}/goods-feedback/comments/update`, { body: { feedbackId: id, comment: { id: created.data.result.id, text: 'Спасибо большое!' } } });
		expect(edited.data.result.text).toBe('Спасибо большое!');
		const comments = await call('POST', `/v2/businesses/${B}/goods-feedback/comments`, { body: { feedbackId: id } });
		expect(comments.data.result.comments.map((c) => c.text)).toEqual(['Спасибо большое!']);
		const again = await call('POST', `/v2/businesses/${B}/goods-feedback`, { body: { feedbackIds: [id] } });
		expect(again.data.result.feedbacks[0].needReaction).toBe(false);
		expect(sb.state.replies.map((r) => [r.marketplace, r.kind, r.targetId])).toEqual([
			['ym', 'review-comment', String(id)],
			['ym', 'review-comment-edit', String(id)],
		]);
	});
	it('rejects an empty or too long comment and an unknown feedback', async () => {
		expect((await call('POST', `/v2/businesses/${B}/goods-feedback/comments/update`, { body: { feedbackId: 1, comment: { text: '' } } })).status).toBe(400);
		expect((await call('POST', `/v2/businesses/${B}/goods-feedback/comments/update`, { body: { feedbackId: 1, comment: { text: 'x'.repeat(4097) } } })).status).toBe(400);
		expect((await call('POST', `/v2/businesses/${B}/goods-feedback/comments/update`, { body: { feedbackId: 1, comment: { text: 'Ок' } } })).status).toBe(404);
	});
});

describe('goods questions', () => {
	it('lists unanswered questions and answers one with operation CREATE', async () => {
		const open = await call('POST', `/v1/businesses/${B}/goods-questions`, { body: { needAnswer: true } });
		expect(open.data.result.totalCount).toBe(6);
		const q = open.data.result.questions[0];
		expect(q).toMatchObject({ questionIdentifiers: { id: expect.any(Number), offerId: expect.any(String) }, text: expect.any(String) });
		const r = await call('POST', `/v1/businesses/${B}/goods-questions/update`, {
			body: { operationType: 'CREATE', parentEntityId: { id: q.questionIdentifiers.id, type: 'QUESTION' }, text: 'Да, подходит.' },
		});
		expect(r.data.result.entity).toEqual({ id: expect.any(Number), type: 'ANSWER' });
		expect((await call('POST', `/v1/businesses/${B}/goods-questions`, { body: { needAnswer: true } })).data.result.totalCount).toBe(5);
		const answers = await call('POST', `/v1/businesses/${B}/goods-questions/answers`, { body: { questionId: q.questionIdentifiers.id } });
		expect(answers.data.result.answers[0].text).toBe('Да, подходит.');
	});
});

describe('chats', () => {
	it('lists chats by status (limit max 20), reads history and a message, and a seller message changes the status', async () => {
		expect((await call('POST', `/v2/businesses/${B}/chats`, { body: {}, query: { limit: 21 } })).status).toBe(400);
		const waiting = await call('POST', `/v2/businesses/${B}/chats`, { body: { statuses: ['WAITING_FOR_PARTNER'] } });
		expect(waiting.data.result.chats).toHaveLength(4);
		const chat = waiting.data.result.chats[0];
		expect(chat.context.type).toMatch(/^(ORDER|DIRECT)$/);
		const hist = await call('POST', `/v2/businesses/${B}/chats/history`, { query: { chatId: chat.chatId }, body: {} });
		expect(hist.data.result.messages[0]).toMatchObject({ sender: 'CUSTOMER', message: expect.any(String) });
		const one = await call('GET', `/v2/businesses/${B}/chats/message`, { query: { chatId: chat.chatId, messageId: hist.data.result.messages[0].messageId } });
		expect(one.data.result.messageId).toBe(hist.data.result.messages[0].messageId);
		const sent = await call('POST', `/v2/businesses/${B}/chats/message`, { query: { chatId: chat.chatId }, body: { message: 'Здравствуйте!' } });
		expect(sent.data).toEqual({ status: 'OK' });
		const got = await call('GET', `/v2/businesses/${B}/chat`, { query: { chatId: chat.chatId } });
		expect(got.data.result.status).toBe('WAITING_FOR_CUSTOMER');
		expect((await call('POST', `/v2/businesses/${B}/chats/message`, { query: { chatId: chat.chatId }, body: { message: 'x'.repeat(4097) } })).status).toBe(400);
	});
});

describe('orders', () => {
	it('finds an order by id and refuses a foreign campaign', async () => {
		const id = sb.state.ym.orders[0].orderId;
		const r = await call('POST', `/v1/businesses/${B}/orders`, { body: { orderIds: [id] } });
		// GetBusinessOrdersResponse: `{orders, paging}` at the top level, no `{status, result}` envelope.
		expect(r.data).not.toHaveProperty('status');
		expect(r.data).not.toHaveProperty('result');
		expect(r.data.orders).toHaveLength(1);
		expect(r.data.orders[0]).toMatchObject({ orderId: id, status: expect.any(String), items: [expect.objectContaining({ offerName: expect.any(String) })] });
		expect((await call('POST', `/v1/businesses/${B}/orders`, { body: { orderIds: [id], campaignIds: [5] } })).status).toBe(403);
	});
});

describe('faults', () => {
	it('throttling is 420 with the Market body; 5xx has the Market body; duplicate pages overlap', async () => {
		sb.setFaults({ script: [{ type: '429' }, { type: '503' }] });
		const t = await call('POST', `/v2/businesses/${B}/goods-feedback`, { body: {} });
		expect(t.status).toBe(420);
		expect(t.data.errors[0].code).toBe('LIMIT_EXCEEDED');
		const s = await call('POST', `/v2/businesses/${B}/goods-feedback`, { body: {} });
		expect(s.status).toBe(503);
		expect(s.data.status).toBe('ERROR');
		sb.setFaults({ duplicatePages: true, duplicateCount: 2 });
		const p1 = await call('POST', `/v2/businesses/${B}/goods-feedback`, { body: {}, query: { limit: 5 } });
		const p2 = await call('POST', `/v2/businesses/${B}/goods-feedback`, { body: {}, query: { limit: 5, pageToken: p1.data.result.paging.nextPageToken } });
		expect(p2.data.result.feedbacks.slice(0, 2).map((f) => f.feedbackId)).toEqual(p1.data.result.feedbacks.slice(3).map((f) => f.feedbackId));
	});
});

describe('push notifications', () => {
	let receiver;
	let received;
	let answer;
	beforeEach(async () => {
		received = [];
		answer = (body) => ({ status: 200, body: { version: '1', name: 'test', time: new Date().toISOString() } });
		receiver = http.createServer((req, res) => {
			let data = '';
			req.on('data', (c) => (data += c));
			req.on('end', () => {
				received.push({ path: req.url, body: JSON.parse(data) });
				const a = answer(JSON.parse(data));
				res.writeHead(a.status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(a.body));
			});
		});
		await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
	});
	afterEach(async () => new Promise((r) => receiver.close(r)));

	it('sends GOODS_FEEDBACK_CREATED, CHAT_CREATED + CHAT_MESSAGE_SENT, QUESTION_CREATED to <url>/notification', async () => {
		const base = `http://127.0.0.1:${receiver.address().port}/hook`;
		expect((await control('push', { url: base })).data.url).toBe(base);
		const fb = await control('feedbacks', { text: 'Отличный товар', rating: 5 });
		expect(fb.data.push[0]).toMatchObject({ status: 200, problem: null });
		const chat = await control('chat-messages', { text: 'Здравствуйте, когда отправите?' });
		expect(chat.data.chat.context.type).toBe('DIRECT');
		await control('questions', { text: 'Какой размер?' });
		expect(received.map((r) => r.path)).toEqual(Array(4).fill('/hook/notification'));
		expect(received.map((r) => r.body.notificationType)).toEqual(['GOODS_FEEDBACK_CREATED', 'CHAT_CREATED', 'CHAT_MESSAGE_SENT', 'QUESTION_CREATED']);
		expect(received[0].body).toEqual({ notificationType: 'GOODS_FEEDBACK_CREATED', feedbackId: fb.data.feedback.feedbackId, businessId: B, createdAt: expect.any(String), publishedAt: expect.any(String) });
		expect(received[2].body).toEqual({ notificationType: 'CHAT_MESSAGE_SENT', chatId: chat.data.chat.chatId, messageId: String(chat.data.message.messageId), businessId: B, sentAt: expect.any(String) });
	});

	it('sends a notification twice with the duplicate switch, and flags answers that break the spec', async () => {
		const base = `http://127.0.0.1:${receiver.address().port}`;
		await control('push', { url: base, duplicate: true });
		await control('feedbacks', {});
		expect(received).toHaveLength(2);
		expect(received[0].body).toEqual(received[1].body);
		answer = () => ({ status: 200, body: { ok: true } });
		const ping = await control('push-send', {});
		expect(ping.data.notification.notificationType).toBe('PING');
		expect(ping.data.problem).toMatch(/version, name, time/);
		answer = () => ({ status: 400, body: { error: { type: 'WRONG_EVENT_FORMAT', message: 'bad' } } });
		const bad = await control('push-send', { body: { hello: 1 } });
		expect(bad.data).toMatchObject({ status: 400, problem: null });
		expect((await control('push-deliveries')).data).toHaveLength(4);
	});

	it('rejects a bad push URL with a clear error', async () => {
		const r = await control('push', { url: 'ftp://x' });
		expect(r.status).toBe(400);
		expect(r.data.error).toMatch(/push.url/);
	});
});
