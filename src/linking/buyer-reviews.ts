import { z } from 'zod';
import { addressName } from '../draft/buyer-name';
import { shortProductName } from '../draft/product-name';
import { marketplaceSchema } from '../interaction';

// Which of the seller's reviews the buyer in this chat wrote. Marketplaces hide buyers, so this is a guess
// with a confidence: certain when both sides carry the marketplace's buyer id, otherwise built from the same
// product, the time between review and chat, and the first name the marketplace shows. The manager (and the
// draft) get one line: "this buyer probably left a 1★ review on this product 2 days ago".

const DAY = 86_400_000;

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date-time');

export const chatSideSchema = z.object({
	id: z.string().min(1).optional(),
	marketplace: marketplaceSchema,
	buyerId: z.string().optional(),
	buyerName: z.string().optional(),
	productId: z.union([z.string(), z.number()]).optional(),
	productName: z.string().optional(),
	createdAt: isoDate,
});

export const reviewSideSchema = z.object({
	id: z.string().min(1),
	externalId: z.string().optional(),
	marketplace: marketplaceSchema,
	channel: z.enum(['review', 'question', 'chat']).optional(),
	buyerId: z.string().optional(),
	buyerName: z.string().optional(),
	productId: z.union([z.string(), z.number()]).optional(),
	productName: z.string().optional(),
	rating: z.number().int().min(1).max(5).optional(),
	text: z.string().optional(),
	createdAt: isoDate,
});

export type ChatSide = z.infer<typeof chatSideSchema>;
export type ReviewSide = z.infer<typeof reviewSideSchema>;

export interface MatchOptions {
	/** Reviews older than this before the chat (or this much after it) are not the chat's. */
	windowDays?: number;
	/** Matches below this confidence are dropped. */
	minConfidence?: number;
}

export type MatchBasis = 'buyerId' | 'product' | 'time' | 'name' | 'nameDiffers';

export interface ReviewMatch {
	reviewId: string;
	externalId?: string;
	rating?: number;
	productId?: string;
	productName?: string;
	createdAt: string;
	/** Whole days from the review to the chat message (negative: the review came later). */
	daysBefore: number;
	/** 0..1 */
	confidence: number;
	basis: MatchBasis[];
	summary: { ru: string; en: string };
}

export const DEFAULT_WINDOW_DAYS = 30;
export const DEFAULT_MIN_CONFIDENCE = 0.3;

const str = (v: string | number | undefined) => (v === undefined ? undefined : String(v).trim() || undefined);
const sameName = (a?: string, b?: string) => {
	const x = addressName(a);
	const y = addressName(b);
	return x === undefined || y === undefined ? undefined : x.toLocaleLowerCase('ru-RU') === y.toLocaleLowerCase('ru-RU');
};

function ruDays(days: number): string {
	if (days <= 0) return 'сегодня';
	if (days === 1) return 'вчера';
	const n10 = days % 10;
	const n100 = days % 100;
	const word = n10 === 1 && n100 !== 11 ? 'день' : n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14) ? 'дня' : 'дней';
	return `${days} ${word} назад`;
}

const enDays = (days: number) => (days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`);

function summarise(review: ReviewSide, days: number, confidence: number, basis: MatchBasis[]): { ru: string; en: string } {
	const product = shortProductName(review.productName);
	const stars = review.rating !== undefined ? `${review.rating}★ ` : '';
	const sure = confidence >= 0.9;
	const conf = confidence.toFixed(2);
	const ruProduct = product ? `на «${product}»` : 'на этот товар';
	const enProduct = product ? `on «${product}»` : 'on this product';
	const how = basis.includes('buyerId') ? 'by buyer id' : basis.includes('name') ? 'by product, time and name' : 'by product and time';
	const when = days < 0 ? { ru: 'после начала чата', en: 'after the chat started' } : { ru: ruDays(days), en: enDays(days) };
	return {
		ru: `${sure ? 'Этот покупатель' : 'Вероятно, этот покупатель'} оставил отзыв ${stars}${ruProduct} ${when.ru} (уверенность ${conf.replace('.', ',')}).`,
		en: `${sure ? 'This buyer' : 'This buyer probably'} left a ${stars}review ${enProduct} ${when.en} (confidence ${conf}, ${how}).`,
	};
}

/** One review against the chat: null when it cannot be this buyer's. */
export function scoreReview(chat: ChatSide, review: ReviewSide, options: MatchOptions = {}): ReviewMatch | null {
	if (review.marketplace !== chat.marketplace) return null;
	if (review.channel !== undefined && review.channel !== 'review') return null;
	const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
	const ms = Date.parse(chat.createdAt) - Date.parse(review.createdAt);
	const daysBefore = Math.floor(ms / DAY);
	const chatBuyer = str(chat.buyerId);
	const reviewBuyer = str(review.buyerId);
	const chatProduct = str(chat.productId);
	const reviewProduct = str(review.productId);
	const sameProduct = chatProduct !== undefined && chatProduct === reviewProduct;
	const basis: MatchBasis[] = [];
	let confidence: number;

	if (chatBuyer !== undefined && reviewBuyer !== undefined) {
		// The marketplace says who wrote both: no guessing, in either direction.
		if (chatBuyer !== reviewBuyer) return null;
		basis.push('buyerId');
		confidence = 0.95;
		if (sameProduct) {
			basis.push('product');
			confidence = 0.99;
		}
	} else {
		if (!sameProduct) return null;
		// A review written after the chat began can still be the same buyer, but only shortly after.
		if (ms > windowDays * DAY || ms < -DAY) return null;
		basis.push('product', 'time');
		// Closer in time, more likely: a buyer usually writes both within days of receiving the order.
		const days = Math.abs(ms) / DAY;
		confidence = 0.35 + 0.25 * Math.max(0, 1 - days / windowDays);
		const names = sameName(chat.buyerName, review.buyerName);
		if (names === true) {
			basis.push('name');
			confidence += 0.2;
		} else if (names === false) {
			basis.push('nameDiffers');
			confidence *= 0.3;
		}
	}
	confidence = Math.round(Math.min(1, confidence) * 100) / 100;
	const match: ReviewMatch = {
		reviewId: review.id,
		createdAt: review.createdAt,
		daysBefore,
		confidence,
		basis,
		summary: summarise(review, daysBefore, confidence, basis),
	};
	if (review.externalId) match.externalId = review.externalId;
	if (review.rating !== undefined) match.rating = review.rating;
	if (reviewProduct) match.productId = reviewProduct;
	if (review.productName) match.productName = review.productName;
	return match;
}

export class BuyerReviewsInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'BuyerReviewsInputError';
	}
}

function parse<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
	const r = schema.safeParse(value);
	if (r.success) return r.data;
	const issue = r.error.issues[0];
	const path = [field, ...issue.path].join('.');
	throw new BuyerReviewsInputError(path, `"${path}" ${issue.message}`);
}

/** The chat's buyer's likely reviews, most likely first. */
export function matchBuyerReviews(chat: unknown, reviews: unknown, options: MatchOptions = {}): ReviewMatch[] {
	const c = parse(chatSideSchema, chat, 'chat');
	if (!Array.isArray(reviews)) throw new BuyerReviewsInputError('reviews', `"reviews" must be a list (got ${reviews === null ? 'null' : typeof reviews})`);
	const min = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
	const matches: ReviewMatch[] = [];
	reviews.forEach((raw, i) => {
		const m = scoreReview(c, parse(reviewSideSchema, raw, `reviews.${i}`), options);
		if (m && m.confidence >= min) matches.push(m);
	});
	// Equal confidence: the lower rating first — an unhappy review is what the manager must see.
	return matches.sort((a, b) => b.confidence - a.confidence || (a.rating ?? 6) - (b.rating ?? 6) || a.daysBefore - b.daysBefore);
}
