import { z } from 'zod';

import {
	answerSchema,
	chatMessageSchema,
	chatSchema,
	commentSchema,
	envelopeSchema,
	feedbackSchema,
	historyResultSchema,
	listResultSchema,
	orderSchema,
	questionSchema,
	type RawAnswer,
	type RawChat,
	type RawChatContext,
	type RawChatMessage,
	type RawComment,
	type RawFeedback,
	type RawOrder,
	type RawQuestion,
} from './schemas';

// Parsers for Partner API answers `{status: "OK", result}` (the orders list alone has no envelope). A body without
// the documented shape throws YmResponseError naming the field; lists are lenient per item (a broken item is skipped
// and reported), so a trigger loses one review, not the whole poll.

export class YmResponseError extends Error {
	readonly path: string;
	readonly reason: string;

	constructor(path: string, reason: string) {
		super(`Unexpected Yandex Market response: ${path}: ${reason}`);
		this.name = 'YmResponseError';
		this.path = path;
		this.reason = reason;
	}
}

export interface SkippedItem {
	index: number;
	id?: string;
	reason: string;
}

export interface Page<T> {
	items: T[];
	skipped: SkippedItem[];
	nextPageToken?: string;
}

function formatPath(path: readonly (string | number)[], prefix: string): string {
	let out = prefix;
	for (const s of path) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
	return out || '(root)';
}

function issueText(error: z.ZodError, prefix = ''): { path: string; reason: string } {
	const issue = error.issues[0];
	const reason =
		issue.code === z.ZodIssueCode.invalid_type
			? issue.received === 'undefined'
				? `missing (expected ${issue.expected})`
				: `expected ${issue.expected}, received ${issue.received}`
			: issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
	return { path: formatPath(issue.path, prefix), reason };
}

function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, prefix: string): T {
	const r = schema.safeParse(value);
	if (!r.success) {
		const { path, reason } = issueText(r.error, prefix);
		throw new YmResponseError(path, reason);
	}
	return r.data;
}

function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

/** The decoded body: a string is parsed as JSON; an empty body throws. */
function bodyValue(body: unknown): unknown {
	let value = body;
	if (typeof value === 'string') {
		const parsed = parseJsonText(value);
		if (!parsed.ok) throw new YmResponseError('(root)', 'the body is not valid JSON');
		value = parsed.value;
	}
	if (value === null || value === undefined || value === '') throw new YmResponseError('(root)', 'the body is empty');
	return value;
}

/** The `result` of an OK answer. */
export function resultOf(body: unknown): unknown {
	const value = bodyValue(body);
	const envelope = parseWith(envelopeSchema, value, '');
	if (envelope.status !== 'OK') throw new YmResponseError('status', `expected "OK", received ${JSON.stringify(envelope.status)}`);
	return envelope.result;
}

function lenient<T>(list: unknown[], schema: z.ZodType<T, z.ZodTypeDef, unknown>, idOf: (item: Record<string, unknown>) => unknown): { items: T[]; skipped: SkippedItem[] } {
	const items: T[] = [];
	const skipped: SkippedItem[] = [];
	list.forEach((item, index) => {
		const r = schema.safeParse(item);
		if (r.success) {
			items.push(r.data);
			return;
		}
		const { path, reason } = issueText(r.error);
		const rawId = item && typeof item === 'object' ? idOf(item as Record<string, unknown>) : undefined;
		skipped.push({ index, ...(typeof rawId === 'number' || typeof rawId === 'string' ? { id: String(rawId) } : {}), reason: `${path}: ${reason}` });
	});
	return { items, skipped };
}

function page<T>(body: unknown, key: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, idOf: (item: Record<string, unknown>) => unknown): Page<T> {
	const result = parseWith(listResultSchema(key), resultOf(body), 'result');
	const { items, skipped } = lenient(result[key] as unknown[], schema, idOf);
	const token = (result.paging as { nextPageToken?: string } | undefined)?.nextPageToken;
	return { items, skipped, ...(token ? { nextPageToken: token } : {}) };
}

export const parseFeedbackPage = (body: unknown): Page<RawFeedback> => page(body, 'feedbacks', feedbackSchema, (i) => i.feedbackId);
export const parseCommentPage = (body: unknown): Page<RawComment> => page(body, 'comments', commentSchema, (i) => i.id);
export const parseQuestionPage = (body: unknown): Page<RawQuestion> =>
	page(body, 'questions', questionSchema, (i) => (i.questionIdentifiers as { id?: unknown } | undefined)?.id);
export const parseAnswerPage = (body: unknown): Page<RawAnswer> => page(body, 'answers', answerSchema, (i) => i.id);
export const parseChatPage = (body: unknown): Page<RawChat> => page(body, 'chats', chatSchema, (i) => i.chatId);

/**
 * `POST /v1/businesses/{businessId}/orders`. Unlike the other Partner API answers, the spec's
 * `GetBusinessOrdersResponse` is `{orders, paging}` at the top level, with no `{status, result}` envelope.
 */
export function parseOrderPage(body: unknown): Page<RawOrder> {
	const root = parseWith(listResultSchema('orders'), bodyValue(body), '');
	const { items, skipped } = lenient(root.orders as unknown[], orderSchema, (i) => i.orderId);
	const token = (root.paging as { nextPageToken?: string } | undefined)?.nextPageToken;
	return { items, skipped, ...(token ? { nextPageToken: token } : {}) };
}

export interface HistoryPage extends Page<RawChatMessage> {
	context?: RawChatContext;
	orderId?: number;
}

export function parseHistoryPage(body: unknown): HistoryPage {
	const result = parseWith(historyResultSchema, resultOf(body), 'result');
	const { items, skipped } = lenient(result.messages, chatMessageSchema, (i) => i.messageId);
	const token = result.paging?.nextPageToken;
	return {
		items,
		skipped,
		...(token ? { nextPageToken: token } : {}),
		...(result.context ? { context: result.context } : {}),
		...(result.orderId !== undefined ? { orderId: result.orderId } : {}),
	};
}

export const parseChat = (body: unknown): RawChat => parseWith(chatSchema, resultOf(body), 'result');
export const parseChatMessage = (body: unknown): RawChatMessage => parseWith(chatMessageSchema, resultOf(body), 'result');
export const parseComment = (body: unknown): RawComment => parseWith(commentSchema, resultOf(body), 'result');

export function parseUpdatedEntity(body: unknown): { id: number; type: string } {
	return parseWith(z.object({ entity: z.object({ id: z.number().int(), type: z.string() }) }), resultOf(body), 'result').entity;
}
