// `npm run --silent agentiq -- guard < drafts.jsonl`: runs the guardrails on seller reply drafts.
// Input line: { text, marketplace, channel, recentReplies?, buyerText?, maxLength?, similarityThreshold? }.
// Output: the same line plus `guardrails: { ok, violations: [{ rule, excerpt, start, end, message }] }`.
'use strict';
const path = require('path');

const compiled = path.join(__dirname, '..', '..', '..', 'dist', 'src', 'guardrails', 'check.js');

module.exports = {
	describe: 'check seller reply drafts against the guardrail rules (adds `guardrails`)',
	prepare(options) {
		let check;
		try {
			({ check } = require(compiled));
		} catch (e) {
			throw new Error(`guard: cannot load ${compiled} (run \`npm run build\` first): ${e.message}`);
		}
		return { check, options };
	},
	processLine(obj, { check }) {
		if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('expected a JSON object per line');
		const ctx = {
			marketplace: obj.marketplace,
			channel: obj.channel,
			buyerText: obj.buyerText,
			recentReplies: obj.recentReplies,
			maxLength: obj.maxLength,
			similarityThreshold: obj.similarityThreshold,
		};
		return { ...obj, guardrails: check(obj.text, ctx) };
	},
};
