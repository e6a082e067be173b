// What `npm run demo` does with each template in workflows/: publish it or only import it, and why. Several templates
// answer the same buyer messages in different ways; publishing two of them would answer a review, question or chat
// twice, so the published set has exactly one answering workflow per marketplace and kind of message. The e2e test
// (tests/e2e/demo.test.js) checks that every template has a decision here and that the published ones never overlap.
'use strict';
const fs = require('fs');
const path = require('path');
const { CLIENTS } = require('../sandbox/ozon/clients');
const ym = require('../sandbox/ym');
const { TOKENS } = require('../sandbox/server');

const WORKFLOWS_DIR = path.join(__dirname, '..', '..', 'workflows');

// file → { publish, why, tables? }. `tables`: n8n Data Tables the workflow reads and writes (created before it is
// published, with the columns its sticky note lists).
const PLAN = {
	'wb-reviews-classify-draft-reply.json': { publish: true, why: 'answers new WB reviews: Classify → Draft → Guard → reply (auto route; the rest waits for approval)' },
	'wb-question-answer.json': { publish: true, why: 'answers new WB questions from the product card, size questions included' },
	'wb-churn-prevention-chat.json': {
		publish: true,
		why: 'answers WB chat messages about returns and complaints, asks for and links the order number',
		tables: {
			agentiq_chat_links: ['chatId', 'askedAt', 'orderNumber', 'linkedAt', 'productName', 'size', 'orderStatus', 'productId'],
		},
	},
	'wb-analytics-dashboard.json': { publish: true, why: 'serves the analytics dashboard (a webhook); answers nobody' },
	'wb-product-quality-alert.json': { publish: true, why: 'daily at 09:00 looks for products with a spike of bad reviews; answers nobody' },
	'ozon-reply-to-reviews-and-chats.json': { publish: true, why: 'answers new Ozon reviews and buyer chat messages (polling)' },
	'ym-reply-to-reviews-questions-chats.json': { publish: true, why: 'answers new Yandex Market reviews, questions and chat messages (polling)' },

	'wb-reply-to-reviews.json': { publish: false, why: 'the basic example: one text to every review — the WB reviews are already answered by "classify, draft, guard, reply"' },
	'wb-negative-review-rescue.json': { publish: false, why: 'its 1–2★ reviews are already answered by "classify, draft, guard, reply"' },
	'wb-sizing-faq.json': { publish: false, why: 'size questions are already answered by "question → answer"; use it instead when only size questions should be automatic' },
	'wb-order-number-linking.json': { publish: false, why: 'answers the same WB chats as "churn prevention", which links order numbers too' },
	'wb-five-star-upsell.json': { publish: false, why: 'needs your related articles and promo code before it can run (it sends nothing to WB itself)' },
	'ozon-push-chat-reply.json': { publish: false, why: 'answers the same Ozon chats as the polling workflow; needs the push URL set in the Ozon seller portal' },
	'ym-push-reply.json': { publish: false, why: 'answers the same Market reviews and chats as the polling workflow; needs the push URL set in the Market cabinet' },
	'unified-inbox.json': { publish: false, why: 'answers everything on all three marketplaces, like the published workflows above: publish it instead of them, not with them' },
};

/** Every template in workflows/ with a fixed id and its plan entry; a template without a decision is an error. */
function templates(dir = WORKFLOWS_DIR) {
	const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
	const missing = files.filter((f) => !PLAN[f]);
	if (missing.length) throw new Error(`tests/demo/plan.js has no decision for ${missing.join(', ')}: add publish/why for each`);
	return files.map((file, k) => {
		const wf = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		return { workflow: { ...wf, id: `agentiqDemo${String(k + 1).padStart(2, '0')}`, active: false }, file, ...PLAN[file] };
	});
}

// The nodes that send something to a buyer: node type → resource/operation → the kind of message answered.
const SENDERS = {
	'n8n-nodes-agentiq.wildberries': { marketplace: 'wb', ops: { 'review/reply': 'review', 'question/answer': 'question', 'chat/sendMessage': 'chat' } },
	'n8n-nodes-agentiq.ozon': { marketplace: 'ozon', ops: { 'review/comment': 'review', 'question/answer': 'question', 'chat/sendMessage': 'chat' } },
	'n8n-nodes-agentiq.yandexMarket': { marketplace: 'ym', ops: { 'feedback/comment': 'review', 'question/answer': 'question', 'chat/sendMessage': 'chat' } },
};

/** What a workflow answers: ['wb review', 'ozon chat', …]. */
function answers(workflow) {
	const out = new Set();
	for (const node of workflow.nodes) {
		const sender = SENDERS[node.type];
		const p = node.parameters || {};
		const kind = sender && sender.ops[`${p.resource}/${p.operation}`];
		if (kind) out.add(`${sender.marketplace} ${kind}`);
	}
	return [...out].sort();
}

/** Credentials (n8n import shape) for all three marketplaces, pointing at a running sandbox. */
function sandboxCredentials(sandboxUrl) {
	const wb = `${sandboxUrl}/wb`;
	const oz = CLIENTS.premium;
	return [
		{
			id: 'agentiqWbSandbox01',
			name: 'Wildberries (sandbox)',
			type: 'wildberriesApi',
			data: {
				token: TOKENS.all,
				perCategory: false,
				customBaseUrls: true,
				feedbacksBaseUrl: `${wb}/feedbacks`,
				chatBaseUrl: `${wb}/chat`,
				marketplaceBaseUrl: `${wb}/marketplace`,
				statisticsBaseUrl: `${wb}/statistics`,
				contentBaseUrl: `${wb}/content`,
				cardBaseUrl: `${wb}/basket`,
				feedbacksIntervalMs: 300,
				otherIntervalMs: 300,
			},
		},
		{
			id: 'agentiqOzonSandbox01',
			name: 'Ozon (sandbox)',
			type: 'ozonSellerApi',
			data: { clientId: oz.clientId, apiKey: oz.apiKey, customBaseUrl: true, baseUrl: `${sandboxUrl}/ozon/seller`, intervalMs: 100 },
		},
		{
			id: 'agentiqYmSandbox01',
			name: 'Yandex Market (sandbox)',
			type: 'yandexMarketApi',
			data: { apiKey: ym.tokens.all, businessId: String(ym.businessId), campaignId: '', customBaseUrl: true, baseUrl: `${sandboxUrl}/ym/api`, minIntervalMs: 300 },
		},
	];
}

module.exports = { PLAN, templates, answers, sandboxCredentials, WORKFLOWS_DIR };
