'use strict';
// Contract: the requests our WB connectors send are valid against the official specs. The compiled nodes (dist/)
// run through the test context against `prism mock --errors` of each spec; Prism answers from the spec's own
// examples, so the node code gets through, and reports every request that breaks the spec (see prism.js).
// Not covered: the public product-card CDN (basket-NN.wbbasket.ru), which no official spec describes.

const { loadDist, writeArtifacts, CallLog, nodeContext, startPrisms, stopPrisms, findings } = require('./support');
const { prismVersion, inspectResponse, logProblems } = require('./prism');

jest.setTimeout(120_000);

const TOKEN = 'contract-test-token';
let dist;
let prisms;
let baseUrls;
const calls = new CallLog();

beforeAll(async () => {
	dist = loadDist();
	prisms = await startPrisms({ communications: { spec: 'communications' }, ordersFbs: { spec: 'ordersFbs' }, reports: { spec: 'reports' } });
	baseUrls = {
		feedbacks: prisms.communications.url,
		chat: prisms.communications.url,
		marketplace: prisms.ordersFbs.url,
		statistics: prisms.reports.url,
	};
});

afterAll(async () => {
	if (prisms) process.stdout.write(`contract ${writeArtifacts('wb-requests', calls.calls, prisms)}\n`);
	await stopPrisms(prisms);
});

function ctx(label, o = {}) {
	return nodeContext(calls, { label, baseUrls, token: TOKEN, WildberriesApi: dist.WildberriesApi, ...o });
}

/** Runs `fn` and returns the exchanges it made; fails on any Prism finding or non-2xx answer among them. */
async function checked(label, fn) {
	const from = calls.calls.length;
	const result = await fn(label);
	const made = calls.since(from);
	expect(made.length).toBeGreaterThan(0);
	expect(findings(made, {})).toEqual([]);
	expect(made.filter((c) => c.status < 200 || c.status > 299).map((c) => `${c.method} ${c.path} → ${c.status}`)).toEqual([]);
	return { result, made };
}

const endpoints = (made) => made.map((c) => `${c.method} ${c.path}`);

async function poll(label, parameters, staticData = {}, mode = 'trigger') {
	const trigger = new dist.WildberriesTrigger();
	return trigger.poll.call(ctx(label, { parameters, staticData, mode }));
}

async function execute(label, parameters) {
	const node = new dist.Wildberries();
	const out = await node.execute.call(ctx(label, { parameters, items: [{ json: {} }] }));
	return out[0].map((item) => item.json);
}

describe('WB connector requests against prism mock', () => {
	test('prism is the pinned version', () => {
		expect(prismVersion()).toBe(require('../../package.json').devDependencies['@stoplight/prism-cli']);
	});

	describe('Wildberries Trigger polls', () => {
		test.each([
			['newReview', '/api/v1/feedbacks'],
			['newQuestion', '/api/v1/questions'],
		])('%s: backlog poll, then polls with a cursor (answered too, one nmId, small pages)', async (event, path) => {
			const staticData = {};
			const { result: first, made: firstCalls } = await checked(`${event} first poll`, (label) =>
				poll(label, { event, onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, staticData),
			);
			expect(first).not.toBeNull();
			expect(first[0].length).toBeGreaterThan(0);
			expect(endpoints(firstCalls)).toEqual([`GET ${path}`]);
			expect(firstCalls[0].query).toMatchObject({ isAnswered: 'false', take: '1000', skip: '0', order: 'dateAsc' });

			const options = { nmIds: '146972802', pageSize: 2, lateArrivalMinutes: 60 };
			const { made: later } = await checked(`${event} poll with cursor`, (label) =>
				poll(label, { event, onlyUnanswered: false, firstRun: 'includeExisting', options }, staticData),
			);
			// With a cursor and onlyUnanswered off both lists are read from the window start.
			expect(later.map((c) => c.query.isAnswered)).toEqual(['false', 'true']);
			for (const c of later) {
				expect(c.query).toMatchObject({ nmId: '146972802', take: '2', skip: '0', order: 'dateAsc' });
				expect(c.query.dateFrom).toMatch(/^\d+$/);
			}

			// The spec's example page always holds one item, so one-item pages go on until the page budget ends.
			const { made: paged } = await checked(`${event} paging`, (label) =>
				poll(label, { event, onlyUnanswered: true, firstRun: 'includeExisting', options: { pageSize: 1, maxPagesPerPoll: 3 } }, staticData),
			);
			expect(paged.map((c) => c.query.skip)).toEqual(['0', '1', '2']);
		});

		test.each(['newReview', 'newQuestion'])('%s: "start from now" and the manual test event', async (event) => {
			const { made } = await checked(`${event} start from now`, (label) =>
				poll(label, { event, onlyUnanswered: true, firstRun: 'startFromNow', options: {} }, {}),
			);
			expect(made[0].query.dateFrom).toMatch(/^\d+$/);
			const { result, made: manual } = await checked(`${event} manual`, (label) =>
				poll(label, { event, onlyUnanswered: true, firstRun: 'includeExisting', options: { nmIds: '146972802' } }, {}, 'manual'),
			);
			expect(result[0]).toHaveLength(1);
			expect(manual[0].query).toMatchObject({ take: '1', skip: '0', order: 'dateDesc', nmId: '146972802' });
		});

		test('newChatMessage: first page without next, then pages with next (Unix ms)', async () => {
			const staticData = {};
			const { made } = await checked('chat first poll', (label) =>
				poll(label, { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, staticData),
			);
			expect(endpoints(made).every((e) => e === 'GET /api/v1/seller/events')).toBe(true);
			expect(made[0].query.next).toBeUndefined();
			expect(made.length).toBeGreaterThan(1);
			expect(made[1].query.next).toMatch(/^\d{13}$/);
			const { made: again } = await checked('chat poll with cursor', (label) =>
				poll(label, { event: 'newChatMessage', onlyUnanswered: false, firstRun: 'includeExisting', options: {} }, staticData),
			);
			expect(again[0].query.next).toMatch(/^\d{13}$/);
			await checked('chat start from now', (label) =>
				poll(label, { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'startFromNow', options: {} }, {}),
			);
			await checked('chat manual', (label) =>
				poll(label, { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, {}, 'manual'),
			);
		});
	});

	describe('Wildberries node operations', () => {
		test('review: reply (POST), edit reply (PATCH), get', async () => {
			const text = 'Спасибо за отзыв! Рады, что платье подошло по размеру.';
			const { made: reply, result } = await checked('review reply', (label) =>
				execute(label, { resource: 'review', operation: 'reply', reviewId: 'J2FMRjUj6hwvwCElqssz', text, skipIfSent: true }),
			);
			expect(result[0].reply.status).toBe('sent');
			expect(endpoints(reply)).toEqual(['POST /api/v1/feedbacks/answer']);
			const { made: edit } = await checked('review editReply', (label) =>
				execute(label, { resource: 'review', operation: 'editReply', reviewId: 'J2FMRjUj6hwvwCElqssz', text: `${text} Ждём вас снова.` }),
			);
			expect(endpoints(edit)).toEqual(['PATCH /api/v1/feedbacks/answer']);
			const { made: get, result: got } = await checked('review get', (label) =>
				execute(label, { resource: 'review', operation: 'get', reviewId: 'J2FMRjUj6hwvwCElqssz' }),
			);
			expect(endpoints(get)).toEqual(['GET /api/v1/feedback']);
			expect(get[0].query).toEqual({ id: 'J2FMRjUj6hwvwCElqssz' });
			expect(got[0].marketplace).toBe('wb');
		});

		test('question: answer, reject (PATCH with state), get', async () => {
			const { made: answer, result } = await checked('question answer', (label) =>
				execute(label, {
					resource: 'question',
					operation: 'answer',
					questionId: 'ljAVapEBL38RyMdRln5B',
					text: 'Да, в комплекте два фильтра, второй запасной.',
					skipIfSent: false,
				}),
			);
			expect(result[0].reply.status).toBe('sent');
			expect(endpoints(answer)).toEqual(['PATCH /api/v1/questions']);
			const { made: reject } = await checked('question reject', (label) =>
				execute(label, { resource: 'question', operation: 'reject', questionId: 'ljAVapEBL38RyMdRln5B', text: 'Вопрос не относится к товару' }),
			);
			expect(endpoints(reject)).toEqual(['PATCH /api/v1/questions']);
			const { made: get } = await checked('question get', (label) =>
				execute(label, { resource: 'question', operation: 'get', questionId: 'ljAVapEBL38RyMdRln5B' }),
			);
			expect(endpoints(get)).toEqual(['GET /api/v1/question']);
		});

		test('chat: list chats, send a message (multipart) by reply sign and by chat ID lookup', async () => {
			const { result: chats, made: list } = await checked('chat listChats', (label) => execute(label, { resource: 'chat', operation: 'listChats' }));
			expect(endpoints(list)).toEqual(['GET /api/v1/seller/chats']);
			expect(chats.length).toBeGreaterThan(0);
			const chat = chats.find((c) => c.chatID && c.replySign);
			expect(chat).toBeDefined();

			const { made: bySign, result: sent } = await checked('chat sendMessage by replySign', (label) =>
				execute(label, {
					resource: 'chat',
					operation: 'sendMessage',
					replySign: chat.replySign,
					chatId: '',
					message: 'Здравствуйте! Отправили замену, трек-номер пришлём сегодня.',
					replyToId: '',
					skipIfSent: true,
				}),
			);
			expect(sent[0].reply.status).toBe('sent');
			expect(endpoints(bySign)).toEqual(['POST /api/v1/seller/message']);
			const { made: byChat } = await checked('chat sendMessage by chatId', (label) =>
				execute(label, {
					resource: 'chat',
					operation: 'sendMessage',
					replySign: '',
					chatId: chat.chatID,
					message: 'Добрый день! Да, этот размер есть в наличии.',
					replyToId: 'event-1',
					skipIfSent: true,
				}),
			);
			expect(endpoints(byChat)).toEqual(['GET /api/v1/seller/chats', 'POST /api/v1/seller/message']);
		});

		test('order: get by number walks FBS orders (30-day windows, next) and then statistics', async () => {
			const { result, made } = await checked('order getByNumber', (label) =>
				execute(label, { resource: 'order', operation: 'getByNumber', orderNumber: '999000111222', orderOptions: { days: 45, statistics: true } }),
			);
			expect(result[0].orderFound).toBe(false);
			const fbs = made.filter((c) => c.path === '/api/v3/orders');
			expect(fbs.length).toBeGreaterThanOrEqual(2);
			for (const c of fbs) {
				expect(c.query.limit).toBe('1000');
				expect(Number(c.query.dateTo) - Number(c.query.dateFrom)).toBeLessThanOrEqual(30 * 86400);
			}
			expect(fbs.some((c) => c.query.next !== '0')).toBe(true);
			const stats = made.filter((c) => c.path === '/api/v1/supplier/orders');
			expect(stats).toHaveLength(1);
			expect(stats[0].query).toMatchObject({ flag: '0' });
			expect(stats[0].query.dateFrom).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		});
	});

	// The core has builders the nodes do not call yet; they go through the real transport so they are checked too.
	describe('the other request builders (src/wb/requests) through the node transport', () => {
		test.each([
			['countUnansweredFeedbacks', (r) => r.countUnansweredFeedbacks(), 'GET /api/v1/feedbacks/count-unanswered'],
			['countUnansweredQuestions', (r) => r.countUnansweredQuestions(), 'GET /api/v1/questions/count-unanswered'],
			['newFeedbacksQuestions', (r) => r.newFeedbacksQuestions(), 'GET /api/v1/new-feedbacks-questions'],
			['markQuestionViewed', (r) => r.markQuestionViewed('ljAVapEBL38RyMdRln5B'), 'PATCH /api/v1/questions'],
			['fbsOrderStatuses', (r) => r.fbsOrderStatuses([5632423, 5632424, 5632423]), 'POST /api/v3/orders/status'],
			['listFbsOrders (no dates)', (r) => r.listFbsOrders({ limit: 10, next: 0 }), 'GET /api/v3/orders'],
			['supplierOrders (date, flag 1)', (r) => r.supplierOrders({ dateFrom: '2026-08-01', flag: 1 }), 'GET /api/v1/supplier/orders'],
			['chatEvents (next)', (r) => r.chatEvents(1_698_045_576_000), 'GET /api/v1/seller/events'],
		])('%s', async (label, build, endpoint) => {
			const { made } = await checked(label, (l) => dist.wbRequest.call(ctx(l, { mode: 'manual' }), build(dist.requests)));
			expect(endpoints(made)).toEqual([endpoint]);
		});
	});

	test('prism logged no violation for any of the calls above', async () => {
		await new Promise((resolve) => setTimeout(resolve, 200)); // let the log pipes drain
		expect(calls.calls.length).toBeGreaterThanOrEqual(30);
		expect(findings(calls.calls, prisms)).toEqual([]);
	});

	// Proof that the check can fail: a request that breaks the spec is reported, in the header and in the log.
	test('negative control: an invalid request is reported', async () => {
		const marks = Object.fromEntries(Object.entries(prisms).map(([k, s]) => [k, s.mark()]));
		const from = calls.calls.length;
		const bad = { host: 'feedbacks', method: 'GET', path: '/api/v1/feedbacks', qs: { isAnswered: 'maybe', take: 10 } };
		await expect(dist.wbRequest.call(ctx('negative control', { mode: 'manual' }), bad)).rejects.toThrow();
		const made = calls.since(from);
		expect(made).toHaveLength(1);
		const messages = made[0].violations.map((v) => v.message).join(' | ');
		expect(messages).toMatch(/required property 'skip'/);
		expect(messages).toMatch(/isanswered must be boolean/i);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(logProblems(prisms.communications.logSince(marks.communications)).join('\n')).toMatch(/Violation: request/);
		const form = { host: 'chat', method: 'POST', path: '/api/v1/seller/message', form: { message: 'Без подписи чата' } };
		const before = calls.calls.length;
		await expect(dist.wbRequest.call(ctx('negative control multipart', { mode: 'manual' }), form)).rejects.toThrow();
		expect(calls.since(before)[0].violations.map((v) => v.message).join(' | ')).toMatch(/required property 'replySign'/);
		expect(inspectResponse({ status: 500, headers: {}, body: '{"type":"https://stoplight.io/prism/errors#VIOLATIONS","validation":[]}' }).prismError.type).toBe('VIOLATIONS');
	});
});
