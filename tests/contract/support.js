'use strict';
// Shared pieces of the contract tests: the compiled nodes from dist/ (or $AGENTIQ_PACKAGE_DIR/dist), a test context whose every HTTP exchange is
// recorded together with what Prism said about it, and the Prism servers per WB host.

const fs = require('fs');
const path = require('path');
const { createContext } = require('../support/n8n-context');
const { specPath, startPrism, inspectResponse, logProblems, describeViolations } = require('./prism');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
// A package staged elsewhere (tests/e2e/stage-package.js) when several runs share this checkout, as in the e2e suite.
const PACKAGE_DIR = process.env.AGENTIQ_PACKAGE_DIR ? path.resolve(process.env.AGENTIQ_PACKAGE_DIR) : REPO_ROOT;
const DIST = path.join(PACKAGE_DIR, 'dist');

/** Requires compiled files from dist/ (`{ key: [file, export?] }`); a missing file names the build to run. */
function requireDist(files) {
	for (const [file] of Object.values(files)) {
		if (!fs.existsSync(path.join(DIST, file))) {
			throw new Error(
				`contract: ${path.join(DIST, file)} is missing; run \`npm run build\` first, or stage a build with ` +
					'`node tests/e2e/stage-package.js <dir>` and set AGENTIQ_PACKAGE_DIR=<dir> (the contract tests run the compiled nodes)',
			);
		}
	}
	// A staged package has no node_modules of its own: its `require('n8n-workflow')` must find the repo's.
	const modules = path.join(PACKAGE_DIR, 'node_modules');
	if (PACKAGE_DIR !== REPO_ROOT && !fs.existsSync(modules)) fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), modules, 'dir');
	return Object.fromEntries(
		Object.entries(files).map(([key, [file, name]]) => {
			const mod = require(path.join(DIST, file));
			return [key, name ? mod[name] : mod];
		}),
	);
}

function loadDist() {
	return requireDist({
		WildberriesTrigger: ['nodes/Wildberries/WildberriesTrigger.node.js', 'WildberriesTrigger'],
		Wildberries: ['nodes/Wildberries/Wildberries.node.js', 'Wildberries'],
		WildberriesApi: ['credentials/WildberriesApi.credentials.js', 'WildberriesApi'],
		wbRequest: ['nodes/Wildberries/transport/request.js', 'wbRequest'],
		requests: ['src/wb/requests.js'],
	});
}

function loadOzonDist() {
	return requireDist({
		OzonTrigger: ['nodes/Ozon/OzonTrigger.node.js', 'OzonTrigger'],
		Ozon: ['nodes/Ozon/Ozon.node.js', 'Ozon'],
		OzonSellerApi: ['credentials/OzonSellerApi.credentials.js', 'OzonSellerApi'],
		ozonRequest: ['nodes/Ozon/transport/request.js', 'ozonRequest'],
		requests: ['src/ozon/requests.js'],
	});
}

function loadYmDist() {
	return requireDist({
		YandexMarketTrigger: ['nodes/YandexMarket/YandexMarketTrigger.node.js', 'YandexMarketTrigger'],
		YandexMarket: ['nodes/YandexMarket/YandexMarket.node.js', 'YandexMarket'],
		YandexMarketPushTrigger: ['nodes/YandexMarket/YandexMarketPushTrigger.node.js', 'YandexMarketPushTrigger'],
		YandexMarketApi: ['credentials/YandexMarketApi.credentials.js', 'YandexMarketApi'],
		ymRequest: ['nodes/YandexMarket/transport/request.js', 'ymRequest'],
		requests: ['src/ym/requests.js'],
	});
}

/** Yandex.Market credential data pointing the Partner API at the given base URL; pacing off. */
function ymCredentialData(baseUrl, o) {
	return { apiKey: o.apiKey, businessId: String(o.businessId), campaignId: o.campaignId ? String(o.campaignId) : '', customBaseUrl: true, baseUrl, minIntervalMs: 0 };
}

/**
 * What n8n does with a credential's generic `authenticate` (`{ type: 'generic', properties: { headers } }`): each
 * `={{$credentials.x}}` header filled from the credential data. The test context applies only function-style ones.
 */
function genericAuthenticator(credentialType) {
	const spec = credentialType.authenticate;
	if (!spec || spec.type !== 'generic') throw new Error(`contract: ${credentialType.name} has no generic authenticate`);
	return {
		authenticate: async (data, options) => {
			const headers = {};
			for (const [name, template] of Object.entries((spec.properties && spec.properties.headers) || {})) {
				const m = /^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/.exec(String(template));
				if (!m) throw new Error(`contract: header template ${template} is not a plain credential reference`);
				headers[name] = String(data[m[1]] ?? '');
			}
			return { ...options, headers: { ...(options.headers || {}), ...headers } };
		},
	};
}

/** Ozon credential data pointing the Seller API at the given base URL; pacing off so the suite stays fast. */
function ozonCredentialData(baseUrl, client) {
	return { clientId: client.clientId, apiKey: client.apiKey, customBaseUrl: true, baseUrl, intervalMs: 0 };
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

function parseJsonOrUndefined(text) {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
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
				// JSON request bodies (Ozon, Yandex.Market) are kept for assertions; other bodies are not.
				...(typeof options.body === 'string' ? { rawBody: options.body, requestBody: parseJsonOrUndefined(options.body) } : {}),
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
 * @param {object} o  createContext options plus `label`, and for WB `baseUrls`, `token`, `WildberriesApi`
 */
function nodeContext(calls, o) {
	const { label, baseUrls, token, WildberriesApi, ...rest } = o;
	// Other marketplaces pass `credentials` and `credentialTypes` themselves.
	const wb = WildberriesApi
		? { credentials: { wildberriesApi: credentialData(baseUrls, token) }, credentialTypes: { wildberriesApi: new WildberriesApi() } }
		: {};
	const ctx = createContext({ ...wb, ...rest });
	return calls.wrap(ctx, label);
}

/**
 * Starts Prism processes, one per entry: `{ key: { spec: <SPECS key>, upstream?: <URL> } }`; an entry with an
 * upstream is a proxy, one without a mock; `args` are extra Prism CLI arguments; `errors: false` drops `--errors`. Resolves to `{ key: handle }` (see prism.js startPrism).
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
				args: entry.args,
				errors: entry.errors,
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

module.exports = { REPO_ROOT, PACKAGE_DIR, writeArtifacts, loadDist, loadOzonDist, ozonCredentialData, loadYmDist, ymCredentialData, genericAuthenticator, requireDist, credentialData, CallLog, nodeContext, startPrisms, stopPrisms, findings };
