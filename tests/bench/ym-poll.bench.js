// Yandex Market Trigger against the sandbox: requests per poll when nothing is new (goal: 1 per channel), poll
// latency, the first poll's backlog, and feedback normalisation throughput. Runs the compiled node (dist/, or
// AGENTIQ_PACKAGE_DIR/dist for a staged build).
'use strict';
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

const root = process.env.AGENTIQ_PACKAGE_DIR || path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist');

function quantile(sorted, q) {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** n8n's generic credential authentication (`={{$credentials.apiKey}}` into the Api-Key header), as n8n applies it. */
function genericAuth(credentialType) {
	return {
		authenticate: async (data, options) => {
			const headers = {};
			for (const [name, template] of Object.entries(credentialType.authenticate.properties.headers || {})) {
				headers[name] = String(template).replace(/^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/, (_, k) => String(data[k] ?? ''));
			}
			return { ...options, headers: { ...(options.headers || {}), ...headers } };
		},
	};
}

async function run({ print }) {
	const triggerFile = path.join(dist, 'nodes/YandexMarket/YandexMarketTrigger.node.js');
	if (!fs.existsSync(triggerFile)) {
		print('Yandex Market Trigger not compiled in dist/ (run the build first)', 'skipped');
		return;
	}
	const { YandexMarketTrigger } = require(triggerFile);
	const { YandexMarketApi } = require(path.join(dist, 'credentials/YandexMarketApi.credentials.js'));
	const ymCore = require(path.join(dist, 'src/ym/index.js'));
	const { createSandbox } = require('../sandbox/server');
	const { createContext } = require('../support/n8n-context');
	const ymSandbox = require('../sandbox/ym');
	const sandbox = createSandbox({ seed: 'default' });
	const { url } = await sandbox.start(0);
	const credentials = { apiKey: ymSandbox.tokens.all, businessId: String(ymSandbox.businessId), customBaseUrl: true, baseUrl: `${url}/ym/api`, minIntervalMs: 0 };
	const auth = genericAuth(new YandexMarketApi());
	try {
		for (const event of ['newReview', 'newQuestion', 'newChatMessage']) {
			const trigger = new YandexMarketTrigger();
			const staticData = {};
			const ctx = () =>
				createContext({
					parameters: { event, onlyUnanswered: true, firstRun: 'includeExisting', options: {} },
					staticData,
					credentials: { yandexMarketApi: credentials },
					credentialTypes: { yandexMarketApi: auth },
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
				if (out !== null) throw new Error(`Yandex Market ${event}: a poll with nothing new emitted ${out[0].length} items`);
				requests += c.requests.length;
			}
			latencies.sort((a, b) => a - b);
			print(`ym ${event}: backlog items emitted on first poll`, backlog ? backlog[0].length : 0);
			print(`ym ${event}: requests for the first poll`, first.requests.length);
			print(`ym ${event}: first poll time`, backlogMs.toFixed(1), 'ms');
			print(`ym ${event}: requests per poll when nothing is new (goal 1)`, (requests / N).toFixed(2));
			print(`ym ${event}: poll latency when nothing is new, p50`, quantile(latencies, 0.5).toFixed(2), 'ms');
			print(`ym ${event}: poll latency when nothing is new, p95`, quantile(latencies, 0.95).toFixed(2), 'ms');
		}
		const raws = sandbox.state.ym.feedbacks.map((f) => JSON.parse(JSON.stringify(f)));
		const n = 100_000;
		const body = { status: 'OK', result: { feedbacks: Array.from({ length: n }, (_, i) => ({ ...raws[i % raws.length], feedbackId: 1 + i })) } };
		let t = performance.now();
		const page = ymCore.parseFeedbackPage(body);
		const parseMs = performance.now() - t;
		t = performance.now();
		for (const f of page.items) ymCore.normaliseFeedback(f);
		const normMs = performance.now() - t;
		print(`ym: parse + validate ${n} feedbacks (lenient zod)`, Math.round(n / (parseMs / 1000)).toLocaleString('en-US'), 'items/s');
		print(`ym: normalise ${n} feedbacks to Interaction`, Math.round(n / (normMs / 1000)).toLocaleString('en-US'), 'items/s');
	} finally {
		await sandbox.stop();
	}
}

module.exports = { run };
