import { interactionId, interactionSchema, type Interaction } from '../interaction';
import { MOSCOW_ZONE, millisToIsoUtc, tryIsoUtc } from './dates';
import { WbResponseError } from './parse';
import type { RawChat, RawChatEvent, RawFeedback, RawQuestion } from './schemas';

// Raw WB items → the product's Interaction (shared/reference/taxonomy.md), one per review, question or
// buyer chat message.

// The nodes import parsing and normalising from this one module.
export {
	WbResponseError,
	parseFeedbackList,
	parseFeedbackListLenient,
	parseFeedback,
	parseQuestionList,
	parseQuestionListLenient,
	parseQuestion,
	parseUnansweredCount,
	parseNewFeedbacksQuestions,
	assertFeedbacksActionOk,
	parseChatEvents,
	parseChatEventsLenient,
	parseChats,
	parseSendMessageResult,
	parseFbsOrders,
	parseOrderStatuses,
	parseSupplierOrders,
	parseCard,
	type SkippedItem,
	type FeedbackList,
	type FeedbackListLenient,
	type QuestionList,
	type QuestionListLenient,
	type ChatEventsPage,
	type ChatEventsPageLenient,
	type SendMessageResult,
} from './parse';
export type { ProductCard, RawFeedback, RawQuestion, RawChatEvent, RawChat, RawFbsOrder, RawOrderStatus, RawSupplierOrder } from './schemas';
export {
	normaliseFbsOrder,
	normaliseSupplierOrder,
	withFbsStatuses,
	findOrderByNumber,
	normaliseOrderNumber,
	type WbOrder,
	type WbOrderKey,
	type WbOrderMatch,
} from './orders';

// Names WB or buyers use when there is no real name; greeting "Покупатель, здравствуйте!" reads badly,
// so these are treated as no name.
const PLACEHOLDER_NAMES = new Set(['покупатель', 'покупательница', 'клиент', 'аноним', 'анонимно', 'anonymous', 'buyer', 'customer']);

export function realBuyerName(name: string | null | undefined): string | undefined {
	const trimmed = (name ?? '').trim();
	if (trimmed === '' || PLACEHOLDER_NAMES.has(trimmed.toLowerCase())) return undefined;
	return trimmed;
}

function clean(text: string | null | undefined): string {
	return (text ?? '').trim();
}

function isoUtc(value: string, field: string, zoneWhenMissing = MOSCOW_ZONE): string {
	const iso = tryIsoUtc(value, zoneWhenMissing);
	if (iso === undefined) throw new WbResponseError(field, `expected a date-time, received ${JSON.stringify(value)}`);
	return iso;
}

function validated(interaction: Interaction): Interaction {
	const result = interactionSchema.safeParse(interaction);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new WbResponseError(issue.path.join('.') || '(root)', issue.message);
	}
	return result.data;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
	return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function nmIdString(nmId: number | null | undefined): string | undefined {
	return nmId === null || nmId === undefined ? undefined : String(nmId);
}

// ---- reviews ----

/**
 * What the buyer wrote: the main text, then pros and cons labelled as WB labels them on the site, only
 * the parts that are not empty, one per line. Nothing is cut: a 5000-character review stays whole.
 */
export function feedbackText(raw: Pick<RawFeedback, 'text' | 'pros' | 'cons'>): string {
	const parts: string[] = [];
	const text = clean(raw.text);
	const pros = clean(raw.pros);
	const cons = clean(raw.cons);
	if (text !== '') parts.push(text);
	if (pros !== '') parts.push(`Достоинства: ${pros}`);
	if (cons !== '') parts.push(`Недостатки: ${cons}`);
	return parts.join('\n');
}

/** A star rating with no words at all: invisible on the card and usually left unanswered. */
export function isRatingOnly(raw: Pick<RawFeedback, 'text' | 'pros' | 'cons'>): boolean {
	return feedbackText(raw) === '';
}

export interface NormaliseOptions {
	/**
	 * Which list pass the item came from (`isAnswered` of the request). WB has returned empty answer
	 * texts for answered reviews, so the pass is the more reliable signal; it wins when given.
	 */
	isAnswered?: boolean;
}

function validRating(value: number | null | undefined): number | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : undefined;
}

export function normaliseFeedback(raw: RawFeedback, options: NormaliseOptions = {}): Interaction {
	const details = raw.productDetails ?? undefined;
	const answered = options.isAnswered ?? (raw.answer != null || raw.state === 'wbRu');
	return validated({
		id: interactionId('wb', 'review', raw.id),
		marketplace: 'wb',
		channel: 'review',
		externalId: raw.id,
		text: feedbackText(raw),
		...optional('rating', validRating(raw.productValuation)),
		...optional('productId', nmIdString(details?.nmId)),
		...optional('productName', clean(details?.productName) || undefined),
		...optional('buyerName', realBuyerName(raw.userName)),
		createdAt: isoUtc(raw.createdDate, 'createdDate'),
		answered,
		raw,
	});
}

// ---- questions ----

export function normaliseQuestion(raw: RawQuestion, options: NormaliseOptions = {}): Interaction {
	const details = raw.productDetails ?? undefined;
	// state: suppliersPortalSynch = new, wbRu = answered, none = rejected by the seller (dealt with too)
	const stateAnswered =
		raw.state === 'wbRu' || raw.state === 'none' ? true : raw.state === 'suppliersPortalSynch' ? false : undefined;
	const answered = options.isAnswered ?? stateAnswered ?? raw.answer != null;
	return validated({
		id: interactionId('wb', 'question', raw.id),
		marketplace: 'wb',
		channel: 'question',
		externalId: raw.id,
		text: clean(raw.text),
		...optional('productId', nmIdString(details?.nmId)),
		...optional('productName', clean(details?.productName) || undefined),
		...optional('buyerName', realBuyerName(raw.userName)),
		createdAt: isoUtc(raw.createdDate, 'createdDate'),
		answered,
		raw,
	});
}

// ---- buyers chat ----

export type ChatEventKind = 'buyerMessage' | 'sellerMessage' | 'wbMessage' | 'unknown';

export interface ChatEventClass {
	kind: ChatEventKind;
	/** why the event is not a buyer message, for the trigger's log */
	reason?: string;
}

export function classifyChatEvent(event: Pick<RawChatEvent, 'eventType' | 'sender'>): ChatEventClass {
	const type = event.eventType ?? undefined;
	if (type !== 'message') {
		return { kind: 'unknown', reason: type === undefined ? 'no eventType' : `unknown eventType '${type}'` };
	}
	switch (event.sender) {
		case 'client':
			return { kind: 'buyerMessage' };
		case 'seller':
			return { kind: 'sellerMessage', reason: 'sent by the seller' };
		case 'wb':
			return { kind: 'wbMessage', reason: 'sent by Wildberries' };
		case undefined:
		case null:
			return { kind: 'unknown', reason: 'no sender' };
		default:
			return { kind: 'unknown', reason: `unknown sender '${event.sender}'` };
	}
}

export type ChatAttachmentKind = 'goodCard' | 'files' | 'images';

export function chatAttachmentKinds(event: RawChatEvent): ChatAttachmentKind[] {
	const attachments = event.message?.attachments;
	if (!attachments) return [];
	const kinds: ChatAttachmentKind[] = [];
	if (attachments.goodCard) kinds.push('goodCard');
	if (attachments.files && attachments.files.length > 0) kinds.push('files');
	if (attachments.images && attachments.images.length > 0) kinds.push('images');
	return kinds;
}

/** The event as WB sent it, plus what a reply needs and what the text alone does not show. */
export type WbChatRaw = Omit<RawChatEvent, 'replySign'> & {
	/** the chat's reply signature when known (from the event itself or from the chat list) */
	replySign?: string;
	/** attachments present on the message; a message with only attachments has text '' */
	attachmentKinds: ChatAttachmentKind[];
};

/**
 * A buyer's chat message as an Interaction, or `null` for anything else (seller or WB messages, unknown
 * event types): call classifyChatEvent for the reason. `orderNumber` is `goodCard.rid`, which equals
 * `srid` in the statistics reports and `rid` in FBS orders. WB sends `replySign` only on the first event
 * of a new chat; pass the one from the chat list so a reply is possible for every message.
 */
export function normaliseChatEvent(event: RawChatEvent, options: { replySign?: string } = {}): Interaction | null {
	if (classifyChatEvent(event).kind !== 'buyerMessage') return null;
	const goodCard = event.message?.attachments?.goodCard;
	const replySign = clean(event.replySign) || clean(options.replySign) || undefined;
	const raw: WbChatRaw = { ...event, replySign, attachmentKinds: chatAttachmentKinds(event) };
	if (replySign === undefined) delete raw.replySign;
	return validated({
		id: interactionId('wb', 'chat', event.eventID),
		marketplace: 'wb',
		channel: 'chat',
		externalId: event.eventID,
		text: clean(event.message?.text),
		...optional('productId', nmIdString(goodCard?.nmID)),
		...optional('buyerName', realBuyerName(event.clientName)),
		chatId: event.chatID,
		...optional('orderNumber', clean(goodCard?.rid) || undefined),
		createdAt: millisToIsoUtc(event.addTimestamp),
		answered: false,
		raw,
	});
}

/** chatID → replySign from the chat list, to pass to normaliseChatEvent. */
export function chatReplySigns(chats: readonly RawChat[]): Record<string, string> {
	const signs: Record<string, string> = {};
	for (const chat of chats) {
		const sign = clean(chat.replySign);
		if (sign !== '') signs[chat.chatID] = sign;
	}
	return signs;
}
