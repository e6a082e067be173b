// Ozon Trigger against the sandbox: requests per poll when nothing is new (goal: 1 per channel), poll latency,
// and the first poll's backlog. Runs the compiled node (dist/, or AGENTIQ_PACKAGE_DIR/dist for a staged build).
'use strict';
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

const root = process.env.AGENTIQ_PACKAGE_DIR || path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist');

function quantile(sorted, q) {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function run({ print }) {
	const triggerFile = path.join(dist, 'nodes/Ozon/OzonTrigger.node.js');
	if (!fs.existsSync(triggerFile)) {
		print('Ozon Trigger not compiled in dist/ (run the build first)', 'skipped');
		return;
	}
	const { OzonTrigger } = require(triggerFile);
	const { OzonSellerApi } = require(path.join(dist, 'credentials/OzonSellerApi.credentials.js'));
	const { createSandbox } = require('../sandbox/server');
	const { createContext } = require('../support/n8n-context');
	const sandbox = createSandbox({ seed: 'default' });
	const { url } = await sandbox.start(0);
	const credentials = { clientId: '100001', apiKey: 'ozon-sandbox-premium', customBaseUrl: true, baseUrl: `${url}/ozon/seller`, intervalMs: 0 };
	try {
		for (const event of ['newReview', 'newQuestion', 'newChatMessage']) {
			const trigger = new OzonTrigger();
			const staticData = {};
			const ctx = () =>
				createContext({
					parameters: { event, onlyUnanswered: true, firstRun: 'includeExisting', options: {} },
					staticData,
					credentials: { ozonSellerApi: credentials },
					credentialTypes: { ozonSellerApi: new OzonSellerApi() },
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
				if (out !== null) throw new Error(`Ozon ${event}: a poll with nothing new emitted ${out[0].length} items`);
				requests += c.requests.length;
			}
			latencies.sort((a, b) => a - b);
			print(`ozon ${event}: backlog items emitted on first poll`, backlog ? backlog[0].length : 0);
			print(`ozon ${event}: requests for the first poll`, first.requests.length);
			print(`ozon ${event}: first poll time`, backlogMs.toFixed(1), 'ms');
			print(`ozon ${event}: requests per poll when nothing is new (goal 1)`, (requests / N).toFixed(2));
			print(`ozon ${event}: poll latency when nothing is new, p50`, quantile(latencies, 0.5).toFixed(2), 'ms');
			print(`ozon ${event}: poll latency when nothing is new, p95`, quantile(latencies, 0.95).toFixed(2), 'ms');
		}
	} finally {
		await sandbox.stop();
	}
}

module.exports = { run };
