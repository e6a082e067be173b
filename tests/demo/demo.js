#!/usr/bin/env node
// `npm run demo`: the main job on a fresh machine. Starts the marketplace sandbox with live buyer traffic and a real
// n8n with this package, every template in workflows/ imported, credentials pointing at the sandbox, and the
// scenario workflows published; prints where to look; logs every reply the sandbox receives. Ctrl+C stops both.
// No marketplace account and no LLM key are needed (offline classifier and templates).
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');
const { createSandbox } = require('../sandbox/server');
const { startN8n, OWNER } = require('../e2e/n8n-harness');
const { ensureN8n } = require('../e2e/n8n-install');
const { wbSandboxCredential } = require('../e2e/support');

const root = path.join(__dirname, '..', '..');

function arg(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : process.env[`AGENTIQ_DEMO_${name.toUpperCase().replace(/-/g, '_')}`] || fallback;
}

function portFree(port) {
	return new Promise((resolve) => {
		const s = net.createServer();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

async function pickPort(preferred) {
	return (await portFree(preferred)) ? preferred : 0;
}

function templates() {
	const dir = path.join(root, 'workflows');
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f, k) => {
			const wf = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
			return { ...wf, id: `agentiqDemo${String(k + 1).padStart(2, '0')}`, file: f };
		});
}

async function main() {
	if (!fs.existsSync(path.join(root, 'dist'))) {
		console.error('demo: dist/ is missing — run `npm run build` first (README: npm ci && npm run build && npm run demo)');
		process.exit(2);
	}
	const major = Number(process.versions.node.split('.')[0]);
	const version = arg('n8n-version', major >= 24 ? '2.41.0' : '2.8.4');
	const liveMs = Number(arg('live', '20000'));
	console.log(`[demo] preparing n8n ${version} (first run installs it into the cache: a few minutes)…`);
	await ensureN8n(version, { verbose: true });

	const sb = createSandbox({ seed: 'default', live: { intervalMs: liveMs }, log: false });
	await sb.start(await pickPort(Number(arg('sandbox-port', '8787'))));
	sb.on('reply', (r) => {
		const text = String(r.text || '').replace(/\s+/g, ' ');
		console.log(`[sandbox] ${r.kind} → ${r.targetId}: ${text.length > 110 ? `${text.slice(0, 110)}…` : text}`);
	});

	const workflows = templates();
	// Published: the scenario workflows whose credentials the demo can fill. The basic example answers every review
	// with one text and would race the scenario workflows for the same reviews, so it is only imported for a look.
	const importOnly = new Set(['wb-reply-to-reviews.json']);
	const publishable = workflows.filter(
		(wf) => !importOnly.has(wf.file) && wf.nodes.every((n) => Object.keys(n.credentials || {}).every((t) => t === 'wildberriesApi')),
	);
	const n8n = await startN8n({
		version,
		port: await pickPort(Number(arg('n8n-port', '5678'))),
		credentials: [wbSandboxCredential(sb.url, { intervalMs: 300 })],
		workflows: workflows.map(({ file, ...wf }) => wf),
		publish: publishable.map((wf) => wf.id),
	});

	// Sets up the owner account (and an API key for the harness), so the printed login works.
	await n8n.executions();

	const line = '─'.repeat(78);
	console.log(`\n${line}\nAgentIQ demo is running\n${line}`);
	console.log(`n8n editor     ${n8n.baseUrl}   (login ${OWNER.email} / ${OWNER.password})`);
	console.log(`sandbox        ${sb.url}   (WB hosts under /wb/…, state at ${sb.url}/__control/state)`);
	console.log(`replies log    ${sb.url}/__control/replies   (also printed below as they arrive)`);
	console.log(`live traffic   a new buyer review, question or chat message every ${liveMs / 1000} s`);
	console.log('workflows');
	for (const wf of workflows) console.log(`  ${publishable.includes(wf) ? 'published' : 'imported '}  ${wf.name}  (${wf.file})`);
	console.log(
		'\nTo use your own shop: in n8n open Credentials → "Wildberries (sandbox)", switch off "Custom Base URLs",\n' +
			'paste your WB token (categories: Feedbacks and questions, Buyers chat, Marketplace, Statistics) and save.\n' +
			'Ctrl+C stops n8n and the sandbox.\n' +
			line,
	);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\n[demo] stopping…');
		await n8n.stop().catch(() => {});
		await sb.stop().catch(() => {});
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	const stopAfter = Number(arg('stop-after-seconds', '0'));
	if (stopAfter > 0) setTimeout(stop, stopAfter * 1000);
}

main().catch((error) => {
	console.error(`[demo] failed: ${error.stack || error.message}`);
	process.exit(1);
});
