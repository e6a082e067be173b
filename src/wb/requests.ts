import { isDateTimeString, toEpochMillis } from './dates';
import { productCardPath } from './basket';
import type { WbHost } from './hosts';
import {
	WbInputError,
	optionalInteger,
	optionalUnixSeconds,
	quoteValue,
	requireBoolean,
	requireId,
	requireInteger,
	requireText,
} from './validation';

// One builder per WB call the nodes make. Builders only describe the request (host, method, path,
// query, JSON body or multipart fields) and check the inputs against the limits in the official specs
// (shared/specs/wb); the node does the HTTP. Limits quoted below are from those specs.

export { WbInputError } from './validation';
export { productCardPath, basketCandidates } from './basket';

export type WbMethod = 'GET' | 'POST' | 'PATCH';

export interface WbRequest {
	host: WbHost;
	method: WbMethod;
	path: string;
	qs?: Record<string, string | number | boolean>;
	body?: Record<string, unknown>;
	/** multipart/form-data text fields (the buyers chat takes its message this way, not as JSON) */
	form?: Record<string, string>;
	/** card host only: the basket number that fills `{basket}` in the base URL */
	basket?: string;
}

export type WbSortOrder = 'dateAsc' | 'dateDesc';

export interface ListFeedbacksParams {
	isAnswered: boolean;
	take: number;
	skip: number;
	order?: WbSortOrder;
	nmId?: number;
	/** Unix seconds */
	dateFrom?: number;
	/** Unix seconds */
	dateTo?: number;
}

export type ListQuestionsParams = ListFeedbacksParams;

const FEEDBACK_TAKE_MAX = 5000;
const FEEDBACK_SKIP_MAX = 199990;
const QUESTION_WINDOW_MAX = 10000;
const FEEDBACK_ANSWER_MIN = 2;
const FEEDBACK_ANSWER_MAX = 5000;
const CHAT_MESSAGE_MAX = 1000;
const REPLY_SIGN_MAX = 255;
const FBS_LIMIT_MAX = 1000;
const FBS_STATUS_IDS_MAX = 1000;
const FBS_RANGE_MAX_SECONDS = 30 * 24 * 60 * 60;

function sortOrder(value: unknown): WbSortOrder | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value === 'dateAsc' || value === 'dateDesc') return value;
	throw new WbInputError('order', `order must be "dateAsc" or "dateDesc" (got ${quoteValue(value)})`);
}

function dateRange(params: { dateFrom?: unknown; dateTo?: unknown }): { dateFrom?: number; dateTo?: number } {
	const dateFrom = optionalUnixSeconds('dateFrom', params.dateFrom);
	const dateTo = optionalUnixSeconds('dateTo', params.dateTo);
	if (dateFrom !== undefined && dateTo !== undefined && dateFrom > dateTo) {
		throw new WbInputError('dateFrom', `dateFrom must not be after dateTo (got ${dateFrom} > ${dateTo})`);
	}
	return { dateFrom, dateTo };
}

function listQuery(
	params: ListFeedbacksParams,
	take: number,
	skip: number,
): Record<string, string | number | boolean> {
	const qs: Record<string, string | number | boolean> = {
		isAnswered: requireBoolean('isAnswered', params.isAnswered),
		take,
		skip,
	};
	const order = sortOrder(params.order);
	if (order !== undefined) qs.order = order;
	const nmId = optionalInteger('nmId', params.nmId, 1, Number.MAX_SAFE_INTEGER);
	if (nmId !== undefined) qs.nmId = nmId;
	const { dateFrom, dateTo } = dateRange(params);
	if (dateFrom !== undefined) qs.dateFrom = dateFrom;
	if (dateTo !== undefined) qs.dateTo = dateTo;
	return qs;
}

/** `GET /api/v1/feedbacks`: take 1..5000, skip 0..199990. */
export function listFeedbacks(params: ListFeedbacksParams): WbRequest {
	const take = requireInteger('take', params.take, 1, FEEDBACK_TAKE_MAX);
	const skip = requireInteger('skip', params.skip, 0, FEEDBACK_SKIP_MAX);
	return { host: 'feedbacks', method: 'GET', path: '/api/v1/feedbacks', qs: listQuery(params, take, skip) };
}

export function getFeedback(id: string): WbRequest {
	return { host: 'feedbacks', method: 'GET', path: '/api/v1/feedback', qs: { id: requireId('id', id) } };
}

function feedbackAnswerBody(id: string, text: string): Record<string, unknown> {
	return {
		id: requireId('id', id),
		text: requireText('text', text, FEEDBACK_ANSWER_MIN, FEEDBACK_ANSWER_MAX),
	};
}

/** `POST /api/v1/feedbacks/answer` (204). WB does not check the id: a wrong one fails silently. */
export function answerFeedback(id: string, text: string): WbRequest {
	return { host: 'feedbacks', method: 'POST', path: '/api/v1/feedbacks/answer', body: feedbackAnswerBody(id, text) };
}

/** `PATCH /api/v1/feedbacks/answer`: allowed once, within 60 days of the first answer. */
export function editFeedbackAnswer(id: string, text: string): WbRequest {
	return { host: 'feedbacks', method: 'PATCH', path: '/api/v1/feedbacks/answer', body: feedbackAnswerBody(id, text) };
}

/** `GET /api/v1/questions`: take 1..10000 and take + skip ≤ 10000. */
export function listQuestions(params: ListQuestionsParams): WbRequest {
	const take = requireInteger('take', params.take, 1, QUESTION_WINDOW_MAX);
	const skip = requireInteger('skip', params.skip, 0, QUESTION_WINDOW_MAX);
	if (take + skip > QUESTION_WINDOW_MAX) {
		throw new WbInputError(
			'skip',
			`take + skip must not exceed ${QUESTION_WINDOW_MAX} (got ${take} + ${skip} = ${take + skip})`,
		);
	}
	return { host: 'feedbacks', method: 'GET', path: '/api/v1/questions', qs: listQuery(params, take, skip) };
}

export function getQuestion(id: string): WbRequest {
	return { host: 'feedbacks', method: 'GET', path: '/api/v1/question', qs: { id: requireId('id', id) } };
}

// The spec gives no length limit for question answers; only emptiness is refused here and WB moderates
// the rest.
/** `PATCH /api/v1/questions` with state `wbRu`: publishes an answer, or edits it (once, within 60 days). */
export function answerQuestion(id: string, text: string): WbRequest {
	return {
		host: 'feedbacks',
		method: 'PATCH',
		path: '/api/v1/questions',
		body: { id: requireId('id', id), answer: { text: requireText('text', text, 1) }, state: 'wbRu' },
	};
}

/**
 * `PATCH /api/v1/questions` with state `none`: rejects the question (it is hidden from buyers). The spec
 * makes `answer.text` required for this body too, so a rejection needs a text.
 */
export function rejectQuestion(id: string, text: string): WbRequest {
	return {
		host: 'feedbacks',
		method: 'PATCH',
		path: '/api/v1/questions',
		body: { id: requireId('id', id), answer: { text: requireText('text', text, 1) }, state: 'none' },
	};
}

export function markQuestionViewed(id: string): WbRequest {
	return {
		host: 'feedbacks',
		method: 'PATCH',
		path: '/api/v1/questions',
		body: { id: requireId('id', id), wasViewed: true },
	};
}

export function countUnansweredFeedbacks(): WbRequest {
	return { host: 'feedbacks', method: 'GET', path: '/api/v1/feedbacks/count-unanswered' };
}

export function countUnansweredQuestions(): WbRequest {
	return { host: 'feedbacks', method: 'GET', path: '/api/v1/questions/count-unanswered' };
}

/** `GET /api/v1/new-feedbacks-questions`: a cheap "anything new?" probe before listing. */
export function newFeedbacksQuestions(): WbRequest {
	return { host: 'feedbacks', method: 'GET', path: '/api/v1/new-feedbacks-questions' };
}

export function listChats(): WbRequest {
	return { host: 'chat', method: 'GET', path: '/api/v1/seller/chats' };
}

// WB answers 400 'Invalid value for "next"' to 0; a value below 10^11 would be a date in 1973 if read as
// milliseconds, so it is almost certainly seconds passed by mistake.
const NEXT_MS_MIN = 1e11;

/**
 * `GET /api/v1/seller/events`: call without `next` first, then with the returned `next` (Unix ms) until
 * `totalEvents` is 0.
 */
export function chatEvents(next?: number): WbRequest {
	const request: WbRequest = { host: 'chat', method: 'GET', path: '/api/v1/seller/events' };
	if (next === undefined || next === null) return request;
	const n = requireInteger('next', next, 1, Number.MAX_SAFE_INTEGER);
	if (n < NEXT_MS_MIN) {
		throw new WbInputError('next', `next must be a Unix timestamp in milliseconds (got ${n}, which looks like seconds)`);
	}
	return { ...request, qs: { next: n } };
}

/**
 * `POST /api/v1/seller/message` as multipart/form-data. `replySign` comes from the chat list or from an
 * event with `isNewChat: true` — not the chat ID.
 */
export function sendChatMessage(replySign: string, message: string): WbRequest {
	return {
		host: 'chat',
		method: 'POST',
		path: '/api/v1/seller/message',
		form: {
			replySign: requireId('replySign', replySign, REPLY_SIGN_MAX),
			message: requireText('message', message, 1, CHAT_MESSAGE_MAX),
		},
	};
}

export interface ListFbsOrdersParams {
	limit: number;
	/** 0 for the first page, then the `next` of the previous answer */
	next: number;
	/** Unix seconds */
	dateFrom?: number;
	/** Unix seconds */
	dateTo?: number;
}

/** `GET /api/v3/orders`: limit 1..1000, next required, at most 30 days per request, last 3 months only. */
export function listFbsOrders(params: ListFbsOrdersParams): WbRequest {
	const limit = requireInteger('limit', params.limit, 1, FBS_LIMIT_MAX);
	const next = requireInteger('next', params.next, 0, Number.MAX_SAFE_INTEGER);
	const { dateFrom, dateTo } = dateRange(params);
	if (dateFrom !== undefined && dateTo !== undefined && dateTo - dateFrom > FBS_RANGE_MAX_SECONDS) {
		const days = Math.ceil((dateTo - dateFrom) / 86400);
		throw new WbInputError('dateTo', `dateFrom..dateTo must span at most 30 days (got about ${days} days)`);
	}
	const qs: Record<string, string | number | boolean> = { limit, next };
	if (dateFrom !== undefined) qs.dateFrom = dateFrom;
	if (dateTo !== undefined) qs.dateTo = dateTo;
	return { host: 'marketplace', method: 'GET', path: '/api/v3/orders', qs };
}

/** `POST /api/v3/orders/status`: 1..1000 order IDs (duplicates are dropped). */
export function fbsOrderStatuses(ids: number[]): WbRequest {
	if (!Array.isArray(ids)) {
		throw new WbInputError('ids', `ids must be an array of order IDs (got ${quoteValue(ids)})`);
	}
	const orders: number[] = [];
	ids.forEach((id, index) => {
		const n = requireInteger(`ids[${index}]`, id, 1, Number.MAX_SAFE_INTEGER);
		if (!orders.includes(n)) orders.push(n);
	});
	if (orders.length < 1 || orders.length > FBS_STATUS_IDS_MAX) {
		throw new WbInputError('ids', `ids must hold 1–${FBS_STATUS_IDS_MAX} order IDs (got ${orders.length})`);
	}
	return { host: 'marketplace', method: 'POST', path: '/api/v3/orders/status', body: { orders } };
}

// RFC 3339 as the statistics API takes it: a date, or a date-time with optional fraction and offset.
// Without an offset WB reads Moscow time (UTC+3).
const RFC3339_LIKE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export interface SupplierOrdersParams {
	/** RFC 3339 date or date-time; Moscow time when it has no offset */
	dateFrom: string;
	/** 0 (default): rows changed since dateFrom; 1: every order placed on dateFrom's day */
	flag?: 0 | 1;
}

/** `GET /api/v1/supplier/orders` (statistics): all orders, FBO and FBS, kept 90 days. */
export function supplierOrders(params: SupplierOrdersParams): WbRequest {
	const dateFrom = typeof params.dateFrom === 'string' ? params.dateFrom.trim() : params.dateFrom;
	if (typeof dateFrom !== 'string' || !RFC3339_LIKE.test(dateFrom) || !isDateTimeString(dateFrom)) {
		throw new WbInputError(
			'dateFrom',
			`dateFrom must be an RFC 3339 date or date-time such as "2026-08-01" or "2026-08-01T10:00:00+03:00" (got ${quoteValue(params.dateFrom)})`,
		);
	}
	const qs: Record<string, string | number | boolean> = { dateFrom };
	if (params.flag !== undefined && params.flag !== null) {
		if (params.flag !== 0 && params.flag !== 1) {
			throw new WbInputError('flag', `flag must be 0 or 1 (got ${quoteValue(params.flag)})`);
		}
		qs.flag = params.flag;
	}
	return { host: 'statistics', method: 'GET', path: '/api/v1/supplier/orders', qs };
}

/** The public card JSON (no token). Without a basket the table's primary guess is used. */
export function productCard(nmId: number, basket?: string): WbRequest {
	const card = productCardPath(nmId);
	if (basket !== undefined && !/^\d{2,3}$/.test(basket)) {
		throw new WbInputError('basket', `basket must be a basket number such as "01" (got ${quoteValue(basket)})`);
	}
	return { host: 'card', method: 'GET', path: card.path, basket: basket ?? card.basket };
}

/** For node parameters given as dates: ISO string (UTC when it has no offset), Date or Unix seconds → Unix seconds. */
export function toUnixSeconds(value: string | number | Date, field = 'date'): number {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new WbInputError(field, `${field} is not a valid date`);
		return Math.floor(value.getTime() / 1000);
	}
	if (typeof value === 'number') return optionalUnixSeconds(field, value) as number;
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
		return optionalUnixSeconds(field, value.trim()) as number;
	}
	if (typeof value === 'string' && isDateTimeString(value)) {
		return Math.floor(toEpochMillis(value) / 1000);
	}
	throw new WbInputError(field, `${field} must be a date such as "2026-08-01T10:00:00Z" (got ${quoteValue(value)})`);
}

export interface ListArchivedFeedbacksParams {
	take: number;
	skip: number;
	order?: WbSortOrder;
	nmId?: number;
}

/**
 * `GET /api/v1/feedbacks/archive`: reviews WB moved out of the working list (answered, unanswered for 30 days, or
 * without text and photo). take 1..5000; the spec gives no date filter here, so callers filter by date themselves.
 */
export function listArchivedFeedbacks(params: ListArchivedFeedbacksParams): WbRequest {
	const take = requireInteger('take', params.take, 1, FEEDBACK_TAKE_MAX);
	const skip = requireInteger('skip', params.skip, 0, FEEDBACK_SKIP_MAX);
	const qs: Record<string, string | number | boolean> = { take, skip };
	const order = sortOrder(params.order);
	if (order !== undefined) qs.order = order;
	const nmId = optionalInteger('nmId', params.nmId, 1, Number.MAX_SAFE_INTEGER);
	if (nmId !== undefined) qs.nmId = nmId;
	return { host: 'feedbacks', method: 'GET', path: '/api/v1/feedbacks/archive', qs };
}
