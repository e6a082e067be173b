import { MAX_REMEMBERED_CHATS, applyChatEvents, newChatCursor, type FeedEvent } from '../../../src/poll/chat-cursor';

const ev = (eventID: string, chatID: string, addTimestamp: number, sender: string, extra: Partial<FeedEvent> = {}): FeedEvent => ({
	eventID,
	chatID,
	addTimestamp,
	sender,
	...extra,
});

describe('chat cursor', () => {
	it('emits buyer messages once, with the reply sign remembered from the first event of the chat', () => {
		const cursor = newChatCursor(false, 0);
		const first = applyChatEvents(cursor, [ev('e1', 'c1', 1000, 'client', { isNewChat: true, replySign: 'sign-1' })], 1001);
		expect(first.messages.map((m) => [m.event.eventID, m.replySign])).toEqual([['e1', 'sign-1']]);
		const second = applyChatEvents(first.cursor, [ev('e1', 'c1', 1000, 'client'), ev('e2', 'c1', 2000, 'client')], 2001);
		expect(second.messages.map((m) => [m.event.eventID, m.replySign, m.repeatContact])).toEqual([['e2', 'sign-1', 2]]);
	});

	it('marks a buyer message answered when the seller replied later in the same read, and resets the count', () => {
		const cursor = newChatCursor(false, 0);
		const { messages, cursor: next } = applyChatEvents(
			cursor,
			[ev('b1', 'c1', 1, 'client'), ev('s1', 'c1', 2, 'seller'), ev('b2', 'c1', 3, 'client')],
			4,
		);
		expect(messages.map((m) => [m.event.eventID, m.answered, m.repeatContact])).toEqual([
			['b1', true, 1],
			['b2', false, 1],
		]);
		expect(next.chats.c1.waiting).toBe(1);
	});

	it('ignores duplicated events across pages and events of other senders', () => {
		const cursor = newChatCursor(false, 0);
		const { messages } = applyChatEvents(cursor, [ev('b1', 'c1', 1, 'client'), ev('b1', 'c1', 1, 'client'), ev('w1', 'c1', 2, 'other')], 3);
		expect(messages).toHaveLength(1);
	});

	it('starts from now when asked', () => {
		expect(newChatCursor(true, 12345).next).toBe(12345);
		expect(newChatCursor(false, 12345).next).toBeUndefined();
	});

	it('forgets the oldest chats beyond the limit', () => {
		const events = Array.from({ length: MAX_REMEMBERED_CHATS + 5 }, (_, i) => ev(`e${i}`, `c${i}`, i + 1, 'client'));
		const { cursor } = applyChatEvents(newChatCursor(false, 0), events, MAX_REMEMBERED_CHATS + 10);
		expect(Object.keys(cursor.chats)).toHaveLength(MAX_REMEMBERED_CHATS);
		expect(cursor.chats.c0).toBeUndefined();
	});

	it('prunes seen ids far behind the cursor', () => {
		const { cursor } = applyChatEvents(newChatCursor(false, 0), [ev('old', 'c', 1, 'client'), ev('new', 'c', 200_000, 'client')], 200_001);
		expect(Object.keys(cursor.seen)).toEqual(['new']);
	});
});
