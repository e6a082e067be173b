import { interactionId, interactionSchema, type HistoryEntry, type Interaction } from '../interaction';
import type { RawChat, RawChatContext, RawChatMessage, RawFeedback, RawQuestion } from './schemas';

// Market items → the product's Interaction (shared/reference/taxonomy.md). `raw` keeps what Market sent; for chats
// also the chat's context (order, buyer) and `repeatContact`, as WB's chats carry theirs.

function clean(text: string | undefined | null): string {
	return (text ?? '').replace(/\r\n?/g, '\n').trim();
}

function isoUtc(value: string, field: string): string {
	const ms = Date.parse(value);
	if (!Number.isFinite(ms)) throw new Error(`Yandex Market sent an invalid ${field}: ${JSON.stringify(value)}`);
	return new Date(ms).toISOString();
}

function validated(candidate: Interaction): Interaction {
	return interactionSchema.parse(candidate);
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
	return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}

/** Market shows the comment first, then the pros and cons; labelled as the site labels them, empty parts left out. */
export function feedbackText(raw: Pick<RawFeedback, 'description'>): string {
	const d = raw.description ?? {};
	const parts: string[] = [];
	if (clean(d.comment)) parts.push(clean(d.comment));
	if (clean(d.advantages)) parts.push(`Достоинства: ${clean(d.advantages)}`);
	if (clean(d.disadvantages)) parts.push(`Недостатки: ${clean(d.disadvantages)}`);
	return parts.join('\n');
}

export function isRatingOnly(raw: Pick<RawFeedback, 'description'>): boolean {
	return feedbackText(raw) === '';
}

export function normaliseFeedback(raw: RawFeedback): Interaction {
	const orderId = raw.identifiers?.orderId;
	return validated({
		id: interactionId('ym', 'review', String(raw.feedbackId)),
		marketplace: 'ym',
		channel: 'review',
		externalId: String(raw.feedbackId),
		text: feedbackText(raw),
		rating: raw.statistics.rating,
		...optional('productId', raw.identifiers?.offerId),
		...optional('buyerName', clean(raw.author) || undefined),
		...optional('orderNumber', orderId !== undefined ? String(orderId) : undefined),
		createdAt: isoUtc(raw.createdAt, 'createdAt'),
		// needReaction is Market's own "the seller has not reacted yet"
		answered: !raw.needReaction,
		raw,
	});
}

export function normaliseQuestion(raw: RawQuestion, options: { answered: boolean }): Interaction {
	return validated({
		id: interactionId('ym', 'question', String(raw.questionIdentifiers.id)),
		marketplace: 'ym',
		channel: 'question',
		externalId: String(raw.questionIdentifiers.id),
		text: clean(raw.text),
		productId: raw.questionIdentifiers.offerId,
		...optional('buyerName', clean(raw.author?.name) || undefined),
		createdAt: isoUtc(raw.createdAt, 'createdAt'),
		answered: options.answered,
		raw,
	});
}

export function isBuyerMessage(m: Pick<RawChatMessage, 'sender'>): boolean {
	return m.sender === 'CUSTOMER';
}

export function isSellerMessage(m: Pick<RawChatMessage, 'sender'>): boolean {
	return m.sender === 'PARTNER';
}

/** Message text, or the names of the files when the buyer sent only files. */
export function messageText(m: RawChatMessage): string {
	const text = clean(m.message);
	if (text) return text;
	const files = (m.payload ?? []).map((p) => p.name).filter(Boolean);
	return files.length ? `[файлы: ${files.join(', ')}]` : '';
}

export interface ChatMessageContext {
	chat?: RawChat;
	context?: RawChatContext;
	history?: HistoryEntry[];
	answered: boolean;
	repeatContact?: number;
}

/** One buyer chat message. The externalId is `<chatId>-<messageId>` so replies and dedupe are per message. */
export function normaliseChatMessage(chatId: number | string, m: RawChatMessage, c: ChatMessageContext): Interaction {
	const context = c.context ?? c.chat?.context;
	const orderId = context?.orderId ?? c.chat?.orderId;
	return validated({
		id: interactionId('ym', 'chat', `${chatId}-${m.messageId}`),
		marketplace: 'ym',
		channel: 'chat',
		externalId: `${chatId}-${m.messageId}`,
		text: messageText(m),
		...optional('buyerId', context?.customer?.publicId),
		...optional('buyerName', clean(context?.customer?.name) || undefined),
		chatId: String(chatId),
		...optional('orderNumber', orderId !== undefined ? String(orderId) : undefined),
		createdAt: isoUtc(m.createdAt, 'createdAt'),
		answered: c.answered,
		...(c.history && c.history.length ? { history: c.history } : {}),
		raw: {
			...m,
			chatId: Number(chatId),
			...(context ? { context } : {}),
			...(c.chat ? { chatType: c.chat.type, chatStatus: c.chat.status } : {}),
			...(c.repeatContact !== undefined ? { repeatContact: c.repeatContact } : {}),
		},
	});
}

export function historyEntry(m: RawChatMessage): HistoryEntry | undefined {
	if (!isBuyerMessage(m) && !isSellerMessage(m)) return undefined;
	return { from: isBuyerMessage(m) ? 'buyer' : 'seller', text: messageText(m), at: isoUtc(m.createdAt, 'createdAt') };
}
