import type { Marketplace } from '../interaction';
import { findOrderNumbers, extractOrderNumber, type OrderNumberCandidate } from '../orders/order-number';
import type { LinkRecord } from './record';

// WB chats carry no order id, so the seller asks the buyer for the number, once per chat, and remembers the
// order once it is fetched. Every chat message lands in one of four places:
//   found          — the buyer wrote an order number (or the chat itself names its order): fetch it;
//   ask            — no number, never linked, never asked in this chat: ask for it;
//   alreadyLinked  — no new number, the chat's order is known: answer with its context;
//   alreadyAsked   — no number, asked before, not linked yet: answer without asking again.
// Several messages of one chat can arrive in one poll; the decision for each sees what the earlier ones
// decided, so a chat is never asked twice in one batch either.

export const LINK_OUTCOMES = ['found', 'ask', 'alreadyLinked', 'alreadyAsked'] as const;
export type LinkOutcome = (typeof LINK_OUTCOMES)[number];

export interface LinkMessage {
	/** Interaction id, for error messages. */
	id: string;
	marketplace: Marketplace;
	chatId: string;
	text: string;
	/** A number the marketplace attached to the chat itself (WB: the rid of the chat's product card). */
	orderNumber?: string;
}

export interface LinkDecision {
	outcome: LinkOutcome;
	/** found: the number to fetch; alreadyLinked: the linked one. */
	orderNumber?: string;
	/** Where the number came from. */
	source?: 'text' | 'chat' | 'stored';
	/** Every order number read in the text, look-alikes already rejected. */
	candidates: OrderNumberCandidate[];
	/** The record as it is after this message (the one to write back). */
	record: LinkRecord;
}

/** Two spellings of one number ("№ 3360-0861-120" and "33600861120") compare equal. */
export function sameOrderNumber(a: string, b: string): boolean {
	const norm = (s: string) => {
		const t = s.trim().replace(/^(?:№|#)\s*/, '');
		return (/^\d[\d\s-]*\d$/.test(t) && !/^\d{8,10}-\d{4}(?:-\d{1,2})?$/.test(t) ? t.replace(/[\s-]/g, '') : t).toLowerCase();
	};
	return norm(a) === norm(b);
}

export function decideLink(message: LinkMessage, stored: LinkRecord, now: string): LinkDecision {
	const candidates = findOrderNumbers(message.text, message.marketplace);
	const fromText = candidates.length > 0 ? extractOrderNumber(message.text, message.marketplace) : null;
	const fromChat = message.orderNumber?.trim() || undefined;
	const linked = stored.orderNumber;
	const given = fromText ?? fromChat;
	const source = fromText ? 'text' : 'chat';

	if (given !== undefined && given !== null) {
		// The same number again is no news; a different one is a new order to fetch (buyers have several).
		if (linked && sameOrderNumber(given, linked)) {
			return { outcome: 'alreadyLinked', orderNumber: linked, source: 'stored', candidates, record: stored };
		}
		// The chat's own card names an order, but the buyer already linked another one by hand: keep theirs.
		if (linked && source === 'chat') {
			return { outcome: 'alreadyLinked', orderNumber: linked, source: 'stored', candidates, record: stored };
		}
		return { outcome: 'found', orderNumber: given, source, candidates, record: stored };
	}
	if (linked) return { outcome: 'alreadyLinked', orderNumber: linked, source: 'stored', candidates, record: stored };
	if (stored.askedAt) return { outcome: 'alreadyAsked', candidates, record: stored };
	return { outcome: 'ask', candidates, record: { ...stored, askedAt: now } };
}

/**
 * Decides a batch in order. A message's decision is applied to its chat's record before the next message of
 * the same chat is decided: an ask marks the chat asked, a found number marks it linked to that number.
 */
export function decideLinks(messages: ReadonlyArray<{ message: LinkMessage; stored: LinkRecord }>, now: string): LinkDecision[] {
	const seen = new Map<string, LinkRecord>();
	return messages.map(({ message, stored }) => {
		const current = seen.get(message.chatId) ?? stored;
		const decision = decideLink(message, current, now);
		const after: LinkRecord =
			decision.outcome === 'found'
				? { chatId: current.chatId, askedAt: current.askedAt, orderNumber: decision.orderNumber, linkedAt: now }
				: decision.record;
		seen.set(message.chatId, after);
		return decision;
	});
}
