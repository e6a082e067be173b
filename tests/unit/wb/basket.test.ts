import {
	WB_BASKET_RANGES,
	basketCandidates,
	basketForVol,
	productCardPath,
} from '../../../src/wb/basket';
import { WbInputError } from '../../../src/wb/validation';

describe('WB_BASKET_RANGES', () => {
	it('is one ordered table: growing boundaries, consecutive baskets, open-ended last entry', () => {
		const closed = WB_BASKET_RANGES.slice(0, -1);
		closed.forEach((range, index) => {
			expect(range.maxVol).not.toBeNull();
			if (index > 0) expect(range.maxVol as number).toBeGreaterThan(closed[index - 1].maxVol as number);
			expect(range.basket).toBe(index + 1);
		});
		const last = WB_BASKET_RANGES[WB_BASKET_RANGES.length - 1];
		expect(last.maxVol).toBeNull();
		expect(last.basket).toBe(closed.length + 1);
	});

	it('keeps the reference table up to basket 25', () => {
		const reference: [number, number][] = [
			[143, 1], [287, 2], [431, 3], [719, 4], [1007, 5], [1061, 6], [1115, 7], [1169, 8], [1313, 9], [1601, 10],
			[1655, 11], [1919, 12], [2045, 13], [2189, 14], [2405, 15], [2621, 16], [2837, 17], [3053, 18], [3269, 19],
			[3485, 20], [3701, 21], [3917, 22], [4133, 23], [4349, 24], [4565, 25],
		];
		for (const [maxVol, basket] of reference) {
			expect(basketForVol(maxVol)).toBe(basket);
			expect(basketForVol(maxVol + 1)).toBe(basket + 1);
		}
	});
});

describe('productCardPath', () => {
	it('computes vol, part and basket', () => {
		expect(productCardPath(287700029)).toEqual({
			basket: '18',
			path: '/vol2877/part287700/287700029/info/ru/card.json',
			vol: 2877,
			part: 287700,
		});
		expect(productCardPath(12345)).toMatchObject({ basket: '01', path: '/vol0/part12/12345/info/ru/card.json' });
		expect(productCardPath(14917842).basket).toBe('02');
	});

	it('goes past the old "else 26" for new nmIds', () => {
		expect(productCardPath(480000000).basket).toBe('26');
		expect(productCardPath(820000000).basket).toBe('37');
		expect(productCardPath(1000000000).basket).toBe('41');
	});

	it('extrapolates past the last known boundary instead of piling everything on one basket', () => {
		expect(productCardPath(1421399999).basket).toBe('46');
		expect(productCardPath(1421400000).basket).toBe('47');
		// 768 vols per basket, as the newest known baskets
		expect(productCardPath(1421300000 + 768 * 100000 * 2).basket).toBe('48');
	});

	it('refuses an nmId that is not a positive integer', () => {
		expect(() => productCardPath(0)).toThrow(WbInputError);
		expect(() => productCardPath(12.5)).toThrow('nmId must be an integer 1 or more (got 12.5)');
	});
});

describe('basketCandidates', () => {
	it('starts with the primary guess, then alternates neighbours', () => {
		expect(basketCandidates(287700029)).toEqual(['18', '19', '17', '20', '16']);
	});

	it('never goes below basket 01', () => {
		expect(basketCandidates(12345)).toEqual(['01', '02', '03']);
	});

	it('takes a wider or no spread', () => {
		expect(basketCandidates(287700029, 0)).toEqual(['18']);
		expect(basketCandidates(287700029, 3)).toHaveLength(7);
		expect(() => basketCandidates(287700029, 50)).toThrow('spread must be an integer from 0 to 10 (got 50)');
	});
});
