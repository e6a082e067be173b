// `npm run --silent agentiq -- draft [--tone formal|empathetic|friendly|ab] [--kind template|ask-order-number|five-star-upsell|size-answer] [--recent N] < interactions.jsonl`
// Adds `draft: { text, source, tone, templateId, variant, channel, guardrails }` to each Interaction-like line
// (needs `channel` and `text`; `id`, `marketplace` (default wb), `rating`, `productName`, `buyerName`,
// `orderNumber`, `classification`, `product`, `order`, `signature`, `relatedProducts`, `promoCode`, `kind`,
// `tone` are used when present). Without `classification` the line is classified offline first.
// `--tone ab` picks a tone per item from its id (a stable A/B split); a line's own `tone` wins over the option.
// `--recent N` passes the last N drafts of the run as recent replies, the way a seller's history would be.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const dist = path.join(__dirname, '..', '..', '..', 'dist', 'src');
const TONES = ['formal', 'empathetic', 'friendly'];
const KINDS = ['template', 'ask-order-number', 'five-star-upsell', 'size-answer'];

function load(file, what) {
	try {
		return require(path.join(dist, file));
	} catch (e) {
		throw new Error(`draft: cannot load ${what} from dist/src/${file} (run \`npm run build\` first): ${e.message}`);
	}
}

module.exports = {
	describe: 'draft replies from the offline templates (adds `draft` with guardrails); --tone formal|empathetic|friendly|ab, --kind, --recent N',

	prepare(options) {
		const tone = options.tone === undefined || options.tone === true ? 'formal' : String(options.tone);
		if (tone !== 'ab' && !TONES.includes(tone)) throw new Error(`draft: --tone must be one of ${TONES.join(', ')} or ab (got ${tone})`);
		const kind = options.kind === undefined || options.kind === true ? 'template' : String(options.kind);
		if (!KINDS.includes(kind)) throw new Error(`draft: --kind must be one of ${KINDS.join(', ')} (got ${kind})`);
		const recent = options.recent === undefined ? 0 : Number(options.recent);
		if (!Number.isInteger(recent) || recent < 0) throw new Error(`draft: --recent must be a whole number (got ${options.recent})`);
		const drafts = load('draft/index.js', 'the drafter');
		const { classifyText } = load('classify/index.js', 'the classifier');
		const guardFile = path.join(dist, 'guardrails', 'check.js');
		const check = fs.existsSync(guardFile) ? load('guardrails/check.js', 'the guardrails').check : null;
		return { drafts, classifyText, check, tone, kind, recent, history: [] };
	},

	processLine(obj, ctx) {
		if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('expected a JSON object per line');
		const item = obj.id !== undefined ? `item ${obj.id}` : 'item';
		if (typeof obj.text !== 'string') throw new Error(`${item}: field "text" must be a string`);
		if (!['review', 'question', 'chat'].includes(obj.channel)) {
			throw new Error(`${item}: field "channel" must be review, question or chat (got ${JSON.stringify(obj.channel)})`);
		}
		const marketplace = obj.marketplace === undefined ? 'wb' : obj.marketplace;
		const id =
			obj.id !== undefined && obj.id !== null && String(obj.id) !== ''
				? String(obj.id)
				: `${marketplace}:${obj.channel}:${crypto.createHash('sha1').update(obj.text).digest('hex').slice(0, 12)}`;
		const rating = obj.rating === null || obj.rating === undefined || obj.rating === '' ? undefined : Number(obj.rating);
		let classification = obj.classification;
		if (!classification || typeof classification !== 'object') {
			const c = ctx.classifyText({ text: obj.text, channel: obj.channel, rating, marketplace, history: Array.isArray(obj.history) ? obj.history : undefined });
			classification = { intent: c.intent, emotion: c.emotion, sentiment: c.sentiment, signals: c.signals };
		}
		const lineTone = typeof obj.tone === 'string' ? obj.tone : ctx.tone;
		const tone = lineTone === 'ab' ? ctx.drafts.chooseTone(id) : lineTone;
		const opt = (v) => (v === null || v === undefined ? undefined : v);
		const input = {
			interaction: {
				id,
				marketplace,
				channel: obj.channel,
				text: obj.text,
				rating,
				productName: opt(obj.productName),
				buyerName: opt(obj.buyerName),
				orderNumber: opt(obj.orderNumber),
			},
			classification: {
				intent: classification.intent,
				emotion: classification.emotion,
				sentiment: classification.sentiment,
				signals: classification.signals || undefined,
			},
			tone,
			product: opt(obj.product),
			order: opt(obj.order),
			signature: opt(obj.signature),
			maxLength: opt(obj.maxLength),
			recentReplies: ctx.recent > 0 ? ctx.history.slice(-ctx.recent) : undefined,
		};
		const kind = typeof obj.kind === 'string' ? obj.kind : ctx.kind;
		let draft;
		switch (kind) {
			case 'template':
				draft = ctx.drafts.draftFromTemplate(input);
				break;
			case 'ask-order-number':
				draft = ctx.drafts.askOrderNumberDraft(input);
				break;
			case 'five-star-upsell':
				draft = ctx.drafts.fiveStarUpsellDraft({ ...input, relatedProducts: obj.relatedProducts, promoCode: opt(obj.promoCode) });
				break;
			case 'size-answer':
				draft = ctx.drafts.sizeAnswerDraft(input);
				break;
			default:
				throw new Error(`${item}: field "kind" must be one of ${KINDS.join(', ')} (got ${JSON.stringify(kind)})`);
		}
		if (ctx.recent > 0) ctx.history.push(draft.text);
		const guardrails = ctx.check
			? ctx.check(draft.text, { marketplace, channel: draft.channel, buyerText: obj.text, recentReplies: input.recentReplies })
			: null;
		return { ...obj, classification, draft: { ...draft, guardrails } };
	},
};
