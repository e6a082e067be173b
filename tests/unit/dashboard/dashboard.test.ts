import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AgentIqDashboard } from '../../../nodes/AgentIqDashboard/AgentIqDashboard.node';
import { barChart, duration, escapeHtml, percent, readDashboardItems, renderDashboard } from '../../../src/dashboard';
import { MetricsAccumulator, readMetricsRecord } from '../../../src/metrics';
import { QualityAggregator, readQualityEvent } from '../../../src/quality';
import { createContext } from '../../support/n8n-context';

const REF = Date.parse('2026-11-23T12:00:00.000Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const EVIL = '<script>alert("x")</script> & «Платье»';

// Real inputs: Metrics and Quality Alert computed by the core from a small set of interactions.
function fixture() {
	const metrics = new MetricsAccumulator({ referenceTime: REF, periodStart: REF - 7 * DAY });
	const replies = [
		// [created hours ago, reply after minutes or null, priority, sla minutes, tone, rating after]
		[10, 30, 'high', 60, 'formal', 5],
		[20, 90, 'high', 60, 'formal', 3],
		[30, 300, 'normal', 1440, 'friendly', 4],
		[40, 2000, 'normal', 1440, 'friendly', 2],
		[50, null, 'normal', 1440, 'formal', null],
	] as const;
	replies.forEach(([hours, after, priority, sla, tone, ratingAfter], i) => {
		const createdAt = new Date(REF - hours * HOUR).toISOString();
		metrics.add(
			readMetricsRecord(
				{
					createdAt,
					channel: 'review',
					rating: 2,
					...(ratingAfter === null ? {} : { ratingAfter }),
					classification: { intent: 'complaint', emotion: 'upset', priority, slaMinutes: sla },
					draft: { text: 'Здравствуйте!', tone },
					...(after === null ? {} : { reply: { status: 'sent', text: 'Здравствуйте!', sentAt: new Date(Date.parse(createdAt) + after * 60_000).toISOString() } }),
				},
				i,
			),
		);
	});
	const quality = new QualityAggregator({
		referenceTime: REF,
		windowDays: 7,
		spike: { threshold: 0.3, minReviews: 5, baselineFloor: 0.05, confidence: 0 },
		negative: { rule: 'sentimentOrRating', maxRating: 2 },
		quotesPerProduct: 2,
		quoteLength: 300,
	});
	let n = 0;
	const review = (productId: string, productName: string, daysAgo: number, bad: boolean) =>
		quality.add(
			readQualityEvent(
				{
					id: `r${++n}`,
					productId,
					productName,
					channel: 'review',
					text: bad ? 'Пришёл брак, молния сломана' : 'Отличное качество, рекомендую',
					rating: bad ? 1 : 5,
					createdAt: new Date(REF - daysAgo * DAY).toISOString(),
				},
				n,
			),
		);
	for (let i = 0; i < 10; i++) review('111', EVIL, 8 + i * 0.3, i < 1);
	for (let i = 0; i < 10; i++) review('111', EVIL, 1 + i * 0.3, i < 6);
	for (let i = 0; i < 10; i++) review('222', 'Куртка', 8 + i * 0.3, i < 2);
	for (let i = 0; i < 10; i++) review('222', 'Куртка', 1 + i * 0.3, i < 2);
	return {
		summary: { type: 'metrics_summary', ...metrics.summary() } as Record<string, unknown>,
		spikes: quality.spikes() as unknown as Array<Record<string, unknown>>,
		problems: quality.topProblemProducts(10) as unknown as Array<Record<string, unknown>>,
	};
}

describe('dashboard formatting', () => {
	it('escapes markup and quotes', () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
		expect(escapeHtml(undefined)).toBe('');
	});
	it('formats shares and durations', () => {
		expect(percent(0.8751)).toBe('87.5%');
		expect(percent(1)).toBe('100.0%');
		expect(percent(null)).toBe('—');
		expect(duration(0.3)).toBe('<1 min');
		expect(duration(45.4)).toBe('45 min');
		expect(duration(90)).toBe('1.5 h');
		expect(duration(2880)).toBe('2.0 d');
		expect(duration(null)).toBe('—');
	});
	it('draws one bar per value, scaled to the largest', () => {
		const svg = barChart('t', [
			{ label: 'a', value: 2, caption: '2' },
			{ label: 'b', value: 4, caption: '4' },
		]);
		const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(heights).toHaveLength(2);
		expect(heights[1]).toBeCloseTo(heights[0] * 2, 0);
		expect(barChart('t', [])).toContain('No data');
	});
});

describe('readDashboardItems', () => {
	it('sorts the items into summary, alerts and problem rows and skips empty items', () => {
		const f = fixture();
		const data = readDashboardItems([{}, ...f.spikes, f.summary, ...[...f.problems].reverse()]);
		expect(data.summary.interactions).toBe(5);
		expect(data.spikes.map((s) => s.productId)).toEqual(['111']);
		expect(data.problems.map((p) => p.rank)).toEqual([1, 2]);
	});
	it('needs a metrics summary', () => {
		expect(() => readDashboardItems(fixture().spikes)).toThrow('No item of type "metrics_summary"');
	});
	it('names the item and the field of a malformed input', () => {
		const f = fixture();
		const bad = { ...f.problems[0], reviews: 'many' };
		expect(() => readDashboardItems([f.summary, bad])).toThrow('Item 1 looks like a top problem product but "reviews" is wrong');
		expect(() => readDashboardItems([f.summary, { foo: 1 }])).toThrow('Item 1 is neither');
		expect(() => readDashboardItems([f.summary, f.summary])).toThrow('second metrics summary');
	});
});

describe('renderDashboard', () => {
	const f = fixture();
	const html = renderDashboard(readDashboardItems([f.summary, ...f.spikes, ...f.problems]), {
		title: 'Shop <b>',
		generatedAt: '2026-11-23T12:00:00.000Z',
		reviewCount: 30,
		measuredOn: 'reviews',
	});
	const kpi = (key: string) => new RegExp(`data-kpi="${key}"><div class="label">[^<]*</div><div class="value">([^<]*)<`).exec(html)?.[1];

	it('is a self-contained page without scripts or external resources', () => {
		expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toMatch(/(src|href)=/i);
		expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
		expect(html).toContain('<title>Shop &lt;b&gt;</title>');
	});
	it('escapes product names and quotes from buyers', () => {
		expect(html).not.toContain(EVIL);
		expect(html).toContain(escapeHtml(EVIL));
	});
	it('shows the figures of the summary', () => {
		const s = f.summary as { sla: { compliance: number; breached: number }; responseTimeMinutes: { median: number } };
		// 4 replies: 30 min (met), 90 min (breached, 60 min SLA), 300 min (met), 2000 min (breached) + 1 unreplied, overdue.
		expect(s.sla.compliance).toBe(0.4);
		expect(kpi('sla-compliance')).toBe('40.0%');
		expect(kpi('sla-breached')).toBe('3');
		expect(kpi('reviews')).toBe('30');
		expect(kpi('interactions')).toBe('5');
		expect(kpi('replied')).toBe('4');
		expect(kpi('median-response')).toBe(duration(s.responseTimeMinutes.median));
		expect(kpi('alerts')).toBe('1');
	});
	it('draws the timing and SLA charts from the summary', () => {
		const timing = /<svg id="chart-timing"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
		expect([...timing.matchAll(/data-label="([^"]+)" data-value="([^"]+)"/g)].map((m) => `${m[1]}=${m[2]}`)).toEqual(['&lt;1h=1', '1-4h=1', '4-24h=1', '&gt;24h=1']);
		const sla = /<svg id="chart-sla"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
		expect([...sla.matchAll(/data-label="([^"]+)" data-value="([^"]+)"/g)].map((m) => `${m[1]}=${m[2]}`)).toEqual(['high=0.5', 'normal=0.3333']);
	});
	it('lists the problem products, the alert with its quotes, and the A/B variants with Wilson intervals', () => {
		expect(html).toMatch(/<tr data-product-id="111"><td class="num">1<\/td>/);
		expect(html).toContain('<div class="alert" data-product-id="111">');
		expect(html).toContain('«Пришёл брак, молния сломана»');
		// From 2★: formal rose to 5 and 3 (2 wins of 2, one without outcome); friendly to 4 and 2 (1 win of 2).
		expect(html).toMatch(/data-variant="formal"><td>tone<\/td><td>formal<\/td><td class="num">2<\/td><td class="num">2<\/td><td class="num">100.0%<\/td><td class="num">34.2% – 100.0%<\/td>/);
		expect(html).toMatch(/data-variant="friendly"><td>tone<\/td><td>friendly<\/td><td class="num">2<\/td><td class="num">1<\/td><td class="num">50.0%<\/td><td class="num">9.5% – 90.6%<\/td>/);
	});
	it('says so when there is nothing to show', () => {
		const empty = new MetricsAccumulator({ referenceTime: REF }).summary();
		const page = renderDashboard(readDashboardItems([{ type: 'metrics_summary', ...empty }]), { title: 't', generatedAt: 'now' });
		expect(page).toContain('No product has enough reviews');
		expect(page).toContain('No product’s negative share jumped');
		expect(page).toContain('No reply carries a tone or template');
		expect(page).toContain('No data');
	});
});

describe('AgentIQ Dashboard node', () => {
	const node = new AgentIqDashboard();
	const run = (parameters: Record<string, unknown>, json: Array<Record<string, unknown>>) => {
		const ctx = createContext({ parameters, items: json.map((j) => ({ json: j })) });
		return node.execute.call(ctx as unknown as IExecuteFunctions) as Promise<INodeExecutionData[][]>;
	};
	it('outputs one item with the page, paired with every input item', async () => {
		const f = fixture();
		const [[out]] = await run({ title: 'Dashboard', options: { reviewCount: 30 } }, [f.summary, ...f.problems]);
		expect(out.json.html).toContain('<h1>Dashboard</h1>');
		expect(out.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
	it('stops with the item and field of a bad input', async () => {
		const f = fixture();
		await expect(run({ title: 'D', options: {} }, [f.summary, { rank: 1, productId: 'x' }])).rejects.toThrow('Item 1 looks like a top problem product but "reviews" is wrong');
		await expect(run({ title: 'D', options: { reviewCount: -1 } }, [f.summary])).rejects.toThrow('Review Count must be a whole number');
	});
	it('is usable as a tool', () => {
		expect(node.description.usableAsTool).toBe(true);
	});
});
