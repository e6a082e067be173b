#!/usr/bin/env node
// `npm run bench`: numbers, not pass/fail. Runs the compiled nodes (dist/) against the sandbox through the test
// context and prints: requests per poll when nothing is new, poll latency, normalisation throughput.
// Other benchmark files in this folder named `*.bench.js` export `async run({ print })` and are run after.
'use strict';
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist');
if (!fs.existsSync(dist)) {
	console.error('bench: dist/ is missing; run `npm run build` first');
	process.exit(2);
}
const { createSandbox, TOKENS } = require('../sandbox/server');
const { createContext } = require('../support/n8n-context');
const { WildberriesTrigger } = require(path.join(dist, 'nodes/Wildberries/WildberriesTrigger.node.js'));
const { WildberriesApi } = require(path.join(dist, 'credentials/WildberriesApi.credentials.js'));
const wb = require(path.join(dist, 'src/wb/normalise.js'));

function print(label, value, unit = '') {
	console.log(`${label.padEnd(58)} ${String(value).padStart(12)} ${unit}`);
}

function quantile(sorted, q) {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function credentialsFor(url) {
	return {
		token: TOKENS.all,
		customBaseUrls: true,
		feedbacksBaseUrl: `${url}/wb/feedbacks`,
		chatBaseUrl: `${url}/wb/chat`,
		marketplaceBaseUrl: `${url}/wb/marketplace`,
		statisticsBaseUrl: `${url}/wb/statistics`,
		contentBaseUrl: `${url}/wb/content`,
		cardBaseUrl: `${url}/wb/basket`,
		feedbacksIntervalMs: 0,
		otherIntervalMs: 0,
	};
}

async function pollBench(url, event) {
	const trigger = new WildberriesTrigger();
	const staticData = {};
	const parameters = { event, onlyUnanswered: true, firstRun: 'includeExisting', options: {} };
	const ctx = () =>
		createContext({
			parameters,
			staticData,
			credentials: { wildberriesApi: credentialsFor(url) },
			credentialTypes: { wildberriesApi: new WildberriesApi() },
		});
	const first = ctx();
	const t0 = performance.now();
	const backlog = await trigger.poll.call(first);
	const backlogMs = performance.now() - t0;
	const latencies = [];
	let requests = 0;
	const N = 30;
	for (let i = 0; i < N; i++) {
		const c = ctx();
		const t = performance.now();
		const out = await trigger.poll.call(c);
		latencies.push(performance.now() - t);
		if (out !== null) throw new Error(`${event}: a poll with nothing new emitted ${out[0].length} items`);
		requests += c.requests.length;
	}
	latencies.sort((a, b) => a - b);
	return { backlog: backlog ? backlog[0].length : 0, backlogRequests: first.requests.length, backlogMs, requestsPerEmptyPoll: requests / N, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) };
}

function normaliseBench(sandbox) {
	const raws = sandbox.state.wb.feedbacks.map((f) => JSON.parse(JSON.stringify(f)));
	const N = 200_000;
	const items = Array.from({ length: N }, (_, i) => ({ ...raws[i % raws.length], id: `bench${i}` }));
	const page = { data: { countUnanswered: N, countArchive: 0, feedbacks: items }, error: false, errorText: '', additionalErrors: null };
	let t = performance.now();
	const parsed = wb.parseFeedbackListLenient(page);
	const parseMs = performance.now() - t;
	t = performance.now();
	let chars = 0;
	for (const raw of parsed.feedbacks) chars += wb.normaliseFeedback(raw, { isAnswered: false }).text.length;
	const normMs = performance.now() - t;
	return { n: N, parsePerS: Math.round(N / (parseMs / 1000)), normPerS: Math.round(N / (normMs / 1000)), chars };
}

async function main() {
	console.log(`AgentIQ benchmarks — node ${process.version}, ${new Date().toISOString()}`);
	const sandbox = createSandbox({ seed: 'default' });
	const { url } = await sandbox.start(0);
	try {
		console.log('\n# Wildberries Trigger against the sandbox (pacing off, seed data)');
		for (const event of ['newReview', 'newQuestion', 'newChatMessage']) {
			const r = await pollBench(url, event);
			print(`${event}: backlog items emitted on first poll`, r.backlog);
			print(`${event}: requests for the first poll`, r.backlogRequests);
			print(`${event}: first poll time`, r.backlogMs.toFixed(1), 'ms');
			print(`${event}: requests per poll when nothing is new (goal 1)`, r.requestsPerEmptyPoll.toFixed(2));
			print(`${event}: poll latency when nothing is new, p50`, r.p50.toFixed(2), 'ms');
			print(`${event}: poll latency when nothing is new, p95`, r.p95.toFixed(2), 'ms');
		}
		console.log('\n# Normalisation (WB feedbacks, one core)');
		const n = normaliseBench(sandbox);
		print(`parse + validate ${n.n} feedbacks (lenient zod)`, n.parsePerS.toLocaleString('en-US'), 'items/s');
		print(`normalise ${n.n} feedbacks to Interaction`, n.normPerS.toLocaleString('en-US'), 'items/s');
	} finally {
		await sandbox.stop();
	}
	for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.js')).sort()) {
		console.log(`\n# ${file}`);
		await require(path.join(__dirname, file)).run({ print });
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
