// An OpenAI-compatible chat-completions server on loopback, for tests and the demo: answers with JSON produced by a
// function of the request, or follows a script of faults (broken JSON, time-out, 500). It records every request
// (headers included) so tests can check what the nodes sent.
'use strict';
const http = require('http');

/**
 * @param {object} o
 * @param {(request: {model: string, messages: {role: string, content: string}[]}) => object | string} o.answer
 *   the JSON object (or raw content string) to answer with
 * @param {Array<{type: 'ok'|'broken'|'timeout'|'500'|'not-json', ms?: number}>} [o.script] consumed one per request
 */
function createFakeLlm(o = {}) {
	const requests = [];
	const script = [...(o.script || [])];
	let server;
	const sockets = new Set();
	const handler = async (req, res) => {
		let raw = '';
		for await (const chunk of req) raw += chunk;
		const url = new URL(req.url, 'http://fake');
		if (req.method === 'GET' && url.pathname.endsWith('/models')) {
			if (o.apiKey && req.headers.authorization !== `Bearer ${o.apiKey}`) return send(res, 401, { error: { message: 'Incorrect API key provided' } });
			return send(res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model' }] });
		}
		if (req.method !== 'POST' || !url.pathname.endsWith('/chat/completions')) return send(res, 404, { error: { message: 'not found' } });
		let body;
		try {
			body = JSON.parse(raw);
		} catch {
			return send(res, 400, { error: { message: 'invalid JSON body' } });
		}
		requests.push({ headers: req.headers, body });
		if (o.apiKey && req.headers.authorization !== `Bearer ${o.apiKey}`) return send(res, 401, { error: { message: 'Incorrect API key provided' } });
		const step = script.length ? script.shift() : { type: 'ok' };
		if (step.type === 'timeout') {
			await new Promise((r) => setTimeout(r, step.ms || 60_000).unref());
			if (res.destroyed) return undefined;
		}
		if (step.type === '500') return send(res, 500, { error: { message: 'The server had an error while processing your request' } });
		if (step.type === 'not-json') return sendRaw(res, 200, '<html>gateway</html>');
		let content;
		if (step.type === 'broken') content = '{"intent": "thanks", "emotion": ';
		else {
			const answer = o.answer ? await o.answer(body) : {};
			content = typeof answer === 'string' ? answer : JSON.stringify(answer);
		}
		return send(res, 200, {
			id: `chatcmpl-${requests.length}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: body.model,
			choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
			usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
		});
	};
	return {
		requests,
		script,
		async start(port = 0) {
			server = http.createServer((req, res) => handler(req, res).catch((e) => send(res, 500, { error: { message: e.message } })));
			server.on('connection', (s) => {
				sockets.add(s);
				s.on('close', () => sockets.delete(s));
			});
			await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
			this.url = `http://127.0.0.1:${server.address().port}/v1`;
			return { url: this.url };
		},
		async stop() {
			if (!server) return;
			for (const s of sockets) s.destroy();
			await new Promise((resolve) => server.close(resolve));
			server = null;
		},
	};
}

function send(res, status, json) {
	return sendRaw(res, status, JSON.stringify(json), 'application/json');
}

function sendRaw(res, status, text, type = 'text/html') {
	if (res.headersSent || res.destroyed) return undefined;
	res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
	return undefined;
}

/** The user message's JSON data (the buyer's text travels as JSON after the first line). */
function userData(request) {
	const user = [...request.messages].reverse().find((m) => m.role === 'user');
	const json = user ? user.content.slice(user.content.indexOf('{')) : '{}';
	try {
		return JSON.parse(json);
	} catch {
		return {};
	}
}

module.exports = { createFakeLlm, userData };
