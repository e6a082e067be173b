'use strict';
// A local HTTP endpoint standing in for n8n's webhook server in unit tests: each POST body (JSON) goes to
// `handle(body)`, which returns { status, body } to answer with.

const http = require('http');

async function startReceiver(handle) {
	const server = http.createServer((req, res) => {
		let data = '';
		req.on('data', (c) => (data += c));
		req.on('end', async () => {
			let body;
			try {
				body = JSON.parse(data);
			} catch {
				body = data;
			}
			const answer = await handle(body, req.url);
			res.writeHead(answer.status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(answer.body));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

module.exports = { startReceiver };
