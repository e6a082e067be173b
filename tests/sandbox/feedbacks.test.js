'use strict';
const { startSandbox, fakeClock, TOKENS } = require('./test-utils');

const BASE = '/wb/feedbacks/api/v1';
const DAY = 24 * 3600 * 1000;
// Fields of a feedback item in the spec (components.schemas.responseFeedback).
const FEEDBACK_FIELDS = [
	'answer', 'bables', 'childFeedbackId', 'color', 'cons', 'createdDate', 'id', 'isAbleReturnProductOrders',
	'isAbleSupplierFeedbackValuation', 'isAbleSupplierProductValuation', 'lastOrderCreatedAt', 'lastOrderShkId', 'matchingSize',
	'orderStatus', 'parentFeedbackId', 'photoLinks', 'productDetails', 'productValuation', 'pros', 'returnProductOrdersDate',
	'state', 'subjectId', 'subjectName', 'supplierFeedbackValuation', 'supplierProductValuation', 'text', 'userName', 'video',
	'wasViewed',
];

let t;
let clock;
beforeAll(async () => {
	clock = fakeClock();
	t = await startSandbox({ now: clock.now });
});
afterAll(() => t.sb.stop());
beforeEach(() => t.sb.reset('default'));

const list = (query) => t.call('GET', `${BASE}/feedbacks?${query}`);
const unanswered = async () => (await list('isAnswered=false&take=5000&skip=0')).data.data.feedbacks;

describe('GET /api/v1/feedbacks', () => {
	test('unanswered list: spec fields, no answer, counts in the envelope', async () => {
		const res = await list('isAnswered=false&take=5000&skip=0');
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ error: false, errorText: '', additionalErrors: null });
		const { countUnanswered, countArchive, feedbacks } = res.data.data;
		expect(feedbacks.length).toBe(countUnanswered);
		expect(countArchive).toBe(t.sb.state.wb.feedbacks.filter((f) => f.answer).length);
		expect(feedbacks.length).toBeGreaterThan(20);
		for (const f of feedbacks) {
			expect(Object.keys(f).sort()).toEqual(FEEDBACK_FIELDS);
			expect(f.answer).toBeNull();
			expect(f.state).toBe('none');
			expect(f.productValuation).toBeGreaterThanOrEqual(1);
			expect(f.createdDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
		}
	});

	test('answered list holds only answered feedbacks', async () => {
		const { feedbacks } = (await list('isAnswered=true&take=5000&skip=0')).data.data;
		expect(feedbacks.length).toBeGreaterThan(20);
		for (const f of feedbacks) expect(f.answer).toMatchObject({ state: 'wbRu', text: expect.any(String) });
	});

	test('skip/take pages are consecutive slices of the same order', async () => {
		const all = (await list('isAnswered=false&take=30&skip=0')).data.data.feedbacks.map((f) => f.id);
		const p1 = (await list('isAnswered=false&take=10&skip=0')).data.data.feedbacks.map((f) => f.id);
		const p2 = (await list('isAnswered=false&take=10&skip=10')).data.data.feedbacks.map((f) => f.id);
		const p3 = (await list('isAnswered=false&take=10&skip=20')).data.data.feedbacks.map((f) => f.id);
		expect([...p1, ...p2, ...p3]).toEqual(all);
		expect((await list('isAnswered=false&take=10&skip=199990')).data.data.feedbacks).toEqual([]);
	});

	test('order: dateDesc by default, dateAsc on request', async () => {
		const ms = (items) => items.map((f) => Date.parse(f.createdDate));
		const desc = ms((await list('isAnswered=true&take=100&skip=0')).data.data.feedbacks);
		const asc = ms((await list('isAnswered=true&take=100&skip=0&order=dateAsc')).data.data.feedbacks);
		expect(desc).toEqual(desc.slice().sort((a, b) => b - a));
		expect(asc).toEqual(asc.slice().sort((a, b) => a - b));
	});

	test('nmId and dateFrom/dateTo (unix seconds) filter the list', async () => {
		const nmId = 211784560;
		const byNm = (await list(`isAnswered=true&take=5000&skip=0&nmId=${nmId}`)).data.data.feedbacks;
		expect(byNm.length).toBe(t.sb.state.wb.feedbacks.filter((f) => f.answer && f.productDetails.nmId === nmId).length);
		expect(byNm.every((f) => f.productDetails.nmId === nmId)).toBe(true);

		const from = Math.floor((clock.t - 3 * DAY) / 1000);
		const to = Math.floor((clock.t - DAY) / 1000);
		const windowed = (await list(`isAnswered=false&take=5000&skip=0&dateFrom=${from}&dateTo=${to}`)).data.data.feedbacks;
		expect(windowed.length).toBeGreaterThan(0);
		for (const f of windowed) {
			const s = Date.parse(f.createdDate) / 1000;
			expect(s).toBeGreaterThanOrEqual(from);
			expect(s).toBeLessThanOrEqual(to + 1);
		}
	});

	test.each([
		['take=10&skip=0', 'isAnswered'],
		['isAnswered=maybe&take=10&skip=0', 'isAnswered'],
		['isAnswered=false&skip=0', 'take'],
		['isAnswered=false&take=5001&skip=0', 'take'],
		['isAnswered=false&take=10', 'skip'],
		['isAnswered=false&take=10&skip=0&order=newest', 'order'],
		['isAnswered=false&take=10&skip=0&dateFrom=yesterday', 'dateFrom'],
		['isAnswered=false&take=10&skip=0&nmId=abc', 'nmId'],
	])('%s -> 400 naming %s', async (query, param) => {
		const res = await list(query);
		expect(res.status).toBe(400);
		expect(res.data).toMatchObject({ data: null, error: true, errorText: `Плохой формат ${param}` });
		expect(res.data.additionalErrors[0]).toMatch(new RegExp(`^${param}:`));
		expect(typeof res.data.requestId).toBe('string');
	});

	test('a rating-only feedback with photos is in the working list; one without text or photo is archived', async () => {
		const open = await unanswered();
		expect(open.some((f) => !f.text && !f.pros && !f.cons && f.photoLinks && f.photoLinks.length)).toBe(true);
		const bare = t.sb.state.wb.feedbacks.find((f) => !f.text && !f.pros && !f.cons && !f.photoLinks);
		expect(bare).toBeDefined();
		expect(open.map((f) => f.id)).not.toContain(bare.id);
		const archive = (await t.call('GET', `${BASE}/feedbacks/archive?take=5000&skip=0`)).data.data.feedbacks;
		expect(archive.map((f) => f.id)).toContain(bare.id);
	});
});

describe('counts', () => {
	test('count-unanswered matches the list; count filters by answered state', async () => {
		const open = await unanswered();
		const res = await t.call('GET', `${BASE}/feedbacks/count-unanswered`);
		expect(res.data.data.countUnanswered).toBe(open.length);
		expect(res.data.data.countUnansweredToday).toBeLessThanOrEqual(open.length);
		expect(Object.keys(res.data.data).sort()).toEqual(['countUnanswered', 'countUnansweredToday']);
		const answered = (await t.call('GET', `${BASE}/feedbacks/count`)).data.data;
		expect(answered).toBe(t.sb.state.wb.feedbacks.filter((f) => f.answer).length);
		expect((await t.call('GET', `${BASE}/feedbacks/count?isAnswered=false`)).data.data).toBe(open.length);
	});
});

describe('answering', () => {
	test('POST answer: 204, the feedback leaves the unanswered list, the reply is recorded', async () => {
		const [target] = await unanswered();
		const res = await t.call('POST', `${BASE}/feedbacks/answer`, { body: { id: target.id, text: 'Спасибо за отзыв! Рады, что подошло.' } });
		expect(res.status).toBe(204);
		expect(res.text).toBe('');
		expect((await unanswered()).map((f) => f.id)).not.toContain(target.id);
		const one = await t.call('GET', `${BASE}/feedback?id=${target.id}`);
		expect(one.data.data.answer).toEqual({ text: 'Спасибо за отзыв! Рады, что подошло.', state: 'wbRu', editable: true });
		expect(one.data.data.state).toBe('wbRu');
		expect(t.sb.state.replies).toEqual([
			expect.objectContaining({ kind: 'feedbackAnswer', targetId: target.id, text: 'Спасибо за отзыв! Рады, что подошло.', token: TOKENS.all, at: clock.t }),
		]);
	});

	test('PATCH edits an answer once; the second edit is a 422', async () => {
		const [target] = await unanswered();
		await t.call('POST', `${BASE}/feedbacks/answer`, { body: { id: target.id, text: 'Спасибо!' } });
		const first = await t.call('PATCH', `${BASE}/feedbacks/answer`, { body: { id: target.id, text: 'Спасибо за отзыв!' } });
		expect(first.status).toBe(204);
		const after = (await t.call('GET', `${BASE}/feedback?id=${target.id}`)).data.data.answer;
		expect(after).toEqual({ text: 'Спасибо за отзыв!', state: 'wbRu', editable: false });
		const second = await t.call('PATCH', `${BASE}/feedbacks/answer`, { body: { id: target.id, text: 'Ещё раз спасибо!' } });
		expect(second.status).toBe(422);
		expect(second.data).toMatchObject({ data: null, error: true, errorText: 'Не удалось отредактировать ответ на отзыв' });
		expect(t.sb.state.replies.map((r) => r.kind)).toEqual(['feedbackAnswer', 'feedbackAnswerEdit']);
	});

	test('PATCH: unknown id is accepted and changes nothing (the spec does not validate it), a feedback without answer a 422', async () => {
		const [target] = await unanswered();
		expect((await t.call('PATCH', `${BASE}/feedbacks/answer`, { body: { id: 'noSuchFeedback000000', text: 'Спасибо!' } })).status).toBe(204);
		expect(t.sb.state.replies).toEqual([expect.objectContaining({ kind: 'feedbackAnswerEdit', targetId: 'noSuchFeedback000000', applied: false })]);
		const res = await t.call('PATCH', `${BASE}/feedbacks/answer`, { body: { id: target.id, text: 'Спасибо!' } });
		expect(res.status).toBe(422);
		expect(t.sb.state.replies).toHaveLength(1);
	});

	test('a second POST on an answered feedback is refused', async () => {
		const [target] = await unanswered();
		await t.call('POST', `${BASE}/feedbacks/answer`, { body: { id: target.id, text: 'Спасибо!' } });
		const res = await t.call('POST', `${BASE}/feedbacks/answer`, { body: { id: target.id, text: 'Спасибо ещё раз!' } });
		expect(res.status).toBe(400);
		expect(res.data).toMatchObject({ title: 'bad request', origin: 'fbapi' });
		expect(t.sb.state.replies).toHaveLength(1);
	});

	test('answer text must be 2..5000 characters', async () => {
		const [a, b] = await unanswered();
		const short = await t.call('POST', `${BASE}/feedbacks/answer`, { body: { id: a.id, text: 'О' } });
		expect(short.status).toBe(400);
		expect(Object.keys(short.data).sort()).toEqual(['detail', 'origin', 'requestId', 'title']);
		expect(short.data.detail).toMatch(/"text".*2\.\.5000.*got 1/);
		expect((await t.call('POST', `${BASE}/feedbacks/answer`, { body: { id: a.id, text: 'я'.repeat(5001) } })).status).toBe(400);
		expect((await t.call('POST', `${BASE}/feedbacks/answer`, { body: { id: b.id, text: 'я'.repeat(5000) } })).status).toBe(204);
		expect(t.sb.state.replies.map((r) => r.targetId)).toEqual([b.id]);
	});

	test('content type and JSON syntax errors use the standardized 400', async () => {
		const [a] = await unanswered();
		const payload = JSON.stringify({ id: a.id, text: 'Спасибо!' });
		const noType = await t.call('POST', `${BASE}/feedbacks/answer`, { body: Buffer.from(payload) });
		expect(noType.status).toBe(400);
		expect(noType.data.detail).toBe('content-type header not specified');
		const textType = await t.call('POST', `${BASE}/feedbacks/answer`, { body: payload });
		expect(textType.status).toBe(400);
		expect(textType.data.detail).toBe('not a json content-type: text/plain');
		const badJson = await t.call('POST', `${BASE}/feedbacks/answer`, {
			body: '{"id": "x", "text": ',
			headers: { 'Content-Type': 'application/json' },
		});
		expect(badJson.status).toBe(400);
		expect(badJson.data.detail).toBe('Неверный синтаксис JSON');
		expect(t.sb.state.replies).toHaveLength(0);
	});

	test('an unknown id is accepted with 204 (the API does not validate it) and changes nothing', async () => {
		const before = JSON.stringify(t.sb.state.wb.feedbacks);
		const res = await t.call('POST', `${BASE}/feedbacks/answer`, { body: { id: 'noSuchFeedback000000', text: 'Спасибо!' } });
		expect(res.status).toBe(204);
		expect(JSON.stringify(t.sb.state.wb.feedbacks)).toBe(before);
		expect(t.sb.state.replies[0]).toMatchObject({ targetId: 'noSuchFeedback000000', applied: false });
	});
});

test('GET /api/v1/feedback with an unknown id is a 422', async () => {
	const res = await t.call('GET', `${BASE}/feedback?id=nope`);
	expect(res.status).toBe(422);
	expect(res.data).toMatchObject({ data: null, error: true, errorText: 'Невозможно получить отзыв по id' });
});

test('archive: answered feedbacks and ones older than 30 days, paged', async () => {
	const res = await t.call('GET', `${BASE}/feedbacks/archive?take=5000&skip=0&order=dateAsc`);
	expect(res.status).toBe(200);
	const archive = res.data.data.feedbacks;
	const expected = t.sb.state.wb.feedbacks.filter(
		(f) => f.answer || clock.t - f._createdMs > 30 * DAY || !(f.text || f.pros || f.cons || f.photoLinks),
	);
	expect(archive.map((f) => f.id).sort()).toEqual(expected.map((f) => f.id).sort());
	expect(archive.some((f) => !f.answer && clock.t - Date.parse(f.createdDate) > 30 * DAY)).toBe(true);
	const page = (await t.call('GET', `${BASE}/feedbacks/archive?take=5&skip=5&order=dateAsc`)).data.data.feedbacks;
	expect(page.map((f) => f.id)).toEqual(archive.slice(5, 10).map((f) => f.id));
	expect((await t.call('GET', `${BASE}/feedbacks/archive?skip=0`)).status).toBe(400);
});
