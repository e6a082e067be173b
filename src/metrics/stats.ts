// Small statistics with the definitions spelled out, so a dashboard and a hand calculation agree.

/**
 * Quantile of sorted numbers by linear interpolation between closest ranks (the "type 7" definition used by
 * spreadsheets and numpy): position h = (n − 1)·q, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * The median of an even count is the mean of the two middle values.
 */
export function quantile(sorted: ArrayLike<number>, q: number): number | null {
	const n = sorted.length;
	if (n === 0) return null;
	if (q < 0 || q > 1) throw new RangeError(`quantile must be within 0..1 (got ${q})`);
	const h = (n - 1) * q;
	const lo = Math.floor(h);
	const hi = Math.min(n - 1, lo + 1);
	return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Wilson score interval of a success rate, wins out of n, at z (1.96 = 95 %). Unlike the normal approximation it
 * stays inside 0..1 and is honest for small samples and rates near 0 or 1, which A/B tests of reply tones have.
 */
export function wilson(wins: number, n: number, z = 1.96): { low: number; high: number } | null {
	if (n <= 0) return null;
	const p = wins / n;
	const z2 = z * z;
	const denominator = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / denominator;
	const margin = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
	return { low: Math.max(0, centre - margin), high: Math.min(1, centre + margin) };
}

export const round4 = (x: number): number => Math.round(x * 10000) / 10000;
