#!/usr/bin/env node
// `npm test`: the unit project, the contract project (prism against the official specs), then the e2e project
// (real n8n, one test file at a time), then one summary line.
// CI reads the LAST line, which is exactly "N passed, N failed" (", N skipped" appended when some were skipped).
// Builds dist/ when it is missing but installs nothing of this package (npm ci does that); the e2e tests install the pinned
// n8n versions themselves through tests/e2e/n8n-install.js (cached across runs).
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const ARTIFACTS = path.join(ROOT, 'tests', '.artifacts');

function jestBin() {
	try {
		return require.resolve('jest/bin/jest', { paths: [ROOT] });
	} catch {
		process.stderr.write('run-tests: jest is not installed; run `npm ci` first\n');
		process.exit(2);
	}
}

function runProject(name, extraArgs) {
	const outputFile = path.join(ARTIFACTS, `jest-${name}.json`);
	fs.rmSync(outputFile, { force: true });
	const args = [jestBin(), '--selectProjects', name, '--passWithNoTests', '--json', `--outputFile=${outputFile}`, ...extraArgs, ...process.argv.slice(2)];
	process.stdout.write(`\n=== jest project "${name}" ===\n`);
	const started = Date.now();
	const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
	const seconds = Math.round((Date.now() - started) / 1000);
	let results = null;
	try {
		results = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
	} catch {
		// jest crashed before writing results: counted as one failure below
	}
	return { name, exitCode: r.status, signal: r.signal, seconds, results };
}

function main() {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	if (!fs.existsSync(path.join(ROOT, 'dist', 'package.json'))) {
		// The contract and e2e tests run the compiled package, as n8n does.
		process.stdout.write('dist/ is missing: building first\n');
		const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
		if (build.status !== 0) {
			process.stdout.write('0 passed, 1 failed\n');
			process.exit(1);
		}
	}
	// Servers and child processes of the contract and e2e suites are stopped by the tests themselves; --forceExit
	// only keeps a stray keep-alive socket from holding jest open.
	const runs = [runProject('unit', []), runProject('contract', ['--runInBand', '--forceExit']), runProject('e2e', ['--runInBand', '--forceExit'])];
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	const notes = [];
	for (const run of runs) {
		const r = run.results;
		if (!r) {
			failed += 1;
			notes.push(`${run.name}: jest wrote no results (exit ${run.exitCode}${run.signal ? `, ${run.signal}` : ''}); counted as 1 failure`);
			continue;
		}
		passed += r.numPassedTests;
		// A suite that cannot even load (syntax error, failing beforeAll import) has no tests of its own.
		failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
		skipped += r.numPendingTests + r.numTodoTests;
		notes.push(
			`${run.name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped` +
				`${r.numRuntimeErrorTestSuites ? `, ${r.numRuntimeErrorTestSuites} suites failed to run` : ''} (${run.seconds} s)`,
		);
		if (run.exitCode !== 0 && r.numFailedTests + r.numRuntimeErrorTestSuites === 0) {
			failed += 1;
			notes.push(`${run.name}: jest exited ${run.exitCode} without a failed test (e.g. open handles or a coverage threshold); counted as 1 failure`);
		}
	}
	fs.writeFileSync(
		path.join(ROOT, 'jest-results.json'),
		JSON.stringify({ passed, failed, skipped, projects: Object.fromEntries(runs.map((run) => [run.name, run.results])) }, null, 2),
	);
	process.stdout.write(`\n${notes.join('\n')}\n`);
	process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
	process.exitCode = failed > 0 ? 1 : 0;
}

main();
