'use strict';
// Contract: the requests our Yandex.Market connectors send are valid against the official Partner API spec
// (shared/specs/ym/partner-api.bundled.yaml, used as it is). The compiled nodes (dist/) — Yandex Market Trigger,
// Yandex Market and the push trigger's follow-up reads — run through the test context against
// `prism mock --errors`.
//
// The mock answers from the spec's examples, or from what Prism builds from the schemas where there is none, and runs
// without `--errors`: the one Prism builds for `POST /v1/businesses/{businessId}/orders` misses required nested fields
// (`delivery.courier.region.parent.id`), which --errors would turn into a 500. So only findings about the *request*
// count here (Prism still answers a broken request with 4xx and lists it in `sl-violations`); the answers are held
// to the spec in ym-sandbox.test.js. (Generated answers, `--dynamic`, were tried: a random `status: "ERROR"` makes
// the nodes stop at the first call, so paging and follow-up reads would go unexercised.) The data is placeholder
// data, so a node may refuse an answer with its own clear error (`survives`); the assertions are on what was sent.

const { loadYmDist, ymCredentialData, genericAuthenticator, writeArtifacts, CallLog, nodeContext, startPrisms, stopPrisms } = require('./support');
const { logProblems, describeViolations } = require('./prism');

jest.setTimeout(120_000);

const ACCOUNT = { apiKey: 'contract-test-api-key', businessId: '10203040', campaignId: '' };

let dist;
let prisms;
const calls = new CallLog();

beforeAll(async () => {
	dist = loadYmDist();
	prisms = await startPrisms({ api: { spec: 'ymPartner', errors: false } });
});

afterAll(async () => {
	if (prisms) process.stdout.write(`contract ${writeArtifacts('ym-requests', calls.calls, prisms)}\n`);
	await stopPrisms(prisms);
});

function ctx(label, o = {}) {
	const { account = ACCOUNT, ...rest } = o;
	return nodeContext(calls, {
		label,
		credentials: { yandexMarketApi: ymCredentialData(prisms.api.url, account) },
		credentialTypes: { yandexMarketApi: genericAuthenticator(new dist.YandexMarketApi()) },
		...rest,
	});
}

/** Prism's findings about our requests (not about its own answers), as readable lines. */
function findings(made) {
	const out = [];
	for (const c of made) {
		const all = [...c.violations, ...(c.prismError ? c.prismError.validation : [])].filter((v) => v.location[0] !== 'response');
		if (all.length) out.push(`${c.label}: ${c.method} ${c.path} → ${c.status}: ${describeViolations(all)}`);
		else if (c.prismError && c.prismError.type !== 'VIOLATIONS') out.push(`${c.label}: ${c.method} ${c.path} → ${c.status}: Prism ${c.prismError.type}`);
	}
	return out;
}

/** Runs `fn` and returns the exchanges it made; fails on any Prism finding or non-2xx answer among them. */
async function checked(label, fn) {
	const from = calls.calls.length;
	const result = await fn(label);
	const made = calls.since(from);
	expect(made.length).toBeGreaterThan(0);
	expect(findings(made)).toEqual([]);
	expect(made.filter((c) => c.status < 200 || c.status > 299).map((c) => `${c.method} ${c.path} → ${c.status}`)).toEqual([]);
	return { result, made };
}

// The errors a node gives for generated nonsense it refuses (its own checks are stricter than the spec's).
const REFUSED_DATA = /Unexpected Yandex Market response|Yandex Market returned an unexpected|unexpected .* from Yandex Market|was not found on Yandex Market|found on this (Yandex )?Market account|No .* found/i;

async function survives(run) {
	try {
		return await run();
	} catch (error) {
		if (!REFUSED_DATA.test(error.message)) throw error;
		return { refused: error.message };
	}
}

const endpoints = (made) => made.map((c) => `${c.method} ${c.path.replace(/\/businesses\/\d+/, '/businesses/{businessId}')}`);

async function poll(label, parameters, staticData = {}, mode = 'trigger') {
	return survives(() => new dist.YandexMarketTrigger().poll.call(ctx(label, { parameters, staticData, mode })));
}

async function execute(label, parameters, o = {}) {
	return survives(async () => {
		const out = await new dist.YandexMarket().execute.call(ctx(label, { parameters, items: [{ json: {} }], ...o }));
		return out[0].map((item) => item.json);
	});
}

/** Runs the push trigger's webhook() for one notification, as n8n would; returns the status and body it answers. */
async function push(label, body) {
	const context = ctx(label, { parameters: { events: ['newReview', 'newQuestion', 'newChatMessage', 'newChat', 'newReviewComment'], integrationName: 'AgentIQ for n8n' }, staticData: {} });
	let status = 0;
	let sent;
	const res = {
		status(code) {
			status = code;
			return res;
		},
		json(b) {
			sent = b;
			return res;
		},
	};
	context.getWorkflow = () => ({ id: `wf-${label}`, name: label, active: true });
	context.getBodyData = () => body;
	context.getResponseObject = () => res;
	const out = await new dist.YandexMarketPushTrigger().webhook.call(context);
	if (out.webhookResponse !== undefined) return { status: 200, body: out.webhookResponse, items: out.workflowData ? out.workflowData[0] : [] };
	return { status, body: sent, items: [] };
}

describe('Yandex.Market connector requests against prism mock', () => {
	describe('Yandex Market Trigger polls', () => {
		test.each([
			['newReview', 'POST /v2/businesses/{businessId}/goods-feedback'],
			['newQuestion', 'POST /v1/businesses/{businessId}/goods-questions'],
			['newChatMessage', 'POST /v2/businesses/{businessId}/chats'],
		])('%s: backlog, poll with a cursor, start from now, manual', async (event, first) => {
			const staticData = {};
			const params = { event, onlyUnanswered: true, firstRun: 'includeExisting', options: { maxPagesPerPoll: 3 } };
			const { made } = await checked(`${event} backlog`, (l) => poll(l, params, staticData));
			expect(endpoints(made)[0]).toBe(first);
			await checked(`${event} cursor`, (l) => poll(l, { ...params, onlyUnanswered: false, options: { maxPagesPerPoll: 3, lateArrivalMinutes: 30 } }, staticData));
			await checked(`${event} start from now`, (l) => poll(l, { ...params, firstRun: 'startFromNow' }, {}));
			await checked(`${event} manual`, (l) => poll(l, params, {}, 'manual'));
		});

		test('request bodies: feedback window with dateTimeFrom, questions by needAnswer, chats by waiting statuses', async () => {
			const staticData = {};
			const { made } = await checked('feedback bodies', (l) => poll(l, { event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: { maxPagesPerPoll: 1 } }, staticData));
			expect(made[0].requestBody).toEqual({ reactionStatus: 'NEED_REACTION' });
			expect(made[0].query.limit).toBe('50');
			const { made: q } = await checked('question bodies', (l) => poll(l, { event: 'newQuestion', onlyUnanswered: true, firstRun: 'includeExisting', options: { maxPagesPerPoll: 2 } }, {}));
			expect(q[0].requestBody.needAnswer).toBe(true);
			const { made: c } = await checked('chat bodies', (l) => poll(l, { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: { maxPagesPerPoll: 2 } }, {}));
			expect(c[0].requestBody.statuses).toEqual(expect.arrayContaining(['WAITING_FOR_PARTNER']));
		});
	});

	describe('Yandex Market node operations', () => {
		test('feedback: comment, update comment, get', async () => {
			const { made } = await checked('feedback comment', (l) =>
				execute(l, { resource: 'feedback', operation: 'comment', feedbackId: '55501', text: 'Спасибо за отзыв! Рады, что подошло.', skipIfSent: true }),
			);
			expect(endpoints(made)).toEqual(['POST /v2/businesses/{businessId}/goods-feedback/comments/update']);
			expect(made[0].requestBody).toEqual({ feedbackId: 55501, comment: { text: 'Спасибо за отзыв! Рады, что подошло.' } });
			const { made: update } = await checked('feedback updateComment', (l) =>
				execute(l, { resource: 'feedback', operation: 'updateComment', feedbackId: '55501', commentId: '777', text: 'Спасибо за отзыв! Ждём вас снова.' }),
			);
			expect(update[0].requestBody).toEqual({ feedbackId: 55501, comment: { id: 777, text: 'Спасибо за отзыв! Ждём вас снова.' } });
			const { made: get } = await checked('feedback get', (l) => execute(l, { resource: 'feedback', operation: 'get', feedbackId: '55501' }));
			expect(get[0].requestBody).toEqual({ feedbackIds: [55501] });
		});

		test('question: answer (CREATE under the question)', async () => {
			const { made } = await checked('question answer', (l) =>
				execute(l, { resource: 'question', operation: 'answer', questionId: '3001', text: 'Да, в комплекте два фильтра.', skipIfSent: false }),
			);
			expect(endpoints(made)).toEqual(['POST /v1/businesses/{businessId}/goods-questions/update']);
			expect(made[0].requestBody).toEqual({ operationType: 'CREATE', parentEntityId: { id: 3001, type: 'QUESTION' }, text: 'Да, в комплекте два фильтра.' });
		});

		test('chat: send message, history (paged)', async () => {
			const { made } = await checked('chat sendMessage', (l) =>
				execute(l, { resource: 'chat', operation: 'sendMessage', chatId: '9001', text: 'Здравствуйте! Отправили замену сегодня.', replyTo: '', skipIfSent: true }),
			);
			expect(endpoints(made)).toEqual(['POST /v2/businesses/{businessId}/chats/message']);
			expect(made[0].query).toEqual({ chatId: '9001' });
			const { made: history } = await checked('chat history', (l) => execute(l, { resource: 'chat', operation: 'history', chatId: '9001', maxMessages: 3 }));
			expect(history.every((c) => c.path.endsWith('/chats/history') && c.query.chatId === '9001' && c.query.limit === '100')).toBe(true);
			// The example page repeats its token ("string"): the second page is the last one asked for.
			expect(history.map((c) => c.query.pageToken)).toEqual([undefined, 'string']);
		});

		test('order: get by number, with and without a campaign in the credential', async () => {
			const { made, result } = await checked('order get', (l) => execute(l, { resource: 'order', operation: 'get', orderId: '46810112' }));
			expect(endpoints(made)).toEqual(['POST /v1/businesses/{businessId}/orders']);
			// The spec's answer is `{orders, paging}` with no `{status, result}` envelope, and the parser reads it so. The
			// mock's list (built from the schema) does not hold 46810112, so the node reads it and reports the order as not
			// found (the old envelope parser failed here with "Unexpected Yandex Market response: status: missing").
			expect(result).toEqual({ refused: 'Order 46810112 was not found on Yandex Market' });
			expect(made[0].requestBody).toEqual({ orderIds: [46810112] });
			const { made: campaign } = await checked('order get with campaign', (l) =>
				execute(l, { resource: 'order', operation: 'get', orderId: '46810112' }, { account: { ...ACCOUNT, campaignId: '21000111' } }),
			);
			expect(campaign[0].requestBody).toEqual({ orderIds: [46810112], campaignIds: [21000111] });
		});
	});

	describe('Yandex Market Push Trigger: the reads a notification leads to', () => {
		test.each([
			['GOODS_FEEDBACK_CREATED', { feedbackId: 55501, createdAt: '2026-11-20T10:00:00Z', publishedAt: '2026-11-20T10:05:00Z' }, 'POST /v2/businesses/{businessId}/goods-feedback'],
			['QUESTION_CREATED', { questionId: 3001, createdAt: '2026-11-20T10:00:00Z' }, 'POST /v1/businesses/{businessId}/goods-questions'],
			['CHAT_MESSAGE_SENT', { chatId: 9001, messageId: 42, sentAt: '2026-11-20T10:00:00Z' }, 'GET /v2/businesses/{businessId}/chats/message'],
		])('%s', async (type, fields, first) => {
			const from = calls.calls.length;
			const answer = await push(`push ${type}`, { notificationType: type, businessId: Number(ACCOUNT.businessId), ...fields });
			const made = calls.since(from);
			expect(made.length).toBeGreaterThan(0);
			expect(findings(made)).toEqual([]);
			expect(endpoints(made)[0]).toBe(first);
			// Generated data rarely holds the notified id: then the node answers 500 (Market sends again), else 200.
			expect([200, 500]).toContain(answer.status);
		});
	});

	// The core has builders the nodes call only in passing (after an ambiguous failure); they go through the transport.
	describe('the other request builders (src/ym/requests) through the node transport', () => {
		test.each([
			['listFeedbackComments', (r) => r.listFeedbackComments(ACCOUNT.businessId, '55501', 'tok'), 'POST /v2/businesses/{businessId}/goods-feedback/comments'],
			['listQuestionAnswers', (r) => r.listQuestionAnswers(ACCOUNT.businessId, '3001'), 'POST /v1/businesses/{businessId}/goods-questions/answers'],
			['getChat', (r) => r.getChat(ACCOUNT.businessId, '9001'), 'GET /v2/businesses/{businessId}/chat'],
			['listFeedbacks by rating and offers', (r) => r.listFeedbacks({ businessId: ACCOUNT.businessId, ratingValues: [1, 2], offerIds: ['A-1'], dateTimeFrom: '2026-08-01T00:00:00Z', limit: 10 }), 'POST /v2/businesses/{businessId}/goods-feedback'],
			['listQuestions with dateFrom', (r) => r.listQuestions({ businessId: ACCOUNT.businessId, dateFrom: '2026-08-01', sort: 'CREATED_AT_ASC', limit: 50 }), 'POST /v1/businesses/{businessId}/goods-questions'],
			['listChats by order context', (r) => r.listChats({ businessId: ACCOUNT.businessId, orderId: '46810112', limit: 20 }), 'POST /v2/businesses/{businessId}/chats'],
			['chatHistory from a message', (r) => r.chatHistory({ businessId: ACCOUNT.businessId, chatId: '9001', messageIdFrom: '40', limit: 100 }), 'POST /v2/businesses/{businessId}/chats/history'],
		])('%s', async (label, build, endpoint) => {
			const { made } = await checked(label, (l) => dist.ymRequest.call(ctx(l, { mode: 'manual' }), build(dist.requests)));
			expect(endpoints(made)).toEqual([endpoint]);
		});
	});

	test('prism logged no violation for any of the calls above', async () => {
		await new Promise((resolve) => setTimeout(resolve, 300)); // let the log pipes drain
		expect(calls.calls.length).toBeGreaterThanOrEqual(30);
		expect(findings(calls.calls)).toEqual([]);
		const requestLines = logProblems(prisms.api.log()).filter((line) => /Violation: request|Request did not pass|NO_PATH_MATCHED|NO_METHOD_MATCHED|UNAUTHORIZED/.test(line));
		expect(requestLines).toEqual([]);
	});

	// Proof that the check can fail: a request that breaks the spec is reported.
	test('negative control: an invalid request is reported', async () => {
		const marks = prisms.api.mark();
		// the negative control runs last: it is the only refused request in the log
		const from = calls.calls.length;
		const bad = { method: 'POST', path: `/v2/businesses/${ACCOUNT.businessId}/goods-feedback`, qs: { limit: 500 }, body: { reactionStatus: 'MAYBE' }, write: true };
		await expect(dist.ymRequest.call(ctx('negative control', { mode: 'manual' }), bad)).rejects.toThrow();
		const made = calls.since(from);
		expect(made).toHaveLength(1);
		const all = [...made[0].violations, ...(made[0].prismError ? made[0].prismError.validation : [])].map((v) => v.message).join(' | ');
		expect(all).toMatch(/limit must be <= 50/);
		expect(all).toMatch(/reactionStatus must be equal to one of the allowed values/);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(logProblems(prisms.api.logSince(marks)).join('\n')).toMatch(/Violation: request/);
	});
});
