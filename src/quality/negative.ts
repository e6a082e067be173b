import type { QualityEvent } from './input';

// When a review counts as negative. Default `sentimentOrRating`: negative sentiment OR rating ≤ maxRating
// (2 by default): a 1★ "ok" and a 4★ rant both count, since either is what a shopper reading the card sees.
// `rating` uses stars only (a review without stars falls back to sentiment); `sentiment` uses the text only.

export const NEGATIVE_RULES = ['sentimentOrRating', 'rating', 'sentiment'] as const;
export type NegativeRule = (typeof NEGATIVE_RULES)[number];

export interface NegativeOptions {
	rule: NegativeRule;
	maxRating: number;
}

export const DEFAULT_NEGATIVE_OPTIONS: NegativeOptions = { rule: 'sentimentOrRating', maxRating: 2 };

export function isNegative(event: Pick<QualityEvent, 'sentiment' | 'rating'>, options: NegativeOptions = DEFAULT_NEGATIVE_OPTIONS): boolean {
	const byRating = event.rating !== undefined && event.rating <= options.maxRating;
	const bySentiment = event.sentiment === 'negative';
	switch (options.rule) {
		case 'rating':
			return event.rating === undefined ? bySentiment : byRating;
		case 'sentiment':
			return bySentiment;
		default:
			return byRating || bySentiment;
	}
}
