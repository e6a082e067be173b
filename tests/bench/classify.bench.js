// Offline classify + SLA and routing rules (the AgentIQ Classify node's work per item), on one core.
// Goal (issue 3): >= 20,000 items/s, p99 < 1 ms per item; memory for 100,000 classified items.
'use strict';
const path = require('path');
const { performance } = require('perf_hooks');

const dist = path.join(__dirname, '..', '..', 'dist', 'src');

function corpus() {
	const seed = require('../sandbox/seed/wb-default.json');
	const texts = [];
	for (const f of seed.feedbacks) {
		const text = [f.text, f.pros && `Достоинства: ${f.pros}`, f.cons && `Недостатки: ${f.cons}`].filter(Boolean).join('\n');
		if (text) texts.push({ channel: 'review', text, rating: f.rating, marketplace: 'wb' });
	}
	for (const q of seed.questions) texts.push({ channel: 'question', text: q.text, marketplace: 'wb' });
	for (const c of seed.chats) for (const m of c.messages || []) if (m.text) texts.push({ channel: 'chat', text: m.text, marketplace: 'wb' });
	return texts;
}

async function run({ print }) {
	const { classifyText } = require(path.join(dist, 'classify', 'index.js'));
	const { decide } = require(path.join(dist, 'classification.js'));
	const rules = require(path.join(dist, 'rules', 'index.js'));
	const ruleSets = { sla: rules.DEFAULT_SLA_RULES, routing: rules.DEFAULT_ROUTING_RULES };
	const base = corpus();
	const now = new Date();
	const createdAt = new Date(now.getTime() - 3600_000).toISOString();
	const one = (input, i) => {
		const labels = classifyText(input);
		return decide({ ...input, id: `bench:${i}`, createdAt }, labels, ruleSets, now);
	};
	for (let i = 0; i < 2000; i++) one(base[i % base.length], i); // warm-up (JIT, lazy lexicon compile)

	const N = 100_000;
	// Throughput and latency as a stream (results handed on, as the node does), then memory with all results held.
	const latencies = new Float64Array(N);
	const routeCounts = {};
	const started = performance.now();
	for (let i = 0; i < N; i++) {
		const t = performance.now();
		const c = one(base[i % base.length], i);
		latencies[i] = performance.now() - t;
		routeCounts[c.route] = (routeCounts[c.route] || 0) + 1;
	}
	const totalMs = performance.now() - started;
	if (global.gc) global.gc();
	const heapBefore = process.memoryUsage().heapUsed;
	const kept = new Array(N);
	for (let i = 0; i < N; i++) kept[i] = one(base[i % base.length], i);
	const heapAfter = process.memoryUsage().heapUsed;
	latencies.sort();
	const q = (p) => latencies[Math.min(N - 1, Math.floor(p * N))];
	print(`corpus: ${base.length} distinct texts (sandbox seed), cycled`, N, 'items');
	print('classify + rules throughput (goal >= 20,000)', Math.round(N / (totalMs / 1000)).toLocaleString('en-US'), 'items/s');
	print('latency per item p50', (q(0.5) * 1000).toFixed(1), 'µs');
	print('latency per item p99 (goal < 1000 µs)', (q(0.99) * 1000).toFixed(1), 'µs');
	print('latency per item max', (latencies[N - 1] * 1000).toFixed(1), 'µs');
	print('heap growth holding 100,000 classifications', ((heapAfter - heapBefore) / 1048576).toFixed(1), 'MiB');
	print('routes', JSON.stringify(routeCounts), '');
	print('  (held results)', kept.length, '');
}

module.exports = { run };
