'use strict';
// Contract: the requests our Ozon connectors send are valid against the official Seller API spec
// (shared/specs/ozon/seller-api.trimmed.json). The compiled nodes (dist/) run through the test context against
// `prism mock --errors`.
//
// Two things differ from the WB suite, both because of the Ozon document itself:
//  - Prism gets a normalised temp copy: the upstream file is not strictly valid OpenAPI 3.0 (a numeric
//    info.version, null keywords, the types "timestamp", "enum" and "array of strings"). prism.js normaliseOzonSpec
//    lists each change; the test below checks that exactly these changes were needed.
//  - The mock generates its answers from the schemas (`--dynamic`, fixed `--seed`), not from the examples: most of
//    Ozon's examples break their own schemas (review `sku` a string, status "UNPROCESSED", message ids as strings,
//    `has_next` not a boolean, nulls in the FBS posting), and with --errors Prism would replace every such answer
//    with a 500. Generated answers are valid by construction, so every finding left is about our request. The data is
//    nonsense (lorem ipsum ids, a rating of 1 581 000 000), so a node may refuse an answer with its own clear error
//    (`survives`): the assertions are on what was sent. The sandbox suite (ozon-sandbox.test.js) runs the same
//    operations on realistic data, with the requests checked by `prism proxy` as well.
// Accepted exceptions (KNOWN-DEVIATIONS.md O1, O2) are matched narrowly in ALLOWED and must still occur.

const { loadOzonDist, writeArtifacts, CallLog, nodeContext, startPrisms, stopPrisms, ozonCredentialData } = require('./support');
const { specChanges, logProblems, describeViolations } = require('./prism');

jest.setTimeout(120_000);

const CLIENT = { clientId: '424242', apiKey: 'contract-test-api-key' };
// A real-size chat message id: Ozon's are uint64 values above 2^53.
const BIG_MESSAGE_ID = '3000000000817031942';

let dist;
let prisms;
const calls = new CallLog();

beforeAll(async () => {
	dist = loadOzonDist();
	prisms = await startPrisms({ seller: { spec: 'ozonSeller', args: ['--dynamic', '--seed', 'agentiq-ozon', '--json-schema-faker-fillProperties=false'] } });
});

afterAll(async () => {
	if (prisms) process.stdout.write(`contract ${writeArtifacts('ozon-requests', calls.calls, prisms)}\n`);
	await stopPrisms(prisms);
});

// Prism's generated error body for a refused request breaks the spec itself (rpcStatus details[].value is
// `format: byte`, which json-schema-faker does not honour): not about our request, so it is tolerated only together
// with an accepted request finding.
const GENERATED_ERROR_BODY = (v) => v.location[0] === 'response' && v.code === 'format' && /^Response body property details\.\d+\.value must match format "byte"$/.test(v.message);

/** KNOWN-DEVIATIONS.md, Ozon requests: each matches a request violation Prism reports on one operation only. */
const ALLOWED = [
	{
		id: 'O1 comment list oneOf cannot match a review_id body',
		match: (c, v) => c.path === '/v1/review/comment/list' && v.location.join('.') === 'request.body' && v.code === 'oneOf',
	},
	{
		id: 'O2 review count has no request body',
		match: (c, v) => c.path === '/v2/review/count' && v.location.join('.') === 'request' && v.code === 415,
	},
];

function violationsOf(c) {
	return [...c.violations, ...(c.prismError ? c.prismError.validation : [])];
}

/** The ALLOWED entry that explains every finding of a call, or null. */
function allowedFor(c) {
	const all = violationsOf(c);
	if (!all.length) return null;
	const requestFindings = all.filter((v) => !GENERATED_ERROR_BODY(v));
	if (!requestFindings.length) return null;
	for (const a of ALLOWED) if (requestFindings.every((v) => a.match(c, v))) return a;
	return null;
}

function unexpected(made) {
	return made
		.filter((c) => (c.violations.length || c.prismError) && !allowedFor(c))
		.map(
			(c) =>
				`${c.label}: ${c.method} ${c.path} → ${c.status}: ${describeViolations(violationsOf(c))}` +
				(c.prismError ? ` (Prism ${c.prismError.type})` : ''),
		);
}

function ctx(label, o = {}) {
	return nodeContext(calls, {
		label,
		credentials: { ozonSellerApi: ozonCredentialData(prisms.seller.url, CLIENT) },
		credentialTypes: { ozonSellerApi: new dist.OzonSellerApi() },
		...o,
	});
}

/** Runs `fn` and returns the exchanges it made; fails on any Prism finding or non-2xx answer among them. */
async function checked(label, fn) {
	const from = calls.calls.length;
	const result = await fn(label);
	const made = calls.since(from);
	expect(made.length).toBeGreaterThan(0);
	expect(unexpected(made)).toEqual([]);
	expect(made.filter((c) => c.status < 200 || c.status > 299).map((c) => `${c.method} ${c.path} → ${c.status}`)).toEqual([]);
	return { result, made };
}

/** Runs `fn`, which must fail only because of the accepted exception `id`, on every exchange it made. */
async function refusedAsAccepted(label, id, fn) {
	const from = calls.calls.length;
	await expect(fn(label)).rejects.toThrow();
	const made = calls.since(from);
	expect(made.length).toBeGreaterThan(0);
	expect(made.map((c) => [c.path, allowedFor(c) && allowedFor(c).id])).toEqual(made.map((c) => [c.path, id]));
	return made;
}

// The errors a node gives for generated nonsense it refuses (its own schema is stricter than the spec's).
const REFUSED_DATA = /Ozon returned an unexpected|Ozon did not send the chat message: result|found on this Ozon account to show as a test event|Ozon has no /;

/** Runs a node call on generated data: a clear refusal of that data counts as done, anything else is thrown. */
async function survives(run) {
	try {
		return await run();
	} catch (error) {
		if (!REFUSED_DATA.test(error.message)) throw error;
		return { refused: error.message };
	}
}

const endpoints = (made) => made.map((c) => `${c.method} ${c.path}`);

async function poll(label, parameters, staticData = {}, mode = 'trigger') {
	return survives(() => new dist.OzonTrigger().poll.call(ctx(label, { parameters, staticData, mode })));
}

async function execute(label, parameters) {
	return survives(async () => {
		const out = await new dist.Ozon().execute.call(ctx(label, { parameters, items: [{ json: {} }] }));
		return out[0].map((item) => item.json);
	});
}

function transport(label, request) {
	return dist.ozonRequest.call(ctx(label, { mode: 'manual' }), request);
}

describe('Ozon connector requests against prism mock', () => {
	test('the spec copy differs from the official file only by the documented normalisation', () => {
		const changes = specChanges('ozonSeller');
		expect(changes.filter((c) => /null dropped/.test(c)).length).toBe(4);
		expect(changes.filter((c) => !/null dropped/.test(c))).toEqual([
			'info.version 2.1 → string',
			'server //api-seller.ozon.ru → https:',
			'#/components/schemas/v3PostingProductDetail/properties/jw_uin: type "array of strings" → array',
			'#/components/schemas/v1QuestionAnswerListResponseAnswers/properties/published_at: type "timestamp" → string (date-time)',
			'#/components/schemas/v1QuestionInfoResponse/properties/published_at: type "timestamp" → string (date-time)',
			'#/components/schemas/v1QuestionInfoResponse/properties/status: type "enum" → string enum NEW|ALL|VIEWED|PROCESSED|UNPROCESSED',
			'#/components/schemas/v1QuestionListResponseQuestions/properties/published_at: type "timestamp" → string (date-time)',
			'#/components/schemas/v1QuestionListResponseQuestions/properties/status: type "enum" → string enum NEW|ALL|VIEWED|PROCESSED|UNPROCESSED',
		]);
	});

	describe('Ozon Trigger polls', () => {
		test('newReview: backlog (NEW, then VIEWED), then the window with status ALL, paged by last_id', async () => {
			const staticData = {};
			const params = { event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: { maxPagesPerPoll: 4, includeRatingOnly: true } };
			const { made } = await checked('newReview backlog', (l) => poll(l, params, staticData));
			expect(made.every((c) => c.path === '/v2/review/list')).toBe(true);
			expect(made[0].requestBody).toEqual({ filters: { status: 'NEW' }, limit: 100, sort_dir: 'ASC' });
			// NEW pages first, then VIEWED ones, within the page budget.
			const order = made.map((c) => c.requestBody.filters.status);
			expect(order.join(' ')).toMatch(/^(NEW ?)+(VIEWED ?)*$/);
			expect(made.length).toBeLessThanOrEqual(4);
			const { made: later } = await checked('newReview window', (l) =>
				poll(l, { ...params, onlyUnanswered: false, options: { maxPagesPerPoll: 3, skus: '146972802', minRating: 2, lateArrivalMinutes: 60 } }, staticData),
			);
			expect(later.length).toBeGreaterThanOrEqual(1);
			for (const c of later) {
				expect(c.requestBody.filters.status).toBe('ALL');
				expect(c.requestBody.filters.published_from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
			}
			later.slice(1).forEach((c) => expect(typeof c.requestBody.last_id).toBe('string'));
			await checked('newReview start from now', (l) => poll(l, { ...params, firstRun: 'startFromNow' }, {}));
			const { made: manual } = await checked('newReview manual', (l) => poll(l, params, {}, 'manual'));
			expect(manual[0].requestBody).toEqual({ filters: { status: 'ALL' }, limit: 20, sort_dir: 'DESC' });
		});

		test('newQuestion: backlog (UNPROCESSED), then the window (ALL, date_from), start from now, manual', async () => {
			const staticData = {};
			const params = { event: 'newQuestion', onlyUnanswered: true, firstRun: 'includeExisting', options: { maxPagesPerPoll: 3 } };
			const { made } = await checked('newQuestion backlog', (l) => poll(l, params, staticData));
			expect(made.every((c) => c.path === '/v1/question/list')).toBe(true);
			expect(made[0].requestBody).toEqual({ filter: { status: 'UNPROCESSED' }, limit: 100, sort_dir: 'ASC' });
			const { made: later } = await checked('newQuestion window', (l) => poll(l, { ...params, onlyUnanswered: false }, staticData));
			expect(later[0].requestBody.filter).toEqual({ status: 'ALL', date_from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
			await checked('newQuestion start from now', (l) => poll(l, { ...params, firstRun: 'startFromNow' }, {}));
			const { made: manual } = await checked('newQuestion manual', (l) => poll(l, params, {}, 'manual'));
			expect(manual[0].requestBody).toEqual({ filter: { status: 'ALL' }, limit: 1, sort_dir: 'DESC' });
		});

		test('newChatMessage: chat list, then history of the chats that moved; start from now; manual', async () => {
			const staticData = {};
			const params = { event: 'newChatMessage', onlyUnanswered: false, firstRun: 'includeExisting', options: { maxPagesPerPoll: 6 } };
			const { made } = await checked('chat first poll', (l) => poll(l, params, staticData));
			expect(made[0].path).toBe('/v3/chat/list');
			expect(made[0].requestBody).toEqual({ filter: { chat_status: 'ALL', unread_only: false }, limit: 100 });
			await checked('chat poll with cursor', (l) => poll(l, params, staticData));
			await checked('chat start from now', (l) => poll(l, { ...params, firstRun: 'startFromNow' }, {}));
			const { made: manual } = await checked('chat manual', (l) => poll(l, params, {}, 'manual'));
			expect(manual[0].requestBody).toEqual({ filter: { chat_status: 'ALL', unread_only: false }, limit: 20 });
		});
	});

	describe('Ozon node operations', () => {
		test('review: comment, change status, get; list comments hits the spec’s broken oneOf (O1)', async () => {
			const text = 'Спасибо за отзыв! Рады, что платье подошло по размеру.';
			const { made: comment, result } = await checked('review comment', (l) =>
				execute(l, { resource: 'review', operation: 'comment', reviewId: '017c0d1c-66d3-b838-3d29-cf9b95a6ac48', text, markProcessed: true, skipIfSent: true }),
			);
			expect(result[0].reply.status).toBe('sent');
			expect(endpoints(comment)).toEqual(['POST /v1/review/comment/create']);
			expect(comment[0].requestBody).toEqual({ review_id: '017c0d1c-66d3-b838-3d29-cf9b95a6ac48', text, mark_review_as_processed: true });
			const { made: status } = await checked('review changeStatus', (l) =>
				execute(l, { resource: 'review', operation: 'changeStatus', reviewId: '017c0d1c-66d3-b838-3d29-cf9b95a6ac48', status: 'VIEWED' }),
			);
			expect(status[0].requestBody).toEqual({ review_ids: ['017c0d1c-66d3-b838-3d29-cf9b95a6ac48'], status: 'VIEWED' });
			const { made: get } = await checked('review get', (l) => execute(l, { resource: 'review', operation: 'get', reviewId: '017c0d1c-66d3-b838-3d29-cf9b95a6ac48' }));
			expect(endpoints(get)).toEqual(['POST /v2/review/info']);
			const refused = await refusedAsAccepted('review listComments', ALLOWED[0].id, (l) =>
				execute(l, { resource: 'review', operation: 'listComments', reviewId: '017c0d1c-66d3-b838-3d29-cf9b95a6ac48', limit: 50 }),
			);
			expect(refused[0].requestBody).toEqual({ review_id: '017c0d1c-66d3-b838-3d29-cf9b95a6ac48', limit: 50, offset: 0, sort_dir: 'ASC' });
		});

		test('question: answer (sku as an integer), get', async () => {
			const { made: answer, result } = await checked('question answer', (l) =>
				execute(l, { resource: 'question', operation: 'answer', questionId: '019294ff-6888-7009-89d8-26569e4e450d', sku: '646399170', text: 'Да, в комплекте два фильтра.', skipIfSent: false }),
			);
			expect(result[0].reply.status).toBe('sent');
			expect(answer[0].requestBody).toEqual({ question_id: '019294ff-6888-7009-89d8-26569e4e450d', sku: 646399170, text: 'Да, в комплекте два фильтра.' });
			const { made: get } = await checked('question get', (l) => execute(l, { resource: 'question', operation: 'get', questionId: '019294ff-6888-7009-89d8-26569e4e450d' }));
			expect(endpoints(get)).toEqual(['POST /v1/question/info']);
		});

		test('chat: send message, history, mark as read (a uint64 message id goes out as a bare integer)', async () => {
			const chatId = '5e767w03-b400-4y1b-a841-75319ca8a5c8';
			const { made: send } = await checked('chat sendMessage', (l) =>
				execute(l, { resource: 'chat', operation: 'sendMessage', chatId, message: 'Здравствуйте! Отправили замену сегодня.', replyToId: BIG_MESSAGE_ID, skipIfSent: true }),
			);
			expect(send[0].requestBody).toEqual({ chat_id: chatId, text: 'Здравствуйте! Отправили замену сегодня.' });
			const { made: history } = await checked('chat history', (l) => execute(l, { resource: 'chat', operation: 'history', chatId, limit: 30 }));
			expect(history[0].requestBody).toEqual({ chat_id: chatId, direction: 'Backward', limit: 30 });
			const { made: read } = await checked('chat markRead', (l) => execute(l, { resource: 'chat', operation: 'markRead', chatId, fromMessageId: BIG_MESSAGE_ID }));
			expect(endpoints(read)).toEqual(['POST /v2/chat/read']);
			await checked('chat markRead whole chat', (l) => execute(l, { resource: 'chat', operation: 'markRead', chatId, fromMessageId: '' }));
		});

		test('posting: FBS, FBO, and an order number (its postings in turn)', async () => {
			const { made: fbs } = await checked('posting fbs', (l) => execute(l, { resource: 'posting', operation: 'get', postingNumber: '0132112277-0101-1', scheme: 'fbs' }));
			expect(fbs[0].requestBody).toEqual({ posting_number: '0132112277-0101-1', with: { analytics_data: true, financial_data: false } });
			const { made: fbo } = await checked('posting fbo', (l) => execute(l, { resource: 'posting', operation: 'get', postingNumber: '50520644-0012-7', scheme: 'fbo' }));
			expect(endpoints(fbo)).toEqual(['POST /v2/posting/fbo/get']);
			const { made: order } = await checked('posting order auto', (l) => execute(l, { resource: 'posting', operation: 'get', postingNumber: '50520644-0012', scheme: 'auto' }));
			expect(order.map((c) => c.requestBody.posting_number).slice(0, 2)).toEqual(['50520644-0012-1', '50520644-0012-2']);
		});

		test.each([
			['sku', '148591503', { sku: ['148591503'] }],
			['offer_id', 'PLATE-ROSE-42', { offer_id: ['PLATE-ROSE-42'] }],
			['product_id', '287654321', { product_id: ['287654321'] }],
		])('product: get info by %s', async (identifyBy, productKey, body) => {
			const { made } = await checked(`product ${identifyBy}`, (l) => execute(l, { resource: 'product', operation: 'getInfo', identifyBy, productKey }));
			expect(made[0].requestBody).toEqual(body);
		});
	});

	describe('the other request builders (src/ozon/requests) through the node transport', () => {
		test.each([
			['chatHistory Forward from a uint64 id', (r) => r.chatHistory('5e767w03', { direction: 'Forward', fromMessageId: BIG_MESSAGE_ID, limit: 1000 }), '/v3/chat/history'],
			['listChats unread only, CLOSED, with cursor', (r) => r.listChats({ cursor: 'abc', limit: 5, status: 'CLOSED', unreadOnly: true }), '/v3/chat/list'],
			['listReviews with skus and published_from', (r) => r.listReviews({ status: 'PROCESSED', skus: ['148591503'], publishedFrom: '2026-08-01T00:00:00Z', lastId: 'x', limit: 20, sortDir: 'DESC' }), '/v2/review/list'],
			['listQuestionAnswers', (r) => r.listQuestionAnswers('019294ff', '646399170'), '/v1/question/answer/list'],
			['createReviewComment with parent', (r) => r.createReviewComment('017c0d1c', 'Спасибо!', false, 'c-1'), '/v1/review/comment/create'],
		])('%s', async (label, build, path) => {
			const { made } = await checked(label, (l) => transport(l, build(dist.requests)));
			expect(made.map((c) => c.path)).toEqual([path]);
		});

		test('the uint64 id is written as a bare number, exactly', async () => {
			const from = calls.calls.length;
			await transport('raw body', dist.requests.chatHistory('5e767w03', { direction: 'Forward', fromMessageId: BIG_MESSAGE_ID, limit: 10 }));
			expect(calls.since(from)[0].rawBody).toContain(`"from_message_id":${BIG_MESSAGE_ID}`);
		});

		test('countReviews sends {} to an operation with no request body (O2)', async () => {
			await refusedAsAccepted('countReviews', ALLOWED[1].id, (l) => transport(l, dist.requests.countReviews()));
		});
	});

	test('every accepted exception still occurs, and Prism logged nothing else', async () => {
		await new Promise((resolve) => setTimeout(resolve, 300)); // let the log pipes drain
		for (const a of ALLOWED) expect([a.id, calls.calls.some((c) => allowedFor(c) === a)]).toEqual([a.id, true]);
		expect(unexpected(calls.calls)).toEqual([]);
		// Each refused request logs a warning, its violations and the terminated request; nothing else may appear.
		const refused = calls.calls.filter((c) => allowedFor(c)).length;
		const lines = logProblems(prisms.seller.log());
		const terminated = lines.filter((l) => /Request terminated with error/.test(l));
		expect(terminated.length).toBe(refused);
		const requestViolations = lines.filter((l) => /Violation: request/.test(l));
		expect(requestViolations.every((l) => /Violation: request(\.body)? (Request body must match exactly one schema in oneOf|No supported content types)/.test(l))).toBe(true);
		expect(calls.calls.length).toBeGreaterThanOrEqual(30);
	});

	// Proof that the check can fail: a request that breaks the spec is reported.
	test('negative control: an invalid request is reported', async () => {
		const from = calls.calls.length;
		const bad = { method: 'POST', path: '/v2/review/list', body: { filters: { status: 'UNPROCESSED' }, limit: 10 }, read: false };
		await expect(transport('negative control', bad)).rejects.toThrow();
		const made = calls.since(from);
		expect(made).toHaveLength(1);
		const messages = describeViolations(violationsOf(made[0]));
		expect(messages).toMatch(/limit must be >= 20/);
		expect(messages).toMatch(/filters\.status must be equal to one of the allowed values/);
		expect(allowedFor(made[0])).toBeNull();
	});
});
