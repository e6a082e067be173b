import { applyChatEvents, newChatCursor, isChatCursor, type ChatCursor, type FeedEvent } from '../poll/chat-cursor';
import { compareIds, idString } from './json';
import { chatSender, isBuyerChat } from './normalise';
import type { RawChatInfo, RawChatMessage } from './schemas';

// Exactly-once intake of Ozon buyer chats by polling. Ozon has no events feed: /v3/chat/list gives each chat's
// `last_message_id`, /v3/chat/history its messages. The cursor keeps, per chat, the newest message id already
// handled; a poll reads the chat list and fetches history only for chats whose last message id moved. The list is
// taken to be ordered by latest activity (as the seller cabinet shows it; the spec does not say), so paging stops at
// the first chat with no news, and a poll with nothing new costs one request.
// That early stop is sound only if every chat above the stop point was dealt with when it was last seen. So a chat
// seen with news is queued in the cursor (`pending`) until its history has been read, whatever the page budget cut
// off, and a queued chat counts as dealt with for the stop; a list walk cut by the budget resumes where it stopped
// (`scan`) and walks to the end. A chat first seen counts messages from the poll that first saw it, not the one that
// reads it, so a late read loses nothing. `unread_only` is not used: a message read in the seller cabinet is still
// new for the workflow.
// Message ids are uint64 decimal strings and are compared as such. Repeat contacts and "answered" reuse the shared
// chat cursor (src/poll/chat-cursor.ts), fed with one event per message.

/** A chat seen with news whose history is still to be read. */
export interface PendingChat {
	/** last_message_id when last seen in the list: a chat still at it needs no new entry and does not stop paging */
	seen: string;
	/** newest id already handled: read forward from here */
	after?: string;
	/** first poll with the backlog: the first unread message */
	firstUnread?: string;
	/** first poll with the backlog, no first unread id given: every message read is new */
	backlog?: boolean;
	/** a chat first seen after the first poll: messages created from this time (ms) on are new */
	sinceMs?: number;
	unread: number;
}

/** A list walk cut by the page budget, resumed on the next poll and walked to the end. */
export interface ChatScan {
	cursor: string;
	/** the walk is the first poll's (chats not yet known are the backlog) */
	first: boolean;
	/** for chats first seen in the walk */
	sinceMs: number;
}

export interface OzonChatCursor {
	v: 1;
	/** ms, start of the last complete poll: a chat first seen later counts only messages from about then on. */
	polledAt: number;
	/** chat id → newest message id handled */
	last: Record<string, string>;
	feed: ChatCursor;
	/** chat id → what to read; insertion order is the reading order (oldest first) */
	pending?: Record<string, PendingChat>;
	scan?: ChatScan;
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

export interface ChatToRead extends Omit<PendingChat, 'seen'> {
	chatId: string;
	seen?: string;
}

export function sinceFor(cursor: OzonChatCursor): number {
	return cursor.polledAt - SINCE_SLACK_MS;
}

/**
 * What to read after one chat-list page. `isFirst` walks the first poll's list (no cursor yet, or a resumed walk of
 * it): chats not yet known are remembered, and those with unread messages are read when `includeExisting`. Later,
 * a chat whose last message moved past the handled one (or past where it was queued) is read, a chat first seen
 * from `sinceMs` on. `stop` says a chat with no news was met: under the latest-activity order, nothing below it is
 * new (only meaningful when the walk started at the top).
 */
export function planChatReads(
	cursor: OzonChatCursor,
	chats: RawChatInfo[],
	first: { isFirst: boolean; includeExisting: boolean; sinceMs?: number },
): { reads: ChatToRead[]; stop: boolean; remember: Record<string, string> } {
	const reads: ChatToRead[] = [];
	const remember: Record<string, string> = {};
	const pending = cursor.pending ?? {};
	let stop = false;
	for (const info of chats) {
		if (!isBuyerChat(info.chat.chat_type)) continue;
		const chatId = info.chat.chat_id;
		const lastId = idString(info.last_message_id);
		if (!lastId) continue;
		const unread = info.unread_count ?? 0;
		const known = cursor.last[chatId];
		const queued = pending[chatId];
		if (queued && compareIds(lastId, queued.seen) <= 0) {
			stop = true; // queued with this very message: read from the queue
			continue;
		}
		if (known !== undefined && compareIds(lastId, known) <= 0) {
			stop = true;
			continue;
		}
		if (known === undefined && first.isFirst) {
			remember[chatId] = lastId;
			if (first.includeExisting && unread > 0) {
				const firstUnread = idString(info.first_unread_message_id);
				reads.push({ chatId, seen: lastId, unread, ...(firstUnread ? { firstUnread } : { backlog: true }) });
			}
			continue;
		}
		if (known !== undefined) reads.push({ chatId, seen: lastId, unread, after: known });
		else reads.push({ chatId, seen: lastId, unread, sinceMs: first.sinceMs ?? sinceFor(cursor) });
	}
	return { reads, stop, remember };
}

/** Adds reads to the queue: a chat already queued keeps its place and what to read, only `seen` moves on. */
export function queueReads(pending: Record<string, PendingChat>, reads: ChatToRead[]): void {
	for (const { chatId, seen, ...rest } of reads) {
		const queued = pending[chatId];
		const at = seen ?? queued?.seen ?? rest.after ?? '0';
		if (queued) {
			if (compareIds(at, queued.seen) > 0) queued.seen = at;
			queued.unread = Math.max(queued.unread, rest.unread);
		} else pending[chatId] = { seen: at, ...rest };
	}
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

/**
 * Applies the messages read in one poll: returns the new buyer messages (each once) and the next cursor. `queue`
 * is what stays to be read (default: the cursor's queue without the chats read here) and the list walk to resume.
 */
export function applyChatBatches(
	cursor: OzonChatCursor,
	batches: ChatBatch[],
	remember: Record<string, string>,
	pollStartedMs: number,
	queue?: { pending: Record<string, PendingChat>; scan?: ChatScan },
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
			const read = batch.read;
			if (read.after !== undefined) fresh = compareIds(id, read.after) > 0;
			else if (read.firstUnread !== undefined) fresh = compareIds(id, read.firstUnread) >= 0;
			else if (read.backlog || (read.sinceMs === undefined && remember[batch.chatId] !== undefined)) fresh = true;
			else fresh = msOf(m.created_at) >= (read.sinceMs ?? sinceFor(cursor));
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
	let pending: Record<string, PendingChat>;
	if (queue) pending = queue.pending;
	else {
		pending = { ...(cursor.pending ?? {}) };
		for (const b of batches) delete pending[b.chatId];
	}
	const ids = Object.keys(last).filter((id) => pending[id] === undefined);
	if (Object.keys(last).length > MAX_TRACKED_CHATS) {
		// Forget the chats quiet for longest; one that speaks again is read as a chat first seen now.
		const at = (id: string) => applied.cursor.chats[id]?.at ?? 0;
		ids.sort((a, b) => at(a) - at(b));
		for (const id of ids.slice(0, Math.max(0, Object.keys(last).length - MAX_TRACKED_CHATS))) delete last[id];
	}
	// The shared cursor's `events` carry no further use here: the per-chat ids above keep the place.
	const next: OzonChatCursor = { v: 1, polledAt: pollStartedMs, last, feed: applied.cursor };
	if (Object.keys(pending).length) next.pending = pending;
	if (queue?.scan) next.scan = queue.scan;
	return { messages, cursor: next };
}
