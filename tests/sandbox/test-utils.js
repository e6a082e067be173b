'use strict';
// Helpers for the sandbox's own tests: start a sandbox on a free port and call it with fetch.

const { createSandbox, TOKENS } = require('./server');

/** A controllable clock; the default start is a fixed instant so that runs are reproducible. */
function fakeClock(start = Date.UTC(2026, 2, 10, 9, 0, 0)) {
	const clock = {
		t: start,
		now: () => clock.t,
		advance(ms) {
			clock.t += ms;
		},
	};
	return clock;
}

/**
 * call(method, path, { token, body, headers }) -> { status, headers, text, data }
 * body: an object (sent as JSON), a string, or a FormData (fetch sets the multipart boundary).
 */
function client(url) {
	return async function call(method, path, { token = TOKENS.all, body, headers = {} } = {}) {
		const h = { ...headers };
		if (token) h.Authorization = token;
		let payload = body;
		if (body !== undefined && typeof body !== 'string' && !(body instanceof FormData) && !Buffer.isBuffer(body)) {
			payload = JSON.stringify(body);
			if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['Content-Type'] = 'application/json';
		}
		const res = await fetch(url + path, { method, headers: h, body: payload });
		const buffer = Buffer.from(await res.arrayBuffer());
		const text = buffer.toString('utf8');
		let data;
		try {
			data = text ? JSON.parse(text) : undefined;
		} catch {
			data = undefined;
		}
		return { status: res.status, headers: res.headers, text, data, buffer };
	};
}

async function startSandbox(options = {}) {
	const sb = createSandbox(options);
	const { url } = await sb.start(0);
	return { sb, url, call: client(url) };
}

module.exports = { fakeClock, client, startSandbox, TOKENS };
