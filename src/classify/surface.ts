// Cues that live in the typography rather than the words: emoji, emoticons, "!!!", shouting in capitals,
// masked swear words. They are read from the raw text, before normalisation removes them.

import { EMOJI_CUES, type EmojiCue } from './lexicon/emoji';

export interface SurfaceCues {
	angryEmoji: number;
	sadEmoji: number;
	joyEmoji: number;
	/** 👍 👌 and the like: approval without feeling. */
	approvalEmoji: number;
	/** "((", "(", ":(" not closing a parenthesis. */
	sadEmoticon: number;
	/** "))" / ")))" smiles (a single ")" is too common to mean much). */
	smile: number;
	/** Longest run of "!" (counting "!?" mixes). */
	exclamationRun: number;
	exclamations: number;
	/** "?!" / "!?": a rhetorical, exasperated question. */
	rhetorical: number;
	/** Letters written in Cyrillic capitals, in words of three letters or more. */
	capsLetters: number;
	letters: number;
	/** Two or more neighbouring words in capitals, or most of the text in capitals. */
	shouting: boolean;
	/** Masked profanity such as "г***но", "х**", "б…". */
	maskedSwear: boolean;
	emojiSeen: string[];
}

const EMOJI_RE = /\p{Extended_Pictographic}/gu;
const SWEAR_RE = /(?:^|[^\p{L}])[гхбпе][*…]+(?:[а-я]*)|[а-я][*]{2,}[а-я]/iu;

const emojiIndex: Map<string, EmojiCue> = new Map(EMOJI_CUES.map((e) => [e.char, e]));
/**
 * First UTF-16 unit of every listed emoji. A text with none of them has no listed emoji, so the emoji regex (which
 * copies itself for every matchAll) need not run over it; a dash or "…" alone no longer starts it.
 */
const EMOJI_FIRST_UNITS = new Set(EMOJI_CUES.map((e) => e.char.charCodeAt(0)));

function mayHoldListedEmoji(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (EMOJI_FIRST_UNITS.has(text.charCodeAt(i))) return true;
	return false;
}

export function readSurface(text: string): SurfaceCues {
	const cues: SurfaceCues = {
		angryEmoji: 0,
		sadEmoji: 0,
		joyEmoji: 0,
		approvalEmoji: 0,
		sadEmoticon: 0,
		smile: 0,
		exclamationRun: 0,
		exclamations: 0,
		rhetorical: text.includes('?!') || text.includes('!?') ? 1 : 0,
		capsLetters: 0,
		letters: 0,
		shouting: false,
		maskedSwear: (text.includes('*') || text.includes('…')) && SWEAR_RE.test(text),
		emojiSeen: [],
	};
	if (text.length === 0) return cues;
	let symbols = false;
	let capsRun = 0;
	let capsWords = 0;
	let previousCapsWordEnd = -2;
	let neighbouringCaps = 0;
	// Counted in locals and stored once: this loop runs over every character of every text.
	let letters = 0;
	let capsLetters = 0;
	let exclamations = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0x2000) symbols = true;
		const upperCyr = (c >= 0x410 && c <= 0x42f) || c === 0x401;
		const lowerCyr = (c >= 0x430 && c <= 0x44f) || c === 0x451;
		if (upperCyr || lowerCyr || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
		if (upperCyr) capsRun++;
		else {
			if (capsRun >= 3) {
				capsWords++;
				capsLetters += capsRun;
				if (previousCapsWordEnd >= 0 && i - capsRun - previousCapsWordEnd <= 3) neighbouringCaps++;
				previousCapsWordEnd = i;
			}
			capsRun = 0;
		}
		if (c === 33) exclamations++;
	}
	if (capsRun >= 3) {
		capsWords++;
		capsLetters += capsRun;
		if (previousCapsWordEnd >= 0 && text.length - capsRun - previousCapsWordEnd <= 3) neighbouringCaps++;
	}
	cues.letters = letters;
	cues.capsLetters = capsLetters;
	cues.exclamations = exclamations;
	if (symbols && mayHoldListedEmoji(text)) {
		for (const m of text.matchAll(EMOJI_RE)) {
			const cue = emojiIndex.get(m[0]);
			if (!cue) continue;
			cues.emojiSeen.push(m[0]);
			if (cue.kind === 'angry') cues.angryEmoji++;
			else if (cue.kind === 'sad') cues.sadEmoji++;
			else if (cue.kind === 'joy') cues.joyEmoji++;
			else cues.approvalEmoji++;
		}
	}
	if (text.includes('(') || text.includes(')')) readParentheses(text, cues);
	if (cues.exclamations > 0) {
		let run = 0;
		for (let i = 0; i < text.length; i++) {
			const ch = text[i];
			if (ch === '!') {
				run++;
				if (run > cues.exclamationRun) cues.exclamationRun = run;
			} else if (ch !== '?' && ch !== '1') run = 0;
		}
	}
	cues.shouting =
		(capsWords >= 2 && neighbouringCaps >= 1 && cues.capsLetters >= 8) ||
		(cues.capsLetters >= 6 && cues.capsLetters >= 0.6 * cues.letters);
	return cues;
}

/** Parentheses that close nothing are smiles; ones that open nothing are frowns. */
function readParentheses(text: string, cues: SurfaceCues): void {
	let open = 0;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '(') {
			let j = i;
			while (j + 1 < text.length && text[j + 1] === '(') j++;
			const run = j - i + 1;
			const closes = text.indexOf(')', j + 1);
			const nextOpen = text.indexOf('(', j + 1);
			// "((" is always a frown; a single "(" is one when nothing closes it in the same stretch.
			if (run >= 2 || closes === -1 || (nextOpen !== -1 && nextOpen < closes)) {
				cues.sadEmoticon += run;
				i = j;
			} else open++;
		} else if (ch === ')') {
			let j = i;
			while (j + 1 < text.length && text[j + 1] === ')') j++;
			let run = j - i + 1;
			if (open > 0) {
				open--;
				run--;
			}
			if (run >= 2 || (run === 1 && i > 0 && /[\p{L}\s!.:=]/u.test(text[i - 1]) && (j + 1 >= text.length || /[\s!.]/.test(text[j + 1])))) {
				cues.smile += run;
			}
			i = j;
		}
	}
}
