// AgentIQ Quality Alert and AgentIQ Metrics in a real n8n: a saved, published workflow (Webhook → Code node that
// builds a fortnight of reviews → Quality Alert "Detect Spikes", and → Metrics) is executed twice. Product A's
// negative share jumps from 10 % to 40 %, product B stays at 10 %: the first execution alerts A once, the second
// execution in the same period alerts nothing (n8n's processed-items store, kept across executions), and Metrics
// reports B's replies. The review texts carry no classification, so the offline classifier runs inside n8n.
'use strict';
const { ensureN8n } = require('./n8n-install');
const { startN8n, versionsUnderTest } = require('./n8n-harness');

const WORKFLOW_ID = 'agentiqQualityE2e01';
const PATH = 'agentiq-quality-e2e';
const REFERENCE = '2026-11-23T12:00:00.000Z';

// Runs inside n8n's Code node: 40 reviews of A and 40 of B, half in each week before the reference time.
const CODE = `
const REF = Date.parse('${REFERENCE}');
const DAY = 86400000;
const good = 'Отличное качество, всё понравилось, рекомендую';
const bad = 'Пришёл брак, молния сломана, не работает';
const out = [];
let n = 0;
function add(productId, week, i, negative, extra) {
  n++;
  const createdAt = new Date(REF - (week * 7 + 0.1 + i * 0.3) * DAY).toISOString();
  out.push({ json: Object.assign({ id: 'wb:review:' + n, marketplace: 'wb', channel: 'review', externalId: String(n), productId,
    text: negative ? bad : good, rating: negative ? 1 : 5, createdAt, answered: false, raw: {} }, extra ? extra(createdAt) : {}) });
}
for (let i = 0; i < 20; i++) add('A', 1, i, i < 2);
for (let i = 0; i < 20; i++) add('A', 0, i, i < 8);
for (let i = 0; i < 20; i++) add('B', 1, i, i < 2);
for (let i = 0; i < 20; i++) {
  const auto = i < 10;
  add('B', 0, i, i < 2, (createdAt) => {
    const draft = { text: 'Здравствуйте! Спасибо за отзыв.', tone: auto ? 'formal' : 'friendly', templateId: auto ? 't.formal' : 't.friendly', source: 'template' };
    const sentAt = new Date(Date.parse(createdAt) + (auto ? 30 : 300) * 60000).toISOString();
    return { draft, reply: { status: 'sent', marketplace: 'wb', channel: 'review', text: auto ? draft.text : draft.text + ' Ждём вас снова!', sentAt } };
  });
}
return out;
`;

function workflow() {
	const node = (name, type, typeVersion, position, parameters, extra = {}) => ({ id: `a9c0e2b4-0000-4000-8000-0000000000${position[0] / 10}`, name, type, typeVersion, position, parameters, ...extra });
	return {
		id: WORKFLOW_ID,
		name: 'AgentIQ e2e: quality alert and metrics',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', 2, [0, 0], { httpMethod: 'POST', path: PATH, responseMode: 'onReceived', options: {} }, { webhookId: '7c1d7e7a-2f0e-4c55-9b8e-5a1f0f3e9d01' }),
			node('Reviews', 'n8n-nodes-base.code', 2, [20, 0], { jsCode: CODE }),
			node('Quality Alert', 'n8n-nodes-agentiq.agentIqQualityAlert', 1, [40, -10], {
				operation: 'detectSpikes',
				referenceTime: REFERENCE,
				windowDays: 7,
				threshold: 0.3,
				minReviews: 10,
				oncePerPeriod: true,
				options: {},
			}),
			node('Metrics', 'n8n-nodes-agentiq.agentIqMetrics', 1, [60, 10], { referenceTime: REFERENCE, periodDays: 7, includeRows: true }),
		],
		connections: {
			Webhook: { main: [[{ node: 'Reviews', type: 'main', index: 0 }]] },
			Reviews: {
				main: [
					[
						{ node: 'Quality Alert', type: 'main', index: 0 },
						{ node: 'Metrics', type: 'main', index: 0 },
					],
				],
			},
		},
	};
}

function output(execution, name) {
	const runs = execution.data.resultData.runData[name];
	if (!runs) throw new Error(`node "${name}" did not run (ran: ${Object.keys(execution.data.resultData.runData).join(', ')})`);
	const main = runs[runs.length - 1].data && runs[runs.length - 1].data.main;
	return ((main && main[0]) || []).map((item) => item.json);
}

describe.each(versionsUnderTest())('n8n %s: AgentIQ Quality Alert and Metrics', (version) => {
	let n8n;

	beforeAll(async () => {
		await ensureN8n(version);
	}, 20 * 60 * 1000);

	afterAll(async () => {
		if (n8n) await n8n.stop();
	}, 90_000);

	it('alerts a spiking product once across two executions and reports the reply metrics', async () => {
		n8n = await startN8n({ version, workflows: [workflow()], publish: [WORKFLOW_ID] });
		const finished = async (count) =>
			n8n.waitFor(
				async () => {
					const list = await n8n.executions(WORKFLOW_ID, { includeData: true });
					return list.length >= count && list.every((e) => e.finished || e.status === 'error' || e.status === 'success') && list;
				},
				{ timeoutMs: 120_000, what: `execution ${count} of the quality workflow` },
			);

		expect((await n8n.http('POST', n8n.webhookUrl(PATH), { body: {} })).status).toBe(200);
		const [first] = await finished(1);
		expect(first.status).toBe('success');
		const alerts = output(first, 'Quality Alert');
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject({
			type: 'quality_spike',
			productId: 'A',
			reviews: 20,
			negative: 8,
			negativeShare: 0.4,
			previousShare: 0.1,
			growth: 3,
			dedupeKey: 'A|2026-11-23T00:00:00.000Z',
		});
		expect(alerts[0].topTopics[0]).toEqual({ topic: 'defect', count: 8, share: 1 });
		expect(alerts[0].quotes).toHaveLength(3);

		const [summary, ...rows] = output(first, 'Metrics');
		expect(summary).toMatchObject({
			type: 'metrics_summary',
			interactions: 40,
			replied: 20,
			outsidePeriod: 40,
			// 10 replies after 30 min, 10 after 300 min.
			responseTimeMinutes: { count: 20, median: 165, p90: 300 },
			automation: { auto: 10, edited: 10, manual: 0, autoRate: 0.5 },
		});
		expect(summary.timing.map((t) => t.count)).toEqual([10, 0, 10, 0]);
		expect(rows.filter((r) => r.dimension === 'tone').map((r) => r.key).sort()).toEqual(['formal', 'friendly']);

		// The same period again: the alert was recorded in the workflow's processed-items store.
		expect((await n8n.http('POST', n8n.webhookUrl(PATH), { body: {} })).status).toBe(200);
		const [, second] = await finished(2);
		expect(second.status).toBe('success');
		expect(output(second, 'Quality Alert')).toEqual([]);
		expect(output(second, 'Metrics')[0].replied).toBe(20);
	}, 10 * 60 * 1000);
});
