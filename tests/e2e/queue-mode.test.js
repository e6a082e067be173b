// Queue mode end to end: Postgres + Redis (started by the test on loopback), n8n main with EXECUTIONS_MODE=queue and
// two `n8n worker` processes, the package installed in each. The templates in TEMPLATES run published against their
// own sandbox; reviews keep arriving while they run, so polls keep producing executions that the workers share.
// Proven: every interaction that must be answered gets exactly one reply and nothing else gets one; every enqueued
// execution ran once, on exactly one worker, and succeeded; both workers did work; and a burst of concurrent
// duplicate deliveries of the same targets to both workers (the probe workflows in PROBES) still sends one reply per
// target, so the "sent once" record must hold across processes, not live in one worker's memory.
//
// More templates are added to TEMPLATES: { file, id, expected(sb) -> Set of ids that must be answered now,
// arrivals: [[feedback, ...], ...] (batches added while running; the ones to answer are found by expected()),
// check(sb, ctx) extra assertions }.
'use strict';
const fs = require('fs');
const path = require('path');
const { createSandbox, TOKENS } = require('../sandbox/server');
const { ensureN8n } = require('./n8n-install');
const { versionsUnderTest, groupAlive } = require('./n8n-harness');
const { startQueueN8n, canConnect } = require('./queue-harness');
const { wbSandboxCredential, loadTemplate, countBy, REPO_ROOT } = require('./support');

// The compiled core, as in classify-route.test.js (a staged package has no node_modules to resolve zod from).
const dist = path.join(REPO_ROOT, 'dist', 'src');

async function unansweredFeedbacks(sb) {
	const res = await fetch(`${sb.url}/wb/feedbacks/api/v1/feedbacks?isAnswered=false&take=5000&skip=0`, { headers: { Authorization: TOKENS.all } });
	return (await res.json()).data.feedbacks;
}

const hasText = (f) => [f.text, f.pros, f.cons].some((t) => t && t.trim());

// The classify template answers only what its default rules route to auto_reply: computed here with the same
// compiled core the package ships, independently of n8n.
function autoReplyIds(feedbacks) {
	const { normaliseFeedback, isRatingOnly } = require(path.join(dist, 'wb', 'normalise.js'));
	const { classifyText } = require(path.join(dist, 'classify', 'index.js'));
	const { decide } = require(path.join(dist, 'classification.js'));
	const rules = require(path.join(dist, 'rules', 'index.js'));
	const ids = new Set();
	for (const raw of feedbacks) {
		if (isRatingOnly(raw)) continue;
		const i = normaliseFeedback(raw, { isAnswered: false });
		if (decide(i, classifyText(i), { sla: rules.DEFAULT_SLA_RULES, routing: rules.DEFAULT_ROUTING_RULES }, new Date()).route === 'auto_reply') ids.add(i.externalId);
	}
	return ids;
}

const TEMPLATES = [
	{
		file: 'wb-reply-to-reviews.json',
		id: 'agentiqQueueReply01',
		async expected(sb) {
			return new Set((await unansweredFeedbacks(sb)).filter(hasText).map((f) => f.id));
		},
		arrivals: [1, 2].map((batch) => [
			{ text: `Ткань тонкая, после стирки села на размер (партия ${batch})`, productValuation: 2 },
			{ text: `Очень понравилось, спасибо! (партия ${batch})`, productValuation: 5 },
			{ productValuation: 4, pros: `Удобно сидит (партия ${batch})` },
		]),
		check(sb, { answered }) {
			for (const r of answered) expect(r.text).toMatch(/Спасибо/);
		},
	},
	{
		file: 'wb-reviews-classify-draft-reply.json',
		id: 'agentiqQueueClassify',
		async expected(sb) {
			return autoReplyIds(await unansweredFeedbacks(sb));
		},
		arrivals: [1, 2].map((batch) => [
			{ text: `Отличный товар, всё подошло, спасибо! (${batch})`, productValuation: 5 },
			{ text: `Хорошее качество, доставка быстрая (${batch})`, productValuation: 5 },
			{ text: `Брак: шов разошёлся в первый же день, верните деньги (${batch})`, productValuation: 1 },
		]),
		check(sb, { answered }) {
			const { check } = require(path.join(dist, 'guardrails', 'index.js'));
			for (const r of answered) expect([r.text, check(r.text, { marketplace: 'wb', channel: 'review' }).ok]).toEqual([r.text, true]);
			expect(new Set(answered.map((r) => r.text)).size).toBe(answered.length);
		},
	},
];

// Probes: Webhook → the Wildberries node of wb-reply-to-reviews.json with "Skip If Already Sent" on, fed the same
// targets several times at once. One per kind of reply: WB refuses a second answer to a review (so a duplicate
// that slips through fails the execution), but it accepts a second chat message (so it reaches the buyer).
const PROBE_COPIES = 3;
const PROBES = [
	{
		name: 'review answer',
		id: 'agentiqQueueProbeRv01',
		path: 'agentiq-queue-probe-review',
		replyKind: 'feedbackAnswer',
		parameters: { resource: 'review', operation: 'reply', reviewId: '={{ $json.body.targetId }}', text: '={{ $json.body.text }}', skipIfSent: true },
		async targets(sb) {
			return (await unansweredFeedbacks(sb)).filter(hasText).slice(0, 8).map((f) => f.id);
		},
	},
	{
		name: 'chat message',
		id: 'agentiqQueueProbeCh01',
		path: 'agentiq-queue-probe-chat',
		replyKind: 'chatMessage',
		parameters: {
			resource: 'chat',
			operation: 'sendMessage',
			chatId: '={{ $json.body.targetId }}',
			replySign: '',
			message: '={{ $json.body.text }}',
			replyToId: '={{ "probe-" + $json.body.targetId }}',
			skipIfSent: true,
		},
		async targets(sb) {
			const res = await fetch(`${sb.url}/wb/chat/api/v1/seller/chats`, { headers: { Authorization: TOKENS.all } });
			return (await res.json()).result.slice(0, 6).map((c) => c.chatID);
		},
	},
];

function probeWorkflow(probe, index, credId) {
	const source = loadTemplate('wb-reply-to-reviews.json', 'x');
	const wbNode = source.nodes.find((n) => n.type === 'n8n-nodes-agentiq.wildberries');
	const webhook = {
		id: `5b0d2c11-0000-4000-8000-00000000a${index}01`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `5b0d2c11-0000-4000-8000-00000000a${index}02`,
		parameters: { httpMethod: 'POST', path: probe.path, responseMode: 'onReceived', options: {} },
	};
	const node = { ...wbNode, name: 'Send once', parameters: probe.parameters };
	return useCredential(
		{ id: probe.id, name: `Queue probe: ${probe.name}`, nodes: [webhook, node], connections: { Webhook: { main: [[{ node: node.name, type: 'main', index: 0 }]] } } },
		credId,
	);
}

function credentialId(i) {
	return `agentiqQueueWb0${i}`;
}

function useCredential(workflow, id) {
	for (const node of workflow.nodes) if (node.credentials && node.credentials.wildberriesApi) node.credentials.wildberriesApi = { id, name: id };
	return workflow;
}

function templateWorkflow(t, i) {
	// The template as shipped (it polls every minute; n8n allows no less), only pointed at this template's sandbox.
	return useCredential(loadTemplate(t.file, t.id), credentialId(i));
}

const SEND_PATHS = /\/(feedbacks\/answer|seller\/message)$/;
const sendAttempts = (sb) => sb.state.requests.filter((r) => r.method === 'POST' && SEND_PATHS.test(r.path));
const answerPosts = (sb) => sendAttempts(sb).filter((r) => /answer$/.test(r.path));
const answersOf = (sb) => sb.state.replies.filter((r) => r.kind === 'feedbackAnswer');

describe.each(versionsUnderTest())('n8n %s in queue mode (Postgres, Redis, main + 2 workers)', (version) => {
	const sandboxes = [];
	const probeSandboxes = [];
	let q;
	const startedAt = Date.now();
	const stats = { templates: {} };
	// Per template, the ids due a reply before n8n started (the first poll may answer them before their test runs).
	const backlogs = [];

	beforeAll(async () => {
		await ensureN8n(version);
		for (let i = 0; i < TEMPLATES.length; i++) {
			const sb = createSandbox({ seed: 'default' });
			await sb.start(0);
			sandboxes.push(sb);
		}
		for (let i = 0; i < PROBES.length; i++) {
			const sb = createSandbox({ seed: 'default' });
			await sb.start(0);
			probeSandboxes.push(sb);
		}
	}, 20 * 60 * 1000);

	afterAll(async () => {
		stats.totalMs = Date.now() - startedAt;
		if (q) {
			stats.timings = q.timings;
			stats.postgresRunAs = q.postgres.runAs;
			await q.stop();
		}
		for (const sb of [...sandboxes, ...probeSandboxes]) await sb.stop();
		process.stdout.write(`[queue-mode ${version}] ${JSON.stringify(stats)}\n`);
	}, 120_000);

	it('starts Postgres, Redis, the main and two workers, with every workflow published', async () => {
		for (let i = 0; i < TEMPLATES.length; i++) backlogs.push(await TEMPLATES[i].expected(sandboxes[i]));
		for (const b of backlogs) expect(b.size).toBeGreaterThan(3);
		const credentials = [...sandboxes, ...probeSandboxes].map((sb, i) => wbSandboxCredential(sb.url, { id: credentialId(i), name: credentialId(i) }));
		const workflows = [...TEMPLATES.map(templateWorkflow), ...PROBES.map((p, i) => probeWorkflow(p, i, credentialId(TEMPLATES.length + i)))];
		q = await startQueueN8n({ version, workers: 2, credentials, workflows, publish: workflows.map((w) => w.id) });
		expect(q.workers.map((w) => w.running())).toEqual([true, true]);
		stats.backlogs = backlogs.map((b) => b.size);
	}, 10 * 60 * 1000);

	// One template's run: the backlog (answered by the poll at activation), then batches of new reviews, each picked up
	// by a later poll (every minute), so each template produces several executions for the workers to share.
	async function runTemplate(t, i) {
		const sb = sandboxes[i];
		const due = new Set(backlogs[i]);
		const notDue = new Set();
		let batchesDue = 0;
		for (const batch of t.arrivals) {
			const added = batch.map((fb) => sb.addFeedback(fb).id);
			const nowDue = await t.expected(sb);
			for (const id of added) (nowDue.has(id) ? due : notDue).add(id);
			if (added.some((id) => due.has(id))) batchesDue += 1;
			// Let a poll pick the batch up before the next one arrives: a new execution per batch.
			await q.main.waitFor(() => added.filter((id) => due.has(id)).every((id) => answersOf(sb).some((r) => r.targetId === id)), {
				timeoutMs: 180_000,
				intervalMs: 1000,
				what: `replies to the batch ${added.join(', ')} (${t.file})`,
			});
		}
		await q.main.waitFor(() => [...due].every((id) => answersOf(sb).some((r) => r.targetId === id)), { timeoutMs: 180_000, what: `every reply of ${t.file}` });
		// One more poll (every minute) must not answer anything again.
		const before = answersOf(sb).length;
		await new Promise((r) => setTimeout(r, 65_000));
		const answered = answersOf(sb);
		expect(answered.length).toBe(before);
		expect([...countBy(answered.map((r) => r.targetId))].filter(([, n]) => n > 1)).toEqual([]);
		expect(new Set(answered.map((r) => r.targetId))).toEqual(due);
		// No attempt to answer twice was even made (WB would refuse a second answer with 400).
		expect(answerPosts(sb).filter((r) => r.status !== 204)).toEqual([]);
		expect(answerPosts(sb).length).toBe(due.size);
		t.check(sb, { answered });
		const executions = await q.main.executions(t.id);
		expect(executions.length).toBeGreaterThanOrEqual(1 + batchesDue);
		expect(executions.filter((e) => e.status !== 'success').map((e) => [e.id, e.status])).toEqual([]);
		stats.templates[t.file] = { replies: answered.length, notAnswered: notDue.size, executions: executions.length };
	}

	it('every template: each review due a reply gets exactly one, across both workers', async () => {
		expect(q).toBeDefined();
		// The templates run side by side, each against its own sandbox; failures are reported per template.
		const results = await Promise.allSettled(TEMPLATES.map((t, i) => runTemplate(t, i)));
		const failures = results.map((r, i) => (r.status === 'rejected' ? `${TEMPLATES[i].file}: ${r.reason && r.reason.message}` : null)).filter(Boolean);
		expect(failures).toEqual([]);
	}, 15 * 60 * 1000);

	it.each(PROBES.map((p, i) => [p.name, i]))('%s: concurrent duplicate deliveries to both workers send one reply per target', async (name, i) => {
		expect(q).toBeDefined();
		const probe = PROBES[i];
		const sb = probeSandboxes[i];
		const targets = await probe.targets(sb);
		expect(targets.length).toBeGreaterThanOrEqual(5);
		const deliver = (targetId) => q.main.http('POST', q.main.webhookUrl(probe.path), { body: { targetId, text: `Спасибо, что написали! Мы на связи (${String(targetId).slice(-4)}).` } });
		let seen = 'nothing yet';
		const settled = (count) =>
			q.main
				.waitFor(
					async () => {
						const all = await q.main.executions(probe.id);
						seen = JSON.stringify(Object.fromEntries(countBy(all.map((e) => e.status))));
						return all.length >= count && all.every((e) => !['new', 'running', 'waiting'].includes(e.status)) ? all : null;
					},
					{ timeoutMs: 180_000, intervalMs: 1000, what: `${count} executions of the ${name} probe to finish` },
				)
				.catch((error) => {
					const enqueued = q.enqueued().length;
					throw new Error(`${error.message}\n[probe] executions listed by status: ${seen}; enqueued by the main so far (all workflows): ${enqueued}`);
				});
		// 1. Every target PROBE_COPIES times, all at once: the executions land on both workers concurrently.
		const burst = [];
		for (let copy = 0; copy < PROBE_COPIES; copy++) for (const id of targets) burst.push(deliver(id));
		expect((await Promise.all(burst)).map((r) => r.status)).toEqual(burst.map(() => 200));
		const afterBurst = await settled(burst.length);
		const attemptsInBurst = sendAttempts(sb).length;
		// 2. Each target once more, one at a time: a record of "sent" lost between concurrent executions shows here.
		for (const [k, id] of targets.entries()) {
			expect((await deliver(id)).status).toBe(200);
			await settled(afterBurst.length + k + 1);
		}
		const runs = await q.main.executions(probe.id, { includeData: true });
		const errorOf = (e) => {
			const error = e.data && e.data.resultData && e.data.resultData.error;
			return error ? String(error.message || error.description || '').slice(0, 160) : `status ${e.status}`;
		};
		const replies = sb.state.replies.filter((r) => r.kind === probe.replyKind);
		const counts = countBy(replies.map((r) => String(r.targetId)));
		const probeIds = new Set(runs.map((e) => String(e.id)));
		const perWorker = q.workers.map((w) => w.executionsStarted().filter((id) => probeIds.has(id)).length);
		stats.probes = stats.probes || {};
		stats.probes[name] = {
			targets: targets.length,
			executions: runs.length,
			replies: replies.length,
			attemptsInBurst,
			attemptsOnRedelivery: sendAttempts(sb).length - attemptsInBurst,
			refusedByWb: sendAttempts(sb).filter((r) => r.status >= 300).length,
			failed: runs.filter((e) => e.status !== 'success').length,
			errors: [...countBy(runs.filter((e) => e.status !== 'success').map(errorOf))].map(([message, n]) => `${n}× ${message}`),
			perWorker,
		};
		// Both workers took part, so duplicates really ran in different processes at the same time.
		for (const n of perWorker) expect(n).toBeGreaterThan(0);
		// What a seller is promised: one reply per target, and a duplicate delivery is recognised as already sent
		// instead of failing (on WB's "already answered", say).
		expect({
			repliesPerTarget: targets.map((id) => counts.get(String(id)) || 0),
			failedExecutions: runs.filter((e) => e.status !== 'success').map((e) => e.id),
		}).toEqual({ repliesPerTarget: targets.map(() => 1), failedExecutions: [] });
	}, 10 * 60 * 1000);

	it('ran every enqueued execution exactly once, on one worker, and both workers shared the work', async () => {
		expect(q).toBeDefined();
		const all = await q.main.executions();
		const enqueued = q.enqueued();
		const ranOn = q.ranOn();
		// Every execution in the database went through the queue and was started by exactly one worker.
		expect(all.map((e) => String(e.id)).filter((id) => !enqueued.includes(id))).toEqual([]);
		expect([...countBy(enqueued)].filter(([, n]) => n > 1)).toEqual([]);
		expect(all.map((e) => [String(e.id), ranOn.get(String(e.id)) || []]).filter(([, names]) => names.length !== 1)).toEqual([]);
		// (The probe's own failures are the previous test's business.)
		const templateIds = new Set(TEMPLATES.map((t) => t.id));
		expect(all.filter((e) => templateIds.has(e.workflowId) && e.status !== 'success').map((e) => [e.id, e.status])).toEqual([]);
		// The main ran none itself.
		expect(q.main.logs()).not.toMatch(/Worker started execution/);
		const perWorker = q.workers.map((w) => w.executionsStarted().length);
		for (const n of perWorker) expect(n).toBeGreaterThan(0);
		for (const w of q.workers) expect(new Set(w.executionsFinished())).toEqual(new Set(w.executionsStarted()));
		stats.executions = all.length;
		stats.perWorker = perWorker;
	}, 5 * 60 * 1000);

	it('stops the workers, the main, Redis and Postgres and removes their folders', async () => {
		expect(q).toBeDefined();
		const { pids, folders } = q.footprint();
		const services = [q.postgres, q.redis];
		await q.stop();
		expect(pids.concat(services.map((s) => s.pid)).filter((pid) => groupAlive(pid))).toEqual([]);
		expect(await Promise.all(services.map((s) => canConnect(s.port)))).toEqual([false, false]);
		if (!process.env.AGENTIQ_E2E_KEEP) expect(folders.concat(services.map((s) => s.folder)).filter((f) => fs.existsSync(f))).toEqual([]);
		await q.stop(); // a second stop is harmless
	}, 120_000);
});
