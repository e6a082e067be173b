import { matchBuyerReviews, scoreReview, BuyerReviewsInputError } from '../../../src/linking';
import type { ReviewSide } from '../../../src/linking/buyer-reviews';

// The chat's buyer against the seller's reviews: the marketplace's buyer id decides when both sides have one;
// otherwise the same product within the window, closer in time and with the same first name, is more likely.

const CHAT = { id: 'wb:chat:e1', marketplace: 'wb' as const, productId: '121998450', buyerName: 'Ирина', createdAt: '2026-11-25T12:00:00Z' };
const review = (over: Record<string, unknown> = {}): ReviewSide => ({
	id: 'wb:review:r1',
	externalId: 'r1',
	marketplace: 'wb',
	channel: 'review',
	productId: '121998450',
	productName: 'Кроссовки беговые мужские, белые, дышащие, на каждый день',
	buyerName: 'Ирина',
	rating: 1,
	text: 'Развалились через неделю',
	createdAt: '2026-11-23T09:00:00Z',
	...over,
}) as ReviewSide;

describe('scoreReview', () => {
	it('is near-certain by buyer id, and certain with the same product too', () => {
		const chat = { ...CHAT, buyerId: 'b-7' };
		expect(scoreReview(chat, review({ buyerId: 'b-7', productId: 'other' }))).toMatchObject({ confidence: 0.95, basis: ['buyerId'] });
		expect(scoreReview(chat, review({ buyerId: 'b-7' }))).toMatchObject({ confidence: 0.99, basis: ['buyerId', 'product'] });
	});

	it('is no match when both buyer ids are given and differ, whatever else agrees', () => {
		expect(scoreReview({ ...CHAT, buyerId: 'b-7' }, review({ buyerId: 'b-8' }))).toBeNull();
	});

	it('needs the same product and marketplace without buyer ids', () => {
		expect(scoreReview(CHAT, review({ productId: '999' }))).toBeNull();
		expect(scoreReview({ ...CHAT, productId: undefined }, review())).toBeNull();
		expect(scoreReview(CHAT, review({ marketplace: 'ozon' }))).toBeNull();
		expect(scoreReview(CHAT, review({ channel: 'question' }))).toBeNull();
	});

	it('drops reviews outside the window, and ones written well after the chat began', () => {
		expect(scoreReview(CHAT, review({ createdAt: '2026-10-01T00:00:00Z' }))).toBeNull();
		expect(scoreReview(CHAT, review({ createdAt: '2026-10-01T00:00:00Z' }), { windowDays: 90 })).not.toBeNull();
		expect(scoreReview(CHAT, review({ createdAt: '2026-11-28T00:00:00Z' }))).toBeNull();
		expect(scoreReview(CHAT, review({ createdAt: '2026-11-25T18:00:00Z' }))).not.toBeNull();
	});

	it('trusts a review closer in time more, a matching first name more, and a different name much less', () => {
		const near = scoreReview(CHAT, review({ buyerName: undefined }))!.confidence;
		const far = scoreReview(CHAT, review({ buyerName: undefined, createdAt: '2026-11-05T00:00:00Z' }))!.confidence;
		const named = scoreReview(CHAT, review())!.confidence;
		const otherName = scoreReview(CHAT, review({ buyerName: 'Ольга' }))!;
		expect(far).toBeLessThan(near);
		expect(named).toBeGreaterThan(near);
		expect(named).toBeLessThan(0.9);
		expect(otherName.confidence).toBeLessThan(far);
		expect(otherName.basis).toContain('nameDiffers');
		// Placeholder names say nothing either way.
		expect(scoreReview(CHAT, review({ buyerName: 'Покупатель' }))!.confidence).toBe(near);
	});

	it('says it in one line, Russian and English, with the stars, product, days and confidence', () => {
		const m = scoreReview(CHAT, review())!;
		expect(m.daysBefore).toBe(2);
		expect(m.summary.ru).toBe(`Вероятно, этот покупатель оставил отзыв 1★ на «Кроссовки беговые мужские» 2 дня назад (уверенность ${m.confidence.toFixed(2).replace('.', ',')}).`);
		expect(m.summary.en).toBe(`This buyer probably left a 1★ review on «Кроссовки беговые мужские» 2 days ago (confidence ${m.confidence.toFixed(2)}, by product, time and name).`);
		const sure = scoreReview({ ...CHAT, buyerId: 'b' }, review({ buyerId: 'b', createdAt: '2026-11-04T10:00:00Z', rating: 5 }))!;
		expect(sure.summary.ru).toMatch(/^Этот покупатель оставил отзыв 5★ на «Кроссовки беговые мужские» 21 день назад/);
		expect(scoreReview(CHAT, review({ createdAt: '2026-11-24T11:00:00Z' }))!.summary.ru).toMatch(/ вчера /);
		expect(scoreReview(CHAT, review({ createdAt: '2026-11-20T11:00:00Z' }))!.summary.ru).toMatch(/ 5 дней назад /);
	});
});

describe('matchBuyerReviews', () => {
	it('returns the likely reviews, best first, dropping weak ones', () => {
		const matches = matchBuyerReviews(CHAT, [
			review({ id: 'far', createdAt: '2026-11-01T00:00:00Z' }),
			review({ id: 'other-product', productId: '5' }),
			review({ id: 'near' }),
			review({ id: 'other-name', buyerName: 'Ольга' }),
		]);
		expect(matches.map((m) => m.reviewId)).toEqual(['near', 'far']);
	});

	it('puts the unhappy review first when two are equally likely', () => {
		const matches = matchBuyerReviews(CHAT, [review({ id: 'five', rating: 5 }), review({ id: 'one', rating: 1 })]);
		expect(matches.map((m) => m.reviewId)).toEqual(['one', 'five']);
	});

	it('names the bad field and item', () => {
		expect(() => matchBuyerReviews({ ...CHAT, createdAt: 'yesterday' }, [])).toThrow(/"chat.createdAt" must be a date-time/);
		expect(() => matchBuyerReviews(CHAT, [review(), review({ rating: 7 })])).toThrow(/"reviews.1.rating"/);
		expect(() => matchBuyerReviews(CHAT, 'x')).toThrow(BuyerReviewsInputError);
	});
});
