// The template "WB chats: churn prevention" in a real n8n, against the sandbox. The chat links live in a real n8n
// Data Table, created over n8n's REST API the way the sticky note tells a user to create it; the buyer's reviews are
// read from WB for each message (Wildberries → Review → Get Many, the chat's product, the last 30 days). Reviews and
// buyer messages come through the sandbox's /__control API; the test checks what the sandbox received (one reply per
// in-scope message, a solution inside WB's own return flow, the ask for the order number once, nothing the
// guardrails reject, nothing for an off-topic message) and what the manager gets (the escalation item with the
// line about the buyer's 1★ review of two days ago — a review the seller answered before the workflow started, so
// WB keeps it only in its answered list and archive).
'use strict';
const path = require('path');
const { createSandbox, TOKENS } = require('../sandbox/server');
const { ensureN8n } = require('./n8n-install');
const { startN8n, versionsUnderTest } = require('./n8n-harness');
const { wbSandboxCredential, loadTemplate, countBy, REPO_ROOT } = require('./support');

const WORKFLOW_ID = 'agentiqChurnChatE2e01';
const FILE = 'wb-churn-prevention-chat.json';
const NOTIFY = 'Notify manager (replace with Telegram, Slack or e-mail)';
const TABLES = {
	agentiq_chat_links: ['chatId', 'askedAt', 'orderNumber', 'linkedAt', 'productName', 'size', 'orderStatus', 'productId'].map((name) => ({ name, type: 'string' })),
};
const dist = path.join(process.env.AGENTIQ_PACKAGE_DIR || REPO_ROOT, 'dist', 'src');
const DAY = 86_400_000;

function workflow() {
	const wf = loadTemplate(FILE, WORKFLOW_ID);
	// Three polls a minute instead of one (n8n refuses anything but a fixed second, so three cron items).
	for (const trigger of wf.nodes.filter((n) => n.type === 'n8n-nodes-agentiq.wildberriesTrigger')) {
		trigger.parameters.pollTimes = { item: ['0', '20', '40'].map((s) => ({ mode: 'custom', cronExpression: `${s} * * * * *` })) };
	}
	return wf;
}

async function control(sb, route, body) {
	const res = await fetch(`${sb.url}/__control${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const json = await res.json();
	if (res.status >= 300) throw new Error(`control ${route}: HTTP ${res.status} ${JSON.stringify(json)}`);
	return json;
}

async function createTables(n8n) {
	const personal = await n8n.rest('GET', '/rest/projects/personal');
	if (personal.status !== 200) throw new Error(`personal project: HTTP ${personal.status} ${personal.text.slice(0, 300)}`);
	const projectId = personal.json.data.id;
	const ids = {};
	for (const [name, columns] of Object.entries(TABLES)) {
		const created = await n8n.rest('POST', `/rest/projects/${projectId}/data-tables`, { name, columns });
		if (created.status !== 200 && created.status !== 201) throw new Error(`creating ${name}: HTTP ${created.status} ${created.text.slice(0, 300)}`);
		ids[name] = (created.json.data || created.json).id;
	}
	return async (name) => {
		const r = await n8n.rest('GET', `/rest/projects/${projectId}/data-tables/${ids[name]}/rows?take=500&skip=0`);
		if (r.status !== 200) throw new Error(`reading ${name}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
		return (r.json.data || r.json).data;
	};
}

/** Items of one node's output over every execution so far: [{ json }]. */
async function nodeOutput(n8n, nodeName, outputIndex = 0) {
	const items = [];
	for (const e of await n8n.executions(WORKFLOW_ID, { includeData: true })) {
		const runs = e.data && e.data.resultData && e.data.resultData.runData && e.data.resultData.runData[nodeName];
		for (const run of runs || []) {
			const output = run.data && run.data.main && run.data.main[outputIndex];
			for (const item of output || []) items.push(item.json);
		}
	}
	return items;
}

/** A seller's call to the sandbox's WB feedbacks API, as the seller portal would make it. */
async function wbFeedbacks(sb, method, apiPath, body) {
	const res = await fetch(`${sb.url}/wb/feedbacks${apiPath}`, { method, headers: { Authorization: TOKENS.all, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	if (res.status >= 300) throw new Error(`${method} ${apiPath}: HTTP ${res.status} ${await res.text()}`);
}

const chatReplies = (sb, chatID) => sb.state.replies.filter((r) => r.kind === 'chatMessage' && r.targetId === chatID).map((r) => r.text);

describe('the churn template says what it does', () => {
	const wf = loadTemplate(FILE, WORKFLOW_ID);
	const notes = wf.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => n.parameters.content);
	const names = new Set(wf.nodes.map((n) => n.name));

	it('names only nodes that exist, in both languages, and tells the user to replace the escalation target', () => {
		expect(notes).toHaveLength(2);
		for (const note of notes) {
			const bold = [...note.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]).filter((b) => !/:$/.test(b));
			expect(bold.filter((b) => !names.has(b))).toEqual([]);
			expect(note).toContain(`**${NOTIFY}**`);
			expect(note).not.toContain('agentiq_buyer_reviews');
			for (const table of Object.keys(TABLES)) expect(note).toContain(`\`${table}\``);
			for (const column of Object.values(TABLES).flat()) expect(note).toContain(`\`${column.name}\``);
		}
		expect(notes.join('\n')).toMatch(/replace that node with a Telegram, Slack or e-mail node/);
		expect(notes.join('\n')).toMatch(/замените этот узел узлом Telegram, Slack или e-mail/);
		expect(wf.nodes.find((n) => n.name === NOTIFY).type).toBe('n8n-nodes-base.noOp');
	});
});

describe.each(versionsUnderTest())('n8n %s: churn prevention in WB chats', (version) => {
	let sb;
	let n8n;

	beforeAll(async () => {
		await ensureN8n(version);
		sb = createSandbox({ seed: 'default' });
		await sb.start(0);
	}, 20 * 60 * 1000);

	afterAll(async () => {
		if (n8n) await n8n.stop();
		if (sb) await sb.stop();
	}, 90_000);

	it('answers returns and complaints inside WB flow, asks for the order once, links it, and alerts the manager with the buyer review', async () => {
		const { check } = require(path.join(dist, 'guardrails', 'index.js'));
		const recent = sb.state.wb.orders.filter((o) => Date.now() - o._createdMs < 20 * DAY);
		const orderR = recent[0];
		const orderQ = recent.find((o) => o.nmId !== orderR.nmId);
		expect(orderR && orderQ).toBeTruthy();
		// The buyer of chat R left a 1★ review of the ordered product two days ago, and the seller answered it before the
		// workflow was started: WB no longer lists it as unanswered, only as answered and in its archive. A 1★ review by
		// the same name on the same product 40 days ago is outside the window and must not be read.
		await control(sb, '/wb/feedbacks', {
			nmId: orderR.nmId,
			productValuation: 1,
			text: 'Порвалось сразу, больше не закажу',
			userName: 'Есения',
			createdDate: new Date(Date.now() - 40 * DAY).toISOString(),
		});
		const review = await control(sb, '/wb/feedbacks', {
			nmId: orderR.nmId,
			productValuation: 1,
			text: 'Сломался через день, очень разочарована',
			userName: 'Есения',
			createdDate: new Date(Date.now() - 2 * DAY - 3_600_000).toISOString(),
		});
		await wbFeedbacks(sb, 'POST', '/api/v1/feedbacks/answer', { id: review.id, text: 'Нам очень жаль! Оформите, пожалуйста, возврат в личном кабинете.' });

		n8n = await startN8n({ version, credentials: [wbSandboxCredential(sb.url)], workflows: [workflow()], publish: [] });
		const rows = await createTables(n8n);
		await n8n.activate(WORKFLOW_ID);

		// R: a chat opened from the order (WB attaches the order card), a defect and a threat to leave.
		const r1 = await control(sb, '/wb/chat-messages', {
			text: 'Здравствуйте! Товар пришёл с браком, не работает. Больше у вас не куплю, верните деньги',
			clientName: 'Есения',
			orderId: orderR.id,
		});
		const chatR = r1.chat.chatID;
		// Q: a quality complaint in a chat without an order; N: a question that is not this workflow's business.
		const q1 = await control(sb, '/wb/chat-messages', { text: 'Добрый день, качество ужасное: ткань тонкая и вся в катышках после первой стирки. Как оформить возврат?' });
		const chatQ = q1.chat.chatID;
		const n1 = await control(sb, '/wb/chat-messages', { text: 'Подскажите, есть ли этот товар в чёрном цвете?' });
		const chatN = n1.chat.chatID;

		await n8n.waitFor(
			async () => chatReplies(sb, chatR).length >= 1 && chatReplies(sb, chatQ).length >= 1 && (await nodeOutput(n8n, 'Other chat messages')).some((j) => j.chatId === chatN),
			{ timeoutMs: 120_000, what: 'replies in chats R and Q and chat N set aside' },
		);

		// R: the trigger read the order's rid from the first event's card, so the order was linked without asking.
		const found = (await nodeOutput(n8n, 'Link Order', 0)).filter((j) => j.chatId === chatR);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ orderNumber: orderR.rid, productId: String(orderR.nmId), orderLink: { outcome: 'found', source: 'chat' } });
		expect((await nodeOutput(n8n, 'Get order')).find((j) => j.chatId === chatR).orderFound).toBe(true);
		const [replyR] = chatReplies(sb, chatR);
		expect(replyR).toMatch(/личн\S* кабинет\S* Wildberries/);
		expect(replyR).not.toMatch(/напишите, пожалуйста, его номер/);

		// The buyer's review reached the draft's item and the manager.
		const matched = (await nodeOutput(n8n, 'Match buyer reviews')).find((j) => j.chatId === chatR).buyerReviews;
		expect(matched.matches[0]).toMatchObject({ reviewId: `wb:review:${review.id}`, rating: 1, daysBefore: 2 });
		expect(matched.matches[0].basis).toEqual(['product', 'time', 'name']);
		// Read from WB for R's product only, within the window, each review once.
		const read = (await nodeOutput(n8n, 'Reviews of this product')).filter((j) => j.id);
		expect(read.length).toBeGreaterThan(0);
		expect(read.every((j) => j.productId === String(orderR.nmId) || j.productId === String(orderQ.nmId))).toBe(true);
		const readR = read.filter((j) => j.productId === String(orderR.nmId));
		expect(new Set(readR.map((j) => j.id)).size).toBe(readR.length);
		expect(readR.find((j) => j.externalId === review.id)).toMatchObject({ answered: true, rating: 1, buyerName: 'Есения' });
		expect(readR.every((j) => Date.now() - Date.parse(j.createdAt) <= 31 * DAY)).toBe(true);
		expect(matched.summary.ru).toMatch(/^Вероятно, этот покупатель оставил отзыв 1★ на «.+» 2 дня назад \(уверенность 0,\d\d\)\.$/);
		const alerts = await nodeOutput(n8n, NOTIFY);
		const alertR = alerts.filter((j) => j.chatId === chatR);
		expect(alertR).toHaveLength(1);
		expect(alertR[0].alert.message).toContain(matched.summary.ru);
		// (the linked order's number: the FBS order id the rid belongs to)
		expect(alertR[0].alert.message).toContain(`заказ № ${orderR.id}`);
		expect(alertR[0].alert.reviewSummary).toBe(matched.summary.en);

		// Q: a solution plus the ask for the order number, in one message.
		const [replyQ] = chatReplies(sb, chatQ);
		expect(replyQ).toMatch(/личн\S* кабинет\S* Wildberries/);
		expect(replyQ).toMatch(/напишите, пожалуйста, его номер/);
		expect((await nodeOutput(n8n, 'Link Order', 1)).map((j) => j.chatId)).toEqual([chatQ]);

		// Q gives the number: off-topic by intent, but the chat was asked, so it is linked and answered with the order.
		await control(sb, '/wb/chat-messages', { chatID: chatQ, text: `Номер заказа ${orderQ.id}` });
		await n8n.waitFor(() => chatReplies(sb, chatQ).length >= 2, { timeoutMs: 90_000, what: 'the reply to the order number in Q' });
		expect(chatReplies(sb, chatQ)[1]).toContain(`№ ${orderQ.id}`);
		// The workflow stores the link right after sending; a buyer does not answer within those milliseconds.
		await n8n.waitFor(async () => (await rows('agentiq_chat_links')).some((r) => r.chatId === chatQ && r.orderNumber === String(orderQ.id)), {
			timeoutMs: 30_000,
			what: "Q's order number in agentiq_chat_links",
		});
		// Q complains again: the order is remembered and nobody asks twice.
		await control(sb, '/wb/chat-messages', { chatID: chatQ, text: 'Так как мне вернуть эту вещь? Очень недовольна качеством' });
		await n8n.waitFor(() => chatReplies(sb, chatQ).length >= 3, { timeoutMs: 90_000, what: 'the reply to the follow-up in Q' });
		expect(chatReplies(sb, chatQ)[2]).not.toMatch(/напишите, пожалуйста, его номер/);
		const routes = [];
		for (const k of [0, 1, 2, 3]) for (const j of await nodeOutput(n8n, 'Link Order', k)) if (j.chatId === chatQ) routes.push(k);
		expect(routes).toEqual([0, 1, 2]); // Found (the number), Ask (the complaint), Already Linked (the follow-up)
		expect((await nodeOutput(n8n, 'Link Order', 1)).map((j) => j.chatId)).toEqual([chatQ]);

		const links = await rows('agentiq_chat_links');
		expect(links.find((r) => r.chatId === chatR)).toMatchObject({ orderNumber: String(orderR.id), productId: String(orderR.nmId) });
		// Q's product is known once the order is: from the fetched order, then from the stored link.
		expect((await nodeOutput(n8n, 'Match buyer reviews')).filter((j) => j.chatId === chatQ).map((j) => j.productId)).toEqual(['', String(orderQ.nmId), String(orderQ.nmId)]);
		expect(links.find((r) => r.chatId === chatQ)).toMatchObject({ orderNumber: String(orderQ.id), productId: String(orderQ.nmId) });
		expect(links.find((r) => r.chatId === chatQ).askedAt).toBeTruthy();

		// One reply per in-scope buyer message, none for N; every reply clean by the guardrails.
		expect(countBy(sb.state.replies.filter((r) => r.kind === 'chatMessage').map((r) => r.targetId))).toEqual(new Map([[chatR, 1], [chatQ, 3]]));
		for (const text of sb.state.replies.map((r) => r.text)) expect([text, check(text, { marketplace: 'wb', channel: 'chat' }).violations]).toEqual([text, []]);
		expect(await nodeOutput(n8n, 'Blocked by guardrails')).toEqual([]);
		// The manager hears about R once, never about N.
		expect(countBy((await nodeOutput(n8n, NOTIFY)).map((j) => j.chatId)).get(chatR)).toBe(1);
		expect((await nodeOutput(n8n, NOTIFY)).some((j) => j.chatId === chatN)).toBe(false);
		const executions = await n8n.executions(WORKFLOW_ID);
		expect(executions.filter((e) => e.status !== 'success').map((e) => e.id)).toEqual([]);
	}, 12 * 60 * 1000);
});
