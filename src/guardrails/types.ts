import type { Channel, Marketplace } from '../interaction';

/** Rule names are the product's contract (shared/reference/taxonomy.md, "Guardrail rules"). */
export const GUARDRAIL_RULES = [
	'link',
	'phone',
	'email',
	'messenger',
	'off_platform',
	'promise',
	'blame',
	'dismissive',
	'legal',
	'jargon',
	'ai_mention',
	'length',
	'repetition',
] as const;

export type GuardrailRule = (typeof GUARDRAIL_RULES)[number];

export interface GuardrailViolation {
	rule: GuardrailRule;
	/** The offending part of the original text (shortened with "…" past 120 characters); for `repetition`, the recent reply it resembles. */
	excerpt: string;
	/** Offsets into the ORIGINAL text, `text.slice(start, end)`. */
	start: number;
	end: number;
	message: string;
}

export interface GuardrailResult {
	ok: boolean;
	violations: GuardrailViolation[];
}

export interface GuardrailContext {
	marketplace: Marketplace;
	channel: Channel;
	/** What the buyer wrote; lets product talk about the same thing ("есть ли ИИ-режим?") pass. */
	buyerText?: string;
	/** Replies sent recently (same seller / product); a near-copy is flagged as `repetition`. */
	recentReplies?: string[];
	/** Overrides the channel's maximum length. */
	maxLength?: number;
	/** 0..1, overrides the default repetition threshold. */
	similarityThreshold?: number;
}
