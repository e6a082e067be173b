import nock from 'nock';
import type { IExecuteFunctions } from 'n8n-workflow';

import { Wildberries } from '../../../nodes/Wildberries/Wildberries.node';
import { BASE, context, feedback } from './helpers';

const node = new Wildberries();
const run = (ctx: unknown) => node.execute.call(ctx as IExecuteFunctions);
const interaction = (extra: Record<string, unknown> = {}) => ({
	id: 'wb:review:r1',
	marketplace: 'wb',
	channel: 'review',
	externalId: 'r1',
	text: 'Отличное платье',
	createdAt: '2026-11-20T10:00:00.000Z',
	answered: false,
	raw: {},
	...extra,
});

afterEach(() => nock.cleanAll());
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('Wildberries node: reviews', () => {
	it('replies once per review and skips a second reply from the same workflow', async () => {
		const processed = new Map<string, boolean>();
		let body: unknown;
		nock(BASE)
			.post('/feedbacks/api/v1/feedbacks/answer', (b) => {
				body = b;
				return true;
			})
			.reply(204);
		const params = { resource: 'review', operation: 'reply', reviewId: 'r1', text: 'Спасибо за отзыв!', skipIfSent: true };
		const first = await run(context({ parameters: params, items: [{ json: interaction() }], processed }));
		expect(body).toEqual({ id: 'r1', text: 'Спасибо за отзыв!' });
		expect(first[0][0].json.reply).toMatchObject({ status: 'sent', targetId: 'r1' });
		expect(first[0][0].json.id).toBe('wb:review:r1');
		expect(first[0][0].pairedItem).toEqual({ item: 0 });

		const second = await run(context({ parameters: params, items: [{ json: interaction() }], processed }));
		expect(second[0][0].json.reply).toMatchObject({ status: 'skipped' });
		expect(nock.isDone()).toBe(true);
	});

	it('releases the dedupe record when sending fails, so a retry can send', async () => {
		const processed = new Map<string, boolean>();
		nock(BASE).post('/feedbacks/api/v1/feedbacks/answer').reply(400, { data: null, error: true, errorText: 'Текст ответа слишком короткий', additionalErrors: null, requestId: 'x' });
		const params = { resource: 'review', operation: 'reply', reviewId: 'r1', text: 'Спасибо!', skipIfSent: true };
		await expect(run(context({ parameters: params, items: [{ json: interaction() }], processed }))).rejects.toThrow();
		expect(processed.size).toBe(0);
	});

	it('after a 5xx on a reply, checks WB and does not send again when the reply landed', async () => {
		let posts = 0;
		nock(BASE)
			.post('/feedbacks/api/v1/feedbacks/answer')
			.reply(() => {
				posts++;
				return [502, 'bad gateway'];
			})
			.get('/feedbacks/api/v1/feedback')
			.query({ id: 'r1' })
			.reply(200, {
				data: feedback('r1', '2026-11-20T10:00:00Z', { answer: { text: 'Спасибо за отзыв!', state: 'wbRu', editable: true } }),
				error: false,
				errorText: '',
				additionalErrors: null,
			});
		const params = { resource: 'review', operation: 'reply', reviewId: 'r1', text: 'Спасибо за отзыв!', skipIfSent: true };
		const out = await run(context({ parameters: params, items: [{ json: interaction() }] }));
		expect(posts).toBe(1);
		expect(out[0][0].json.reply).toMatchObject({ status: 'sent' });
		expect(nock.isDone()).toBe(true);
	});

	it('after a 5xx on a reply that did not land, sends it again', async () => {
		let posts = 0;
		nock(BASE)
			.post('/feedbacks/api/v1/feedbacks/answer')
			.times(2)
			.reply(() => (++posts === 1 ? [500, 'oops'] : [204, '']))
			.get('/feedbacks/api/v1/feedback')
			.query({ id: 'r1' })
			.reply(200, { data: feedback('r1', '2026-11-20T10:00:00Z'), error: false, errorText: '', additionalErrors: null });
		const params = { resource: 'review', operation: 'reply', reviewId: 'r1', text: 'Спасибо за отзыв!', skipIfSent: true };
		const out = await run(context({ parameters: params, items: [{ json: interaction() }] }));
		expect(posts).toBe(2);
		expect(out[0][0].json.reply).toMatchObject({ status: 'sent' });
	});

	it('names the field and the item when the text is empty, and continueOnFail keeps the item', async () => {
		const params = { resource: 'review', operation: 'reply', reviewId: 'r1', text: '', skipIfSent: true };
		await expect(run(context({ parameters: params, items: [{ json: interaction() }] }))).rejects.toThrow('Text is empty in item 0');
		const out = await run(context({ parameters: params, items: [{ json: interaction() }], continueOnFail: true }));
		expect(out[0][0].json.error).toBe('Text is empty in item 0');
		expect(out[0][0].json.id).toBe('wb:review:r1');
	});

	it('rejects a one-character reply before calling WB', async () => {
		const params = { resource: 'review', operation: 'reply', reviewId: 'r1', text: 'Ы', skipIfSent: false };
		await expect(run(context({ parameters: params, items: [{ json: interaction() }] }))).rejects.toThrow(/text/i);
	});

	it('gets a review as an Interaction', async () => {
		nock(BASE)
			.get('/feedbacks/api/v1/feedback')
			.query({ id: 'r1' })
			.reply(200, { data: feedback('r1', '2026-11-20T10:00:00Z'), error: false, errorText: '', additionalErrors: null });
		const out = await run(context({ parameters: { resource: 'review', operation: 'get', reviewId: 'r1' } }));
		expect(out[0][0].json).toMatchObject({ id: 'wb:review:r1', channel: 'review', rating: 4, productId: '146972802' });
	});

	it('turns a 401 into an API error with the item index', async () => {
		nock(BASE)
			.post('/feedbacks/api/v1/feedbacks/answer')
			.reply(401, { title: 'unauthorized', detail: 'token is malformed', code: '4010', requestId: 'r', origin: 's2s-api-auth', status: 401, statusText: 'Unauthorized', timestamp: '2026-11-25T10:00:00Z' });
		const params = { resource: 'review', operation: 'reply', reviewId: 'r1', text: 'Спасибо за отзыв!', skipIfSent: false };
		await expect(run(context({ parameters: params, items: [{ json: interaction() }] }))).rejects.toMatchObject({ context: { itemIndex: 0 } });
	});
});

describe('Wildberries node: questions, chat, order, product', () => {
	it('answers a question with state wbRu', async () => {
		let body: unknown;
		nock(BASE)
			.patch('/feedbacks/api/v1/questions', (b) => {
				body = b;
				return true;
			})
			.reply(200, { data: null, error: false, errorText: '', additionalErrors: null });
		const out = await run(
			context({ parameters: { resource: 'question', operation: 'answer', questionId: 'q1', text: 'Да, размер соответствует.', skipIfSent: true } }),
		);
		expect(body).toEqual({ id: 'q1', answer: { text: 'Да, размер соответствует.' }, state: 'wbRu' });
		expect(out[0][0].json.reply).toMatchObject({ status: 'sent', channel: 'question' });
	});

	it('sends a chat message as multipart, looking up the reply sign by chat id when missing', async () => {
		let contentType = '';
		let sent = '';
		nock(BASE)
			.get('/chat/api/v1/seller/chats')
			.reply(200, { result: [{ chatID: 'c1', replySign: 'sign-1', clientName: 'Мария' }], errors: null })
			.post('/chat/api/v1/seller/message', (b) => {
				sent = typeof b === 'string' ? b : JSON.stringify(b);
				return true;
			})
			.reply(function () {
				contentType = String(this.req.headers['content-type']);
				return [200, { result: { addTime: 1764064800000, chatID: 'c1', sign: 's' }, errors: null }];
			});
		const out = await run(
			context({
				parameters: { resource: 'chat', operation: 'sendMessage', chatId: 'c1', replySign: '', message: 'Здравствуйте! Подскажите номер заказа.', replyToId: 'e1', skipIfSent: true },
			}),
		);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
		expect(sent).toContain('name="replySign"\r\n\r\nsign-1');
		expect(sent).toContain('Подскажите номер заказа.');
		expect(out[0][0].json.reply).toMatchObject({ status: 'sent', chatId: 'c1' });
	});

	it('lists chats, one item each, paired with the input item', async () => {
		nock(BASE)
			.get('/chat/api/v1/seller/chats')
			.reply(200, { result: [{ chatID: 'c1', replySign: 'a', clientName: 'А' }, { chatID: 'c2', replySign: 'b', clientName: 'Б' }], errors: null });
		const out = await run(context({ parameters: { resource: 'chat', operation: 'listChats' } }));
		expect(out[0].map((i) => i.json.chatID)).toEqual(['c1', 'c2']);
		expect(out[0].every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('finds an order by its FBS id, and reports not found after the statistics search', async () => {
		const order = { id: 1234567890, rid: 'f884001e44e511edb8780242ac120002', createdAt: new Date().toISOString(), nmId: 146972802, article: 'PL-01', chrtId: 1, skus: ['2000000000001'], price: 199000, convertedPrice: 199000, currencyCode: 643, convertedCurrencyCode: 643, warehouseId: 1, offices: [], deliveryType: 'fbs', cargoType: 1, isZeroOrder: false, orderUid: 'u1', colorCode: '', supplyId: '', comment: '', options: { isB2B: false }, crossBorderType: 0, officeId: 1 };
		nock(BASE).get('/marketplace/api/v3/orders').query(true).reply(200, { next: 0, orders: [order] });
		const found = await run(context({ parameters: { resource: 'order', operation: 'getByNumber', orderNumber: '1234567890', orderOptions: { days: 10 } } }));
		expect(found[0][0].json).toMatchObject({ orderFound: true, orderNumber: '1234567890' });

		nock(BASE).get('/marketplace/api/v3/orders').query(true).reply(200, { next: 0, orders: [] });
		nock(BASE).get('/statistics/api/v1/supplier/orders').query(true).reply(200, []);
		const missing = await run(context({ parameters: { resource: 'order', operation: 'getByNumber', orderNumber: '999', orderOptions: { days: 10 } } }));
		expect(missing[0][0].json).toMatchObject({ orderFound: false, order: null });
	});

	it('gets a product card from the public CDN without sending the token, trying neighbour hosts on 404', async () => {
		let authorization: string | undefined = 'unset';
		const card = {
			imt_id: 1,
			nm_id: 146972802,
			imt_name: 'Платье летнее',
			subj_name: 'Платья',
			description: 'Лёгкое платье из вискозы',
			options: [{ name: 'Состав', value: 'вискоза 100%' }],
			sizes_table: { details_props: ['Обхват груди'], values: [{ tech_size: '44', details: ['88'] }] },
		};
		nock(/wb\.test/)
			.get(/\/basket-\d+\/vol1469\/part146972\/146972802\/info\/ru\/card\.json/)
			.reply(404)
			.get(/\/basket-\d+\/vol1469\/part146972\/146972802\/info\/ru\/card\.json/)
			.reply(function () {
				authorization = this.req.headers.authorization as string | undefined;
				return [200, card];
			});
		const out = await run(context({ parameters: { resource: 'product', operation: 'getCard', nmId: '146972802' } }));
		expect(out[0][0].json.product).toMatchObject({ name: 'Платье летнее', nmId: 146972802 });
		expect(authorization).toBeUndefined();
	});
});

describe('Wildberries node: a refusal because another worker answered first', () => {
	afterEach(() => nock.cleanAll());
	beforeAll(() => nock.disableNetConnect());
	afterAll(() => nock.enableNetConnect());

	const params = { resource: 'review', operation: 'reply', reviewId: 'r1', text: 'Спасибо за отзыв!', skipIfSent: true };

	it('is a skip, not a failure, when WB shows the review answered', async () => {
		nock(BASE)
			.post('/feedbacks/api/v1/feedbacks/answer')
			.reply(400, { data: null, error: true, errorText: 'feedback r1 already has an answer', additionalErrors: null, requestId: 'x' })
			.get('/feedbacks/api/v1/feedback')
			.query({ id: 'r1' })
			.reply(200, {
				data: feedback('r1', '2026-11-20T10:00:00Z', { answer: { text: 'Другой ответ', state: 'wbRu', editable: true } }),
				error: false,
				errorText: '',
				additionalErrors: null,
			});
		const processed = new Map<string, boolean>();
		const out = await run(context({ parameters: params, items: [{ json: interaction() }], processed }));
		expect(out[0][0].json.reply).toMatchObject({ status: 'skipped', reason: 'The review already has an answer on Wildberries' });
		// The record stays: a later delivery of the same review is skipped without asking WB.
		expect(processed.size).toBe(1);
		expect(nock.isDone()).toBe(true);
	});

	it('stays an error when WB refuses and the review is still unanswered', async () => {
		nock(BASE)
			.post('/feedbacks/api/v1/feedbacks/answer')
			.reply(400, { data: null, error: true, errorText: 'Текст ответа слишком короткий', additionalErrors: null, requestId: 'x' })
			.get('/feedbacks/api/v1/feedback')
			.query({ id: 'r1' })
			.reply(200, { data: feedback('r1', '2026-11-20T10:00:00Z'), error: false, errorText: '', additionalErrors: null });
		const processed = new Map<string, boolean>();
		await expect(run(context({ parameters: params, items: [{ json: interaction() }], processed }))).rejects.toThrow();
		expect(processed.size).toBe(0);
	});

	it('does not ask WB again on an auth refusal', async () => {
		nock(BASE).post('/feedbacks/api/v1/feedbacks/answer').reply(401, { title: 'unauthorized', detail: 'token invalid', code: 'x', requestId: 'r', origin: 's', status: 401, statusText: 'Unauthorized', timestamp: '2026-11-20T10:00:00Z' });
		await expect(run(context({ parameters: params, items: [{ json: interaction() }] }))).rejects.toThrow();
		expect(nock.isDone()).toBe(true);
	});
});
