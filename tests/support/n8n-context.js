// A small stand-in for the `this` n8n gives a node (IExecuteFunctions / IPollFunctions), for unit tests with nock,
// integration tests against the sandbox and benchmarks. It does real HTTP with fetch and applies the credential's
// own `authenticate`, as n8n's httpRequestWithAuthentication does. End-to-end proof is the real-n8n suite.
'use strict';

function buildUrl(url, qs) {
	const u = new URL(url);
	for (const [k, v] of Object.entries(qs || {})) {
		if (v === undefined || v === null) continue;
		if (Array.isArray(v)) for (const x of v) u.searchParams.append(k, String(x));
		else u.searchParams.set(k, String(v));
	}
	return u.toString();
}

async function httpRequest(options) {
	const url = buildUrl(options.baseURL ? options.baseURL.replace(/\/+$/, '') + options.url : options.url, options.qs);
	const headers = { ...(options.headers || {}) };
	let body = options.body;
	if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)) {
		body = JSON.stringify(body);
		if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
	}
	const controller = new AbortController();
	const timer = options.timeout ? setTimeout(() => controller.abort(), options.timeout) : undefined;
	let res;
	try {
		res = await fetch(url, { method: options.method || 'GET', headers, body, signal: controller.signal });
	} catch (e) {
		const err = new Error(e.cause?.message || e.message);
		err.code = e.cause?.code || (e.name === 'AbortError' ? 'ECONNABORTED' : undefined);
		throw err;
	} finally {
		if (timer) clearTimeout(timer);
	}
	const text = await res.text();
	let parsed = text;
	if (options.encoding !== 'text' && options.json !== false) {
		try {
			parsed = text ? JSON.parse(text) : '';
		} catch {
			parsed = text;
		}
	}
	const responseHeaders = {};
	res.headers.forEach((v, k) => (responseHeaders[k] = v));
	if (!options.ignoreHttpStatusErrors && res.status >= 400) {
		const err = new Error(`Request failed with status code ${res.status}`);
		err.httpCode = String(res.status);
		err.response = { status: res.status, body: parsed, headers: responseHeaders };
		throw err;
	}
	if (options.returnFullResponse) return { body: parsed, headers: responseHeaders, statusCode: res.status, statusMessage: res.statusText };
	return parsed;
}

/**
 * @param {object} o
 * @param {Record<string, unknown> | ((name: string, itemIndex: number) => unknown)} o.parameters
 * @param {Record<string, Record<string, unknown>>} o.credentials  credential data by type name
 * @param {Record<string, {authenticate?: Function}>} o.credentialTypes  credential class instances by type name
 */
function createContext(o) {
	const logs = [];
	const processed = o.processed || new Map();
	const requests = [];
	const staticData = o.staticData || {};
	const node = {
		id: 'node-1',
		name: o.nodeName || 'Node',
		type: o.nodeType || 'n8n-nodes-agentiq.test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: Object.fromEntries(Object.keys(o.credentials || {}).map((k) => [k, { id: `cred-${k}`, name: k }])),
	};
	const getParam = (name, itemIndex, fallback) => {
		let value;
		if (typeof o.parameters === 'function') value = o.parameters(name, itemIndex);
		else value = name.split('.').reduce((acc, key) => (acc == null ? undefined : acc[key]), o.parameters || {});
		return value === undefined ? fallback : value;
	};
	const keyOf = (scope, key) => `${scope}:${key}`;
	const ctx = {
		logs,
		requests,
		staticData,
		processed,
		getNode: () => node,
		getMode: () => o.mode || 'trigger',
		getWorkflow: () => ({ id: 'wf-test', name: 'test', active: true }),
		getInputData: () => o.items || [{ json: {} }],
		getNodeParameter: (name, itemIndex, fallback) => {
			if (typeof itemIndex !== 'number') return getParam(name, 0, itemIndex);
			return getParam(name, itemIndex, fallback);
		},
		getWorkflowStaticData: () => staticData,
		getCredentials: async (type) => {
			if (!o.credentials || !o.credentials[type]) throw new Error(`Node does not have credentials of type "${type}"`);
			return o.credentials[type];
		},
		continueOnFail: () => !!o.continueOnFail,
		logger: {
			debug: (m, meta) => logs.push({ level: 'debug', message: m, meta }),
			info: (m, meta) => logs.push({ level: 'info', message: m, meta }),
			warn: (m, meta) => logs.push({ level: 'warn', message: m, meta }),
			error: (m, meta) => logs.push({ level: 'error', message: m, meta }),
		},
		helpers: {
			httpRequest: async (options) => {
				requests.push(options);
				return httpRequest(options);
			},
			httpRequestWithAuthentication: async function (type, options) {
				const credentialType = (o.credentialTypes || {})[type];
				const data = await ctx.getCredentials(type);
				const authenticated = credentialType && typeof credentialType.authenticate === 'function' ? await credentialType.authenticate(data, { ...options }) : options;
				requests.push(authenticated);
				return httpRequest(authenticated);
			},
			checkProcessedAndRecord: async (items, scope) => {
				const result = { new: [], processed: [] };
				for (const item of items) {
					const k = keyOf(scope, item);
					if (processed.has(k)) result.processed.push(item);
					else {
						processed.set(k, true);
						result.new.push(item);
					}
				}
				return result;
			},
			removeProcessed: async (items, scope) => {
				for (const item of items) processed.delete(keyOf(scope, item));
			},
			returnJsonArray: (data) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
	};
	return ctx;
}

module.exports = { createContext, httpRequest };
