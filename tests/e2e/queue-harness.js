// n8n in queue mode for end-to-end tests: a private PostgreSQL and Redis on loopback, one n8n main (UI, API,
// triggers and pollers; it only enqueues executions) and N `n8n worker` processes that run them.
//
//   const q = await startQueueN8n({ version, workers: 2, credentials, workflows, publish });
//   q.main            -> the startN8n() instance of the main (api, executions, activate, waitFor, logs ...)
//   q.workers[i]      -> { name, logs(), executionsStarted(), executionsFinished(), pid(), running() }
//   q.enqueued()      -> execution ids the main put on the queue ("Enqueued execution N" in its log)
//   q.ranOn()         -> Map executionId -> [worker names that started it]
//   q.timings         -> { postgresMs, redisMs, mainMs, workersMs, totalMs }
//   q.executionRows(workflowId?) -> [{ id, workflowId, status, finished }] read from Postgres itself (see below)
//   await q.stop()    -> workers, main, Redis, Postgres, temp folders; safe to call twice and after a failed start
//
// Postgres and Redis are the Debian packages (`apt-get install postgresql redis-server`; .ci/run installs them when
// missing). Postgres refuses to run as root, so as root it runs as the `postgres` user the Debian package creates
// (or `nobody`), with a data dir owned by that user. Every process is a process-group leader watched by the
// harness's watchdog, so a killed jest run leaves no database, Redis or worker behind.
'use strict';
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { ensureN8n } = require('./n8n-install');
const harness = require('./n8n-harness');

const { baseEnv, installPackage, freePort, startWatchdog, killGroup, groupAlive, liveGroups, removeFolder, sleep } = harness;
const LOG_LINES_KEPT = 5000;
const PG_USER = 'agentiq';

// ---------------------------------------------------------------------------------------------------------------
// Finding the binaries

function which(name) {
	const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	const found = r.status === 0 ? r.stdout.trim() : '';
	return found && fs.existsSync(found) ? found : null;
}

function versionDirs(root) {
	try {
		return fs
			.readdirSync(root)
			.filter((d) => /^\d+(\.\d+)?$/.test(d))
			.sort((a, b) => Number(b) - Number(a))
			.map((d) => path.join(root, d, 'bin'));
	} catch {
		return [];
	}
}

/** The directory holding `postgres` and `initdb`: Debian's /usr/lib/postgresql/<newest>/bin, else PATH. */
function findPostgresBin() {
	const candidates = [process.env.AGENTIQ_PG_BIN, ...versionDirs('/usr/lib/postgresql')].filter(Boolean);
	const onPath = which('postgres');
	if (onPath) candidates.push(path.dirname(fs.realpathSync(onPath)));
	for (const dir of candidates) {
		if (fs.existsSync(path.join(dir, 'postgres')) && fs.existsSync(path.join(dir, 'initdb'))) return dir;
	}
	throw new Error(
		'PostgreSQL server binaries not found (looked in $AGENTIQ_PG_BIN, /usr/lib/postgresql/<version>/bin and PATH); install them with `apt-get install -y postgresql`',
	);
}

function findRedisServer() {
	const found = [process.env.AGENTIQ_REDIS_SERVER, which('redis-server'), '/usr/bin/redis-server', '/usr/sbin/redis-server'].find(
		(p) => p && fs.existsSync(p),
	);
	if (!found) throw new Error('redis-server not found (looked in $AGENTIQ_REDIS_SERVER, PATH, /usr/bin, /usr/sbin); install it with `apt-get install -y redis-server`');
	return found;
}

// Postgres will not run as root. As root, drop to the Debian package's `postgres` user, or `nobody`.
function postgresIdentity() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
	const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':'));
	for (const name of ['postgres', 'nobody']) {
		const row = passwd.find((f) => f[0] === name);
		if (row) return { name, uid: Number(row[2]), gid: Number(row[3]) };
	}
	throw new Error('running as root, but neither a `postgres` nor a `nobody` user exists to run PostgreSQL as');
}

// ---------------------------------------------------------------------------------------------------------------
// A process-group child with its log kept in memory and in a file

function spawnService({ what, command, args, env, cwd, logFile, identity, readyLine, folder, timeoutMs = 60000 }) {
	const started = Date.now();
	const lines = [];
	let partial = '';
	let exited = null;
	let ready = false;
	const stream = fs.createWriteStream(logFile, { flags: 'a' });
	const options = { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true };
	if (identity) Object.assign(options, { uid: identity.uid, gid: identity.gid });
	const proc = spawn(command, args, options);
	liveGroups.add(proc.pid);
	startWatchdog(proc.pid, folder);
	const onData = (chunk) => {
		stream.write(chunk);
		const parts = (partial + chunk.toString()).split('\n');
		partial = parts.pop();
		for (const line of parts) {
			lines.push(line);
			if (readyLine.test(line)) ready = true;
		}
		if (lines.length > LOG_LINES_KEPT) lines.splice(0, lines.length - LOG_LINES_KEPT);
	};
	proc.stdout.on('data', onData);
	proc.stderr.on('data', onData);
	const exitPromise = new Promise((resolve) => {
		proc.on('error', (error) => {
			exited = { error };
			resolve(exited);
		});
		proc.on('exit', (code, signal) => {
			if (!exited) exited = { code, signal };
			resolve(exited);
		});
	}).then((r) => {
		if (partial) lines.push(partial);
		stream.end();
		return r;
	});
	const service = {
		what,
		pid: proc.pid,
		lines,
		logs: () => lines.join('\n'),
		running: () => !exited,
		exitPromise,
		async waitReady(extraCheck) {
			for (;;) {
				if (exited) {
					await exitPromise;
					throw new Error(`${what} exited (${exited.error ? exited.error.message : exited.signal || `code ${exited.code}`}) before it was ready:\n${lines.slice(-30).join('\n')}`);
				}
				if (ready && (!extraCheck || (await extraCheck()))) return Date.now() - started;
				if (Date.now() - started > timeoutMs) throw new Error(`${what} was not ready after ${timeoutMs} ms:\n${lines.slice(-30).join('\n')}`);
				await sleep(100);
			}
		},
		async stop({ signal = 'SIGTERM', timeoutMs: graceMs = 20000 } = {}) {
			if (!liveGroups.has(proc.pid)) return;
			killGroup(proc.pid, signal);
			let timer;
			const late = await Promise.race([exitPromise.then(() => false), new Promise((r) => (timer = setTimeout(() => r(true), graceMs)))]);
			clearTimeout(timer);
			if (late) {
				lines.push(`[queue-harness] ${what} did not exit ${graceMs} ms after ${signal}; sending SIGKILL`);
				killGroup(proc.pid, 'SIGKILL');
				await exitPromise;
			}
			const deadline = Date.now() + 10000;
			while (groupAlive(proc.pid) && Date.now() < deadline) {
				killGroup(proc.pid, 'SIGKILL');
				await sleep(100);
			}
			liveGroups.delete(proc.pid);
		},
	};
	return service;
}

function canConnect(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.setTimeout(1000);
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL and Redis

/** A throw-away PostgreSQL cluster on 127.0.0.1:<free port>, trust auth, superuser `agentiq`, database `postgres`. */
async function startPostgres() {
	const bin = findPostgresBin();
	const identity = postgresIdentity();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'agentiq-pg-'));
	const dataDir = path.join(folder, 'data');
	const logFile = path.join(folder, 'postgres.log');
	if (identity) fs.chownSync(folder, identity.uid, identity.gid);
	fs.chmodSync(folder, 0o700);
	const env = { PATH: process.env.PATH || '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C' };
	const initOptions = { cwd: folder, env, encoding: 'utf8' };
	if (identity) Object.assign(initOptions, { uid: identity.uid, gid: identity.gid });
	const init = spawnSync(path.join(bin, 'initdb'), ['-D', dataDir, '-U', PG_USER, '--auth=trust', '-E', 'UTF8', '--locale=C', '-N'], initOptions);
	if (init.status !== 0) {
		removeFolder(folder);
		throw new Error(`initdb (${bin}, as ${identity ? identity.name : 'the current user'}) failed: ${init.error ? init.error.message : `${init.stdout}\n${init.stderr}`}`);
	}
	const port = await freePort();
	const psql = [path.join(bin, 'psql'), which('psql')].find((p) => p && fs.existsSync(p)) || null;
	// Durability is pointless for a test database; these make it start and write faster.
	const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
	const service = spawnService({
		what: `postgres (${bin})`,
		command: path.join(bin, 'postgres'),
		args,
		env,
		cwd: folder,
		logFile,
		identity,
		folder,
		readyLine: /database system is ready to accept connections/,
	});
	try {
		const readyMs = await service.waitReady(() => canConnect(port));
		return {
			port,
			readyMs,
			folder,
			pid: service.pid,
			runAs: identity ? identity.name : os.userInfo().username,
			env: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(port),
				DB_POSTGRESDB_DATABASE: 'postgres',
				DB_POSTGRESDB_USER: PG_USER,
				DB_POSTGRESDB_PASSWORD: '',
			},
			logs: service.logs,
			/** Rows of a query, as arrays of strings (psql's unaligned output); throws on an SQL error. */
			query(sql) {
				if (!psql) throw new Error(`psql not found (looked in ${bin} and PATH); install it with \`apt-get install -y postgresql-client\``);
				const r = spawnSync(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', PG_USER, '-d', 'postgres', '-X', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
					encoding: 'utf8',
					env,
					timeout: 30000,
				});
				if (r.status !== 0) throw new Error(`psql failed (${r.error ? r.error.message : `exit ${r.status}`}): ${r.stderr}`);
				return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
			},
			async stop() {
				// SIGINT = "fast shutdown": aborts open transactions and exits, unlike SIGTERM's wait for clients.
				await service.stop({ signal: 'SIGINT' });
				removeFolder(folder);
			},
		};
	} catch (error) {
		await service.stop({ signal: 'SIGKILL' });
		removeFolder(folder);
		throw error;
	}
}

/** A throw-away Redis on 127.0.0.1:<free port>, nothing persisted. */
async function startRedis() {
	const bin = findRedisServer();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'agentiq-redis-'));
	const port = await freePort();
	const service = spawnService({
		what: `redis-server (${bin})`,
		command: bin,
		args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder, '--daemonize', 'no'],
		env: { PATH: process.env.PATH || '/usr/bin:/bin' },
		cwd: folder,
		logFile: path.join(folder, 'redis.log'),
		folder,
		readyLine: /Ready to accept connections/,
	});
	try {
		const readyMs = await service.waitReady(() => canConnect(port));
		return {
			port,
			readyMs,
			folder,
			pid: service.pid,
			env: { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) },
			logs: service.logs,
			async stop() {
				await service.stop({ signal: 'SIGTERM' });
				removeFolder(folder);
			},
		};
	} catch (error) {
		await service.stop({ signal: 'SIGKILL' });
		removeFolder(folder);
		throw error;
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Workers

async function startWorker({ install, name, env, packageDir, packageMode, concurrency }) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), `agentiq-n8n-${install.version}-${name}-`));
	if (packageDir) installPackage(folder, packageDir, packageMode);
	// Each worker runs its own task broker (Code nodes, expressions); it needs a port of its own.
	const workerEnv = baseEnv(install, folder, { N8N_RUNNERS_BROKER_PORT: String(await freePort()), N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15', ...env });
	const service = spawnService({
		what: `n8n ${install.version} ${name}`,
		command: install.nodeBin,
		args: [install.n8nBin, 'worker', `--concurrency=${concurrency}`],
		env: workerEnv,
		cwd: folder,
		logFile: path.join(folder, 'n8n.log'),
		folder,
		readyLine: /n8n worker is now ready/,
		timeoutMs: 180000,
	});
	const ids = (re) => service.lines.map((l) => re.exec(l)).filter(Boolean).map((m) => m[1]);
	return {
		name,
		service,
		userFolder: folder,
		pid: () => service.pid,
		logs: service.logs,
		running: service.running,
		/** Execution ids this worker took from the queue ("Worker started execution N (job M)"). */
		executionsStarted: () => ids(/Worker started execution (\d+) \(job/),
		executionsFinished: () => ids(/Worker finished execution (\d+) \(job/),
		async stop() {
			await service.stop({ signal: 'SIGTERM' });
			removeFolder(folder);
		},
	};
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Postgres + Redis + n8n main (EXECUTIONS_MODE=queue) + `workers` n8n workers, all sharing one database, one queue
 * and one encryption key (the harness's fixed N8N_ENCRYPTION_KEY). Options are startN8n's plus:
 * @param {number} [options.workers] number of workers (default 2)
 * @param {number} [options.concurrency] jobs per worker (default 5; n8n warns below 5)
 */
async function startQueueN8n(options) {
	const { version, workers: workerCount = 2, concurrency = 5, env = {}, packageDir = harness.PACKAGE_DIR, packageMode = 'copy' } = options;
	const started = Date.now();
	const timings = {};
	const parts = { postgres: null, redis: null, main: null, workers: [] };
	const install = await ensureN8n(version);
	async function stop() {
		const errors = [];
		const attempt = async (fn) => {
			try {
				await fn();
			} catch (error) {
				errors.push(error);
			}
		};
		// Workers first (they finish or abandon their jobs), then the main, then what they all talk to.
		await Promise.all(parts.workers.map((w) => attempt(() => w.stop())));
		parts.workers = [];
		if (parts.main) await attempt(() => parts.main.stop());
		parts.main = null;
		if (parts.redis) await attempt(() => parts.redis.stop());
		parts.redis = null;
		if (parts.postgres) await attempt(() => parts.postgres.stop());
		parts.postgres = null;
		if (errors.length) throw errors[0];
	}
	try {
		let t = Date.now();
		[parts.postgres, parts.redis] = await Promise.all([startPostgres(), startRedis()]);
		timings.servicesMs = Date.now() - t;
		timings.postgresMs = parts.postgres.readyMs;
		timings.redisMs = parts.redis.readyMs;
		const queueEnv = {
			...parts.postgres.env,
			...parts.redis.env,
			EXECUTIONS_MODE: 'queue',
			// Keep every execution with its data: the tests read them back from the API.
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			...env,
		};
		t = Date.now();
		// The main imports the credentials and workflows into Postgres (running its migrations first), publishes,
		// and starts; pollers then enqueue executions, which wait in Redis until a worker is up.
		parts.main = await harness.startN8n({ ...options, packageDir, packageMode, env: queueEnv });
		timings.mainMs = Date.now() - t;
		t = Date.now();
		parts.workers = await Promise.all(
			Array.from({ length: workerCount }, (_, i) => startWorker({ install, name: `worker${i + 1}`, env: queueEnv, packageDir, packageMode, concurrency })),
		);
		await Promise.all(parts.workers.map((w) => w.service.waitReady()));
		timings.workersMs = Date.now() - t;
		timings.totalMs = Date.now() - started;
	} catch (error) {
		await stop().catch(() => undefined);
		throw error;
	}
	// Kept after stop(), so logs can still be read in afterAll.
	const main = parts.main;
	const pgQuery = parts.postgres.query;
	const workerList = parts.workers;
	const enqueued = () => {
		const re = /Enqueued execution (\d+) \(job/;
		return main.logs().split('\n').map((l) => re.exec(l)).filter(Boolean).map((m) => m[1]);
	};
	return {
		version,
		main,
		workers: workerList,
		timings,
		postgres: { port: parts.postgres.port, runAs: parts.postgres.runAs, pid: parts.postgres.pid, folder: parts.postgres.folder, logs: parts.postgres.logs },
		/**
		 * Executions as stored in Postgres. The public API's list leaves out every execution the main still holds as
		 * active, and in queue mode the main can keep holding a webhook execution that a worker already finished, so
		 * the list can miss a finished execution for good; the table cannot.
		 */
		executionRows(workflowId) {
			if (workflowId !== undefined && !/^[A-Za-z0-9_-]+$/.test(workflowId)) throw new Error(`bad workflow id ${JSON.stringify(workflowId)}`);
			const where = workflowId === undefined ? '' : ` WHERE "workflowId" = '${workflowId}'`;
			return pgQuery(`SELECT id, "workflowId", status, finished FROM execution_entity${where} ORDER BY id`).map(([id, wf, status, finished]) => ({
				id,
				workflowId: wf,
				status,
				finished: finished === 't',
			}));
		},
		redis: { port: parts.redis.port, pid: parts.redis.pid, folder: parts.redis.folder, logs: parts.redis.logs },
		/** Process-group ids and temp folders of everything started, for checking that stop() left nothing behind. */
		footprint: () => ({
			pids: [main.pid(), ...workerList.map((w) => w.pid())].filter(Boolean),
			folders: [main.userFolder, ...workerList.map((w) => w.userFolder)],
		}),
		enqueued,
		ranOn() {
			const map = new Map();
			for (const w of workerList) for (const id of w.executionsStarted()) map.set(id, [...(map.get(id) || []), w.name]);
			return map;
		},
		/** Everything the processes printed: main, workers, Postgres, Redis. */
		allLogs() {
			return [main.logs(), ...workerList.map((w) => w.logs())].join('\n');
		},
		stop,
	};
}

module.exports = { startQueueN8n, startPostgres, startRedis, findPostgresBin, findRedisServer, canConnect };
