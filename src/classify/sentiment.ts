// Polarity of the whole text from the evidence. Clear praise plus a clear complaint is `neutral`
// (taxonomy.md); the rating, when there is one, only nudges: the text decides.

import type { Evidence } from './evidence';
import type { Sentiment } from './types';

/** A single cue at least this strong is "clear" praise or complaint; hedged words stay below it. */
const CLEAR = 0.8;
const RATING_NUDGE: Record<number, [number, number]> = {
	1: [0, 0.35],
	2: [0, 0.25],
	3: [0, 0],
	4: [0.15, 0],
	5: [0.25, 0],
};

export function decideSentiment(ev: Evidence, rating?: number): Sentiment {
	const [ratingPos, ratingNeg] = rating !== undefined ? (RATING_NUDGE[rating] ?? [0, 0]) : [0, 0];
	const pos = ev.positive + (ev.positive > 0 ? ratingPos : 0);
	const neg = ev.negative + (ev.negative > 0 ? ratingNeg : 0);
	if (pos < 0.4 && neg < 0.4) return 'neutral';
	if (ev.strongestPositive >= CLEAR && ev.strongestNegative >= CLEAR) return 'neutral';
	const diff = pos - neg;
	if (Math.abs(diff) < 0.3) return 'neutral';
	return diff > 0 ? 'positive' : 'negative';
}
