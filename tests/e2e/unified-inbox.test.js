// The unified inbox template (workflows/unified-inbox.json) in a real n8n against the sandbox, all three marketplaces
// at once: the template is imported as shipped, published, and judged by what the sandbox received and by what n8n's
// executions carried on each branch.
//   - the backlog plus items added here (a 5★ thank-you, an angry defect and a pre-purchase question on WB, Ozon and
//     Yandex Market, one of them near its SLA) are read by the nine triggers into one Classify;
//   - the marketplaces received a reply for exactly the auto-route items that passed the Guard, through the right
//     marketplace and channel, once each, every text clean by the guardrails of its marketplace and channel;
//   - approval and escalation get drafts and nothing is sent; the SLA alarm gets exactly the waiting items due within
//     10 minutes;
//   - a second poll round (re-activation) answers only the new item on each marketplace, never an old one again.
'use strict';
const path = require('path');
const { createSandbox } = require('../sandbox/server');
const { CLIENTS } = require('../sandbox/ozon/clients');
const ymSandbox = require('../sandbox/ym');
const { ensureN8n } = require('./n8n-install');
const { startN8n, versionsUnderTest } = require('./n8n-harness');
const { wbSandboxCredential, loadTemplate, countBy, REPO_ROOT } = require('./support');

const ID = 'agentiqTplInbox01';
const PACKAGE_DIR = process.env.AGENTIQ_PACKAGE_DIR || REPO_ROOT;
const { check } = require(path.join(PACKAGE_DIR, 'dist', 'src', 'guardrails', 'index.js'));

function ozonSandboxCredential(sandboxUrl) {
	const c = CLIENTS.premium;
	return {
		id: 'agentiqOzonSandbox01',
		name: 'Ozon (sandbox)',
		type: 'ozonSellerApi',
		data: { clientId: c.clientId, apiKey: c.apiKey, customBaseUrl: true, baseUrl: `${sandboxUrl}/ozon/seller`, intervalMs: 50 },
	};
}

function ymSandboxCredential(sandboxUrl) {
	return {
		id: 'agentiqYmSandbox01',
		name: 'Yandex Market (sandbox)',
		type: 'yandexMarketApi',
		data: { apiKey: ymSandbox.tokens.all, businessId: String(ymSandbox.businessId), campaignId: '', customBaseUrl: true, baseUrl: `${sandboxUrl}/ym/api`, minIntervalMs: 50 },
	};
}

/** The sandbox's reply kinds per marketplace and channel (first publication only, never edits). */
const REPLY_KIND = {
	'wb:review': 'feedbackAnswer',
	'wb:question': 'questionAnswer',
	'wb:chat': 'chatMessage',
	'ozon:review': 'review',
	'ozon:question': 'question',
	'ozon:chat': 'chat',
	'ym:review': 'review-comment',
	'ym:question': 'question-answer',
	'ym:chat': 'chat-message',
};

/** What the sandbox logs as the reply's target for an Interaction: the chat for chat messages, else the item. */
const target = (item) => `${item.marketplace}:${REPLY_KIND[`${item.marketplace}:${item.channel}`]}:${item.channel === 'chat' ? item.chatId : item.externalId}`;
const replyKey = (r) => `${r.marketplace}:${r.kind}:${r.targetId}`;
const CHANNEL_OF_KIND = Object.fromEntries(Object.entries(REPLY_KIND).map(([k, kind]) => [`${k.split(':')[0]}:${kind}`, k.split(':')[1]]));

/** Items (json) that node `name` put on `output` in any run of any of the executions. */
function itemsOf(executions, name, output = 0) {
	const out = [];
	for (const e of executions) {
		const runs = (e.data && e.data.resultData && e.data.resultData.runData && e.data.resultData.runData[name]) || [];
		for (const run of runs) for (const item of (run.data && run.data.main && run.data.main[output]) || []) out.push(item.json);
	}
	return out;
}

async function control(sb, route, body = {}) {
	const res = await fetch(`${sb.url}/__control/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	const json = await res.json();
	if (res.status !== 200) throw new Error(`control ${route}: ${res.status} ${JSON.stringify(json)}`);
	return json;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(versionsUnderTest())('n8n %s: the unified inbox template (WB + Ozon + Yandex Market)', (version) => {
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

	/** Every execution has ended and no new one started for 8 s; returns them with data. */
	async function quiet(min) {
		let last = -1;
		let stableSince = 0;
		await n8n.waitFor(
			async () => {
				const all = await n8n.executions(ID);
				const ended = all.length >= min && all.every((e) => ['success', 'error', 'crashed'].includes(e.status));
				if (!ended || all.length !== last) {
					last = all.length;
					stableSince = Date.now();
					return false;
				}
				return Date.now() - stableSince >= 8000;
			},
			{ timeoutMs: 240_000, intervalMs: 1000, what: 'the executions of the unified inbox to end' },
		);
		const all = await n8n.executions(ID, { includeData: true });
		for (const e of all) expect([e.id, e.status]).toEqual([e.id, 'success']);
		return all;
	}

	it('classifies all three marketplaces on one path, replies once through the right node, drafts the rest, alarms on SLA', async () => {
		const now = Date.now();
		const eightMinutesAgo = now - 8 * 60_000;
		// Auto route by the default rules: thank-you reviews on 4–5★.
		const thanks = {
			wb: sb.addFeedback({ text: 'Отличный товар, спасибо! Всё понравилось', productValuation: 5, nmId: 203344871 }).id,
			ozon: (await control(sb, 'ozon/reviews', { text: 'Отличный товар, спасибо! Всё понравилось', rating: 5 })).id,
			ym: String((await control(sb, 'ym/feedbacks', { text: 'Отличный товар, спасибо! Всё понравилось', rating: 5 })).feedback.feedbackId),
		};
		// Escalation: a defect with anger.
		const angryText = 'Брак! Молния сломалась сразу, это обман, верните деньги!!!';
		const angry = {
			wb: sb.addFeedback({ text: angryText, productValuation: 1, nmId: 199540712 }).id,
			ozon: (await control(sb, 'ozon/reviews', { text: angryText, rating: 1 })).id,
			ym: String((await control(sb, 'ym/feedbacks', { text: angryText, rating: 1 })).feedback.feedbackId),
		};
		// A pre-purchase question (15-minute SLA) asked 8 minutes ago: due within 10 minutes, so the alarm fires.
		const dueSoon = {
			wb: sb.addQuestion({ text: 'Это оригинал?', nmId: 232117845, createdDate: new Date(eightMinutesAgo).toISOString() }).id,
			ozon: (await control(sb, 'ozon/questions', { text: 'Это оригинал?' })).id,
			ym: String((await control(sb, 'ym/questions', { text: 'Это оригинал?' })).question.questionIdentifiers.id),
		};
		sb.state.ozon.questions.find((q) => q.id === dueSoon.ozon)._publishedMs = eightMinutesAgo;
		sb.state.ym.questions.find((q) => String(q.questionIdentifiers.id) === dueSoon.ym).createdAt = new Date(eightMinutesAgo).toISOString();
		const wbChat = sb.addChatMessage({ text: 'Здравствуйте! Подскажите, когда придёт заказ?' });

		n8n = await startN8n({
			version,
			credentials: [wbSandboxCredential(sb.url), ozonSandboxCredential(sb.url), ymSandboxCredential(sb.url)],
			workflows: [loadTemplate('unified-inbox.json', ID)],
			publish: [ID],
		});
		const thanksKeys = [`wb:feedbackAnswer:${thanks.wb}`, `ozon:review:${thanks.ozon}`, `ym:review-comment:${thanks.ym}`];
		await n8n.waitFor(() => thanksKeys.every((k) => sb.state.replies.some((r) => replyKey(r) === k)), {
			timeoutMs: 180_000,
			intervalMs: 1000,
			what: 'replies to the thank-you reviews on WB, Ozon and Yandex Market',
		});
		let executions = await quiet(1);
		const startedAt = Math.min(...executions.map((e) => Date.parse(e.startedAt)));

		// One path: Classify saw items of all nine marketplace/channel pairs, each on exactly one route.
		const routed = [0, 1, 2, 3].map((o) => itemsOf(executions, 'Classify', o));
		const seen = routed.flat();
		expect(new Set(seen.map((i) => `${i.marketplace}:${i.channel}`))).toEqual(new Set(Object.keys(REPLY_KIND)));
		expect([...countBy(seen.map((i) => i.id))].filter(([, n]) => n > 1)).toEqual([]);
		const routeOf = (mp, channel, externalId) => routed.findIndex((items) => items.some((i) => i.marketplace === mp && i.channel === channel && i.externalId === String(externalId)));
		for (const mp of ['wb', 'ozon', 'ym']) {
			expect([mp, 'thanks', routeOf(mp, 'review', thanks[mp])]).toEqual([mp, 'thanks', 0]);
			expect([mp, 'angry', routeOf(mp, 'review', angry[mp])]).toEqual([mp, 'angry', 2]);
			expect([mp, 'due soon', routeOf(mp, 'question', dueSoon[mp])]).toEqual([mp, 'due soon', 1]);
		}
		expect(seen.some((i) => i.marketplace === 'wb' && i.channel === 'chat' && i.chatId === wbChat.chat.chatID)).toBe(true);

		// The marketplaces received exactly the replies for the Guard-passed auto items, via the right node, once each.
		const passed = itemsOf(executions, 'Guard', 0);
		expect(passed.length).toBeGreaterThanOrEqual(3);
		expect(countBy(sb.state.replies.map(replyKey))).toEqual(countBy(passed.map(target)));
		for (const [mp, channel, node] of [
			['wb', 'review', 'Reply to WB review'],
			['ozon', 'review', 'Comment on Ozon review'],
			['ym', 'review', 'Comment on YM review'],
		]) {
			const through = itemsOf(executions, node).map((i) => i.externalId ?? i.reviewId ?? i.feedbackId);
			expect([node, through.length]).toEqual([node, passed.filter((i) => i.marketplace === mp && i.channel === channel).length]);
		}
		for (const r of sb.state.replies) {
			const channel = CHANNEL_OF_KIND[`${r.marketplace}:${r.kind}`];
			expect([replyKey(r), check(r.text, { marketplace: r.marketplace, channel }).violations]).toEqual([replyKey(r), []]);
		}
		const replied = new Set(sb.state.replies.map(replyKey));
		for (const mp of ['wb', 'ozon', 'ym']) {
			expect(replied.has(`${mp}:${REPLY_KIND[`${mp}:review`]}:${angry[mp]}`)).toBe(false);
			expect(replied.has(`${mp}:${REPLY_KIND[`${mp}:question`]}:${dueSoon[mp]}`)).toBe(false);
		}

		// Approval and escalation: a clean draft for each, nothing sent.
		const waiting = [...itemsOf(executions, 'Needs approval (connect your channel)'), ...itemsOf(executions, 'Escalate to a manager (connect your channel)')];
		const escalated = itemsOf(executions, 'Escalate to a manager (connect your channel)');
		expect(escalated.map((i) => i.id).sort()).toEqual(routed[2].map((i) => i.id).sort());
		for (const item of [...itemsOf(executions, 'Draft for approval'), ...escalated]) expect([item.id, item.draft.guardrails.ok]).toEqual([item.id, true]);
		expect(waiting.filter((i) => replied.has(target(i)))).toEqual([]);

		// The SLA alarm: exactly the waiting items due within 10 minutes of the run (the margin itself is not judged).
		const alarmed = itemsOf(executions, 'SLA alarm (connect your channel)').map((i) => i.id);
		expect([...countBy(alarmed)].filter(([, n]) => n > 1)).toEqual([]);
		for (const mp of ['wb', 'ozon', 'ym']) expect(alarmed).toContain(`${mp}:question:${dueSoon[mp]}`);
		for (const item of waiting) {
			const minutesLeft = (Date.parse(item.classification.dueAt) - startedAt) / 60_000;
			if (Math.abs(minutesLeft - 10) < 1.5) continue;
			expect([item.id, minutesLeft <= 10]).toEqual([item.id, alarmed.includes(item.id)]);
		}

		// The next poll round answers only what is new, on each marketplace, and nothing twice.
		const before = sb.state.replies.length;
		const executionsBefore = executions.length;
		const later = {
			wb: sb.addFeedback({ text: 'Спасибо, всё отлично, качество супер!', productValuation: 5, nmId: 121998450 }).id,
			ozon: (await control(sb, 'ozon/reviews', { text: 'Спасибо, всё отлично, качество супер!', rating: 5 })).id,
			ym: String((await control(sb, 'ym/feedbacks', { text: 'Спасибо, всё отлично, качество супер!', rating: 5 })).feedback.feedbackId),
		};
		await n8n.deactivate(ID);
		await sleep(1000);
		await n8n.activate(ID);
		const laterKeys = [`wb:feedbackAnswer:${later.wb}`, `ozon:review:${later.ozon}`, `ym:review-comment:${later.ym}`];
		await n8n.waitFor(() => laterKeys.every((k) => sb.state.replies.some((r) => replyKey(r) === k)), {
			timeoutMs: 180_000,
			intervalMs: 1000,
			what: 'replies to the reviews added later',
		});
		executions = await quiet(executionsBefore + 1);
		expect(sb.state.replies.slice(before).map(replyKey).sort()).toEqual([...laterKeys].sort());
		expect([...countBy(sb.state.replies.map(replyKey))].filter(([, n]) => n > 1)).toEqual([]);
		await n8n.deactivate(ID);
	}, 12 * 60 * 1000);
});
