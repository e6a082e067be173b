// Yandex Market end to end in a real n8n, against the sandbox. Two templates run published:
// - polling, "Yandex Market: reply to new reviews, questions and chat messages" (three Yandex Market Triggers → the
//   Yandex Market node): the backlog, items arriving while faults are on, and items arriving around a restart each
//   get exactly one comment, answer or chat reply;
// - push, "Yandex Market: answer reviews and chat messages pushed by Market" (Yandex Market Push Trigger → IF →
//   the Yandex Market node): the sandbox sends Market's notifications to the workflow's URL + /notification. PING is
//   answered in Market's format; each notification, though delivered twice, starts exactly one execution and gets
//   exactly one reply, also with faults on; malformed bodies are refused with Market's error shape and start nothing.
'use strict';
const { createSandbox } = require('../sandbox/server');
const ymSandbox = require('../sandbox/ym');
const { ensureN8n } = require('./n8n-install');
const { startN8n, versionsUnderTest } = require('./n8n-harness');
const { loadTemplate, countBy } = require('./support');

const POLL_ID = 'agentiqYmPolling01';
const PUSH_ID = 'agentiqYmPush01';

function ymSandboxCredential(sandboxUrl) {
	return {
		id: 'agentiqYmSandbox01',
		name: 'Yandex Market (sandbox)',
		type: 'yandexMarketApi',
		data: { apiKey: ymSandbox.tokens.all, businessId: String(ymSandbox.businessId), campaignId: '', customBaseUrl: true, baseUrl: `${sandboxUrl}/ym/api`, minIntervalMs: 50 },
	};
}

const replies = (sb, kind) => sb.state.replies.filter((r) => r.marketplace === 'ym' && r.kind === kind);

/** Each id got exactly `times` replies of the kind (1 by default). */
function expectReplies(sb, kind, ids, times = 1) {
	const counts = countBy(replies(sb, kind).map((r) => r.targetId));
	for (const id of ids) expect([kind, id, counts.get(String(id))]).toEqual([kind, id, times]);
}

function expectNoDoubles(sb, kind, allowed = new Map()) {
	const counts = countBy(replies(sb, kind).map((r) => r.targetId));
	expect([...counts].filter(([id, n]) => n > (allowed.get(id) || 1))).toEqual([]);
}

const answered = (sb, kind, ids, times = 1) => () => ids.every((id) => replies(sb, kind).filter((r) => r.targetId === String(id)).length >= times);

/** waitFor with a diagnosis on time-out: what is missing, and how the workflows' executions ended. */
async function waitReplies(n8n, sb, kind, ids, { timeoutMs, intervalMs = 1000, what }) {
	try {
		await n8n.waitFor(answered(sb, kind, ids), { timeoutMs, intervalMs, what });
	} catch (error) {
		const missing = ids.filter((id) => !replies(sb, kind).some((r) => r.targetId === String(id)));
		const runs = [];
		for (const id of [POLL_ID, PUSH_ID]) {
			for (const e of await n8n.executions(id, { includeData: true }).catch(() => [])) {
				const err = e.data && e.data.resultData && e.data.resultData.error;
				runs.push(`${id}#${e.id} ${e.status}${err ? `: ${err.message}` : ''}`);
			}
		}
		const ymRequests = sb.state.requests.filter((r) => r.marketplace === 'ym').slice(-15).map((r) => `${r.method} ${r.path} ${r.status}${r.fault ? ` (${r.fault})` : ''}`);
		error.message += `\nmissing ${kind} for ${missing.join(', ')}\nexecutions:\n${runs.join('\n')}\nlast Market requests:\n${ymRequests.join('\n')}`;
		throw error;
	}
}

async function control(sb, path, body = {}) {
	const res = await fetch(`${sb.url}/__control/ym/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	const json = await res.json();
	if (res.status !== 200) throw new Error(`control ${path}: ${res.status} ${JSON.stringify(json)}`);
	return json;
}

const hasText = (f) => [f.description.comment, f.description.advantages, f.description.disadvantages].some((t) => t && t.trim());

describe.each(versionsUnderTest())('n8n %s: Yandex Market reviews, questions and chats are answered exactly once (polling and push)', (version) => {
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
		const ym = sb.state.ym;
		const backlogReviews = ym.feedbacks.filter((f) => f.needReaction && hasText(f)).map((f) => String(f.feedbackId));
		const answeredIds = new Set(ym.answers.map((a) => a.questionId));
		const backlogQuestions = ym.questions.filter((q) => !answeredIds.has(q.questionIdentifiers.id)).map((q) => String(q.questionIdentifiers.id));
		const waitingChats = ym.chats.filter((c) => c.status === 'WAITING_FOR_PARTNER').map((c) => String(c.chatId));
		const answeredChat = ym.chats.find((c) => c.status === 'WAITING_FOR_CUSTOMER');
		expect(backlogReviews.length).toBeGreaterThan(5);
		expect(backlogQuestions.length).toBeGreaterThan(2);
		expect(waitingChats.length).toBeGreaterThan(1);

		const pushWorkflow = loadTemplate('ym-push-reply.json', PUSH_ID);
		const webhookId = pushWorkflow.nodes.find((n) => n.type === 'n8n-nodes-agentiq.yandexMarketPushTrigger').webhookId;
		n8n = await startN8n({
			version,
			credentials: [ymSandboxCredential(sb.url)],
			workflows: [loadTemplate('ym-reply-to-reviews-questions-chats.json', POLL_ID), pushWorkflow],
			publish: [POLL_ID],
		});

		// 0. The credential's test in n8n: a one-item feedback read with the key and the business id.
		const credential = ymSandboxCredential(sb.url);
		const tested = async (data) => {
			const r = await n8n.rest('POST', '/rest/credentials/test', { credentials: { id: credential.id, name: credential.name, type: credential.type, data } });
			return (r.json && (r.json.data || r.json)) || r.text;
		};
		expect(await tested(credential.data)).toMatchObject({ status: 'OK' });
		expect(await tested({ ...credential.data, apiKey: 'wrong-key' })).toMatchObject({ status: 'Error' });
		expect(await tested({ ...credential.data, businessId: '999' })).toMatchObject({ status: 'Error' });

		// 1. Polling: the backlog at activation.
		await waitReplies(n8n, sb, 'review-comment', backlogReviews, { timeoutMs: 120_000, what: `comments on ${backlogReviews.length} reviews` });
		await waitReplies(n8n, sb, 'question-answer', backlogQuestions, { timeoutMs: 120_000, what: `answers to ${backlogQuestions.length} questions` });
		await waitReplies(n8n, sb, 'chat-message', waitingChats, { timeoutMs: 120_000, what: `replies in ${waitingChats.length} chats` });
		expectReplies(sb, 'review-comment', backlogReviews);
		expectReplies(sb, 'question-answer', backlogQuestions);
		expectReplies(sb, 'chat-message', waitingChats);
		expect(replies(sb, 'review-comment').filter((r) => !backlogReviews.includes(r.targetId))).toEqual([]);
		expect(replies(sb, 'review-comment')[0].text).toMatch(/Спасибо/);

		// 2. Polling under faults: 420s, 5xx, a garbled receipt, a slow answer, duplicated pages.
		sb.setFaults({
			hosts: ['ym/api'],
			seed: 5,
			rate5xx: 0.15,
			duplicatePages: true,
			script: [{ type: '429' }, { type: '500' }, { type: 'malformed' }, { type: 'slow', ms: 1500 }, { type: '503' }, { type: 'malformed', path: `/v2/businesses/${ymSandbox.businessId}/chats/message` }],
		});
		const newReviews = [];
		for (const [text, rating] of [['Ткань тонкая, после стирки села', 2], ['Отличный товар, спасибо', 5], ['Пришёл с дефектом', 1]]) {
			newReviews.push(String((await control(sb, 'feedbacks', { text, rating })).feedback.feedbackId));
		}
		const newQuestions = [];
		for (const text of ['Подойдёт к кофеварке Bosch?', 'Есть ли гарантия?']) newQuestions.push(String((await control(sb, 'questions', { text })).question.questionIdentifiers.id));
		const newChats = [];
		for (const text of ['Где мой заказ?', 'Подойдёт ли размер M на рост 170?']) newChats.push(String((await control(sb, 'chat-messages', { text })).chat.chatId));
		await control(sb, 'chat-messages', { chatId: answeredChat.chatId, text: 'А можно ещё вопрос: есть ли чек?' });
		await waitReplies(n8n, sb, 'review-comment', newReviews, { timeoutMs: 180_000, intervalMs: 2000, what: 'comments on reviews added under faults' });
		await waitReplies(n8n, sb, 'question-answer', newQuestions, { timeoutMs: 180_000, intervalMs: 2000, what: 'answers to questions added under faults' });
		await waitReplies(n8n, sb, 'chat-message', [...newChats, answeredChat.chatId], { timeoutMs: 180_000, intervalMs: 2000, what: 'replies to chat messages added under faults' });
		expect(sb.state.requests.filter((r) => r.marketplace === 'ym' && r.fault).length).toBeGreaterThanOrEqual(5);
		expectReplies(sb, 'review-comment', [...backlogReviews, ...newReviews]);
		expectReplies(sb, 'question-answer', [...backlogQuestions, ...newQuestions]);
		expectReplies(sb, 'chat-message', [...waitingChats, ...newChats, String(answeredChat.chatId)]);

		// 3. A restart: the cursors live in the workflow's static data.
		sb.setFaults({});
		const aroundRestart = String((await control(sb, 'feedbacks', { text: 'Очень понравилось, спасибо!', rating: 5 })).feedback.feedbackId);
		const chatAroundRestart = String((await control(sb, 'chat-messages', { text: 'Можно поменять адрес доставки?' })).chat.chatId);
		await n8n.restart();
		await waitReplies(n8n, sb, 'review-comment', [aroundRestart], { timeoutMs: 180_000, intervalMs: 2000, what: 'a comment after the restart' });
		await waitReplies(n8n, sb, 'chat-message', [chatAroundRestart], { timeoutMs: 180_000, intervalMs: 2000, what: 'a chat reply after the restart' });
		expectReplies(sb, 'review-comment', [...backlogReviews, ...newReviews, aroundRestart]);
		expectReplies(sb, 'chat-message', [...waitingChats, ...newChats, String(answeredChat.chatId), chatAroundRestart]);
		expectNoDoubles(sb, 'question-answer');

		// 4. Push. Polling is switched off first: each workflow answers once, so two workflows would answer twice.
		await n8n.deactivate(POLL_ID);
		await n8n.activate(PUSH_ID);
		// Market calls <URL>/notification; the URL set in the cabinet is the trigger's URL without "/notification".
		await control(sb, 'push', { url: n8n.webhookUrl(webhookId), duplicate: true });
		const ping = await control(sb, 'push-send', {});
		expect(ping).toMatchObject({ status: 200, problem: null, body: { version: expect.any(String), name: 'AgentIQ for n8n', time: expect.any(String) } });

		sb.setFaults({ hosts: ['ym/api'], script: [{ type: '429' }, { type: '502' }, { type: 'malformed', path: `/v2/businesses/${ymSandbox.businessId}/goods-feedback/comments/update` }] });
		const pushedReviews = [];
		for (const [text, rating] of [['Пришло быстро, всё работает', 5], ['Коробка мятая, товар поцарапан', 2]]) {
			const sent = await control(sb, 'feedbacks', { text, rating });
			expect(sent.push.map((d) => [d.status, d.problem])).toEqual([[200, null], [200, null]]);
			pushedReviews.push(String(sent.feedback.feedbackId));
		}
		const pushedChats = [];
		for (const text of ['Здравствуйте, пришёл не тот цвет', 'Когда будет доставка?']) {
			const sent = await control(sb, 'chat-messages', { text });
			// CHAT_CREATED (not a selected event) and CHAT_MESSAGE_SENT, each delivered twice
			expect(sent.push.map((d) => [d.notification.notificationType, d.status, d.problem])).toEqual([
				['CHAT_CREATED', 200, null],
				['CHAT_CREATED', 200, null],
				['CHAT_MESSAGE_SENT', 200, null],
				['CHAT_MESSAGE_SENT', 200, null],
			]);
			pushedChats.push(String(sent.chat.chatId));
		}
		await waitReplies(n8n, sb, 'review-comment', pushedReviews, { timeoutMs: 120_000, intervalMs: 1000, what: 'comments on pushed reviews' });
		await waitReplies(n8n, sb, 'chat-message', pushedChats, { timeoutMs: 120_000, intervalMs: 1000, what: 'replies to pushed messages' });
		// Exactly-once intake: four events, each delivered twice, started four executions.
		await n8n.waitFor(async () => (await n8n.executions(PUSH_ID)).filter((e) => e.finished || e.status === 'success').length >= 4, {
			timeoutMs: 60_000,
			intervalMs: 1000,
			what: 'the four push executions',
		});
		await new Promise((r) => setTimeout(r, 3000));
		expect((await n8n.executions(PUSH_ID)).length).toBe(4);
		expectReplies(sb, 'review-comment', [...backlogReviews, ...newReviews, aroundRestart, ...pushedReviews]);
		expectReplies(sb, 'chat-message', [...waitingChats, ...newChats, String(answeredChat.chatId), chatAroundRestart, ...pushedChats]);

		// 5. Malformed notifications are refused in Market's error shape and start nothing.
		sb.setFaults({});
		const before = (await n8n.executions(PUSH_ID)).length;
		const missing = await control(sb, 'push-send', { body: { notificationType: 'CHAT_MESSAGE_SENT', chatId: 1 } });
		expect(missing).toMatchObject({ status: 400, problem: null, body: { error: { type: 'WRONG_EVENT_FORMAT', message: expect.stringContaining('messageId') } } });
		const unknown = await control(sb, 'push-send', { body: { notificationType: 'NEW_FEEDBACK' } });
		expect(unknown).toMatchObject({ status: 400, problem: null, body: { error: { type: 'WRONG_EVENT_FORMAT' } } });
		const broken = await control(sb, 'push-send', { body: '{"notificationType": "GOODS_FEEDB' });
		expect(broken.status).toBeGreaterThanOrEqual(400);
		const order = await control(sb, 'push-send', { body: { notificationType: 'ORDER_CREATED', orderId: 1, campaignId: 1, items: [], createdAt: '2026-11-20T10:00:00Z' } });
		expect(order).toMatchObject({ status: 200, problem: null });
		await new Promise((r) => setTimeout(r, 3000));
		expect((await n8n.executions(PUSH_ID)).length).toBe(before);
	}, 15 * 60 * 1000);
});
