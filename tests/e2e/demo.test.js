// `npm run demo` end to end: tests/demo/demo.js runs as a child process, as a user starts it (the n8n version
// matching the running Node, the demo's default; a short live-traffic interval and free ports through its
// environment options). The test waits for the readiness block, then checks on the sandbox what a user would see:
// live buyer traffic and replies flowing on WB, Ozon and Yandex Market, no message answered twice by two workflows,
// the dashboard URL serving the HTML dashboard with figures; then Ctrl+C (SIGINT) stops everything: the demo exits 0,
// n8n's process group is gone, its data folder removed, no process refers to it, both ports are closed.
// The plan's own rules (every template decided, one answering workflow per marketplace and kind) are checked first.
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');
const { spawn } = require('child_process');
const { PLAN, templates, answers, sandboxCredentials } = require('../demo/plan');
const { REPO_ROOT } = require('./support');

const DEMO = path.join(REPO_ROOT, 'tests', 'demo', 'demo.js');
const LIVE_MS = 2000;
const READY_TIMEOUT_MS = 8 * 60 * 1000;
const REPLIES_TIMEOUT_MS = 4 * 60 * 1000;
// Templates poll every minute: a review left now is answered at the next poll, or the one after when it lands mid-poll.
const NEW_REVIEW_TIMEOUT_MS = 150 * 1000;
const FRESH_REVIEW = 'Отличный товар, всё понравилось, спасибо!';
// A reply line as the demo prints it: "[sandbox] 2026-…Z wb feedbackAnswer <id>: "text"".
const REPLY_LINE = /^\[sandbox\] \S+ (wb|ozon|ym) (\S+) (\S+): "/;
// Reply kinds the sandbox records for reviews and questions (one answer each); chats may get one reply per message.
const ONE_ANSWER_KINDS = new Set(['feedbackAnswer', 'questionAnswer', 'review', 'question', 'review-comment', 'question-answer']);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(predicate, timeoutMs, what, diagnose = () => '') {
	const started = Date.now();
	for (;;) {
		const value = await predicate();
		if (value) return value;
		if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${diagnose()}`);
		await sleep(500);
	}
}

function portOpen(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** Processes whose command line or environment mentions the text (e.g. n8n's data folder). */
function processesMentioning(text) {
	const found = [];
	for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
		if (Number(pid) === process.pid) continue;
		for (const file of ['cmdline', 'environ']) {
			try {
				if (fs.readFileSync(`/proc/${pid}/${file}`, 'latin1').includes(text)) {
					found.push(`${pid}: ${fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ').slice(0, 200)}`);
					break;
				}
			} catch {
				// gone meanwhile, or not ours to read
			}
		}
	}
	return found;
}

const field = (lines, label) => {
	const line = lines.find((l) => l.startsWith(`${label} `));
	return line ? line.slice(label.length).trim() : null;
};

async function getJson(url) {
	const res = await fetch(url);
	if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status}`);
	return res.json();
}

async function post(url, body) {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const json = await res.json();
	if (res.status !== 200) throw new Error(`POST ${url}: HTTP ${res.status} ${JSON.stringify(json)}`);
	return json;
}

/** Buyer items on each marketplace (reviews, questions, chat messages/events): grows with live traffic. */
function activity(counts) {
	return {
		wb: counts.wb.feedbacks.total + counts.wb.questions.total + counts.wb.events,
		ozon: counts.ozon.reviews.total + counts.ozon.questions.total + counts.ozon.messages,
		ym: counts.ym.feedbacks.total + counts.ym.questions.total + counts.ym.messages,
	};
}

describe('the demo plan', () => {
	const plan = templates();

	it('has a decision and a reason for every template, and publishes one answering workflow per marketplace and kind', () => {
		const files = fs.readdirSync(path.join(REPO_ROOT, 'workflows')).filter((f) => f.endsWith('.json'));
		expect(plan.map((t) => t.file).sort()).toEqual(files.sort());
		for (const t of plan) expect([t.file, typeof t.why, t.why.length > 20]).toEqual([t.file, 'string', true]);
		expect(Object.keys(PLAN).filter((f) => !files.includes(f))).toEqual([]);

		const owners = new Map();
		for (const t of plan.filter((p) => p.publish)) {
			for (const what of answers(t.workflow)) owners.set(what, [...(owners.get(what) || []), t.file]);
		}
		expect([...owners].filter(([, list]) => list.length > 1)).toEqual([]);
		// Replies flow on every marketplace: reviews and chats are answered everywhere by a published workflow.
		for (const mp of ['wb', 'ozon', 'ym']) for (const kind of ['review', 'chat']) expect([`${mp} ${kind}`, owners.has(`${mp} ${kind}`)]).toEqual([`${mp} ${kind}`, true]);
	});

	it('has a credential for every credential type a template uses, with the id the templates refer to', () => {
		const creds = sandboxCredentials('http://127.0.0.1:1');
		for (const t of plan) {
			for (const node of t.workflow.nodes) {
				for (const [type, ref] of Object.entries(node.credentials || {})) {
					expect([t.file, node.name, creds.some((c) => c.type === type && c.id === ref.id)]).toEqual([t.file, node.name, true]);
				}
			}
		}
	});
});

describe('npm run demo', () => {
	let child = null;
	let exit = null;
	const lines = [];
	let n8nPid = null;

	afterAll(async () => {
		// Only when a check failed before the stop below: do not leave the demo or its n8n running.
		if (child && !exit) {
			child.kill('SIGINT');
			await until(() => exit, 60_000, 'the demo to exit').catch(() => child.kill('SIGKILL'));
		}
		if (n8nPid && groupAlive(n8nPid)) process.kill(-n8nPid, 'SIGKILL');
	}, 90_000);

	it('starts, answers on WB, Ozon and Yandex Market, serves the dashboard, and stops cleanly on Ctrl+C', async () => {
		const started = Date.now();
		const env = { ...process.env, AGENTIQ_DEMO_LIVE: String(LIVE_MS), AGENTIQ_DEMO_N8N_PORT: '0', AGENTIQ_DEMO_SANDBOX_PORT: '0' };
		delete env.AGENTIQ_DEMO_N8N_VERSION;
		delete env.AGENTIQ_DEMO_STOP_AFTER_SECONDS;
		child = spawn(process.execPath, [DEMO], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		child.on('exit', (code, signal) => (exit = { code, signal }));
		let partial = '';
		child.stdout.on('data', (chunk) => {
			const text = partial + chunk.toString();
			const parts = text.split('\n');
			partial = parts.pop();
			lines.push(...parts);
		});
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
		const tail = () => `stdout (last 30 lines):\n${lines.filter((l) => !REPLY_LINE.test(l)).slice(-30).join('\n')}\nstderr:\n${stderr.slice(-3000)}`;

		await until(() => exit || lines.includes('AgentIQ demo is running'), READY_TIMEOUT_MS, 'the demo to print its readiness block', tail);
		expect(exit).toBeNull();
		await until(() => lines.some((l) => l.startsWith('Ctrl+C stops')), 10_000, 'the end of the readiness block', tail);
		const readyMs = Date.now() - started;

		const editor = field(lines, 'n8n editor').split(/\s+/)[0];
		const dashboard = field(lines, 'dashboard').split(/\s+/)[0];
		const sandbox = field(lines, 'sandbox').split(/\s+/)[0];
		const [, pid, folder] = /^pid (\d+), n8n \S+, data in (\S+) /.exec(field(lines, 'n8n process'));
		n8nPid = Number(pid);
		expect(field(lines, 'n8n editor')).toMatch(/\(login \S+@\S+ \/ \S+\)/);
		expect(dashboard).toBe(`${editor}/webhook/agentiq-dashboard`);
		expect(fs.existsSync(folder)).toBe(true);
		expect(groupAlive(n8nPid)).toBe(true);
		const published = lines.filter((l) => /^ {2}published /.test(l)).map((l) => /\((\S+\.json)\)/.exec(l)[1]);
		expect(published.sort()).toEqual(Object.keys(PLAN).filter((f) => PLAN[f].publish).sort());
		expect(lines.join('\n')).toMatch(/switch off "Custom Base URLs" \(WB\) \/ "Custom Base URL" \(Ozon, Yandex Market\)/);

		// The n8n editor answers, and the sandbox has live traffic on.
		expect((await fetch(`${editor}/healthz`)).status).toBe(200);
		expect(await getJson(`${sandbox}/__control/live`)).toEqual({ intervalMs: LIVE_MS, running: true });
		const before = activity((await getJson(`${sandbox}/__control/state`)).counts);

		// Replies flow on all three marketplaces: printed by the demo and recorded by the sandbox.
		const printed = () => lines.map((l) => REPLY_LINE.exec(l)).filter(Boolean).map(([, mp, kind, id]) => ({ mp, kind, id }));
		await until(
			() => ['wb', 'ozon', 'ym'].every((mp) => printed().some((r) => r.mp === mp)),
			REPLIES_TIMEOUT_MS,
			'a reply on each of WB, Ozon and Yandex Market',
			() => `replies so far: ${JSON.stringify([...new Set(printed().map((r) => `${r.mp} ${r.kind}`))])}\n${tail()}`,
		);
		const repliesMs = Date.now() - started;
		const recorded = await getJson(`${sandbox}/__control/replies`);
		for (const mp of ['wb', 'ozon', 'ym']) expect([mp, recorded.some((r) => r.marketplace === mp && r.text.trim().length > 10)]).toEqual([mp, true]);
		for (const r of printed()) expect(recorded.some((x) => x.marketplace === r.mp && x.kind === r.kind && String(x.targetId) === r.id)).toBe(true);
		// Live traffic: new buyer items on every marketplace since readiness.
		let after = before;
		await until(
			async () => {
				after = activity((await getJson(`${sandbox}/__control/state`)).counts);
				return ['wb', 'ozon', 'ym'].every((mp) => after[mp] > before[mp]);
			},
			30 * LIVE_MS,
			'new buyer items on WB, Ozon and Yandex Market',
			() => `buyer items at readiness ${JSON.stringify(before)}, now ${JSON.stringify(after)}`,
		);

		// A review a buyer leaves now (as live traffic does) is answered on each marketplace within a poll or two.
		const newReviews = {
			wb: (await post(`${sandbox}/__control/wb/feedbacks`, { productValuation: 5, text: FRESH_REVIEW })).id,
			ozon: (await post(`${sandbox}/__control/ozon/reviews`, { rating: 5, text: FRESH_REVIEW })).id,
			ym: String((await post(`${sandbox}/__control/ym/feedbacks`, {})).feedback.feedbackId),
		};
		const answeredNew = async () => {
			const all = await getJson(`${sandbox}/__control/replies`);
			return Object.entries(newReviews).filter(([mp, id]) => !all.some((r) => r.marketplace === mp && String(r.targetId) === id)).map(([mp]) => mp);
		};
		let unanswered = [];
		await until(
			async () => (unanswered = await answeredNew()).length === 0,
			NEW_REVIEW_TIMEOUT_MS,
			'replies to reviews left after readiness',
			() => `no reply yet on ${unanswered.join(', ')} to ${JSON.stringify(newReviews)}\n${tail()}`,
		);
		const newRepliesMs = Date.now() - started;

		// Reviews and questions are answered once: no two published workflows answer the same item.
		const seen = new Map();
		for (const r of (await getJson(`${sandbox}/__control/replies`)).filter((x) => ONE_ANSWER_KINDS.has(x.kind))) {
			const key = `${r.marketplace} ${r.kind} ${r.targetId}`;
			seen.set(key, (seen.get(key) || 0) + 1);
		}
		expect(seen.size).toBeGreaterThan(0);
		expect([...seen].filter(([, n]) => n > 1)).toEqual([]);

		// The dashboard: an HTML page with the figures.
		const res = await fetch(dashboard);
		const html = await res.text();
		expect([res.status, res.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^text\/html/)]);
		expect(html).toMatch(/^<!doctype html>/i);
		const kpi = (key) => {
			const m = new RegExp(`data-kpi="${key}"[^>]*>[\\s\\S]*?<div class="value">([^<]*)</div>`).exec(html);
			return m ? m[1] : null;
		};
		expect(Number(kpi('reviews'))).toBeGreaterThan(0);
		expect(Number(kpi('interactions'))).toBeGreaterThan(0);
		expect(kpi('sla-compliance')).toMatch(/^\d+(\.\d)?%$/);

		// Ctrl+C: everything stops.
		const editorPort = Number(new URL(editor).port);
		const sandboxPort = Number(new URL(sandbox).port);
		const stopAt = Date.now();
		child.kill('SIGINT');
		await until(() => exit, 60_000, 'the demo to exit after SIGINT', tail);
		const stopMs = Date.now() - stopAt;
		expect(exit).toEqual({ code: 0, signal: null });
		expect(lines).toContain('[demo] stopped');
		expect(groupAlive(n8nPid)).toBe(false);
		expect(fs.existsSync(folder)).toBe(false);
		expect(await portOpen(editorPort)).toBe(false);
		expect(await portOpen(sandboxPort)).toBe(false);
		// The harness's watchdog shell ends within about 2 s of n8n's group.
		await until(() => processesMentioning(folder).length === 0, 10_000, `no process left that refers to ${folder}`, () => processesMentioning(folder).join('\n'));
		console.log(`demo: ready after ${readyMs} ms, replies on all three marketplaces after ${repliesMs} ms, to reviews left after readiness after ${newRepliesMs} ms, ${recorded.length} replies, stopped in ${stopMs} ms`);
	}, READY_TIMEOUT_MS + REPLIES_TIMEOUT_MS + NEW_REVIEW_TIMEOUT_MS + 3 * 60 * 1000);
});
