import { z } from 'zod';
import { isDateTimeString } from './dates';

// Zod schemas of the raw WB payloads (shared/specs/wb). They are lenient on purpose: unknown fields pass
// through, and optional fields accept null as well as absence, because WB adds fields and sometimes
// sends null where the spec says a string. Only what the normalisers rely on is checked strictly
// (identifiers, dates, numbers), so one renamed cosmetic field does not drop a buyer's review.

const optionalString = z.string().nullish();
const optionalInt = z.number().int().nullish();
const optionalNumber = z.number().nullish();
const optionalBoolean = z.boolean().nullish();

export const dateTimeString = z
	.string()
	.refine(isDateTimeString, { message: 'expected an ISO 8601 / RFC 3339 date-time' });

// ---- feedbacks-api envelope ----

export const feedbacksEnvelopeSchema = z
	.object({
		data: z.unknown(),
		error: optionalBoolean,
		errorText: optionalString,
		additionalErrors: z.array(z.string()).nullish(),
	})
	.passthrough();

// ---- feedbacks (reviews) ----

export const feedbackAnswerSchema = z
	.object({
		text: optionalString,
		state: optionalString,
		editable: optionalBoolean,
	})
	.passthrough();

export const feedbackProductDetailsSchema = z
	.object({
		nmId: optionalInt,
		imtId: optionalInt,
		productName: optionalString,
		supplierArticle: optionalString,
		supplierName: optionalString,
		brandName: optionalString,
		size: optionalString,
	})
	.passthrough();

export const rawFeedbackSchema = z
	.object({
		id: z.string().min(1),
		text: optionalString,
		pros: optionalString,
		cons: optionalString,
		productValuation: optionalInt,
		createdDate: dateTimeString,
		answer: feedbackAnswerSchema.nullish(),
		state: optionalString,
		productDetails: feedbackProductDetailsSchema.nullish(),
		photoLinks: z
			.array(z.object({ fullSize: optionalString, miniSize: optionalString }).passthrough())
			.nullish(),
		video: z.object({ previewImage: optionalString, link: optionalString, durationSec: optionalNumber }).passthrough().nullish(),
		wasViewed: optionalBoolean,
		userName: optionalString,
		orderStatus: optionalString,
		matchingSize: optionalString,
		color: optionalString,
		subjectName: optionalString,
		parentFeedbackId: optionalString,
		childFeedbackId: optionalString,
	})
	.passthrough();

export type RawFeedback = z.infer<typeof rawFeedbackSchema>;

export const feedbackListDataSchema = z
	.object({
		countUnanswered: optionalInt,
		countArchive: optionalInt,
		feedbacks: z.array(z.unknown()),
	})
	.passthrough();

// ---- questions ----

export const questionAnswerSchema = z
	.object({
		text: optionalString,
		editable: optionalBoolean,
		createDate: optionalString,
	})
	.passthrough();

export const rawQuestionSchema = z
	.object({
		id: z.string().min(1),
		text: optionalString,
		createdDate: dateTimeString,
		state: optionalString,
		answer: questionAnswerSchema.nullish(),
		productDetails: feedbackProductDetailsSchema.nullish(),
		wasViewed: optionalBoolean,
		isWarned: optionalBoolean,
		// not in the spec, but seen in real answers (shared/reference/agentiq-reference.md §3.1)
		userName: optionalString,
	})
	.passthrough();

export type RawQuestion = z.infer<typeof rawQuestionSchema>;

export const questionListDataSchema = z
	.object({
		countUnanswered: optionalInt,
		countArchive: optionalInt,
		questions: z.array(z.unknown()),
	})
	.passthrough();

export const unansweredCountSchema = z
	.object({
		countUnanswered: z.number().int(),
		countUnansweredToday: optionalInt,
	})
	.passthrough();

export const newFeedbacksQuestionsSchema = z
	.object({
		hasNewQuestions: z.boolean(),
		hasNewFeedbacks: z.boolean(),
	})
	.passthrough();

// ---- buyers chat ----

/** `Listing` in the spec: the product and order a chat or message is about. `rid` = `srid` in reports. */
export const goodCardSchema = z
	.object({
		nmID: optionalInt,
		price: optionalNumber,
		priceCurrency: optionalString,
		rid: optionalString,
		size: optionalString,
	})
	.passthrough();

export const chatFileSchema = z
	.object({
		contentType: optionalString,
		date: optionalString,
		downloadID: optionalString,
		name: optionalString,
		url: optionalString,
		size: optionalNumber,
	})
	.passthrough();

export const chatImageSchema = z
	.object({
		date: optionalString,
		downloadID: optionalString,
		url: optionalString,
	})
	.passthrough();

export const chatAttachmentsSchema = z
	.object({
		goodCard: goodCardSchema.nullish(),
		files: z.array(chatFileSchema).nullish(),
		images: z.array(chatImageSchema).nullish(),
	})
	.passthrough();

export const rawChatEventSchema = z
	.object({
		chatID: z.string().min(1),
		eventID: z.string().min(1),
		// a string, not the spec's one-value enum: unknown types must parse so the trigger can say what it skipped
		eventType: optionalString,
		isNewChat: optionalBoolean,
		message: z
			.object({
				text: optionalString,
				attachments: chatAttachmentsSchema.nullish(),
			})
			.passthrough()
			.nullish(),
		source: optionalString,
		addTimestamp: optionalInt,
		addTime: dateTimeString.nullish(),
		replySign: optionalString,
		sender: optionalString,
		clientName: optionalString,
	})
	.passthrough()
	.superRefine((event, ctx) => {
		if (event.addTimestamp == null && event.addTime == null) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['addTimestamp'],
				message: 'missing (neither addTimestamp nor addTime is present)',
			});
		}
	});

export type RawChatEvent = z.infer<typeof rawChatEventSchema>;

export const chatEventsResultSchema = z
	.object({
		next: z.number().int(),
		newestEventTime: optionalString,
		oldestEventTime: optionalString,
		totalEvents: optionalInt,
		events: z.array(z.unknown()).nullish(),
	})
	.passthrough();

export const chatEnvelopeSchema = z
	.object({
		result: z.unknown(),
		errors: z.array(z.string()).nullish(),
	})
	.passthrough();

export const rawChatSchema = z
	.object({
		chatID: z.string().min(1),
		replySign: optionalString,
		clientName: optionalString,
		goodCard: goodCardSchema.nullish(),
		lastMessage: z.object({ text: optionalString, addTimestamp: optionalInt }).passthrough().nullish(),
	})
	.passthrough();

export type RawChat = z.infer<typeof rawChatSchema>;

export const sendMessageResultSchema = z
	.object({
		addTime: optionalInt,
		chatID: optionalString,
		sign: optionalString,
	})
	.passthrough();

// ---- FBS orders (marketplace-api) ----

export const rawFbsOrderSchema = z
	.object({
		id: z.number().int(),
		rid: optionalString,
		orderUid: optionalString,
		createdAt: dateTimeString,
		nmId: z.number().int(),
		chrtId: optionalInt,
		article: optionalString,
		skus: z.array(z.string()).nullish(),
		price: optionalNumber,
		convertedPrice: optionalNumber,
		currencyCode: optionalInt,
		convertedCurrencyCode: optionalInt,
		warehouseId: optionalInt,
		supplyId: optionalString,
		deliveryType: optionalString,
		comment: optionalString,
	})
	.passthrough();

export type RawFbsOrder = z.infer<typeof rawFbsOrderSchema>;

export const fbsOrdersSchema = z
	.object({
		next: z.number().int(),
		orders: z.array(rawFbsOrderSchema),
	})
	.passthrough();

export const rawOrderStatusSchema = z
	.object({
		id: z.number().int(),
		supplierStatus: optionalString,
		wbStatus: optionalString,
		isCancellable: optionalBoolean,
	})
	.passthrough();

export type RawOrderStatus = z.infer<typeof rawOrderStatusSchema>;

export const orderStatusesSchema = z.object({ orders: z.array(rawOrderStatusSchema) }).passthrough();

// ---- statistics: /api/v1/supplier/orders ----

export const rawSupplierOrderSchema = z
	.object({
		date: dateTimeString,
		lastChangeDate: optionalString,
		srid: z.string().min(1),
		gNumber: optionalString,
		sticker: optionalString,
		nmId: z.number().int(),
		supplierArticle: optionalString,
		techSize: optionalString,
		barcode: optionalString,
		totalPrice: optionalNumber,
		discountPercent: optionalNumber,
		spp: optionalNumber,
		finishedPrice: optionalNumber,
		priceWithDisc: optionalNumber,
		subject: optionalString,
		category: optionalString,
		brand: optionalString,
		isCancel: optionalBoolean,
		cancelDate: optionalString,
		warehouseName: optionalString,
		regionName: optionalString,
	})
	.passthrough();

export type RawSupplierOrder = z.infer<typeof rawSupplierOrderSchema>;

export const supplierOrdersSchema = z.array(rawSupplierOrderSchema);

// ---- public product card (basket CDN) ----

const cardOptionSchema = z
	.object({
		name: z.string(),
		value: z.union([z.string(), z.number(), z.boolean()]).nullish(),
	})
	.passthrough();

export const rawCardSchema = z
	.object({
		nm_id: z.number().int(),
		imt_id: optionalInt,
		imt_name: optionalString,
		subj_name: optionalString,
		subj_root_name: optionalString,
		vendor_code: optionalString,
		description: optionalString,
		options: z.array(cardOptionSchema).nullish(),
		grouped_options: z
			.array(z.object({ group_name: optionalString, options: z.array(cardOptionSchema).nullish() }).passthrough())
			.nullish(),
		compositions: z.array(z.object({ name: z.string() }).passthrough()).nullish(),
		sizes_table: z
			.object({
				details_props: z.array(z.string()).nullish(),
				values: z
					.array(
						z
							.object({
								tech_size: z.union([z.string(), z.number()]).nullish(),
								chrt_id: optionalInt,
								details: z.array(z.union([z.string(), z.number()]).nullable()).nullish(),
							})
							.passthrough(),
					)
					.nullish(),
			})
			.passthrough()
			.nullish(),
		selling: z.object({ brand_name: optionalString, supplier_id: optionalInt }).passthrough().nullish(),
	})
	.passthrough();

export type RawCard = z.infer<typeof rawCardSchema>;

export interface ProductCard {
	nmId: number;
	name: string;
	subject: string;
	brand?: string;
	description: string;
	characteristics: { name: string; value: string }[];
	sizeTable: { columns: string[]; rows: { size: string; values: string[] }[] } | null;
	composition?: string;
}
