'use strict';
// Contract: the sandbox's Yandex.Market module answers as the official Partner API spec says, and its push
// notifications (and our push endpoint's answers to them) follow the notification API spec.
//
// Partner API: one `prism proxy --errors` (shared/specs/ym/partner-api.bundled.yaml, used as it is) in front of the
// sandbox's `/ym/api` host; the compiled nodes (dist/) drive realistic traffic through it: trigger polls with backlog
// and new buyer content, every node operation, and the error paths (401, 403, 400/404, 420 and 5xx from the fault
// script).
//
// Push: here the sandbox is the client. It POSTs its notifications to a `prism proxy --errors` of
// shared/specs/ym/notification-api.bundled.yaml, which forwards them to a local endpoint that runs the compiled
// Yandex Market Push Trigger's webhook() as n8n would (the node's follow-up reads go through the Partner API proxy).
// Prism checks both sides: the sandbox's notification (request) and our node's answer (response).
//
// Every exchange must be free of Prism findings, except the documented exceptions in KNOWN-DEVIATIONS.md (`ALLOWED`),
// each matched narrowly and each required to still occur.

const http = require('http');
const { createSandbox } = require('../sandbox/server');
const ymModule = require('../sandbox/ym');
const { loadYmDist, ymCredentialData, genericAuthenticator, writeArtifacts, CallLog, nodeContext, startPrisms, stopPrisms } = require('./support');
const { logProblems, describeViolations, inspectResponse, startPrism, specPath } = require('./prism');

jest.setTimeout(180_000);

const UNLISTED_STATUS = /^Unable to match the returned status code with those defined in the document/;

function documented(call) {
	const m = /defined in the document: ([\w,\s]+)/.exec(call.violations.map((v) => v.message).join(' '));
	return m ? m[1].split(',').map((x) => x.trim()) : [];
}

/** KNOWN-DEVIATIONS.md, Yandex.Market; `match` gets a recorded exchange whose findings are all "unlisted status" warnings. */
const ALLOWED = [{ id: 'Y1 502/503/504 are in no operation', match: (c) => [502, 503, 504].includes(c.status) && !documented(c).includes(String(c.status)) }];

const ACCOUNT = { apiKey: ymModule.tokens.all, businessId: String(ymModule.businessId), campaignId: '' };

let dist;
let sandbox;
let sandboxUrl;
let prisms;
let receiver;
let notificationProxy;
const calls = new CallLog();
/** What the push endpoint received and answered, one entry per notification. */
const received = [];

beforeAll(async () => {
	dist = loadYmDist();
	sandbox = createSandbox({ seed: 'default' });
	({ url: sandboxUrl } = await sandbox.start(0));
	prisms = await startPrisms({ api: { spec: 'ymPartner', upstream: `${sandboxUrl}/ym/api` } });
	receiver = await startReceiver();
	notificationProxy = await startPrism({ mode: 'proxy', spec: specPath('ymNotification'), upstream: receiver.url });
});

afterAll(async () => {
	const servers = { ...(prisms || {}), ...(notificationProxy ? { notification: notificationProxy } : {}) };
	if (prisms) process.stdout.write(`contract ${writeArtifacts('ym-sandbox', calls.calls, servers)}\n`);
	await stopPrisms(servers);
	if (receiver) await receiver.close();
	if (sandbox) await sandbox.stop();
});

afterEach(() => {
	if (sandbox) sandbox.setFaults({});
});

const ym = () => sandbox.state.ym;

function ctx(label, o = {}) {
	const { account = ACCOUNT, ...rest } = o;
	return nodeContext(calls, {
		label,
		credentials: { yandexMarketApi: ymCredentialData(prisms.api.url, account) },
		credentialTypes: { yandexMarketApi: genericAuthenticator(new dist.YandexMarketApi()) },
		...rest,
	});
}

const pushState = {};

/** Stands in for n8n's webhook server: each POST /notification runs the push trigger's webhook() once. */
async function startReceiver() {
	const server = http.createServer((req, res) => {
		let data = '';
		req.on('data', (c) => (data += c));
		req.on('end', async () => {
			let body;
			try {
				body = JSON.parse(data);
			} catch {
				body = data;
			}
			const context = ctx(`push ${body && body.notificationType}`, {
				parameters: { events: ['newReview', 'newQuestion', 'newChatMessage', 'newChat', 'newReviewComment'], integrationName: 'AgentIQ for n8n' },
				staticData: pushState,
			});
			let status = 0;
			let sent;
			const response = {
				status(code) {
					status = code;
					return response;
				},
				json(b) {
					sent = b;
					return response;
				},
			};
			context.getWorkflow = () => ({ id: 'contract-push', name: 'contract push', active: true });
			context.getBodyData = () => body;
			context.getResponseObject = () => response;
			const out = await new dist.YandexMarketPushTrigger().webhook.call(context);
			// As n8n does: a webhookResponse goes out with 200; otherwise the node wrote its answer itself.
			if (out.webhookResponse !== undefined) {
				status = 200;
				sent = out.webhookResponse;
			}
			received.push({ path: req.url, notification: body, status, answer: sent, items: out.workflowData ? out.workflowData[0].map((i) => i.json) : [] });
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(sent));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

function allowedFor(call) {
	if (call.prismError) return null;
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

const short = (p) => p.replace(/\/businesses\/\d+/, '');
const statuses = (made) => made.map((c) => `${c.method} ${short(c.path)} ${c.status}`);

async function poll(label, parameters, staticData, o = {}) {
	return new dist.YandexMarketTrigger().poll.call(ctx(label, { parameters, staticData, ...o }));
}

async function execute(label, parameters, o = {}) {
	const out = await new dist.YandexMarket().execute.call(ctx(label, { parameters, items: [{ json: {} }], ...o }));
	return out[0].map((item) => item.json);
}

function transport(label, request, o = {}) {
	return dist.ymRequest.call(ctx(label, { mode: 'manual', ...o }), request);
}

async function control(action, body) {
	const res = await fetch(`${sandboxUrl}/__control/ym/${action}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	if (res.status !== 200) throw new Error(`control ${action}: ${res.status} ${await res.text()}`);
	return res.json();
}

const triggerState = { newReview: {}, newQuestion: {}, newChatMessage: {} };
const pulled = { reviews: [], questions: [], chats: [] };

describe('Yandex.Market sandbox answers through prism proxy', () => {
	describe('Yandex Market Trigger polls', () => {
		test('newReview: the backlog, then a new buyer review', async () => {
			const params = { event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: { includeRatingOnly: true } };
			const { result, made } = await through('reviews backlog', (l) => poll(l, params, triggerState.newReview));
			expect(made.every((c) => c.status === 200)).toBe(true);
			pulled.reviews = result[0].map((i) => i.json);
			expect(pulled.reviews.length).toBeGreaterThan(0);
			await control('feedbacks', { text: 'Пришло с браком: шов на рукаве разошёлся после первой стирки.', rating: 2 });
			const { result: fresh } = await through('reviews new', (l) => poll(l, { ...params, onlyUnanswered: false }, triggerState.newReview));
			expect(fresh[0].map((i) => i.json.text)).toContain('Пришло с браком: шов на рукаве разошёлся после первой стирки.');
			await through('reviews manual', (l) => poll(l, params, {}, { mode: 'manual' }));
		});

		test('newQuestion: the backlog, then a new question', async () => {
			const params = { event: 'newQuestion', onlyUnanswered: true, firstRun: 'includeExisting', options: {} };
			const { result } = await through('questions backlog', (l) => poll(l, params, triggerState.newQuestion));
			pulled.questions = result[0].map((i) => i.json);
			expect(pulled.questions.length).toBeGreaterThan(0);
			await control('questions', { text: 'Подскажите, есть ли этот товар в размере XL?' });
			const { result: fresh } = await through('questions new', (l) => poll(l, params, triggerState.newQuestion));
			expect(fresh[0].map((i) => i.json.text)).toContain('Подскажите, есть ли этот товар в размере XL?');
			await through('questions manual', (l) => poll(l, params, {}, { mode: 'manual' }));
		});

		test('newChatMessage: chats waiting for the seller and their history, then a new message', async () => {
			const params = { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: {} };
			const { result, made } = await through('chat backlog', (l) => poll(l, params, triggerState.newChatMessage));
			expect(made.some((c) => c.path.endsWith('/chats/history'))).toBe(true);
			pulled.chats = result[0].map((i) => i.json);
			const chat = ym().chats.find((c) => c.status !== 'FINISHED');
			await control('chat-messages', { chatId: chat.chatId, text: 'Здравствуйте! Когда отправите заказ?' });
			const { result: fresh } = await through('chat new', (l) => poll(l, { ...params, onlyUnanswered: false }, triggerState.newChatMessage));
			expect(fresh[0].map((i) => i.json.text)).toContain('Здравствуйте! Когда отправите заказ?');
			await through('chat manual', (l) => poll(l, params, {}, { mode: 'manual' }));
		});
	});

	describe('node operations', () => {
		test('feedback: comment, update the comment, get', async () => {
			const target = pulled.reviews[0];
			const { result, made } = await through('feedback comment', (l) =>
				execute(l, { resource: 'feedback', operation: 'comment', feedbackId: target.externalId, text: 'Спасибо, что написали! Мы заменим товар.', skipIfSent: true }),
			);
			expect(statuses(made)).toEqual(['POST /v2/goods-feedback/comments/update 200']);
			const commentId = result[0].reply.commentId;
			expect(commentId).toBeDefined();
			const { made: update } = await through('feedback updateComment', (l) =>
				execute(l, { resource: 'feedback', operation: 'updateComment', feedbackId: target.externalId, commentId, text: 'Спасибо, что написали! Мы заменим товар, напишите в чат.' }),
			);
			expect(statuses(update)).toEqual(['POST /v2/goods-feedback/comments/update 200']);
			const { result: got } = await through('feedback get', (l) => execute(l, { resource: 'feedback', operation: 'get', feedbackId: target.externalId }));
			expect(got[0].externalId).toBe(target.externalId);
		});

		test('question: answer', async () => {
			const q = pulled.questions[0];
			const { made } = await through('question answer', (l) =>
				execute(l, { resource: 'question', operation: 'answer', questionId: q.externalId, text: 'Да, размер XL будет в продаже на следующей неделе.', skipIfSent: true }),
			);
			expect(statuses(made)).toEqual(['POST /v1/goods-questions/update 200']);
		});

		test('chat: send, history', async () => {
			const chat = ym().chats.find((c) => c.status !== 'FINISHED');
			const { made } = await through('chat sendMessage', (l) =>
				execute(l, { resource: 'chat', operation: 'sendMessage', chatId: String(chat.chatId), text: 'Здравствуйте! Заказ передан в доставку.', replyTo: '', skipIfSent: false }),
			);
			expect(statuses(made)).toEqual(['POST /v2/chats/message 200']);
			const { result } = await through('chat history', (l) => execute(l, { resource: 'chat', operation: 'history', chatId: String(chat.chatId), maxMessages: 200 }));
			expect(result[0].messages.length).toBeGreaterThan(0);
		});

		test('order: get (the answer is `{orders, paging}` at the top level, as GetBusinessOrdersResponse says)', async () => {
			const order = ym().orders[0];
			const { result, error, made } = await through('order get', (l) => execute(l, { resource: 'order', operation: 'get', orderId: String(order.orderId) }));
			expect(error).toBeUndefined();
			expect(statuses(made)).toEqual(['POST /v1/orders 200']);
			expect(made[0].requestBody).toEqual({ orderIds: [order.orderId] });
			expect(result[0].order).toMatchObject({ orderId: order.orderId, status: order.status });
			const { made: withCampaign } = await through('order get with campaign', (l) =>
				execute(l, { resource: 'order', operation: 'get', orderId: String(order.orderId) }, { account: { ...ACCOUNT, campaignId: String(order.campaignId) } }),
			);
			expect(withCampaign[0].requestBody).toEqual({ orderIds: [order.orderId], campaignIds: [order.campaignId] });
		});

		test('the reads the nodes make only in passing: comments, answers, one chat, one message', async () => {
			const feedback = ym().feedbacks.find((f) => f.statistics && f.statistics.commentsCount > 0) || ym().feedbacks[0];
			await through('comments', (l) => transport(l, dist.requests.listFeedbackComments(ACCOUNT.businessId, String(feedback.feedbackId))));
			const question = ym().questions[0];
			await through('answers', (l) => transport(l, dist.requests.listQuestionAnswers(ACCOUNT.businessId, String(question.questionIdentifiers.id))));
			const chat = ym().chats[0];
			await through('chat', (l) => transport(l, dist.requests.getChat(ACCOUNT.businessId, String(chat.chatId))));
			const message = ym().messages.find((m) => m.chatId === chat.chatId) || ym().messages[0];
			const { made } = await through('message', (l) => transport(l, dist.requests.getChatMessage(ACCOUNT.businessId, String(message.chatId ?? chat.chatId), String(message.messageId))));
			expect(made[0].status).toBe(200);
		});
	});

	describe('push notifications (the sandbox sends, our push trigger answers)', () => {
		test('PING, new review, new question, new chat and message, a repeat, and a malformed notification', async () => {
			await control('push', { url: notificationProxy.url, duplicate: false });
			const ping = await control('push-send', {});
			expect(ping.status).toBe(200);
			await control('feedbacks', { text: 'Отличная вещь, спасибо!', rating: 5 });
			await control('questions', { text: 'А есть ли гарантия?' });
			await control('chat-messages', { text: 'Здравствуйте! Где мой заказ?' });
			await control('push', { duplicate: true });
			await control('questions', { text: 'Подойдёт ли к модели 2024 года?' });
			await control('push', { duplicate: false });
			const bad = await control('push-send', { body: { notificationType: 'GOODS_FEEDBACK_CREATED', businessId: ymModule.businessId } });
			expect(bad.status).toBe(422); // Prism refuses the sandbox's malformed notification: it never reaches us

			const deliveries = ym().push.deliveries;
			const types = received.map((r) => r.notification.notificationType);
			expect(types).toEqual(expect.arrayContaining(['PING', 'GOODS_FEEDBACK_CREATED', 'QUESTION_CREATED', 'CHAT_CREATED', 'CHAT_MESSAGE_SENT']));
			expect(received.every((r) => r.path === '/notification' && r.status === 200)).toBe(true);
			expect(received.flatMap((r) => r.items).map((i) => i.text)).toEqual(
				expect.arrayContaining(['Отличная вещь, спасибо!', 'А есть ли гарантия?', 'Здравствуйте! Где мой заказ?', 'Подойдёт ли к модели 2024 года?']),
			);
			// Every well-formed delivery passed Prism both ways: the answer the sandbox got is our node's own.
			const good = deliveries.slice(0, -1);
			expect(good.map((d) => [d.notification.notificationType, d.status, d.problem])).toEqual(good.map((d) => [d.notification.notificationType, 200, null]));
			for (const d of good) expect(inspectResponse({ status: d.status, headers: {}, body: JSON.stringify(d.body) }).prismError).toBeNull();
			const refused = inspectResponse({ status: 422, headers: {}, body: JSON.stringify(deliveries[deliveries.length - 1].body) });
			expect(refused.prismError.type).toBe('UNPROCESSABLE_ENTITY');
			expect(describeViolations(refused.prismError.validation)).toMatch(/feedbackId/);
		});

		test('our error answers (400 WRONG_EVENT_FORMAT) follow the spec too', async () => {
			const before = received.length;
			// A notification for another business: well-formed for the spec, refused by our node with 400.
			const other = await control('push-send', { body: { notificationType: 'QUESTION_CREATED', questionId: 1, businessId: 999999, createdAt: '2026-11-20T10:00:00Z' } });
			expect(other.status).toBe(400);
			expect(received[before].answer.error.type).toBe('WRONG_EVENT_FORMAT');
			expect(inspectResponse({ status: 400, headers: {}, body: JSON.stringify(other.body) }).prismError).toBeNull();
		});
	});

	describe('error paths', () => {
		test('401 (unknown key) and 403 (a key without the communication scope)', async () => {
			const bad = { account: { ...ACCOUNT, apiKey: 'not-a-market-key' } };
			const ordersOnly = { account: { ...ACCOUNT, apiKey: ymModule.tokens.orders } };
			const cases = [
				['401 reviews poll', () => poll('401 reviews poll', { event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, {}, bad), 'POST /v2/goods-feedback 401'],
				['401 order', () => execute('401 order', { resource: 'order', operation: 'get', orderId: String(ym().orders[0].orderId) }, bad), 'POST /v1/orders 401'],
				['403 questions poll', () => poll('403 questions poll', { event: 'newQuestion', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, {}, ordersOnly), 'POST /v1/goods-questions 403'],
				['403 chats poll', () => poll('403 chats poll', { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, {}, ordersOnly), 'POST /v2/chats 403'],
				['403 chat send', () => execute('403 chat send', { resource: 'chat', operation: 'sendMessage', chatId: String(ym().chats[0].chatId), text: 'Здравствуйте!', replyTo: '', skipIfSent: false }, ordersOnly), 'POST /v2/chats/message 403'],
				['403 comment', () => execute('403 comment', { resource: 'feedback', operation: 'comment', feedbackId: String(ym().feedbacks[1].feedbackId), text: 'Спасибо!', skipIfSent: false }, ordersOnly), 'POST /v2/goods-feedback/comments/update 403'],
			];
			for (const [label, run, expected] of cases) {
				const { error, made } = await through(label, run);
				expect([label, error !== undefined]).toEqual([label, true]);
				expect([label, statuses(made)]).toEqual([label, [expected]]);
			}
		});

		test('400/404: answers Market refuses', async () => {
			const finished = ym().chats.find((c) => c.status === 'FINISHED');
			const cases = [
				['unknown chat history', () => execute('unknown chat', { resource: 'chat', operation: 'history', chatId: '1', maxMessages: 10 }), 'POST /v2/chats/history 404'],
				['unknown chat message', () => transport('unknown message', dist.requests.getChatMessage(ACCOUNT.businessId, String(ym().chats[0].chatId), '1')), 'GET /v2/chats/message 404'],
				['comment on an unknown review', () => execute('unknown review', { resource: 'feedback', operation: 'comment', feedbackId: '1', text: 'Спасибо!', skipIfSent: false }), 'POST /v2/goods-feedback/comments/update 404'],
				['answer an unknown question', () => execute('unknown question', { resource: 'question', operation: 'answer', questionId: '1', text: 'Да.', skipIfSent: false }), 'POST /v1/goods-questions/update 404'],
				...(finished
					? [['send to a finished chat', () => execute('finished chat', { resource: 'chat', operation: 'sendMessage', chatId: String(finished.chatId), text: 'Здравствуйте!', replyTo: '', skipIfSent: false }), 'POST /v2/chats/message 400']]
					: []),
			];
			for (const [label, run, expected] of cases) {
				const { error, made } = await through(label, run);
				expect([label, error !== undefined]).toEqual([label, true]);
				expect([label, statuses(made)]).toEqual([label, [expected]]);
			}
		});

		test('420 from the fault script is retried; 5xx: reads retried, an ambiguous write verified first', async () => {
			sandbox.setFaults({
				script: [
					{ type: '429', host: 'api', path: `/v2/businesses/${ACCOUNT.businessId}/goods-feedback`, retryAfterSeconds: 0 },
					{ type: '500', host: 'api', path: `/v1/businesses/${ACCOUNT.businessId}/goods-questions` },
					{ type: '503', host: 'api', path: `/v2/businesses/${ACCOUNT.businessId}/chats/history` },
					// a scripted path also matches the paths below it, so each entry names a leaf
					{ type: '502', host: 'api', path: `/v2/businesses/${ACCOUNT.businessId}/goods-feedback/comments` },
					{ type: '504', host: 'api', path: `/v2/businesses/${ACCOUNT.businessId}/chats/message`, method: 'POST' },
				],
			});
			const { made: reviews } = await through('420 reviews', (l) => poll(l, { event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, triggerState.newReview));
			expect(reviews.map((c) => c.status).slice(0, 2)).toEqual([420, 200]);
			const { made: questions } = await through('500 questions', (l) => poll(l, { event: 'newQuestion', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, triggerState.newQuestion));
			expect(questions.map((c) => c.status).slice(0, 2)).toEqual([500, 200]);
			const chat = ym().chats.find((c) => c.status !== 'FINISHED');
			const { made: history } = await through('503 history', (l) => execute(l, { resource: 'chat', operation: 'history', chatId: String(chat.chatId), maxMessages: 50 }));
			expect(history.map((c) => c.status).slice(0, 2)).toEqual([503, 200]);
			const feedback = ym().feedbacks[0];
			const { made: comments } = await through('502 comments', (l) => transport(l, dist.requests.listFeedbackComments(ACCOUNT.businessId, String(feedback.feedbackId))));
			expect(comments.map((c) => c.status)).toEqual([502, 200]);
			const { made: send } = await through('504 send', (l) =>
				execute(l, { resource: 'chat', operation: 'sendMessage', chatId: String(chat.chatId), text: 'Спасибо, что дождались!', replyTo: '', skipIfSent: false }),
			);
			expect(send[0].status).toBe(504);
			expect(send[send.length - 1]).toMatchObject({ method: 'POST', status: 200 });
			expect(sandbox.getFaults().script).toEqual([]);
		});
	});

	test('every documented exception still occurs, and Prism logged nothing else', async () => {
		await new Promise((resolve) => setTimeout(resolve, 300)); // let the log pipes drain
		for (const a of ALLOWED) expect([a.id, calls.calls.some((c) => allowedFor(c) === a)]).toEqual([a.id, true]);
		expect(unexpected(calls.calls)).toEqual([]);
		const lines = logProblems(prisms.api.log());
		const warnings = lines.filter((line) => /\[VALIDATOR\] ⚠\s+warning\s+Violation: response Unable to match the returned status code/.test(line));
		// Only the accepted "unlisted status" warnings may appear: no other violation, no replaced answer.
		expect(lines.filter((line) => !warnings.includes(line))).toEqual([]);
		expect(warnings.length).toBe(calls.calls.filter((c) => allowedFor(c)).length);
		// The notification proxy logged only the one malformed notification the test sent on purpose.
		const push = logProblems(notificationProxy.log());
		expect(push.filter((line) => !/Request did not pass the validation rules|Violation: request\.body|UNPROCESSABLE_ENTITY/.test(line))).toEqual([]);
		expect(push.filter((line) => /UNPROCESSABLE_ENTITY/.test(line))).toHaveLength(1);
		expect(calls.calls.length).toBeGreaterThanOrEqual(40);
	});

	// Proof that the check can fail: a sandbox record made to break the spec is reported by the proxy.
	test('negative control: an answer that breaks the spec is reported', async () => {
		const record = ym().feedbacks[2];
		const saved = record.createdAt;
		record.createdAt = 'вчера';
		try {
			const res = await fetch(`${prisms.api.url}/v2/businesses/${ACCOUNT.businessId}/goods-feedback`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'Api-Key': ACCOUNT.apiKey },
				body: JSON.stringify({ feedbackIds: [record.feedbackId] }),
			});
			const verdict = inspectResponse({ status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() });
			expect(res.status).toBe(500);
			expect(verdict.prismError.type).toBe('VIOLATIONS');
			expect(describeViolations(verdict.violations)).toMatch(/createdAt must match format "date-time"/);
		} finally {
			record.createdAt = saved;
		}
	});
});
