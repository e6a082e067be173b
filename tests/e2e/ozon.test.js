// Ozon end to end in a real n8n, against the sandbox. Two templates run published:
// - polling, "Ozon: reply to new reviews and chat messages" (Ozon Trigger → Ozon comment / chat reply): the backlog,
//   items arriving while faults are on, and items arriving around a restart each get exactly one answer;
// - push, "Ozon: answer chat messages pushed by Ozon" (Ozon Push Trigger → Ozon chat reply): the sandbox pushes
//   Ozon's notifications to the workflow's URL — the ping is answered in Ozon's format, every new message gets exactly
//   one run and one reply even when Ozon delivers it twice and the reply hits faults, and malformed bodies start no
//   execution.
'use strict';
const { createSandbox } = require('../sandbox/server');
const { CLIENTS } = require('../sandbox/ozon/clients');
const { ensureN8n } = require('./n8n-install');
const { startN8n, versionsUnderTest } = require('./n8n-harness');
const { loadTemplate, countBy } = require('./support');

const POLL_ID = 'agentiqOzonPolling01';
const PUSH_ID = 'agentiqOzonPush01';

function ozonSandboxCredential(sandboxUrl) {
	const c = CLIENTS.premium;
	return {
		id: 'agentiqOzonSandbox01',
		name: 'Ozon (sandbox)',
		type: 'ozonSellerApi',
		data: { clientId: c.clientId, apiKey: c.apiKey, customBaseUrl: true, baseUrl: `${sandboxUrl}/ozon/seller`, intervalMs: 50 },
	};
}

const replies = (sb, kind) => sb.state.replies.filter((r) => r.marketplace === 'ozon' && r.kind === kind);

function expectExactlyOnce(sb, kind, ids) {
	const counts = countBy(replies(sb, kind).map((r) => r.targetId));
	expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
	for (const id of ids) expect([id, counts.get(id)]).toEqual([id, 1]);
}

const answered = (sb, kind, ids) => () => ids.every((id) => replies(sb, kind).some((r) => r.targetId === id));

async function control(sb, path, body) {
	const res = await fetch(`${sb.url}/__control/ozon/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	const json = await res.json();
	if (res.status !== 200) throw new Error(`control ${path}: ${res.status} ${JSON.stringify(json)}`);
	return json;
}

describe.each(versionsUnderTest())('n8n %s: Ozon reviews and chats are answered exactly once (polling and push)', (version) => {
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

	it('polling, then push', async () => {
		const oz = sb.state.ozon;
		const backlogReviews = oz.reviews.filter((r) => r.status !== 'PROCESSED' && r.text.trim()).map((r) => r.id);
		const waitingChats = oz.chats
			.filter((c) => c.chat_type === 'BUYER_SELLER' && c.messages.some((m) => m.user.type === 'Customer' && !m.is_read))
			.map((c) => c.chat_id);
		expect(backlogReviews.length).toBeGreaterThan(5);
		expect(waitingChats.length).toBeGreaterThan(1);

		const pushWorkflow = loadTemplate('ozon-push-chat-reply.json', PUSH_ID);
		const webhookId = pushWorkflow.nodes.find((n) => n.type === 'n8n-nodes-agentiq.ozonPushTrigger').webhookId;
		n8n = await startN8n({
			version,
			credentials: [ozonSandboxCredential(sb.url)],
			workflows: [loadTemplate('ozon-reply-to-reviews-and-chats.json', POLL_ID), pushWorkflow],
			publish: [POLL_ID, PUSH_ID],
		});

		// 1. Polling: the backlog at activation.
		await n8n.waitFor(answered(sb, 'review', backlogReviews), { timeoutMs: 120_000, what: `comments on ${backlogReviews.length} reviews` });
		await n8n.waitFor(answered(sb, 'chat', waitingChats), { timeoutMs: 120_000, what: `replies in ${waitingChats.length} chats` });
		expectExactlyOnce(sb, 'review', backlogReviews);
		expectExactlyOnce(sb, 'chat', waitingChats);
		const processed = replies(sb, 'review').filter((r) => !backlogReviews.includes(r.targetId));
		expect(processed).toEqual([]);

		// 2. Polling under faults: 429, 5xx, a garbled receipt, a slow answer, duplicated pages.
		sb.setFaults({
			hosts: ['ozon'],
			seed: 11,
			rate5xx: 0.15,
			duplicatePages: true,
			script: [{ type: '429' }, { type: '500' }, { type: 'malformed' }, { type: 'slow', ms: 1500 }, { type: '503' }],
		});
		const newReviews = [];
		for (const text of ['Ткань тонкая, после стирки села', 'Отличный товар, спасибо', 'Пришёл с дефектом, разочарована']) {
			newReviews.push((await control(sb, 'reviews', { text, rating: text.includes('Отличный') ? 5 : 2 })).id);
		}
		const newChats = [];
		for (const text of ['Где мой заказ?', 'Подойдёт ли размер M на рост 170?']) newChats.push((await control(sb, 'chat-messages', { text })).chat_id);
		await n8n.waitFor(answered(sb, 'review', newReviews), { timeoutMs: 180_000, intervalMs: 2000, what: 'comments on reviews added under faults' });
		await n8n.waitFor(answered(sb, 'chat', newChats), { timeoutMs: 180_000, intervalMs: 2000, what: 'replies to chats opened under faults' });
		expect(sb.state.requests.filter((r) => r.marketplace === 'ozon' && r.fault).length).toBeGreaterThanOrEqual(5);
		expectExactlyOnce(sb, 'review', [...backlogReviews, ...newReviews]);
		expectExactlyOnce(sb, 'chat', [...waitingChats, ...newChats]);

		// 3. A restart: the cursors live in the workflow's static data.
		sb.setFaults({});
		const aroundRestart = (await control(sb, 'reviews', { text: 'Очень понравилось, спасибо!', rating: 5 })).id;
		const chatAroundRestart = (await control(sb, 'chat-messages', { text: 'Можно поменять адрес доставки?' })).chat_id;
		await n8n.restart();
		await n8n.waitFor(answered(sb, 'review', [aroundRestart]), { timeoutMs: 180_000, intervalMs: 2000, what: 'a comment after the restart' });
		await n8n.waitFor(answered(sb, 'chat', [chatAroundRestart]), { timeoutMs: 180_000, intervalMs: 2000, what: 'a chat reply after the restart' });
		expectExactlyOnce(sb, 'review', [...backlogReviews, ...newReviews, aroundRestart]);
		expectExactlyOnce(sb, 'chat', [...waitingChats, ...newChats, chatAroundRestart]);

		// 4. Push. The polling workflow is switched off first: each workflow answers once, so two would answer twice.
		await n8n.deactivate(POLL_ID);
		await control(sb, 'push', { url: n8n.webhookUrl(`${webhookId}/ozon`), duplicate: true });
		const ping = await control(sb, 'push-send', {});
		expect(ping).toMatchObject({ status: 200, problem: null, body: { name: expect.any(String), version: expect.any(String) } });

		sb.setFaults({ hosts: ['ozon'], script: [{ type: '429' }, { type: '502' }, { type: 'malformed', path: '/v1/chat/send/message' }] });
		const pushedChats = [];
		for (const text of ['Здравствуйте, заказ пришёл не тот', 'Когда будет доставка?', 'Товар пришёл без инструкции']) {
			const sent = await control(sb, 'chat-messages', { text, order_number: oz.postings[pushedChats.length].order_number });
			expect(sent.deliveries.map((d) => [d.status, d.problem])).toEqual([[200, null], [200, null]]);
			pushedChats.push(sent.chat_id);
		}
		await n8n.waitFor(answered(sb, 'chat', pushedChats), { timeoutMs: 120_000, intervalMs: 1000, what: 'replies to pushed messages' });
		// Ozon delivered each notification twice: the repeat is acknowledged without a second run.
		await n8n.waitFor(async () => (await n8n.executions(PUSH_ID)).filter((e) => e.finished || e.status === 'success').length >= 3, {
			timeoutMs: 120_000,
			intervalMs: 1000,
			what: 'one finished run per pushed message',
		});
		await new Promise((r) => setTimeout(r, 3000));
		const pushRuns = await n8n.executions(PUSH_ID);
		expect(pushRuns.map((e) => e.status)).toEqual(['success', 'success', 'success']);
		expectExactlyOnce(sb, 'chat', [...waitingChats, ...newChats, chatAroundRestart, ...pushedChats]);
		const pushedReply = replies(sb, 'chat').find((r) => r.targetId === pushedChats[0]);
		expect(pushedReply.text).toContain(oz.postings[0].order_number);

		// 5. Malformed notifications are refused in Ozon's error shape and start nothing.
		sb.setFaults({});
		const before = (await n8n.executions(PUSH_ID)).length;
		const missing = await control(sb, 'push-send', { body: { message_type: 'TYPE_NEW_MESSAGE', chat_id: 'x' } });
		expect(missing).toMatchObject({ status: 400, problem: null, body: { error: { code: 'ERROR_PARAMETER_VALUE_MISSED' } } });
		const broken = await control(sb, 'push-send', { body: '{"message_type": "TYPE_NEW_MES' });
		expect(broken.status).toBeGreaterThanOrEqual(400);
		const other = await control(sb, 'push-send', { body: { message_type: 'TYPE_CHAT_CLOSED', chat_id: 'x', chat_type: 'Buyer_Seller', user: { id: '1', type: 'Customer' }, seller_id: '100001' } });
		expect(other).toMatchObject({ status: 200, problem: null, body: { result: true } });
		await new Promise((r) => setTimeout(r, 3000));
		expect((await n8n.executions(PUSH_ID)).length).toBe(before);
	}, 15 * 60 * 1000);
});
