// Review → Get Many and Question → Get Many: against the sandbox (real HTTP, WB's paging and filters), and the
// paging edge cases against nock.
import nock from 'nock';
import type { IExecuteFunctions } from 'n8n-workflow';

import { Wildberries } from '../../../nodes/Wildberries/Wildberries.node';
import { listPasses, nextPage } from '../../../src/wb/list-pages';
import { BASE, context, credentials, feedback, feedbackPage } from './helpers';
import { createContext } from '../../support/n8n-context';
import { WildberriesApi } from '../../../credentials/WildberriesApi.credentials';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSandbox, TOKENS } = require('../../sandbox/server');

type Json = Record<string, unknown>;
const node = new Wildberries();

describe('WB list paging (core)', () => {
	it('reads one pass per answered state, and the archive for reviews', () => {
		expect(listPasses('review', 'all')).toEqual([
			{ source: 'list', isAnswered: false },
			{ source: 'list', isAnswered: true },
			{ source: 'archive' },
		]);
		expect(listPasses('question', 'all')).toEqual([
			{ source: 'list', isAnswered: false },
			{ source: 'list', isAnswered: true },
		]);
		expect(listPasses('review', 'unanswered')).toEqual([{ source: 'list', isAnswered: false }]);
		expect(() => listPasses('review', 'yes')).toThrow(/answered must be/);
	});

	it('stops after a short page, at the limit, and refuses to cut a list off silently', () => {
		expect(nextPage('review', null, 30)).toEqual({ skip: 0, take: 30 });
		expect(nextPage('review', { skip: 0, take: 1000, received: 1000 }, Infinity)).toEqual({ skip: 1000, take: 1000 });
		expect(nextPage('review', { skip: 0, take: 1000, received: 999 }, Infinity)).toBeNull();
		expect(nextPage('review', null, 0)).toBeNull();
		// questions: take + skip ≤ 10 000
		expect(nextPage('question', { skip: 8000, take: 1000, received: 1000 }, Infinity)).toEqual({ skip: 9000, take: 1000 });
		expect(() => nextPage('question', { skip: 9000, take: 1000, received: 1000 }, Infinity)).toThrow(/at most 10000 per query, narrow the date range/);
	});
});

describe('Wildberries node: Get Many against the sandbox', () => {
	let sb: { start: (p: number) => Promise<{ url: string }>; stop: () => Promise<void>; state: Json };
	let url = '';
	beforeAll(async () => {
		sb = createSandbox({ seed: 'default' });
		url = (await sb.start(0)).url;
	});
	afterAll(async () => sb.stop());

	function ctx(parameters: Json) {
		return createContext({
			credentials: {
				wildberriesApi: {
					...credentials,
					token: TOKENS.all,
					feedbacksBaseUrl: `${url}/wb/feedbacks`,
					chatBaseUrl: `${url}/wb/chat`,
					marketplaceBaseUrl: `${url}/wb/marketplace`,
					statisticsBaseUrl: `${url}/wb/statistics`,
				},
			},
			credentialTypes: { wildberriesApi: new WildberriesApi() },
			parameters,
			items: [{ json: {} }],
		});
	}
	const run = async (parameters: Json) => (await node.execute.call(ctx(parameters) as unknown as IExecuteFunctions))[0];
	const wb = () => sb.state.wb as { feedbacks: Array<Json & { id: string; answer: unknown; productDetails: { nmId: number }; _createdMs: number }>; questions: Array<Json & { id: string; answer: unknown }> };

	it('returns every review, answered and unanswered, once each, as Interactions', async () => {
		const out = await run({ resource: 'review', operation: 'getMany', answered: 'all', returnAll: true, filters: {} });
		const ids = out.map((i) => i.json.externalId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(ids)).toEqual(new Set(wb().feedbacks.map((f) => f.id)));
		const answered = out.filter((i) => i.json.answered).map((i) => i.json.externalId);
		expect(new Set(answered)).toEqual(new Set(wb().feedbacks.filter((f) => f.answer).map((f) => f.id)));
		expect(out.every((i) => i.json.marketplace === 'wb' && i.json.channel === 'review' && (i.pairedItem as unknown as Json).item === 0)).toBe(true);
	});

	it('applies the limit, the answered filter, the product and the date range', async () => {
		expect(await run({ resource: 'review', operation: 'getMany', answered: 'unanswered', returnAll: false, limit: 7, filters: {} })).toHaveLength(7);
		const product = wb().feedbacks[0].productDetails.nmId;
		const byProduct = await run({ resource: 'review', operation: 'getMany', answered: 'all', returnAll: true, filters: { nmId: product } });
		expect(byProduct.length).toBe(wb().feedbacks.filter((f) => f.productDetails.nmId === product).length);
		const times = wb().feedbacks.map((f) => f._createdMs).sort((a, b) => a - b);
		const from = times[Math.floor(times.length / 2)];
		const recent = await run({ resource: 'review', operation: 'getMany', answered: 'all', returnAll: true, filters: { dateFrom: new Date(from).toISOString() } });
		expect(recent.length).toBe(wb().feedbacks.filter((f) => Math.floor(f._createdMs / 1000) >= Math.floor(from / 1000)).length);
		expect(recent.length).toBeLessThan(wb().feedbacks.length);
	});

	it('lists questions the same way', async () => {
		const out = await run({ resource: 'question', operation: 'getMany', answered: 'all', returnAll: true, filters: {} });
		expect(new Set(out.map((i) => i.json.externalId))).toEqual(new Set(wb().questions.map((q) => q.id)));
		expect(out.every((i) => i.json.channel === 'question')).toBe(true);
	});

	it('names the field and the item for a bad date', async () => {
		await expect(run({ resource: 'review', operation: 'getMany', answered: 'all', returnAll: true, filters: { dateFrom: 'last week' } })).rejects.toThrow(
			/Created After must be a date .* in item 0/,
		);
	});
});

describe('Wildberries node: Get Many paging (nock)', () => {
	afterEach(() => nock.cleanAll());
	beforeAll(() => nock.disableNetConnect());
	afterAll(() => nock.enableNetConnect());

	it('pages with take/skip until a short page, drops an item repeated by a shift, and logs a malformed one', async () => {
		const all = Array.from({ length: 1500 }, (_, k) => feedback(`f${k}`, new Date(Date.UTC(2026, 10, 20) - k * 60000).toISOString()));
		const asked: Array<{ skip: number; take: number }> = [];
		nock(BASE)
			.get('/feedbacks/api/v1/feedbacks')
			.query(true)
			.times(2)
			.reply((uri) => {
				const q = new URL(uri, BASE).searchParams;
				const skip = Number(q.get('skip'));
				const take = Number(q.get('take'));
				asked.push({ skip, take });
				expect(q.get('isAnswered')).toBe('false');
				expect(q.get('order')).toBe('dateDesc');
				// A new review arrived between the pages: the second page starts with the first page's last one.
				const page = skip === 0 ? all.slice(0, take) : [all[999], ...all.slice(1000, 1499), { id: 'broken', createdDate: 'soon' }];
				return [200, feedbackPage(page)];
			});
		const warnings: string[] = [];
		const c = context({ parameters: { resource: 'review', operation: 'getMany', answered: 'unanswered', returnAll: true, filters: {} }, items: [{ json: {} }] });
		(c as unknown as { logger: { warn: (m: string) => void } }).logger.warn = (m: string) => warnings.push(m);
		const out = (await node.execute.call(c as unknown as IExecuteFunctions))[0];
		expect(asked).toEqual([
			{ skip: 0, take: 1000 },
			{ skip: 1000, take: 1000 },
		]);
		expect(out.map((i) => i.json.externalId)).toEqual(all.slice(0, 1499).map((f) => f.id));
		expect(warnings.join('\n')).toMatch(/skipped a malformed review .*broken/);
		expect(nock.isDone()).toBe(true);
	});
});
