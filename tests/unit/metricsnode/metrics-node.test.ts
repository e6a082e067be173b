import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AgentIqMetrics } from '../../../nodes/AgentIqMetrics/AgentIqMetrics.node';
import { createContext } from '../../support/n8n-context';

const node = new AgentIqMetrics();
const REF = '2026-11-23T12:00:00.000Z';
const ago = (h: number): string => new Date(Date.parse(REF) - h * 3600_000).toISOString();
const later = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

function run(parameters: Record<string, unknown>, json: Array<Record<string, unknown>>, continueOnFail = false) {
	const ctx = createContext({ parameters, items: json.map((j) => ({ json: j })), continueOnFail });
	return node.execute.call(ctx as unknown as IExecuteFunctions) as Promise<INodeExecutionData[][]>;
}

// What a workflow sees after WB Trigger → Classify → Draft → Wildberries (reply): the nodes' own field names.
function handled(hours: number, replyMinutes: number | null, o: { priority: string; sla: number; tone: string; edited?: boolean; intent?: string; emotion?: string }) {
	const createdAt = ago(hours);
	const draft = { text: 'Здравствуйте! Спасибо за отзыв.', tone: o.tone, templateId: `thanks.review.${o.tone}`, source: 'template' };
	return {
		id: `wb:review:${hours}`,
		channel: 'review',
		createdAt,
		rating: 4,
		classification: { intent: o.intent ?? 'thanks', emotion: o.emotion ?? 'happy', priority: o.priority, slaMinutes: o.sla, dueAt: later(createdAt, o.sla) },
		draft,
		...(replyMinutes === null ? {} : { reply: { status: 'sent', text: o.edited ? `${draft.text} Ждём снова!` : draft.text, sentAt: later(createdAt, replyMinutes) } }),
	};
}

const ITEMS = [
	handled(50, 20, { priority: 'normal', sla: 1440, tone: 'formal' }),
	handled(40, 200, { priority: 'normal', sla: 1440, tone: 'friendly', edited: true }),
	handled(30, 2000, { priority: 'high', sla: 240, tone: 'formal', intent: 'defect_not_working', emotion: 'angry' }),
	handled(2, null, { priority: 'high', sla: 240, tone: 'formal', intent: 'defect_not_working', emotion: 'neutral' }),
	handled(300, 10, { priority: 'normal', sla: 1440, tone: 'formal' }), // 12.5 days ago: outside the 7-day period
];

describe('AgentIQ Metrics node', () => {
	it('emits one summary item over the period, paired with the items it counted', async () => {
		const [out] = await run({ referenceTime: REF, periodDays: 7, includeRows: false }, ITEMS);
		expect(out).toHaveLength(1);
		const s = out[0].json;
		expect(s).toMatchObject({
			type: 'metrics_summary',
			period: { start: '2026-11-16T12:00:00.000Z', end: REF },
			interactions: 4,
			replied: 3,
			unreplied: 1,
			outsidePeriod: 1,
			// 20, 200, 2000 minutes: median 200, p90 = 200 + 0.8·1800 = 1640.
			responseTimeMinutes: { count: 3, median: 200, p90: 1640, mean: 740 },
			sla: { met: 2, breached: 1, pending: 1, compliance: 0.6667 },
			automation: { auto: 2, edited: 1, manual: 0, unknown: 0, autoRate: 0.6667, editedRate: 0.3333, manualRate: 0 },
			intents: [
				{ key: 'defect_not_working', count: 2, share: 0.5 },
				{ key: 'thanks', count: 2, share: 0.5 },
			],
		});
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('adds flat dimension rows when asked, and counts every item with Period 0', async () => {
		const [out] = await run({ referenceTime: REF, periodDays: 0, includeRows: true }, ITEMS);
		expect(out[0].json).toMatchObject({ interactions: 5, outsidePeriod: 0, period: { start: null, end: REF } });
		const rows = out.slice(1).map((i) => i.json);
		expect(rows.every((r) => r.type === 'metrics_row')).toBe(true);
		expect(rows.filter((r) => r.dimension === 'timing').map((r) => [r.key, r.count])).toEqual([
			['<1h', 2],
			['1-4h', 1],
			['4-24h', 0],
			['>24h', 1],
		]);
		expect(rows.filter((r) => r.dimension === 'tone').map((r) => [r.key, r.n, r.withoutOutcome])).toEqual([
			['formal', 0, 4],
			['friendly', 0, 1],
		]);
	});

	it('names the bad item; with continueOnFail the summary covers the good items and the bad one follows', async () => {
		const bad = [...ITEMS.slice(0, 2), { ...ITEMS[2], reply: { status: 'sent', text: 'x' } }];
		await expect(run({ referenceTime: REF, periodDays: 7 }, bad)).rejects.toThrow('"reply.sentAt" (when the reply was sent) is missing in item 2');
		const [out] = await run({ referenceTime: REF, periodDays: 7 }, bad, true);
		expect(out.map((i) => i.json.type ?? 'error')).toEqual(['metrics_summary', 'error']);
		expect(out[0].json.interactions).toBe(2);
		expect(out[1].pairedItem).toEqual({ item: 2 });
		await expect(run({ referenceTime: 'now-ish', periodDays: 7 }, ITEMS)).rejects.toThrow('Reference Time must be an ISO date-time (got "now-ish")');
		await expect(run({ referenceTime: REF, periodDays: -1 }, ITEMS)).rejects.toThrow('Period (Days) must be 0 or more (got -1)');
	});
});
