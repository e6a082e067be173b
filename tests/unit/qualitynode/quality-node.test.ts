import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AgentIqQualityAlert } from '../../../nodes/AgentIqQualityAlert/AgentIqQualityAlert.node';
import { createContext } from '../../support/n8n-context';
import { REF, DAY, at, question, review, reviews } from '../quality/helpers';

const node = new AgentIqQualityAlert();
type Params = Record<string, unknown>;

function run(parameters: Params, json: Array<Record<string, unknown>>, o: { processed?: Map<string, boolean>; continueOnFail?: boolean } = {}) {
	const ctx = createContext({ parameters, items: json.map((j) => ({ json: j })), processed: o.processed, continueOnFail: o.continueOnFail, mode: 'manual' });
	return node.execute.call(ctx as unknown as IExecuteFunctions) as Promise<INodeExecutionData[][]>;
}

const base: Params = { operation: 'detectSpikes', referenceTime: new Date(REF).toISOString(), windowDays: 7, threshold: 0.3, minReviews: 10, oncePerPeriod: true, options: {} };

// Product A: 10 % → 40 % negative; B: stable 20 %; C: too few reviews.
const ITEMS = [...reviews('A', 'previous', 20, 2), ...reviews('B', 'previous', 20, 4), ...reviews('A', 'current', 20, 8), ...reviews('B', 'current', 20, 4), ...reviews('C', 'current', 5, 5)];

describe('AgentIQ Quality Alert node: Detect Spikes', () => {
	it('emits one alert for the product that spiked, paired with its current-period items', async () => {
		const [out] = await run(base, ITEMS);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ type: 'quality_spike', productId: 'A', negative: 8, reviews: 20, negativeShare: 0.4, previousShare: 0.1, growth: 3 });
		// A's current reviews are items 40..59.
		expect(out[0].pairedItem).toEqual(Array.from({ length: 20 }, (_, k) => ({ item: 40 + k })));
	});

	it('fires once per product per period: a second execution in the same period does not fire again', async () => {
		const processed = new Map<string, boolean>();
		expect((await run(base, ITEMS, { processed }))[0]).toHaveLength(1);
		expect([...processed.keys()]).toEqual(['workflow:quality:A|2026-11-23T00:00:00.000Z']);
		// Later the same week, with the window slid by two days and the spike still there: nothing new.
		const later = { ...base, referenceTime: new Date(REF + 2 * DAY).toISOString() };
		const shifted = ITEMS.map((j) => ({ ...j, createdAt: new Date(Date.parse(j.createdAt as string) + 2 * DAY).toISOString() }));
		expect((await run(later, shifted, { processed }))[0]).toHaveLength(0);
		// The next week it may fire again.
		const nextWeek = { ...base, referenceTime: new Date(REF + 7 * DAY).toISOString() };
		const moved = ITEMS.map((j) => ({ ...j, createdAt: new Date(Date.parse(j.createdAt as string) + 7 * DAY).toISOString() }));
		const [again] = await run(nextWeek, moved, { processed });
		expect(again.map((i) => [i.json.productId, (i.json.period as { key: string }).key])).toEqual([['A', '2026-11-30T00:00:00.000Z']]);
	});

	it('with Alert Once per Period off, every execution reports the spike and nothing is recorded', async () => {
		const processed = new Map<string, boolean>();
		const p = { ...base, oncePerPeriod: false };
		expect((await run(p, ITEMS, { processed }))[0]).toHaveLength(1);
		expect((await run(p, ITEMS, { processed }))[0]).toHaveLength(1);
		expect(processed.size).toBe(0);
	});

	it('honours the threshold and minimum reviews parameters', async () => {
		expect((await run({ ...base, threshold: 3.01 }, ITEMS))[0]).toHaveLength(0);
		expect((await run({ ...base, threshold: 3 }, ITEMS))[0]).toHaveLength(1);
		expect((await run({ ...base, minReviews: 21 }, ITEMS))[0]).toHaveLength(0);
		// C (5 of 5 negative, nothing before) fires once the minimum is 5.
		expect((await run({ ...base, minReviews: 5 }, ITEMS))[0].map((i) => i.json.productId)).toEqual(['C', 'A']);
	});

	it('applies the chance check: a small rise fires only with the check off', async () => {
		// 2 of 50 → 4 of 50: +60 % against the 5 % floor, z ≈ 0.84.
		const noisy = [...reviews('N', 'previous', 50, 2), ...reviews('N', 'current', 50, 4)];
		expect((await run(base, noisy))[0]).toHaveLength(0);
		const [out] = await run({ ...base, options: { confidence: '0' } }, noisy);
		expect(out.map((i) => [i.json.productId, i.json.z, i.json.confidence])).toEqual([['N', 0.84, 0]]);
		await expect(run({ ...base, options: { confidence: '0.5' } }, noisy)).rejects.toThrow(/Invalid parameter: confidence/);
	});

	it('names the item and field of bad input; with continueOnFail the bad item comes out with an error', async () => {
		const bad = [...ITEMS.slice(0, 3), { ...ITEMS[3], createdAt: 'вчера' }];
		await expect(run(base, bad)).rejects.toThrow('"createdAt" must be an ISO date-time in item 3 (got "вчера")');
		const [out] = await run(base, [...ITEMS, { text: 'x', createdAt: at(1) }], { continueOnFail: true });
		expect(out.map((i) => i.json.productId ?? i.json.error)).toEqual(['"productId" is missing in item 85', 'A']);
		expect(out[0].pairedItem).toEqual({ item: 85 });
	});

	it('rejects a bad Reference Time and a bad Period', async () => {
		await expect(run({ ...base, referenceTime: 'tomorrow' }, ITEMS)).rejects.toThrow('Reference Time must be an ISO date-time (got "tomorrow")');
		await expect(run({ ...base, windowDays: 0 }, ITEMS)).rejects.toThrow(/Invalid parameter: windowDays/);
	});
});

describe('AgentIQ Quality Alert node: Top Problem Products and Question Topics', () => {
	it('ranks problem products with the period attached', async () => {
		const [out] = await run({ ...base, operation: 'topProblemProducts', topCount: 1, rankBy: 'negative', minReviews: 5 }, ITEMS);
		expect(out.map((i) => [i.json.rank, i.json.productId, i.json.negative])).toEqual([[1, 'A', 8]]);
		expect(out[0].json.period).toEqual({ key: '2026-11-23T00:00:00.000Z', start: at(7), end: at(0) });
		const [byShare] = await run({ ...base, operation: 'topProblemProducts', topCount: 3, rankBy: 'share', minReviews: 5 }, ITEMS);
		expect(byShare.map((i) => i.json.productId)).toEqual(['C', 'A', 'B']);
	});

	it('reports question topics per product, paired with the questions', async () => {
		const qs = [review('Z', 1), ...Array.from({ length: 9 }, () => question('Z', 1, 'sizing_fit')), question('Z', 2, 'usage_howto'), question('Y', 1, 'availability')];
		const [out] = await run({ ...base, operation: 'questionTopics', minQuestions: 3 }, qs);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ productId: 'Z', questions: 10, topTopic: 'size', topShare: 0.9 });
		expect(out[0].json.suggestion).toMatch(/size table/);
		// The review (item 0) is also Z's current-period evidence.
		expect(out[0].pairedItem).toHaveLength(11);
	});
});
