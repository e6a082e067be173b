import { YmInputError, requireId, requireLimit, requireText } from './validation';

// One builder per Partner API call the nodes make (shared/specs/ym/partner-api). Builders only describe the
// request (method, path, query, JSON body) and check the inputs against the spec's limits; the node does the HTTP.
//
// The spec paths carry a version prefix (/v1, /v2) that marketplace-apis.md leaves out; the spec wins. Paging uses
// the canonical `pageToken` query name (the spec lists `page_token` only as an accepted alias).

export { YmInputError } from './validation';

export type YmMethod = 'GET' | 'POST';

export interface YmRequest {
	method: YmMethod;
	path: string;
	qs?: Record<string, string | number>;
	body?: Record<string, unknown>;
	/** Reads are retried on 5xx and time-outs; writes only when the caller can check whether they landed. */
	write?: boolean;
}

export const FEEDBACK_PAGE_MAX = 50;
export const QUESTION_PAGE_MAX = 50;
export const CHAT_PAGE_MAX = 20;
export const HISTORY_PAGE_MAX = 100;
export const ORDER_PAGE_MAX = 50;
export const COMMENT_TEXT_MAX = 4096;
export const ANSWER_TEXT_MAX = 5000;
export const CHAT_MESSAGE_MAX = 4096;

export const CHAT_STATUSES = ['NEW', 'WAITING_FOR_CUSTOMER', 'WAITING_FOR_PARTNER', 'WAITING_FOR_ARBITER', 'WAITING_FOR_MARKET', 'FINISHED'] as const;
export type YmChatStatus = (typeof CHAT_STATUSES)[number];

function business(businessId: unknown): string {
	return `/businesses/${requireId('Business ID', businessId)}`;
}

function paging(pageToken: string | undefined, limit: number | undefined, max: number): Record<string, string | number> | undefined {
	const qs: Record<string, string | number> = {};
	if (pageToken) qs.pageToken = pageToken;
	const checked = requireLimit('limit', limit, max);
	if (checked !== undefined) qs.limit = checked;
	return Object.keys(qs).length ? qs : undefined;
}

// ---- goods feedback (reviews) ----

export interface ListFeedbacksParams {
	businessId: unknown;
	pageToken?: string;
	limit?: number;
	/** ISO date-time */
	dateTimeFrom?: string;
	reactionStatus?: 'ALL' | 'NEED_REACTION';
	ratingValues?: number[];
	offerIds?: string[];
	/** Up to 50; the spec forbids combining them with other filters. */
	feedbackIds?: unknown[];
}

export function listFeedbacks(p: ListFeedbacksParams): YmRequest {
	const body: Record<string, unknown> = {};
	if (p.feedbackIds?.length) {
		if (p.feedbackIds.length > 50) throw new YmInputError('feedbackIds', `feedbackIds takes at most 50 ids (got ${p.feedbackIds.length})`);
		body.feedbackIds = p.feedbackIds.map((id) => requireId('Feedback ID', id));
	} else {
		if (p.dateTimeFrom) body.dateTimeFrom = p.dateTimeFrom;
		if (p.reactionStatus) body.reactionStatus = p.reactionStatus;
		if (p.ratingValues?.length) body.ratingValues = p.ratingValues;
		if (p.offerIds?.length) {
			if (p.offerIds.length > 20) throw new YmInputError('offerIds', `Offer IDs take at most 20 values (got ${p.offerIds.length})`);
			body.offerIds = p.offerIds;
		}
	}
	return { method: 'POST', path: `/v2${business(p.businessId)}/goods-feedback`, qs: paging(p.pageToken, p.limit, FEEDBACK_PAGE_MAX), body };
}

export function getFeedback(businessId: unknown, feedbackId: unknown): YmRequest {
	return listFeedbacks({ businessId, feedbackIds: [feedbackId] });
}

export function listFeedbackComments(businessId: unknown, feedbackId: unknown, pageToken?: string): YmRequest {
	return {
		method: 'POST',
		path: `/v2${business(businessId)}/goods-feedback/comments`,
		qs: paging(pageToken, FEEDBACK_PAGE_MAX, FEEDBACK_PAGE_MAX),
		body: { feedbackId: requireId('Feedback ID', feedbackId) },
	};
}

/** Creates a seller comment (no `commentId`) or edits one (`commentId`). Text 1..4096 characters. */
export function updateFeedbackComment(p: { businessId: unknown; feedbackId: unknown; text: unknown; commentId?: unknown; parentId?: unknown }): YmRequest {
	const comment: Record<string, unknown> = { text: requireText('Text', p.text, 1, COMMENT_TEXT_MAX) };
	if (p.commentId !== undefined && p.commentId !== '') comment.id = requireId('Comment ID', p.commentId);
	if (p.parentId !== undefined && p.parentId !== '') comment.parentId = requireId('Parent Comment ID', p.parentId);
	return {
		method: 'POST',
		path: `/v2${business(p.businessId)}/goods-feedback/comments/update`,
		body: { feedbackId: requireId('Feedback ID', p.feedbackId), comment },
		write: true,
	};
}

// ---- goods questions ----

export interface ListQuestionsParams {
	businessId: unknown;
	pageToken?: string;
	limit?: number;
	/** YYYY-MM-DD: the filter takes dates, not times. */
	dateFrom?: string;
	needAnswer?: boolean;
	questionIds?: unknown[];
	sort?: 'CREATED_AT_DESC' | 'CREATED_AT_ASC';
}

export function listQuestions(p: ListQuestionsParams): YmRequest {
	const body: Record<string, unknown> = {};
	if (p.questionIds?.length) body.questionIds = p.questionIds.map((id) => requireId('Question ID', id));
	if (p.dateFrom) {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(p.dateFrom)) throw new YmInputError('dateFrom', `dateFrom must be a date YYYY-MM-DD (got "${p.dateFrom}")`);
		body.dateFrom = p.dateFrom;
	}
	if (p.needAnswer !== undefined) body.needAnswer = p.needAnswer;
	if (p.sort) body.sort = p.sort;
	return { method: 'POST', path: `/v1${business(p.businessId)}/goods-questions`, qs: paging(p.pageToken, p.limit, QUESTION_PAGE_MAX), body };
}

export function getQuestion(businessId: unknown, questionId: unknown): YmRequest {
	return listQuestions({ businessId, questionIds: [questionId] });
}

export function listQuestionAnswers(businessId: unknown, questionId: unknown, pageToken?: string): YmRequest {
	return {
		method: 'POST',
		path: `/v1${business(businessId)}/goods-questions/answers`,
		qs: paging(pageToken, QUESTION_PAGE_MAX, QUESTION_PAGE_MAX),
		body: { questionId: requireId('Question ID', questionId) },
	};
}

/** The spec's way to answer: operation CREATE under the question (marketplace-apis.md left this as "verify"). */
export function answerQuestion(businessId: unknown, questionId: unknown, text: unknown): YmRequest {
	return {
		method: 'POST',
		path: `/v1${business(businessId)}/goods-questions/update`,
		body: {
			operationType: 'CREATE',
			parentEntityId: { id: requireId('Question ID', questionId), type: 'QUESTION' },
			text: requireText('Text', text, 1, ANSWER_TEXT_MAX),
		},
		write: true,
	};
}

// ---- chats ----

export interface ListChatsParams {
	businessId: unknown;
	pageToken?: string;
	limit?: number;
	statuses?: YmChatStatus[];
	orderId?: unknown;
}

export function listChats(p: ListChatsParams): YmRequest {
	const body: Record<string, unknown> = {};
	if (p.statuses?.length) body.statuses = p.statuses;
	// `orderIds` is deprecated (shutdown 2026-10-19); `contexts` replaces it.
	if (p.orderId !== undefined && p.orderId !== '') body.contexts = [{ type: 'ORDER', id: requireId('Order ID', p.orderId) }];
	return { method: 'POST', path: `/v2${business(p.businessId)}/chats`, qs: paging(p.pageToken, p.limit, CHAT_PAGE_MAX), body };
}

export function getChat(businessId: unknown, chatId: unknown): YmRequest {
	return { method: 'GET', path: `/v2${business(businessId)}/chat`, qs: { chatId: requireId('Chat ID', chatId) } };
}

export function chatHistory(p: { businessId: unknown; chatId: unknown; pageToken?: string; limit?: number; messageIdFrom?: unknown }): YmRequest {
	const body: Record<string, unknown> = {};
	if (p.messageIdFrom !== undefined) body.messageIdFrom = requireId('messageIdFrom', p.messageIdFrom);
	return {
		method: 'POST',
		path: `/v2${business(p.businessId)}/chats/history`,
		qs: { chatId: requireId('Chat ID', p.chatId), ...(paging(p.pageToken, p.limit, HISTORY_PAGE_MAX) ?? {}) },
		body,
	};
}

/** The message a CHAT_MESSAGE_SENT notification points to. */
export function getChatMessage(businessId: unknown, chatId: unknown, messageId: unknown): YmRequest {
	return {
		method: 'GET',
		path: `/v2${business(businessId)}/chats/message`,
		qs: { chatId: requireId('Chat ID', chatId), messageId: requireId('Message ID', messageId) },
	};
}

export function sendChatMessage(businessId: unknown, chatId: unknown, message: unknown): YmRequest {
	return {
		method: 'POST',
		path: `/v2${business(businessId)}/chats/message`,
		qs: { chatId: requireId('Chat ID', chatId) },
		body: { message: requireText('Text', message, 1, CHAT_MESSAGE_MAX) },
		write: true,
	};
}

// ---- orders ----

/**
 * `GET /v2/campaigns/{campaignId}/orders/{orderId}` is deprecated in the spec (shutdown 2027-04-12); its
 * replacement is the business-level list filtered by order id, which needs no campaign id.
 */
export function getOrder(businessId: unknown, orderId: unknown, campaignId?: unknown): YmRequest {
	const body: Record<string, unknown> = { orderIds: [requireId('Order ID', orderId)] };
	if (campaignId !== undefined && campaignId !== '' && campaignId !== null) body.campaignIds = [requireId('Campaign ID', campaignId)];
	return { method: 'POST', path: `/v1${business(businessId)}/orders`, body };
}
