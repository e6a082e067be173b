#!/usr/bin/env node
// Fault soak: N buyer interactions across Wildberries, Ozon and Yandex Market flow through the unified inbox template
// (workflows/unified-inbox.json) in a real n8n while the sandbox injects faults, and n8n is restarted once halfway.
// Everything is judged from the sandbox's side: which interactions it created (and when) and which replies it
// accepted (and when).
//
//   npm run soak -- [--total 10000] [--version 2.8.4] [--inject-seconds 600] [--poll-seconds 15] [--drain-minutes 60]
//                   [--rate5xx 0.1] [--no-restart] [--out report.json]
//
// Faults (sandbox setFaults, every API host of the three marketplaces): `rate5xx` of answers are 5xx, 3% are slow
// (1.5 s), pages after the first repeat items of the previous page (duplicatePages), and every 20 s a burst of
// eight 429s with retry headers (1 s). n8n is restarted once when half of the interactions have been created.
//
// What is changed in the template for the soak, and why:
// - Classify's Routing Rules: every unanswered item goes to auto_reply (answered ones are ignored), so that each
//   interaction should end in exactly one reply and "lost" is meaningful. The template's own rules send most items
//   to a person.
// - The triggers poll every `poll-seconds` (a seconds cron) instead of every minute, to keep the run short.
// - Successful executions are not saved with their data (EXECUTIONS_DATA_SAVE_ON_SUCCESS=none) so that n8n's
//   database does not grow by every item; failed ones are.
// - The sandbox credentials pace requests at 20 ms (no real rate limits in the sandbox).
//
// Report: created, seen (got any reply), replied (exactly once), lost (no reply when the drain ended), replied twice,
// time to drain (last creation → last expected reply), p50/p95 creation → reply, faults injected, n8n executions.
'use strict';
const fs = require('fs');
const path = require('path');
const { createSandbox } = require('../sandbox/server');
const { CLIENTS } = require('../sandbox/ozon/clients');
const ymSandbox = require('../sandbox/ym');
const { startN8n } = require('../e2e/n8n-harness');
const { ensureN8n } = require('../e2e/n8n-install');

const WORKFLOW_ID = 'agentiqSoakInbox01';
const TEMPLATE = path.join(__dirname, '..', '..', 'workflows', 'unified-inbox.json');

/** Routing for the soak: answer everything that is not answered yet. */
const SOAK_ROUTING_RULES = {
	description: 'Soak override: every unanswered item is answered automatically (still through Draft and Guard).',
	rules: [
		{
			name: 'ignore-answered',
			priority: 95,
			conditions: { all: [{ fact: 'answered', operator: 'equal', value: true }] },
			event: { type: 'route', params: { route: 'ignore', tags: ['answered'], reason: 'Already answered' } },
		},
		{
			name: 'soak-answer-everything',
			priority: 10,
			conditions: { all: [{ fact: 'answered', operator: 'equal', value: false }] },
			event: { type: 'route', params: { route: 'auto_reply', tags: ['soak'], reason: 'Soak: answer every item' } },
		},
	],
};

/** The nine streams: how to create one interaction and the key of the reply the sandbox logs for it. */
const STREAMS = [
	{ name: 'wb:review', create: async (sb) => `wb:feedbackAnswer:${sb.addFeedback({ productValuation: pick([5, 5, 4, 3, 2, 1]) }).id}` },
	{ name: 'wb:question', create: async (sb) => `wb:questionAnswer:${sb.addQuestion({}).id}` },
	{ name: 'wb:chat', create: async (sb) => `wb:chatMessage:${sb.addChatMessage({}).chat.chatID}` },
	{ name: 'ozon:review', create: async (sb) => `ozon:review:${(await control(sb, 'ozon/reviews', {})).id}` },
	{ name: 'ozon:question', create: async (sb) => `ozon:question:${(await control(sb, 'ozon/questions', {})).id}` },
	{ name: 'ozon:chat', create: async (sb) => `ozon:chat:${(await control(sb, 'ozon/chat-messages', {})).chat_id}` },
	{ name: 'ym:review', create: async (sb) => `ym:review-comment:${(await control(sb, 'ym/feedbacks', {})).feedback.feedbackId}` },
	{ name: 'ym:question', create: async (sb) => `ym:question-answer:${(await control(sb, 'ym/questions', {})).question.questionIdentifiers.id}` },
	{ name: 'ym:chat', create: async (sb) => `ym:chat-message:${(await control(sb, 'ym/chat-messages', {})).chat.chatId}` },
];

let pickState = 7;
function pick(values) {
	pickState = (pickState * 1103515245 + 12345) % 2147483648;
	return values[pickState % values.length];
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function control(sb, route, body) {
	const res = await fetch(`${sb.url}/__control/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	const json = await res.json();
	if (res.status !== 200) throw new Error(`control ${route}: ${res.status} ${JSON.stringify(json)}`);
	return json;
}

function credentials(url) {
	return [
		{
			id: 'agentiqWbSandbox01',
			name: 'Wildberries (sandbox)',
			type: 'wildberriesApi',
			data: {
				token: 'wb-sandbox-all',
				perCategory: false,
				customBaseUrls: true,
				feedbacksBaseUrl: `${url}/wb/feedbacks`,
				chatBaseUrl: `${url}/wb/chat`,
				marketplaceBaseUrl: `${url}/wb/marketplace`,
				statisticsBaseUrl: `${url}/wb/statistics`,
				contentBaseUrl: `${url}/wb/content`,
				cardBaseUrl: `${url}/wb/basket`,
				feedbacksIntervalMs: 20,
				otherIntervalMs: 20,
			},
		},
		{
			id: 'agentiqOzonSandbox01',
			name: 'Ozon (sandbox)',
			type: 'ozonSellerApi',
			data: { clientId: CLIENTS.premium.clientId, apiKey: CLIENTS.premium.apiKey, customBaseUrl: true, baseUrl: `${url}/ozon/seller`, intervalMs: 20 },
		},
		{
			id: 'agentiqYmSandbox01',
			name: 'Yandex Market (sandbox)',
			type: 'yandexMarketApi',
			data: { apiKey: ymSandbox.tokens.all, businessId: String(ymSandbox.businessId), campaignId: '', customBaseUrl: true, baseUrl: `${url}/ym/api`, minIntervalMs: 20 },
		},
	];
}

/** The template as shipped, with the soak's documented overrides. */
function soakWorkflow(pollSeconds) {
	const wf = JSON.parse(fs.readFileSync(TEMPLATE, 'utf8'));
	const classify = wf.nodes.find((n) => n.type === 'n8n-nodes-agentiq.agentIqClassify');
	classify.parameters.routingRules = JSON.stringify(SOAK_ROUTING_RULES, null, 2);
	// Each trigger gets its own seconds: n8n registers a workflow's crons by expression, so nine identical
	// expressions would leave eight triggers without a schedule (n8n's own "every minute" picks a random second).
	wf.nodes
		.filter((n) => /Trigger$/.test(n.type))
		.forEach((node, k) => {
			const seconds = [];
			for (let s = k % pollSeconds; s < 60; s += pollSeconds) seconds.push(s);
			node.parameters.pollTimes = { item: [{ mode: 'custom', cronExpression: `${seconds.join(',')} * * * * *` }] };
		});
	return { ...wf, id: WORKFLOW_ID, active: false };
}

function percentile(sorted, p) {
	if (!sorted.length) return null;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Runs one soak and returns its report. Options: total, version, injectSeconds, pollSeconds, drainMinutes,
 * rate5xx, restart (bool), log (function).
 */
async function runSoak(options = {}) {
	const {
		total = 10000,
		version = process.env.AGENTIQ_SOAK_VERSION || '2.8.4',
		injectSeconds = Math.max(30, Math.round(total / 20)),
		pollSeconds = 15,
		drainMinutes = 60,
		rate5xx = 0.1,
		restart = true,
		// n8n lets running executions finish for this long on a restart; one that is cut off loses its items, because a
		// polling trigger's cursor is saved when it emits. Production setups set it above their longest execution.
		graceSeconds = 120,
		log = (line) => process.stdout.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`),
	} = options;
	if (!(Number.isInteger(pollSeconds) && pollSeconds >= 1 && 60 % pollSeconds === 0)) throw new Error(`pollSeconds must divide 60 (got ${pollSeconds})`);
	if (!(Number.isInteger(total) && total >= 1)) throw new Error(`total must be a positive integer (got ${total})`);
	await ensureN8n(version);
	const sb = createSandbox({ seed: 'empty' });
	await sb.start(0);
	let n8n;
	const created = new Map(); // reply key -> { at, stream }
	const faultConfig = { seed: 42, rate5xx, slowRate: 0.03, slowMs: 1500, duplicatePages: true, duplicateCount: 2, retryAfterSeconds: 1 };
	let burstTimer;
	let restartInfo = null;
	const t0 = Date.now();
	try {
		n8n = await startN8n({
			version,
			credentials: credentials(sb.url),
			workflows: [soakWorkflow(pollSeconds)],
			publish: [WORKFLOW_ID],
			env: { N8N_GRACEFUL_SHUTDOWN_TIMEOUT: String(graceSeconds), EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none', EXECUTIONS_DATA_SAVE_ON_ERROR: 'all', EXECUTIONS_DATA_PRUNE: 'true', EXECUTIONS_DATA_MAX_AGE: '1' },
		});
		log(`n8n ${version} up at ${n8n.baseUrl}, sandbox at ${sb.url}; creating ${total} interactions over ~${injectSeconds} s`);
		sb.setFaults(faultConfig);
		// Bursts of 429 with retry headers, every 20 s, on top of the random faults.
		burstTimer = setInterval(() => {
			sb.setFaults({ ...faultConfig, script: Array.from({ length: 8 }, () => ({ type: '429', retryAfterSeconds: 1 })) });
		}, 20_000);

		const injectStart = Date.now();
		const perTick = Math.max(1, Math.ceil(total / (injectSeconds * 4)));
		let restartPromise = null;
		for (let i = 0; i < total; ) {
			const tickStart = Date.now();
			for (let k = 0; k < perTick && i < total; k++, i++) {
				const stream = STREAMS[i % STREAMS.length];
				const at = Date.now();
				const key = await stream.create(sb);
				created.set(key, { at, stream: stream.name });
			}
			if (restart && !restartPromise && i >= total / 2) {
				log(`restarting n8n after ${i} interactions`);
				const started = Date.now();
				restartPromise = n8n.restart({ timeoutMs: (graceSeconds + 15) * 1000 }).then(() => {
					restartInfo = { afterCreated: i, downSeconds: (Date.now() - started) / 1000 };
					log(`n8n back after ${restartInfo.downSeconds.toFixed(1)} s`);
				});
			}
			if (i % (perTick * 40) === 0) log(`created ${i}, replies ${sb.state.replies.length}`);
			await sleep(Math.max(0, 250 - (Date.now() - tickStart)));
		}
		const injectedAt = Date.now();
		if (restartPromise) await restartPromise;
		else if (restart) throw new Error('the restart did not happen');
		log(`all ${total} created in ${((injectedAt - injectStart) / 1000).toFixed(0)} s; draining`);

		// Drain: until every interaction has a reply, or nothing new for 3 minutes (8 polls if longer), or drainMinutes.
		const drainDeadline = Date.now() + drainMinutes * 60_000;
		let lastCount = -1;
		let lastProgress = Date.now();
		for (;;) {
			const answered = new Set(sb.state.replies.map((r) => `${r.marketplace}:${r.kind}:${r.targetId}`));
			let done = 0;
			for (const key of created.keys()) if (answered.has(key)) done++;
			if (done !== lastCount) {
				lastCount = done;
				lastProgress = Date.now();
				log(`replied to ${done}/${total}`);
			}
			if (done === total || Date.now() > drainDeadline || Date.now() - lastProgress > Math.max(3 * 60_000, pollSeconds * 8000)) break;
			await sleep(2000);
		}
		clearInterval(burstTimer);
		burstTimer = undefined;
		// A last quiet period with faults off, so that a late double reply would still show up.
		sb.setFaults({});
		await sleep(pollSeconds * 2000 + 5000);

		// Count from the sandbox.
		const byKey = new Map();
		for (const r of sb.state.replies) {
			const key = `${r.marketplace}:${r.kind}:${r.targetId}`;
			if (!byKey.has(key)) byKey.set(key, []);
			byKey.get(key).push(r.at);
		}
		const latencies = [];
		let replied = 0;
		let twice = 0;
		let lastReplyAt = 0;
		const lostByStream = {};
		const twiceByStream = {};
		for (const [key, { at, stream }] of created) {
			const times = byKey.get(key) || [];
			if (!times.length) {
				lostByStream[stream] = (lostByStream[stream] || 0) + 1;
				continue;
			}
			replied++;
			if (times.length > 1) {
				twice++;
				twiceByStream[stream] = (twiceByStream[stream] || 0) + 1;
			}
			const first = Math.min(...times);
			latencies.push(first - at);
			lastReplyAt = Math.max(lastReplyAt, first);
		}
		const unexpected = [...byKey.keys()].filter((k) => !created.has(k)).length;
		latencies.sort((a, b) => a - b);
		const requests = sb.state.requests;
		const faults = {};
		for (const r of requests) if (r.fault) faults[r.fault] = (faults[r.fault] || 0) + 1;
		const executions = await n8n.executions(WORKFLOW_ID, { includeData: true }).catch(() => []);
		const statuses = {};
		const errors = {};
		for (const e of executions) {
			statuses[e.status] = (statuses[e.status] || 0) + 1;
			const err = e.data && e.data.resultData && e.data.resultData.error;
			if (err) {
				const what = `${(err.node && err.node.name) || e.data.resultData.lastNodeExecuted || '?'}: ${String(err.message).slice(0, 160)}`;
				errors[what] = (errors[what] || 0) + 1;
			}
		}
		return {
			n8nVersion: version,
			total,
			created: created.size,
			replied,
			lost: created.size - replied,
			repliedTwice: twice,
			unexpectedReplies: unexpected,
			lostByStream,
			twiceByStream,
			restart: restartInfo,
			injectSeconds: Math.round((injectedAt - injectStart) / 1000),
			drainSeconds: lastReplyAt ? Math.max(0, Math.round((lastReplyAt - injectedAt) / 1000)) : null,
			latencySeconds: {
				p50: latencies.length ? percentile(latencies, 50) / 1000 : null,
				p95: latencies.length ? percentile(latencies, 95) / 1000 : null,
				max: latencies.length ? latencies[latencies.length - 1] / 1000 : null,
			},
			faultsInjected: faults,
			requestsLogged: requests.length,
			executionsSaved: statuses,
			executionErrors: errors,
			faultConfig: { ...faultConfig, bursts429: '8 every 20 s' },
			pollSeconds,
			wallSeconds: Math.round((Date.now() - t0) / 1000),
		};
	} finally {
		if (burstTimer) clearInterval(burstTimer);
		if (n8n) await n8n.stop().catch(() => {});
		await sb.stop();
	}
}

function parseArgs(argv) {
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const next = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${arg} needs a value`);
			return v;
		};
		if (arg === '--total') out.total = Number(next());
		else if (arg === '--version') out.version = next();
		else if (arg === '--inject-seconds') out.injectSeconds = Number(next());
		else if (arg === '--poll-seconds') out.pollSeconds = Number(next());
		else if (arg === '--drain-minutes') out.drainMinutes = Number(next());
		else if (arg === '--rate5xx') out.rate5xx = Number(next());
		else if (arg === '--no-restart') out.restart = false;
		else if (arg === '--grace-seconds') out.graceSeconds = Number(next());
		else if (arg === '--out') out.out = next();
		else throw new Error(`unknown argument ${arg}`);
	}
	for (const k of ['total', 'injectSeconds', 'pollSeconds', 'drainMinutes', 'rate5xx', 'graceSeconds']) {
		if (out[k] !== undefined && !(Number.isFinite(out[k]) && out[k] >= 0)) throw new Error(`--${k} must be a non-negative number`);
	}
	return out;
}

if (require.main === module) {
	const args = parseArgs(process.argv.slice(2));
	runSoak(args).then(
		(report) => {
			const text = JSON.stringify(report, null, 2);
			if (args.out) fs.writeFileSync(args.out, `${text}\n`);
			process.stdout.write(`${text}\n`);
			process.exit(report.lost === 0 && report.repliedTwice === 0 ? 0 : 1);
		},
		(error) => {
			process.stderr.write(`${error.stack || error}\n`);
			process.exit(2);
		},
	);
}

module.exports = { runSoak, soakWorkflow, SOAK_ROUTING_RULES };
