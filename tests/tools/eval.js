#!/usr/bin/env node
// `npm run eval`: scores the product on the labelled development sets in ../shared/data, exactly as it is
// judged (../shared/tools/score pipes each set through `npm run --silent agentiq -- <command>`).
// Each command that exists is scored; the exit code is non-zero when a goal is missed.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const shared = process.env.AGENTIQ_SHARED_DIR || path.join(root, '..', 'shared');
const score = path.join(shared, 'tools', 'score');
const sets = [
	['intents', 'intents-dev.jsonl', 'classify'],
	['sentiment', 'reviews-stars-dev.csv', 'classify'],
	['guardrails', 'guardrails-dev.jsonl', 'guard'],
	['order-numbers', 'order-numbers-dev.jsonl', 'order-number'],
];

if (!fs.existsSync(score)) {
	console.error(`eval: ${score} not found (set AGENTIQ_SHARED_DIR to the shared/ folder)`);
	process.exit(2);
}
const only = process.argv.slice(2);
let failed = 0;
for (const [kind, file, command] of sets) {
	if (only.length && !only.includes(kind)) continue;
	if (!fs.existsSync(path.join(__dirname, 'commands', `${command}.js`))) {
		console.log(`== ${kind}: skipped (no \`${command}\` command yet)`);
		continue;
	}
	console.log(`== ${kind} (${file})`);
	const r = spawnSync(score, [kind, path.join(shared, 'data', file)], { cwd: root, stdio: 'inherit' });
	if (r.status !== 0) failed++;
}
// Drafts: every template draft for every labelled buyer text, in every tone, must pass the guardrails.
if ((!only.length || only.includes('drafts')) && fs.existsSync(path.join(__dirname, 'commands', 'draft.js'))) {
	console.log('== drafts (intents-dev.jsonl through `agentiq draft`, each tone; goal: 100% pass the guardrails)');
	const input = fs
		.readFileSync(path.join(shared, 'data', 'intents-dev.jsonl'), 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => {
			const d = JSON.parse(l);
			delete d.gold;
			delete d.note;
			delete d.source;
			return JSON.stringify(d);
		})
		.join('\n');
	for (const tone of ['formal', 'empathetic', 'friendly']) {
		const r = spawnSync('npm', ['run', '--silent', 'agentiq', '--', 'draft', '--tone', tone], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 << 20 });
		const lines = r.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
		const ok = lines.filter((d) => d.draft && d.draft.guardrails && d.draft.guardrails.ok).length;
		const bad = lines.filter((d) => !(d.draft && d.draft.guardrails && d.draft.guardrails.ok)).slice(0, 3);
		console.log(`${tone.padEnd(11)} ${ok}/${lines.length} drafts pass${bad.length ? `; e.g. ${JSON.stringify(bad.map((d) => d.error || d.draft.guardrails.violations))}` : ''}`);
		if (r.status !== 0 || ok !== lines.length || lines.length === 0) failed++;
	}
}
process.exit(failed ? 1 : 0);
