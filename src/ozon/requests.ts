// Ozon Seller API request builders: pure, one per method, checked against the official spec
// (shared/specs/ozon/seller-api.trimmed.json). Every Ozon call is a POST with a JSON body to one host.
//
// Where the spec disagrees with shared/reference/marketplace-apis.md, the spec wins (shared/specs/README.md):
// - reviews use the v2 methods (/v1/review/list, info, count, change-status and comment/delete are deprecated);
//   review statuses are NEW | VIEWED | PROCESSED, not UNPROCESSED;
// - /v3/chat/list takes chat_status ALL | OPENED | CLOSED (upper case);
// - subscriptions: reviews need "Review management" (Управление отзывами) or Premium Pro, questions need
//   Premium Plus, sending and marking chats read need Premium Plus or Premium Pro — not "Premium Plus for all".

import { idString } from './json';
import { OzonInputError, requireId, requireNumericId, requirePostingNumber, requireText } from './validation';

export const OZON_PRODUCTION_BASE_URL = 'https://api-seller.ozon.ru';

/** Which paid subscription opens a method; errors on gated methods say which one is missing. */
export type OzonGate = 'reviews' | 'questions' | 'premiumChat';

export interface OzonRequest {
	method: 'POST';
	path: string;
	body: Record<string, unknown>;
	gate?: OzonGate;
	/** Reads can be retried freely; a write is retried only when it can be verified. */
	read: boolean;
}

function post(path: string, body: Record<string, unknown>, read: boolean, gate?: OzonGate): OzonRequest {
	return gate ? { method: 'POST', path, body, gate, read } : { method: 'POST', path, body, read };
}

// ---- reviews ----
export const REVIEW_STATUSES = ['NEW', 'VIEWED', 'PROCESSED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ListReviewsParams {
	status?: ReviewStatus | 'ALL';
	/** ISO date-time */
	publishedFrom?: string;
	lastId?: string;
	/** 20..100 (the spec's bounds) */
	limit?: number;
	sortDir?: 'ASC' | 'DESC';
	skus?: string[];
}

export function listReviews(p: ListReviewsParams = {}): OzonRequest {
	const limit = p.limit ?? 100;
	if (!Number.isInteger(limit) || limit < 20 || limit > 100) throw new OzonInputError('limit', `limit must be an integer from 20 to 100 (got ${limit})`);
	const filters: Record<string, unknown> = { status: p.status ?? 'ALL' };
	if (p.publishedFrom) filters.published_from = p.publishedFrom;
	if (p.skus?.length) filters.skus = p.skus;
	const body: Record<string, unknown> = { filters, limit, sort_dir: p.sortDir ?? 'ASC' };
	if (p.lastId) body.last_id = p.lastId;
	return post('/v2/review/list', body, true, 'reviews');
}

export function getReview(reviewId: unknown): OzonRequest {
	return post('/v2/review/info', { review_id: requireId('Review ID', reviewId) }, true, 'reviews');
}

export function countReviews(): OzonRequest {
	return post('/v2/review/count', {}, true, 'reviews');
}

// The spec gives no length limit for review comments, so only an empty text is refused here; a bound Ozon sets
// later comes back as its own error message.
export const REVIEW_COMMENT_MAX = 100_000;

export function createReviewComment(reviewId: unknown, text: unknown, markProcessed = true, parentCommentId?: string): OzonRequest {
	const body: Record<string, unknown> = {
		review_id: requireId('Review ID', reviewId),
		text: requireText('Text', text, 1, REVIEW_COMMENT_MAX),
		mark_review_as_processed: markProcessed,
	};
	if (parentCommentId) body.parent_comment_id = parentCommentId;
	return post('/v1/review/comment/create', body, false, 'reviews');
}

export function listReviewComments(reviewId: unknown, limit = 100, offset = 0): OzonRequest {
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new OzonInputError('Limit', `Limit must be an integer from 1 to 100 (got ${limit})`);
	return post('/v1/review/comment/list', { review_id: requireId('Review ID', reviewId), limit, offset, sort_dir: 'ASC' }, true, 'reviews');
}

export function changeReviewStatus(reviewIds: unknown[], status: unknown): OzonRequest {
	const ids = reviewIds.map((id, i) => requireId(`Review ID ${i + 1}`, id));
	if (!ids.length) throw new OzonInputError('Review IDs', 'Review IDs must list at least one review');
	if (!REVIEW_STATUSES.includes(status as ReviewStatus)) {
		throw new OzonInputError('Status', `Status must be one of ${REVIEW_STATUSES.join(', ')} (got ${JSON.stringify(status)})`);
	}
	return post('/v2/review/change-status', { review_ids: ids, status }, false, 'reviews');
}

// ---- questions ----
export const QUESTION_STATUSES = ['NEW', 'VIEWED', 'PROCESSED', 'UNPROCESSED', 'ALL'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const ANSWER_MIN = 2;
export const ANSWER_MAX = 3000;

export interface ListQuestionsParams {
	status?: QuestionStatus;
	dateFrom?: string;
	lastId?: string;
	limit?: number;
	sortDir?: 'ASC' | 'DESC';
}

export function listQuestions(p: ListQuestionsParams = {}): OzonRequest {
	const limit = p.limit ?? 100;
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new OzonInputError('limit', `limit must be an integer from 1 to 100 (got ${limit})`);
	const filter: Record<string, unknown> = { status: p.status ?? 'ALL' };
	if (p.dateFrom) filter.date_from = p.dateFrom;
	const body: Record<string, unknown> = { filter, limit, sort_dir: p.sortDir ?? 'ASC' };
	if (p.lastId) body.last_id = p.lastId;
	return post('/v1/question/list', body, true, 'questions');
}

export function getQuestion(questionId: unknown): OzonRequest {
	return post('/v1/question/info', { question_id: requireId('Question ID', questionId) }, true, 'questions');
}

export function answerQuestion(questionId: unknown, sku: unknown, text: unknown): OzonRequest {
	return post(
		'/v1/question/answer/create',
		{
			question_id: requireId('Question ID', questionId),
			// int64 in the spec; sent as a number when it is exact, as a string (protobuf JSON mapping) otherwise
			sku: exactNumber(requireNumericId('SKU', sku)),
			text: requireText('Text', text, ANSWER_MIN, ANSWER_MAX),
		},
		false,
		'questions',
	);
}

export function listQuestionAnswers(questionId: unknown, sku: unknown): OzonRequest {
	return post(
		'/v1/question/answer/list',
		{ question_id: requireId('Question ID', questionId), sku: exactNumber(requireNumericId('SKU', sku)) },
		true,
		'questions',
	);
}

// ---- chats ----
export const CHAT_MESSAGE_MAX = 1000;

export function listChats(p: { cursor?: string; limit?: number; status?: 'ALL' | 'OPENED' | 'CLOSED'; unreadOnly?: boolean } = {}): OzonRequest {
	const limit = p.limit ?? 100;
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new OzonInputError('limit', `limit must be an integer from 1 to 100 (got ${limit})`);
	const body: Record<string, unknown> = { filter: { chat_status: p.status ?? 'ALL', unread_only: p.unreadOnly ?? false }, limit };
	if (p.cursor) body.cursor = p.cursor;
	return post('/v3/chat/list', body, true);
}

export function chatHistory(
	chatId: unknown,
	p: { direction?: 'Forward' | 'Backward'; fromMessageId?: string; limit?: number } = {},
): OzonRequest {
	const limit = p.limit ?? 100;
	if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new OzonInputError('Limit', `Limit must be an integer from 1 to 1000 (got ${limit})`);
	const direction = p.direction ?? 'Backward';
	const body: Record<string, unknown> = { chat_id: requireId('Chat ID', chatId), direction, limit };
	if (p.fromMessageId !== undefined) body.from_message_id = exactNumber(requireNumericId('From Message ID', p.fromMessageId));
	else if (direction === 'Forward') throw new OzonInputError('From Message ID', 'From Message ID is required when reading a chat forward (the spec requires it for direction Forward)');
	return post('/v3/chat/history', body, true);
}

export function sendChatMessage(chatId: unknown, text: unknown): OzonRequest {
	return post(
		'/v1/chat/send/message',
		{ chat_id: requireId('Chat ID', chatId), text: requireText('Message', text, 1, CHAT_MESSAGE_MAX) },
		false,
		'premiumChat',
	);
}

export function markChatRead(chatId: unknown, fromMessageId?: unknown): OzonRequest {
	const body: Record<string, unknown> = { chat_id: requireId('Chat ID', chatId) };
	if (fromMessageId !== undefined && fromMessageId !== null && fromMessageId !== '') {
		body.from_message_id = exactNumber(requireNumericId('From Message ID', fromMessageId));
	}
	return post('/v2/chat/read', body, false, 'premiumChat');
}

// ---- postings and products ----
export function getFbsPosting(postingNumber: unknown): OzonRequest {
	return post(
		'/v3/posting/fbs/get',
		{ posting_number: requirePostingNumber('Posting Number', postingNumber), with: { analytics_data: true, financial_data: false } },
		true,
	);
}

export function getFboPosting(postingNumber: unknown): OzonRequest {
	return post('/v2/posting/fbo/get', { posting_number: requirePostingNumber('Posting Number', postingNumber), with: { analytics_data: true } }, true);
}

export type ProductKey = 'sku' | 'offer_id' | 'product_id';

export function productInfo(key: ProductKey, values: unknown[]): OzonRequest {
	const ids = values.map((v, i) => (key === 'offer_id' ? requireId(`Offer ID ${i + 1}`, v) : requireNumericId(`${key === 'sku' ? 'SKU' : 'Product ID'} ${i + 1}`, v)));
	if (!ids.length) throw new OzonInputError('Product IDs', 'Give at least one product identifier');
	if (ids.length > 1000) throw new OzonInputError('Product IDs', `Ozon accepts at most 1000 identifiers per request (got ${ids.length})`);
	return post('/v3/product/info/list', { [key]: ids }, true);
}

/** A decimal id as a JSON number when that is exact, else as a string (Ozon accepts both for 64-bit fields). */
export function exactNumber(id: string): number | string {
	const n = Number(id);
	return Number.isSafeInteger(n) && idString(n) === id ? n : id;
}
