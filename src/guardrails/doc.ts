import type { Channel, Marketplace } from '../interaction';
import type { NormalizedText } from './normalize';
import type { GuardrailRule } from './types';

/** A rule's finding, in NORMALISED coordinates; check() maps it back to the original text. */
export interface Finding {
	rule: GuardrailRule;
	start: number;
	end: number;
	message: string;
}

/** The normalised reply plus what several rules need: sentence bounds and the reply's context. */
export interface Doc {
	readonly norm: NormalizedText;
	readonly text: string;
	readonly marketplace: Marketplace;
	readonly channel: Channel;
	/** Normalised buyer text ('' when none). */
	readonly buyer: string;
	/** [start, end) of the sentence holding `pos`. */
	sentence(pos: number): [number, number];
}

// A sentence ends at . ! ? … ; or a line break followed by a space or the end. Abbreviations ("т.е.", "ст. 159")
// split a sentence too early, which only narrows the context a rule looks at.
const SENTENCE_END = /[.!?…;\n]+(?=[\s"')\]]|$)/g;

export function makeDoc(norm: NormalizedText, marketplace: Marketplace, channel: Channel, buyer: string): Doc {
	const text = norm.text;
	let bounds: number[] | undefined;
	const sentence = (pos: number): [number, number] => {
		if (!bounds) {
			bounds = [0];
			SENTENCE_END.lastIndex = 0;
			let m: RegExpExecArray | null;
			while ((m = SENTENCE_END.exec(text)) !== null) bounds.push(m.index + m[0].length);
			if (bounds[bounds.length - 1] !== text.length) bounds.push(text.length);
		}
		let lo = 0;
		let hi = bounds.length - 1;
		while (hi - lo > 1) {
			const mid = (lo + hi) >> 1;
			if (bounds[mid] <= pos) lo = mid;
			else hi = mid;
		}
		return [bounds[lo], bounds[hi]];
	};
	return { norm, text, marketplace, channel, buyer, sentence };
}

/** Calls `fn` for every match of a global regex (lastIndex reset, empty matches skipped safely). */
export function eachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
	re.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text)) !== null) {
		if (m[0].length === 0) {
			re.lastIndex = m.index + 1;
			continue;
		}
		fn(m);
	}
}

// Word characters of the normalised text: lower-case Latin and Cyrillic letters and digits.
export const WORD = 'a-zа-я0-9';
/** Start of a word (no word character before). */
export const B = `(?<![${WORD}])`;
/** End of a word (no word character after). */
export const E = `(?![${WORD}])`;
