import {
	WbResponseError,
	assertFeedbacksActionOk,
	parseCard,
	parseChatEvents,
	parseChatEventsLenient,
	parseChats,
	parseFbsOrders,
	parseFeedback,
	parseFeedbackList,
	parseFeedbackListLenient,
	parseNewFeedbacksQuestions,
	parseOrderStatuses,
	parseQuestion,
	parseQuestionList,
	parseQuestionListLenient,
	parseSendMessageResult,
	parseSupplierOrders,
	parseUnansweredCount,
} from '../../../src/wb/parse';
import {
	ERRORS,
	cardBody,
	chatEventsBody,
	chatsBody,
	complaintFeedback,
	fbsOrder,
	fbsOrdersBody,
	feedback,
	feedbackListBody,
	feedbacksEnvelope,
	newQuestion,
	question,
	questionListBody,
	ratingOnlyFeedback,
	supplierOrder,
} from './fixtures';

function responseError(run: () => unknown): WbResponseError {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	if (caught instanceof WbResponseError) return caught;
	throw new Error(`expected a WbResponseError, got ${caught === undefined ? 'no error' : String(caught)}`);
}

describe('parseFeedbackList', () => {
	it('reads the spec example with counters', () => {
		const list = parseFeedbackList(feedbackListBody());
		expect(list.countUnanswered).toBe(52);
		expect(list.countArchive).toBe(1000);
		expect(list.feedbacks.map((f) => f.id)).toEqual(['YX52RZEBhH9mrcYdEJuD', 'kQ7bRZEBhH9mrcYd11aa', 'mZ2cRZEBhH9mrcYd22bb']);
		expect(list.feedbacks[0].answer).toEqual({ text: 'Пожалуйста. Ждём вас снова!', state: 'wbRu', editable: false });
		expect(list.feedbacks[1].answer).toBeNull();
		expect(list.feedbacks[1].productDetails?.supplierArticle).toBeNull();
	});

	it('keeps fields it does not know (passthrough)', () => {
		const list = parseFeedbackList(feedbackListBody([feedback({ brandNewField: { x: 1 } })]));
		expect(list.feedbacks[0].brandNewField).toEqual({ x: 1 });
		expect(list.feedbacks[0].isAbleReturnProductOrders).toBe(false);
	});

	it('accepts a JSON string body', () => {
		expect(parseFeedbackList(JSON.stringify(feedbackListBody())).feedbacks).toHaveLength(3);
	});

	it('reads an empty page', () => {
		expect(parseFeedbackList(feedbacksEnvelope({ countUnanswered: 0, countArchive: 0, feedbacks: [] }))).toEqual({
			feedbacks: [],
			countUnanswered: 0,
			countArchive: 0,
		});
	});

	it('reads feedbacks: null as an empty page', () => {
		expect(parseFeedbackList(feedbacksEnvelope({ countUnanswered: 0, countArchive: 3, feedbacks: null })).feedbacks).toEqual([]);
		expect(responseError(() => parseFeedbackList(feedbacksEnvelope({ countUnanswered: 0 }))).path).toBe('data.feedbacks');
	});

	it('treats a null the spec does not allow as absent', () => {
		const list = parseFeedbackList(feedbackListBody([feedback({ pros: null, cons: null, userName: null })]));
		expect(list.feedbacks[0].pros).toBeUndefined();
		expect(list.feedbacks[0].userName).toBeUndefined();
	});

	it('names the offending field and item', () => {
		const feedbacks = [feedback(), complaintFeedback(), ratingOnlyFeedback(), feedback({ id: 'x4', createdDate: 1698037340 })];
		const error = responseError(() => parseFeedbackList(feedbackListBody(feedbacks)));
		expect(error.path).toBe('data.feedbacks[3].createdDate');
		expect(error.message).toBe('Unexpected Wildberries response: data.feedbacks[3].createdDate: expected string, received number');
	});

	it.each([
		[{ productValuation: '5' }, 'data.feedbacks[0].productValuation', 'expected number, received string'],
		[{ id: undefined }, 'data.feedbacks[0].id', 'missing (expected string)'],
		[{ id: '' }, 'data.feedbacks[0].id', 'must not be empty'],
		[{ createdDate: 'вчера' }, 'data.feedbacks[0].createdDate', 'expected an ISO 8601 / RFC 3339 date-time'],
		[{ answer: 'ok' }, 'data.feedbacks[0].answer', 'expected object, received string'],
		[{ productDetails: { nmId: '987654321' } }, 'data.feedbacks[0].productDetails.nmId', 'expected number, received string'],
	])('reports %j', (override, path, reason) => {
		const error = responseError(() => parseFeedbackList(feedbackListBody([feedback(override)])));
		expect(error.path).toBe(path);
		expect(error.reason).toBe(reason);
	});

	it('reports a wrong envelope', () => {
		expect(responseError(() => parseFeedbackList(feedbacksEnvelope({ feedbacks: 'none' }))).path).toBe('data.feedbacks');
		expect(responseError(() => parseFeedbackList(feedbacksEnvelope(null))).path).toBe('data');
		expect(responseError(() => parseFeedbackList([])).reason).toBe('expected object, received array');
	});

	it('reports truncated, empty and non-JSON bodies', () => {
		const truncated = JSON.stringify(feedbackListBody()).slice(0, 200);
		expect(responseError(() => parseFeedbackList(truncated)).reason).toBe('the body is not valid JSON (truncated?)');
		expect(responseError(() => parseFeedbackList('')).reason).toBe('expected a JSON body, received text (empty)');
		expect(responseError(() => parseFeedbackList('<html>502 Bad Gateway</html>')).path).toBe('(root)');
		expect(responseError(() => parseFeedbackList(undefined)).reason).toBe('the body is empty');
	});

	it("throws WB's own text for an error envelope", () => {
		const error = responseError(() => parseFeedbackList(ERRORS.feedbacksDateFrom400));
		expect(error.apiErrorText).toBe('Плохой формат dateFrom');
		expect(error.message).toBe('Wildberries returned an error: Плохой формат dateFrom');
	});

	it('includes additionalErrors and copes without errorText', () => {
		const error = responseError(() =>
			parseFeedbackList({ data: null, error: true, errorText: 'Ошибка', additionalErrors: ['take: too big'] }),
		);
		expect(error.apiErrorText).toBe('Ошибка; take: too big');
		expect(responseError(() => parseFeedbackList({ data: null, error: true })).apiErrorText).toMatch(/unknown error/);
	});
});

describe('parseFeedbackListLenient', () => {
	it('keeps the good reviews and reports the bad one', () => {
		const body = feedbackListBody([
			feedback(),
			feedback({ id: 'broken1', createdDate: null }),
			complaintFeedback(),
			'not an object',
			ratingOnlyFeedback(),
		]);
		const list = parseFeedbackListLenient(body);
		expect(list.feedbacks.map((f) => f.id)).toEqual(['YX52RZEBhH9mrcYdEJuD', 'kQ7bRZEBhH9mrcYd11aa', 'mZ2cRZEBhH9mrcYd22bb']);
		expect(list.skipped).toEqual([
			{ index: 1, id: 'broken1', reason: 'createdDate: expected string, received null' },
			{ index: 3, reason: '(root): expected object, received string' },
		]);
		expect(list.countUnanswered).toBe(52);
	});

	it('still fails on a broken envelope or an error envelope', () => {
		expect(() => parseFeedbackListLenient({ data: { feedbacks: {} } })).toThrow(WbResponseError);
		expect(() => parseFeedbackListLenient(ERRORS.feedbacks403)).toThrow('Wildberries returned an error: Ошибка авторизации');
	});
});

describe('parseFeedback', () => {
	it('reads the single-feedback example', () => {
		expect(parseFeedback(feedbacksEnvelope(feedback())).id).toBe('YX52RZEBhH9mrcYdEJuD');
	});

	it('throws for the 404 envelope and names fields under data', () => {
		expect(responseError(() => parseFeedback(ERRORS.feedbacks404)).apiErrorText).toBe('Не найден отзыв');
		expect(responseError(() => parseFeedback(feedbacksEnvelope(feedback({ text: 5 })))).path).toBe('data.text');
	});
});

describe('questions', () => {
	it('reads the list example and a single question', () => {
		const list = parseQuestionList(questionListBody());
		expect(list.countUnanswered).toBe(24);
		expect(list.questions[0]).toMatchObject({ id: '2ncBtX4B9I0UHoornoqG', state: 'suppliersPortalSynch', answer: null });
		expect(parseQuestion(feedbacksEnvelope(question())).answer?.text).toBe('На следующей неделе');
	});

	it('names a bad question in the strict list and skips it in the lenient one', () => {
		const body = questionListBody([newQuestion(), question({ id: 'q2', text: ['массив'] })]);
		expect(responseError(() => parseQuestionList(body)).path).toBe('data.questions[1].text');
		const lenient = parseQuestionListLenient(body);
		expect(lenient.questions).toHaveLength(1);
		expect(lenient.skipped).toEqual([{ index: 1, id: 'q2', reason: 'text: expected string, received array' }]);
	});
});

describe('counters and action results', () => {
	it('reads count-unanswered (no valuation any more)', () => {
		expect(parseUnansweredCount(feedbacksEnvelope({ countUnanswered: 24, countUnansweredToday: 0 }))).toEqual({
			countUnanswered: 24,
			countUnansweredToday: 0,
		});
		expect(responseError(() => parseUnansweredCount(feedbacksEnvelope({ countUnansweredToday: 0 }))).path).toBe(
			'data.countUnanswered',
		);
	});

	it('reads the new-feedbacks-questions probe', () => {
		expect(parseNewFeedbacksQuestions(feedbacksEnvelope({ hasNewQuestions: false, hasNewFeedbacks: true }))).toEqual({
			hasNewFeedbacks: true,
			hasNewQuestions: false,
		});
	});

	it('accepts 204 and a clean envelope, throws for an error envelope in a 200', () => {
		expect(() => assertFeedbacksActionOk(undefined)).not.toThrow();
		expect(() => assertFeedbacksActionOk('')).not.toThrow();
		expect(() => assertFeedbacksActionOk({ data: null, error: false, errorText: '', additionalErrors: null })).not.toThrow();
		expect(() =>
			assertFeedbacksActionOk({ data: null, error: true, errorText: 'Не удалось отредактировать вопрос', additionalErrors: null }),
		).toThrow('Wildberries returned an error: Не удалось отредактировать вопрос');
	});
});

describe('parseChatEvents', () => {
	it('reads the spec example', () => {
		const page = parseChatEvents(chatEventsBody());
		expect(page.next).toBe(1698045576000);
		expect(page.totalEvents).toBe(4);
		expect(page.newestEventTime).toBe('2023-10-23T07:19:36Z');
		expect(page.events).toHaveLength(4);
		expect(page.events[0].message?.attachments?.goodCard?.rid).toBe('2fb52cd9e25e52538a5f05994e688ae5');
		expect(page.events[3].message).toBeUndefined();
	});

	it('reads the last page (totalEvents 0, events empty or null)', () => {
		expect(parseChatEvents({ result: { next: 1698045576000, totalEvents: 0, events: [] }, errors: null }).events).toEqual([]);
		expect(parseChatEvents({ result: { next: 1698045576000, totalEvents: 0, events: null }, errors: null }).totalEvents).toBe(0);
	});

	it('fills addTimestamp from addTime when WB leaves it out', () => {
		const body = chatEventsBody();
		delete body.result.events[1].addTimestamp;
		expect(parseChatEvents(body).events[1].addTimestamp).toBe(Date.UTC(2023, 9, 23, 5, 3, 7));
	});

	it('parses an event of an unknown type instead of failing', () => {
		const body = chatEventsBody();
		body.result.events[2].eventType = 'refund';
		expect(parseChatEvents(body).events[2].eventType).toBe('refund');
	});

	it('names the bad event; the lenient parser skips it', () => {
		const body = chatEventsBody();
		delete body.result.events[1].addTimestamp;
		delete body.result.events[1].addTime;
		body.result.events[2].eventID = 42;
		expect(responseError(() => parseChatEvents(body)).path).toBe('result.events[1].addTimestamp');
		const lenient = parseChatEventsLenient(body);
		expect(lenient.events.map((e) => e.eventID)).toEqual(['55adee45-11f0-33b6-a847-6ccc7c78b2ec', 'cef95d3c-0345-4dc9-b6df-4c8c75a176a7']);
		expect(lenient.skipped).toEqual([
			{
				index: 1,
				id: 'cef95d3c-0345-4dc9-b6df-4c8c57a176a9',
				reason: 'addTimestamp: missing (neither addTimestamp nor addTime is present)',
			},
			{ index: 2, id: '42', reason: 'eventID: expected string, received number' },
		]);
		expect(lenient.next).toBe(1698045576000);
	});

	it('throws for errors and for the missing cursor', () => {
		expect(() => parseChatEvents({ result: null, errors: ['internal error'] })).toThrow('Wildberries returned an error: internal error');
		expect(responseError(() => parseChatEvents({ result: { totalEvents: 0, events: [] }, errors: null })).path).toBe('result.next');
	});
});

describe('parseChats', () => {
	it('reads chats with and without goodCard', () => {
		const chats = parseChats(chatsBody());
		expect(chats).toHaveLength(2);
		expect(chats[0].goodCard?.rid).toBe('f884001e44e511edb8780242ac120002');
		expect(chats[1].goodCard).toBeUndefined();
	});

	it('reads result: null as no chats, but not a body without result', () => {
		expect(parseChats({ result: null, errors: null })).toEqual([]);
		expect(responseError(() => parseChats({ errors: null })).path).toBe('result');
		expect(() => parseChats({ result: null, errors: ['forbidden'] })).toThrow('Wildberries returned an error: forbidden');
	});

	it('refuses a result that is not a list', () => {
		expect(responseError(() => parseChats({ result: {}, errors: null })).reason).toBe('expected array, received object');
		expect(responseError(() => parseChats({ result: [{ replySign: 'x' }], errors: null })).path).toBe('result[0].chatID');
	});
});

describe('parseSendMessageResult', () => {
	it('reads the result, including the new sign field and file errors', () => {
		expect(parseSendMessageResult({ result: { addTime: 1712848270018, chatID: '1:641b623c-5c0e-295b-db03-3d5b4d484c32' }, errors: [] })).toEqual({
			addTime: 1712848270018,
			chatId: '1:641b623c-5c0e-295b-db03-3d5b4d484c32',
			errors: [],
		});
		expect(
			parseSendMessageResult({ result: { addTime: 1, chatID: 'c', sign: 's' }, errors: ['photo.heic: unsupported'] }),
		).toEqual({ addTime: 1, chatId: 'c', sign: 's', errors: ['photo.heic: unsupported'] });
		expect(() => parseSendMessageResult({ result: null, errors: ['message rejected'] })).toThrow('message rejected');
	});
});

describe('orders', () => {
	it('reads FBS orders and their statuses', () => {
		const page = parseFbsOrders(fbsOrdersBody());
		expect(page.next).toBe(13833711);
		expect(page.orders[0]).toMatchObject({ id: 13833711, rid: 'f884001e44e511edb8780242ac120002', nmId: 12345678, address: null });
		expect(
			parseOrderStatuses({ orders: [{ id: 5632423, isCancellable: false, supplierStatus: 'new', wbStatus: 'postponed_delivery' }] }),
		).toEqual([{ id: 5632423, isCancellable: false, supplierStatus: 'new', wbStatus: 'postponed_delivery' }]);
	});

	it('names a bad order and throws marketplace errors', () => {
		expect(responseError(() => parseFbsOrders(fbsOrdersBody([fbsOrder(), fbsOrder({ id: '13833712' })]))).path).toBe('orders[1].id');
		expect(responseError(() => parseFbsOrders({ orders: [] })).path).toBe('next');
		expect(responseError(() => parseFbsOrders(ERRORS.marketplaceIncorrectParameter)).apiErrorText).toBe(
			'IncorrectParameter: Передан некорректный параметр',
		);
	});

	it('reads the statistics orders report', () => {
		const rows = parseSupplierOrders([supplierOrder()]);
		expect(rows[0]).toMatchObject({ srid: '11.rf9ef11fce1684117b0nhj96222982382.3.0', gNumber: '34343462218572569531' });
		expect(parseSupplierOrders([])).toEqual([]);
		expect(responseError(() => parseSupplierOrders([supplierOrder({ nmId: null })])).path).toBe('[0].nmId');
	});

	it('throws the statistics error shapes', () => {
		expect(responseError(() => parseSupplierOrders(ERRORS.statisticsDateFrom)).apiErrorText).toBe('dateFrom: field required');
		expect(responseError(() => parseSupplierOrders(ERRORS.statisticsDateFromString)).apiErrorText).toBe('dateFrom: Value not validated');
	});
});

describe('parseCard', () => {
	it('reads name, subject, brand, characteristics, composition and the size table', () => {
		expect(parseCard(cardBody())).toEqual({
			nmId: 287700029,
			name: 'Пальто шерстяное натуральное',
			subject: 'Пальто',
			brand: 'MAISON DAVID',
			description: 'Черное пальто женское. Состав: 100% шерсть натуральная.\n\nВерхняя одежда имеет прямой силуэт.',
			characteristics: [
				{ name: 'Состав', value: 'шерсть натуральная 100%' },
				{ name: 'Цвет', value: 'черный' },
				{ name: 'Рост модели на фото', value: '175 см' },
				{ name: 'Страна производства', value: 'Россия' },
			],
			sizeTable: {
				columns: ['RU', 'Обхват бедер, в см', 'Обхват талии, в см', 'Обхват груди, в см'],
				rows: [
					{ size: 'XS', values: ['42', '90-94', '62-66', '82-86'] },
					{ size: 'S', values: ['44', '94-98', '66-70', '86-90'] },
					{ size: 'M', values: ['46', '98-102', '70-74', '90-94'] },
				],
			},
			composition: 'шерсть натуральная 100%',
		});
	});

	it('copes with a card without sizes, brand, composition or options', () => {
		const body = cardBody();
		delete body.sizes_table;
		delete body.selling;
		delete body.compositions;
		delete body.options;
		body.grouped_options = [
			{ group_name: 'Основная информация', options: [{ name: 'Мощность', value: 1200 }, { name: 'Пусто', value: '' }] },
		];
		const card = parseCard(body);
		expect(card.sizeTable).toBeNull();
		expect(card.brand).toBeUndefined();
		expect(card.composition).toBeUndefined();
		expect(card.characteristics).toEqual([{ name: 'Мощность', value: '1200' }]);
	});

	it('treats an empty size table as none', () => {
		const body = cardBody();
		body.sizes_table = { details_props: [], values: [] };
		expect(parseCard(body).sizeTable).toBeNull();
	});

	it('names what is wrong', () => {
		const body = cardBody();
		body.nm_id = '287700029';
		expect(responseError(() => parseCard(body)).path).toBe('nm_id');
		const sizes = cardBody();
		(sizes.sizes_table as { values: unknown[] }).values[1] = { tech_size: 'S', details: 'RU 44' };
		expect(responseError(() => parseCard(sizes)).path).toBe('sizes_table.values[1].details');
	});
});
