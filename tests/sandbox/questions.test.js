'use strict';
const { startSandbox, fakeClock, TOKENS } = require('./test-utils');

const BASE = '/wb/feedbacks/api/v1';
const OK_ENVELOPE = { data: null, error: false, errorText: '', additionalErrors: null };
const QUESTION_FIELDS = ['answer', 'createdDate', 'id', 'isWarned', 'productDetails', 'state', 'text', 'wasViewed'];

let t;
beforeAll(async () => {
	t = await startSandbox({ now: fakeClock().now });
});
afterAll(() => t.sb.stop());
beforeEach(() => t.sb.reset('default'));

const open = async () => (await t.call('GET', `${BASE}/questions?isAnswered=false&take=100&skip=0`)).data.data.questions;
const processed = async () => (await t.call('GET', `${BASE}/questions?isAnswered=true&take=100&skip=0`)).data.data.questions;
const patch = (body) => t.call('PATCH', `${BASE}/questions`, { body });

test('lists: unanswered ones are new, answered ones have answers; counts in the envelope', async () => {
	const res = await t.call('GET', `${BASE}/questions?isAnswered=false&take=100&skip=0`);
	expect(res.status).toBe(200);
	const { countUnanswered, countArchive, questions } = res.data.data;
	expect(questions.length).toBe(countUnanswered);
	expect(countUnanswered).toBeGreaterThanOrEqual(8);
	expect(countArchive).toBe((await processed()).length);
	for (const q of questions) {
		expect(Object.keys(q).sort()).toEqual(QUESTION_FIELDS);
		expect(q).toMatchObject({ state: 'suppliersPortalSynch', answer: null });
		expect(Object.keys(q.productDetails).sort()).toEqual(['brandName', 'imtId', 'nmId', 'productName', 'supplierArticle', 'supplierName']);
	}
	for (const q of await processed()) {
		expect(['wbRu', 'none']).toContain(q.state);
		expect(q.answer).toMatchObject({ text: expect.any(String), editable: expect.any(Boolean), createDate: expect.any(String) });
	}
	const counts = (await t.call('GET', `${BASE}/questions/count-unanswered`)).data.data;
	expect(counts.countUnanswered).toBe(countUnanswered);
	expect((await t.call('GET', `${BASE}/questions/count?isAnswered=false`)).data.data).toBe(countUnanswered);
});

test('take + skip must not exceed 10000', async () => {
	expect((await t.call('GET', `${BASE}/questions?isAnswered=false&take=10000&skip=0`)).status).toBe(200);
	const res = await t.call('GET', `${BASE}/questions?isAnswered=false&take=9000&skip=1001`);
	expect(res.status).toBe(400);
	expect(res.data).toMatchObject({ error: true, data: null });
	expect(res.data.additionalErrors[0]).toMatch(/take \+ skip/);
	expect((await t.call('GET', `${BASE}/questions?take=10&skip=0`)).status).toBe(400);
});

test('answering (state wbRu) moves a question out of the unanswered list; 200 with the envelope', async () => {
	const [q] = await open();
	const res = await patch({ id: q.id, answer: { text: 'Здравствуйте! Да, есть в наличии.' }, state: 'wbRu' });
	expect(res.status).toBe(200);
	expect(res.data).toEqual(OK_ENVELOPE);
	expect((await open()).map((x) => x.id)).not.toContain(q.id);
	const one = (await t.call('GET', `${BASE}/question?id=${q.id}`)).data.data;
	expect(one.state).toBe('wbRu');
	expect(one.answer).toMatchObject({ text: 'Здравствуйте! Да, есть в наличии.', editable: true });
	expect(t.sb.state.replies).toEqual([
		expect.objectContaining({ kind: 'questionAnswer', targetId: q.id, text: 'Здравствуйте! Да, есть в наличии.', token: TOKENS.all }),
	]);
});

test('an answer can be edited once', async () => {
	const [q] = await open();
	await patch({ id: q.id, answer: { text: 'Есть в наличии.' }, state: 'wbRu' });
	expect((await patch({ id: q.id, answer: { text: 'Есть в наличии, размеры 36–41.' }, state: 'wbRu' })).status).toBe(200);
	const edited = (await t.call('GET', `${BASE}/question?id=${q.id}`)).data.data.answer;
	expect(edited).toMatchObject({ text: 'Есть в наличии, размеры 36–41.', editable: false });
	const third = await patch({ id: q.id, answer: { text: 'Третья попытка' }, state: 'wbRu' });
	expect(third.status).toBe(422);
	expect(third.data).toMatchObject({ error: true, errorText: 'Не удалось отредактировать вопрос' });
	expect(t.sb.state.replies.map((r) => [r.kind, r.edit])).toEqual([['questionAnswer', false], ['questionAnswer', true]]);
});

test('rejecting (state none) moves it to the processed list and blocks answering', async () => {
	const [q] = await open();
	expect((await patch({ id: q.id, answer: { text: 'Вопрос не относится к товару' }, state: 'none' })).status).toBe(200);
	expect((await open()).map((x) => x.id)).not.toContain(q.id);
	expect((await processed()).find((x) => x.id === q.id).state).toBe('none');
	expect((await patch({ id: q.id, answer: { text: 'Передумали, отвечаем' }, state: 'wbRu' })).status).toBe(422);
	expect(t.sb.state.replies.map((r) => r.kind)).toEqual(['questionReject']);
});

test('marking viewed', async () => {
	const unseen = t.sb.state.wb.questions.filter((q) => !q.wasViewed);
	expect(unseen.length).toBeGreaterThan(0);
	expect((await t.call('GET', `${BASE}/new-feedbacks-questions`)).data.data.hasNewQuestions).toBe(true);
	for (const q of unseen) expect((await patch({ id: q.id, wasViewed: true })).data).toEqual(OK_ENVELOPE);
	expect((await t.call('GET', `${BASE}/new-feedbacks-questions`)).data.data.hasNewQuestions).toBe(false);
	expect(t.sb.state.replies).toHaveLength(0);
});

test.each([
	[{ id: 'x', answer: { text: 'Спасибо' }, state: 'published' }, 400, /state/],
	[{ id: 'x', answer: 'Спасибо', state: 'wbRu' }, 400, /answer\.text/],
	[{ answer: { text: 'Спасибо' }, state: 'wbRu' }, 400, /id/],
	[{ id: 'x' }, 400, /wasViewed/],
	[{ id: 'noSuchQuestion', answer: { text: 'Спасибо' }, state: 'wbRu' }, 404, /noSuchQuestion/],
])('bad PATCH %j -> %i', async (body, status, detail) => {
	const res = await patch(body);
	expect(res.status).toBe(status);
	expect(res.data).toMatchObject({ data: null, error: true });
	expect(res.data.additionalErrors.join(' ')).toMatch(detail);
});

test('answer text shorter than 2 characters is refused and not recorded', async () => {
	const [q] = await open();
	const res = await patch({ id: q.id, answer: { text: 'Д' }, state: 'wbRu' });
	expect(res.status).toBe(400);
	expect(res.data.additionalErrors[0]).toMatch(/2\.\.5000/);
	expect(t.sb.state.replies).toHaveLength(0);
	expect((await open()).map((x) => x.id)).toContain(q.id);
});

test('GET /api/v1/question with an unknown id is a 422', async () => {
	const res = await t.call('GET', `${BASE}/question?id=nope`);
	expect(res.status).toBe(422);
	expect(res.data.errorText).toBe('Невозможно получить вопрос по id');
});
