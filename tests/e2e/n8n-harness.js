// Runs a real n8n (installed by ./n8n-install.js) against this package, headless, for end-to-end tests.
//
//   startN8n({ version, credentials, workflows, publish, env })  -> a running server (REST + webhooks + pollers)
//   runOnce({ version, workflow, credentials })                   -> one `n8n execute --id` of a Manual-Trigger workflow
//   exportNodes(version)                                          -> `n8n export:nodes` (which node types loaded)
//
// Every call gets a fresh N8N_USER_FOLDER (sqlite DB, config, encryption key) in the OS temp dir, and the package
// is installed into <userFolder>/.n8n/nodes/node_modules/n8n-nodes-agentiq, which is where n8n puts community
// packages, so node types are `n8n-nodes-agentiq.<name>` exactly as for users. Recipes and traps:
// /work/shared/reference/n8n-conventions.md §4.
'use strict';
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { ensureN8n } = require('./n8n-install');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
// A package built elsewhere (tests/e2e/stage-package.js) when several runs share this checkout.
const PACKAGE_DIR = process.env.AGENTIQ_PACKAGE_DIR ? path.resolve(process.env.AGENTIQ_PACKAGE_DIR) : REPO_ROOT;
const OWNER = { email: 'e2e-owner@agentiq.test', firstName: 'E2e', lastName: 'Owner', password: 'E2e-owner-Passw0rd' };
const API_KEY_SCOPES = [
	'workflow:read',
	'workflow:list',
	'workflow:create',
	'workflow:update',
	'workflow:activate',
	'workflow:deactivate',
	'execution:read',
	'execution:list',
];
const LOG_LINES_KEPT = 5000;

// Groups of every n8n this process started and has not stopped yet, so a crashing script does not leave servers
// and task runners behind. Under jest this listener sits on the sandbox's process object and never fires, hence
// also the watchdog below for servers.
const liveGroups = new Set();
process.on('exit', () => {
	for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

// A detached shell that, once this process is gone (killed test run, jest timeout), kills the n8n process group
// and removes its user folder. It ends by itself when the group ends first (normal stop, restart).
function startWatchdog(groupPid, userFolder) {
	// Plain `sh` (dash) kill takes a negative pid as a group but does not accept `--`.
	const script =
		'while kill -0 "$0" 2>/dev/null && kill -0 "-$1" 2>/dev/null; do sleep 2; done; ' +
		'if ! kill -0 "$0" 2>/dev/null; then kill -KILL "-$1" 2>/dev/null; [ -n "$2" ] && rm -rf "$2"; fi';
	const folder = process.env.AGENTIQ_E2E_KEEP ? '' : userFolder;
	const watchdog = spawn('sh', ['-c', script, String(process.pid), String(groupPid), folder], { detached: true, stdio: 'ignore' });
	watchdog.unref();
	return watchdog;
}

function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function packageName(packageDir) {
	const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	if (!pkg.n8n || !Array.isArray(pkg.n8n.nodes)) throw new Error(`${packageDir}/package.json has no n8n.nodes list`);
	return pkg;
}

/**
 * Puts the package where n8n looks for community packages. Default 'copy' copies package.json + the `files`
 * entries (dist/), like a real install: `require('n8n-workflow'|'zod'|'luxon')` then resolves to n8n's own copies.
 * 'symlink' links the repo instead (faster to iterate), but Node resolves symlinks to their real path, so
 * requires then find this repo's node_modules (e.g. devDependency n8n-workflow 2.8.0 on an n8n 2.41 host).
 */
function installPackage(userFolder, packageDir, mode) {
	const pkg = packageName(packageDir);
	const missing = [...(pkg.n8n.nodes || []), ...(pkg.n8n.credentials || [])].filter((f) => !fs.existsSync(path.join(packageDir, f)));
	if (missing.length) {
		throw new Error(`package ${pkg.name} is not built: missing ${missing.join(', ')} (run \`npm run build\`)`);
	}
	const modules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	const target = path.join(modules, ...pkg.name.split('/'));
	fs.mkdirSync(path.dirname(target), { recursive: true });
	if (mode === 'symlink') {
		fs.symlinkSync(packageDir, target, 'dir');
	} else if (mode === 'copy') {
		fs.mkdirSync(target);
		fs.copyFileSync(path.join(packageDir, 'package.json'), path.join(target, 'package.json'));
		for (const entry of pkg.files || ['dist']) {
			const from = path.join(packageDir, entry);
			if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true, dereference: true });
		}
	} else {
		throw new Error(`packageMode must be 'copy' or 'symlink', got ${JSON.stringify(mode)}`);
	}
	// n8n's own package manager expects this folder to be an npm project.
	const nodesPkg = path.join(userFolder, '.n8n', 'nodes', 'package.json');
	if (!fs.existsSync(nodesPkg)) fs.writeFileSync(nodesPkg, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
	return pkg.name;
}

function baseEnv(install, userFolder, extra) {
	const env = {};
	// Keep the parent's PATH/HOME etc., but no npm_* (an outer `npm test` exports this repo's npm config) and no
	// N8N_*/DB_* that could point the instance at a developer's own setup.
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(npm_|N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|GENERIC_TIMEZONE$)/i.test(key)) continue;
		// NODE_ENV=test (set by jest) puts n8n in its own unit-test mode: silent logger, start exits with code 1.
		if (['NODE_OPTIONS', 'INIT_CWD', 'NODE_ENV', 'JEST_WORKER_ID'].includes(key)) continue;
		env[key] = value;
	}
	env.PATH = `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH || ''}`;
	return Object.assign(
		env,
		{
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: 'agentiq-e2e-key-not-a-secret',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_LOG_LEVEL: 'info',
			GENERIC_TIMEZONE: 'UTC',
		},
		extra,
	);
}

function runCli(install, args, { env, timeoutMs = 180000, what }) {
	return new Promise((resolve, reject) => {
		const child = spawn(install.nodeBin, [install.n8nBin, ...args], { env, cwd: env.N8N_USER_FOLDER, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		liveGroups.add(child.pid);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child.pid, 'SIGKILL');
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			liveGroups.delete(child.pid);
			reject(new Error(`${what}: cannot start n8n ${install.version}: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			// Whatever is left of its process group (task runners) goes with it.
			killGroup(child.pid, 'SIGKILL');
			liveGroups.delete(child.pid);
			if (timedOut) stderr += `\n[harness] killed after ${timeoutMs} ms (timeout)`;
			resolve({ code, signal, stdout, stderr, timedOut });
		});
	});
}

async function runCliOk(install, args, options) {
	const r = await runCli(install, args, options);
	if (r.code !== 0) {
		const lastLines = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-30).join('\n');
		throw new Error(`${options.what}: \`n8n ${args.join(' ')}\` (n8n ${install.version}) failed with ${r.signal || `exit ${r.code}`}:\n${lastLines}`);
	}
	return r;
}

function checkWorkflow(workflow, index) {
	if (!workflow || typeof workflow !== 'object') throw new Error(`workflows[${index}] is not an object`);
	if (typeof workflow.id !== 'string' || !/^[A-Za-z0-9]{1,21}$/.test(workflow.id)) {
		throw new Error(`workflows[${index}] ("${workflow.name}") needs a fixed alphanumeric id of at most 21 characters, got ${JSON.stringify(workflow.id)}`);
	}
	if (!Array.isArray(workflow.nodes) || !workflow.connections) throw new Error(`workflow ${workflow.id} needs nodes[] and connections{}`);
	return { settings: { executionOrder: 'v1' }, active: false, ...workflow };
}

function checkCredential(credential, index) {
	for (const field of ['id', 'name', 'type']) {
		if (typeof credential[field] !== 'string' || !credential[field]) throw new Error(`credentials[${index}].${field} must be a non-empty string`);
	}
	if (!credential.data || typeof credential.data !== 'object') throw new Error(`credentials[${index}] ("${credential.name}").data must be an object of plaintext fields`);
	return credential;
}

// Writes and imports credentials and workflows into a fresh user folder.
async function prepareUserFolder(install, { packageDir, packageMode, credentials, workflows, env }) {
	const checkedCredentials = credentials.map(checkCredential);
	const checkedWorkflows = workflows.map(checkWorkflow);
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `agentiq-n8n-${install.version}-`));
	try {
		const importDir = path.join(userFolder, 'import');
		fs.mkdirSync(importDir);
		if (packageDir) installPackage(userFolder, packageDir, packageMode);
		const cliEnv = baseEnv(install, userFolder, env);
		if (checkedCredentials.length) {
			const file = path.join(importDir, 'credentials.json');
			fs.writeFileSync(file, JSON.stringify(checkedCredentials, null, 2));
			await runCliOk(install, ['import:credentials', `--input=${file}`], { env: cliEnv, what: 'importing credentials' });
		}
		if (checkedWorkflows.length) {
			const file = path.join(importDir, 'workflows.json');
			fs.writeFileSync(file, JSON.stringify(checkedWorkflows, null, 2));
			await runCliOk(install, ['import:workflow', `--input=${file}`], { env: cliEnv, what: 'importing workflows' });
		}
		return userFolder;
	} catch (error) {
		removeFolder(userFolder);
		throw error;
	}
}

function removeFolder(folder) {
	if (process.env.AGENTIQ_E2E_KEEP) return;
	fs.rmSync(folder, { recursive: true, force: true });
}

async function http(method, url, { body, headers = {}, timeoutMs = 30000 } = {}) {
	const response = await fetch(url, {
		method,
		headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await response.text();
	let json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/**
 * Starts a real n8n with this package installed.
 * @param {object} options
 * @param {string} options.version n8n version (see n8n-install SUPPORTED_VERSIONS)
 * @param {string|null} [options.packageDir] built package to install (default: this repo); null = none
 * @param {'copy'|'symlink'} [options.packageMode] how the package is placed (default 'copy', see installPackage)
 * @param {object[]} [options.credentials] `n8n import:credentials` objects { id, name, type, data } with plaintext data
 * @param {object[]} [options.workflows] workflow objects with fixed ids
 * @param {string[]} [options.publish] workflow ids to publish (activate) before start
 * @param {Record<string,string>} [options.env] extra env for n8n (wins over the harness defaults)
 * @param {number} [options.port] N8N_PORT (default: a free port)
 * @param {number} [options.readyTimeoutMs] default 180000
 */
async function startN8n(options) {
	const {
		version,
		packageDir = PACKAGE_DIR,
		packageMode = 'copy',
		credentials = [],
		workflows = [],
		publish = [],
		env = {},
		readyTimeoutMs = 180000,
	} = options;
	const install = await ensureN8n(version);
	const port = options.port || (await freePort());
	const baseUrl = `http://127.0.0.1:${port}`;
	const userFolder = await prepareUserFolder(install, { packageDir, packageMode, credentials, workflows, env });
	const logLines = [];
	const logFile = path.join(userFolder, 'n8n.log');
	let child = null;
	let exited = null;
	let apiKey = null;
	let authCookie = null;
	let publicationStatus = {};
	// Published workflows to wait for at each (re)start: the `publish` option plus activate()/deactivate() since.
	const publishedIds = new Set(publish);

	const serverEnv = async () =>
		baseEnv(install, userFolder, {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			// stop() sends SIGKILL 20 s after SIGTERM anyway; let n8n give up on running executions before that.
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...env,
		});

	try {
		const cliEnv = baseEnv(install, userFolder, env);
		for (const id of publish) {
			if (!workflows.some((w) => w.id === id)) throw new Error(`publish: workflow id "${id}" is not among the workflows passed`);
			await runCliOk(install, ['publish:workflow', `--id=${id}`], { env: cliEnv, what: `publishing workflow ${id}` });
		}
	} catch (error) {
		removeFolder(userFolder);
		throw error;
	}

	const lastLines = (n = 40) => logLines.slice(-n).join('\n');

	async function startProcess() {
		try {
			await spawnUntilReady();
		} catch (error) {
			await stopProcess();
			throw error;
		}
	}

	async function spawnUntilReady() {
		const started = Date.now();
		exited = null;
		const spawnedEnv = await serverEnv();
		const proc = spawn(install.nodeBin, [install.n8nBin, 'start'], { env: spawnedEnv, cwd: userFolder, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		child = proc;
		liveGroups.add(proc.pid);
		startWatchdog(proc.pid, userFolder);
		const logStream = fs.createWriteStream(logFile, { flags: 'a' });
		let ready = false;
		let partial = { stdout: '', stderr: '' };
		const onData = (stream) => (chunk) => {
			logStream.write(chunk);
			const text = partial[stream] + chunk.toString();
			const lines = text.split('\n');
			partial[stream] = lines.pop();
			for (const line of lines) {
				logLines.push(line);
				if (/Editor is now accessible/.test(line)) ready = true;
			}
			if (logLines.length > LOG_LINES_KEPT) logLines.splice(0, logLines.length - LOG_LINES_KEPT);
		};
		proc.stdout.on('data', onData('stdout'));
		proc.stderr.on('data', onData('stderr'));
		const exitPromise = new Promise((resolve) => {
			proc.on('error', (error) => {
				logLines.push(`[harness] spawn error: ${error.message}`);
				exited = { code: null, signal: null, error };
				resolve(exited);
			});
			proc.on('exit', (code, signal) => {
				if (!exited) exited = { code, signal };
				resolve(exited);
			});
		});
		proc.exitPromise = exitPromise.then((result) => {
			for (const stream of ['stdout', 'stderr']) if (partial[stream]) logLines.push(partial[stream]);
			partial = { stdout: '', stderr: '' };
			logStream.end();
			return result;
		});

		// Ready = the log line n8n prints once routes are registered (the public API answers 404 before it, even
		// though /healthz is already 200), confirmed by an HTTP answer.
		for (;;) {
			if (exited) {
				await proc.exitPromise;
				await stopProcess();
				throw new Error(
					`n8n ${version} exited (${exited.signal || `code ${exited.code}`}) before it was ready; last log lines:\n${lastLines()}`,
				);
			}
			if (ready) {
				try {
					const r = await http('GET', `${baseUrl}/healthz`, { timeoutMs: 5000 });
					if (r.status === 200) break;
				} catch {
					// not listening yet
				}
			}
			if (Date.now() - started > readyTimeoutMs) {
				await stopProcess();
				throw new Error(`n8n ${version} was not ready after ${readyTimeoutMs} ms; last log lines:\n${lastLines()}`);
			}
			await sleep(250);
		}
		await ensureApiKey();
		await waitForPublications(started);
		instance.startMs = Date.now() - started;
	}

	// n8n 2.8 activates published workflows before it prints "Editor is now accessible" and (de)activates
	// synchronously in the API. Newer versions hand both to an asynchronous publication service, so a webhook can
	// still answer 404 (or 200 after deactivation) for a moment. There, poll the workflow's publication status
	// until its triggers have settled. Returns the status, or null on versions without a publication service.
	async function settledPublication(workflowId, settled, deadline) {
		for (;;) {
			const r = await rest('GET', `/rest/workflows/${encodeURIComponent(workflowId)}/publication-status`);
			if (r.status === 404 && !/does not exist/.test(r.text)) return null;
			const status = r.json && r.json.data && r.json.data.status;
			if (r.status === 200 && settled.includes(status)) return r.json.data;
			if (Date.now() > deadline) {
				throw new Error(`n8n ${version}: workflow ${workflowId} publication status still ${status || `HTTP ${r.status} ${r.text.slice(0, 200)}`}, waited for ${settled.join('/')}; last log lines:\n${lastLines()}`);
			}
			await sleep(200);
		}
	}

	async function waitForPublications(started) {
		publicationStatus = {};
		for (const id of publishedIds) {
			const data = await settledPublication(id, ['published', 'partial', 'failed'], started + readyTimeoutMs);
			if (!data) return;
			publicationStatus[id] = data;
			if (data.status !== 'published') {
				const errors = data.triggers.filter((t) => t.errorMessage).map((t) => `${t.nodeId}: ${t.errorMessage}`);
				logLines.push(`[harness] workflow ${id} publication ${data.status}: ${errors.join('; ')}`);
			}
		}
	}

	async function stopProcess({ timeoutMs = 20000 } = {}) {
		const proc = child;
		if (!proc) return;
		const started = Date.now();
		killGroup(proc.pid, 'SIGTERM');
		let timer;
		const timedOut = await Promise.race([
			proc.exitPromise.then(() => false),
			new Promise((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
		]);
		clearTimeout(timer);
		if (timedOut) {
			logLines.push(`[harness] n8n did not exit ${timeoutMs} ms after SIGTERM; sending SIGKILL`);
			killGroup(proc.pid, 'SIGKILL');
			await proc.exitPromise;
		}
		// The main process is gone; make sure no task runner of its group survives it.
		const deadline = Date.now() + 10000;
		while (groupAlive(proc.pid)) {
			if (Date.now() > deadline) killGroup(proc.pid, 'SIGKILL');
			await sleep(100);
			if (Date.now() > deadline + 5000) throw new Error(`n8n ${version}: process group ${proc.pid} survives SIGKILL`);
		}
		liveGroups.delete(proc.pid);
		// The group is gone, so the watchdog ends on its own within 2 s; no need to wait for it.
		child = null;
		instance.stopMs = Date.now() - started;
	}

	async function ensureApiKey() {
		if (apiKey) return apiKey;
		const setup = await http('POST', `${baseUrl}/rest/owner/setup`, { body: OWNER });
		if (setup.status !== 200) throw new Error(`owner setup failed: HTTP ${setup.status} ${setup.text.slice(0, 500)}`);
		await login();
		const expiresAt = null;
		const created = await rest('POST', '/rest/api-keys', { label: 'agentiq-e2e', expiresAt, scopes: API_KEY_SCOPES });
		const raw = created.json && created.json.data && created.json.data.rawApiKey;
		if (created.status !== 200 || !raw) throw new Error(`creating an API key failed: HTTP ${created.status} ${created.text.slice(0, 500)}`);
		apiKey = raw;
		return apiKey;
	}

	async function login() {
		const r = await http('POST', `${baseUrl}/rest/login`, { body: { emailOrLdapLoginId: OWNER.email, password: OWNER.password } });
		if (r.status !== 200) throw new Error(`login failed: HTTP ${r.status} ${r.text.slice(0, 500)}`);
		const cookie = (r.headers.getSetCookie ? r.headers.getSetCookie() : [r.headers.get('set-cookie')]).find((c) => c && c.startsWith('n8n-auth='));
		if (!cookie) throw new Error('login answered 200 but set no n8n-auth cookie');
		authCookie = cookie.split(';')[0];
	}

	// Internal (/rest) API as the owner, with the session cookie; logs in again after a restart.
	async function rest(method, route, body) {
		if (!authCookie) {
			if (!apiKey) return ensureApiKey().then(() => rest(method, route, body));
			await login();
		}
		return http(method, `${baseUrl}${route}`, { body, headers: { cookie: authCookie } });
	}

	// Public API (/api/v1) with the API key.
	async function api(method, route, body) {
		const key = await ensureApiKey();
		return http(method, `${baseUrl}/api/v1${route}`, { body, headers: { 'X-N8N-API-KEY': key } });
	}

	// Publishes / unpublishes a workflow on the running server (runs webhook create/delete hooks, starts pollers).
	async function setActive(workflowId, active) {
		const r = await api('POST', `/workflows/${encodeURIComponent(workflowId)}/${active ? 'activate' : 'deactivate'}`);
		if (r.status !== 200) throw new Error(`${active ? 'activating' : 'deactivating'} workflow ${workflowId} failed: HTTP ${r.status} ${r.text.slice(0, 500)}`);
		const data = await settledPublication(workflowId, active ? ['published', 'partial', 'failed'] : ['not_published'], Date.now() + 60000);
		if (active) publishedIds.add(workflowId);
		else publishedIds.delete(workflowId);
		if (data && active) publicationStatus[workflowId] = data;
		else delete publicationStatus[workflowId];
		return r.json;
	}

	async function executions(workflowId, { includeData = false } = {}) {
		const all = [];
		let cursor;
		do {
			const qs = new URLSearchParams({ limit: '250', includeData: String(includeData) });
			if (workflowId) qs.set('workflowId', workflowId);
			if (cursor) qs.set('cursor', cursor);
			const r = await api('GET', `/executions?${qs}`);
			if (r.status !== 200) throw new Error(`GET /api/v1/executions failed: HTTP ${r.status} ${r.text.slice(0, 500)}`);
			all.push(...r.json.data);
			cursor = r.json.nextCursor;
		} while (cursor);
		return all.sort((a, b) => Number(a.id) - Number(b.id));
	}

	async function waitFor(predicate, { timeoutMs = 60000, intervalMs = 1000, what = 'condition' } = {}) {
		const started = Date.now();
		let lastError;
		for (;;) {
			if (exited) throw new Error(`n8n ${version} exited (${exited.signal || `code ${exited.code}`}) while waiting for ${what}; last log lines:\n${lastLines()}`);
			try {
				const value = await predicate();
				if (value) return value;
			} catch (error) {
				lastError = error;
			}
			if (Date.now() - started > timeoutMs) {
				throw new Error(
					`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}; last log lines:\n${lastLines(20)}`,
				);
			}
			await sleep(intervalMs);
		}
	}

	const instance = {
		baseUrl,
		version,
		userFolder,
		install,
		startMs: 0,
		stopMs: 0,
		webhookUrl: (route) => `${baseUrl}/webhook/${route.replace(/^\//, '')}`,
		logs: () => logLines.join('\n'),
		executions,
		waitFor,
		// n8n >= 2.4x only: { status: 'published'|'partial'|'failed', triggers: [{ nodeId, status, errorMessage }] } per
		// published workflow, as settled at the last (re)start; undefined on versions without a publication service.
		publicationStatus: (workflowId) => publicationStatus[workflowId],
		activate: (workflowId) => setActive(workflowId, true),
		deactivate: (workflowId) => setActive(workflowId, false),
		// Names n8n serves to the editor (`/types/nodes.json`, `/types/credentials.json`): proves types loaded in the server.
		async loadedTypes() {
			const out = {};
			for (const kind of ['nodes', 'credentials']) {
				const r = await rest('GET', `/types/${kind}.json`);
				if (r.status !== 200 || !Array.isArray(r.json)) throw new Error(`GET /types/${kind}.json failed: HTTP ${r.status} ${r.text.slice(0, 300)}`);
				out[kind] = r.json.map((t) => t.name);
			}
			return out;
		},
		api,
		rest,
		http: (method, route, opts) => http(method, route.startsWith('http') ? route : `${baseUrl}${route}`, opts),
		async stop() {
			await stopProcess();
			removeFolder(userFolder);
		},
		/** @param {{ timeoutMs?: number }} [options] how long to wait after SIGTERM before SIGKILL (default 20 s) */
		async restart(options = {}) {
			await stopProcess(options);
			authCookie = null;
			await startProcess();
		},
		running: () => Boolean(child) && !exited,
		pid: () => (child ? child.pid : null),
	};

	try {
		await startProcess();
	} catch (error) {
		removeFolder(userFolder);
		throw error;
	}
	return instance;
}

// `execute --rawOutput` prints log lines, then the run as pretty JSON (closing brace alone on its line), and on
// failure more text after it ("Error executing workflow…" and the stack).
function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	const first = lines.findIndex((line) => line.startsWith('{'));
	if (first === -1) return null;
	const last = lines.findIndex((line, i) => i >= first && line === '}');
	return JSON.parse(lines.slice(first, last === -1 ? undefined : last + 1).join('\n'));
}

/**
 * Runs a Manual-Trigger (or Execute-Workflow-Trigger) workflow once with `n8n execute --id --rawOutput`.
 * @returns {Promise<{ ok: boolean, exitCode: number|null, signal: string|null, exitCrash: string|null, status: string|undefined,
 *   run: object|null, runData: object|null, error: object|undefined,
 *   output(nodeName: string, outputIndex?: number): object[], stdout: string, stderr: string }>}
 *   `run` is n8n's IRun-like JSON; output(name) = the json of the items node `name` produced on its output.
 */
async function runOnce({ version, workflow, credentials = [], packageDir = PACKAGE_DIR, packageMode = 'copy', env = {}, timeoutMs = 180000 }) {
	const install = await ensureN8n(version);
	const userFolder = await prepareUserFolder(install, { packageDir, packageMode, credentials, workflows: [workflow], env });
	try {
		const cliEnv = baseEnv(install, userFolder, { N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env });
		const r = await runCli(install, ['execute', `--id=${workflow.id}`, '--rawOutput'], { env: cliEnv, timeoutMs, what: 'n8n execute' });
		let run = null;
		try {
			run = parseRawOutput(r.stdout);
		} catch (error) {
			throw new Error(`n8n execute printed unparsable JSON (${error.message}); stdout:\n${r.stdout.slice(-3000)}\nstderr:\n${r.stderr.slice(-3000)}`);
		}
		const runData = run && run.data && run.data.resultData ? run.data.resultData.runData : null;
		// n8n 2.41 on Node 24 sometimes dies with SIGSEGV while exiting, after it stored and printed the complete run:
		// an isolated-vm thread (the default "vm" expression engine) still allocates during V8 teardown
		// (backtrace: Heap::MonotonicallyIncreasingTimeInMs <- MemoryReducer::NotifyPossibleGarbage). The run is
		// judged by its printed status then; exitCrash says it happened.
		const exitCrash = r.signal && run && run.status ? r.signal : null;
		return {
			ok: Boolean(run) && run.status === 'success' && (r.code === 0 || Boolean(exitCrash)),
			exitCrash,
			exitCode: r.code,
			signal: r.signal,
			status: run ? run.status : undefined,
			run,
			runData,
			error: run && run.data && run.data.resultData ? run.data.resultData.error : undefined,
			output(nodeName, outputIndex = 0) {
				const runs = runData && runData[nodeName];
				if (!runs) {
					const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-40).join('\n');
					throw new Error(
						`node "${nodeName}" did not run (ran: ${Object.keys(runData || {}).join(', ') || 'nothing'}; n8n execute exit ${r.signal || r.code}); output:\n${tail}`,
					);
				}
				const main = runs[runs.length - 1].data && runs[runs.length - 1].data.main;
				return ((main && main[outputIndex]) || []).map((item) => item.json);
			},
			stdout: r.stdout,
			stderr: r.stderr,
		};
	} finally {
		removeFolder(userFolder);
	}
}

/**
 * `n8n export:nodes`: the node type descriptions n8n loaded (built-ins and this package).
 * @returns {Promise<object[]>} each with at least { name, displayName, version, credentials? }
 */
async function exportNodes(version, { packageDir = PACKAGE_DIR, packageMode = 'copy' } = {}) {
	const install = await ensureN8n(version);
	const userFolder = await prepareUserFolder(install, { packageDir, packageMode, credentials: [], workflows: [], env: {} });
	try {
		const file = path.join(userFolder, 'nodes.json');
		await runCliOk(install, ['export:nodes', `--output=${file}`], { env: baseEnv(install, userFolder, {}), what: 'exporting nodes' });
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} finally {
		removeFolder(userFolder);
	}
}

/** Versions to test: AGENTIQ_N8N_VERSIONS (comma-separated) or both supported ones. */
function versionsUnderTest() {
	return (process.env.AGENTIQ_N8N_VERSIONS || '2.8.4,2.41.0')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

module.exports = {
	OWNER,
	startN8n,
	runOnce,
	exportNodes,
	versionsUnderTest,
	parseRawOutput,
	REPO_ROOT,
	PACKAGE_DIR,
	// Building blocks for other process layouts (tests/e2e/queue-harness.js: queue mode with workers).
	baseEnv,
	installPackage,
	freePort,
	startWatchdog,
	killGroup,
	groupAlive,
	liveGroups,
	removeFolder,
	http,
	sleep,
};
