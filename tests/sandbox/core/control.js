'use strict';
// Control API under /__control (no auth, JSON): inspect and drive the sandbox from tests, the demo
// and benchmarks without touching the marketplace APIs' own paths.

const { json, parseJsonBody } = require('./http');

class ControlError extends Error {
	constructor(status, message) {
		super(message);
		this.status = status;
	}
}

function readJson(body) {
	if (!body.length) return {};
	const parsed = parseJsonBody(body);
	if (parsed.error) throw new ControlError(400, `invalid JSON body: ${parsed.error}`);
	return parsed.value;
}

function sinceParam(searchParams) {
	const raw = searchParams.get('since');
	if (raw === null || raw === '') return 0;
	if (!/^\d+$/.test(raw)) throw new ControlError(400, `since must be a non-negative integer index (got "${raw}")`);
	return Number(raw);
}

/**
 * @param sandbox the Sandbox instance
 * @returns a response description (see core/http.js)
 */
async function handleControl(sandbox, method, path, searchParams, body) {
	try {
		const route = `${method} ${path.replace(/\/+$/, '') || '/'}`;
		switch (route) {
			case 'GET /':
			case 'GET /state':
				return json(200, sandbox.summary());
			case 'GET /replies':
				return json(200, sandbox.state.replies);
			case 'GET /requests': {
				const records = sandbox.requestLog.since(sinceParam(searchParams));
				return json(200, records, { headers: { 'X-Next-Since': String(sandbox.requestLog.total) } });
			}
			case 'POST /reset': {
				const input = readJson(body);
				sandbox.reset(input.seed === undefined ? sandbox.state.seed : input.seed);
				return json(200, sandbox.summary());
			}
			case 'GET /faults':
				return json(200, sandbox.getFaults());
			case 'POST /faults':
				return json(200, sandbox.setFaults(readJson(body)));
			case 'GET /live':
				return json(200, sandbox.liveStatus());
			case 'POST /live':
				return json(200, sandbox.setLive(readJson(body)));
			default:
				break;
		}
		const m = /^POST \/([a-z]+)\/([a-z-]+)$/.exec(route);
		const mod = m && sandbox.marketplaces[m[1]];
		// awaited: a module's action may be asynchronous (e.g. it sends a push notification before answering)
		if (mod && mod.control[m[2]]) return json(200, await mod.control[m[2]](sandbox.moduleContext(mod.name), readJson(body)));
		throw new ControlError(404, `unknown control route ${route} (see tests/sandbox/README.md)`);
	} catch (e) {
		if (e instanceof ControlError) return json(e.status, { error: e.message });
		if (e && e.isInputError) return json(400, { error: e.message });
		throw e;
	}
}

module.exports = { handleControl, ControlError };
