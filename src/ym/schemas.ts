import { z } from 'zod';

// Response shapes from the Partner API spec (shared/specs/ym/partner-api), only the fields the package reads plus
// `passthrough()` so `raw` keeps everything Market sent. Ids are int64 numbers; dates are ISO strings.

const id = z.number().int().positive();
// A date the rest of the pipeline can read: an unreadable one makes the lenient parser skip the item with a
// reason instead of keeping it and failing every poll at normalisation.
const isoDate = z.string().min(1).refine((v) => Number.isFinite(Date.parse(v)), { message: 'not a readable date-time' });
const pagingSchema = z.object({ nextPageToken: z.string().optional() }).passthrough().optional();

export const feedbackSchema = z
	.object({
		feedbackId: id,
		createdAt: isoDate,
		needReaction: z.boolean(),
		identifiers: z.object({ orderId: z.number().int().optional(), offerId: z.string().optional() }).passthrough(),
		author: z.string().optional(),
		description: z
			.object({ advantages: z.string().optional(), disadvantages: z.string().optional(), comment: z.string().optional() })
			.passthrough()
			.optional(),
		statistics: z.object({ rating: z.number().int().min(1).max(5), commentsCount: z.number().int() }).passthrough(),
	})
	.passthrough();

export const commentSchema = z
	.object({
		id,
		text: z.string(),
		canModify: z.boolean().optional(),
		parentId: z.number().int().optional(),
		author: z.object({ type: z.string().optional(), name: z.string().optional() }).passthrough().optional(),
		status: z.string(),
		feedbackId: id,
	})
	.passthrough();

export const questionSchema = z
	.object({
		questionIdentifiers: z.object({ id, categoryId: z.number().int().optional(), offerId: z.string() }).passthrough(),
		businessId: z.number().int().optional(),
		text: z.string(),
		createdAt: isoDate,
		author: z.object({ type: z.string().optional(), name: z.string().optional() }).passthrough().optional(),
	})
	.passthrough();

export const answerSchema = z
	.object({ id, text: z.string(), status: z.string(), questionId: id, createdAt: isoDate })
	.passthrough();

export const chatContextSchema = z
	.object({
		type: z.string(),
		customer: z.object({ name: z.string().optional(), publicId: z.string().optional() }).passthrough().optional(),
		campaignId: z.number().int().optional(),
		orderId: z.number().int().optional(),
		returnId: z.number().int().optional(),
	})
	.passthrough();

export const chatSchema = z
	.object({
		chatId: id,
		orderId: z.number().int().optional(),
		context: chatContextSchema.optional(),
		type: z.string(),
		status: z.string(),
		createdAt: isoDate,
		updatedAt: isoDate,
	})
	.passthrough();

export const chatMessageSchema = z
	.object({
		messageId: id,
		createdAt: isoDate,
		sender: z.string(),
		message: z.string().optional(),
		payload: z.array(z.object({ name: z.string(), url: z.string(), size: z.number() }).passthrough()).optional(),
	})
	.passthrough();

export const orderSchema = z
	.object({ orderId: id, campaignId: z.number().int().optional(), status: z.string(), substatus: z.string().optional() })
	.passthrough();

export const envelopeSchema = z.object({ status: z.string(), result: z.unknown().optional() }).passthrough();

export const listResultSchema = (key: string) => z.object({ [key]: z.array(z.unknown()), paging: pagingSchema }).passthrough();

export const historyResultSchema = z
	.object({ context: chatContextSchema.optional(), orderId: z.number().int().optional(), messages: z.array(z.unknown()), paging: pagingSchema })
	.passthrough();

export type RawFeedback = z.infer<typeof feedbackSchema>;
export type RawComment = z.infer<typeof commentSchema>;
export type RawQuestion = z.infer<typeof questionSchema>;
export type RawAnswer = z.infer<typeof answerSchema>;
export type RawChat = z.infer<typeof chatSchema>;
export type RawChatContext = z.infer<typeof chatContextSchema>;
export type RawChatMessage = z.infer<typeof chatMessageSchema>;
export type RawOrder = z.infer<typeof orderSchema>;
