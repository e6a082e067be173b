#!/usr/bin/env node
// Builds the package into a separate folder (`node tests/e2e/stage-package.js /tmp/stage-x`) so that several
// developers or helpers can run the real-n8n tests at once without `npm run build` wiping each other's dist/.
// Then: AGENTIQ_PACKAGE_DIR=/tmp/stage-x npx jest tests/e2e/<file> --selectProjects e2e
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');

function copyMatching(fromDir, toDir, test) {
	if (!fs.existsSync(fromDir)) return;
	for (const entry of fs.readdirSync(fromDir, { withFileTypes: true })) {
		const from = path.join(fromDir, entry.name);
		const to = path.join(toDir, entry.name);
		if (entry.isDirectory()) copyMatching(from, to, test);
		else if (test(entry.name)) {
			fs.mkdirSync(toDir, { recursive: true });
			fs.copyFileSync(from, to);
		}
	}
}

function stage(target) {
	const dir = path.resolve(target);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
	const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.json'), '--outDir', path.join(dir, 'dist')], { cwd: ROOT, stdio: 'inherit' });
	if (r.status !== 0) throw new Error(`tsc failed (exit ${r.status})`);
	// What gulpfile.js copies: icons and codex files.
	for (const top of ['nodes', 'credentials']) {
		copyMatching(path.join(ROOT, top), path.join(dir, 'dist', top), (name) => /\.(png|svg)$/.test(name) || name.endsWith('.node.json'));
	}
	fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
	return dir;
}

if (require.main === module) {
	const target = process.argv[2];
	if (!target) {
		process.stderr.write('usage: node tests/e2e/stage-package.js <folder>\n');
		process.exit(2);
	}
	process.stdout.write(`staged ${stage(target)}\n`);
}

module.exports = { stage };
