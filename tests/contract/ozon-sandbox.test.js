'use strict';
// Contract: the sandbox's Ozon module answers as the official Seller API spec says. One `prism proxy --errors` (on the
// normalised copy of shared/specs/ozon/seller-api.trimmed.json, see prism.js normaliseOzonSpec) sits in front of the
// sandbox's `/ozon/seller` host; the compiled nodes (dist/) drive realistic traffic through it: trigger polls with
// backlog and new buyer content, every node operation, and the error paths (401, 403, 400/404, and 429 and 5xx from
// the fault script). Every exchange must be free of Prism findings, except the documented exceptions in
// KNOWN-DEVIATIONS.md, each matched narrowly below and each required to still occur.
//
// Prism re-serialises the JSON it proxies, so uint64 chat message ids (above 2^53) reach the node rounded. Prism's
// verdict is not affected (it validates before re-serialising), but the node's chat cursor is: the test therefore
// asserts on the exchanges, and takes exact ids from the sandbox state where a request needs one.

const { createSandbox } = require('../sandbox/server');
const { CLIENTS } = require('../sandbox/ozon/clients');
const { loadOzonDist, writeArtifacts, CallLog, nodeContext, startPrisms, stopPrisms, ozonCredentialData } = require('./support');
const { logProblems, describeViolations, inspectResponse } = require('./prism');

jest.setTimeout(180_000);

const UNLISTED_STATUS = /^Unable to match the returned status code with those defined in the document/;

/** The status codes the operation documents, as Prism lists them in its warning. */
function documented(call) {
	const m = /defined in the document: ([\w,\s]+)/.exec(call.violations.map((v) => v.message).join(' '));
	return m ? m[1].split(',').map((x) => x.trim()) : [];
}

// The v1 review and question methods list `200` + `default`, so every status is "listed" there and validated against
// `default`; the exceptions below concern the v2/v3 methods.
/** KNOWN-DEVIATIONS.md, Ozon sandbox answers; `match` gets a recorded exchange whose findings are all warnings. */
const ALLOWED = [
	{
		id: 'O3 401 is in no operation',
		match: (c) => c.status === 401 && !documented(c).includes('401'),
	},
	{
		id: 'O4 429 is in no operation',
		match: (c) => c.status === 429 && !documented(c).includes('429'),
	},
	{
		id: 'O5 502/503/504 are in no operation',
		match: (c) => [502, 503, 504].includes(c.status) && !documented(c).includes(String(c.status)),
	},
];

// Requests Prism refuses before they reach the sandbox (proxy mode: 422 problem, not forwarded).
const REFUSED = [
	{ id: 'O1 comment list oneOf cannot match a review_id body', match: (c, v) => c.path === '/v1/review/comment/list' && v.code === 'oneOf' },
	{ id: 'O2 review count has no request body', match: (c, v) => c.path === '/v2/review/count' && v.code === 415 },
];

let dist;
let sandbox;
let prisms;
let sandboxUrl;
const calls = new CallLog();

beforeAll(async () => {
	dist = loadOzonDist();
	sandbox = createSandbox({ seed: 'default' });
	({ url: sandboxUrl } = await sandbox.start(0));
	prisms = await startPrisms({ seller: { spec: 'ozonSeller', upstream: `${sandboxUrl}/ozon/seller` } });
});

afterAll(async () => {
	if (prisms) process.stdout.write(`contract ${writeArtifacts('ozon-sandbox', calls.calls, prisms)}\n`);
	await stopPrisms(prisms);
	if (sandbox) await sandbox.stop();
});

afterEach(() => {
	if (sandbox) sandbox.setFaults({});
});

const oz = () => sandbox.state.ozon;

function ctx(label, o = {}) {
	const { client = CLIENTS.premium, ...rest } = o;
	return nodeContext(calls, {
		label,
		credentials: { ozonSellerApi: ozonCredentialData(prisms.seller.url, client) },
		credentialTypes: { ozonSellerApi: new dist.OzonSellerApi() },
		...rest,
	});
}

function allowedFor(call) {
	if (call.prismError) {
		const v = call.prismError.validation;
		if (call.prismError.type !== 'UNPROCESSABLE_ENTITY' || !v.length) return null;
		return REFUSED.find((a) => v.every((x) => a.match(call, x))) || null;
	}
	if (!call.violations.length || !call.violations.every((v) => v.severity === 'Warning' && UNLISTED_STATUS.test(v.message))) return null;
	return ALLOWED.find((a) => a.match(call)) || null;
}

function unexpected(made) {
	const out = [];
	for (const c of made) {
		if (!c.violations.length && !c.prismError) continue;
		if (allowedFor(c)) continue;
		const parts = [];
		if (c.violations.length) parts.push(describeViolations(c.violations));
		if (c.prismError) parts.push(`Prism ${c.prismError.type} (${c.prismError.title}) ${describeViolations(c.prismError.validation)}`);
		out.push(`${c.label}: ${c.method} ${c.path} → ${c.status}: ${parts.join(' / ')}`);
	}
	return out;
}

async function through(label, fn) {
	const from = calls.calls.length;
	let result;
	let error;
	try {
		result = await fn(label);
	} catch (e) {
		error = e;
	}
	const made = calls.since(from);
	expect(made.length).toBeGreaterThan(0);
	expect(unexpected(made)).toEqual([]);
	return { result, error, made };
}

const statuses = (made) => made.map((c) => `${c.path} ${c.status}`);

async function poll(label, parameters, staticData, o = {}) {
	return new dist.OzonTrigger().poll.call(ctx(label, { parameters, staticData, ...o }));
}

async function execute(label, parameters, o = {}) {
	const out = await new dist.Ozon().execute.call(ctx(label, { parameters, items: [{ json: {} }], ...o }));
	return out[0].map((item) => item.json);
}

function transport(label, request, o = {}) {
	return dist.ozonRequest.call(ctx(label, { mode: 'manual', ...o }), request);
}

async function control(action, body) {
	const res = await fetch(`${sandboxUrl}/__control/ozon/${action}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	if (res.status !== 200) throw new Error(`control ${action}: ${res.status} ${await res.text()}`);
	return res.json();
}

const triggerState = { newReview: {}, newQuestion: {}, newChatMessage: {} };
const pulled = { reviews: [], questions: [], chats: [] };

describe('Ozon sandbox answers through prism proxy', () => {
	describe('Ozon Trigger polls', () => {
		test('newReview: the unanswered backlog (NEW, VIEWED), then a new buyer review in the window', async () => {
			const params = { event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: { includeRatingOnly: true } };
			const { result, made } = await through('reviews backlog', (l) => poll(l, params, triggerState.newReview));
			expect(made.every((c) => c.status === 200 && c.path === '/v2/review/list')).toBe(true);
			pulled.reviews = result[0].map((i) => i.json);
			expect(pulled.reviews.length).toBeGreaterThanOrEqual(8);
			await control('reviews', { text: 'Пришло с браком: шов на рукаве разошёлся после первой стирки.', rating: 2 });
			const { result: fresh, made: again } = await through('reviews new', (l) => poll(l, { ...params, onlyUnanswered: false }, triggerState.newReview));
			expect(again.every((c) => c.requestBody.filters.status === 'ALL' && c.requestBody.filters.published_from)).toBe(true);
			expect(fresh[0].map((i) => i.json.text)).toContain('Пришло с браком: шов на рукаве разошёлся после первой стирки.');
			const { made: manual } = await through('reviews manual', (l) => poll(l, params, {}, { mode: 'manual' }));
			expect(statuses(manual)).toEqual(['/v2/review/list 200']);
		});

		test('newQuestion: the backlog, then a new question', async () => {
			const params = { event: 'newQuestion', onlyUnanswered: true, firstRun: 'includeExisting', options: {} };
			const { result } = await through('questions backlog', (l) => poll(l, params, triggerState.newQuestion));
			pulled.questions = result[0].map((i) => i.json);
			expect(pulled.questions.length).toBeGreaterThanOrEqual(3);
			await control('questions', { text: 'Подскажите, есть ли этот товар в размере XL?' });
			const { result: fresh } = await through('questions new', (l) => poll(l, params, triggerState.newQuestion));
			expect(fresh[0].map((i) => i.json.text)).toEqual(['Подскажите, есть ли этот товар в размере XL?']);
			await through('questions manual', (l) => poll(l, params, {}, { mode: 'manual' }));
		});

		test('newChatMessage: chat list and the unread chats’ history, then a new chat', async () => {
			const params = { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: {} };
			const { result, made } = await through('chat backlog', (l) => poll(l, params, triggerState.newChatMessage));
			expect(made[0].path).toBe('/v3/chat/list');
			expect(made.filter((c) => c.path === '/v3/chat/history').length).toBeGreaterThanOrEqual(3);
			pulled.chats = result[0].map((i) => i.json);
			await control('chat-messages', { text: 'Здравствуйте! Когда отправите заказ?' });
			const { result: fresh } = await through('chat new', (l) => poll(l, params, triggerState.newChatMessage));
			expect(fresh[0].map((i) => i.json.text)).toContain('Здравствуйте! Когда отправите заказ?');
			await through('chat manual', (l) => poll(l, params, {}, { mode: 'manual' }));
		});
	});

	describe('node operations', () => {
		test('review: comment, get (answered), change status; list comments is refused by Prism (O1)', async () => {
			const target = pulled.reviews.find((r) => r.text);
			const text = 'Спасибо, что написали! Мы заменим товар, напишите нам в чат.';
			const { made } = await through('review comment', (l) =>
				execute(l, { resource: 'review', operation: 'comment', reviewId: target.externalId, text, markProcessed: true, skipIfSent: true }),
			);
			expect(statuses(made)).toEqual(['/v1/review/comment/create 200']);
			const { result } = await through('review get', (l) => execute(l, { resource: 'review', operation: 'get', reviewId: target.externalId }));
			expect(result[0].externalId).toBe(target.externalId);
			const { made: status } = await through('review changeStatus', (l) =>
				execute(l, { resource: 'review', operation: 'changeStatus', reviewId: pulled.reviews[1].externalId, status: 'VIEWED' }),
			);
			expect(statuses(status)).toEqual(['/v2/review/change-status 200']);
			const { error, made: list } = await through('review listComments', (l) =>
				execute(l, { resource: 'review', operation: 'listComments', reviewId: target.externalId, limit: 50 }),
			);
			expect(error).toBeDefined();
			expect(statuses(list)).toEqual(['/v1/review/comment/list 422']);
		});

		test('question: answer, get', async () => {
			const q = pulled.questions[0];
			const { made } = await through('question answer', (l) =>
				execute(l, { resource: 'question', operation: 'answer', questionId: q.externalId, sku: q.productId, text: 'Да, размер XL будет в продаже на следующей неделе.', skipIfSent: true }),
			);
			expect(statuses(made)).toEqual(['/v1/question/answer/create 200']);
			const { result } = await through('question get', (l) => execute(l, { resource: 'question', operation: 'get', questionId: q.externalId }));
			expect(result[0].externalId).toBe(q.externalId);
		});

		test('chat: send, history, mark as read (exact uint64 id from the sandbox)', async () => {
			const chat = oz().chats.find((c) => c.chat_type === 'BUYER_SELLER');
			const { made } = await through('chat sendMessage', (l) =>
				execute(l, { resource: 'chat', operation: 'sendMessage', chatId: chat.chat_id, message: 'Здравствуйте! Заказ передан в доставку.', replyToId: '', skipIfSent: false }),
			);
			expect(statuses(made)).toEqual(['/v1/chat/send/message 200']);
			const { result } = await through('chat history', (l) => execute(l, { resource: 'chat', operation: 'history', chatId: chat.chat_id, limit: 10 }));
			expect(result.map((m) => m.text)).toContain('Здравствуйте! Заказ передан в доставку.');
			const buyerMessage = chat.messages.find((m) => m.user.type === 'Customer');
			const { made: read } = await through('chat markRead', (l) =>
				execute(l, { resource: 'chat', operation: 'markRead', chatId: chat.chat_id, fromMessageId: String(buyerMessage.message_id) }),
			);
			expect(statuses(read)).toEqual(['/v2/chat/read 200']);
			expect(read[0].rawBody).toContain(`"from_message_id":${buyerMessage.message_id}`);
			const forward = dist.requests.chatHistory(chat.chat_id, { direction: 'Forward', fromMessageId: String(buyerMessage.message_id), limit: 1000 });
			const { made: fwd } = await through('chat history Forward', (l) => transport(l, forward));
			expect(statuses(fwd)).toEqual(['/v3/chat/history 200']);
		});

		test('posting: FBS, FBO (auto falls back after the FBS 404), an order number; product info', async () => {
			const fbs = oz().postings.find((p) => p.scheme === 'fbs');
			for (const p of oz().postings) {
				const { made } = await through(`posting ${p.posting_number}`, (l) => execute(l, { resource: 'posting', operation: 'get', postingNumber: p.posting_number, scheme: 'auto' }));
				expect(made[made.length - 1].status).toBe(200);
			}
			const order = fbs.posting_number.split('-').slice(0, 2).join('-');
			const { result } = await through('posting by order', (l) => execute(l, { resource: 'posting', operation: 'get', postingNumber: order, scheme: 'auto' }));
			expect(result[0].postings.length).toBeGreaterThanOrEqual(1);
			const product = oz().products[0];
			for (const [identifyBy, productKey] of [
				['sku', product.sku],
				['offer_id', product.offer_id],
				['product_id', product.product_id],
			]) {
				const { made } = await through(`product ${identifyBy}`, (l) => execute(l, { resource: 'product', operation: 'getInfo', identifyBy, productKey: String(productKey) }));
				expect(statuses(made)).toEqual(['/v3/product/info/list 200']);
			}
		});
	});

	describe('the methods the nodes call only in passing, through the node transport', () => {
		test('question answers (the answer check after an ambiguous failure); review count is refused by Prism (O2)', async () => {
			const answered = oz().questions.find((q) => q.answers.length);
			const { result, made } = await through('question answers', (l) => transport(l, dist.requests.listQuestionAnswers(answered.id, String(answered.sku))));
			expect(statuses(made)).toEqual(['/v1/question/answer/list 200']);
			expect(result.answers.length).toBeGreaterThan(0);
			const { error, made: count } = await through('review count', (l) => transport(l, dist.requests.countReviews()));
			expect(error).toBeDefined();
			expect(statuses(count)).toEqual(['/v2/review/count 422']);
		});
	});

	describe('error paths', () => {
		test('401: a key Ozon does not know', async () => {
			const bad = { client: { clientId: CLIENTS.premium.clientId, apiKey: 'not-an-ozon-key' } };
			const cases = [
				['401 reviews poll', () => poll('401 reviews poll', { event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, {}, bad), '/v2/review/list 401'],
				['401 questions poll', () => poll('401 questions poll', { event: 'newQuestion', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, {}, bad), '/v1/question/list 401'],
				['401 chat poll', () => poll('401 chat poll', { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, {}, bad), '/v3/chat/list 401'],
				['401 posting', () => execute('401 posting', { resource: 'posting', operation: 'get', postingNumber: oz().postings[0].posting_number, scheme: 'fbs' }, bad), '/v3/posting/fbs/get 401'],
			];
			for (const [label, run, expected] of cases) {
				const { error, made } = await through(label, run);
				expect([label, error !== undefined]).toEqual([label, true]);
				expect([label, statuses(made)]).toEqual([label, [expected]]);
			}
		});

		test('403: a seller without the subscription', async () => {
			const chat = oz().chats.find((c) => c.chat_type === 'BUYER_SELLER');
			const cases = [
				['403 reviews poll', () => poll('403 reviews poll', { event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, {}, { client: CLIENTS.basic }), '/v2/review/list 403'],
				['403 questions poll', () => poll('403 questions poll', { event: 'newQuestion', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, {}, { client: CLIENTS.reviews }), '/v1/question/list 403'],
				['403 question answer', () => execute('403 question answer', { resource: 'question', operation: 'answer', questionId: pulled.questions[1].externalId, sku: pulled.questions[1].productId, text: 'Да, подходит.', skipIfSent: false }, { client: CLIENTS.reviews }), '/v1/question/answer/create 403'],
				['403 chat send', () => execute('403 chat send', { resource: 'chat', operation: 'sendMessage', chatId: chat.chat_id, message: 'Здравствуйте!', replyToId: '', skipIfSent: false }, { client: CLIENTS.basic }), '/v1/chat/send/message 403'],
				['403 chat read', () => execute('403 chat read', { resource: 'chat', operation: 'markRead', chatId: chat.chat_id, fromMessageId: '' }, { client: CLIENTS.basic }), '/v2/chat/read 403'],
				['403 review comment', () => execute('403 review comment', { resource: 'review', operation: 'comment', reviewId: pulled.reviews[2].externalId, text: 'Спасибо!', markProcessed: false, skipIfSent: false }, { client: CLIENTS.basic }), '/v1/review/comment/create 403'],
			];
			for (const [label, run, expected] of cases) {
				const { error, made } = await through(label, run);
				expect([label, error !== undefined]).toEqual([label, true]);
				expect([label, statuses(made)]).toEqual([label, [expected]]);
			}
		});

		test('400/404: answers Ozon refuses, in its error shapes', async () => {
			const chat = oz().chats.find((c) => c.chat_type === 'BUYER_SELLER');
			const support = oz().chats.find((c) => c.chat_type !== 'BUYER_SELLER' && c.chat_type !== 'BUYER_SELLER_SELECT');
			const cases = [
				['unknown review', () => execute('unknown review', { resource: 'review', operation: 'get', reviewId: '00000000-0000-0000-0000-000000000000' }), '/v2/review/info 404'],
				['unknown question', () => execute('unknown question', { resource: 'question', operation: 'get', questionId: '00000000-0000-0000-0000-000000000000' }), '/v1/question/info 404'],
				['unknown posting', () => execute('unknown posting', { resource: 'posting', operation: 'get', postingNumber: '99999999-0001-1', scheme: 'fbs' }), '/v3/posting/fbs/get 404'],
				['send to a support chat', () => execute('support chat', { resource: 'chat', operation: 'sendMessage', chatId: support.chat_id, message: 'Здравствуйте!', replyToId: '', skipIfSent: false }), '/v1/chat/send/message 400'],
				// Limits the spec gives only in prose, sent as hand-made requests: Prism lets them through, the sandbox refuses.
				['history Forward without from_message_id', () => transport('forward no id', { method: 'POST', path: '/v3/chat/history', body: { chat_id: chat.chat_id, direction: 'Forward', limit: 10 }, read: false }), '/v3/chat/history 400'],
				['answer of one character', () => transport('short answer', { method: 'POST', path: '/v1/question/answer/create', body: { question_id: pulled.questions[2].externalId, sku: Number(pulled.questions[2].productId), text: 'Д' }, read: false }), '/v1/question/answer/create 400'],
			];
			for (const [label, run, expected] of cases) {
				const { error, made } = await through(label, run);
				expect([label, error !== undefined]).toEqual([label, true]);
				expect([label, statuses(made)]).toEqual([label, [expected]]);
			}
		});

		test('429 from the fault script is retried; 5xx: reads retried, an ambiguous write verified first', async () => {
			sandbox.setFaults({
				script: [
					{ type: '429', host: 'seller', path: '/v2/review/list', retryAfterSeconds: 0 },
					{ type: '429', host: 'seller', path: '/v3/chat/list', retryAfterSeconds: 0 },
					// Not on the question methods: the sandbox's shared front cannot give their `details: string` shape
					// (KNOWN-DEVIATIONS.md, Ozon, "Found, not fixed").
					{ type: '500', host: 'seller', path: '/v2/review/info' },
					{ type: '502', host: 'seller', path: '/v2/review/info' },
					{ type: '503', host: 'seller', path: '/v3/product/info/list' },
					{ type: '504', host: 'seller', path: '/v3/posting/fbs/get' },
					{ type: '500', host: 'seller', path: '/v1/chat/send/message' },
				],
			});
			const { made: reviews } = await through('429 reviews', (l) => poll(l, { event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, triggerState.newReview));
			expect(reviews.map((c) => c.status).slice(0, 2)).toEqual([429, 200]);
			const { made: chats } = await through('429 chats', (l) => poll(l, { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, triggerState.newChatMessage));
			expect(chats.map((c) => c.status).slice(0, 2)).toEqual([429, 200]);
			const { made: review } = await through('5xx review get', (l) => execute(l, { resource: 'review', operation: 'get', reviewId: pulled.reviews[0].externalId }));
			expect(review.map((c) => c.status)).toEqual([500, 502, 200]);
			const product = oz().products[0];
			const { made: info } = await through('5xx product', (l) => execute(l, { resource: 'product', operation: 'getInfo', identifyBy: 'sku', productKey: String(product.sku) }));
			expect(info.map((c) => c.status)).toEqual([503, 200]);
			const { made: posting } = await through('5xx posting', (l) => execute(l, { resource: 'posting', operation: 'get', postingNumber: oz().postings[0].posting_number, scheme: 'auto' }));
			expect(posting.map((c) => c.status).slice(0, 2)).toEqual([504, 200]);
			const chat = oz().chats.find((c) => c.chat_type === 'BUYER_SELLER');
			const { made: send } = await through('5xx chat send', (l) =>
				execute(l, { resource: 'chat', operation: 'sendMessage', chatId: chat.chat_id, message: 'Спасибо, что дождались!', replyToId: '', skipIfSent: false }),
			);
			expect(statuses(send)).toEqual(['/v1/chat/send/message 500', '/v3/chat/history 200', '/v1/chat/send/message 200']);
			expect(sandbox.getFaults().script).toEqual([]);
		});
	});

	test('every documented exception still occurs, and Prism logged nothing else', async () => {
		await new Promise((resolve) => setTimeout(resolve, 300)); // let the log pipes drain
		for (const a of [...ALLOWED, ...REFUSED]) expect([a.id, calls.calls.some((c) => allowedFor(c) === a)]).toEqual([a.id, true]);
		expect(unexpected(calls.calls)).toEqual([]);
		const lines = logProblems(prisms.seller.log());
		const warnings = lines.filter((line) => /\[VALIDATOR\] ⚠\s+warning\s+Violation: response Unable to match the returned status code/.test(line));
		expect(warnings.length).toBe(calls.calls.filter((c) => !c.prismError && allowedFor(c)).length);
		// A refused request logs its violation and a warning line; nothing else may appear.
		const rest = lines.filter((line) => !warnings.includes(line));
		expect(rest.filter((line) => !/Request did not pass the validation rules|Violation: request\.body Request body must match exactly one schema in oneOf|Violation: request No supported content types|Request terminated with error: https:\/\/stoplight\.io\/prism\/errors#UNPROCESSABLE_ENTITY/.test(line))).toEqual([]);
		expect(calls.calls.length).toBeGreaterThanOrEqual(50);
	});

	// Proof that the check can fail: a sandbox record made to break the spec is reported by the proxy.
	test('negative control: an answer that breaks the spec is reported', async () => {
		const record = oz().reviews.find((r) => r.id === pulled.reviews[3].externalId);
		const saved = record.rating;
		record.rating = 'пять';
		try {
			const res = await fetch(`${prisms.seller.url}/v2/review/info`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'Client-Id': CLIENTS.premium.clientId, 'Api-Key': CLIENTS.premium.apiKey },
				body: JSON.stringify({ review_id: record.id }),
			});
			const verdict = inspectResponse({ status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() });
			expect(res.status).toBe(500);
			expect(verdict.prismError.type).toBe('VIOLATIONS');
			expect(describeViolations(verdict.violations)).toMatch(/rating must be integer/);
		} finally {
			record.rating = saved;
		}
	});
});
