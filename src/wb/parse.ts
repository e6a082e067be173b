import { z } from 'zod';
import { parseMaybeJson, wbErrorText } from './errors';
import {
	chatEnvelopeSchema,
	chatEventsResultSchema,
	feedbackListDataSchema,
	feedbacksEnvelopeSchema,
	fbsOrdersSchema,
	newFeedbacksQuestionsSchema,
	orderStatusesSchema,
	questionListDataSchema,
	rawCardSchema,
	rawChatEventSchema,
	rawChatSchema,
	rawFeedbackSchema,
	rawQuestionSchema,
	sendMessageResultSchema,
	supplierOrdersSchema,
	unansweredCountSchema,
	type ProductCard,
	type RawCard,
	type RawChat,
	type RawChatEvent,
	type RawFbsOrder,
	type RawFeedback,
	type RawOrderStatus,
	type RawQuestion,
	type RawSupplierOrder,
} from './schemas';

// Parsers for WB answers. A body that does not have the documented shape throws WbResponseError naming
// the offending field (`data.feedbacks[3].createdDate: expected string, received number`); an error
// envelope throws with WB's own text. The *Lenient variants keep a list when single items are broken
// and report what they skipped, so a trigger loses one review, not the whole poll.

export class WbResponseError extends Error {
	/** where in the body the problem is, e.g. `data.feedbacks[3].createdDate`; `(root)` for the body itself */
	readonly path: string;
	/** what is wrong there */
	readonly reason: string;
	/** WB's own error text when the body is an error envelope */
	readonly apiErrorText?: string;

	constructor(path: string, reason: string, apiErrorText?: string) {
		super(
			apiErrorText !== undefined
				? `Wildberries returned an error: ${apiErrorText}`
				: `Unexpected Wildberries response: ${path}: ${reason}`,
		);
		this.name = 'WbResponseError';
		this.path = path;
		this.reason = reason;
		this.apiErrorText = apiErrorText;
	}
}

export interface SkippedItem {
	/** position in the list WB sent */
	index: number;
	/** the item's own ID when it has a readable one */
	id?: string;
	/** `createdDate: expected string, received number` */
	reason: string;
}

export function formatPath(path: readonly (string | number)[], prefix = ''): string {
	let out = prefix;
	for (const segment of path) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else out += out === '' ? segment : `.${segment}`;
	}
	return out === '' ? '(root)' : out;
}

function describeType(value: string): string {
	return value === 'null' ? 'null' : value;
}

export function issueReason(issue: z.ZodIssue): string {
	if (issue.code === z.ZodIssueCode.invalid_type) {
		if (issue.received === 'undefined') return `missing (expected ${describeType(issue.expected)})`;
		return `expected ${describeType(issue.expected)}, received ${describeType(issue.received)}`;
	}
	if (issue.code === z.ZodIssueCode.too_small && issue.type === 'string') return 'must not be empty';
	const message = issue.message;
	return message.charAt(0).toLowerCase() + message.slice(1);
}

function firstIssue(error: z.ZodError, prefix = ''): { path: string; reason: string } {
	// zod reports every problem; the first one is enough to point the user at the field
	const issue = error.issues[0];
	return { path: formatPath(issue.path, prefix), reason: issueReason(issue) };
}

function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, prefix = ''): T {
	const result = schema.safeParse(value);
	if (!result.success) {
		const { path, reason } = firstIssue(result.error, prefix);
		throw new WbResponseError(path, reason);
	}
	return result.data;
}

function readBody(body: unknown): unknown {
	const parsed = parseMaybeJson(body);
	if (typeof parsed === 'string') {
		const text = parsed.trim();
		const reason =
			text.startsWith('{') || text.startsWith('[')
				? 'the body is not valid JSON (truncated?)'
				: `expected a JSON body, received text${text === '' ? ' (empty)' : ''}`;
		throw new WbResponseError('(root)', reason);
	}
	if (parsed === undefined || parsed === null) throw new WbResponseError('(root)', 'the body is empty');
	return parsed;
}

// ---- feedbacks-api envelope ----

/** The `data` of a feedbacks-api answer; throws WB's text when the envelope says `error: true`. */
function feedbacksData(body: unknown): unknown {
	const envelope = parseWith(feedbacksEnvelopeSchema, readBody(body));
	if (envelope.error === true) {
		throw new WbResponseError('error', 'the answer is an error', wbErrorText(envelope) ?? 'unknown error (error: true without errorText)');
	}
	if (envelope.data === undefined || envelope.data === null) {
		throw new WbResponseError('data', 'missing (expected object)');
	}
	return envelope.data;
}

function lenientItems<T>(
	items: unknown[],
	schema: z.ZodType<T, z.ZodTypeDef, unknown>,
	idField: string,
): { items: T[]; skipped: SkippedItem[] } {
	const kept: T[] = [];
	const skipped: SkippedItem[] = [];
	items.forEach((item, index) => {
		const result = schema.safeParse(item);
		if (result.success) {
			kept.push(result.data);
			return;
		}
		const { path, reason } = firstIssue(result.error);
		const rawId =
			item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[idField] : undefined;
		const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
		skipped.push({ index, ...(id !== undefined ? { id } : {}), reason: `${path}: ${reason}` });
	});
	return { items: kept, skipped };
}

function strictItems<T>(items: unknown[], schema: z.ZodType<T, z.ZodTypeDef, unknown>, prefix: string): T[] {
	return items.map((item, index) => parseWith(schema, item, `${prefix}[${index}]`));
}

export interface FeedbackList {
	feedbacks: RawFeedback[];
	countUnanswered?: number;
	countArchive?: number;
}

export interface FeedbackListLenient extends FeedbackList {
	skipped: SkippedItem[];
}

function feedbackListData(body: unknown) {
	return parseWith(feedbackListDataSchema, feedbacksData(body), 'data');
}

function counts(data: { countUnanswered?: number | null; countArchive?: number | null }) {
	return {
		...(data.countUnanswered != null ? { countUnanswered: data.countUnanswered } : {}),
		...(data.countArchive != null ? { countArchive: data.countArchive } : {}),
	};
}

/** `GET /api/v1/feedbacks` and `/api/v1/feedbacks/archive`. Any malformed review throws. */
export function parseFeedbackList(body: unknown): FeedbackList {
	const data = feedbackListData(body);
	return { feedbacks: strictItems(data.feedbacks, rawFeedbackSchema, 'data.feedbacks'), ...counts(data) };
}

/** As parseFeedbackList, but a malformed review is skipped and reported instead of failing the list. */
export function parseFeedbackListLenient(body: unknown): FeedbackListLenient {
	const data = feedbackListData(body);
	const { items, skipped } = lenientItems(data.feedbacks, rawFeedbackSchema, 'id');
	return { feedbacks: items, skipped, ...counts(data) };
}

/** `GET /api/v1/feedback?id=` */
export function parseFeedback(body: unknown): RawFeedback {
	return parseWith(rawFeedbackSchema, feedbacksData(body), 'data');
}

export interface QuestionList {
	questions: RawQuestion[];
	countUnanswered?: number;
	countArchive?: number;
}

export interface QuestionListLenient extends QuestionList {
	skipped: SkippedItem[];
}

function questionListData(body: unknown) {
	return parseWith(questionListDataSchema, feedbacksData(body), 'data');
}

/** `GET /api/v1/questions` */
export function parseQuestionList(body: unknown): QuestionList {
	const data = questionListData(body);
	return { questions: strictItems(data.questions, rawQuestionSchema, 'data.questions'), ...counts(data) };
}

export function parseQuestionListLenient(body: unknown): QuestionListLenient {
	const data = questionListData(body);
	const { items, skipped } = lenientItems(data.questions, rawQuestionSchema, 'id');
	return { questions: items, skipped, ...counts(data) };
}

/** `GET /api/v1/question?id=` */
export function parseQuestion(body: unknown): RawQuestion {
	return parseWith(rawQuestionSchema, feedbacksData(body), 'data');
}

/** `GET /api/v1/feedbacks/count-unanswered` and `/api/v1/questions/count-unanswered` */
export function parseUnansweredCount(body: unknown): { countUnanswered: number; countUnansweredToday?: number } {
	const data = parseWith(unansweredCountSchema, feedbacksData(body), 'data');
	return {
		countUnanswered: data.countUnanswered,
		...(data.countUnansweredToday != null ? { countUnansweredToday: data.countUnansweredToday } : {}),
	};
}

/** `GET /api/v1/new-feedbacks-questions` */
export function parseNewFeedbacksQuestions(body: unknown): { hasNewFeedbacks: boolean; hasNewQuestions: boolean } {
	const data = parseWith(newFeedbacksQuestionsSchema, feedbacksData(body), 'data');
	return { hasNewFeedbacks: data.hasNewFeedbacks, hasNewQuestions: data.hasNewQuestions };
}

/**
 * For the write calls of the feedbacks host: `POST`/`PATCH /api/v1/feedbacks/answer` answer 204 with no
 * body, while `PATCH /api/v1/questions` answers 200 with an envelope that can still say `error: true`.
 */
export function assertFeedbacksActionOk(body: unknown): void {
	const parsed = parseMaybeJson(body);
	if (parsed === undefined || parsed === null || (typeof parsed === 'string' && parsed.trim() === '')) return;
	const envelope = parseWith(feedbacksEnvelopeSchema, readBody(parsed));
	if (envelope.error === true) {
		throw new WbResponseError('error', 'the answer is an error', wbErrorText(envelope) ?? 'unknown error (error: true without errorText)');
	}
}

// ---- buyers chat ----

/** `result` of a buyer-chat answer; non-empty `errors` without a result is WB reporting a failure. */
function chatResult(body: unknown): unknown {
	const envelope = parseWith(chatEnvelopeSchema, readBody(body));
	const errors = envelope.errors ?? [];
	if (errors.length > 0) {
		throw new WbResponseError('errors', 'the answer is an error', errors.join('; '));
	}
	if (envelope.result === undefined || envelope.result === null) {
		throw new WbResponseError('result', 'missing (expected object)');
	}
	return envelope.result;
}

export interface ChatEventsPage {
	/** the cursor for the next call (Unix ms) */
	next: number;
	/** 0 means everything has been read */
	totalEvents: number;
	newestEventTime?: string;
	oldestEventTime?: string;
	events: RawChatEvent[];
}

export interface ChatEventsPageLenient extends ChatEventsPage {
	skipped: SkippedItem[];
}

function chatEventsResult(body: unknown) {
	return parseWith(chatEventsResultSchema, chatResult(body), 'result');
}

function eventsPage(result: ReturnType<typeof chatEventsResult>, events: RawChatEvent[], received: number): ChatEventsPage {
	return {
		next: result.next,
		totalEvents: result.totalEvents ?? received,
		...(result.newestEventTime ? { newestEventTime: result.newestEventTime } : {}),
		...(result.oldestEventTime ? { oldestEventTime: result.oldestEventTime } : {}),
		events,
	};
}

/** `GET /api/v1/seller/events` */
export function parseChatEvents(body: unknown): ChatEventsPage {
	const result = chatEventsResult(body);
	const raw = result.events ?? [];
	return eventsPage(result, strictItems(raw, rawChatEventSchema, 'result.events'), raw.length);
}

export function parseChatEventsLenient(body: unknown): ChatEventsPageLenient {
	const result = chatEventsResult(body);
	const raw = result.events ?? [];
	const { items, skipped } = lenientItems(raw, rawChatEventSchema, 'eventID');
	return { ...eventsPage(result, items, raw.length), skipped };
}

/** `GET /api/v1/seller/chats` */
export function parseChats(body: unknown): RawChat[] {
	const envelope = parseWith(chatEnvelopeSchema, readBody(body));
	// an explicit `result: null` with no errors is a seller without chats
	if (envelope.result === null && (envelope.errors ?? []).length === 0) return [];
	const result = chatResult(envelope);
	if (!Array.isArray(result)) throw new WbResponseError('result', `expected array, received ${typeof result}`);
	return strictItems(result, rawChatSchema, 'result');
}

export interface SendMessageResult {
	/** Unix ms */
	addTime?: number;
	chatId?: string;
	sign?: string;
	/** file upload problems WB reports next to an accepted message */
	errors: string[];
}

/** `POST /api/v1/seller/message` */
export function parseSendMessageResult(body: unknown): SendMessageResult {
	const envelope = parseWith(chatEnvelopeSchema, readBody(body));
	const errors = envelope.errors ?? [];
	if (envelope.result === undefined || envelope.result === null) {
		if (errors.length > 0) throw new WbResponseError('errors', 'the answer is an error', errors.join('; '));
		throw new WbResponseError('result', 'missing (expected object)');
	}
	const result = parseWith(sendMessageResultSchema, envelope.result, 'result');
	return {
		...(result.addTime != null ? { addTime: result.addTime } : {}),
		...(result.chatID ? { chatId: result.chatID } : {}),
		...(result.sign ? { sign: result.sign } : {}),
		errors,
	};
}

// ---- orders ----

function marketplaceBody(body: unknown): unknown {
	const parsed = readBody(body);
	const record = parsed as Record<string, unknown>;
	// marketplace errors are {code, message}; a 200 never carries them
	if (typeof record === 'object' && !Array.isArray(record) && typeof record.code === 'string' && typeof record.message === 'string') {
		throw new WbResponseError('code', 'the answer is an error', `${record.code}: ${record.message}`);
	}
	return parsed;
}

/** `GET /api/v3/orders` */
export function parseFbsOrders(body: unknown): { next: number; orders: RawFbsOrder[] } {
	const page = parseWith(fbsOrdersSchema, marketplaceBody(body));
	return { next: page.next, orders: page.orders };
}

/** `POST /api/v3/orders/status` */
export function parseOrderStatuses(body: unknown): RawOrderStatus[] {
	return parseWith(orderStatusesSchema, marketplaceBody(body)).orders;
}

/** `GET /api/v1/supplier/orders`; an empty array means everything has been read. */
export function parseSupplierOrders(body: unknown): RawSupplierOrder[] {
	const parsed = readBody(body);
	if (!Array.isArray(parsed) && typeof parsed === 'object' && 'errors' in (parsed as object)) {
		throw new WbResponseError('errors', 'the answer is an error', wbErrorText(parsed) ?? 'unknown error');
	}
	return parseWith(supplierOrdersSchema, parsed);
}

// ---- public product card ----

function optionValue(value: string | number | boolean | null | undefined): string {
	return value === null || value === undefined ? '' : String(value).trim();
}

function characteristicsOf(card: RawCard): { name: string; value: string }[] {
	// newer cards may carry only grouped_options; older ones only options
	const options = card.options && card.options.length > 0
		? card.options
		: (card.grouped_options ?? []).flatMap((group) => group.options ?? []);
	return options
		.map((option) => ({ name: option.name.trim(), value: optionValue(option.value) }))
		.filter((option) => option.name !== '' && option.value !== '');
}

function sizeTableOf(card: RawCard): ProductCard['sizeTable'] {
	const table = card.sizes_table;
	const values = table?.values ?? [];
	if (!table || values.length === 0) return null;
	return {
		columns: (table.details_props ?? []).map((column) => column.trim()),
		rows: values.map((row) => ({
			size: optionValue(row.tech_size),
			values: (row.details ?? []).map(optionValue),
		})),
	};
}

/** `https://basket-NN.wbbasket.ru/vol…/part…/<nmId>/info/ru/card.json` */
export function parseCard(body: unknown): ProductCard {
	const card = parseWith(rawCardSchema, readBody(body));
	const composition = (card.compositions ?? [])
		.map((item) => item.name.trim())
		.filter((name) => name !== '')
		.join(', ');
	const brand = card.selling?.brand_name?.trim();
	return {
		nmId: card.nm_id,
		name: (card.imt_name ?? '').trim(),
		subject: (card.subj_name ?? '').trim(),
		...(brand ? { brand } : {}),
		description: (card.description ?? '').trim(),
		characteristics: characteristicsOf(card),
		sizeTable: sizeTableOf(card),
		...(composition !== '' ? { composition } : {}),
	};
}
