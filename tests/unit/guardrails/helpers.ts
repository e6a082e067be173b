import { check } from '../../../src/guardrails/check';
import type { GuardrailContext, GuardrailRule } from '../../../src/guardrails/types';

export const ctx = (over: Partial<GuardrailContext> = {}): GuardrailContext => ({ marketplace: 'wb', channel: 'chat', ...over });

/** Rules that fire on `text`. */
export function rulesOf(text: string, over: Partial<GuardrailContext> = {}): GuardrailRule[] {
	return [...new Set(check(text, ctx(over)).violations.map((v) => v.rule))];
}

/** Violations of one rule, with their excerpts. */
export function excerpts(text: string, rule: GuardrailRule, over: Partial<GuardrailContext> = {}): string[] {
	return check(text, ctx(over))
		.violations.filter((v) => v.rule === rule)
		.map((v) => v.excerpt);
}
