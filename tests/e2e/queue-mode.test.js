// Queue mode end to end: Postgres + Redis (started by the test on loopback), n8n main with EXECUTIONS_MODE=queue and
// two `n8n worker` processes, the package installed in each. The templates in TEMPLATES run published against their
// own sandbox; reviews keep arriving while they run, so polls keep producing executions that the workers share.
// Proven: every interaction that must be answered gets exactly one reply and nothing else gets one; every enqueued
// execution ran once, on exactly one worker, and succeeded; both workers did work. The probe workflows (PROBES) feed
// the same targets to both workers at once and again one at a time: review answers stay exactly-once with no failed
// execution (WB's own state settles a race, see the comment above PROBES); chat messages stay exactly-once for
// duplicates one at a time, and the doubles from concurrent duplicates, the known limit, are measured.
//
// TEMPLATES rows come in two kinds. WB review templates whose choice can be computed outside n8n:
// { file, id, expected(sb) -> Set of ids that must be answered now, arrivals: [[feedback, ...], ...] (batches added
// while running; the ones to answer are found by expected()), check(sb, ctx) extra assertions }. Templates that route
// through Classify and Guard (several channels and marketplaces): { file, id, judge: 'guard', seen(sb) -> ids the
// triggers must read at the first poll, arrivals: [async (sb) -> { due: [reply keys], notDue: [reply keys],
// unseen: [item ids] }], check(sb, ctx) }; the replies due are exactly the items the Guard passed, each answered once.
'use strict';
const fs = require('fs');
const path = require('path');
const { createSandbox, TOKENS } = require('../sandbox/server');
const { ensureN8n } = require('./n8n-install');
const { versionsUnderTest, groupAlive } = require('./n8n-harness');
const { startQueueN8n, canConnect } = require('./queue-harness');
const {
	wbSandboxCredential,
	ozonSandboxCredential,
	ymSandboxCredential,
	sandboxControl,
	replyTarget,
	replyKey,
	replyChannel,
	itemsOf,
	loadTemplate,
	countBy,
	REPO_ROOT,
} = require('./support');

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

// The rescue and the unified inbox route by Classify's rules and send only what their Guard passes, so the replies
// due are read from their executions (the Guard's first output), as templates-wb.test.js and unified-inbox.test.js
// do; what the test adds itself is known independently: which items must be answered and which must not.
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
	{
		file: 'wb-negative-review-rescue.json',
		id: 'agentiqQueueRescue01',
		judge: 'guard',
		// The trigger reads unanswered 1–2★ reviews with text only.
		async seen(sb) {
			return new Set((await unansweredFeedbacks(sb)).filter((f) => f.productValuation <= 2 && hasText(f)).map((f) => `wb:review:${f.id}`));
		},
		arrivals: [
			['Маломерит на размер, пришлось отдать сестре', 199540712],
			['Большемерит на размер, пришлось отдать маме', 203344871],
		].map(([calmText, nmId]) => async (sb) => {
			// A calm size complaint: auto by the template's own rule. An angry defect: escalation. A 4★: not read.
			const calm = sb.addFeedback({ text: calmText, productValuation: 2, nmId }).id;
			const angry = sb.addFeedback({ text: 'Брак! Молния сломалась сразу, это обман, верните деньги!!!', productValuation: 1, nmId }).id;
			const high = sb.addFeedback({ text: 'Маломерит на размер, в остальном всё хорошо', productValuation: 4, nmId }).id;
			return { due: [`wb:feedbackAnswer:${calm}`], notDue: [`wb:feedbackAnswer:${angry}`], unseen: [`wb:review:${high}`], seen: [`wb:review:${calm}`, `wb:review:${angry}`] };
		}),
		check(sb, { executions, classified }) {
			expect(new Set(sb.state.replies.map((r) => r.kind))).toEqual(new Set(['feedbackAnswer']));
			const auto = itemsOf(executions, 'Classify', 0);
			expect(auto.some((i) => i.classification.tags.includes('auto_rescue'))).toBe(true);
			for (const item of [...itemsOf(executions, 'Draft for approval'), ...itemsOf(executions, 'Escalate to a manager (connect your channel)')]) {
				expect([item.id, item.draft.tone, item.draft.guardrails.ok]).toEqual([item.id, 'empathetic', true]);
			}
			expect(classified.length).toBeGreaterThan(10);
		},
	},
	{
		file: 'unified-inbox.json',
		id: 'agentiqQueueInbox01',
		judge: 'guard',
		async seen() {
			return new Set(); // the backlog over nine channels is judged by the executions (each item once)
		},
		arrivals: ['Отличный товар, спасибо! Всё понравилось', 'Спасибо, всё отлично, качество супер!'].map((thanksText) => async (sb) => {
			const angryText = 'Брак! Молния сломалась сразу, это обман, верните деньги!!!';
			const thanks = {
				wb: sb.addFeedback({ text: thanksText, productValuation: 5, nmId: 203344871 }).id,
				ozon: (await sandboxControl(sb, 'ozon/reviews', { text: thanksText, rating: 5 })).id,
				ym: String((await sandboxControl(sb, 'ym/feedbacks', { text: thanksText, rating: 5 })).feedback.feedbackId),
			};
			const angry = {
				wb: sb.addFeedback({ text: angryText, productValuation: 1, nmId: 199540712 }).id,
				ozon: (await sandboxControl(sb, 'ozon/reviews', { text: angryText, rating: 1 })).id,
				ym: String((await sandboxControl(sb, 'ym/feedbacks', { text: angryText, rating: 1 })).feedback.feedbackId),
			};
			const kinds = { wb: 'feedbackAnswer', ozon: 'review', ym: 'review-comment' };
			const mps = Object.keys(kinds);
			return {
				due: mps.map((mp) => `${mp}:${kinds[mp]}:${thanks[mp]}`),
				notDue: mps.map((mp) => `${mp}:${kinds[mp]}:${angry[mp]}`),
				unseen: [],
				seen: mps.flatMap((mp) => [`${mp}:review:${thanks[mp]}`, `${mp}:review:${angry[mp]}`]),
			};
		}),
		check(sb, { executions, classified }) {
			// All nine marketplace/channel pairs reached the one Classify, and replies went out on all three marketplaces.
			expect(new Set(classified.map((i) => `${i.marketplace}:${i.channel}`)).size).toBe(9);
			expect(new Set(sb.state.replies.map((r) => r.marketplace))).toEqual(new Set(['wb', 'ozon', 'ym']));
			for (const item of [...itemsOf(executions, 'Draft for approval'), ...itemsOf(executions, 'Draft for a manager')]) {
				expect([item.id, item.draft.guardrails.ok]).toEqual([item.id, true]);
			}
		},
	},
];

// Probes: Webhook → the Wildberries node of wb-reply-to-reviews.json with "Skip If Already Sent" on, fed the same
// targets several times, at once and one at a time. What they may assert follows from how the node dedupes:
//  - n8n's processed-items store (checkProcessedAndRecord) is a read-modify-write of one row per workflow with no
//    lock. Two executions of the same target on two workers at the same moment can both read "not sent" and both
//    send; two concurrent executions of different targets can overwrite each other's record, so a later duplicate
//    of a target whose record was lost is sent again.
//  - Review and question answers do not depend on that store alone: WB refuses a second answer (400), and the node,
//    on a refusal, reads the target and, if it is answered, ends with reply.status 'skipped' ("… already has an
//    answer on Wildberries"). So for reviews exactly one answer per target and no failed execution must hold however
//    the duplicates race, and is asserted.
//  - WB chat accepts any number of messages, has no idempotency key and no read of the seller's last message, so a
//    chat message delivered to two workers at the same moment can reach the buyer twice. That is the documented
//    limit: it is measured and logged (stats.probes['chat message'].doubledChats), not asserted. What must hold
//    there is asserted: at least one message per chat, no failed execution, every message the buyer got is an
//    execution's 'sent'. Duplicates delivered one at a time, after the first delivery finished, are asserted to be
//    skipped (exactly one message per chat). In the shipped templates a trigger emits each item once (its cursor is
//    in the database, polls run on the main only), so concurrent duplicates come only from manual retries or a
//    push source delivering twice.
const PROBE_COPIES = 3;
const PROBE_NODE = 'Send once';
const PROBES = {
	review: {
		name: 'review answer',
		id: 'agentiqQueueProbeRv01',
		path: 'agentiq-queue-probe-review',
		replyKind: 'feedbackAnswer',
		parameters: { resource: 'review', operation: 'reply', reviewId: '={{ $json.body.targetId }}', text: '={{ $json.body.text }}', skipIfSent: true },
		async targets(sb) {
			return (await unansweredFeedbacks(sb)).filter(hasText).slice(0, 8).map((f) => f.id);
		},
	},
	chat: {
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
			return (await res.json()).result.map((c) => c.chatID);
		},
	},
};
const PROBE_LIST = [PROBES.review, PROBES.chat];
const SKIP_REASONS = {
	record: /already sent by this workflow$/,
	marketplace: /already has an answer on Wildberries$/,
};

/** One probe execution as the test judges it: its status, the target it was given, the node's reply (or error). */
function probeOutcome(e) {
	const runs = e.data && e.data.resultData && e.data.resultData.runData && e.data.resultData.runData[PROBE_NODE];
	const item = runs && runs[0] && runs[0].data && runs[0].data.main && runs[0].data.main[0] && runs[0].data.main[0][0];
	const error = e.data && e.data.resultData && e.data.resultData.error;
	return {
		id: String(e.id),
		status: e.status,
		targetId: item ? String(item.json.body.targetId) : null,
		reply: item ? item.json.reply : null,
		error: error ? String(error.message || error.description || '').slice(0, 160) : null,
	};
}

const skipReason = (o) => (o.reply && o.reply.status === 'skipped' ? Object.keys(SKIP_REASONS).find((k) => SKIP_REASONS[k].test(o.reply.reason)) || o.reply.reason : null);

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

// Each template's Ozon and Yandex Market credentials (only the unified inbox uses them), on the template's sandbox.
const ozonCredentialId = (i) => `agentiqQueueOz0${i}`;
const ymCredentialId = (i) => `agentiqQueueYm0${i}`;

function useCredential(workflow, id, others = {}) {
	const ids = { wildberriesApi: id, ...others };
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials || {})) {
			if (!ids[type]) throw new Error(`${workflow.name}: node "${node.name}" uses a ${type} credential this test has no sandbox credential for`);
			node.credentials[type] = { id: ids[type], name: ids[type] };
		}
	}
	return workflow;
}

function templateWorkflow(t, i) {
	// The template as shipped (it polls every minute; n8n allows no less), only pointed at this template's sandbox.
	return useCredential(loadTemplate(t.file, t.id), credentialId(i), { ozonSellerApi: ozonCredentialId(i), yandexMarketApi: ymCredentialId(i) });
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
	// Finished executions the public API's list left out (the main still held them as active): an n8n quirk, logged.
	const hiddenFromList = [];
	// Per template, the ids due a reply before n8n started (the first poll may answer them before their test runs).
	const backlogs = [];

	beforeAll(async () => {
		await ensureN8n(version);
		for (let i = 0; i < TEMPLATES.length; i++) {
			const sb = createSandbox({ seed: 'default' });
			await sb.start(0);
			sandboxes.push(sb);
		}
		for (let i = 0; i < PROBE_LIST.length; i++) {
			const sb = createSandbox({ seed: 'default' });
			await sb.start(0);
			probeSandboxes.push(sb);
		}
	}, 20 * 60 * 1000);

	afterAll(async () => {
		stats.totalMs = Date.now() - startedAt;
		if (q) {
			// Whether the main itself logged those executions as finished (it did not forget the job, only its list).
			const mainLog = q.main.logs();
			stats.hiddenFromApiList = hiddenFromList.map((id) => ({ id, mainLoggedFinished: new RegExp(`Execution ${id} \\(job \\d+\\) finished`).test(mainLog) }));
			stats.timings = q.timings;
			stats.postgresRunAs = q.postgres.runAs;
			await q.stop();
		}
		for (const sb of [...sandboxes, ...probeSandboxes]) await sb.stop();
		process.stdout.write(`[queue-mode ${version}] ${JSON.stringify(stats)}\n`);
	}, 120_000);

	it('starts Postgres, Redis, the main and two workers, with every workflow published', async () => {
		for (let i = 0; i < TEMPLATES.length; i++) backlogs.push(await (TEMPLATES[i].judge === 'guard' ? TEMPLATES[i].seen : TEMPLATES[i].expected)(sandboxes[i]));
		for (let i = 0; i < TEMPLATES.length; i++) if (!TEMPLATES[i].judge) expect(backlogs[i].size).toBeGreaterThan(3);
		const credentials = [
			...[...sandboxes, ...probeSandboxes].map((sb, i) => wbSandboxCredential(sb.url, { id: credentialId(i), name: credentialId(i) })),
			...sandboxes.flatMap((sb, i) => [
				ozonSandboxCredential(sb.url, { id: ozonCredentialId(i), name: ozonCredentialId(i) }),
				ymSandboxCredential(sb.url, { id: ymCredentialId(i), name: ymCredentialId(i) }),
			]),
		];
		const workflows = [...TEMPLATES.map(templateWorkflow), ...PROBE_LIST.map((p, i) => probeWorkflow(p, i, credentialId(TEMPLATES.length + i)))];
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
		const executions = q.executionRows(t.id);
		expect(executions.length).toBeGreaterThanOrEqual(1 + batchesDue);
		expect(executions.filter((e) => e.status !== 'success').map((e) => [e.id, e.status])).toEqual([]);
		stats.templates[t.file] = { replies: answered.length, notAnswered: notDue.size, executions: executions.length };
	}

	/** Every execution of a workflow with its data; those the API's list leaves out (see executionRows()) one by one. */
	async function executionsWithData(workflowId) {
		const listed = await q.main.executions(workflowId, { includeData: true });
		const rows = q.executionRows(workflowId);
		const listedIds = new Set(listed.map((e) => String(e.id)));
		const hidden = rows.filter((r) => !listedIds.has(r.id));
		for (const row of hidden) {
			const r = await q.main.api('GET', `/executions/${row.id}?includeData=true`);
			if (r.status !== 200) throw new Error(`GET /api/v1/executions/${row.id} failed: HTTP ${r.status} ${r.text.slice(0, 300)}`);
			listed.push(r.json);
		}
		hiddenFromList.push(...hidden.map((r) => r.id));
		expect(listed.map((e) => String(e.id)).sort()).toEqual(rows.map((r) => r.id).sort());
		return listed.sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** At least `min` executions of the workflow, none of them still new, running or waiting (from Postgres). */
	function settledRows(workflowId, min, what) {
		return q.main.waitFor(
			() => {
				const rows = q.executionRows(workflowId);
				return rows.length >= min && rows.every((e) => !['new', 'running', 'waiting'].includes(e.status)) ? rows : null;
			},
			{ timeoutMs: 180_000, intervalMs: 1000, what },
		);
	}

	// A Classify + Guard template's run: the backlog (read by the first poll), then batches on its sandbox, each picked
	// up by a later poll. Judged by the sandbox's replies against what the Guard passed in the executions.
	async function runGuardedTemplate(t, i) {
		const sb = sandboxes[i];
		const due = [];
		const notDue = [];
		const seen = new Set(backlogs[i]);
		const unseen = [];
		for (const arrive of t.arrivals) {
			const batch = await arrive(sb);
			due.push(...batch.due);
			notDue.push(...batch.notDue);
			unseen.push(...batch.unseen);
			for (const id of batch.seen) seen.add(id);
			// A poll picks the batch up before the next one arrives: a new execution per batch.
			await q.main.waitFor(() => batch.due.every((k) => sb.state.replies.some((r) => replyKey(r) === k)), {
				timeoutMs: 180_000,
				intervalMs: 1000,
				what: `replies ${batch.due.join(', ')} (${t.file})`,
			});
		}
		await settledRows(t.id, 1 + t.arrivals.length, `the executions of ${t.file} to end`);
		// One more poll round (every minute) must not answer anything again.
		const before = sb.state.replies.length;
		await new Promise((r) => setTimeout(r, 65_000));
		await settledRows(t.id, 1 + t.arrivals.length, `the executions of ${t.file} to end`);
		expect(sb.state.replies.length).toBe(before);
		const executions = await executionsWithData(t.id);
		expect(executions.filter((e) => e.status !== 'success').map((e) => [e.id, e.status])).toEqual([]);
		// Every interaction was read once and put on one route.
		const classified = [0, 1, 2, 3].flatMap((o) => itemsOf(executions, 'Classify', o));
		expect([...countBy(classified.map((item) => item.id))].filter(([, n]) => n > 1)).toEqual([]);
		const classifiedIds = new Set(classified.map((item) => item.id));
		expect([...seen].filter((id) => !classifiedIds.has(id))).toEqual([]);
		expect(unseen.filter((id) => classifiedIds.has(id))).toEqual([]);
		// The marketplaces received exactly one reply for each item the Guard passed, and nothing else.
		const passed = itemsOf(executions, 'Guard', 0).map(replyTarget);
		expect([...countBy(passed)].filter(([, n]) => n > 1)).toEqual([]);
		const replies = sb.state.replies.map(replyKey);
		expect([...countBy(replies)].filter(([, n]) => n > 1)).toEqual([]);
		expect(new Set(replies)).toEqual(new Set(passed));
		expect(due.filter((k) => !replies.includes(k))).toEqual([]);
		expect(notDue.filter((k) => replies.includes(k))).toEqual([]);
		// Nothing the Guard did not pass was even attempted: the sandbox refused no reply.
		expect(sb.state.replies.filter((r) => r.applied === false).map(replyKey)).toEqual([]);
		const { check } = require(path.join(dist, 'guardrails', 'index.js'));
		for (const r of sb.state.replies) expect([replyKey(r), check(r.text, { marketplace: r.marketplace, channel: replyChannel(r) }).violations]).toEqual([replyKey(r), []]);
		t.check(sb, { executions, classified });
		expect(executions.length).toBeGreaterThanOrEqual(1 + t.arrivals.length);
		const ids = new Set(executions.map((e) => String(e.id)));
		stats.templates[t.file] = {
			classified: classified.length,
			replies: replies.length,
			notAnswered: classified.length - replies.length,
			executions: executions.length,
			perWorker: q.workers.map((w) => w.executionsStarted().filter((id) => ids.has(id)).length),
		};
	}

	it('every template: each item due a reply gets exactly one, across both workers', async () => {
		expect(q).toBeDefined();
		// The templates run side by side, each against its own sandbox; failures are reported per template.
		const results = await Promise.allSettled(TEMPLATES.map((t, i) => (t.judge === 'guard' ? runGuardedTemplate(t, i) : runTemplate(t, i))));
		const failures = results.map((r, i) => (r.status === 'rejected' ? `${TEMPLATES[i].file}: ${r.reason && r.reason.message}` : null)).filter(Boolean);
		expect(failures).toEqual([]);
	}, 15 * 60 * 1000);

	// Deliveries to a probe's webhook and waiting until a number of its executions have finished.
	function probeDriver(probe) {
		const deliver = (targetId) => q.main.http('POST', q.main.webhookUrl(probe.path), { body: { targetId, text: `Спасибо, что написали! Мы на связи (${String(targetId).slice(-4)}).` } });
		let seen = 'nothing yet';
		// Counted from Postgres, not the API's list: see executionRows() in queue-harness.js.
		const settled = (count) =>
			q.main
				.waitFor(
					async () => {
						const rows = q.executionRows(probe.id);
						seen = JSON.stringify(Object.fromEntries(countBy(rows.map((e) => e.status))));
						return rows.length >= count && rows.every((e) => !['new', 'running', 'waiting'].includes(e.status)) ? rows : null;
					},
					{ timeoutMs: 180_000, intervalMs: 1000, what: `${count} executions of the ${probe.name} probe to finish` },
				)
				.catch((error) => {
					const enqueued = q.enqueued().length;
					throw new Error(`${error.message}\n[probe] executions in the database by status: ${seen}; enqueued by the main so far (all workflows): ${enqueued}`);
				});
		let delivered = 0;
		return {
			/** Every target `copies` times, all at once: the executions land on both workers concurrently. */
			async burst(targets, copies) {
				const posts = [];
				for (let copy = 0; copy < copies; copy++) for (const id of targets) posts.push(deliver(id));
				expect((await Promise.all(posts)).map((r) => r.status)).toEqual(posts.map(() => 200));
				delivered += posts.length;
				await settled(delivered);
			},
			/** Each target once, one at a time, each after the previous execution finished. */
			async oneByOne(targets) {
				for (const id of targets) {
					expect((await deliver(id)).status).toBe(200);
					delivered += 1;
					await settled(delivered);
				}
			},
			/** Every execution of the probe with its data; those the API's list leaves out are read one by one. */
			async outcomes() {
				const rows = q.executionRows(probe.id);
				const runs = (await executionsWithData(probe.id)).map(probeOutcome);
				expect(runs.map((o) => o.id)).toEqual(rows.map((r) => r.id));
				expect(runs.length).toBe(delivered);
				return runs;
			},
			perWorker(runs) {
				const ids = new Set(runs.map((o) => o.id));
				return q.workers.map((w) => w.executionsStarted().filter((id) => ids.has(id)).length);
			},
		};
	}

	const failedOf = (runs) => runs.filter((o) => o.status !== 'success' || !o.reply || !['sent', 'skipped'].includes(o.reply.status)).map((o) => `${o.id} ${o.status}: ${o.error || JSON.stringify(o.reply)}`);
	const countPerTarget = (targets, list) => {
		const counts = countBy(list.map(String));
		return Object.fromEntries(targets.map((id) => [id, counts.get(String(id)) || 0]));
	};

	it('review answer: concurrent duplicates on both workers, then re-deliveries, end in one answer per review and no failure', async () => {
		expect(q).toBeDefined();
		const probe = PROBES.review;
		const sb = probeSandboxes[0];
		const driver = probeDriver(probe);
		const targets = await probe.targets(sb);
		expect(targets.length).toBeGreaterThanOrEqual(5);
		// 1. Every review PROBE_COPIES times at once; 2. each once more, one at a time (a record lost between
		// concurrent executions shows here as a second attempt, which WB must refuse and the node must skip).
		await driver.burst(targets, PROBE_COPIES);
		const attemptsInBurst = answerPosts(sb).length;
		await driver.oneByOne(targets);
		const runs = await driver.outcomes();
		const posts = answerPosts(sb);
		const refused = posts.filter((r) => r.status !== 204);
		const perWorker = driver.perWorker(runs);
		stats.probes = stats.probes || {};
		stats.probes[probe.name] = {
			targets: targets.length,
			executions: runs.length,
			answers: answersOf(sb).length,
			attemptsInBurst,
			attemptsOnRedelivery: posts.length - attemptsInBurst,
			refusedByWb: refused.length,
			skipped: Object.fromEntries(countBy(runs.map(skipReason).filter(Boolean))),
			failed: failedOf(runs).length,
			errors: [...countBy(failedOf(runs).map((f) => f.replace(/^\d+ /, '')))].map(([message, k]) => `${k}× ${message}`),
			perWorker,
		};
		// Both workers took part, so duplicates really ran in different processes at the same time.
		for (const n of perWorker) expect(n).toBeGreaterThan(0);
		expect(failedOf(runs)).toEqual([]);
		// On WB: exactly one answer per review.
		expect(countPerTarget(targets, answersOf(sb).map((r) => r.targetId))).toEqual(countPerTarget(targets, targets));
		// In n8n: exactly one 'sent' per review, every other delivery 'skipped' for one of the two known reasons.
		expect(countPerTarget(targets, runs.filter((o) => o.reply.status === 'sent').map((o) => o.targetId))).toEqual(countPerTarget(targets, targets));
		expect(runs.filter((o) => o.reply.status === 'skipped' && !SKIP_REASONS[skipReason(o)]).map((o) => o.reply.reason)).toEqual([]);
		// Each answer WB accepted is an execution's 'sent'; each one it refused ended as "already has an answer".
		expect(posts.filter((r) => r.status === 204).length).toBe(targets.length);
		expect(runs.filter((o) => skipReason(o) === 'marketplace').length).toBe(refused.length);
	}, 10 * 60 * 1000);

	it('chat message: re-deliveries one at a time are skipped; concurrent duplicates are measured (the known limit)', async () => {
		expect(q).toBeDefined();
		const probe = PROBES.chat;
		const sb = probeSandboxes[1];
		const driver = probeDriver(probe);
		const chats = await probe.targets(sb);
		expect(chats.length).toBeGreaterThanOrEqual(6);
		// Two disjoint sets of chats, so the concurrent phase cannot touch what the sequential one asserts.
		const sequential = chats.slice(0, 3);
		const concurrent = chats.slice(3);
		const messagesTo = (targets) => {
			const set = new Set(targets.map(String));
			return sb.state.replies.filter((r) => r.kind === probe.replyKind && set.has(String(r.targetId))).map((r) => String(r.targetId));
		};
		// 1. Sequential: each chat once, then each again, every delivery after the previous one finished.
		await driver.oneByOne(sequential);
		await driver.oneByOne(sequential);
		// 2. Concurrent: each chat PROBE_COPIES times at once, on both workers.
		await driver.burst(concurrent, PROBE_COPIES);
		const afterBurst = countPerTarget(concurrent, messagesTo(concurrent));
		// 3. Each of those chats once more, one at a time: a "sent" record overwritten by a concurrent execution of
		// another chat is lost, and the message goes out again (measured too).
		await driver.oneByOne(concurrent);
		const final = countPerTarget(concurrent, messagesTo(concurrent));
		const runs = await driver.outcomes();
		const perWorker = driver.perWorker(runs);
		const doubled = Object.values(afterBurst).filter((n) => n > 1).length;
		stats.probes = stats.probes || {};
		stats.probes[probe.name] = {
			sequentialChats: sequential.length,
			concurrentChats: concurrent.length,
			copies: PROBE_COPIES,
			executions: runs.length,
			doubledChats: doubled,
			extraMessagesInBurst: Object.values(afterBurst).reduce((a, n) => a + n - 1, 0),
			resentOnRedelivery: concurrent.filter((id) => final[id] > afterBurst[id]).length,
			skipped: Object.fromEntries(countBy(runs.map(skipReason).filter(Boolean))),
			failed: failedOf(runs).length,
			errors: [...countBy(failedOf(runs).map((f) => f.replace(/^\d+ /, '')))].map(([message, k]) => `${k}× ${message}`),
			perWorker,
		};
		process.stdout.write(`[queue-mode ${version}] known limit, chat messages delivered to two workers at once: ${doubled} of ${concurrent.length} chats got the message more than once\n`);
		for (const n of perWorker) expect(n).toBeGreaterThan(0);
		expect(failedOf(runs)).toEqual([]);
		// Sequential duplicates: exactly one message per chat, the second delivery skipped by the workflow's record.
		expect(countPerTarget(sequential, messagesTo(sequential))).toEqual(countPerTarget(sequential, sequential));
		const sequentialSet = new Set(sequential.map(String));
		const sequentialRuns = runs.filter((o) => sequentialSet.has(o.targetId));
		expect(sequentialRuns.map((o) => [o.targetId, skipReason(o) || o.reply.status]).sort()).toEqual(
			sequential.flatMap((id) => [[String(id), 'record'], [String(id), 'sent']]).sort(),
		);
		// Concurrent duplicates: every chat got the message, and every message the buyer got is an execution's 'sent'
		// (nothing sent behind n8n's back, no 'sent' that did not arrive).
		expect(Object.entries(afterBurst).filter(([, n]) => n < 1)).toEqual([]);
		const concurrentRuns = runs.filter((o) => !sequentialSet.has(o.targetId));
		expect(countPerTarget(concurrent, concurrentRuns.filter((o) => o.reply.status === 'sent').map((o) => o.targetId))).toEqual(final);
		expect(concurrentRuns.filter((o) => o.reply.status === 'skipped' && skipReason(o) !== 'record').map((o) => o.reply.reason)).toEqual([]);
	}, 10 * 60 * 1000);

	it('ran every enqueued execution exactly once, on one worker, and both workers shared the work', async () => {
		expect(q).toBeDefined();
		// From Postgres itself: the API's list can leave out a finished execution (see executionRows()).
		const all = q.executionRows();
		const enqueued = q.enqueued();
		const ranOn = q.ranOn();
		// Every execution in the database went through the queue and was started by exactly one worker, and
		// everything enqueued is in the database.
		expect(all.map((e) => String(e.id)).filter((id) => !enqueued.includes(id))).toEqual([]);
		expect(enqueued.filter((id) => !all.some((e) => e.id === id))).toEqual([]);
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
