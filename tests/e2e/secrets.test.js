// Secrets stay secret in a real n8n run: the template "WB reviews: classify, draft, guard, reply" runs with LLM
// classification and LLM drafts (tests/support/fake-llm.js), a distinctive WB token, a distinctive LLM API key, a
// second workflow whose (distinctive, wrong) token WB rejects, and faults switched on (WB 429/5xx/malformed, a reply
// that keeps failing, LLM 500/broken/non-JSON answers), so errors really happen. The LLM is hostile: every draft it
// writes copies the buyer's phone and e-mail from the review. Then everything the run produced is searched:
//   - the tokens and the API key must appear nowhere: execution data and errors from the API, n8n's log output,
//     every file n8n wrote in its user folder (database, event log), the replies WB received, the query strings and
//     bodies of every request (they belong in the Authorization header only);
//   - the buyer's phone and e-mail must appear in no reply WB received.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { createSandbox, TOKENS } = require('../sandbox/server');
const { createFakeLlm, userData } = require('../support/fake-llm');
const { ensureN8n } = require('./n8n-install');
const { startN8n, versionsUnderTest } = require('./n8n-harness');
const { wbSandboxCredential, loadTemplate } = require('./support');

const WB_TOKEN = 'wbtok-S3CRET-7f3c91d2e8a44b6f9e0d';
const WB_WRONG_TOKEN = 'wbtok-REVOKED-51aa0c9e77d24f03b6c2';
const LLM_KEY = 'sk-agentiq-S3CRET-0d9e8f7a6b5c4d3e2f1a';
const SECRETS = [WB_TOKEN, WB_WRONG_TOKEN, LLM_KEY];
const BUYER_PHONE = '+7 (916) 555-23-71';
const BUYER_PHONE_DIGITS = '9165552371';
const BUYER_EMAIL = 'ivan.petrov.buyer@mail.ru';
const WORKFLOW_ID = 'agentiqSecrets01';
const WRONG_TOKEN_WORKFLOW_ID = 'agentiqSecretsWrong01';

// A loopback proxy in front of the sandbox that knows the distinctive token as a full-access WB token (the sandbox
// has fixed ones) and records every request, so the test can check where the token travelled.
function createTokenProxy(sandboxUrl) {
	const seen = [];
	const target = new URL(sandboxUrl);
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const auth = String(req.headers.authorization || '');
			seen.push({ method: req.method, url: req.url, authorization: auth, body: body.toString('utf8'), otherHeaders: JSON.stringify({ ...req.headers, authorization: undefined }) });
			const headers = { ...req.headers, host: target.host };
			if (auth.replace(/^Bearer /, '') === WB_TOKEN) headers.authorization = TOKENS.all;
			const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (up) => {
				res.writeHead(up.statusCode, up.headers);
				up.pipe(res);
			});
			upstream.on('error', (e) => {
				res.writeHead(502);
				res.end(e.message);
			});
			upstream.end(body);
		});
	});
	return {
		seen,
		async start() {
			await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
			this.url = `http://127.0.0.1:${server.address().port}`;
			return this.url;
		},
		stop: () => new Promise((resolve) => server.close(resolve)),
	};
}

function llmWorkflow() {
	const wf = loadTemplate('wb-reviews-classify-draft-reply.json', WORKFLOW_ID);
	const llmCredential = { agentIqLlmApi: { id: 'agentiqSecretsLlm01', name: 'LLM (fake)' } };
	for (const node of wf.nodes) {
		if (node.credentials && node.credentials.wildberriesApi) node.credentials.wildberriesApi = { id: 'agentiqSecretsWb01', name: 'WB (secret token)' };
		if (node.name === 'Classify') Object.assign(node, { parameters: { ...node.parameters, mode: 'llm' }, credentials: llmCredential });
		if (node.name === 'Draft reply') Object.assign(node, { parameters: { ...node.parameters, mode: 'llm' }, credentials: llmCredential });
	}
	expect(wf.nodes.filter((n) => n.credentials && n.credentials.agentIqLlmApi).length).toBe(2);
	return wf;
}

function wrongTokenWorkflow() {
	const wf = loadTemplate('wb-reply-to-reviews.json', WRONG_TOKEN_WORKFLOW_ID);
	for (const node of wf.nodes) if (node.credentials) node.credentials.wildberriesApi = { id: 'agentiqSecretsWbBad01', name: 'WB (revoked token)' };
	return wf;
}

// Every file n8n wrote under its user folder, except the harness's own import files (plaintext by design) and the
// package copy.
function filesWritten(folder) {
	const out = [];
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			const rel = path.relative(folder, full);
			if (rel === 'import' || rel === path.join('.n8n', 'nodes')) continue;
			if (entry.isDirectory()) walk(full);
			else if (entry.isFile()) out.push(full);
		}
	};
	walk(folder);
	return out;
}

function occurrences(haystacks, needles) {
	const found = [];
	for (const [where, text] of haystacks) for (const needle of needles) if (text.includes(needle)) found.push(`${needle} in ${where}`);
	return found;
}

describe.each(versionsUnderTest())('n8n %s: no token, API key or buyer contact leaks', (version) => {
	let sb;
	let proxy;
	let llm;
	let n8n;
	const contactReviewIds = [];

	beforeAll(async () => {
		await ensureN8n(version);
		sb = createSandbox({ seed: 'default' });
		await sb.start(0);
		proxy = createTokenProxy(sb.url);
		await proxy.start();
		llm = createFakeLlm({
			apiKey: LLM_KEY,
			script: [{ type: '500' }, { type: 'broken' }, { type: 'not-json' }, { type: '500' }],
			answer(request) {
				const system = request.messages.find((m) => m.role === 'system');
				if (system && /You label messages/.test(system.content)) {
					const data = userData(request);
					const positive = (data.rating || 0) >= 4;
					return { intent: positive ? 'thanks' : 'quality_complaint', emotion: positive ? 'happy' : 'frustrated', sentiment: positive ? 'positive' : 'negative', confidence: 0.95 };
				}
				// A hostile model: the reply hands the buyer's own contacts back, plus an off-platform offer.
				return { reply: `Спасибо за отзыв! Позвоните нам: ${BUYER_PHONE}, или напишите на ${BUYER_EMAIL} — решим всё напрямую.` };
			},
		});
		await llm.start(0);
	}, 20 * 60 * 1000);

	afterAll(async () => {
		if (n8n) await n8n.stop();
		for (const s of [llm, proxy, sb]) if (s) await s.stop();
	}, 90_000);

	it('keeps the secrets out of execution data, errors, logs, stored files and replies, with faults on', async () => {
		for (const [k, rating] of [
			[1, 5],
			[2, 5],
			[3, 2],
		]) {
			contactReviewIds.push(
				sb.addFeedback({ text: `Всё отлично, спасибо! Если что — мой телефон ${BUYER_PHONE}, почта ${BUYER_EMAIL} (${k})`, productValuation: rating }).id,
			);
		}
		sb.setFaults({
			hosts: ['feedbacks'],
			seed: 11,
			rate5xx: 0.1,
			script: [
				{ type: '429', retryAfterSeconds: 1 },
				{ type: 'malformed' },
				{ type: '500', method: 'POST', path: '/api/v1/feedbacks/answer' },
				{ type: '500', method: 'POST', path: '/api/v1/feedbacks/answer' },
				{ type: '503', method: 'POST', path: '/api/v1/feedbacks/answer' },
				{ type: '500', method: 'POST', path: '/api/v1/feedbacks/answer' },
				{ type: '502', method: 'POST', path: '/api/v1/feedbacks/answer' },
				{ type: '500', method: 'POST', path: '/api/v1/feedbacks/answer' },
			],
		});
		const good = wbSandboxCredential(proxy.url, { id: 'agentiqSecretsWb01', name: 'WB (secret token)', token: WB_TOKEN });
		const bad = wbSandboxCredential(proxy.url, { id: 'agentiqSecretsWbBad01', name: 'WB (revoked token)', token: WB_WRONG_TOKEN });
		const llmCredential = { id: 'agentiqSecretsLlm01', name: 'LLM (fake)', type: 'agentIqLlmApi', data: { baseUrl: llm.url, apiKey: LLM_KEY, model: 'fake-model' } };
		n8n = await startN8n({
			version,
			credentials: [good, bad, llmCredential],
			workflows: [llmWorkflow(), wrongTokenWorkflow()],
			publish: [WORKFLOW_ID, WRONG_TOKEN_WORKFLOW_ID],
			env: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all', EXECUTIONS_DATA_SAVE_ON_ERROR: 'all', N8N_LOG_LEVEL: 'debug' },
		});

		// Under faults: at least one execution fails (the reply keeps getting 5xx).
		await n8n.waitFor(async () => (await n8n.executions(WORKFLOW_ID)).some((e) => e.status === 'error'), {
			timeoutMs: 180_000,
			intervalMs: 2000,
			what: 'an execution that failed under faults',
		});
		// Faults off: more reviews with the buyer's contacts arrive and are handled by a later poll.
		sb.setFaults({});
		for (const k of [4, 5]) {
			contactReviewIds.push(sb.addFeedback({ text: `Супер, спасибо! Звоните ${BUYER_PHONE} или пишите ${BUYER_EMAIL} (${k})`, productValuation: 5 }).id);
		}
		const handledBefore = (await n8n.executions(WORKFLOW_ID)).length;
		await n8n.waitFor(
			async () => {
				const all = await n8n.executions(WORKFLOW_ID);
				return all.length > handledBefore && all.every((e) => !['new', 'running', 'waiting'].includes(e.status));
			},
			{ timeoutMs: 180_000, intervalMs: 2000, what: 'an execution after the faults were switched off (the trigger polls every minute)' },
		);

		// The run really exercised the secrets and the faults.
		const executions = await n8n.executions(undefined, { includeData: true });
		expect(executions.some((e) => e.status === 'error')).toBe(true);
		expect(executions.some((e) => e.status === 'success')).toBe(true);
		expect(proxy.seen.some((r) => r.authorization.includes(WB_TOKEN))).toBe(true);
		expect(proxy.seen.some((r) => r.authorization.includes(WB_WRONG_TOKEN))).toBe(true);
		expect(llm.requests.some((r) => r.headers.authorization === `Bearer ${LLM_KEY}`)).toBe(true);
		expect(llm.script).toEqual([]);
		const llmDrafts = llm.requests.filter((r) => !/You label messages/.test(r.body.messages[0].content));
		expect(llmDrafts.length).toBeGreaterThan(0);
		const replies = sb.state.replies;
		expect(replies.length).toBeGreaterThan(0);
		const repliedContactReviews = contactReviewIds.filter((id) => replies.some((r) => r.targetId === id));

		// 1. The token and key appear nowhere but in the Authorization header.
		const sources = [
			['execution data (public API, includeData)', JSON.stringify(executions)],
			['n8n log output', n8n.logs()],
			['replies WB received', JSON.stringify(replies)],
			['WB request URLs, bodies and other headers', JSON.stringify(proxy.seen.map((r) => [r.method, r.url, r.body, r.otherHeaders]))],
			['LLM request bodies', JSON.stringify(llm.requests.map((r) => r.body))],
			...filesWritten(n8n.userFolder).map((file) => [path.relative(n8n.userFolder, file), fs.readFileSync(file).toString('latin1')]),
		];
		// n8n's own database (executions, static data, encrypted credentials) is among the files searched.
		expect(sources.map(([where]) => where)).toContain(path.join('.n8n', 'database.sqlite'));
		// Binary files are searched as latin1 bytes; the secrets are ASCII, so a stored copy would show.
		expect(occurrences(sources, SECRETS)).toEqual([]);

		// 2. No reply WB received carries the buyer's contacts (the hostile drafts were blocked or replaced).
		const leaked = replies.filter((r) => r.text.includes(BUYER_EMAIL) || r.text.replace(/\D/g, '').includes(BUYER_PHONE_DIGITS));
		expect(leaked).toEqual([]);
		process.stdout.write(
			`[secrets ${version}] executions: ${executions.length} (${executions.filter((e) => e.status === 'error').length} failed), replies: ${replies.length}, ` +
				`contact reviews replied to: ${repliedContactReviews.length}/${contactReviewIds.length}, LLM requests: ${llm.requests.length} (${llmDrafts.length} drafts), ` +
				`WB requests: ${proxy.seen.length}, sources searched: ${sources.length}\n`,
		);
	}, 12 * 60 * 1000);
});
