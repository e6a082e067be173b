import type { z } from 'zod';

import {
	chatHistorySchema,
	chatInfoSchema,
	chatListSchema,
	chatMessageSchema,
	postingSchema,
	productInfoListSchema,
	questionListSchema,
	questionSchema,
	reviewCommentListSchema,
	reviewListSchema,
	reviewSchema,
	type RawChatInfo,
	type RawChatMessage,
	type RawPosting,
	type RawProductInfo,
	type RawQuestion,
	type RawReview,
} from './schemas';

// Ozon bodies → checked objects. Lists are lenient: one malformed item is skipped with its reason (the trigger
// logs it) instead of failing the whole page, because one bad review must not stop intake of the rest.

export class OzonResponseError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'OzonResponseError';
	}
}

export interface SkippedItem {
	index: number;
	id?: string;
	reason: string;
}

function issue(error: z.ZodError): string {
	const first = error.issues[0];
	return first ? `${first.path.join('.') || 'item'}: ${first.message}` : 'invalid';
}

function strict<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, body: unknown, what: string): T {
	const result = schema.safeParse(body);
	if (!result.success) throw new OzonResponseError(`Ozon returned an unexpected ${what}: ${issue(result.error)}`);
	return result.data;
}

function lenient<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, items: unknown[] | null | undefined): { items: T[]; skipped: SkippedItem[] } {
	const out: T[] = [];
	const skipped: SkippedItem[] = [];
	(items ?? []).forEach((raw, index) => {
		const result = schema.safeParse(raw);
		if (result.success) out.push(result.data);
		else {
			const rawId = (raw as { id?: unknown; message_id?: unknown; chat?: { chat_id?: unknown } } | null) ?? {};
			const id = rawId.id ?? rawId.message_id ?? rawId.chat?.chat_id;
			skipped.push({ index, ...(id !== undefined ? { id: String(id) } : {}), reason: issue(result.error) });
		}
	});
	return { items: out, skipped };
}

export interface Page<T> {
	items: T[];
	skipped: SkippedItem[];
	lastId?: string;
	hasNext: boolean;
}

export function parseReviewList(body: unknown): Page<RawReview> {
	const page = strict(reviewListSchema, body, 'review list');
	return { ...lenient(reviewSchema, page.reviews), lastId: page.last_id ?? undefined, hasNext: page.has_next === true };
}

export function parseReview(body: unknown): RawReview {
	return strict(reviewSchema, body, 'review');
}

export function parseReviewComments(body: unknown) {
	return strict(reviewCommentListSchema, body, 'comment list').comments ?? [];
}

export function parseQuestionList(body: unknown): Page<RawQuestion> {
	const page = strict(questionListSchema, body, 'question list');
	return { ...lenient(questionSchema, page.questions), lastId: page.last_id ?? undefined, hasNext: page.has_next === true };
}

export function parseQuestion(body: unknown): RawQuestion {
	return strict(questionSchema, body, 'question');
}

export interface ChatListPage {
	chats: RawChatInfo[];
	skipped: SkippedItem[];
	cursor?: string;
	hasNext: boolean;
}

export function parseChatList(body: unknown): ChatListPage {
	const page = strict(chatListSchema, body, 'chat list');
	const { items, skipped } = lenient(chatInfoSchema, page.chats);
	return { chats: items, skipped, cursor: page.cursor ?? undefined, hasNext: page.has_next === true };
}

export function parseChatHistory(body: unknown): { messages: RawChatMessage[]; skipped: SkippedItem[]; hasNext: boolean } {
	const page = strict(chatHistorySchema, body, 'chat history');
	const { items, skipped } = lenient(chatMessageSchema, page.messages);
	return { messages: items, skipped, hasNext: page.has_next === true };
}

export function parsePosting(body: unknown): RawPosting {
	const record = body as { result?: unknown } | null;
	return strict(postingSchema, record && typeof record === 'object' ? record.result : undefined, 'posting');
}

export function parseProductInfoList(body: unknown): RawProductInfo[] {
	return strict(productInfoListSchema, body, 'product list').items ?? [];
}
