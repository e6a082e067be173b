'use strict';
// The sandbox's Ozon module: auth, subscriptions, spec bounds, keyset paging, uint64 ids, state, faults, rate limit,
// control actions and push delivery.
const http = require('http');
const { startSandbox, fakeClock } = require('../test-utils');
const { CLIENTS } = require('./clients');

const P = CLIENTS.premium;

function ozon(call) {
	return (path, body, client = P) =>
		call('POST', `/ozon/seller${path}`, { token: null, body, headers: client ? { 'Client-Id': client.clientId, 'Api-Key': client.apiKey } : {} });
}

let sb;
let api;
let call;
beforeAll(async () => {
	const clock = fakeClock();
	({ sb, call } = await startSandbox({ seed: 'default', now: clock.now }));
	api = ozon(call);
});
afterAll(() => sb.stop());
beforeEach(() => {
	sb.reset('default');
	sb.setFaults({});
});

test('auth: missing headers, wrong key, key of another client → 401 rpcStatus', async () => {
	expect((await api('/v3/chat/list', { limit: 1 }, null)).data).toEqual({ code: 16, message: 'Client-Id and Api-Key headers are required', details: [] });
	expect((await api('/v3/chat/list', { limit: 1 }, { clientId: P.clientId, apiKey: 'nope' })).status).toBe(401);
	expect((await api('/v3/chat/list', { limit: 1 }, { clientId: '100003', apiKey: P.apiKey })).data.message).toMatch(/Invalid Api-Key/);
	expect((await api('/v3/chat/list', { limit: 1 })).status).toBe(200);
});

test('subscriptions: reviews-only seller can read reviews, not questions; basic seller can read chats, not send', async () => {
	expect((await api('/v2/review/list', { limit: 20 }, CLIENTS.reviews)).status).toBe(200);
	const q = await api('/v1/question/list', {}, CLIENTS.reviews);
	expect(q.status).toBe(403);
	expect(q.data).toMatchObject({ code: 7, message: expect.stringContaining('Premium Plus') });
	expect((await api('/v3/chat/list', { limit: 5 }, CLIENTS.basic)).status).toBe(200);
	const chat = sb.state.ozon.chats.find((c) => c.chat_type === 'BUYER_SELLER');
	expect((await api('/v1/chat/send/message', { chat_id: chat.chat_id, text: 'Привет' }, CLIENTS.basic)).status).toBe(403);
});

test('spec bounds: review list limit 20..100 required, history Forward needs from_message_id, answer text 2..3000', async () => {
	expect((await api('/v2/review/list', {})).data).toMatchObject({ code: 3, message: expect.stringContaining('limit') });
	expect((await api('/v2/review/list', { limit: 101 })).status).toBe(400);
	const chat = sb.state.ozon.chats.find((c) => c.chat_type === 'BUYER_SELLER');
	expect((await api('/v3/chat/history', { chat_id: chat.chat_id, direction: 'Forward' })).status).toBe(400);
	const q = sb.state.ozon.questions.find((x) => x.status === 'NEW');
	const short = await api('/v1/question/answer/create', { question_id: q.id, sku: q.sku, text: 'Д' });
	expect(short.status).toBe(400);
	expect(typeof short.data.details).toBe('string');
	expect((await api('/v2/review/list', { limit: 20, filters: { status: 'UNPROCESSED' } })).status).toBe(400);
});

test('review keyset paging visits every review once; duplicate-page faults repeat the previous one', async () => {
	const seen = [];
	let last;
	for (;;) {
		const { data } = await api('/v2/review/list', { limit: 20, last_id: last, sort_dir: 'ASC' });
		seen.push(...data.reviews.map((r) => r.id));
		if (!data.has_next) break;
		last = data.last_id;
	}
	expect(new Set(seen).size).toBe(sb.state.ozon.reviews.length);
	for (let i = 0; i < 25; i++) await call('POST', '/__control/ozon/reviews', { body: {} });
	const page1 = (await api('/v2/review/list', { limit: 20, sort_dir: 'ASC' })).data;
	sb.setFaults({ duplicatePages: true, duplicateCount: 2 });
	const page2 = (await api('/v2/review/list', { limit: 20, sort_dir: 'ASC', last_id: page1.last_id })).data;
	expect(page2.reviews.slice(0, 2).map((r) => r.id)).toEqual(page1.reviews.slice(-2).map((r) => r.id));
});

test('chat ids are bare uint64 JSON numbers above 2^53, chats ordered by latest message', async () => {
	const res = await api('/v3/chat/list', { limit: 100 });
	expect(res.text).toMatch(/"last_message_id":3\d{18}[,}]/);
	const ids = [...res.text.matchAll(/"last_message_id":(\d+)/g)].map((m) => BigInt(m[1]));
	expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
	const added = await call('POST', '/__control/ozon/chat-messages', { body: { text: 'Новый вопрос' } });
	const top = (await api('/v3/chat/list', { limit: 1 })).text;
	expect(top).toContain(added.data.chat_id);
	expect(top).toContain(`"last_message_id":${added.data.message.message_id}`);
});

test('state: a comment processes the review, an answer the question, a message lands in history; replies are logged', async () => {
	const r = sb.state.ozon.reviews.find((x) => x.status === 'NEW');
	expect((await api('/v1/review/comment/create', { review_id: r.id, text: 'Спасибо!', mark_review_as_processed: true })).data.comment_id).toBeTruthy();
	expect((await api('/v2/review/info', { review_id: r.id })).data).toMatchObject({ status: 'PROCESSED', comments_amount: 1 });
	const q = sb.state.ozon.questions.find((x) => x.status === 'NEW');
	await api('/v1/question/answer/create', { question_id: q.id, sku: q.sku, text: 'Да, подходит' });
	expect((await api('/v1/question/list', { filter: { status: 'UNPROCESSED' } })).data.questions.map((x) => x.id)).not.toContain(q.id);
	const chat = sb.state.ozon.chats.find((c) => c.chat_type === 'BUYER_SELLER');
	expect((await api('/v1/chat/send/message', { chat_id: chat.chat_id, text: 'Здравствуйте!' })).data).toEqual({ result: 'success' });
	const history = await api('/v3/chat/history', { chat_id: chat.chat_id, limit: 1 });
	expect(history.text).toContain('Здравствуйте!');
	expect(sb.state.replies.map((x) => [x.marketplace, x.kind])).toEqual([['ozon', 'review'], ['ozon', 'question'], ['ozon', 'chat']]);
	expect((await api('/v3/posting/fbs/get', { posting_number: '1-1-1' })).status).toBe(404);
});

test('faults: 429 and 5xx in Ozon\'s shapes, malformed cuts a write\'s receipt after applying it; rate limit per client', async () => {
	sb.setFaults({ script: [{ type: '429' }, { type: '500' }, { type: '502' }, { type: 'malformed', path: '/v1/review/comment/create' }] });
	expect((await api('/v3/chat/list', { limit: 1 })).data).toEqual({ code: 8, message: 'You have reached request rate limit per second', details: [] });
	expect((await api('/v3/chat/list', { limit: 1 })).data).toMatchObject({ code: 13 });
	expect((await api('/v3/chat/list', { limit: 1 })).text).toMatch(/nginx/);
	const r = sb.state.ozon.reviews.find((x) => x.status === 'NEW');
	const cut = await api('/v1/review/comment/create', { review_id: r.id, text: 'Спасибо' });
	expect(cut.data).toBeUndefined();
	expect(r.comments).toHaveLength(1);
	const limited = await startSandbox({ seed: 'empty', rateLimits: true, now: () => 0 });
	try {
		const lapi = ozon(limited.call);
		const statuses = [];
		for (let i = 0; i < 52; i++) statuses.push((await lapi('/v3/chat/list', { limit: 1 })).status);
		expect(statuses.filter((s) => s === 429)).toHaveLength(2);
		expect((await lapi('/v3/chat/list', { limit: 1 }, CLIENTS.basic)).status).toBe(200);
	} finally {
		await limited.sb.stop();
	}
});

test('control: input errors name the field; push delivery records answers and checks them against the spec', async () => {
	expect((await call('POST', '/__control/ozon/reviews', { body: { rating: 9 } })).data.error).toMatch(/review.rating/);
	expect((await call('POST', '/__control/ozon/chat-messages', { body: { chat_id: 'nope' } })).data.error).toMatch(/chat_id/);
	expect((await call('POST', '/__control/ozon/push', { body: { url: 'ftp://x' } })).status).toBe(400);
	const got = [];
	const answers = [{ result: true }, { wrong: 1 }];
	const server = http.createServer((req, res) => {
		let text = '';
		req.on('data', (c) => (text += c));
		req.on('end', () => {
			got.push(JSON.parse(text));
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(answers.shift()));
		});
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	try {
		await call('POST', '/__control/ozon/push', { body: { url: `http://127.0.0.1:${server.address().port}/hook`, duplicate: true } });
		const sent = (await call('POST', '/__control/ozon/chat-messages', { body: { text: 'Где заказ?', order_number: sb.state.ozon.postings[0].order_number } })).data;
		expect(got).toHaveLength(2);
		expect(got[0]).toMatchObject({ message_type: 'TYPE_NEW_MESSAGE', chat_type: 'Buyer_Seller', user: { type: 'Customer' }, data: ['Где заказ?'], context: { order_number: sb.state.ozon.postings[0].order_number } });
		expect(sent.deliveries.map((d) => d.problem)).toEqual([null, 'a 200 answer must be {"result": true}']);
		expect((await call('POST', '/__control/ozon/push-deliveries', { body: {} })).data).toHaveLength(2);
	} finally {
		await new Promise((r) => server.close(r));
	}
});
