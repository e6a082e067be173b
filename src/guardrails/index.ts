export { check } from './check';
export { REPLY_LIMITS, type LengthLimit } from './limits';
export { normalizeText, originalSpan, type NormalizedText } from './normalize';
export { DEFAULT_SIMILARITY_THRESHOLD, replySimilarity } from './rules/repetition';
export {
	GUARDRAIL_RULES,
	type GuardrailContext,
	type GuardrailResult,
	type GuardrailRule,
	type GuardrailViolation,
} from './types';
