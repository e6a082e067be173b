// Exactly-once intake of a chat events feed (WB `/api/v1/seller/events`): a `next` timestamp cursor plus the ids
// of events at the boundary, because the feed returns events at or after `next` and a page can end in the middle
// of one millisecond. Per chat it also remembers the reply sign (WB sends it only on a chat's first event) and how
// many buyer messages wait for a seller reply, so the classifier can see repeat contacts across polls.

export interface ChatCursor {
	v: 1;
	next?: number;
	/** eventID → addTimestamp (ms) for events near the cursor. */
	seen: Record<string, number>;
	chats: Record<string, ChatMemory>;
}

export interface ChatMemory {
	replySign?: string;
	/** Buyer messages since the last seller message. */
	waiting: number;
	/** Last event time (ms), for eviction. */
	at: number;
}

export interface FeedEvent {
	eventID: string;
	chatID: string;
	addTimestamp: number;
	sender: string;
	isNewChat?: boolean;
	replySign?: string;
}

export interface BuyerMessage<E extends FeedEvent> {
	event: E;
	replySign?: string;
	/** Buyer messages without a seller reply in this chat, this one included. */
	repeatContact: number;
	/** A seller message in the same chat came after this one within what was read. */
	answered: boolean;
}

export const MAX_REMEMBERED_CHATS = 2000;
const BOUNDARY_MS = 60_000;

export function newChatCursor(startFromNow: boolean, nowMs: number): ChatCursor {
	return startFromNow ? { v: 1, next: nowMs, seen: {}, chats: {} } : { v: 1, seen: {}, chats: {} };
}

export function isChatCursor(value: unknown): value is ChatCursor {
	const c = value as ChatCursor;
	return !!c && typeof c === 'object' && c.v === 1 && !!c.seen && !!c.chats;
}

/**
 * Applies the events read in one poll (all pages, in feed order) and returns the buyer messages to emit plus the
 * new cursor. Events already seen are ignored, so duplicated pages and re-reads after a restart emit nothing twice.
 */
export function applyChatEvents<E extends FeedEvent>(
	cursor: ChatCursor,
	events: E[],
	newNext: number | undefined,
): { messages: Array<BuyerMessage<E>>; cursor: ChatCursor } {
	const seen = { ...cursor.seen };
	const chats: Record<string, ChatMemory> = {};
	for (const [id, memory] of Object.entries(cursor.chats)) chats[id] = { ...memory };
	const fresh: E[] = [];
	const inBatch = new Set<string>();
	for (const e of events) {
		if (e.eventID in seen || inBatch.has(e.eventID)) continue;
		inBatch.add(e.eventID);
		fresh.push(e);
	}
	fresh.sort((a, b) => a.addTimestamp - b.addTimestamp);
	const messages: Array<BuyerMessage<E>> = [];
	const openByChat = new Map<string, Array<BuyerMessage<E>>>();
	for (const e of fresh) {
		const memory = (chats[e.chatID] ??= { waiting: 0, at: e.addTimestamp });
		memory.at = Math.max(memory.at, e.addTimestamp);
		if (e.replySign) memory.replySign = e.replySign;
		if (e.sender === 'client') {
			memory.waiting += 1;
			const message: BuyerMessage<E> = {
				event: e,
				replySign: memory.replySign,
				repeatContact: memory.waiting,
				answered: false,
			};
			messages.push(message);
			const open = openByChat.get(e.chatID) ?? [];
			open.push(message);
			openByChat.set(e.chatID, open);
		} else if (e.sender === 'seller') {
			memory.waiting = 0;
			for (const m of openByChat.get(e.chatID) ?? []) m.answered = true;
			openByChat.delete(e.chatID);
		}
		seen[e.eventID] = e.addTimestamp;
	}
	const next = newNext ?? cursor.next;
	if (next !== undefined) {
		for (const id of Object.keys(seen)) if (seen[id] < next - BOUNDARY_MS) delete seen[id];
	}
	const chatIds = Object.keys(chats);
	if (chatIds.length > MAX_REMEMBERED_CHATS) {
		chatIds.sort((a, b) => chats[a].at - chats[b].at);
		for (const id of chatIds.slice(0, chatIds.length - MAX_REMEMBERED_CHATS)) delete chats[id];
	}
	const result: ChatCursor = { v: 1, seen, chats };
	if (next !== undefined) result.next = next;
	return { messages, cursor: result };
}
