import { applyChatEvents, newChatCursor, isChatCursor, type ChatCursor, type FeedEvent } from '../poll/chat-cursor';
import { compareIds, idString } from './json';
import { chatSender, isBuyerChat } from './normalise';
import type { RawChatInfo, RawChatMessage } from './schemas';

// Exactly-once intake of Ozon buyer chats by polling. Ozon has no events feed: /v3/chat/list gives each chat's
// `last_message_id`, /v3/chat/history its messages. The cursor keeps, per chat, the newest message id already
// handled; a poll reads the chat list and fetches history only for chats whose last message id moved. The list is
// taken to be ordered by latest activity (as the seller cabinet shows it; the spec does not say), so paging stops at
// the first page that holds a chat with no news, and a poll with nothing new costs one request.
// Message ids are uint64 decimal strings and are compared as such. Repeat contacts and "answered" reuse the shared
// chat cursor (src/poll/chat-cursor.ts), fed with one event per message.

export interface OzonChatCursor {
	v: 1;
	/** ms, start of the last complete poll: a chat first seen later counts only messages from about then on. */
	polledAt: number;
	/** chat id → newest message id handled */
	last: Record<string, string>;
	feed: ChatCursor;
}

export const MAX_TRACKED_CHATS = 5000;
/** Ozon's clock and ours differ: a chat first seen now counts messages from a minute before the previous poll. */
const SINCE_SLACK_MS = 60_000;

export function isOzonChatCursor(value: unknown): value is OzonChatCursor {
	const c = value as OzonChatCursor;
	return !!c && typeof c === 'object' && c.v === 1 && typeof c.polledAt === 'number' && !!c.last && isChatCursor(c.feed);
}

export function newOzonChatCursor(nowMs: number): OzonChatCursor {
	return { v: 1, polledAt: nowMs, last: {}, feed: newChatCursor(true, nowMs) };
}

export interface ChatToRead {
	chatId: string;
	/** newest id already handled: read forward from here */
	after?: string;
	/** first poll with the backlog: the first unread message */
	firstUnread?: string;
	unread: number;
}

/**
 * What to fetch after one chat-list page. `first` is the first poll (no cursor yet): then only chats with unread
 * messages are read when `includeExisting`, and none otherwise. `stop` says the following pages hold no news.
 */
export function planChatReads(
	cursor: OzonChatCursor,
	chats: RawChatInfo[],
	first: { isFirst: boolean; includeExisting: boolean },
): { reads: ChatToRead[]; stop: boolean; remember: Record<string, string> } {
	const reads: ChatToRead[] = [];
	const remember: Record<string, string> = {};
	let stop = false;
	for (const info of chats) {
		if (!isBuyerChat(info.chat.chat_type)) continue;
		const chatId = info.chat.chat_id;
		const lastId = idString(info.last_message_id);
		if (!lastId) continue;
		const unread = info.unread_count ?? 0;
		if (first.isFirst) {
			remember[chatId] = lastId;
			if (first.includeExisting && unread > 0) {
				const firstUnread = idString(info.first_unread_message_id);
				reads.push({ chatId, unread, ...(firstUnread ? { firstUnread } : {}) });
			}
			continue;
		}
		const known = cursor.last[chatId];
		if (known !== undefined && compareIds(lastId, known) <= 0) {
			stop = true;
			continue;
		}
		reads.push({ chatId, unread, ...(known !== undefined ? { after: known } : {}) });
	}
	return { reads, stop, remember };
}

export interface ChatBatch {
	chatId: string;
	read: ChatToRead;
	messages: RawChatMessage[];
}

export interface NewChatMessage {
	chatId: string;
	message: RawChatMessage;
	messageId: string;
	repeatContact: number;
	answered: boolean;
	/** earlier messages of this chat read in this poll, oldest first */
	history: Array<{ from: 'buyer' | 'seller'; text: string; at: string }>;
}

function msOf(iso: string): number {
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? ms : 0;
}

/** Applies the messages read in one poll: returns the new buyer messages (each once) and the next cursor. */
export function applyChatBatches(
	cursor: OzonChatCursor,
	batches: ChatBatch[],
	remember: Record<string, string>,
	pollStartedMs: number,
): { messages: NewChatMessage[]; cursor: OzonChatCursor } {
	const last = { ...cursor.last, ...remember };
	const events: Array<FeedEvent & { message: RawChatMessage; messageId: string }> = [];
	const historyOf = new Map<string, Array<{ id: string; from: 'buyer' | 'seller'; text: string; at: string }>>();
	for (const batch of batches) {
		const sorted = batch.messages
			.map((m) => ({ m, id: idString(m.message_id) }))
			.filter((x): x is { m: RawChatMessage; id: string } => x.id !== undefined)
			.sort((a, b) => compareIds(a.id, b.id));
		const seenHere = new Set<string>();
		const history: Array<{ id: string; from: 'buyer' | 'seller'; text: string; at: string }> = [];
		for (const { m, id } of sorted) {
			if (seenHere.has(id)) continue;
			seenHere.add(id);
			const sender = chatSender(m.user.type);
			const text = (m.data ?? []).join('\n').trim();
			let fresh: boolean;
			if (batch.read.after !== undefined) fresh = compareIds(id, batch.read.after) > 0;
			else if (batch.read.firstUnread !== undefined) fresh = compareIds(id, batch.read.firstUnread) >= 0;
			else if (remember[batch.chatId] !== undefined) fresh = true; // first poll, unread chat without first_unread id
			else fresh = msOf(m.created_at) >= cursor.polledAt - SINCE_SLACK_MS;
			if (fresh) {
				events.push({
					eventID: id,
					chatID: batch.chatId,
					addTimestamp: msOf(m.created_at),
					sender: sender === 'buyer' ? 'client' : sender,
					message: m,
					messageId: id,
				});
			}
			if (sender !== 'other' && text) history.push({ id, from: sender, text, at: new Date(msOf(m.created_at)).toISOString() });
			if (last[batch.chatId] === undefined || compareIds(id, last[batch.chatId]) > 0) last[batch.chatId] = id;
		}
		historyOf.set(batch.chatId, history);
	}
	const applied = applyChatEvents(cursor.feed, events, pollStartedMs);
	const messages: NewChatMessage[] = applied.messages.map((m) => {
		const history = (historyOf.get(m.event.chatID) ?? []).filter((h) => compareIds(h.id, m.event.messageId) < 0).map(({ from, text, at }) => ({ from, text, at }));
		return {
			chatId: m.event.chatID,
			message: m.event.message,
			messageId: m.event.messageId,
			repeatContact: m.repeatContact,
			answered: m.answered,
			history,
		};
	});
	const ids = Object.keys(last);
	if (ids.length > MAX_TRACKED_CHATS) {
		// Forget the chats quiet for longest; one that speaks again is read as a chat first seen now.
		const at = (id: string) => applied.cursor.chats[id]?.at ?? 0;
		ids.sort((a, b) => at(a) - at(b));
		for (const id of ids.slice(0, ids.length - MAX_TRACKED_CHATS)) delete last[id];
	}
	// The shared cursor's `events` carry no further use here: the per-chat ids above keep the place.
	return { messages, cursor: { v: 1, polledAt: pollStartedMs, last, feed: applied.cursor } };
}
