import type { RawChat, RawChatMessage } from './schemas';
import { isBuyerMessage, isSellerMessage } from './normalise';

// Exactly-once intake of Market chats. Market has no events feed: the chat list says which chats changed
// (`updatedAt`), and each changed chat's history holds the messages. Per chat the cursor keeps the last `updatedAt`
// seen and the highest message id handled, so a poll where nothing changed costs one list request, and a restart,
// a repeated page or a re-read history emits nothing twice. Message ids grow within a chat.

export interface YmChatMemory {
	/** ISO updatedAt of the chat when it was last read in full. */
	updatedAt: string;
	/** Highest message id already handled (emitted or skipped). */
	lastMessageId?: number;
	/** Buyer messages since the last seller message. */
	waiting: number;
}

export interface YmChatCursor {
	v: 1;
	/** "Start from now": messages created before this (ms) are never emitted. */
	notBefore?: number;
	chats: Record<string, YmChatMemory>;
}

export const MAX_REMEMBERED_YM_CHATS = 5000;

export function newYmChatCursor(startFromNow: boolean, nowMs: number): YmChatCursor {
	return startFromNow ? { v: 1, notBefore: nowMs, chats: {} } : { v: 1, chats: {} };
}

export function isYmChatCursor(value: unknown): value is YmChatCursor {
	const c = value as YmChatCursor;
	return !!c && typeof c === 'object' && c.v === 1 && !!c.chats && typeof c.chats === 'object';
}

/** Chats whose history must be read: unknown ones, and known ones whose `updatedAt` moved. Deduplicated. */
export function chatsToRead(cursor: YmChatCursor, chats: RawChat[]): RawChat[] {
	const picked = new Map<string, RawChat>();
	for (const chat of chats) {
		const key = String(chat.chatId);
		const memory = cursor.chats[key];
		if (memory && Date.parse(memory.updatedAt) >= Date.parse(chat.updatedAt)) continue;
		const already = picked.get(key);
		if (!already || Date.parse(already.updatedAt) < Date.parse(chat.updatedAt)) picked.set(key, chat);
	}
	return [...picked.values()];
}

export interface NewBuyerMessage {
	message: RawChatMessage;
	/** Buyer messages without a seller reply in this chat, this one included. */
	repeatContact: number;
	/** A seller message came after it in what was read. */
	answered: boolean;
}

/**
 * Applies one chat's history (any order, duplicates allowed): returns the buyer messages not handled before and
 * the chat's new memory. With `notBefore`, older messages are marked handled without being emitted.
 */
export function applyChatHistory(
	cursor: YmChatCursor,
	chat: Pick<RawChat, 'chatId' | 'updatedAt'>,
	messages: RawChatMessage[],
): { fresh: NewBuyerMessage[]; memory: YmChatMemory } {
	const previous = cursor.chats[String(chat.chatId)];
	const memory: YmChatMemory = previous ? { ...previous, updatedAt: chat.updatedAt } : { updatedAt: chat.updatedAt, waiting: 0 };
	const byId = new Map<number, RawChatMessage>();
	for (const m of messages) byId.set(m.messageId, m);
	const ordered = [...byId.values()].sort((a, b) => a.messageId - b.messageId);
	const fresh: NewBuyerMessage[] = [];
	for (const m of ordered) {
		if (memory.lastMessageId !== undefined && m.messageId <= memory.lastMessageId) continue;
		memory.lastMessageId = m.messageId;
		if (isBuyerMessage(m)) {
			memory.waiting += 1;
			const old = cursor.notBefore !== undefined && Date.parse(m.createdAt) < cursor.notBefore;
			if (!old) fresh.push({ message: m, repeatContact: memory.waiting, answered: false });
		} else if (isSellerMessage(m)) {
			memory.waiting = 0;
			for (const f of fresh) f.answered = true;
		}
	}
	return { fresh, memory };
}

/** The cursor with updated chats, the oldest forgotten beyond the bound. */
export function withChats(cursor: YmChatCursor, updates: Record<string, YmChatMemory>): YmChatCursor {
	const chats = { ...cursor.chats, ...updates };
	const ids = Object.keys(chats);
	if (ids.length > MAX_REMEMBERED_YM_CHATS) {
		ids.sort((a, b) => Date.parse(chats[a].updatedAt) - Date.parse(chats[b].updatedAt));
		for (const id of ids.slice(0, ids.length - MAX_REMEMBERED_YM_CHATS)) delete chats[id];
	}
	return { ...cursor, chats };
}
