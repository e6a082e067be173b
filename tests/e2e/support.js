// Shared pieces of the real-n8n tests: sandbox credentials in n8n's import format and template loading.
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

function countBy(values) {
	const counts = new Map();
	for (const v of values) counts.set(v, (counts.get(v) || 0) + 1);
	return counts;
}

module.exports = { wbSandboxCredential, loadTemplate, countBy, REPO_ROOT };
