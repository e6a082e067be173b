// AgentIQ Quality Alert core (streaming aggregator): time and memory for 1,000,000 reviews over 10,000 products.
// Reviews are generated one at a time (never held), each as the item the node reads: an Interaction-like object
// with the AgentIQ Classify node's `classification` (texts and labels from the sandbox seed, classified once).
// Memory is the heap held by the aggregator after garbage collection; it must grow with products, not reviews,
// so the heap is measured at 200k, 400k … 1M reviews of the same 10,000 products: it grows only until every
// product holds its (bounded) quotes, and not at all with counters only; 20,000 products show the per-product cost.
// `AGENTIQ_PACKAGE_DIR=/tmp/stage-x` runs the bench on a staged build instead of dist/.
'use strict';
const path = require('path');
const v8 = require('v8');
const vm = require('vm');
const { performance } = require('perf_hooks');

const dist = process.env.AGENTIQ_PACKAGE_DIR ? path.join(process.env.AGENTIQ_PACKAGE_DIR, 'dist', 'src') : path.join(__dirname, '..', '..', 'dist', 'src');
const REF = Date.parse('2026-11-23T12:00:00.000Z');
const DAY = 86_400_000;

// A full collection between measurements: `global.gc` when node runs with --expose-gc, otherwise the flag is set
// at run time and the function taken from a fresh context (the documented V8 way to reach it).
function getGc() {
	if (typeof global.gc === 'function') return global.gc;
	v8.setFlagsFromString('--expose-gc');
	return vm.runInNewContext('gc');
}

function corpus(classifyText) {
	const seed = require('../sandbox/seed/wb-default.json');
	const out = [];
	for (const f of seed.feedbacks) {
		const text = [f.text, f.pros && `Достоинства: ${f.pros}`, f.cons && `Недостатки: ${f.cons}`].filter(Boolean).join('\n');
		const labels = classifyText({ text, channel: 'review', rating: f.rating });
		out.push({ text, rating: f.rating, classification: { intent: labels.intent, sentiment: labels.sentiment, emotion: labels.emotion } });
	}
	return out;
}

// Deterministic pseudo-random numbers (mulberry32), so every run sees the same reviews.
function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Feeds n generated reviews over `products` products (5 % negative; every 50th product turns 40 % negative in the
 * current week) and measures the heap the aggregator holds, after a full collection, at each checkpoint.
 */
function stream(core, { n, products, quotes, checkpoints, texts, gc, confidence = 0.95 }) {
	const good = texts.filter((t) => t.rating >= 4 && t.classification.sentiment !== 'negative');
	const bad = texts.filter((t) => t.rating <= 2);
	const random = rng(42);
	gc();
	const baseline = process.memoryUsage().heapUsed;
	const agg = new core.QualityAggregator({ referenceTime: REF, quotesPerProduct: quotes, spike: { ...core.DEFAULT_SPIKE_OPTIONS, confidence } });
	const heap = [];
	let feedMs = 0;
	let t = performance.now();
	for (let i = 0; i < n; i++) {
		const p = i % products;
		const daysAgo = random() * 14;
		const spiking = p % 50 === 0 && daysAgo < 7;
		const pick = random() < (spiking ? 0.4 : 0.05) ? bad : good;
		const x = pick[Math.floor(random() * pick.length)];
		const json = {
			id: `wb:review:${i}`,
			marketplace: 'wb',
			channel: 'review',
			externalId: String(i),
			productId: `nm${p}`,
			text: x.text,
			rating: x.rating,
			createdAt: new Date(REF - daysAgo * DAY).toISOString(),
			answered: false,
			classification: x.classification,
		};
		agg.add(core.readQualityEvent(json, i));
		if (checkpoints.includes(i + 1)) {
			feedMs += performance.now() - t;
			gc();
			heap.push({ reviews: i + 1, held: process.memoryUsage().heapUsed - baseline });
			t = performance.now();
		}
	}
	feedMs += performance.now() - t;
	t = performance.now();
	const alerts = agg.spikes();
	const top = agg.topProblemProducts(10);
	const reportMs = performance.now() - t;
	const spikingAlerts = alerts.filter((a) => Number(a.productId.slice(2)) % 50 === 0).length;
	if (agg.stats.products !== products || top.length !== 10) throw new Error('bench: unexpected aggregate');
	return { feedMs, reportMs, heap, alerts: alerts.length, spikingAlerts, spiking: Math.ceil(products / 50) };
}

const mib = (bytes) => (bytes / 1048576).toFixed(2);

async function run({ print }) {
	const core = require(path.join(dist, 'quality', 'index.js'));
	const { classifyText } = require(path.join(dist, 'classify', 'index.js'));
	const gc = getGc();
	const texts = corpus(classifyText);
	stream(core, { n: 50_000, products: 1000, quotes: 3, checkpoints: [], texts, gc }); // warm-up (JIT)

	const N = 1_000_000;
	const runs = [
		{ n: 2_000_000, products: 10_000, quotes: 3, label: '10,000 products, 3 quotes each', checkpoints: [200_000, 400_000, 600_000, 800_000, 1_000_000, 2_000_000] },
		{ n: N, products: 10_000, quotes: 0, label: '10,000 products, counters only', checkpoints: [200_000, 400_000, 600_000, 800_000, 1_000_000] },
		{ n: N, products: 20_000, quotes: 3, label: '20,000 products, 3 quotes each', checkpoints: [200_000, 1_000_000] },
	];
	const results = [];
	for (const r of runs) {
		const m = stream(core, { ...r, texts, gc });
		results.push(m);
		const at1M = m.heap.find((h) => h.reviews === N);
		print(`${r.n.toLocaleString('en-US')} reviews, ${r.label}: read + aggregate`, (m.feedMs / 1000).toFixed(2), 's');
		print(`  throughput`, Math.round(r.n / (m.feedMs / 1000)).toLocaleString('en-US'), 'reviews/s');
		print(`  Detect Spikes + Top Problem Products report`, m.reportMs.toFixed(1), 'ms');
		print(`  alerts (95% chance check): on the ${m.spiking} spiking products / on stable ones`, `${m.spikingAlerts} / ${m.alerts - m.spikingAlerts}`);
		print(`  heap held after ${m.heap.map((h) => `${h.reviews / 1000}k`).join(' / ')} reviews`, m.heap.map((h) => mib(h.held)).join(' / '), 'MiB');
		print(`  heap per product at 1M reviews`, Math.round(at1M.held / r.products).toLocaleString('en-US'), 'bytes');
	}
	const held = (m, reviews) => m.heap.find((h) => h.reviews === reviews).held;
	print('heap 1M vs 200k reviews, 10,000 products, 3 quotes', (held(results[0], N) / held(results[0], 200_000)).toFixed(2), '×');
	print('heap 2M vs 1M reviews, 10,000 products, 3 quotes (quotes full: flat)', (held(results[0], 2 * N) / held(results[0], N)).toFixed(2), '×');
	print('heap 1M vs 200k reviews, 10,000 products, counters only (flat)', (held(results[1], N) / held(results[1], 200_000)).toFixed(2), '×');
	print('heap 20,000 vs 10,000 products at 1M reviews (≈ 2: per product)', (held(results[2], N) / held(results[0], N)).toFixed(2), '×');
	const off = stream(core, { n: N, products: 10_000, quotes: 0, checkpoints: [], texts, gc, confidence: 0 });
	print(`threshold rule alone (chance check off), 1M reviews: alerts on spiking / stable`, `${off.spikingAlerts} / ${off.alerts - off.spikingAlerts}`);

	// The same path when items come without a classification (straight from a trigger): the offline classifier runs.
	const agg = new core.QualityAggregator({ referenceTime: REF });
	const M = 20_000;
	const t = performance.now();
	for (let i = 0; i < M; i++) {
		const x = texts[i % texts.length];
		agg.add(core.readQualityEvent({ productId: `nm${i % 1000}`, text: x.text, rating: x.rating, createdAt: new Date(REF - (i % 14) * DAY).toISOString() }, i));
	}
	print('unclassified reviews (offline classifier inline), 20,000', Math.round(M / ((performance.now() - t) / 1000)).toLocaleString('en-US'), 'reviews/s');
}

module.exports = { run };
