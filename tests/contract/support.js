'use strict';
// Shared pieces of the contract tests: the compiled nodes from dist/, a test context whose every HTTP exchange is
// recorded together with what Prism said about it, and the Prism servers per WB host.

const fs = require('fs');
const path = require('path');
const { createContext } = require('../support/n8n-context');
const { specPath, startPrism, inspectResponse, logProblems, describeViolations } = require('./prism');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(REPO_ROOT, 'dist');

function loadDist() {
	const files = {
		trigger: 'nodes/Wildberries/WildberriesTrigger.node.js',
		node: 'nodes/Wildberries/Wildberries.node.js',
		credential: 'credentials/WildberriesApi.credentials.js',
		transport: 'nodes/Wildberries/transport/request.js',
		requests: 'src/wb/requests.js',
	};
	for (const file of Object.values(files)) {
		if (!fs.existsSync(path.join(DIST, file))) {
			throw new Error(`contract: dist/${file} is missing; run \`npm run build\` first (the contract tests run the compiled nodes)`);
		}
	}
	return {
		WildberriesTrigger: require(path.join(DIST, files.trigger)).WildberriesTrigger,
		Wildberries: require(path.join(DIST, files.node)).Wildberries,
		WildberriesApi: require(path.join(DIST, files.credential)).WildberriesApi,
		wbRequest: require(path.join(DIST, files.transport)).wbRequest,
		requests: require(path.join(DIST, files.requests)),
	};
}

/** Credential data pointing every WB API host at the given base URLs; pacing off so the suite stays fast. */
function credentialData(baseUrls, token) {
	return {
		token,
		perCategory: false,
		customBaseUrls: true,
		feedbacksBaseUrl: baseUrls.feedbacks,
		chatBaseUrl: baseUrls.chat,
		marketplaceBaseUrl: baseUrls.marketplace,
		statisticsBaseUrl: baseUrls.statistics,
		contentBaseUrl: baseUrls.content || 'http://127.0.0.1:9/content-not-used',
		cardBaseUrl: baseUrls.card || 'http://127.0.0.1:9/card-not-used-{basket}',
		feedbacksIntervalMs: 0,
		otherIntervalMs: 0,
	};
}

/**
 * Records every exchange a node makes: method, URL, status and Prism's verdict. The node's transport uses
 * httpRequestWithAuthentication with returnFullResponse, so headers and body are all here.
 */
class CallLog {
	constructor() {
		this.calls = [];
	}

	wrap(ctx, label) {
		const original = ctx.helpers.httpRequestWithAuthentication;
		const log = this;
		ctx.helpers.httpRequestWithAuthentication = async function (type, options) {
			const started = Date.now();
			const response = await original.call(this, type, options);
			// The transport passes the query as `qs`; the context appends it to the URL the same way.
			const url = new URL(options.url);
			for (const [k, v] of Object.entries(options.qs || {})) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
			const verdict = inspectResponse({ status: response.statusCode, headers: response.headers, body: response.body });
			log.calls.push({
				label,
				method: options.method,
				url: url.toString(),
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				status: response.statusCode,
				contentType: response.headers['content-type'],
				ms: Date.now() - started,
				...verdict,
			});
			return response;
		};
		return ctx;
	}

	since(index) {
		return this.calls.slice(index);
	}
}

/**
 * A test context for a compiled node with a recording HTTP helper.
 * @param {CallLog} calls
 * @param {object} o  createContext options plus `label`, `baseUrls`, `token`
 */
function nodeContext(calls, o) {
	const { label, baseUrls, token, WildberriesApi, ...rest } = o;
	const ctx = createContext({
		credentials: { wildberriesApi: credentialData(baseUrls, token) },
		credentialTypes: { wildberriesApi: new WildberriesApi() },
		...rest,
	});
	return calls.wrap(ctx, label);
}

/**
 * Starts Prism processes, one per entry: `{ key: { spec: <SPECS key>, upstream?: <URL> } }`; an entry with an
 * upstream is a proxy, one without a mock. Resolves to `{ key: handle }` (see prism.js startPrism).
 */
async function startPrisms(entries) {
	const servers = {};
	try {
		// One at a time: each start parses a large spec, and the machine is shared.
		for (const [key, entry] of Object.entries(entries)) {
			servers[key] = await startPrism({
				mode: entry.upstream ? 'proxy' : 'mock',
				spec: specPath(entry.spec),
				upstream: entry.upstream,
			});
		}
	} catch (error) {
		await stopPrisms(servers);
		throw error;
	}
	return servers;
}

async function stopPrisms(servers) {
	await Promise.all(Object.values(servers || {}).map((s) => s && s.stop()));
}

/** Everything Prism flagged, from both the exchanges and its logs, as readable lines. */
function findings(calls, servers) {
	const out = [];
	for (const c of calls) {
		if (c.violations.length) out.push(`${c.label}: ${c.method} ${c.path} → ${c.status}: ${describeViolations(c.violations)}`);
		if (c.prismError) {
			out.push(
				`${c.label}: ${c.method} ${c.path} → ${c.status}: Prism ${c.prismError.type} (${c.prismError.title})` +
					(c.prismError.validation.length ? `: ${describeViolations(c.prismError.validation)}` : ''),
			);
		}
	}
	for (const [name, server] of Object.entries(servers)) {
		for (const line of logProblems(server.log())) out.push(`prism ${server.mode} ${name} log: ${line}`);
	}
	return out;
}

/**
 * Keeps what a suite saw for whoever reads a failure: every exchange with Prism's verdict and each Prism log, in
 * tests/.artifacts/contract/ (git-ignored). Returns a one-line summary.
 */
function writeArtifacts(suite, calls, servers) {
	const dir = path.join(REPO_ROOT, 'tests', '.artifacts', 'contract');
	fs.mkdirSync(dir, { recursive: true });
	const flagged = calls.filter((c) => c.violations.length || c.prismError).length;
	fs.writeFileSync(path.join(dir, `${suite}-calls.json`), JSON.stringify({ calls: calls.length, flagged, exchanges: calls }, null, 2));
	for (const [key, server] of Object.entries(servers || {})) fs.writeFileSync(path.join(dir, `${suite}-prism-${key}.log`), server.log());
	const endpoints = new Set(calls.map((c) => `${c.method} ${c.path}`)).size;
	return `${suite}: ${calls.length} exchanges over ${endpoints} endpoints, ${flagged} flagged by Prism`;
}

module.exports = { REPO_ROOT, writeArtifacts, loadDist, credentialData, CallLog, nodeContext, startPrisms, stopPrisms, findings };
