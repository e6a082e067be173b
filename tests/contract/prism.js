'use strict';
// Runs Stoplight Prism (`@stoplight/prism-cli`, a devDependency) as a child process for the contract tests:
// `prism mock <spec> --errors` (checks the requests our connectors send) and `prism proxy <spec> <upstream> --errors`
// (checks the answers the sandbox gives), on a free loopback port, and reads back the violations it reports.
//
// What Prism 5.16 does with --errors (checked on this machine, see KNOWN-DEVIATIONS.md "How violations show"):
//  - mock, request violation: answers with the spec's 400/422 example (or its own 422 problem) and lists the
//    violations in the `sl-violations` response header; the log has `[VALIDATOR] ✖ error Violation: request…`.
//  - mock, missing Authorization: the spec's 401 example plus `sl-violations` (code 401).
//  - proxy, request violation: not forwarded; 422 (or 401 for security) `application/problem+json` of type
//    https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY with the list in `validation`, no header.
//  - proxy, response violation of severity Error (body or media type): the upstream answer is REPLACED by a 500
//    problem of type …#VIOLATIONS with `validation`, plus the `sl-violations` header.
//  - proxy, a status code the operation does not list: severity Warning; the upstream answer passes unchanged with
//    the `sl-violations` header, and the log has `[VALIDATOR] ⚠ warning Violation: response …`.
//  - no path / method in the spec: 404/405 problem of type …#NO_PATH_MATCHED_ERROR / …#NO_METHOD_MATCHED_ERROR.
// So a call is clean only when it has no `sl-violations` header and its body is not a Prism problem; the log is
// scanned as well, so nothing Prism noticed goes uncounted.

const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PRISM_ERROR_PREFIX = 'https://stoplight.io/prism/errors#';
const READY = /Prism is listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 5_000;

/** The official specs the contract suite checks against, relative to the shared `specs/` folder. */
const SPECS = Object.freeze({
	communications: 'wb/09-communications.yaml',
	ordersFbs: 'wb/03-orders-fbs.yaml',
	reports: 'wb/12-reports.supplier-orders.trimmed.yaml',
	ozonSeller: 'ozon/seller-api.trimmed.json',
	ymPartner: 'ym/partner-api.bundled.yaml',
	ymNotification: 'ym/notification-api.bundled.yaml',
});

// Specs that Prism cannot load as they are get a normalised copy in a temp folder (see normaliseOzonSpec).
const NORMALISE = Object.freeze({ ozonSeller: normaliseOzonSpec, ymNotification: normaliseDiscriminators });

function sharedDir() {
	return process.env.AGENTIQ_SHARED_DIR || path.join(REPO_ROOT, '..', 'shared');
}

/**
 * Absolute path of one spec (a key of SPECS). A missing file is an error, never a skip: CI always has shared/
 * beside the repo, so a missing spec means a broken checkout or a wrong AGENTIQ_SHARED_DIR.
 */
function specPath(name) {
	const relative = SPECS[name];
	if (!relative) throw new Error(`contract: unknown spec "${name}" (known: ${Object.keys(SPECS).join(', ')})`);
	const dir = path.join(sharedDir(), 'specs');
	const file = path.join(dir, relative);
	if (!fs.existsSync(file)) {
		throw new Error(
			`contract: the official spec ${relative} is missing: looked for ${file}. The contract tests need the shared ` +
				`folder with specs/ beside the repo (../shared) or AGENTIQ_SHARED_DIR pointing at it` +
				`${fs.existsSync(dir) ? '' : ` (${dir} does not exist)`}.`,
		);
	}
	const normalise = NORMALISE[name];
	return normalise ? normalisedCopy(name, file, normalise) : file;
}

/** The values a schema's prose lists as `- \`VALUE\` — …` lines, in order (Ozon's `"type": "enum"` fields). */
function enumFromDescription(description) {
	const values = [];
	for (const m of String(description || '').matchAll(/^\s*-\s*`([A-Z0-9_]+)`/gm)) if (!values.includes(m[1])) values.push(m[1]);
	return values;
}

/**
 * The Ozon Seller API document is not strictly valid OpenAPI 3.0 (shared/specs/README.md, "Validity"), and Prism
 * refuses or misreads it. The copy it gets differs only where the upstream text is invalid, and each change keeps
 * the meaning the document gives in words:
 *  - `info.version` 2.1 (a number) becomes the string "2.1";
 *  - `description: null` (and other null keywords, e.g. `type: null` of v1QuestionAnswerListRequest.last_id,
 *    `x-logo.backgroundColor`) are dropped: a null keyword says nothing;
 *  - `"type": "timestamp"` (question `published_at`) becomes `string` with `format: date-time`, as every other Ozon
 *    date is declared;
 *  - `"type": "enum"` (question `status`) becomes a `string` whose `enum` is the values its description lists
 *    (NEW, ALL, VIEWED, PROCESSED, UNPROCESSED);
 *  - `"type": "array of strings"` (v3PostingProductDetail.jw_uin) becomes `array` of `string`;
 *  - the scheme-relative server `//api-seller.ozon.ru` becomes `https://api-seller.ozon.ru`.
 * Examples (`example`, `examples`) are data, not schema, and are copied untouched. Anything else non-standard fails
 * the run, so a new upstream quirk is seen rather than silently mangled.
 */
function normaliseOzonSpec(doc) {
	const STANDARD = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);
	const changes = [];
	if (typeof doc.info.version !== 'string') {
		changes.push(`info.version ${JSON.stringify(doc.info.version)} → string`);
		doc.info.version = String(doc.info.version);
	}
	for (const server of doc.servers || []) {
		if (server.url.startsWith('//')) {
			changes.push(`server ${server.url} → https:`);
			server.url = `https:${server.url}`;
		}
	}
	const walk = (node, where) => {
		if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${where}/${i}`));
		if (!node || typeof node !== 'object') return;
		for (const [key, value] of Object.entries(node)) {
			if (value === null) {
				changes.push(`${where}/${key}: null dropped`);
				delete node[key];
			}
		}
		if (typeof node.type === 'string' && !STANDARD.has(node.type)) {
			const was = node.type;
			if (was === 'timestamp') Object.assign(node, { type: 'string', format: 'date-time' });
			else if (was === 'array of strings') Object.assign(node, { type: 'array', items: { type: 'string' } });
			else if (was === 'enum') {
				const values = enumFromDescription(node.description);
				if (!values.length) throw new Error(`contract: ${where} has "type": "enum" but its description lists no values`);
				Object.assign(node, { type: 'string', enum: values });
			} else throw new Error(`contract: ${where} has the non-standard type ${JSON.stringify(was)}; extend normaliseOzonSpec`);
			changes.push(`${where}: type ${JSON.stringify(was)} → ${node.type}${node.format ? ` (${node.format})` : ''}${node.enum ? ` enum ${node.enum.join('|')}` : ''}`);
		}
		for (const [key, value] of Object.entries(node)) {
			if (key === 'example' || key === 'examples') continue;
			walk(value, `${where}/${key}`);
		}
	};
	walk(doc, '#');
	return changes;
}

/**
 * Prism 5.16 ignores `discriminator`: it validates a `oneOf` by trying every branch. In the Yandex.Market notification
 * spec (`SendNotificationRequest`) every branch types `notificationType` with the whole `NotificationType` enum, so
 * a valid CHAT_CREATED also matches CHAT_ARBITRAGE_STARTED and the like, and `oneOf` fails. The copy Prism gets states
 * what the discriminator mapping already says, in plain JSON Schema: each mapped branch's `notificationType` is also
 * limited to its own value (`allOf: [<original>, {enum: [TYPE]}]`). Nothing else changes; a branch missing from the
 * mapping fails the run.
 */
function normaliseDiscriminators(doc) {
	const changes = [];
	const schemas = doc.components.schemas;
	for (const [name, schema] of Object.entries(schemas)) {
		if (!schema.discriminator || !Array.isArray(schema.oneOf)) continue;
		const property = schema.discriminator.propertyName;
		const byRef = new Map(Object.entries(schema.discriminator.mapping || {}).map(([value, ref]) => [ref, value]));
		for (const branch of schema.oneOf) {
			const value = byRef.get(branch.$ref);
			if (value === undefined) throw new Error(`contract: ${name} oneOf branch ${branch.$ref} has no discriminator mapping`);
			const target = schemas[branch.$ref.split('/').pop()];
			const original = target.properties && target.properties[property];
			if (!original) throw new Error(`contract: ${branch.$ref} has no property ${property}`);
			target.properties[property] = { allOf: [original, { enum: [value] }] };
			changes.push(`${branch.$ref}.${property}: limited to ${value}`);
		}
	}
	return changes;
}

/** Reads a JSON or YAML spec (YAML through js-yaml, which the toolchain already installs). */
function readSpec(file) {
	const text = fs.readFileSync(file, 'utf8');
	if (file.endsWith('.json')) return JSON.parse(text);
	return require(require.resolve('js-yaml', { paths: [REPO_ROOT] })).load(text);
}

const normalised = new Map();

/** Writes (once per process) the normalised copy of a spec, as JSON, to a temp folder and returns its path. */
function normalisedCopy(name, file, normalise) {
	if (normalised.has(name)) return normalised.get(name).file;
	const doc = readSpec(file);
	const changes = normalise(doc);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentiq-contract-'));
	const out = path.join(dir, path.basename(file).replace(/\.ya?ml$/, '.json'));
	fs.writeFileSync(out, JSON.stringify(doc, null, 2));
	process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
	normalised.set(name, { file: out, changes });
	return out;
}

/** What normalisation changed in a spec (empty for specs used as they are). */
function specChanges(name) {
	specPath(name);
	return normalised.has(name) ? normalised.get(name).changes : [];
}

function prismEntry() {
	let pkg;
	try {
		pkg = require.resolve('@stoplight/prism-cli/package.json', { paths: [REPO_ROOT] });
	} catch {
		throw new Error('contract: @stoplight/prism-cli is not installed; run `npm ci` (it is a devDependency)');
	}
	const bin = require(pkg).bin;
	return path.join(path.dirname(pkg), typeof bin === 'string' ? bin : bin.prism);
}

function prismVersion() {
	return require(require.resolve('@stoplight/prism-cli/package.json', { paths: [REPO_ROOT] })).version;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Parses an `sl-violations` header value (a JSON array) into violation objects. */
function parseViolationHeader(value) {
	if (value === undefined || value === null || value === '') return [];
	const text = Array.isArray(value) ? value.join(',') : String(value);
	try {
		const parsed = JSON.parse(text);
		return Array.isArray(parsed) ? parsed : [parsed];
	} catch {
		return [{ location: ['header'], severity: 'Error', message: `unparseable sl-violations header: ${text.slice(0, 200)}` }];
	}
}

function parseJson(body) {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'object' && !Buffer.isBuffer(body)) return body;
	try {
		return JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : String(body));
	} catch {
		return undefined;
	}
}

/**
 * What Prism said about one exchange: the violations in the `sl-violations` header, and, when the body is a problem
 * Prism generated itself (a request it refused, a response it replaced, a route it does not know), that problem.
 * @param {{ status: number, headers: Record<string, string|string[]|undefined>, body: unknown }} response
 * @returns {{ violations: object[], prismError: { type: string, title?: string, status?: number, validation?: object[] } | null }}
 */
function inspectResponse(response) {
	const headers = response.headers || {};
	const headerValue = Object.entries(headers).find(([k]) => k.toLowerCase() === 'sl-violations');
	const violations = parseViolationHeader(headerValue && headerValue[1]);
	const body = parseJson(response.body);
	let prismError = null;
	if (body && typeof body === 'object' && typeof body.type === 'string' && body.type.startsWith(PRISM_ERROR_PREFIX)) {
		prismError = {
			type: body.type.slice(PRISM_ERROR_PREFIX.length),
			title: body.title,
			status: body.status,
			detail: body.detail,
			validation: Array.isArray(body.validation) ? body.validation : [],
		};
	}
	return { violations, prismError };
}

// Log lines that mean Prism found something wrong: validator findings and requests it ended with its own error.
const LOG_PROBLEM = /\[VALIDATOR\][^\n]*(Violation:|did not pass)|Request terminated with error|Unable to match|\bfatal\b/;

/** The lines of a Prism log that report a violation or a Prism-generated error. */
function logProblems(logText) {
	return String(logText)
		.split('\n')
		.filter((line) => LOG_PROBLEM.test(line))
		.map((line) => line.replace(/^\[[^\]]*\]\s*›\s*/, '').trim());
}

/**
 * Starts Prism and resolves once it listens.
 * @param {object} o
 * @param {'mock'|'proxy'} o.mode
 * @param {string} o.spec  path of the OpenAPI document
 * @param {string} [o.upstream]  proxy mode: the base URL requests are forwarded to (a path prefix is kept)
 * @param {string[]} [o.args]  extra CLI arguments
 * @param {boolean} [o.errors]  false: run without `--errors` (default: with)
 * @returns {Promise<{ url: string, port: number, mode: string, spec: string, log: () => string, mark: () => number,
 *   logSince: (mark: number) => string, stop: () => Promise<void> }>}
 */
async function startPrism(o) {
	if (o.mode !== 'mock' && o.mode !== 'proxy') throw new Error(`contract: prism mode must be "mock" or "proxy" (got ${JSON.stringify(o.mode)})`);
	if (o.mode === 'proxy' && !o.upstream) throw new Error('contract: prism proxy needs an upstream URL');
	if (!fs.existsSync(o.spec)) throw new Error(`contract: spec file ${o.spec} does not exist`);
	let lastError;
	// A port found free can be taken by another process before Prism binds it; one retry on a new port covers that.
	for (let attempt = 0; attempt < 2; attempt++) {
		const port = await freePort();
		try {
			return await launch(o, port);
		} catch (error) {
			lastError = error;
			if (!/EADDRINUSE/.test(error.message)) throw error;
		}
	}
	throw lastError;
}

function launch(o, port) {
	const args = [prismEntry(), o.mode, o.spec];
	if (o.mode === 'proxy') args.push(o.upstream);
	// `errors: false` only for a mock whose spec examples break their own schemas (see ozon-requests.test.js):
	// request violations are still answered with 4xx plus `sl-violations`, the examples go out unchanged.
	if (o.errors !== false) args.push('--errors');
	args.push('--host', '127.0.0.1', '--port', String(port), ...(o.args || []));
	// detached: Prism gets its own process group, so stop() can signal the whole tree (forks included).
	const child = spawn(process.execPath, args, {
		cwd: REPO_ROOT,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
	});
	let log = '';
	const onData = (chunk) => {
		log += chunk.toString('utf8');
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	let stopped = false;

	const handle = {
		url: `http://127.0.0.1:${port}`,
		port,
		mode: o.mode,
		spec: o.spec,
		pid: child.pid,
		log: () => log,
		/** A position in the log; pass it to logSince() to read what was logged after it. */
		mark: () => log.length,
		logSince: (mark) => log.slice(mark),
		async stop() {
			if (stopped) return;
			stopped = true;
			if (child.exitCode === null && child.signalCode === null) {
				signalTree(child.pid, 'SIGTERM');
				const timer = setTimeout(() => signalTree(child.pid, 'SIGKILL'), STOP_TIMEOUT_MS);
				await exited;
				clearTimeout(timer);
			}
			child.stdout.destroy();
			child.stderr.destroy();
		},
	};

	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.stdout.off('data', check);
			child.stderr.off('data', check);
			handle.stop().finally(() => reject(new Error(`contract: prism ${o.mode} ${path.basename(o.spec)} did not start within ${START_TIMEOUT_MS / 1000} s. Log:\n${tail(log)}`)));
		}, START_TIMEOUT_MS);
		function check() {
			const m = READY.exec(log);
			if (!m) return;
			clearTimeout(timer);
			child.stdout.off('data', check);
			child.stderr.off('data', check);
			resolve(handle);
		}
		child.stdout.on('data', check);
		child.stderr.on('data', check);
		exited.then(({ code, signal }) => {
			if (READY.test(log)) return;
			clearTimeout(timer);
			stopped = true;
			reject(new Error(`contract: prism ${o.mode} ${path.basename(o.spec)} exited (${signal || `code ${code}`}) before listening. Log:\n${tail(log)}`));
		});
	});
}

function signalTree(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch (error) {
		if (error.code !== 'ESRCH') throw error;
	}
}

function tail(text, lines = 40) {
	return String(text).split('\n').slice(-lines).join('\n');
}

/** One line per violation, for assertion messages. */
function describeViolations(violations) {
	return violations
		.map((v) => `${v.severity || '?'} ${Array.isArray(v.location) ? v.location.join('.') : v.location || ''}: ${v.message}`)
		.join('; ');
}

module.exports = {
	SPECS,
	sharedDir,
	specPath,
	specChanges,
	normaliseOzonSpec,
	normaliseDiscriminators,
	prismVersion,
	startPrism,
	inspectResponse,
	parseViolationHeader,
	logProblems,
	describeViolations,
};
