// The template "WB reviews: classify, draft, guard, reply" in a real n8n, on sandbox items: WB Trigger → Classify
// (one output per route) → Auto Reply → Draft → Guard → Wildberries reply. The sandbox must receive replies for
// exactly the reviews the rules route to auto_reply (computed independently with the same compiled core), once
// each, every one clean by the guardrails, and pairwise different; none for the other routes.
'use strict';
const path = require('path');
const { createSandbox, TOKENS } = require('../sandbox/server');
const { ensureN8n } = require('./n8n-install');
const { startN8n, versionsUnderTest } = require('./n8n-harness');
const { wbSandboxCredential, loadTemplate, countBy, REPO_ROOT } = require('./support');

const WORKFLOW_ID = 'agentiqClassifyE2e01';
const dist = path.join(REPO_ROOT, 'dist', 'src');

function workflow() {
	return loadTemplate('wb-reviews-classify-draft-reply.json', WORKFLOW_ID);
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

describe.each(versionsUnderTest())('n8n %s: classify → draft → guard → reply on sandbox reviews', (version) => {
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
	}, 90_000);

	it('replies only to the reviews routed to auto_reply, once each, with clean and varied drafts', async () => {
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
		const { check } = require(path.join(dist, 'guardrails', 'index.js'));
		const texts = sb.state.replies.filter((r) => r.kind === 'feedbackAnswer').map((r) => r.text);
		for (const text of texts) expect([text, check(text, { marketplace: 'wb', channel: 'review' }).ok]).toEqual([text, true]);
		expect(new Set(texts).size).toBe(texts.length);
		const executions = await n8n.executions(WORKFLOW_ID);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
	}, 10 * 60 * 1000);
});
