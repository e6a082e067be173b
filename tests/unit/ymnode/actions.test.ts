import nock from 'nock';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { YandexMarket } from '../../../nodes/YandexMarket/YandexMarket.node';
import { BUSINESS, NOCK_BASE, context, startSandbox, type SandboxHandle } from './helpers';

const node = new YandexMarket();
const run = (ctx: unknown) => node.execute.call(ctx as IExecuteFunctions);
const P = `/v2/businesses/${BUSINESS}`;

describe('Yandex Market node against the sandbox', () => {
	let h: SandboxHandle;
	beforeEach(async () => {
		h = await startSandbox();
	});
	afterEach(async () => h.sb.stop());

	const openFeedback = () => h.sb.state.ym.feedbacks.find((f) => f.needReaction) as IDataObject & { feedbackId: number };

	it('Feedback → Get returns the review as an Interaction', async () => {
		const f = openFeedback();
		const out = await run(context(h.apiBase, { parameters: { resource: 'feedback', operation: 'get', feedbackId: String(f.feedbackId) } }));
		expect(out[0][0].json).toMatchObject({ id: `ym:review:${f.feedbackId}`, marketplace: 'ym', channel: 'review', answered: false });
		expect(out[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('Feedback → Comment sends once per review; Update Comment edits it', async () => {
		const f = openFeedback();
		const processed = new Map<string, boolean>();
		const params = { resource: 'feedback', operation: 'comment', feedbackId: String(f.feedbackId), text: 'Спасибо за отзыв!', skipIfSent: true };
		const first = await run(context(h.apiBase, { parameters: params, processed, items: [{ json: { externalId: String(f.feedbackId) } }] }));
		const reply = first[0][0].json.reply as IDataObject;
		expect(reply).toMatchObject({ status: 'sent', marketplace: 'ym', channel: 'review', targetId: String(f.feedbackId), commentId: expect.any(String) });
		const second = await run(context(h.apiBase, { parameters: params, processed }));
		expect((second[0][0].json.reply as IDataObject).status).toBe('skipped');
		expect(h.sb.state.replies.filter((r) => r.kind === 'review-comment')).toHaveLength(1);
		const edit = await run(
			context(h.apiBase, { parameters: { resource: 'feedback', operation: 'updateComment', feedbackId: String(f.feedbackId), commentId: reply.commentId, text: 'Спасибо большое!' } }),
		);
		expect(edit[0][0].json.reply).toMatchObject({ status: 'edited', commentId: reply.commentId });
		expect(h.sb.state.replies.map((r) => r.kind)).toEqual(['review-comment', 'review-comment-edit']);
	});

	it('Feedback → Comment after a garbled receipt finds the comment and does not send twice', async () => {
		const f = openFeedback();
		h.sb.setFaults({ script: [{ type: 'malformed' }] });
		const out = await run(context(h.apiBase, { parameters: { resource: 'feedback', operation: 'comment', feedbackId: String(f.feedbackId), text: 'Спасибо!', skipIfSent: true } }));
		expect((out[0][0].json.reply as IDataObject).commentId).toEqual(expect.any(String));
		expect(h.sb.state.replies).toHaveLength(1);
	});

	it('Question → Answer answers once and the question leaves the unanswered list', async () => {
		const q = h.sb.state.ym.questions[1] as IDataObject & { questionIdentifiers: { id: number } };
		const processed = new Map<string, boolean>();
		const params = { resource: 'question', operation: 'answer', questionId: String(q.questionIdentifiers.id), text: 'Да, подходит.', skipIfSent: true };
		const out = await run(context(h.apiBase, { parameters: params, processed }));
		expect(out[0][0].json.reply).toMatchObject({ status: 'sent', channel: 'question', answerId: expect.any(String) });
		await run(context(h.apiBase, { parameters: params, processed }));
		expect(h.sb.state.replies.filter((r) => r.kind === 'question-answer')).toHaveLength(1);
	});

	it('Chat → Send Message once per buyer message (also after a 503), and Get History shows it', async () => {
		const chat = h.sb.state.ym.chats.find((c) => c.status === 'WAITING_FOR_PARTNER') as IDataObject & { chatId: number };
		const processed = new Map<string, boolean>();
		h.sb.setFaults({ script: [{ type: '503' }] });
		const params = { resource: 'chat', operation: 'sendMessage', chatId: String(chat.chatId), text: 'Здравствуйте! Проверим.', replyTo: `${chat.chatId}-1`, skipIfSent: true };
		const out = await run(context(h.apiBase, { parameters: params, processed }));
		expect(out[0][0].json.reply).toMatchObject({ status: 'sent', channel: 'chat', targetId: String(chat.chatId) });
		await run(context(h.apiBase, { parameters: params, processed }));
		expect(h.sb.state.replies.filter((r) => r.kind === 'chat-message')).toHaveLength(1);
		const hist = await run(context(h.apiBase, { parameters: { resource: 'chat', operation: 'history', chatId: String(chat.chatId), maxMessages: 50 } }));
		const history = hist[0][0].json.history as Array<{ from: string; text: string }>;
		expect(history[history.length - 1]).toEqual({ from: 'seller', text: 'Здравствуйте! Проверим.', at: expect.any(String) });
		expect(history[0].from).toBe('buyer');
	});

	it('Order → Get returns the order linked to the Interaction', async () => {
		const order = h.sb.state.ym.orders[2] as IDataObject & { orderId: number };
		const out = await run(context(h.apiBase, { parameters: { resource: 'order', operation: 'get', orderId: String(order.orderId) }, items: [{ json: { id: 'x' } }] }));
		expect(out[0][0].json).toMatchObject({ id: 'x', order: { orderId: order.orderId, status: order.status } });
	});

	it('an empty text names the field and the item; continueOnFail keeps the item with the error', async () => {
		const params = { resource: 'question', operation: 'answer', questionId: '1', text: '' };
		await expect(run(context(h.apiBase, { parameters: params }))).rejects.toThrow('Text is empty in item 0');
		const out = await run(context(h.apiBase, { parameters: params, continueOnFail: true, items: [{ json: { a: 1 } }] }));
		expect(out[0][0].json).toMatchObject({ a: 1, error: 'Text is empty in item 0' });
	});
});

describe('Yandex Market node error paths (nock)', () => {
	beforeAll(() => nock.disableNetConnect());
	afterAll(() => nock.enableNetConnect());
	afterEach(() => nock.cleanAll());
	const err = (code: string, message: string) => ({ status: 'ERROR', errors: [{ code, message }] });

	it('Feedback → Comment: a 400 says what Market said and releases the dedupe record', async () => {
		nock(NOCK_BASE).post(`${P}/goods-feedback/comments/update`).reply(400, err('BAD_REQUEST', 'Text contains forbidden words'));
		const processed = new Map<string, boolean>();
		const p = run(context(NOCK_BASE, { parameters: { resource: 'feedback', operation: 'comment', feedbackId: '5', text: 'Ок', skipIfSent: true }, processed }));
		await expect(p).rejects.toMatchObject({ message: 'Yandex Market rejected the request to the comment on review 5 (400)', description: 'BAD_REQUEST: Text contains forbidden words' });
		expect(processed.size).toBe(0);
	});

	it('Feedback → Update Comment: 404', async () => {
		nock(NOCK_BASE).post(`${P}/goods-feedback/comments/update`).reply(404, err('NOT_FOUND', 'Comment not found'));
		await expect(run(context(NOCK_BASE, { parameters: { resource: 'feedback', operation: 'updateComment', feedbackId: '5', commentId: '9', text: 'Ок' } }))).rejects.toThrow(
			'Yandex Market did not find comment 9 on review 5 (404)',
		);
	});

	it('Feedback → Get: 401 names the key', async () => {
		nock(NOCK_BASE).post(`${P}/goods-feedback`).reply(401, err('UNAUTHORIZED', 'Invalid Api-Key'));
		await expect(run(context(NOCK_BASE, { parameters: { resource: 'feedback', operation: 'get', feedbackId: '5' } }))).rejects.toThrow('The Yandex Market API key was rejected (401)');
	});

	it('Question → Answer: 403 names the scope', async () => {
		nock(NOCK_BASE).post('/v1/businesses/' + BUSINESS + '/goods-questions/update').reply(403, err('FORBIDDEN', 'Access denied'));
		await expect(run(context(NOCK_BASE, { parameters: { resource: 'question', operation: 'answer', questionId: '5', text: 'Да' } }))).rejects.toThrow('has no access to the answer to question 5 (403)');
	});

	it('Chat → Send Message: 420 is retried after Retry-After, then the message goes once', async () => {
		nock(NOCK_BASE)
			.post(`${P}/chats/message`)
			.query({ chatId: '7' })
			.reply(420, err('LIMIT_EXCEEDED', 'Too many requests'), { 'Retry-After': '0' })
			.post(`${P}/chats/message`)
			.query({ chatId: '7' })
			.reply(200, { status: 'OK' });
		const out = await run(context(NOCK_BASE, { parameters: { resource: 'chat', operation: 'sendMessage', chatId: '7', text: 'Здравствуйте', replyTo: '' } }));
		expect((out[0][0].json.reply as IDataObject).status).toBe('sent');
		expect(nock.isDone()).toBe(true);
	});

	it('Chat → Get History: a malformed body, repeated, becomes a clear error', async () => {
		nock(NOCK_BASE).post(`${P}/chats/history`).query(true).times(4).reply(200, '{"status":"OK","result":{"messa');
		await expect(run(context(NOCK_BASE, { parameters: { resource: 'chat', operation: 'history', chatId: '7', maxMessages: 10 } }))).rejects.toThrow(
			'Yandex Market returned a malformed response',
		);
	}, 20_000);

	describe('Chat → Get History paging stops', () => {
		const msg = (messageId: number) => ({ messageId, createdAt: '2026-11-20T10:00:00Z', sender: 'CUSTOMER', message: `m${messageId}` });
		const historyPage = (messages: unknown[], nextPageToken?: string) => ({ status: 'OK', result: { messages, paging: nextPageToken ? { nextPageToken } : {} } });
		// Answers every history request from `answer(pageToken)` and records the tokens sent.
		const serve = (answer: (token: string | undefined) => unknown) => {
			const tokens: Array<string | undefined> = [];
			nock(NOCK_BASE)
				.post(`${P}/chats/history`)
				.query(true)
				.times(300)
				.reply(200, (uri) => {
					const token = new URL(uri, NOCK_BASE).searchParams.get('pageToken') ?? undefined;
					tokens.push(token);
					return answer(token);
				});
			return tokens;
		};
		const history = (maxMessages: number) => run(context(NOCK_BASE, { parameters: { resource: 'chat', operation: 'history', chatId: '7', maxMessages } }));

		it('when the next page token repeats (the spec example page: one message, token "string")', async () => {
			const tokens = serve((token) => historyPage([msg(token ? 2 : 1)], 'string'));
			const out = await history(250);
			expect(tokens).toEqual([undefined, 'string']);
			expect((out[0][0].json.messages as IDataObject[]).map((m) => m.messageId)).toEqual([1, 2]);
		});

		it('when a token seen two pages back comes again', async () => {
			const next: Record<string, string> = { '': 'a', a: 'b', b: 'a' };
			const tokens = serve((token) => historyPage([msg(tokens.length)], next[token ?? '']));
			await history(250);
			expect(tokens).toEqual([undefined, 'a', 'b']);
		});

		it('when the next page token is missing, or the page is empty', async () => {
			let tokens = serve((token) => historyPage([msg(token ? 2 : 1)], token ? undefined : 'p2'));
			await history(250);
			expect(tokens).toEqual([undefined, 'p2']);
			nock.cleanAll();
			tokens = serve((token) => historyPage(token ? [] : [msg(1)], `t${tokens.length}`));
			await history(250);
			expect(tokens).toEqual([undefined, 't1']);
		});

		it('and still reads fresh tokens up to Max Messages', async () => {
			const tokens = serve(() => historyPage([msg(tokens.length * 2), msg(tokens.length * 2 + 1)], `t${tokens.length}`));
			const out = await history(7);
			expect(tokens).toEqual([undefined, 't1', 't2', 't3']);
			expect(out[0][0].json.messages as IDataObject[]).toHaveLength(7);
		});
	});

	it('Order → Get reads the spec\'s answer: {orders, paging} at the top level, no envelope', async () => {
		const order = { orderId: 123, campaignId: 22, status: 'PROCESSING', substatus: 'STARTED', items: [] };
		nock(NOCK_BASE).post(`/v1/businesses/${BUSINESS}/orders`).reply(200, { orders: [{ ...order, orderId: 5 }, order], paging: {} });
		const out = await run(context(NOCK_BASE, { parameters: { resource: 'order', operation: 'get', orderId: '123' } }));
		expect(out[0][0].json.order).toEqual(order);
	});

	it('Order → Get: an answer without the orders list names the field', async () => {
		nock(NOCK_BASE).post(`/v1/businesses/${BUSINESS}/orders`).reply(200, { status: 'OK', result: { orders: [] } });
		await expect(run(context(NOCK_BASE, { parameters: { resource: 'order', operation: 'get', orderId: '123' } }))).rejects.toThrow(/orders: missing/);
	});

	it('Order → Get: an unknown order is a clear error', async () => {
		nock(NOCK_BASE).post(`/v1/businesses/${BUSINESS}/orders`).reply(200, { orders: [], paging: {} });
		await expect(run(context(NOCK_BASE, { parameters: { resource: 'order', operation: 'get', orderId: '123' } }))).rejects.toThrow('Order 123 was not found on Yandex Market');
	});
});

describe('send once', () => {
	it('records again when n8n fails to create the store row because another execution created it at the same moment', async () => {
		const h = await startSandbox();
		try {
			const q = h.sb.state.ym.questions[1] as IDataObject & { questionIdentifiers: { id: number } };
			const ctx = context(h.apiBase, { parameters: { resource: 'question', operation: 'answer', questionId: String(q.questionIdentifiers.id), text: 'Да.', skipIfSent: true } });
			const helpers = ctx.helpers as { checkProcessedAndRecord: (...a: unknown[]) => Promise<unknown> };
			const real = helpers.checkProcessedAndRecord;
			let calls = 0;
			helpers.checkProcessedAndRecord = async (...args: unknown[]) => {
				if (++calls === 1) throw new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed: processed_data.workflowId, processed_data.context');
				return await real(...args);
			};
			const out = await run(ctx);
			expect((out[0][0].json.reply as IDataObject).status).toBe('sent');
			expect(calls).toBe(2);
			expect(h.sb.state.replies).toHaveLength(1);
		} finally {
			await h.sb.stop();
		}
	});

	it('other store failures stop the item with the error', async () => {
		const ctx = context(NOCK_BASE, { parameters: { resource: 'question', operation: 'answer', questionId: '1', text: 'Да.', skipIfSent: true } });
		(ctx.helpers as { checkProcessedAndRecord: unknown }).checkProcessedAndRecord = async () => {
			throw new Error('database is locked');
		};
		await expect(run(ctx)).rejects.toThrow('database is locked');
	});
});
