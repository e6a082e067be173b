// Wildberries end to end in a real n8n: the template "WB: reply to every new review" (Wildberries Trigger →
// Wildberries reply) runs published in n8n against the sandbox. Every unanswered review with text gets exactly one
// reply: the backlog, new reviews arriving while faults are switched on, and reviews that arrive around a restart.
'use strict';
const { createSandbox, TOKENS } = require('../sandbox/server');
const { ensureN8n } = require('./n8n-install');
const { startN8n, versionsUnderTest } = require('./n8n-harness');
const { wbSandboxCredential, loadTemplate, countBy } = require('./support');

const WORKFLOW_ID = 'agentiqWbReviews01';

// What WB itself lists as unanswered (it archives a review after 30 days), split by whether it has text.
async function unansweredOnWb(sb) {
	const res = await fetch(`${sb.url}/wb/feedbacks/api/v1/feedbacks?isAnswered=false&take=5000&skip=0`, { headers: { Authorization: TOKENS.all } });
	const feedbacks = (await res.json()).data.feedbacks;
	const hasText = (f) => [f.text, f.pros, f.cons].some((t) => t && t.trim());
	return { withText: feedbacks.filter(hasText).map((f) => f.id), ratingOnly: feedbacks.filter((f) => !hasText(f)).map((f) => f.id) };
}

function answers(sb) {
	return sb.state.replies.filter((r) => r.kind === 'feedbackAnswer');
}

function expectExactlyOnce(sb, ids) {
	const counts = countBy(answers(sb).map((r) => r.targetId));
	const doubled = [...counts].filter(([, n]) => n > 1);
	expect(doubled).toEqual([]);
	for (const id of ids) expect(counts.get(id)).toBe(1);
}

describe.each(versionsUnderTest())('n8n %s: WB reviews are answered exactly once', (version) => {
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

	it('answers the backlog, new reviews under faults, and reviews around a restart, each once', async () => {
		const { withText: backlog, ratingOnly } = await unansweredOnWb(sb);
		expect(ratingOnly.length).toBeGreaterThan(0);
		expect(backlog.length).toBeGreaterThan(10);

		n8n = await startN8n({
			version,
			credentials: [wbSandboxCredential(sb.url)],
			workflows: [loadTemplate('wb-reply-to-reviews.json', WORKFLOW_ID)],
			publish: [WORKFLOW_ID],
		});

		// 1. The backlog: the first poll runs at activation.
		await n8n.waitFor(() => backlog.every((id) => answers(sb).some((r) => r.targetId === id)), {
			timeoutMs: 120_000,
			what: `replies to the ${backlog.length} unanswered reviews`,
		});
		expectExactlyOnce(sb, backlog);
		expect(answers(sb).filter((r) => ratingOnly.includes(r.targetId))).toEqual([]);
		const sample = answers(sb).find((r) => r.targetId === backlog[0]);
		expect(sample.text).toMatch(/Спасибо/);
		expect(sample.text.length).toBeGreaterThanOrEqual(2);

		// 2. Faults on: rate limits with retry headers, 5xx, malformed and slow answers, duplicated pages.
		sb.setFaults({
			hosts: ['feedbacks'],
			seed: 7,
			rate5xx: 0.15,
			duplicatePages: true,
			script: [{ type: '429', retryAfterSeconds: 1 }, { type: '500' }, { type: 'malformed' }, { type: 'slow', ms: 1500 }, { type: '429', retryAfterSeconds: 2 }],
		});
		const underFaults = [1, 2, 3, 4].map((k) => sb.addFeedback({ text: `Ткань тонкая, после стирки села на размер (${k})`, productValuation: 2 }).id);
		await n8n.waitFor(() => underFaults.every((id) => answers(sb).some((r) => r.targetId === id)), {
			timeoutMs: 150_000,
			intervalMs: 2000,
			what: 'replies to the reviews added under faults',
		});
		expectExactlyOnce(sb, [...backlog, ...underFaults]);
		const faulted = sb.state.requests.filter((r) => r.fault).map((r) => r.fault.type || r.fault);
		expect(faulted.length).toBeGreaterThanOrEqual(5);

		// 3. A restart: the cursor lives in the workflow's static data, so nothing is answered twice afterwards.
		sb.setFaults({});
		const aroundRestart = [1, 2].map((k) => sb.addFeedback({ text: `Очень понравилось, спасибо! (${k})`, productValuation: 5 }).id);
		await n8n.restart();
		await n8n.waitFor(() => aroundRestart.every((id) => answers(sb).some((r) => r.targetId === id)), {
			timeoutMs: 150_000,
			intervalMs: 2000,
			what: 'replies to the reviews added around the restart',
		});
		// One more poll after the restart must not answer anything again.
		const repliesBefore = answers(sb).length;
		const afterRestart = sb.addFeedback({ text: 'Пришло быстро, всё хорошо', productValuation: 5 }).id;
		await n8n.waitFor(() => answers(sb).some((r) => r.targetId === afterRestart), { timeoutMs: 150_000, intervalMs: 2000, what: 'one more poll' });
		expect(answers(sb).length).toBe(repliesBefore + 1);
		expectExactlyOnce(sb, [...backlog, ...underFaults, ...aroundRestart, afterRestart]);
		expect((await unansweredOnWb(sb)).withText).toEqual([]);
	}, 12 * 60 * 1000);
});
