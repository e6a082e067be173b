import { requireInteger } from './validation';

// The public product card lives on one of WB's "basket" CDN hosts, chosen by vol = floor(nmId / 100000).
// WB publishes no table; the ranges below are what WB's own site uses, as observed by others:
// - up to vol 4565 (basket 25): the project's reference (shared/reference/marketplace-apis.md);
// - 26..40 (vol ≤ 9605): the same boundaries in several independent public WB scrapers from 2025–2026;
// - 41..46 (vol ≤ 14213, 768 vols each): one public scraper from April 2026, the newest seen.
// New baskets keep opening for new nmIds, so the last entry is open-ended and basketCandidates() offers
// neighbours to try when a card answers 404.

export interface WbBasketRange {
	/** Highest vol on this basket; `null` = everything above the previous range. */
	maxVol: number | null;
	basket: number;
}

export const WB_BASKET_RANGES: readonly WbBasketRange[] = [
	{ maxVol: 143, basket: 1 },
	{ maxVol: 287, basket: 2 },
	{ maxVol: 431, basket: 3 },
	{ maxVol: 719, basket: 4 },
	{ maxVol: 1007, basket: 5 },
	{ maxVol: 1061, basket: 6 },
	{ maxVol: 1115, basket: 7 },
	{ maxVol: 1169, basket: 8 },
	{ maxVol: 1313, basket: 9 },
	{ maxVol: 1601, basket: 10 },
	{ maxVol: 1655, basket: 11 },
	{ maxVol: 1919, basket: 12 },
	{ maxVol: 2045, basket: 13 },
	{ maxVol: 2189, basket: 14 },
	{ maxVol: 2405, basket: 15 },
	{ maxVol: 2621, basket: 16 },
	{ maxVol: 2837, basket: 17 },
	{ maxVol: 3053, basket: 18 },
	{ maxVol: 3269, basket: 19 },
	{ maxVol: 3485, basket: 20 },
	{ maxVol: 3701, basket: 21 },
	{ maxVol: 3917, basket: 22 },
	{ maxVol: 4133, basket: 23 },
	{ maxVol: 4349, basket: 24 },
	{ maxVol: 4565, basket: 25 },
	{ maxVol: 4877, basket: 26 },
	{ maxVol: 5189, basket: 27 },
	{ maxVol: 5501, basket: 28 },
	{ maxVol: 5813, basket: 29 },
	{ maxVol: 6125, basket: 30 },
	{ maxVol: 6437, basket: 31 },
	{ maxVol: 6749, basket: 32 },
	{ maxVol: 7061, basket: 33 },
	{ maxVol: 7373, basket: 34 },
	{ maxVol: 7685, basket: 35 },
	{ maxVol: 7997, basket: 36 },
	{ maxVol: 8309, basket: 37 },
	{ maxVol: 8741, basket: 38 },
	{ maxVol: 9173, basket: 39 },
	{ maxVol: 9605, basket: 40 },
	{ maxVol: 10373, basket: 41 },
	{ maxVol: 11141, basket: 42 },
	{ maxVol: 11909, basket: 43 },
	{ maxVol: 12677, basket: 44 },
	{ maxVol: 13445, basket: 45 },
	{ maxVol: 14213, basket: 46 },
	{ maxVol: null, basket: 47 },
];

export function formatBasket(basket: number): string {
	return String(basket).padStart(2, '0');
}

function requireNmId(nmId: unknown): number {
	return requireInteger('nmId', nmId, 1, Number.MAX_SAFE_INTEGER);
}

/**
 * The basket for a vol. Past the last known boundary the newest baskets have had equal widths, so the
 * guess continues that step instead of piling every newer nmId onto the open-ended basket.
 */
export function basketForVol(vol: number, ranges: readonly WbBasketRange[] = WB_BASKET_RANGES): number {
	let previousMax = -1;
	let previousWidth = 0;
	let previousBasket = 0;
	for (const range of ranges) {
		if (range.maxVol === null) {
			if (previousWidth <= 0) return range.basket;
			const extrapolated = previousBasket + Math.ceil((vol - previousMax) / previousWidth);
			return Math.max(range.basket, extrapolated);
		}
		if (vol <= range.maxVol) return range.basket;
		previousWidth = range.maxVol - previousMax;
		previousMax = range.maxVol;
		previousBasket = range.basket;
	}
	// A table without an open-ended entry: the newest basket is the best remaining guess.
	return previousBasket;
}

export interface WbCardPath {
	/** Two digits ('01'…'47'), three past basket 99. */
	basket: string;
	/** `/vol<V>/part<P>/<nmId>/info/ru/card.json` */
	path: string;
	vol: number;
	part: number;
}

export function productCardPath(nmId: number, ranges: readonly WbBasketRange[] = WB_BASKET_RANGES): WbCardPath {
	const id = requireNmId(nmId);
	const vol = Math.floor(id / 100000);
	const part = Math.floor(id / 1000);
	return {
		basket: formatBasket(basketForVol(vol, ranges)),
		path: `/vol${vol}/part${part}/${id}/info/ru/card.json`,
		vol,
		part,
	};
}

/**
 * Baskets to try in order: the primary guess, then its neighbours (+1, −1, +2, −2, …). A boundary that
 * moved by a few vols, or a basket opened after this table was written, is then still found.
 */
export function basketCandidates(
	nmId: number,
	spread = 2,
	ranges: readonly WbBasketRange[] = WB_BASKET_RANGES,
): string[] {
	const width = requireInteger('spread', spread, 0, 10);
	const { basket } = productCardPath(nmId, ranges);
	const primary = Number(basket);
	const candidates = [primary];
	for (let step = 1; step <= width; step++) {
		candidates.push(primary + step);
		if (primary - step >= 1) candidates.push(primary - step);
	}
	return candidates.map(formatBasket);
}
