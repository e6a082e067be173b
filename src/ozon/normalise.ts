import { interactionId, type HistoryEntry, type Interaction } from '../interaction';
import { idString } from './json';
import type { RawChatMessage, RawQuestion, RawReview } from './schemas';

// Raw Ozon items → the product's Interaction (shared/reference/taxonomy.md), one per review, question or buyer
// chat message; `raw` keeps Ozon's payload so a workflow can read any field Ozon sends.

function iso(value: string): string {
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? new Date(ms).toISOString() : value;
}

function clean(text: string | null | undefined): string {
	return (text ?? '').replace(/\r\n/g, '\n').trim();
}

/** A review counts as answered once the seller has processed it (commenting marks it PROCESSED by default). */
export function normaliseReview(raw: RawReview): Interaction {
	const out: Interaction = {
		id: interactionId('ozon', 'review', raw.id),
		marketplace: 'ozon',
		channel: 'review',
		externalId: raw.id,
		text: clean(raw.text),
		createdAt: iso(raw.published_at),
		answered: raw.status === 'PROCESSED',
		raw,
	};
	if (raw.rating !== undefined && raw.rating >= 1 && raw.rating <= 5) out.rating = raw.rating;
	if (raw.sku !== undefined) out.productId = raw.sku;
	return out;
}

export function isRatingOnlyReview(raw: RawReview): boolean {
	return clean(raw.text) === '' && !raw.photos_amount && !raw.videos_amount;
}

const ANONYMOUS = new Set(['покупатель', 'покупатель ozon', 'аноним', 'anonymous', 'customer', 'buyer']);

export function normaliseQuestion(raw: RawQuestion): Interaction {
	const out: Interaction = {
		id: interactionId('ozon', 'question', raw.id),
		marketplace: 'ozon',
		channel: 'question',
		externalId: raw.id,
		text: clean(raw.text),
		createdAt: iso(raw.published_at),
		answered: (raw.answers_count ?? 0) > 0 || raw.status === 'PROCESSED',
		raw,
	};
	if (raw.sku !== undefined) out.productId = raw.sku;
	const name = clean(raw.author_name);
	if (name && !ANONYMOUS.has(name.toLowerCase())) out.buyerName = name;
	return out;
}

export type ChatSender = 'buyer' | 'seller' | 'other';

/**
 * Who wrote a chat message. Ozon's documentation examples write "Сustomer" with a Cyrillic "С"; both spellings
 * are the buyer. Support, couriers, CRM and Ozon's own notifications are neither buyer nor seller.
 */
export function chatSender(userType: string | undefined): ChatSender {
	const t = (userType ?? '').replace(/\u0421/g, 'C').replace(/\u0441/g, 'c').toLowerCase();
	if (t === 'customer') return 'buyer';
	if (t === 'seller') return 'seller';
	return 'other';
}

/** Buyer chats only: support chats and Ozon's notification channels are not buyer conversations. */
export function isBuyerChat(chatType: string | undefined): boolean {
	const t = (chatType ?? '').toUpperCase();
	return t === 'BUYER_SELLER' || t === 'BUYER_SELLER_SELECT';
}

export function chatMessageText(data: string[] | null | undefined): string {
	return clean((data ?? []).join('\n'));
}

export interface ChatMessageContext {
	chatId: string;
	history?: HistoryEntry[];
	answered?: boolean;
	extraRaw?: Record<string, unknown>;
}

/**
 * One buyer message → Interaction. Since July 2025 Ozon attaches `context: {order_number, sku}` to chat messages,
 * so the order and product come with the message instead of being guessed from the text.
 */
export function normaliseChatMessage(raw: RawChatMessage, context: ChatMessageContext): Interaction {
	const messageId = idString(raw.message_id) ?? String(raw.message_id);
	const out: Interaction = {
		id: interactionId('ozon', 'chat', messageId),
		marketplace: 'ozon',
		channel: 'chat',
		externalId: messageId,
		text: chatMessageText(raw.data),
		chatId: context.chatId,
		createdAt: iso(raw.created_at),
		answered: context.answered ?? false,
		raw: { ...raw, chat_id: context.chatId, ...(context.extraRaw ?? {}) },
	};
	if (raw.user.id !== undefined && raw.user.id !== '') out.buyerId = raw.user.id;
	const order = clean(raw.context?.order_number ?? undefined);
	if (order) out.orderNumber = order;
	const sku = raw.context?.sku;
	if (sku !== undefined && sku !== null && sku !== '' && sku !== '0') out.productId = sku;
	if (context.history?.length) out.history = context.history;
	return out;
}
