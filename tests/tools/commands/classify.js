// `npm run --silent agentiq -- classify [--rules DIR] < interactions.jsonl`
// Adds `classification` ({intent, emotion, sentiment, confidence, signals, engine}) to each Interaction-like
// line (needs `channel` and `text`; `rating`, `marketplace`, `history` are used when present).
// `--rules DIR` is accepted for the rules engine to come and ignored for now.
'use strict';
const path = require('path');

const dist = path.join(__dirname, '..', '..', '..', 'dist', 'src', 'classify', 'classifier.js');

module.exports = {
	describe: 'classify buyer texts offline (adds `classification`); --rules DIR accepted, not used yet',

	prepare(options) {
		const { classifyText } = require(dist);
		return { classifyText, rules: typeof options.rules === 'string' ? options.rules : null };
	},

	processLine(obj, ctx) {
		if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
			throw new Error('expected a JSON object per line');
		}
		const item = obj.id !== undefined ? `item ${obj.id}` : 'item';
		if (typeof obj.text !== 'string') throw new Error(`${item}: field "text" must be a string`);
		if (!['review', 'question', 'chat'].includes(obj.channel)) {
			throw new Error(`${item}: field "channel" must be review, question or chat (got ${JSON.stringify(obj.channel)})`);
		}
		const rating = obj.rating === null || obj.rating === undefined || obj.rating === '' ? undefined : Number(obj.rating);
		let result;
		try {
			result = ctx.classifyText({
				text: obj.text,
				channel: obj.channel,
				rating,
				marketplace: obj.marketplace,
				history: Array.isArray(obj.history) ? obj.history : undefined,
			});
		} catch (e) {
			throw new Error(`${item}: ${e.message}`);
		}
		const { intent, emotion, sentiment, confidence, signals, engine } = result;
		return { ...obj, classification: { intent, emotion, sentiment, confidence, signals, engine } };
	},
};
