'use strict';
// A small HTTP server standing in for n8n's webhook endpoint in the push tests: every request's raw body goes to
// `handle(text)`, which returns { status, body } to answer with. (JS: the TypeScript tests may not import `http`.)
const http = require('http');

async function startReceiver(handle) {
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			try {
				const answer = await handle(Buffer.concat(chunks).toString('utf8'));
				res.writeHead(answer.status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(answer.body));
			} catch (e) {
				res.writeHead(500, { 'Content-Type': 'text/plain' });
				res.end(String(e && e.message));
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

module.exports = { startReceiver };
