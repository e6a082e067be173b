import { evaluateSpike, riseZ, DEFAULT_SPIKE_OPTIONS } from '../../../src/quality/spike';

// The threshold rule alone (significance check off), as the issue states it.
const opts = { threshold: 0.3, minReviews: 10, baselineFloor: 0.05, confidence: 0 } as const;

describe('spike rule: (p1 − p0) / max(p0, floor) ≥ threshold with a minimum sample', () => {
	it('defaults to +30 %, 10 reviews, a 5 % floor and a 95 % significance check', () => {
		expect(DEFAULT_SPIKE_OPTIONS).toEqual({ ...opts, confidence: 0.95 });
	});

	it('fires exactly at the threshold and not just below it', () => {
		// 20 % → 26 % is +30 % exactly.
		const at = evaluateSpike({ reviews: 100, negative: 26 }, { reviews: 100, negative: 20 }, opts);
		expect(at).toMatchObject({ fires: true, reason: 'spike', previousShare: 0.2, currentShare: 0.26, baseline: 'previous' });
		expect(at.growth).toBeCloseTo(0.3, 12);
		// 20 % → 26 % at other sample sizes: 50 and 13.
		expect(evaluateSpike({ reviews: 50, negative: 13 }, { reviews: 50, negative: 10 }, opts).fires).toBe(true);
		// 20 % → 25 % is +25 %: below.
		const below = evaluateSpike({ reviews: 100, negative: 25 }, { reviews: 100, negative: 20 }, opts);
		expect(below).toMatchObject({ fires: false, reason: 'below_threshold' });
		expect(below.growth).toBeCloseTo(0.25, 12);
		// 5 of 13 → 5 of 10 is +30 % exactly, but computes to 0.29999999999999993 in floating point: still fires.
		const rounded = evaluateSpike({ reviews: 10, negative: 5 }, { reviews: 13, negative: 5 }, opts);
		expect(rounded.growth).toBeLessThan(0.3);
		expect(rounded.fires).toBe(true);
	});

	it('needs the minimum number of reviews in the current window', () => {
		// 9 reviews, 9 negative, against 0 % before: a huge jump, but too small a sample.
		expect(evaluateSpike({ reviews: 9, negative: 9 }, { reviews: 30, negative: 0 }, opts)).toMatchObject({ fires: false, reason: 'too_few_reviews' });
		expect(evaluateSpike({ reviews: 10, negative: 9 }, { reviews: 30, negative: 0 }, opts)).toMatchObject({ fires: true });
		// Two bad reviews out of two are not a spike at the default minimum.
		expect(evaluateSpike({ reviews: 2, negative: 2 }, { reviews: 0, negative: 0 }, DEFAULT_SPIKE_OPTIONS).fires).toBe(false);
	});

	it('measures growth from a zero or tiny baseline against the floor', () => {
		// 0 % → 10 %: (0.1 − 0) / 0.05 = 2 → fires.
		const fromZero = evaluateSpike({ reviews: 20, negative: 2 }, { reviews: 40, negative: 0 }, opts);
		expect(fromZero).toMatchObject({ fires: true, baseline: 'floor' });
		expect(fromZero.growth).toBeCloseTo(2, 12);
		// 0 % → 1 %: 0.01 / 0.05 = 0.2 → does not fire.
		expect(evaluateSpike({ reviews: 100, negative: 1 }, { reviews: 40, negative: 0 }, opts)).toMatchObject({ fires: false, reason: 'below_threshold' });
		// 2 % → 4 % doubles the share but is only +40 % of the 5 % floor: fires at 0.3, not at 0.5.
		expect(evaluateSpike({ reviews: 100, negative: 4 }, { reviews: 100, negative: 2 }, opts).growth).toBeCloseTo(0.4, 12);
		expect(evaluateSpike({ reviews: 100, negative: 4 }, { reviews: 100, negative: 2 }, { ...opts, threshold: 0.5 }).fires).toBe(false);
	});

	it('treats a product with no previous reviews as a zero baseline, marked "none"', () => {
		const r = evaluateSpike({ reviews: 10, negative: 3 }, { reviews: 0, negative: 0 }, opts);
		expect(r).toMatchObject({ fires: true, baseline: 'none', previousShare: 0, currentShare: 0.3 });
		expect(r.growth).toBeCloseTo(6, 12);
	});

	it('never fires when the share did not grow', () => {
		expect(evaluateSpike({ reviews: 50, negative: 10 }, { reviews: 50, negative: 10 }, opts)).toMatchObject({ fires: false, reason: 'no_growth', growth: 0 });
		expect(evaluateSpike({ reviews: 50, negative: 5 }, { reviews: 50, negative: 10 }, opts)).toMatchObject({ fires: false, reason: 'no_growth' });
		expect(evaluateSpike({ reviews: 50, negative: 0 }, { reviews: 0, negative: 0 }, opts)).toMatchObject({ fires: false, reason: 'no_growth' });
	});

	it('with the significance check, a rise that is likely chance does not fire', () => {
		// 2 of 50 → 4 of 50: +60 % against the 5 % floor, but pooled z = 0.04 / √(0.06·0.94·0.04) = 0.842.
		const small = evaluateSpike({ reviews: 50, negative: 4 }, { reviews: 50, negative: 2 }, { ...opts, confidence: 0.95 });
		expect(small).toMatchObject({ fires: false, reason: 'not_significant' });
		expect(small.z).toBeCloseTo(0.8422, 3);
		expect(evaluateSpike({ reviews: 50, negative: 4 }, { reviews: 50, negative: 2 }, opts).fires).toBe(true);
		// 20 of 500 → 40 of 500: the same shares, z = 0.04 / √(0.06·0.94·0.004) = 2.663 ≥ 1.645.
		const large = evaluateSpike({ reviews: 500, negative: 40 }, { reviews: 500, negative: 20 }, { ...opts, confidence: 0.95 });
		expect(large).toMatchObject({ fires: true });
		expect(large.z).toBeCloseTo(2.6631, 3);
		// At 99 % (z ≥ 2.326) it still fires.
		expect(evaluateSpike({ reviews: 500, negative: 40 }, { reviews: 500, negative: 20 }, { ...opts, confidence: 0.99 }).fires).toBe(true);
	});

	it('tests against the floor when there is no previous window', () => {
		// 3 of 10 against 5 %: z = (0.3 − 0.05) / √(0.05·0.95/10) = 3.627.
		expect(riseZ({ reviews: 10, negative: 3 }, { reviews: 0, negative: 0 }, 0.05)).toBeCloseTo(3.6274, 3);
		expect(evaluateSpike({ reviews: 10, negative: 3 }, { reviews: 0, negative: 0 }, DEFAULT_SPIKE_OPTIONS).fires).toBe(true);
		// 1 of 10 against 5 %: z = 0.05 / 0.0689 = 0.725: +100 % on paper, one review in fact.
		expect(evaluateSpike({ reviews: 10, negative: 1 }, { reviews: 0, negative: 0 }, DEFAULT_SPIKE_OPTIONS)).toMatchObject({ fires: false, reason: 'not_significant' });
		expect(riseZ({ reviews: 0, negative: 0 }, { reviews: 5, negative: 1 }, 0.05)).toBeNull();
	});
});
