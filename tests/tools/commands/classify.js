// `npm run --silent agentiq -- classify [--rules DIR] [--now ISO] [--timezone Europe/Moscow] < interactions.jsonl`
// Adds the full `classification` (intent, emotion, sentiment, confidence, signals, priority, slaMinutes, dueAt,
// route, tags, engine) to each Interaction-like line: `channel` and `text` are required, `rating` for reviews,
// `marketplace`, `history`, `createdAt`, `product` are used when present. Same core and the same default rules as
// the AgentIQ Classify node; `--rules DIR` reads sla.json and routing.json from DIR instead, so a team can try a
// rule change on exported data before they change a workflow.
'use strict';
const fs = require('fs');
const path = require('path');

const dist = path.join(__dirname, '..', '..', '..', 'dist', 'src');

function readRules(dir, file, validate) {
	const full = path.join(dir, file);
	if (!fs.existsSync(full)) throw new Error(`--rules: ${full} not found`);
	return validate(fs.readFileSync(full, 'utf8'));
}

module.exports = {
	describe: 'classify buyer texts offline and apply the SLA and routing rules (adds `classification`)',

	prepare(options) {
		const { classifyText } = require(path.join(dist, 'classify', 'index.js'));
		const rules = require(path.join(dist, 'rules', 'index.js'));
		const { decide } = require(path.join(dist, 'classification.js'));
		const dir = typeof options.rules === 'string' ? path.resolve(options.rules) : null;
		return {
			classifyText,
			decide,
			rules: {
				sla: dir ? readRules(dir, 'sla.json', rules.validateSlaRules) : rules.DEFAULT_SLA_RULES,
				routing: dir ? readRules(dir, 'routing.json', rules.validateRoutingRules) : rules.DEFAULT_ROUTING_RULES,
			},
			now: typeof options.now === 'string' ? new Date(options.now) : new Date(),
			factsOptions: typeof options.timezone === 'string' ? { timezone: options.timezone } : undefined,
		};
	},

	processLine(obj, ctx) {
		if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('expected a JSON object per line');
		const item = obj.id !== undefined ? `item ${obj.id}` : 'item';
		if (typeof obj.text !== 'string') throw new Error(`${item}: field "text" must be a string`);
		if (!['review', 'question', 'chat'].includes(obj.channel)) {
			throw new Error(`${item}: field "channel" must be review, question or chat (got ${JSON.stringify(obj.channel)})`);
		}
		const rating = obj.rating === null || obj.rating === undefined || obj.rating === '' ? undefined : Number(obj.rating);
		try {
			const labels = ctx.classifyText({
				text: obj.text,
				channel: obj.channel,
				rating,
				marketplace: obj.marketplace,
				history: Array.isArray(obj.history) ? obj.history : undefined,
			});
			delete labels.evidence;
			const classification = ctx.decide({ ...obj, rating }, labels, ctx.rules, ctx.now, ctx.factsOptions);
			return { ...obj, classification };
		} catch (e) {
			throw new Error(`${item}: ${e.message}`);
		}
	},
};
