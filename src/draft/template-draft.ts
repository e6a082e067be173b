import { DEFAULT_SIMILARITY_THRESHOLD, replySimilarity } from '../guardrails';
import { assemble, type Assembled } from './assemble';
import { analyse, type Extras, type Facts } from './context';
import { parseDraftInput } from './input';
import type { ReplyTemplate } from './template-types';
import { INTENT_TEMPLATES } from './templates';
import type { DraftInput, DraftResult } from './types';

// The offline drafter. The same interaction always gets the same text (the seed is its id); when recent
// replies are given, further variants of the same template are tried and the one least like them is kept,
// so a seller's answers do not read as copies (Ozon restricts sellers for repeated answers).

/** Variants tried against recent replies before settling for the least similar one. */
export const MAX_ATTEMPTS = 24;
/** Stop searching once a variant is this far below the guardrail's repetition threshold. */
const GOOD_ENOUGH = DEFAULT_SIMILARITY_THRESHOLD - 0.1;

function maxSimilarity(text: string, recent: readonly string[]): number {
	let max = 0;
	for (const r of recent) max = Math.max(max, replySimilarity(text, r));
	return max;
}

export function draftWith(template: ReplyTemplate, input: DraftInput, extras: Extras = {}): DraftResult {
	const facts: Facts = analyse(input, extras);
	const seed = input.seed ?? input.interaction.id;
	const recent = (input.recentReplies ?? []).filter((r) => r.trim());
	let best: Assembled = assemble(template, facts, input.tone, seed);
	let bestAttempt = 0;
	if (recent.length > 0) {
		let bestScore = maxSimilarity(best.text, recent);
		for (let attempt = 1; attempt < MAX_ATTEMPTS && bestScore >= GOOD_ENOUGH; attempt++) {
			const next = assemble(template, facts, input.tone, `${seed}#${attempt}`);
			const score = maxSimilarity(next.text, recent);
			if (score < bestScore) {
				best = next;
				bestScore = score;
				bestAttempt = attempt;
			}
		}
	}
	return {
		text: best.text,
		source: 'template',
		tone: input.tone,
		templateId: `${template.id}.${facts.channel}.${input.tone}`,
		variant: bestAttempt ? `${best.variant}#${bestAttempt}` : best.variant,
		channel: facts.channel,
	};
}

/** A reply draft for the interaction's intent, channel and tone, from the offline templates. */
export function draftFromTemplate(input: DraftInput): DraftResult {
	const parsed = parseDraftInput(input, 'draftFromTemplate');
	return draftWith(INTENT_TEMPLATES[parsed.classification.intent], parsed);
}
