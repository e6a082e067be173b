#!/usr/bin/env node
// `npm run demo`: the main job on a fresh machine. Starts the marketplace sandbox (WB, Ozon, Yandex Market) with live
// buyer traffic, and a real n8n with this package, every template in workflows/ imported, credentials for all three
// marketplaces pointing at the sandbox, the Data Tables the published workflows need, and a set of workflows
// published that never answers the same message twice (./plan.js says which and why). Prints where to look and a
// line per reply the sandbox receives. Ctrl+C stops both. No marketplace account and no LLM key are needed (offline
// classifier and templates).
//
// Options (flag or environment variable): --n8n-version / AGENTIQ_DEMO_N8N_VERSION, --live / AGENTIQ_DEMO_LIVE
// (ms between buyer messages; 0 = none), --n8n-port / AGENTIQ_DEMO_N8N_PORT, --sandbox-port / AGENTIQ_DEMO_SANDBOX_PORT
// (0 = any free port), --stop-after-seconds / AGENTIQ_DEMO_STOP_AFTER_SECONDS. AGENTIQ_PACKAGE_DIR: a staged build
// (tests/e2e/stage-package.js) instead of this checkout's dist/.
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');
const { createSandbox } = require('../sandbox/server');
const { replyLine } = require('../sandbox/core/log');
const { startN8n, OWNER, PACKAGE_DIR } = require('../e2e/n8n-harness');
const { ensureN8n } = require('../e2e/n8n-install');
const { templates, answers, sandboxCredentials } = require('./plan');

const DASHBOARD_PATH = 'agentiq-dashboard';

function arg(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	if (i > 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1];
	const env = process.env[`AGENTIQ_DEMO_${name.toUpperCase().replace(/-/g, '_')}`];
	return env !== undefined && env !== '' ? env : fallback;
}

function numberArg(name, fallback) {
	const raw = arg(name, String(fallback));
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number >= 0 (got ${JSON.stringify(raw)})`);
	return n;
}

function portFree(port) {
	return new Promise((resolve) => {
		const s = net.createServer();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

/** The preferred port when it is free, else 0 (any free port). */
async function pickPort(preferred) {
	return preferred && (await portFree(preferred)) ? preferred : 0;
}

/** Creates the Data Tables (name → column names, all strings) in the owner's personal project. */
async function createTables(n8n, tables) {
	const personal = await n8n.rest('GET', '/rest/projects/personal');
	if (personal.status !== 200) throw new Error(`reading the personal project: HTTP ${personal.status} ${personal.text.slice(0, 300)}`);
	const projectId = personal.json.data.id;
	for (const [name, columns] of Object.entries(tables)) {
		const created = await n8n.rest('POST', `/rest/projects/${projectId}/data-tables`, { name, columns: columns.map((c) => ({ name: c, type: 'string' })) });
		if (created.status !== 200 && created.status !== 201) throw new Error(`creating the Data Table ${name}: HTTP ${created.status} ${created.text.slice(0, 300)}`);
	}
}

async function main() {
	const packageDir = PACKAGE_DIR;
	if (!fs.existsSync(path.join(packageDir, 'dist'))) {
		console.error(`demo: ${path.join(packageDir, 'dist')} is missing — run \`npm run build\` first (README: npm ci && npm run build && npm run demo)`);
		process.exit(2);
	}
	const major = Number(process.versions.node.split('.')[0]);
	const version = arg('n8n-version', major >= 24 ? '2.41.0' : '2.8.4');
	const liveMs = numberArg('live', 20000);
	if (liveMs > 0 && liveMs < 10) throw new Error('--live must be 0 (no live traffic) or at least 10 ms');
	const stopAfter = numberArg('stop-after-seconds', 0);
	const plan = templates();

	let sb = null;
	let n8n = null;
	let stopping = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		console.log('\n[demo] stopping n8n and the sandbox…');
		if (n8n) await n8n.stop().catch((e) => console.error(`[demo] stopping n8n: ${e.message}`));
		if (sb) await sb.stop().catch((e) => console.error(`[demo] stopping the sandbox: ${e.message}`));
		console.log('[demo] stopped');
		process.exit(code);
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));

	try {
		console.log(`[demo] preparing n8n ${version} (the first run installs it into the cache: a few minutes)…`);
		await ensureN8n(version, { verbose: true });

		sb = createSandbox({ seed: 'default', live: liveMs ? { intervalMs: liveMs } : false, log: false });
		await sb.start(await pickPort(numberArg('sandbox-port', 8787)));
		sb.on('reply', (r) => console.log(replyLine(r)));
		if (stopping) return;

		// Workflows that need a Data Table are published once it exists (a run before that would fail); the rest at start.
		const atStart = plan.filter((t) => t.publish && !t.tables);
		const later = plan.filter((t) => t.publish && t.tables);
		console.log(`[demo] starting n8n with ${plan.length} templates…`);
		n8n = await startN8n({
			version,
			packageDir,
			port: await pickPort(numberArg('n8n-port', 5678)),
			credentials: sandboxCredentials(sb.url),
			workflows: plan.map((t) => t.workflow),
			publish: atStart.map((t) => t.workflow.id),
		});
		if (stopping) return;
		const tables = Object.assign({}, ...later.map((t) => t.tables));
		await createTables(n8n, tables);
		for (const t of later) await n8n.activate(t.workflow.id);
		if (stopping) return;
	} catch (error) {
		console.error(`[demo] failed: ${error.stack || error.message}`);
		return stop(1);
	}

	const line = '─'.repeat(78);
	const out = [
		'',
		line,
		'AgentIQ demo is running',
		line,
		`n8n editor     ${n8n.baseUrl}   (login ${OWNER.email} / ${OWNER.password})`,
		`dashboard      ${n8n.webhookUrl(DASHBOARD_PATH)}   (WB analytics, built on each visit)`,
		`sandbox        ${sb.url}   (WB under /wb/…, Ozon /ozon/seller, Yandex Market /ym/api; state: ${sb.url}/__control/state)`,
		`replies log    ${sb.url}/__control/replies   (also printed below as "[sandbox] time marketplace kind id: text")`,
		liveMs
			? `live traffic   every ${liveMs / 1000} s a new buyer review, question or chat message on each of WB, Ozon and Yandex Market`
			: 'live traffic   off (add buyer messages with POST /__control/<wb|ozon|ym>/…, see tests/sandbox/README.md)',
		`n8n process    pid ${n8n.pid()}, n8n ${version}, data in ${n8n.userFolder} (removed when the demo stops)`,
		`Data Tables    ${Object.keys(Object.assign({}, ...plan.filter((t) => t.tables).map((t) => t.tables))).join(', ') || 'none'}`,
		'workflows      (published = running now; imported = open it in the editor to look or to switch)',
	];
	for (const t of plan) {
		const what = answers(t.workflow);
		out.push(`  ${t.publish ? 'published' : 'imported '}  ${t.workflow.name}  (${t.file})${what.length ? ` — answers ${what.join(', ')}` : ''}`);
		out.push(`             ${t.why}`);
	}
	out.push(
		'',
		'Switch to your own shop: in n8n open Overview → Credentials; for each marketplace you sell on open its credential,',
		'switch off "Custom Base URLs" (WB) / "Custom Base URL" (Ozon, Yandex Market), paste your real key and save:',
		'  "Wildberries (sandbox)"     Token from the WB seller portal (Settings → Access to API; categories Feedbacks and',
		'                              Questions, Buyers Chat, Marketplace, Statistics);',
		'  "Ozon (sandbox)"            Client ID and API Key from the Ozon seller cabinet (Settings → Seller API);',
		'  "Yandex Market (sandbox)"   API Key (Settings → API and modules; buyer communication and orders) and Business ID.',
		'Unpublish the workflows of a marketplace you do not sell on. The demo\'s n8n data is deleted when it stops; to keep',
		'a shop running, install the package into your own n8n (README → Install into n8n) and import the templates there.',
		'Ctrl+C stops n8n and the sandbox.',
		line,
	);
	console.log(out.join('\n'));

	if (stopAfter > 0) setTimeout(() => stop(0), stopAfter * 1000);
}

main().catch((error) => {
	console.error(`[demo] failed: ${error.stack || error.message}`);
	process.exit(1);
});
