import { interactionSchema } from '../../../src/interaction';
import {
	YmInputError,
	answerQuestion,
	applyChatHistory,
	chatHistory,
	chatsToRead,
	describeYmError,
	errorAnswer,
	getOrder,
	isRateLimited,
	listChats,
	listFeedbacks,
	newYmChatCursor,
	normaliseChatMessage,
	normaliseFeedback,
	normaliseQuestion,
	parseChatPage,
	parseFeedbackPage,
	parseHistoryPage,
	parseNotification,
	sendChatMessage,
	successAnswer,
	updateFeedbackComment,
	withChats,
	ymErrorText,
} from '../../../src/ym';

const feedback = (id: number, extra: Record<string, unknown> = {}) => ({
	feedbackId: id,
	createdAt: '2026-11-20T10:00:00+03:00',
	needReaction: true,
	identifiers: { orderId: 53000001, offerId: 'BT-F4-200-N' },
	author: 'Анна',
	description: { comment: 'Хорошие фильтры', advantages: 'Плотные', disadvantages: 'Дорого' },
	statistics: { rating: 4, commentsCount: 0 },
	...extra,
});

describe('request builders follow the spec', () => {
	it('goods feedback: versioned path, pageToken, limit max 50, feedbackIds alone', () => {
		expect(listFeedbacks({ businessId: '11000001', pageToken: 'abc', limit: 50, reactionStatus: 'NEED_REACTION', dateTimeFrom: '2026-11-20T00:00:00.000Z' })).toEqual({
			method: 'POST',
			path: '/v2/businesses/11000001/goods-feedback',
			qs: { pageToken: 'abc', limit: 50 },
			body: { reactionStatus: 'NEED_REACTION', dateTimeFrom: '2026-11-20T00:00:00.000Z' },
		});
		expect(() => listFeedbacks({ businessId: 1, limit: 51 })).toThrow('limit must be an integer from 1 to 50');
		expect(listFeedbacks({ businessId: 1, feedbackIds: ['7'], reactionStatus: 'ALL' }).body).toEqual({ feedbackIds: [7] });
	});
	it('comments: text 1..4096, ids as numbers, a bad business id is named', () => {
		expect(updateFeedbackComment({ businessId: 1, feedbackId: '5', text: ' Спасибо! ' })).toMatchObject({ body: { feedbackId: 5, comment: { text: 'Спасибо!' } }, write: true });
		expect(updateFeedbackComment({ businessId: 1, feedbackId: 5, text: 'Да', commentId: '9' }).body).toEqual({ feedbackId: 5, comment: { id: 9, text: 'Да' } });
		expect(() => updateFeedbackComment({ businessId: 1, feedbackId: 5, text: 'я'.repeat(4097) })).toThrow('Text must be 1–4096 characters (got 4097)');
		expect(() => updateFeedbackComment({ businessId: 1, feedbackId: 5, text: '   ' })).toThrow(YmInputError);
		expect(() => listFeedbacks({ businessId: 'abc' })).toThrow('Business ID must be a positive whole number (got "abc")');
	});
	it('question answer is CREATE under the question; text up to 5000', () => {
		expect(answerQuestion(1, '42', 'Да')).toEqual({
			method: 'POST',
			path: '/v1/businesses/1/goods-questions/update',
			body: { operationType: 'CREATE', parentEntityId: { id: 42, type: 'QUESTION' }, text: 'Да' },
			write: true,
		});
		expect(() => answerQuestion(1, 42, 'x'.repeat(5001))).toThrow('1–5000');
	});
	it('chats: limit max 20, contexts instead of the deprecated orderIds, chatId in the query', () => {
		expect(() => listChats({ businessId: 1, limit: 21 })).toThrow('from 1 to 20');
		expect(listChats({ businessId: 1, orderId: '77', statuses: ['NEW'] }).body).toEqual({ statuses: ['NEW'], contexts: [{ type: 'ORDER', id: 77 }] });
		expect(chatHistory({ businessId: 1, chatId: 5, limit: 100, messageIdFrom: 9 })).toMatchObject({ qs: { chatId: 5, limit: 100 }, body: { messageIdFrom: 9 } });
		expect(sendChatMessage(1, 5, 'Здравствуйте')).toMatchObject({ qs: { chatId: 5 }, body: { message: 'Здравствуйте' } });
		expect(() => sendChatMessage(1, 5, 'x'.repeat(4097))).toThrow('1–4096');
	});
	it('order uses the business-level list (the campaign path is deprecated)', () => {
		expect(getOrder(1, '53000001', '22')).toEqual({ method: 'POST', path: '/v1/businesses/1/orders', body: { orderIds: [53000001], campaignIds: [22] } });
	});
});

describe('parsing and normalisation', () => {
	it('a feedback becomes an Interaction with text, rating, order, answered from needReaction, raw kept', () => {
		const page = parseFeedbackPage({ status: 'OK', result: { feedbacks: [feedback(1), { feedbackId: 2 }], paging: { nextPageToken: 't2' } } });
		expect(page.nextPageToken).toBe('t2');
		expect(page.skipped).toEqual([{ index: 1, id: '2', reason: 'createdAt: missing (expected string)' }]);
		const i = normaliseFeedback(page.items[0]);
		expect(interactionSchema.parse(i)).toEqual(i);
		expect(i).toMatchObject({
			id: 'ym:review:1',
			marketplace: 'ym',
			channel: 'review',
			externalId: '1',
			text: 'Хорошие фильтры\nДостоинства: Плотные\nНедостатки: Дорого',
			rating: 4,
			productId: 'BT-F4-200-N',
			orderNumber: '53000001',
			buyerName: 'Анна',
			createdAt: '2026-11-20T07:00:00.000Z',
			answered: false,
		});
		expect((i.raw as { feedbackId: number }).feedbackId).toBe(1);
		expect(normaliseFeedback(page.items[0] && { ...page.items[0], needReaction: false }).answered).toBe(true);
	});
	it('an error envelope or garbage is a clear error', () => {
		expect(() => parseFeedbackPage({ status: 'ERROR', errors: [] })).toThrow('status: expected "OK", received "ERROR"');
		expect(() => parseFeedbackPage('{"status":"OK"')).toThrow('not valid JSON');
		expect(() => parseFeedbackPage({ status: 'OK', result: {} })).toThrow('result.feedbacks: missing');
	});
	it('a question and a chat message become Interactions', () => {
		const q = normaliseQuestion(
			{ questionIdentifiers: { id: 5, offerId: 'A-1' }, text: ' Какой размер? ', createdAt: '2026-11-20T10:00:00Z', author: { name: 'Олег' } },
			{ answered: false },
		);
		expect(q).toMatchObject({ id: 'ym:question:5', text: 'Какой размер?', productId: 'A-1', buyerName: 'Олег', answered: false });
		const chats = parseChatPage({
			status: 'OK',
			result: { chats: [{ chatId: 9, context: { type: 'DIRECT', customer: { name: 'Ира', publicId: 'p1' } }, type: 'CHAT', status: 'NEW', createdAt: '2026-11-20T10:00:00Z', updatedAt: '2026-11-20T10:00:00Z' }] },
		});
		const history = parseHistoryPage({ status: 'OK', result: { context: chats.items[0].context, messages: [{ messageId: 3, createdAt: '2026-11-20T10:00:00Z', sender: 'CUSTOMER', message: 'Где заказ?' }] } });
		const m = normaliseChatMessage(9, history.items[0], { chat: chats.items[0], answered: false, repeatContact: 2 });
		expect(m).toMatchObject({ id: 'ym:chat:9-3', chatId: '9', text: 'Где заказ?', buyerId: 'p1', buyerName: 'Ира', answered: false, raw: { repeatContact: 2, chatId: 9 } });
		expect(interactionSchema.parse(m)).toEqual(m);
	});
});

describe('chat cursor', () => {
	const chat = (id: number, updatedAt: string) => ({ chatId: id, type: 'CHAT', status: 'WAITING_FOR_PARTNER', createdAt: updatedAt, updatedAt });
	const msg = (id: number, sender: string, at = '2026-11-20T10:00:00Z') => ({ messageId: id, sender, createdAt: at, message: `m${id}` });
	it('reads only chats whose updatedAt moved, emits each buyer message once, marks answered ones', () => {
		let cursor = newYmChatCursor(false, 0);
		expect(chatsToRead(cursor, [chat(1, '2026-11-20T10:00:00Z'), chat(1, '2026-11-20T10:00:00Z')])).toHaveLength(1);
		const first = applyChatHistory(cursor, chat(1, '2026-11-20T10:00:00Z'), [msg(2, 'CUSTOMER'), msg(1, 'CUSTOMER'), msg(3, 'PARTNER'), msg(4, 'CUSTOMER'), msg(4, 'CUSTOMER')]);
		expect(first.fresh.map((f) => [f.message.messageId, f.answered, f.repeatContact])).toEqual([
			[1, true, 1],
			[2, true, 2],
			[4, false, 1],
		]);
		cursor = withChats(cursor, { '1': first.memory });
		expect(chatsToRead(cursor, [chat(1, '2026-11-20T10:00:00Z')])).toHaveLength(0);
		const again = applyChatHistory(cursor, chat(1, '2026-11-20T11:00:00Z'), [msg(4, 'CUSTOMER'), msg(5, 'CUSTOMER')]);
		expect(again.fresh.map((f) => [f.message.messageId, f.repeatContact])).toEqual([[5, 2]]);
	});
	it('start from now: older messages are handled but not emitted', () => {
		const cursor = newYmChatCursor(true, Date.parse('2026-11-20T10:30:00Z'));
		const r = applyChatHistory(cursor, chat(1, '2026-11-20T11:00:00Z'), [msg(1, 'CUSTOMER'), msg(2, 'CUSTOMER', '2026-11-20T11:00:00Z')]);
		expect(r.fresh.map((f) => f.message.messageId)).toEqual([2]);
		expect(r.memory.lastMessageId).toBe(2);
	});
});

describe('push notifications', () => {
	it('parses the spec names and payloads; messageId is a string in CHAT_MESSAGE_SENT', () => {
		const r = parseNotification({ notificationType: 'CHAT_MESSAGE_SENT', chatId: 9, messageId: '33', businessId: 1, sentAt: '2026-11-20T10:00:00Z' });
		expect(r).toMatchObject({ kind: 'notification', key: 'CHAT_MESSAGE_SENT:9:33' });
		expect(parseNotification({ notificationType: 'GOODS_FEEDBACK_CREATED', feedbackId: 4, businessId: 1, createdAt: '2026-11-20T10:00:00Z', publishedAt: '2026-11-20T11:00:00Z' })).toMatchObject({ key: 'GOODS_FEEDBACK_CREATED:4' });
		expect(parseNotification({ notificationType: 'PING', time: '2026-11-20T10:00:00Z' })).toMatchObject({ kind: 'notification' });
		expect(parseNotification({ notificationType: 'ORDER_CREATED', orderId: 1 })).toEqual({ kind: 'ignored', type: 'ORDER_CREATED' });
	});
	it('malformed bodies are invalid with a message naming the field', () => {
		expect(parseNotification(null)).toEqual({ kind: 'invalid', message: 'The notification body must be a JSON object' });
		expect(parseNotification([])).toMatchObject({ kind: 'invalid' });
		expect(parseNotification({})).toEqual({ kind: 'invalid', message: 'notificationType is missing' });
		expect(parseNotification({ notificationType: 'NEW_REVIEW' })).toEqual({ kind: 'invalid', message: 'Unknown notificationType "NEW_REVIEW"' });
		expect(parseNotification({ notificationType: 'GOODS_FEEDBACK_CREATED', businessId: 1, createdAt: '2026-11-20T10:00:00Z', publishedAt: '2026-11-20T10:00:00Z' })).toEqual({
			kind: 'invalid',
			message: 'GOODS_FEEDBACK_CREATED: feedbackId: missing (expected number)',
		});
		expect(parseNotification({ notificationType: 'CHAT_MESSAGE_SENT', chatId: 9, messageId: 'x', businessId: 1, sentAt: '2026-11-20T10:00:00Z' })).toMatchObject({ kind: 'invalid' });
	});
	it('answers in the format Market requires', () => {
		const a = successAnswer('AgentIQ for n8n', '1.0', new Date('2026-11-20T10:00:00Z'));
		expect(a).toEqual({ status: 200, body: { version: '1.0', name: 'AgentIQ for n8n', time: '2026-11-20T10:00:00.000Z' } });
		expect(successAnswer('x'.repeat(150), '', new Date(0)).body.name).toHaveLength(100);
		expect(errorAnswer(400, 'WRONG_EVENT_FORMAT', 'bad')).toEqual({ status: 400, body: { error: { type: 'WRONG_EVENT_FORMAT', message: 'bad' } } });
	});
});

describe('errors', () => {
	it('420 and 429 are throttling; messages quote Market', () => {
		expect(isRateLimited(420)).toBe(true);
		expect(isRateLimited(429)).toBe(true);
		expect(ymErrorText({ status: 'ERROR', errors: [{ code: 'BAD_REQUEST', message: 'limit must be <= 50' }] })).toBe('BAD_REQUEST: limit must be <= 50');
		expect(describeYmError(401, {}, 'x').message).toMatch(/API key was rejected/);
		expect(describeYmError(403, { errors: [{ code: 'FORBIDDEN' }] }, 'chats').description).toMatch(/Market says: FORBIDDEN/);
	});
});
