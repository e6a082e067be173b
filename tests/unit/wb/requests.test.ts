import {
	WbInputError,
	answerFeedback,
	answerQuestion,
	chatEvents,
	countUnansweredFeedbacks,
	countUnansweredQuestions,
	editFeedbackAnswer,
	fbsOrderStatuses,
	getFeedback,
	getQuestion,
	listChats,
	listFbsOrders,
	listFeedbacks,
	listQuestions,
	markQuestionViewed,
	newFeedbacksQuestions,
	productCard,
	rejectQuestion,
	sendChatMessage,
	supplierOrders,
	toUnixSeconds,
	type WbRequest,
} from '../../../src/wb/requests';

function inputError(run: () => unknown): WbInputError {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	if (caught instanceof WbInputError) return caught;
	throw new Error(`expected a WbInputError, got ${caught === undefined ? 'no error' : String(caught)}`);
}

describe('listFeedbacks', () => {
	it('builds GET /api/v1/feedbacks with every filter', () => {
		const request = listFeedbacks({
			isAnswered: false,
			take: 100,
			skip: 200,
			order: 'dateDesc',
			nmId: 987654321,
			dateFrom: 1688465092,
			dateTo: 1688551492,
		});
		expect(request).toEqual<WbRequest>({
			host: 'feedbacks',
			method: 'GET',
			path: '/api/v1/feedbacks',
			qs: { isAnswered: false, take: 100, skip: 200, order: 'dateDesc', nmId: 987654321, dateFrom: 1688465092, dateTo: 1688551492 },
		});
	});

	it('leaves out filters that are not set', () => {
		expect(listFeedbacks({ isAnswered: true, take: 1, skip: 0 }).qs).toEqual({ isAnswered: true, take: 1, skip: 0 });
	});

	it('accepts the limits exactly', () => {
		expect(listFeedbacks({ isAnswered: true, take: 5000, skip: 199990 }).qs).toMatchObject({ take: 5000, skip: 199990 });
	});

	it.each([
		[{ take: 0 }, 'take', 'take must be an integer from 1 to 5000 (got 0)'],
		[{ take: 5001 }, 'take', 'take must be an integer from 1 to 5000 (got 5001)'],
		[{ take: 2.5 }, 'take', 'take must be an integer from 1 to 5000 (got 2.5)'],
		[{ skip: -1 }, 'skip', 'skip must be an integer from 0 to 199990 (got -1)'],
		[{ skip: 199991 }, 'skip', 'skip must be an integer from 0 to 199990 (got 199991)'],
		[{ order: 'newest' }, 'order', 'order must be "dateAsc" or "dateDesc" (got "newest")'],
		[{ nmId: 0 }, 'nmId', 'nmId must be an integer 1 or more (got 0)'],
		[{ isAnswered: 'yes' }, 'isAnswered', 'isAnswered must be true or false (got "yes")'],
	])('rejects %j', (override, field, message) => {
		const error = inputError(() => listFeedbacks({ isAnswered: false, take: 10, skip: 0, ...(override as object) }));
		expect(error.field).toBe(field);
		expect(error.message).toBe(message);
	});

	it('says when a date looks like milliseconds', () => {
		const error = inputError(() => listFeedbacks({ isAnswered: false, take: 10, skip: 0, dateFrom: 1698037340000 }));
		expect(error.field).toBe('dateFrom');
		expect(error.message).toBe('dateFrom must be a Unix timestamp in seconds (got 1698037340000, which looks like milliseconds)');
	});

	it('rejects a range that ends before it starts', () => {
		const error = inputError(() =>
			listFeedbacks({ isAnswered: false, take: 10, skip: 0, dateFrom: 1688551492, dateTo: 1688465092 }),
		);
		expect(error.field).toBe('dateFrom');
		expect(error.message).toMatch(/dateFrom must not be after dateTo/);
	});

	it('takes numbers written as strings, as n8n expressions give them', () => {
		const request = listFeedbacks({ isAnswered: false, take: '50' as unknown as number, skip: '0' as unknown as number });
		expect(request.qs).toMatchObject({ take: 50, skip: 0 });
	});
});

describe('feedback answers', () => {
	it('builds POST and PATCH /api/v1/feedbacks/answer with a trimmed text', () => {
		expect(answerFeedback('J2FMRjUj6hwvwCElqssz', '  Спасибо за Ваш отзыв!  ')).toEqual<WbRequest>({
			host: 'feedbacks',
			method: 'POST',
			path: '/api/v1/feedbacks/answer',
			body: { id: 'J2FMRjUj6hwvwCElqssz', text: 'Спасибо за Ваш отзыв!' },
		});
		expect(editFeedbackAnswer('J2FMRjUj6hwvwCElqssz', 'Исправленный ответ')).toMatchObject({
			method: 'PATCH',
			path: '/api/v1/feedbacks/answer',
			body: { id: 'J2FMRjUj6hwvwCElqssz', text: 'Исправленный ответ' },
		});
	});

	it('rejects a text shorter than 2 characters', () => {
		const error = inputError(() => answerFeedback('J2FMRjUj6hwvwCElqssz', 'О'));
		expect(error.field).toBe('text');
		expect(error.message).toBe('text must be 2–5000 characters (got 1)');
	});

	it('counts whitespace-only as empty', () => {
		expect(inputError(() => editFeedbackAnswer('J2FMRjUj6hwvwCElqssz', '   ')).message).toBe(
			'text must be 2–5000 characters (got 0)',
		);
	});

	it('accepts exactly 5000 characters and refuses 5001', () => {
		expect(answerFeedback('id1', 'я'.repeat(5000)).body?.text).toHaveLength(5000);
		expect(inputError(() => answerFeedback('id1', 'я'.repeat(5001))).message).toBe(
			'text must be 2–5000 characters (got 5001)',
		);
	});

	it('counts an emoji as one character', () => {
		expect(answerFeedback('id1', '👍'.repeat(5000)).body?.text).toBe('👍'.repeat(5000));
	});

	it('needs an id without spaces', () => {
		expect(inputError(() => answerFeedback('', 'Спасибо')).field).toBe('id');
		expect(inputError(() => answerFeedback('two words', 'Спасибо')).message).toBe(
			'id must not contain spaces (got "two words")',
		);
	});

	it('builds GET /api/v1/feedback?id=', () => {
		expect(getFeedback('G7Y9Y1kBAtKOitoBT_lV')).toEqual({
			host: 'feedbacks',
			method: 'GET',
			path: '/api/v1/feedback',
			qs: { id: 'G7Y9Y1kBAtKOitoBT_lV' },
		});
	});
});

describe('questions', () => {
	it('builds GET /api/v1/questions', () => {
		expect(listQuestions({ isAnswered: false, take: 100, skip: 0, order: 'dateAsc' })).toEqual({
			host: 'feedbacks',
			method: 'GET',
			path: '/api/v1/questions',
			qs: { isAnswered: false, take: 100, skip: 0, order: 'dateAsc' },
		});
	});

	it('allows take + skip up to 10000 and no more', () => {
		expect(listQuestions({ isAnswered: true, take: 5000, skip: 5000 }).qs).toMatchObject({ take: 5000, skip: 5000 });
		const error = inputError(() => listQuestions({ isAnswered: true, take: 9000, skip: 2000 }));
		expect(error.field).toBe('skip');
		expect(error.message).toBe('take + skip must not exceed 10000 (got 9000 + 2000 = 11000)');
		expect(inputError(() => listQuestions({ isAnswered: true, take: 10001, skip: 0 })).field).toBe('take');
	});

	it('answers with state wbRu, rejects with state none, marks viewed', () => {
		expect(answerQuestion('n5um6IUBQOOSTxXoo0gV', 'На следующей неделе')).toEqual({
			host: 'feedbacks',
			method: 'PATCH',
			path: '/api/v1/questions',
			body: { id: 'n5um6IUBQOOSTxXoo0gV', answer: { text: 'На следующей неделе' }, state: 'wbRu' },
		});
		expect(rejectQuestion('n5um6IUBQOOSTxXoo0gV', 'Вопрос не относится к товару').body).toEqual({
			id: 'n5um6IUBQOOSTxXoo0gV',
			answer: { text: 'Вопрос не относится к товару' },
			state: 'none',
		});
		expect(markQuestionViewed('n5um6IUBQOOSTxXoo0gV').body).toEqual({ id: 'n5um6IUBQOOSTxXoo0gV', wasViewed: true });
	});

	it('needs a text to answer and to reject (the spec requires answer.text)', () => {
		expect(inputError(() => answerQuestion('n5um6IUBQOOSTxXoo0gV', '')).message).toBe('text must not be empty');
		expect(inputError(() => rejectQuestion('n5um6IUBQOOSTxXoo0gV', ' ')).field).toBe('text');
	});

	it('builds GET /api/v1/question?id=', () => {
		expect(getQuestion('ljAVapEBL38RyMdRln61').qs).toEqual({ id: 'ljAVapEBL38RyMdRln61' });
	});
});

describe('counters and probes', () => {
	it('use the feedbacks host', () => {
		expect(countUnansweredFeedbacks()).toEqual({ host: 'feedbacks', method: 'GET', path: '/api/v1/feedbacks/count-unanswered' });
		expect(countUnansweredQuestions()).toEqual({ host: 'feedbacks', method: 'GET', path: '/api/v1/questions/count-unanswered' });
		expect(newFeedbacksQuestions().path).toBe('/api/v1/new-feedbacks-questions');
	});
});

describe('buyers chat', () => {
	it('lists chats and events', () => {
		expect(listChats()).toEqual({ host: 'chat', method: 'GET', path: '/api/v1/seller/chats' });
		expect(chatEvents()).toEqual({ host: 'chat', method: 'GET', path: '/api/v1/seller/events' });
		expect(chatEvents(1698045576000).qs).toEqual({ next: 1698045576000 });
	});

	it('refuses next = 0 and seconds instead of milliseconds', () => {
		expect(inputError(() => chatEvents(0)).field).toBe('next');
		expect(inputError(() => chatEvents(1698045576)).message).toBe(
			'next must be a Unix timestamp in milliseconds (got 1698045576, which looks like seconds)',
		);
	});

	it('sends the message as multipart form fields, not JSON', () => {
		const request = sendChatMessage('1:641b623c-5c0e-295b-db03-3d5b4d484c32:sig', 'Здравствуйте! Оформите возврат в ЛК WB.');
		expect(request).toEqual<WbRequest>({
			host: 'chat',
			method: 'POST',
			path: '/api/v1/seller/message',
			form: { replySign: '1:641b623c-5c0e-295b-db03-3d5b4d484c32:sig', message: 'Здравствуйте! Оформите возврат в ЛК WB.' },
		});
		expect(request.body).toBeUndefined();
	});

	it('checks the message (1..1000) and the reply signature (≤ 255)', () => {
		expect(inputError(() => sendChatMessage('sig', '')).message).toBe('message must be 1–1000 characters (got 0)');
		expect(inputError(() => sendChatMessage('sig', 'a'.repeat(1001))).message).toBe('message must be 1–1000 characters (got 1001)');
		expect(sendChatMessage('sig', 'a'.repeat(1000)).form?.message).toHaveLength(1000);
		const long = inputError(() => sendChatMessage('s'.repeat(256), 'Добрый день'));
		expect(long.field).toBe('replySign');
		expect(long.message).toBe('replySign must be at most 255 characters (got 256)');
		expect(sendChatMessage('s'.repeat(255), 'Добрый день').form?.replySign).toHaveLength(255);
	});
});

describe('FBS orders', () => {
	it('builds GET /api/v3/orders with limit and next', () => {
		expect(listFbsOrders({ limit: 1000, next: 0, dateFrom: 1754006400, dateTo: 1756598400 })).toEqual({
			host: 'marketplace',
			method: 'GET',
			path: '/api/v3/orders',
			qs: { limit: 1000, next: 0, dateFrom: 1754006400, dateTo: 1756598400 },
		});
	});

	it('refuses limits outside 1..1000, a missing next and ranges over 30 days', () => {
		expect(inputError(() => listFbsOrders({ limit: 0, next: 0 })).message).toBe('limit must be an integer from 1 to 1000 (got 0)');
		expect(inputError(() => listFbsOrders({ limit: 1001, next: 0 })).field).toBe('limit');
		expect(inputError(() => listFbsOrders({ limit: 10 } as never)).message).toBe('next must be an integer 0 or more (got nothing)');
		const range = inputError(() => listFbsOrders({ limit: 10, next: 0, dateFrom: 1754006400, dateTo: 1754006400 + 31 * 86400 }));
		expect(range.field).toBe('dateTo');
		expect(range.message).toBe('dateFrom..dateTo must span at most 30 days (got about 31 days)');
		expect(listFbsOrders({ limit: 10, next: 0, dateFrom: 1754006400, dateTo: 1754006400 + 30 * 86400 }).qs).toMatchObject({ limit: 10 });
	});

	it('builds POST /api/v3/orders/status with 1..1000 distinct IDs', () => {
		expect(fbsOrderStatuses([5632423, 13833711, 5632423])).toEqual({
			host: 'marketplace',
			method: 'POST',
			path: '/api/v3/orders/status',
			body: { orders: [5632423, 13833711] },
		});
		expect(inputError(() => fbsOrderStatuses([])).message).toBe('ids must hold 1–1000 order IDs (got 0)');
		const many = Array.from({ length: 1001 }, (_, i) => i + 1);
		expect(inputError(() => fbsOrderStatuses(many)).field).toBe('ids');
		expect(fbsOrderStatuses(many.slice(0, 1000)).body?.orders).toHaveLength(1000);
		const bad = inputError(() => fbsOrderStatuses([5632423, -1]));
		expect(bad.field).toBe('ids[1]');
	});
});

describe('supplierOrders', () => {
	it.each(['2019-06-20', '2019-06-20T23:59:59', '2019-06-20T00:00:00.12345', '2026-08-01T10:00:00+03:00', '2026-08-01T07:00:00Z'])(
		'accepts the documented form %s',
		(dateFrom) => {
			expect(supplierOrders({ dateFrom })).toEqual({
				host: 'statistics',
				method: 'GET',
				path: '/api/v1/supplier/orders',
				qs: { dateFrom },
			});
		},
	);

	it('passes the flag', () => {
		expect(supplierOrders({ dateFrom: '2026-08-01', flag: 1 }).qs).toEqual({ dateFrom: '2026-08-01', flag: 1 });
	});

	it.each(['01.08.2026', '2026-13-01', 'yesterday', ''])('refuses %j', (dateFrom) => {
		const error = inputError(() => supplierOrders({ dateFrom }));
		expect(error.field).toBe('dateFrom');
		expect(error.message).toMatch(/^dateFrom must be an RFC 3339 date or date-time/);
	});

	it('refuses a flag other than 0 or 1', () => {
		expect(inputError(() => supplierOrders({ dateFrom: '2026-08-01', flag: 2 as 0 })).message).toBe('flag must be 0 or 1 (got 2)');
	});
});

describe('productCard', () => {
	it('points at the card host with the basket to use', () => {
		expect(productCard(287700029)).toEqual({
			host: 'card',
			method: 'GET',
			path: '/vol2877/part287700/287700029/info/ru/card.json',
			basket: '18',
		});
		expect(productCard(287700029, '19').basket).toBe('19');
		expect(inputError(() => productCard(287700029, 'x')).field).toBe('basket');
	});
});

describe('toUnixSeconds', () => {
	it('reads ISO strings (UTC when no offset), Dates and Unix seconds', () => {
		expect(toUnixSeconds('2023-07-04T10:04:52Z')).toBe(1688465092);
		expect(toUnixSeconds('2023-07-04T13:04:52+03:00')).toBe(1688465092);
		expect(toUnixSeconds('2023-07-04T10:04:52')).toBe(1688465092);
		expect(toUnixSeconds(new Date('2023-07-04T10:04:52Z'))).toBe(1688465092);
		expect(toUnixSeconds(1688465092)).toBe(1688465092);
		expect(toUnixSeconds('1688465092')).toBe(1688465092);
	});

	it('refuses what is not a date', () => {
		expect(inputError(() => toUnixSeconds('завтра', 'dateFrom')).message).toBe(
			'dateFrom must be a date such as "2026-08-01T10:00:00Z" (got "завтра")',
		);
		expect(inputError(() => toUnixSeconds(new Date('nonsense'))).field).toBe('date');
	});
});
