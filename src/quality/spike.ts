// The spike rule. p0 = the previous window's negative share, p1 = the current window's.
// An alert fires when the current window has at least `minReviews` reviews AND
//   (p1 − p0) / max(p0, baselineFloor) ≥ threshold
// AND, unless `confidence` is 0, the rise is unlikely to be chance (see below).
// The floor answers p0 = 0 (and p0 tiny): growth from nothing is infinite, so a product with no negative
// review last week would alert on its first one. With the floor, a baseline below 5 % counts as 5 %: going from
// 0 % to 10 % is +100 % and fires at the default threshold, going from 0 % to 1 % is +20 % and does not.
// A product with no reviews at all in the previous window is judged the same way (p0 = 0) and marked
// `baseline: "none"`.
//
// Why the significance check: a relative threshold alone fires on noise. A product at a steady 5 % negative with
// 50 reviews a week has 2 or 3 negative reviews one week and 4 the next far more often than not — "+60 %" — and
// the benchmark (tests/bench/quality.bench.js) saw a third of stable products alert every week without the check.
// The check is a one-sided two-proportion z-test (pooled) of p1 > p0; with no previous reviews, a one-sample test
// of p1 against the floor. It needs z ≥ the one-sided normal quantile of `confidence` (0.95 → 1.645).

export const CONFIDENCE_LEVELS = [0, 0.8, 0.9, 0.95, 0.99] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];
/** One-sided standard normal quantiles: P(Z ≤ z) = level. */
const Z_FOR: Record<ConfidenceLevel, number> = { 0: -Infinity, 0.8: 0.8416, 0.9: 1.2816, 0.95: 1.6449, 0.99: 2.3263 };

export interface SpikeOptions {
	/** Relative growth of the negative share that fires an alert: 0.3 = +30 %. */
	threshold: number;
	/** Minimum reviews in the current window, so two bad reviews are not a spike. */
	minReviews: number;
	/** The smallest baseline share the growth is measured against. */
	baselineFloor: number;
	/** How sure the rise must be not to be chance (one-sided test); 0 = no check. Default 0.95. */
	confidence?: ConfidenceLevel;
}

export const DEFAULT_SPIKE_OPTIONS: Required<SpikeOptions> = { threshold: 0.3, minReviews: 10, baselineFloor: 0.05, confidence: 0.95 };

export interface WindowCounts {
	reviews: number;
	negative: number;
}

export interface SpikeResult {
	fires: boolean;
	/** Why it did not fire, when it did not. */
	reason: 'spike' | 'too_few_reviews' | 'no_growth' | 'below_threshold' | 'not_significant';
	previousShare: number;
	currentShare: number;
	/** (p1 − p0) / max(p0, floor); null when the current window is empty. */
	growth: number | null;
	baseline: 'previous' | 'floor' | 'none';
	/** The test statistic of the significance check (null when a window is empty). */
	z: number | null;
}

// Shares are ratios of counts, so a growth that is exactly the threshold on paper can land a rounding error below
// it in floating point (5/10 against 5/13 gives 0.29999999999999993): compare with a tolerance far below any
// meaningful difference.
const EPSILON = 1e-9;

export function isConfidenceLevel(value: unknown): value is ConfidenceLevel {
	return (CONFIDENCE_LEVELS as readonly unknown[]).includes(value);
}

/** z of p1 > p0: pooled two-proportion test, or one-sample against the floor when there is no previous window. */
export function riseZ(current: WindowCounts, previous: WindowCounts, floor: number): number | null {
	if (current.reviews === 0) return null;
	const p1 = current.negative / current.reviews;
	if (previous.reviews === 0) return (p1 - floor) / Math.sqrt((floor * (1 - floor)) / current.reviews);
	const p0 = previous.negative / previous.reviews;
	const pooled = (current.negative + previous.negative) / (current.reviews + previous.reviews);
	const se = Math.sqrt(pooled * (1 - pooled) * (1 / current.reviews + 1 / previous.reviews));
	if (se === 0) return p1 > p0 ? Infinity : 0;
	return (p1 - p0) / se;
}

export function evaluateSpike(current: WindowCounts, previous: WindowCounts, options: SpikeOptions): SpikeResult {
	const p1 = current.reviews > 0 ? current.negative / current.reviews : 0;
	const p0 = previous.reviews > 0 ? previous.negative / previous.reviews : 0;
	const base = Math.max(p0, options.baselineFloor);
	const baseline = previous.reviews === 0 ? 'none' : p0 >= options.baselineFloor ? 'previous' : 'floor';
	// The floor is > 0 (validated), so the growth is always finite.
	const growth = current.reviews > 0 ? (p1 - p0) / base : null;
	const z = riseZ(current, previous, options.baselineFloor);
	const result = { previousShare: p0, currentShare: p1, growth, baseline, z } as const;
	if (current.reviews < Math.max(1, options.minReviews)) return { ...result, fires: false, reason: 'too_few_reviews' };
	if (!(p1 > p0)) return { ...result, fires: false, reason: 'no_growth' };
	if (growth === null || growth < options.threshold - EPSILON) return { ...result, fires: false, reason: 'below_threshold' };
	const needed = Z_FOR[options.confidence ?? 0] ?? -Infinity;
	if (z === null || z < needed) return { ...result, fires: false, reason: 'not_significant' };
	return { ...result, fires: true, reason: 'spike' };
}
