// Reads the cue matches of one text into weighted evidence: intent scores, polarity, emotion scores and
// signals, after negation, hearsay, minimisers and the other context rules.

import type { CueEffect, CueIntent, Modifier } from './cue';
import type { CueIndex, CueMatch } from './matcher';
import { isNegated } from './negation';
import type { NormalizedText } from './normalize';
import type { SurfaceCues } from './surface';
import type { ClassifyChannel, Intent } from './types';
import { PROBLEM_INTENTS } from './types';

export interface Evidence {
	scores: Map<CueIntent, number>;
	/** Sum of praise and of complaint, both positive numbers. */
	positive: number;
	negative: number;
	/** Strongest single praise / complaint cue: "clear" praise or complaint in the taxonomy's sense. */
	strongestPositive: number;
	strongestNegative: number;
	angry: number;
	frustrated: number;
	happy: number;
	/** The part of `happy` that only comes from thanking. */
	gratitude: number;
	churn: boolean;
	ordered: boolean;
	notYetOrdered: boolean;
	beaten: Set<Intent>;
	/** Every token is a greeting or politeness word. */
	greetingOnly: boolean;
	/** Every token is a greeting or an acknowledgement ("ок", "понятно, спасибо"). */
	ackOnly: boolean;
	labels: string[];
	/** Matches that counted, for explainability. */
	used: number;
}

const PROBLEMS = new Set<CueIntent>(PROBLEM_INTENTS);

const DEFAULT_NEGATED = (cue: CueEffect): CueEffect => ({
	s: cue.s === undefined ? undefined : cue.s > 0 ? -0.8 * cue.s : -0.6 * cue.s,
});

export function collectEvidence(
	index: CueIndex,
	text: NormalizedText,
	surface: SurfaceCues,
	channel: ClassifyChannel,
): Evidence {
	const { tokens, sentences } = text;
	const ev: Evidence = {
		scores: new Map(),
		positive: 0,
		negative: 0,
		strongestPositive: 0,
		strongestNegative: 0,
		angry: 0,
		frustrated: 0,
		happy: 0,
		gratitude: 0,
		churn: false,
		ordered: false,
		notYetOrdered: false,
		beaten: new Set(),
		greetingOnly: false,
		ackOnly: false,
		labels: [],
		used: 0,
	};
	const matches = index.match(tokens);
	const context = readContext(matches, text);
	ev.ordered = context.has('ordered');
	ev.notYetOrdered = context.has('notYetOrdered');
	ev.greetingOnly = tokens.length > 0 && context.greetingTokens >= tokens.length;
	ev.ackOnly = tokens.length > 0 && context.greetingOrAckTokens >= tokens.length;

	const applicable = matches.filter((m) => {
		const cue = m.cue.cue;
		if (cue.mod !== undefined) return false;
		const sentenceIndex = tokens[m.start].sentence;
		const sentence = sentences[sentenceIndex];
		if (cue.only === 'q') return sentence.question || channel === 'question' || startsAsQuestion(text, sentenceIndex);
		if (cue.only === 'st') return !sentence.question;
		return true;
	});
	const negatedMatches = new Set<CueMatch>();
	for (const m of applicable) {
		const cue = m.cue.cue;
		if (!m.cue.hasNegator && cue.neg !== 'keep' && (isNegated(tokens, m.start, m.end) || negatorInside(tokens, m))) {
			negatedMatches.add(m);
		}
		else if (cue.beats && !(cue.i && PROBLEMS.has(cue.i) && context.hearsayClauses.has(tokens[m.start].clause))) {
			for (const b of cue.beats) ev.beaten.add(b);
		}
	}
	const kept = dropContained(applicable);
	const seen = new Map<object, number>();
	for (const m of kept) {
		const cue = m.cue.cue;
		const t = tokens[m.start];
		const sentence = sentences[t.sentence];
		const negated = negatedMatches.has(m);
		const effect: CueEffect = negated ? (typeof cue.neg === 'object' ? cue.neg : DEFAULT_NEGATED(cue)) : cue;
		let w = effect.w ?? (effect.i ? 1 : 0);
		let s = effect.s ?? 0;
		let ew = effect.e ? (effect.ew ?? 1) : 0;

		// Repeats of one cue add little: "рвутся… рвутся" is one complaint.
		const repeat = seen.get(cue) ?? 0;
		if (w > 0 || s !== 0 || ew > 0) seen.set(cue, repeat + 1);
		if (repeat > 0) {
			w *= 0.3;
			s *= 0.3;
			ew *= 0.5;
		}

		const problem = effect.i !== undefined && PROBLEMS.has(effect.i);
		if (context.hearsayClauses.has(t.clause) && !context.hearsayWithin(m.start, m.end)) {
			if (problem) w *= 0.25;
			s *= 0.25;
			if (effect.e === 'frustrated' || effect.e === 'angry') ew *= 0.25;
		}
		if (effect.i === 'wrong_item' && context.selfMistakeSentences.has(t.sentence)) {
			w = 0;
			s = 0;
		}
		if (s < 0 && context.minimizeAt(m.start)) {
			s *= 0.4;
			w *= 0.85;
		}
		if (s < 0 && problem && context.dismissSentences.has(t.sentence)) {
			s *= 0.3;
			w *= 0.8;
		}
		if (context.pastClauses.has(t.clause)) {
			if (s > 0) s *= 0.2;
			if (effect.e === 'happy') ew = 0;
			if (effect.i === 'thanks') w *= 0.3;
		}
		if (s > 0 && context.hedgeClauses.has(t.clause)) s *= 0.5;
		// Evaluation words inside a question are mostly the property asked about ("нужен лёгкий", "не
		// маркая?"); on a product card even statements are part of the question.
		if (!effect.e) {
			if (channel === 'question') s *= 0.3;
			else if (sentence.question && s > 0) s *= 0.3;
			if (sentence.question && effect.i === 'thanks') w *= 0.3;
		}
		// On a product card, "пахнет?" or "линяет?" asks about a property; it is not a complaint.
		if (effect.i === 'quality_complaint' && channel === 'question' && sentence.question) w *= 0.3;

		if (effect.i && w > 0) ev.scores.set(effect.i, (ev.scores.get(effect.i) ?? 0) + w);
		if (s > 0) {
			ev.positive += s;
			ev.strongestPositive = Math.max(ev.strongestPositive, s);
		} else if (s < 0) {
			ev.negative -= s;
			ev.strongestNegative = Math.max(ev.strongestNegative, -s);
		}
		if (effect.e === 'angry') ev.angry += ew;
		else if (effect.e === 'frustrated') ev.frustrated += ew;
		else if (effect.e === 'happy') {
			ev.happy += ew;
			if (effect.gratitude) ev.gratitude += ew;
		}
		if (effect.churn && !negated) ev.churn = true;
		if (w > 0 || s !== 0 || ew > 0) {
			ev.used++;
			if (ev.labels.length < 12) {
				const tag = effect.i ?? effect.e ?? (s > 0 ? 'praise' : 'complaint');
				const words = tokens
					.slice(m.start, m.end + 1)
					.map((tok) => tok.norm)
					.join(' ');
				ev.labels.push(`${tag}:${negated ? '(negated) ' : ''}${words}`);
			}
		}
	}
	addSurface(ev, surface, tokens.length);
	addDismayWords(ev, text);
	return ev;
}

interface Context {
	has(m: Modifier): boolean;
	hearsayClauses: Set<number>;
	/** The hearsay word is part of this very cue ("накрученные отзывы", "надеялась"). */
	hearsayWithin(start: number, end: number): boolean;
	selfMistakeSentences: Set<number>;
	dismissSentences: Set<number>;
	pastClauses: Set<number>;
	hedgeClauses: Set<number>;
	minimizeAt(tokenIndex: number): boolean;
	greetingTokens: number;
	greetingOrAckTokens: number;
}

function readContext(matches: readonly CueMatch[], text: NormalizedText): Context {
	const { tokens } = text;
	const found = new Set<Modifier>();
	const hearsayClauses = new Set<number>();
	const hearsaySpans: Array<[number, number]> = [];
	const selfMistakeSentences = new Set<number>();
	const dismissSentences = new Set<number>();
	const pastClauses = new Set<number>();
	const hedgeClauses = new Set<number>();
	const minimizeEnds: number[] = [];
	const greetingTokens = new Set<number>();
	const ackTokens = new Set<number>();
	for (const m of matches) {
		const mod = m.cue.cue.mod;
		if (!mod) continue;
		found.add(mod);
		const t = tokens[m.start];
		switch (mod) {
			case 'hearsay': {
				hearsayClauses.add(t.clause);
				hearsaySpans.push([m.start, m.end]);
				// "пишут, что рвутся" / "боялась, что будет мала": the reported clause follows.
				let clause = t.clause;
				for (let j = m.end + 1; j < tokens.length && tokens[j].sentence === t.sentence; j++) {
					if (tokens[j].clause !== clause) {
						if (tokens[j].norm !== 'что' && tokens[j].norm !== 'будто' && tokens[j].norm !== 'мол') break;
						clause = tokens[j].clause;
						hearsayClauses.add(clause);
					}
				}
				break;
			}
			case 'selfMistake':
				selfMistakeSentences.add(t.sentence);
				break;
			case 'dismiss':
				dismissSentences.add(t.sentence);
				if (t.sentence > 0) dismissSentences.add(t.sentence - 1);
				break;
			case 'minimize':
				minimizeEnds.push(m.end);
				break;
			case 'otherItem':
				pastClauses.add(t.clause);
				break;
			case 'hedge':
				hedgeClauses.add(t.clause);
				break;
			case 'greeting':
				for (let j = m.start; j <= m.end; j++) greetingTokens.add(j);
				break;
			case 'ack':
				for (let j = m.start; j <= m.end; j++) ackTokens.add(j);
				break;
			default:
				break;
		}
	}
	return {
		has: (mod) => found.has(mod),
		hearsayClauses,
		hearsayWithin: (start, end) => hearsaySpans.some(([a, b]) => a >= start && b <= end),
		selfMistakeSentences,
		dismissSentences,
		pastClauses,
		hedgeClauses,
		minimizeAt: (i) =>
			minimizeEnds.some(
				(end) => i > end && ((i - end <= 3 && tokens[end].sentence === tokens[i].sentence) || (i - end <= 6 && tokens[end].clause === tokens[i].clause)),
			),
		greetingTokens: greetingTokens.size,
		greetingOrAckTokens: new Set([...greetingTokens, ...ackTokens]).size,
	};
}

/** "после стирки не села": a "не" in a phrase's free gap negates the phrase. */
function negatorInside(tokens: NormalizedText['tokens'], m: CueMatch): boolean {
	for (let j = m.start + 1; j < m.end; j++) if (tokens[j].norm === 'не' || tokens[j].norm === 'ни') return true;
	return false;
}

/** Of two overlapping variants of one cue, the longer wins, then the one that spells more words. */
function preferVariant(a: CueMatch, b: CueMatch, order: Map<CueMatch, number>): boolean {
	const la = a.end - a.start;
	const lb = b.end - b.start;
	if (la !== lb) return la > lb;
	if (a.cue.elems.length !== b.cue.elems.length) return a.cue.elems.length > b.cue.elems.length;
	return (order.get(a) ?? 0) < (order.get(b) ?? 0);
}

/**
 * Keeps the matches that count: overlapping variants of one cue are one finding, and a longer phrase that
 * covers a shorter cue replaces it ("не работает" over "работает"). Matches are bucketed by start token, so
 * a long text costs a window per match, not a scan of all matches.
 */
function dropContained(all: CueMatch[]): CueMatch[] {
	if (all.length < 2) return all;
	const order = new Map<CueMatch, number>();
	const byStart = new Map<number, CueMatch[]>();
	let maxSpan = 0;
	all.forEach((m, i) => {
		order.set(m, i);
		const list = byStart.get(m.start);
		if (list) list.push(m);
		else byStart.set(m.start, [m]);
		maxSpan = Math.max(maxSpan, m.end - m.start);
	});
	const neighbours = (b: CueMatch, visit: (a: CueMatch) => boolean): boolean => {
		for (let s = b.start - maxSpan; s <= b.end; s++) {
			const list = byStart.get(s);
			if (list) for (const a of list) if (a !== b && visit(a)) return true;
		}
		return false;
	};
	const sameCueBetter = (b: CueMatch) =>
		neighbours(b, (a) => a.cue.cue === b.cue.cue && a.start <= b.end && b.start <= a.end && preferVariant(a, b, order));
	const variants = all.filter((b) => !sameCueBetter(b));
	const kept = new Set(variants);
	return variants.filter(
		(b) =>
			!neighbours(
				b,
				(a) =>
					kept.has(a) &&
					a.start <= b.start &&
					a.end >= b.end &&
					a.end - a.start > b.end - b.start &&
					// A phrase that only shows feeling ("третий раз переносят") keeps the problem word inside it.
					!(a.cue.cue.i === undefined && a.cue.cue.e !== undefined && b.cue.cue.i !== undefined && PROBLEMS.has(b.cue.cue.i)),
			),
	);
}

const INTERROGATIVE = new Set([
	'как', 'какой', 'какая', 'какое', 'какие', 'какую', 'каким', 'каков', 'где', 'когда', 'сколько', 'почему', 'зачем',
	'откуда', 'куда', 'подскажите', 'скажите', 'подскажи', 'расскажите', 'можно', 'есть', 'будет', 'будут', 'подойдет',
	'подойдут', 'подходит', 'чем', 'из', 'возможно',
]);

function startsAsQuestion(text: NormalizedText, sentence: number): boolean {
	const info = text.sentences[sentence];
	const first = text.tokens[info.start];
	if (!first) return false;
	if (first.norm === 'как' && text.tokens[info.start + 1]?.norm === 'и') return false;
	return INTERROGATIVE.has(first.norm) && (first.norm !== 'есть' || info.end - info.start <= 6);
}

function addSurface(ev: Evidence, surface: SurfaceCues, tokenCount: number): void {
	const add = (s: number, label: string) => {
		if (s > 0) {
			ev.positive += s;
			ev.strongestPositive = Math.max(ev.strongestPositive, s);
		} else {
			ev.negative -= s;
			ev.strongestNegative = Math.max(ev.strongestNegative, -s);
		}
		if (ev.labels.length < 12) ev.labels.push(label);
	};
	if (surface.angryEmoji > 0) {
		ev.angry += Math.min(2, surface.angryEmoji);
		add(-1, 'angry:emoji');
	}
	if (surface.sadEmoji > 0) {
		ev.frustrated += 1;
		add(-0.6, 'frustrated:emoji');
	}
	if (surface.rhetorical > 0 && ev.negative > ev.positive) {
		ev.frustrated += 1;
		if (ev.labels.length < 12) ev.labels.push('frustrated:?!');
	}
	if (surface.sadEmoticon > 0) {
		ev.frustrated += 1;
		add(-0.6, 'frustrated:(');
	}
	if (surface.joyEmoji > 0) {
		ev.happy += 1;
		add(0.9, 'happy:emoji');
		if (tokenCount === 0) ev.scores.set('thanks', (ev.scores.get('thanks') ?? 0) + 1);
	}
	if (surface.approvalEmoji > 0) {
		add(0.7, 'praise:👍');
		ev.scores.set('thanks', (ev.scores.get('thanks') ?? 0) + (tokenCount === 0 ? 1 : 0.3));
	}
	if (surface.maskedSwear) {
		ev.angry += 1;
		add(-1, 'angry:swear');
	}
	if (surface.smile >= 2 && ev.positive > ev.negative && ev.positive >= 0.8) {
		ev.happy += 1;
		if (ev.labels.length < 12) ev.labels.push('happy:))');
	}
	// Shouting reads as enthusiasm in praise ("ИМБА!!!!") and as anger anywhere else.
	if (surface.shouting) {
		if (ev.positive > ev.negative && ev.positive >= 0.8) ev.happy += 1;
		else {
			ev.angry += 1;
			add(-1, 'angry:CAPS');
		}
	}
	if (surface.exclamationRun >= 2 && ev.positive >= 1 && ev.positive > 2 * ev.negative) ev.happy += 1;
}

const DISMAY = new Set([
	'ужас', 'ужасно', 'кошмар', 'кошмарно', 'отвратительно', 'жесть', 'капец', 'караул', 'мрак', 'беда', 'трэш', 'треш',
	'печально', 'обидно', 'грустно', 'мерзость', 'позорище',
]);

/** An exclamation of dismay standing on its own ("…внутри 40. отвратительно") is frustration. */
function addDismayWords(ev: Evidence, text: NormalizedText): void {
	for (const s of text.sentences) {
		if (s.end - s.start > 3) continue;
		const last = text.tokens[s.end - 1];
		if (last && DISMAY.has(last.norm)) {
			ev.frustrated += 1;
			if (ev.labels.length < 12) ev.labels.push(`frustrated:${last.norm}`);
			return;
		}
	}
}
