import { z } from 'zod';

// Dates must be readable: an unreadable one makes the lenient parser skip the item with a reason instead of
// emitting an Interaction whose createdAt the rest of the pipeline rejects.
const readableDate = z.string().refine((v) => Number.isFinite(Date.parse(v)), { message: 'not a readable date-time' });

// Zod schemas for what the nodes read from Ozon, after parseOzonJson (64-bit ids are strings then). Only the
// fields the package uses are required; the rest pass through into `raw` unchanged. Ozon omits empty fields
// (protobuf JSON), so most fields are optional.

const id = z.union([z.string(), z.number()]).transform((v) => String(v));
const optionalString = z.string().nullish();

export const reviewSchema = z
	.object({
		id: z.string().min(1),
		sku: id.optional(),
		text: optionalString,
		published_at: readableDate,
		rating: z.number().int().min(0).max(5).optional(),
		status: z.string().optional(),
		order_status: z.string().optional(),
		comments_amount: z.number().int().optional(),
		photos_amount: z.number().int().optional(),
		videos_amount: z.number().int().optional(),
	})
	.passthrough();

export const reviewListSchema = z
	.object({ reviews: z.array(z.unknown()).nullish(), last_id: z.string().nullish(), has_next: z.boolean().nullish() })
	.passthrough();

export const reviewCommentSchema = z
	.object({
		id: z.string(),
		text: optionalString,
		published_at: readableDate.optional(),
		is_official: z.boolean().optional(),
		is_owner: z.boolean().optional(),
		parent_comment_id: optionalString,
	})
	.passthrough();

export const reviewCommentListSchema = z.object({ comments: z.array(reviewCommentSchema).nullish(), offset: z.number().nullish() }).passthrough();

export const questionSchema = z
	.object({
		id: z.string().min(1),
		sku: id.optional(),
		text: optionalString,
		published_at: readableDate,
		status: z.string().optional(),
		answers_count: z.number().int().optional(),
		author_name: optionalString,
		product_url: optionalString,
		question_link: optionalString,
	})
	.passthrough();

export const questionListSchema = z
	.object({ questions: z.array(z.unknown()).nullish(), last_id: z.string().nullish(), has_next: z.boolean().nullish() })
	.passthrough();

export const chatInfoSchema = z
	.object({
		chat: z
			.object({ chat_id: z.string().min(1), chat_status: z.string().optional(), chat_type: z.string().optional(), created_at: readableDate.optional() })
			.passthrough(),
		first_unread_message_id: id.optional(),
		last_message_id: id.optional(),
		unread_count: z.number().int().optional(),
	})
	.passthrough();

export const chatListSchema = z
	.object({ chats: z.array(z.unknown()).nullish(), cursor: z.string().nullish(), has_next: z.boolean().nullish(), total_unread_count: z.number().nullish() })
	.passthrough();

export const chatMessageSchema = z
	.object({
		message_id: id,
		user: z.object({ id: id.optional(), type: z.string() }).passthrough(),
		created_at: readableDate,
		data: z.array(z.string()).nullish(),
		is_read: z.boolean().optional(),
		is_image: z.boolean().optional(),
		context: z.object({ order_number: optionalString, sku: id.nullish() }).passthrough().nullish(),
	})
	.passthrough();

export const chatHistorySchema = z.object({ messages: z.array(z.unknown()).nullish(), has_next: z.boolean().nullish() }).passthrough();

export const postingSchema = z
	.object({
		posting_number: z.string(),
		order_id: id.optional(),
		order_number: optionalString,
		status: optionalString,
		substatus: optionalString,
		products: z
			.array(z.object({ sku: id.optional(), name: optionalString, offer_id: optionalString, quantity: z.number().optional(), price: z.union([z.string(), z.number()]).optional() }).passthrough())
			.nullish(),
	})
	.passthrough();

export const productInfoSchema = z
	.object({ id: id.optional(), sku: id.optional(), name: optionalString, offer_id: optionalString })
	.passthrough();

export const productInfoListSchema = z.object({ items: z.array(productInfoSchema).nullish() }).passthrough();

export type RawReview = z.infer<typeof reviewSchema>;
export type RawQuestion = z.infer<typeof questionSchema>;
export type RawChatInfo = z.infer<typeof chatInfoSchema>;
export type RawChatMessage = z.infer<typeof chatMessageSchema>;
export type RawPosting = z.infer<typeof postingSchema>;
export type RawProductInfo = z.infer<typeof productInfoSchema>;
