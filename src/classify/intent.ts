// Picks exactly one intent from the weighted evidence, applying the taxonomy's tie-breaks explicitly:
// cause over remedy, wrong_item over sizing_fit, defect over quality, delay over status, a sizing choice over
// a stock question, thanks only when nothing needs doing, other for spam, greetings and noise.

import type { CueIntent } from './cue';
import type { Evidence } from './evidence';
import type { ClassifyChannel, Intent, Sentiment } from './types';
import { PROBLEM_INTENTS, QUESTION_INTENTS, REMEDY_INTENTS } from './types';

export interface IntentDecision {
	intent: Intent;
	score: number;
	runnerUp: number;
}

/** Below this a problem word is only a hint. */
const PROBLEM_MIN = 1;
const ASK_MIN = 0.8;

export function decideIntent(
	ev: Evidence,
	channel: ClassifyChannel,
	sentiment: Sentiment,
	hasText: boolean,
): IntentDecision {
	const scores = new Map<Intent, number>();
	const get = (i: CueIntent): number => ev.scores.get(i) ?? 0;
	for (const [intent, score] of ev.scores) if (intent !== 'delivery_terms') scores.set(intent, score);

	// A delivery-time question is about an order that exists (status) or one not yet placed (pre_purchase).
	const terms = get('delivery_terms');
	if (terms > 0) {
		const target: Intent =
			ev.notYetOrdered || (!ev.ordered && channel === 'question') ? 'pre_purchase' : 'delivery_status';
		scores.set(target, (scores.get(target) ?? 0) + terms);
	}
	// On a product card nothing is ordered yet: "когда будет?" asks about stock, "доставка в пункт выдачи?"
	// about terms. In a chat the same words ask about an order.
	const weakStatus = scores.get('delivery_status') ?? 0;
	if (weakStatus > 0 && weakStatus < 1.5 && (ev.notYetOrdered || (channel === 'question' && !ev.ordered))) {
		const target: Intent | null =
			(scores.get('availability') ?? 0) > 0 ? 'availability' : (scores.get('pre_purchase') ?? 0) > 0 || ev.notYetOrdered ? 'pre_purchase' : null;
		if (target) {
			scores.set(target, (scores.get(target) ?? 0) + weakStatus);
			scores.set('delivery_status', 0);
		}
	}
	for (const b of ev.beaten) scores.set(b, 0);

	const s = (i: Intent) => scores.get(i) ?? 0;
	// Broken beats merely poor; a different item sent beats "does not fit"; a late order beats "where is it".
	if (s('defect_not_working') >= 1.5) scores.set('quality_complaint', s('quality_complaint') * 0.5);
	if (s('wrong_item') >= 2) scores.set('sizing_fit', s('sizing_fit') * 0.5);
	if (s('delivery_delay') >= 1.2) scores.set('delivery_status', s('delivery_status') * 0.3);
	// A named size choice ("какой размер взять на 44") is sizing, a bare "есть 44?" is stock.
	if (s('sizing_fit') >= 2 && s('availability') > 0) scores.set('availability', s('availability') * 0.5);

	const problem = best(scores, PROBLEM_INTENTS);
	const ask = best(scores, [...REMEDY_INTENTS, ...QUESTION_INTENTS]);
	const spam = s('other');
	const thanks = s('thanks');

	if (spam >= 2 && spam >= problem.score && spam >= ask.score) {
		return { intent: 'other', score: spam, runnerUp: Math.max(problem.score, ask.score) };
	}
	if (problem.score >= PROBLEM_MIN) {
		// A weak problem word inside a clear request or question ("вы же ещё не отправили, отмените")
		// does not outweigh it.
		if (ask.score >= 2.5 && problem.score < 1.5 && ask.score >= 2 * problem.score) {
			return { intent: ask.intent, score: ask.score, runnerUp: problem.score };
		}
		// A remedy or question beside the problem does not compete with it much (cause over remedy).
		return { intent: problem.intent, score: problem.score, runnerUp: Math.max(problem.runnerUp, 0.5 * ask.score) };
	}
	// "Хочу вернуть, как это сделать?" asks how to get the remedy: the remedy is the intent.
	const remedy = best(scores, REMEDY_INTENTS);
	if (remedy.score >= 1.5 && ask.intent === 'usage_howto' && remedy.score * 1.5 >= ask.score) {
		return { intent: remedy.intent, score: remedy.score, runnerUp: s('usage_howto') };
	}
	if (ask.score >= ASK_MIN) {
		if (problem.score > ask.score) return { intent: problem.intent, score: problem.score, runnerUp: ask.score };
		return { intent: ask.intent, score: ask.score, runnerUp: Math.max(ask.runnerUp, problem.score) };
	}
	if (problem.score >= 0.5 && sentiment === 'negative') {
		return { intent: problem.intent, score: problem.score, runnerUp: Math.max(ask.score, thanks) };
	}
	if (ev.greetingOnly) return { intent: 'other', score: 1, runnerUp: 0 };
	// "Ок", "понятно, спасибо" in a chat or under a question closes a thread; a review saying "хорошо" praises.
	if (ev.ackOnly && channel !== 'review' && thanks < 1.5) return { intent: 'other', score: 1, runnerUp: thanks };
	if (sentiment === 'positive' || (thanks >= 0.5 && sentiment !== 'negative')) {
		return { intent: 'thanks', score: Math.max(thanks, 0.8), runnerUp: Math.max(problem.score, ask.score) };
	}
	if (sentiment === 'negative' && channel === 'review' && hasText) {
		// A review that only says it is bad ("Чистый обман", "Сомнительное качество") complains about the item.
		return { intent: 'quality_complaint', score: Math.max(problem.score, 0.5), runnerUp: ask.score };
	}
	if (spam > 0) return { intent: 'other', score: spam, runnerUp: Math.max(problem.score, ask.score) };
	return { intent: 'other', score: 0, runnerUp: Math.max(problem.score, ask.score, thanks) };
}

function best(scores: Map<Intent, number>, among: readonly Intent[]): IntentDecision {
	let intent: Intent = among[0];
	let score = 0;
	let runnerUp = 0;
	for (const i of among) {
		const v = scores.get(i) ?? 0;
		if (v > score) {
			runnerUp = score;
			score = v;
			intent = i;
		} else if (v > runnerUp) runnerUp = v;
	}
	return { intent, score, runnerUp };
}
