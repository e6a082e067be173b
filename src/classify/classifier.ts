// The offline classifier: intent, emotion, sentiment, confidence and signals for one buyer text, with no
// network, no model and no runtime dependency. Lexicons are compiled once at module load.

import { MARKETPLACES, type Marketplace } from '../interaction';
import { extractOrderNumber } from '../orders/order-number';
import type { Cue } from './cue';
import { decideEmotion } from './emotion';
import { collectEvidence } from './evidence';
import { decideIntent } from './intent';
import { CONTEXT_CUES } from './lexicon/context';
import { EMOTION_CUES } from './lexicon/emotion';
import { FUZZY_ANCHORS } from './lexicon/fuzzy';
import { INTENT_CUES } from './lexicon/intents';
import { MACROS } from './lexicon/macros';
import { SENTIMENT_CUES } from './lexicon/sentiment';
import { CueIndex } from './matcher';
import { normalizeText } from './normalize';
import { decideSentiment } from './sentiment';
import { countRepeatContact } from './signals';
import { readSurface } from './surface';
import { PROBLEM_INTENTS } from './types';
import type { ClassifyChannel, ClassifyInput, TextClassification } from './types';

const CHANNELS: readonly ClassifyChannel[] = ['review', 'question', 'chat'];

let defaultIndex: CueIndex | null = null;

/** Builds a matcher over custom lexicons (tests, or rules that extend the defaults). */
export function buildCueIndex(extra: readonly Cue[] = []): CueIndex {
	return new CueIndex([CONTEXT_CUES, INTENT_CUES, SENTIMENT_CUES, EMOTION_CUES, extra], MACROS, FUZZY_ANCHORS);
}

function getIndex(): CueIndex {
	defaultIndex ??= buildCueIndex();
	return defaultIndex;
}

export function classifyText(input: ClassifyInput, index: CueIndex = getIndex()): TextClassification {
	validate(input);
	const text = input.text;
	const normalized = normalizeText(text);
	const surface = readSurface(text);
	const ev = collectEvidence(index, normalized, surface, input.channel);
	const sentiment = ev.ackOnly && input.channel !== 'review' && !ev.happy ? 'neutral' : decideSentiment(ev, input.rating);
	const decision = decideIntent(ev, input.channel, sentiment, normalized.tokens.length > 0);
	const emotion = decideEmotion(ev, sentiment, PROBLEM_INTENTS.includes(decision.intent));
	return {
		intent: decision.intent,
		emotion,
		sentiment,
		confidence: confidence(decision.score, decision.runnerUp, normalized.tokens.length, ev.used + surface.emojiSeen.length),
		signals: {
			churnRisk: ev.churn,
			orderNumber: findOrderNumber(text, input.marketplace),
			repeatContact: countRepeatContact(input.history),
		},
		engine: 'offline',
		evidence: ev.labels,
	};
}

/**
 * Grows with the winner's evidence and with its margin over the runner-up; an empty text is surely
 * `other`, a text with no cue at all is a guess.
 */
function confidence(score: number, runnerUp: number, tokens: number, used: number): number {
	// No words: certain when there is nothing at all, a guess from emoji alone.
	if (tokens === 0) return used === 0 ? 0.95 : 0.6;
	if (score <= 0) return used === 0 ? 0.35 : 0.3;
	const strength = 1 - Math.exp(-score / 1.2);
	const margin = (score - Math.min(runnerUp, score)) / score;
	const value = 0.25 + 0.7 * strength * (0.45 + 0.55 * margin);
	return Math.round(Math.min(0.99, Math.max(0.05, value)) * 100) / 100;
}

/** The order number in the text, read by src/orders for the item's marketplace; none without a marketplace. */
function findOrderNumber(text: string, marketplace: string | undefined): string | null {
	if (marketplace === undefined || !(MARKETPLACES as readonly string[]).includes(marketplace)) return null;
	// Every order number format of the three marketplaces has a run of at least six digits (buyers may split it
	// with spaces or dashes); most texts have none, and the extractor's full scan is the most expensive step of a
	// classification.
	if (countDigits(text) < MIN_ORDER_DIGITS || !DIGIT_RUN.test(text)) return null;
	return extractOrderNumber(text, marketplace as Marketplace);
}

const MIN_ORDER_DIGITS = 6;
const DIGIT_RUN = /[0-9０-９](?:[\s\-–—.]?[0-9０-９]){5}/;

function countDigits(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) n++;
	}
	return n;
}

function validate(input: ClassifyInput): void {
	if (input === null || typeof input !== 'object') throw new Error('classifyText: input must be an object');
	if (typeof input.text !== 'string') throw new Error('classifyText: field "text" must be a string');
	if (!CHANNELS.includes(input.channel)) {
		throw new Error(`classifyText: field "channel" must be one of ${CHANNELS.join(', ')} (got ${String(input.channel)})`);
	}
	if (input.rating !== undefined && input.rating !== null) {
		if (typeof input.rating !== 'number' || !Number.isFinite(input.rating) || input.rating < 1 || input.rating > 5) {
			throw new Error(`classifyText: field "rating" must be a number from 1 to 5 (got ${String(input.rating)})`);
		}
	}
	if (input.history !== undefined && !Array.isArray(input.history)) {
		throw new Error('classifyText: field "history" must be an array of { from, text, at }');
	}
}
