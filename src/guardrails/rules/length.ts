import type { GuardrailViolation } from '../types';
import type { LengthLimit } from '../limits';

// Length is measured in UTF-16 code units, as the marketplaces' JSON APIs receive it (an emoji counts as two),
// which never under-counts. "Not Russian": replies go to Russian-speaking buyers, so a reply without Cyrillic,
// or mostly Latin with English function words, is rejected; model names in Latin ("iPhone 15 Pro Max",
// "Samsung Galaxy S24 Ultra") do not make a Russian reply foreign.

const ENGLISH_WORD =
	/(?<![A-Za-z])(?:the|and|you|your|we|our|for|is|are|to|of|with|this|that|it|please|thank|thanks|hello|hi|dear|have|has|be|will|can|glad|sorry|us|was|were|not|do|does|if|from|by|as|my|me)(?![A-Za-z])/gi;

function excerptOf(text: string, start: number, end: number): string {
	const s = text.slice(start, end);
	return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}

export function checkLength(text: string, limit: LengthLimit): GuardrailViolation[] {
	const trimmed = text.trim();
	if (trimmed.length === 0) {
		return [{ rule: 'length', excerpt: excerptOf(text, 0, text.length), start: 0, end: text.length, message: 'reply is empty' }];
	}
	const out: GuardrailViolation[] = [];
	if (trimmed.length < limit.min) {
		out.push({
			rule: 'length',
			excerpt: excerptOf(text, 0, text.length),
			start: 0,
			end: text.length,
			message: `reply is ${trimmed.length} characters; the minimum here is ${limit.min}`,
		});
	}
	if (text.length > limit.max) {
		out.push({
			rule: 'length',
			excerpt: excerptOf(text, limit.max, text.length),
			start: limit.max,
			end: text.length,
			message: `reply is ${text.length} characters; the limit here is ${limit.max}`,
		});
	}
	let cyr = 0;
	let lat = 0;
	const half = text.length / 2;
	for (let i = 0; i < text.length && cyr <= half; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0x0400 && c <= 0x04ff) cyr++;
		else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) lat++;
	}
	// Counting stops once Cyrillic letters fill half the text: the share can no longer drop below one half.
	if (cyr === 0 || (cyr / (cyr + lat) < 0.5 && (text.match(ENGLISH_WORD) ?? []).length >= 2)) {
		out.push({
			rule: 'length',
			excerpt: excerptOf(text, 0, text.length),
			start: 0,
			end: text.length,
			message: 'reply is not in Russian',
		});
	}
	return out;
}
