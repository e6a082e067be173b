import { makeDoc, type Doc, type Finding } from './doc';
import { REPLY_LIMITS } from './limits';
import { normalizeText, originalSpan } from './normalize';
import { Scanner } from './patternSet';
import { AI_MENTION_PATTERNS } from './rules/aiMention';
import { BLAME_PATTERNS } from './rules/blame';
import { DISMISSIVE_PATTERNS } from './rules/dismissive';
import { checkEmail } from './rules/email';
import { JARGON_PATTERNS } from './rules/jargon';
import { LEGAL_PATTERNS } from './rules/legal';
import { checkLength } from './rules/length';
import { checkLink } from './rules/link';
import { MESSENGER_PATTERNS } from './rules/messenger';
import { OFF_PLATFORM_PATTERNS } from './rules/offPlatform';
import { checkPhone } from './rules/phone';
import { PROMISE_PATTERNS } from './rules/promise';
import { checkRepetition, DEFAULT_SIMILARITY_THRESHOLD } from './rules/repetition';
import { GUARDRAIL_RULES, type GuardrailContext, type GuardrailResult, type GuardrailViolation } from './types';

// Every rule runs on every reply and reports every span it finds: a draft is only as safe as its worst sentence,
// and the caller (Draft node, route) decides what to do with the list. Nothing is rewritten here.

// Rules recognised by the shape of characters (addresses, numbers) scan the text themselves.
const SHAPE_RULES: Array<(doc: Doc) => Finding[]> = [checkLink, checkPhone, checkEmail];
// Rules made of word patterns share one pass over the reply.
const WORD_RULES = new Scanner([
	MESSENGER_PATTERNS,
	...OFF_PLATFORM_PATTERNS,
	PROMISE_PATTERNS,
	BLAME_PATTERNS,
	DISMISSIVE_PATTERNS,
	LEGAL_PATTERNS,
	JARGON_PATTERNS,
	AI_MENTION_PATTERNS,
]);

const RULE_ORDER = new Map<string, number>(GUARDRAIL_RULES.map((r, i) => [r, i]));
const EXCERPT_MAX = 120;

function validate(text: unknown, ctx: unknown): asserts ctx is GuardrailContext {
	if (typeof text !== 'string') throw new TypeError(`guardrails: "text" must be a string, got ${typeof text}`);
	if (!ctx || typeof ctx !== 'object') throw new TypeError('guardrails: "ctx" must be an object with marketplace and channel');
	const c = ctx as Record<string, unknown>;
	// The limits table lists every marketplace and channel of the taxonomy; reading it keeps this module free of the
	// schema library at run time.
	if (typeof c.marketplace !== 'string' || !Object.prototype.hasOwnProperty.call(REPLY_LIMITS, c.marketplace)) {
		throw new TypeError(`guardrails: "marketplace" must be one of ${Object.keys(REPLY_LIMITS).join(', ')}, got ${JSON.stringify(c.marketplace)}`);
	}
	const channels = REPLY_LIMITS[c.marketplace as keyof typeof REPLY_LIMITS];
	if (typeof c.channel !== 'string' || !Object.prototype.hasOwnProperty.call(channels, c.channel)) {
		throw new TypeError(`guardrails: "channel" must be one of ${Object.keys(channels).join(', ')}, got ${JSON.stringify(c.channel)}`);
	}
	if (c.buyerText !== undefined && c.buyerText !== null && typeof c.buyerText !== 'string') {
		throw new TypeError('guardrails: "buyerText" must be a string');
	}
	if (c.recentReplies !== undefined && c.recentReplies !== null) {
		if (!Array.isArray(c.recentReplies)) throw new TypeError('guardrails: "recentReplies" must be an array of strings');
		c.recentReplies.forEach((r, i) => {
			if (typeof r !== 'string') throw new TypeError(`guardrails: "recentReplies[${i}]" must be a string, got ${typeof r}`);
		});
	}
	if (c.maxLength !== undefined && c.maxLength !== null && !(Number.isInteger(c.maxLength) && (c.maxLength as number) > 0)) {
		throw new TypeError(`guardrails: "maxLength" must be a positive integer, got ${JSON.stringify(c.maxLength)}`);
	}
	const t = c.similarityThreshold;
	if (t !== undefined && t !== null && !(typeof t === 'number' && t > 0 && t <= 1)) {
		throw new TypeError(`guardrails: "similarityThreshold" must be a number in (0, 1], got ${JSON.stringify(t)}`);
	}
}

/** The domain of an e-mail address ("name собака mail.ru") is part of the address, not a separate link. */
function withoutEmailDomains(findings: Finding[]): Finding[] {
	const emails = findings.filter((f) => f.rule === 'email');
	if (emails.length === 0) return findings;
	return findings.filter((f) => f.rule !== 'link' || !emails.some((e) => f.start >= e.start && f.end <= e.end));
}

/** Findings of one rule that overlap ("www" and "www.site.ru") become one span covering both. */
function mergeOverlaps(findings: Finding[]): Finding[] {
	const sorted = [...findings].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.start - b.start || b.end - a.end));
	const out: Finding[] = [];
	for (const f of sorted) {
		const last = out[out.length - 1];
		if (last && last.rule === f.rule && f.start < last.end) last.end = Math.max(last.end, f.end);
		else out.push({ ...f });
	}
	return out;
}

/**
 * Checks a seller's reply draft against the product's guardrail rules (taxonomy.md). `ok` is true only when no
 * rule fires. Offsets point into `text` as given.
 */
export function check(text: string, ctx: GuardrailContext): GuardrailResult {
	validate(text, ctx);
	const limit = REPLY_LIMITS[ctx.marketplace][ctx.channel];
	const violations: GuardrailViolation[] = checkLength(text, {
		min: limit.min,
		max: ctx.maxLength ?? limit.max,
	});
	if (text.trim().length > 0) {
		const norm = normalizeText(text);
		const buyer = ctx.buyerText ? normalizeText(ctx.buyerText).text : '';
		const doc = makeDoc(norm, ctx.marketplace, ctx.channel, buyer);
		const findings: Finding[] = [];
		// A loop, not push(...list): a text full of links can give more findings than one call may take arguments.
		for (const rule of SHAPE_RULES) for (const finding of rule(doc)) findings.push(finding);
		WORD_RULES.scan(doc, findings);
		for (const f of mergeOverlaps(withoutEmailDomains(findings))) {
			const [start, end] = originalSpan(norm, f.start, f.end);
			const raw = text.slice(start, end);
			violations.push({
				rule: f.rule,
				excerpt: raw.length > EXCERPT_MAX ? `${raw.slice(0, EXCERPT_MAX - 1)}…` : raw,
				start,
				end,
				message: f.message,
			});
		}
		if (ctx.recentReplies && ctx.recentReplies.length > 0) {
			violations.push(...checkRepetition(text, ctx.recentReplies, ctx.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD));
		}
	}
	violations.sort((a, b) => a.start - b.start || (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0) || a.end - b.end);
	return { ok: violations.length === 0, violations };
}
