// `npm run --silent agentiq -- quality [--operation spikes|top|questions] [--now ISO] [--window-days 7]
//   [--threshold 0.3] [--min-reviews 10] [--floor 0.05] [--confidence 0.95|0.99|0.9|0.8|0] [--negative-rule sentimentOrRating|rating|sentiment]
//   [--max-rating 2] [--top 10] [--rank-by negative|share] [--min-questions 3] [--quotes 3] < reviews.jsonl`
// Reads every review and question line (Interactions, classified or not, or plain { productId, text, rating,
// createdAt }) and writes one line per alert (spikes), per ranked product (top) or per product's question topics
// (questions) — the same core and defaults as the AgentIQ Quality Alert node, streaming: memory grows with the
// number of products, not lines. No "once per period" memory here: every run reports every spike it sees.
// A line that cannot be read comes back as { line, error } and the rest still counts.
'use strict';
const path = require('path');

const compiled = path.join(__dirname, '..', '..', '..', 'dist', 'src', 'quality', 'index.js');

function number(options, name, fallback) {
	if (options[name] === undefined) return fallback;
	const n = Number(options[name]);
	if (!Number.isFinite(n)) throw new Error(`quality: --${name} must be a number (got ${JSON.stringify(options[name])})`);
	return n;
}

const OPERATIONS = ['spikes', 'top', 'questions'];

module.exports = {
	describe: 'product quality from a period of reviews and questions: spike alerts, top problem products, question topics',

	/** `core` is the compiled src/quality by default; tests pass the TypeScript source. */
	prepare(options, core) {
		if (!core) {
			try {
				core = require(compiled);
			} catch (e) {
				throw new Error(`quality: cannot load ${compiled} (run \`npm run build\` first): ${e.message}`);
			}
		}
		const operation = options.operation === undefined ? 'spikes' : options.operation;
		if (!OPERATIONS.includes(operation)) throw new Error(`quality: --operation must be one of ${OPERATIONS.join(', ')} (got ${JSON.stringify(operation)})`);
		const referenceTime = options.now === undefined ? Date.now() : new Date(options.now).getTime();
		if (!Number.isFinite(referenceTime)) throw new Error(`quality: --now must be an ISO date-time (got ${JSON.stringify(options.now)})`);
		const aggregator = new core.QualityAggregator({
			referenceTime,
			windowDays: number(options, 'window-days', 7),
			spike: {
				threshold: number(options, 'threshold', core.DEFAULT_SPIKE_OPTIONS.threshold),
				minReviews: number(options, 'min-reviews', core.DEFAULT_SPIKE_OPTIONS.minReviews),
				baselineFloor: number(options, 'floor', core.DEFAULT_SPIKE_OPTIONS.baselineFloor),
				confidence: number(options, 'confidence', core.DEFAULT_SPIKE_OPTIONS.confidence),
			},
			negative: {
				rule: options['negative-rule'] === undefined ? 'sentimentOrRating' : options['negative-rule'],
				maxRating: number(options, 'max-rating', 2),
			},
			quotesPerProduct: number(options, 'quotes', 3),
			quoteLength: 300,
		});
		if (!core.NEGATIVE_RULES.includes(aggregator.options.negative.rule)) {
			throw new Error(`quality: --negative-rule must be one of ${core.NEGATIVE_RULES.join(', ')}`);
		}
		return {
			core,
			aggregator,
			operation,
			top: number(options, 'top', 10),
			rankBy: options['rank-by'] === 'share' ? 'share' : 'negative',
			minQuestions: number(options, 'min-questions', 3),
		};
	},

	async processAll(lines, ctx, emit) {
		const { core, aggregator } = ctx;
		for await (const { lineNo, obj } of lines) {
			try {
				if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('expected a JSON object per line');
				// The item number in messages is the line number, so both numbers in an error line agree.
				aggregator.add(core.readQualityEvent(obj, lineNo));
			} catch (e) {
				emit({ line: lineNo, ...(obj && typeof obj.id === 'string' ? { id: obj.id } : {}), error: `line ${lineNo}: ${e.message}` });
			}
		}
		if (ctx.operation === 'spikes') for (const alert of aggregator.spikes()) emit(alert);
		else if (ctx.operation === 'top') {
			const period = aggregator.periodBounds();
			for (const p of aggregator.topProblemProducts(ctx.top, ctx.rankBy)) emit({ ...p, ...period });
		} else {
			const period = aggregator.periodBounds();
			for (const q of aggregator.questionTopics(ctx.minQuestions)) emit({ ...q, ...period });
		}
	},
};
