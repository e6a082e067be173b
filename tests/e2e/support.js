// Shared pieces of the real-n8n tests: sandbox credentials in n8n's import format, template loading, sandbox control,
// reply keys per marketplace and channel, and reading items out of executions.
'use strict';
const fs = require('fs');
const path = require('path');
const { TOKENS } = require('../sandbox/server');

const REPO_ROOT = path.join(__dirname, '..', '..');

/** A `wildberriesApi` credential (n8n import:credentials shape) pointing at a running sandbox. */
function wbSandboxCredential(sandboxUrl, { id = 'agentiqWbSandbox01', name = 'Wildberries (sandbox)', token = TOKENS.all, intervalMs = 100 } = {}) {
	return {
		id,
		name,
		type: 'wildberriesApi',
		data: {
			token,
			perCategory: false,
			customBaseUrls: true,
			feedbacksBaseUrl: `${sandboxUrl}/wb/feedbacks`,
			chatBaseUrl: `${sandboxUrl}/wb/chat`,
			marketplaceBaseUrl: `${sandboxUrl}/wb/marketplace`,
			statisticsBaseUrl: `${sandboxUrl}/wb/statistics`,
			contentBaseUrl: `${sandboxUrl}/wb/content`,
			cardBaseUrl: `${sandboxUrl}/wb/basket`,
			feedbacksIntervalMs: intervalMs,
			otherIntervalMs: intervalMs,
		},
	};
}

/** A template from workflows/, with a fixed id so the test can publish it. */
function loadTemplate(file, id) {
	const workflow = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'));
	return { ...workflow, id, active: false };
}

/** An `ozonSellerApi` credential pointing at a running sandbox (its premium client). */
function ozonSandboxCredential(sandboxUrl, { id = 'agentiqOzonSandbox01', name = 'Ozon (sandbox)' } = {}) {
	const c = require('../sandbox/ozon/clients').CLIENTS.premium;
	return { id, name, type: 'ozonSellerApi', data: { clientId: c.clientId, apiKey: c.apiKey, customBaseUrl: true, baseUrl: `${sandboxUrl}/ozon/seller`, intervalMs: 50 } };
}

/** A `yandexMarketApi` credential pointing at a running sandbox. */
function ymSandboxCredential(sandboxUrl, { id = 'agentiqYmSandbox01', name = 'Yandex Market (sandbox)' } = {}) {
	const ym = require('../sandbox/ym');
	return {
		id,
		name,
		type: 'yandexMarketApi',
		data: { apiKey: ym.tokens.all, businessId: String(ym.businessId), campaignId: '', customBaseUrl: true, baseUrl: `${sandboxUrl}/ym/api`, minIntervalMs: 50 },
	};
}

/** A sandbox control call (adds Ozon / Yandex Market items); throws on a non-200 answer. */
async function sandboxControl(sb, route, body = {}) {
	const res = await fetch(`${sb.url}/__control/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	const json = await res.json();
	if (res.status !== 200) throw new Error(`control ${route}: ${res.status} ${JSON.stringify(json)}`);
	return json;
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
const CHANNEL_OF_KIND = Object.fromEntries(Object.entries(REPLY_KIND).map(([k, kind]) => [`${k.split(':')[0]}:${kind}`, k.split(':')[1]]));

/** The key the sandbox logs a reply to an Interaction under (the chat for chat messages, else the item). */
const replyTarget = (item) => `${item.marketplace}:${REPLY_KIND[`${item.marketplace}:${item.channel}`]}:${item.channel === 'chat' ? item.chatId : item.externalId}`;
/** The same key for a reply the sandbox recorded, and the channel it was sent on. */
const replyKey = (r) => `${r.marketplace}:${r.kind}:${r.targetId}`;
const replyChannel = (r) => CHANNEL_OF_KIND[`${r.marketplace}:${r.kind}`];

/** Items (json) that node `name` put on `output` in any run of any of the executions. */
function itemsOf(executions, name, output = 0) {
	const out = [];
	for (const e of executions) {
		const runs = (e.data && e.data.resultData && e.data.resultData.runData && e.data.resultData.runData[name]) || [];
		for (const run of runs) for (const item of (run.data && run.data.main && run.data.main[output]) || []) out.push(item.json);
	}
	return out;
}

function countBy(values) {
	const counts = new Map();
	for (const v of values) counts.set(v, (counts.get(v) || 0) + 1);
	return counts;
}

module.exports = {
	wbSandboxCredential,
	ozonSandboxCredential,
	ymSandboxCredential,
	sandboxControl,
	REPLY_KIND,
	replyTarget,
	replyKey,
	replyChannel,
	itemsOf,
	loadTemplate,
	countBy,
	REPO_ROOT,
};
