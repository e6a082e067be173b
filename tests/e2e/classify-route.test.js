// AgentIQ Classify in a real n8n, on sandbox items: WB Trigger → Classify (one output per route) → only the
// "Auto Reply" output is wired to the Wildberries reply. The sandbox must receive replies for exactly the reviews
// the rules route to auto_reply (computed independently with the same compiled core), and none for the others.
'use strict';
const path = require('path');
const { createSandbox, TOKENS } = require('../sandbox/server');
const { ensureN8n } = require('./n8n-install');
const { startN8n, versionsUnderTest } = require('./n8n-harness');
const { wbSandboxCredential, countBy, REPO_ROOT } = require('./support');

const WORKFLOW_ID = 'agentiqClassifyE2e01';
const dist = path.join(REPO_ROOT, 'dist', 'src');

function workflow() {
	const cred = { wildberriesApi: { id: 'agentiqWbSandbox01', name: 'Wildberries (sandbox)' } };
	const noop = (name, y) => ({ id: `0d2c1f3e-0000-4000-8000-00000000000${y}`, name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [700, y * 120], parameters: {} });
	return {
		id: WORKFLOW_ID,
		name: 'e2e: classify and route WB reviews',
		nodes: [
			{
				id: '0d2c1f3e-0000-4000-8000-000000000001',
				name: 'New WB review',
				type: 'n8n-nodes-agentiq.wildberriesTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: {} },
				credentials: cred,
			},
			{
				id: '0d2c1f3e-0000-4000-8000-000000000002',
				name: 'Classify',
				type: 'n8n-nodes-agentiq.agentIqClassify',
				typeVersion: 1,
				position: [250, 0],
				parameters: { mode: 'offline', outputMode: 'perRoute', options: {} },
			},
			{
				id: '0d2c1f3e-0000-4000-8000-000000000003',
				name: 'Reply on WB',
				type: 'n8n-nodes-agentiq.wildberries',
				typeVersion: 1,
				position: [500, -120],
				parameters: {
					resource: 'review',
					operation: 'reply',
					reviewId: '={{ $json.externalId }}',
					text: '={{ "Спасибо за отзыв о товаре «" + $json.productName + "»! Рады, что покупка понравилась." }}',
					skipIfSent: true,
				},
				credentials: cred,
			},
			noop('Approval queue', 5),
			noop('Escalated', 6),
			noop('Ignored', 7),
		],
		connections: {
			'New WB review': { main: [[{ node: 'Classify', type: 'main', index: 0 }]] },
			Classify: {
				main: [
					[{ node: 'Reply on WB', type: 'main', index: 0 }],
					[{ node: 'Approval queue', type: 'main', index: 0 }],
					[{ node: 'Escalated', type: 'main', index: 0 }],
					[{ node: 'Ignored', type: 'main', index: 0 }],
				],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

async function expectedRoutes(sb) {
	const { normaliseFeedback, parseFeedbackList, isRatingOnly } = require(path.join(dist, 'wb', 'normalise.js'));
	const { classifyText } = require(path.join(dist, 'classify', 'index.js'));
	const { decide } = require(path.join(dist, 'classification.js'));
	const rules = require(path.join(dist, 'rules', 'index.js'));
	const res = await fetch(`${sb.url}/wb/feedbacks/api/v1/feedbacks?isAnswered=false&take=5000&skip=0`, { headers: { Authorization: TOKENS.all } });
	const routes = new Map();
	for (const raw of parseFeedbackList(await res.json()).feedbacks) {
		if (isRatingOnly(raw)) continue;
		const i = normaliseFeedback(raw, { isAnswered: false });
		const c = decide(i, classifyText(i), { sla: rules.DEFAULT_SLA_RULES, routing: rules.DEFAULT_ROUTING_RULES }, new Date());
		routes.set(i.externalId, c.route);
	}
	return routes;
}

describe.each(versionsUnderTest())('n8n %s: AgentIQ Classify routes sandbox reviews', (version) => {
	let sb;
	let n8n;

	beforeAll(async () => {
		await ensureN8n(version);
		sb = createSandbox({ seed: 'default' });
		await sb.start(0);
	}, 20 * 60 * 1000);

	afterAll(async () => {
		if (n8n) await n8n.stop();
		if (sb) await sb.stop();
	});

	it('replies only to the reviews routed to auto_reply, once each', async () => {
		const routes = await expectedRoutes(sb);
		const auto = [...routes].filter(([, r]) => r === 'auto_reply').map(([id]) => id);
		const others = [...routes].filter(([, r]) => r !== 'auto_reply').map(([id]) => id);
		expect(auto.length).toBeGreaterThan(3);
		expect(others.length).toBeGreaterThan(3);

		n8n = await startN8n({ version, credentials: [wbSandboxCredential(sb.url)], workflows: [workflow()], publish: [WORKFLOW_ID] });
		await n8n.waitFor(
			async () => {
				const done = (await n8n.executions(WORKFLOW_ID)).filter((e) => e.finished || e.status === 'success' || e.status === 'error');
				return done.length >= 1;
			},
			{ timeoutMs: 120_000, what: 'the first execution of the classify workflow' },
		);
		await n8n.waitFor(() => auto.every((id) => sb.state.replies.some((r) => r.targetId === id)), { timeoutMs: 60_000, what: 'replies to auto_reply reviews' });
		const replied = sb.state.replies.filter((r) => r.kind === 'feedbackAnswer').map((r) => r.targetId);
		expect([...countBy(replied)].filter(([, n]) => n > 1)).toEqual([]);
		expect(new Set(replied)).toEqual(new Set(auto));
		const executions = await n8n.executions(WORKFLOW_ID);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
	}, 10 * 60 * 1000);
});
