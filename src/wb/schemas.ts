import { z } from 'zod';
import { isDateTimeString, toEpochMillis } from './dates';

// Zod schemas of the raw WB payloads (shared/specs/wb). They are lenient on purpose: unknown fields pass
// through, and optional fields accept null as well as absence, because WB adds fields and sometimes
// sends null where the spec says a string. Only what the normalisers rely on is checked strictly
// (identifiers, dates, numbers), so one renamed cosmetic field does not drop a buyer's review.

/** Optional; a null the spec does not allow is read as absent, so consumers see `T | undefined` only. */
function loose<T extends z.ZodTypeAny>(schema: T) {
	return schema.nullish().transform((value): z.output<T> | undefined => value ?? undefined);
}

/** Optional and nullable as the spec says: null is kept, it means something (e.g. "no answer yet"). */
function nullable<T extends z.ZodTypeAny>(schema: T) {
	return schema.nullish();
}

const optionalString = loose(z.string());
const optionalInt = loose(z.number().int());
const optionalNumber = loose(z.number());
const optionalBoolean = loose(z.boolean());

/** JavaScript dates end at ±8.64e15 ms (year ±275760); beyond that `new Date(ms)` cannot be written as text. */
function isDateMillis(ms: number): boolean {
	return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

export const dateTimeString = z
	.string()
	.refine(isDateTimeString, { message: 'expected an ISO 8601 / RFC 3339 date-time' });

// ---- feedbacks-api envelope ----

export const feedbacksEnvelopeSchema = z
	.object({
		data: z.unknown(),
		error: optionalBoolean,
		errorText: optionalString,
		additionalErrors: nullable(z.array(z.string())),
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
		supplierArticle: nullable(z.string()),
		supplierName: nullable(z.string()),
		brandName: nullable(z.string()),
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
		answer: nullable(feedbackAnswerSchema),
		state: optionalString,
		productDetails: loose(feedbackProductDetailsSchema),
		photoLinks: nullable(z.array(z.object({ fullSize: optionalString, miniSize: optionalString }).passthrough())),
		video: nullable(z.object({ previewImage: optionalString, link: optionalString, durationSec: optionalNumber }).passthrough()),
		wasViewed: optionalBoolean,
		userName: optionalString,
		orderStatus: optionalString,
		matchingSize: optionalString,
		color: optionalString,
		subjectName: optionalString,
		parentFeedbackId: nullable(z.string()),
		childFeedbackId: nullable(z.string()),
	})
	.passthrough();

export type RawFeedback = z.infer<typeof rawFeedbackSchema>;

export const feedbackListDataSchema = z
	.object({
		countUnanswered: optionalInt,
		countArchive: optionalInt,
		// an empty page has been seen as null as well as []
		feedbacks: z.array(z.unknown()).nullable().transform((items) => items ?? []),
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
		answer: nullable(questionAnswerSchema),
		productDetails: loose(feedbackProductDetailsSchema),
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
		questions: z.array(z.unknown()).nullable().transform((items) => items ?? []),
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

// Spelled out because the inferred zod type is too large for the declaration files the build emits.
type Extra = { [key: string]: unknown };

export interface WbGoodCard extends Extra {
	nmID?: number;
	price?: number;
	priceCurrency?: string;
	rid?: string;
	size?: string;
}

export interface WbChatFile extends Extra {
	contentType?: string;
	date?: string;
	downloadID?: string;
	name?: string;
	url?: string;
	size?: number;
}

export interface WbChatImage extends Extra {
	date?: string;
	downloadID?: string;
	url?: string;
}

export interface WbChatAttachments extends Extra {
	goodCard?: WbGoodCard;
	files?: WbChatFile[];
	images?: WbChatImage[];
}

export interface RawChatEvent extends Extra {
	chatID: string;
	eventID: string;
	eventType?: string;
	isNewChat?: boolean;
	message?: Extra & { text?: string; attachments?: WbChatAttachments };
	source?: string;
	/** Unix ms; filled from addTime when WB sent only that */
	addTimestamp: number;
	addTime?: string;
	replySign?: string;
	sender?: string;
	clientName?: string;
}

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
		goodCard: loose(goodCardSchema),
		files: loose(z.array(chatFileSchema)),
		images: loose(z.array(chatImageSchema)),
	})
	.passthrough();

export const rawChatEventSchema: z.ZodType<RawChatEvent, z.ZodTypeDef, unknown> = z
	.object({
		chatID: z.string().min(1),
		eventID: z.string().min(1),
		// a string, not the spec's one-value enum: unknown types must parse so the trigger can say what it skipped
		eventType: optionalString,
		isNewChat: optionalBoolean,
		message: loose(
			z
				.object({
					text: optionalString,
					attachments: loose(chatAttachmentsSchema),
				})
				.passthrough(),
		),
		source: optionalString,
		addTimestamp: optionalInt,
		addTime: loose(dateTimeString),
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
		// a time a Date cannot hold would crash the normaliser later and fail the whole poll, every poll
		if (event.addTimestamp != null && !isDateMillis(event.addTimestamp)) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['addTimestamp'], message: `not a date-time in Unix ms (got ${event.addTimestamp})` });
		} else if (event.addTimestamp == null && event.addTime != null && !isDateMillis(toEpochMillis(event.addTime))) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['addTime'], message: `outside the range of dates (got ${JSON.stringify(event.addTime)})` });
		}
	})
	// one time field for everyone downstream: addTimestamp (Unix ms), taken from addTime when WB left it out
	.transform((event) => ({ ...event, addTimestamp: event.addTimestamp ?? toEpochMillis(event.addTime as string) }));


export const chatEventsResultSchema = z
	.object({
		// the trigger's cursor: it must survive the round trip through the query string exactly
		next: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
		newestEventTime: optionalString,
		oldestEventTime: optionalString,
		totalEvents: optionalInt,
		events: loose(z.array(z.unknown())),
	})
	.passthrough();

export const chatEnvelopeSchema = z
	.object({
		result: z.unknown(),
		errors: nullable(z.array(z.string())),
	})
	.passthrough();

export const rawChatSchema = z
	.object({
		chatID: z.string().min(1),
		replySign: optionalString,
		clientName: optionalString,
		goodCard: loose(goodCardSchema),
		lastMessage: loose(z.object({ text: optionalString, addTimestamp: optionalInt }).passthrough()),
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
		skus: loose(z.array(z.string())),
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
		value: loose(z.union([z.string(), z.number(), z.boolean()])),
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
		options: loose(z.array(cardOptionSchema)),
		grouped_options: loose(
			z.array(z.object({ group_name: optionalString, options: loose(z.array(cardOptionSchema)) }).passthrough()),
		),
		compositions: loose(z.array(z.object({ name: z.string() }).passthrough())),
		sizes_table: loose(
			z
				.object({
					details_props: loose(z.array(z.string())),
					values: loose(
						z.array(
							z
								.object({
									tech_size: loose(z.union([z.string(), z.number()])),
									chrt_id: optionalInt,
									details: loose(z.array(z.union([z.string(), z.number()]).nullable())),
								})
								.passthrough(),
						),
					),
				})
				.passthrough(),
		),
		selling: loose(z.object({ brand_name: optionalString, supplier_id: optionalInt }).passthrough()),
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
