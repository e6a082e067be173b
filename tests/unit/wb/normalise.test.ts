import { interactionSchema } from '../../../src/interaction';
import {
	chatAttachmentKinds,
	chatReplySigns,
	classifyChatEvent,
	feedbackText,
	isRatingOnly,
	normaliseChatEvent,
	normaliseFeedback,
	normaliseQuestion,
	parseChatEvents,
	parseChats,
	parseFeedback,
	parseFeedbackList,
	parseQuestion,
	parseQuestionList,
	realBuyerName,
	type RawChatEvent,
	type WbChatRaw,
} from '../../../src/wb/normalise';
import {
	chatEventsBody,
	chatsBody,
	complaintFeedback,
	feedback,
	feedbackListBody,
	feedbacksEnvelope,
	newQuestion,
	question,
	questionListBody,
	ratingOnlyFeedback,
} from './fixtures';

function rawFeedback(body: Record<string, unknown>) {
	return parseFeedback(feedbacksEnvelope(body));
}

function events(): RawChatEvent[] {
	return parseChatEvents(chatEventsBody()).events;
}

describe('normaliseFeedback', () => {
	it('maps the spec example to an Interaction', () => {
		const raw = rawFeedback(feedback());
		const interaction = normaliseFeedback(raw);
		expect(interaction).toEqual({
			id: 'wb:review:YX52RZEBhH9mrcYdEJuD',
			marketplace: 'wb',
			channel: 'review',
			externalId: 'YX52RZEBhH9mrcYdEJuD',
			text: 'Спасибо, всё подошло\nДостоинства: Удобный\nНедостатки: Нет',
			rating: 5,
			productId: '987654321',
			productName: 'ВАЗ',
			buyerName: 'Николай',
			createdAt: '2024-09-26T07:20:48.000Z',
			answered: true,
			raw,
		});
		expect(interactionSchema.safeParse(interaction).success).toBe(true);
		expect(interaction.orderNumber).toBeUndefined();
	});

	it('maps an unanswered complaint', () => {
		const interaction = normaliseFeedback(rawFeedback(complaintFeedback()));
		expect(interaction).toMatchObject({
			rating: 1,
			productId: '182736455',
			productName: 'Фильтр-пакеты для кофе',
			buyerName: 'Алёна',
			createdAt: '2026-08-17T18:05:11.000Z',
			answered: false,
		});
		expect(interaction.text).toBe(
			'Заливаю кофе кипятком, оставляю на 5 мин и достаю, и тут дно рвется и вся гуща в чашке. Может мне брак попался\n' +
				'Достоинства: Недорого\nНедостатки: Рвутся на дне',
		);
	});

	it('trusts the list pass over the answer field (WB sends empty answers for answered reviews)', () => {
		const answeredWithoutAnswer = rawFeedback(complaintFeedback());
		expect(normaliseFeedback(answeredWithoutAnswer, { isAnswered: true }).answered).toBe(true);
		const emptyAnswer = rawFeedback(feedback({ answer: { text: '', state: 'wbRu', editable: false } }));
		expect(normaliseFeedback(emptyAnswer).answered).toBe(true);
		expect(normaliseFeedback(rawFeedback(feedback()), { isAnswered: false }).answered).toBe(false);
	});

	it('keeps a 5000-character review whole', () => {
		const long = 'Очень подробный отзыв. '.repeat(300).slice(0, 5000);
		const interaction = normaliseFeedback(rawFeedback(feedback({ text: long, pros: '', cons: '' })));
		expect(interaction.text).toBe(long.trim());
		expect(interaction.text.length).toBeGreaterThanOrEqual(4999);
	});

	it('handles a rating-only review', () => {
		const raw = rawFeedback(ratingOnlyFeedback());
		const interaction = normaliseFeedback(raw);
		expect(isRatingOnly(raw)).toBe(true);
		expect(interaction.text).toBe('');
		expect(interaction.rating).toBe(4);
		// WB's placeholder is not a name to greet
		expect(interaction.buyerName).toBeUndefined();
	});

	it('drops a rating outside 1..5 rather than failing', () => {
		expect(normaliseFeedback(rawFeedback(feedback({ productValuation: 0 }))).rating).toBeUndefined();
		expect(normaliseFeedback(rawFeedback(feedback({ productValuation: null }))).rating).toBeUndefined();
	});

	it('works without productDetails', () => {
		const interaction = normaliseFeedback(rawFeedback(feedback({ productDetails: null })));
		expect(interaction.productId).toBeUndefined();
		expect(interaction.productName).toBeUndefined();
	});

	it('normalises every review of a list', () => {
		const list = parseFeedbackList(feedbackListBody());
		const ids = list.feedbacks.map((raw) => normaliseFeedback(raw, { isAnswered: false }).id);
		expect(ids).toEqual(['wb:review:YX52RZEBhH9mrcYdEJuD', 'wb:review:kQ7bRZEBhH9mrcYd11aa', 'wb:review:mZ2cRZEBhH9mrcYd22bb']);
	});
});

describe('feedbackText and isRatingOnly', () => {
	it('labels only the parts that are there', () => {
		expect(feedbackText({ text: '', pros: 'Тёплое', cons: '' })).toBe('Достоинства: Тёплое');
		expect(feedbackText({ text: '', pros: '', cons: 'Маломерит на размер' })).toBe('Недостатки: Маломерит на размер');
		expect(feedbackText({ text: '  Норм  ', pros: '   ', cons: undefined })).toBe('Норм');
	});

	it('is rating-only only when every part is blank', () => {
		expect(isRatingOnly({ text: ' ', pros: '', cons: '\n' })).toBe(true);
		expect(isRatingOnly({ text: '', pros: 'Цена', cons: '' })).toBe(false);
		expect(isRatingOnly({ text: '', pros: '', cons: 'Нет' })).toBe(false);
	});
});

describe('realBuyerName', () => {
	it('drops placeholders and blanks', () => {
		expect(realBuyerName('Покупатель')).toBeUndefined();
		expect(realBuyerName(' покупательница ')).toBeUndefined();
		expect(realBuyerName('')).toBeUndefined();
		expect(realBuyerName(undefined)).toBeUndefined();
		expect(realBuyerName(' Марина ')).toBe('Марина');
	});
});

describe('normaliseQuestion', () => {
	it('maps a new question', () => {
		const raw = parseQuestionList(questionListBody()).questions[0];
		const interaction = normaliseQuestion(raw);
		expect(interaction).toEqual({
			id: 'wb:question:2ncBtX4B9I0UHoornoqG',
			marketplace: 'wb',
			channel: 'question',
			externalId: '2ncBtX4B9I0UHoornoqG',
			text: 'Какой размер взять на рост 170 и обхват груди 96?',
			productId: '14917842',
			productName: 'Coffee',
			createdAt: '2022-02-01T11:18:08.769Z',
			answered: false,
			raw,
		});
	});

	it('counts answered and rejected questions as dealt with', () => {
		expect(normaliseQuestion(parseQuestion(feedbacksEnvelope(question()))).answered).toBe(true);
		expect(normaliseQuestion(parseQuestion(feedbacksEnvelope(question({ state: 'none', answer: null })))).answered).toBe(true);
		const unknownState = parseQuestion(feedbacksEnvelope(newQuestion({ state: 'somethingNew' })));
		expect(normaliseQuestion(unknownState).answered).toBe(false);
		expect(normaliseQuestion(unknownState, { isAnswered: true }).answered).toBe(true);
	});

	it('uses userName when WB sends one', () => {
		const raw = parseQuestion(feedbacksEnvelope(newQuestion({ userName: 'Ольга' })));
		expect(normaliseQuestion(raw).buyerName).toBe('Ольга');
	});
});

describe('classifyChatEvent', () => {
	it('tells buyer, seller and WB messages apart', () => {
		const [first, , seller] = events();
		expect(classifyChatEvent(first)).toEqual({ kind: 'buyerMessage' });
		expect(classifyChatEvent(seller)).toEqual({ kind: 'sellerMessage', reason: 'sent by the seller' });
		expect(classifyChatEvent({ eventType: 'message', sender: 'wb' })).toEqual({ kind: 'wbMessage', reason: 'sent by Wildberries' });
	});

	it('explains unknown events', () => {
		expect(classifyChatEvent({ eventType: 'refund', sender: 'client' })).toEqual({ kind: 'unknown', reason: "unknown eventType 'refund'" });
		expect(classifyChatEvent({ sender: 'client' })).toEqual({ kind: 'unknown', reason: 'no eventType' });
		expect(classifyChatEvent({ eventType: 'message', sender: 'courier' })).toEqual({ kind: 'unknown', reason: "unknown sender 'courier'" });
		expect(classifyChatEvent({ eventType: 'message' })).toEqual({ kind: 'unknown', reason: 'no sender' });
	});
});

describe('normaliseChatEvent', () => {
	it('maps the first message of a new chat, with product, order and reply signature', () => {
		const [first] = events();
		const interaction = normaliseChatEvent(first);
		expect(interaction).not.toBeNull();
		expect(interaction).toMatchObject({
			id: 'wb:chat:55adee45-11f0-33b6-a847-6ccc7c78b2ec',
			marketplace: 'wb',
			channel: 'chat',
			externalId: '55adee45-11f0-33b6-a847-6ccc7c78b2ec',
			chatId: '1:1e265a58-a120-b178-008c-60af2460207c',
			text: 'Здравствуйте! У меня вопрос по товару "Альбом, бренд Эконом, артикул 13480414, товар получен 18.10.2023"',
			productId: '12345678',
			orderNumber: '2fb52cd9e25e52538a5f05994e688ae5',
			buyerName: 'Алёна',
			createdAt: '2023-10-23T05:02:20.000Z',
			answered: false,
		});
		const raw = interaction?.raw as WbChatRaw;
		expect(raw.replySign).toBe(first.replySign);
		expect(raw.attachmentKinds).toEqual(['goodCard', 'files', 'images']);
		expect(raw.eventID).toBe(first.eventID);
		expect(interactionSchema.safeParse(interaction).success).toBe(true);
	});

	it('takes the reply signature from the chat list for later messages', () => {
		const [, second] = events();
		const signs = chatReplySigns(parseChats({ result: [{ chatID: second.chatID, replySign: 'sign-from-list' }], errors: null }));
		const interaction = normaliseChatEvent(second, { replySign: signs[second.chatID] });
		expect((interaction?.raw as WbChatRaw).replySign).toBe('sign-from-list');
		expect(interaction?.productId).toBeUndefined();
		expect(interaction?.orderNumber).toBeUndefined();
		expect(normaliseChatEvent(second)?.raw).not.toHaveProperty('replySign');
	});

	it('gives text "" for a message with only attachments and says which', () => {
		const [first] = events();
		const photoOnly = { ...first, message: { attachments: { images: first.message?.attachments?.images } } };
		const interaction = normaliseChatEvent(photoOnly);
		expect(interaction?.text).toBe('');
		expect((interaction?.raw as WbChatRaw).attachmentKinds).toEqual(['images']);
	});

	it('returns null for seller and WB messages and unknown events', () => {
		const [, , seller, sellerNoMessage] = events();
		expect(normaliseChatEvent(seller)).toBeNull();
		expect(normaliseChatEvent(sellerNoMessage)).toBeNull();
		expect(normaliseChatEvent({ ...seller, sender: 'wb' })).toBeNull();
		expect(normaliseChatEvent({ ...events()[1], eventType: 'refund' })).toBeNull();
	});

	it('lists attachment kinds for any event', () => {
		const [first, second] = events();
		expect(chatAttachmentKinds(first)).toEqual(['goodCard', 'files', 'images']);
		expect(chatAttachmentKinds(second)).toEqual([]);
	});
});

describe('chatReplySigns', () => {
	it('maps chat IDs to signatures and skips chats without one', () => {
		const chats = parseChats(chatsBody());
		const withoutSign = parseChats({ result: [{ chatID: '1:x' }], errors: null });
		expect(chatReplySigns([...chats, ...withoutSign])).toEqual({
			'1:4019cd7d-cca8-4e90-8b11-f78afbea42e3': chats[0].replySign,
			'1:1e265a58-a120-b178-008c-60af2460207c': '1:1e265a58-a120-b178-008c-60af2460207c:66f136e919a8207e',
		});
	});
});
