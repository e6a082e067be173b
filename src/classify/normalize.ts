// Turns buyer text into tokens the lexicons can match on word boundaries: lower case, ё→е, Latin look-alike
// letters folded inside Cyrillic words ("кaчество" typed with a Latin "a"), stretched letters collapsed
// ("ооочень"), and sentence/clause numbers so negation and mixed-text rules stay inside one thought.

export interface Token {
	/** Normalised form used for matching. */
	norm: string;
	/** Index of the sentence (split on . ! ? … and line breaks). */
	sentence: number;
	/** Index of the clause (split on , ; : ( ) and on contrast words "но", "а", "зато", "однако"). */
	clause: number;
	/** Written in capitals in the source (Cyrillic, at least two letters). */
	caps: boolean;
	isNumber: boolean;
	isLatin: boolean;
}

export interface SentenceInfo {
	/** Ends with "?" (or carries the particle "ли"). */
	question: boolean;
	/** First token index and one past the last. */
	start: number;
	end: number;
}

export interface NormalizedText {
	tokens: Token[];
	sentences: SentenceInfo[];
}

const LOOKALIKE: Record<string, string> = {
	a: 'а',
	b: 'в',
	c: 'с',
	e: 'е',
	h: 'н',
	k: 'к',
	m: 'м',
	o: 'о',
	p: 'р',
	t: 'т',
	x: 'х',
	y: 'у',
};

const LATIN_SIZES = new Set(['xs', 'xl', 'xxl', 'xxxl', 'xxs', 'ok', 'tm']);
const CONTRAST_WORDS = new Set(['но', 'а', 'зато', 'однако', 'хотя', 'только']);
const OTHER_LETTER_RE = /\p{L}/u;
const STRETCH_RE = /(\p{L})\1{2,}/gu;

const enum Kind {
	Other,
	Cyrillic,
	Latin,
	OtherLetter,
	Digit,
	SentenceEnd,
	ClauseEnd,
}

// Takes the code only: building a one-character string for every character of a Cyrillic text allocates (V8
// caches only Latin-1 ones), and only the rare other-script letter needs it.
function kindOf(code: number): Kind {
	if (code >= 0x430 && code <= 0x44f) return Kind.Cyrillic;
	if (code >= 0x410 && code <= 0x42f) return Kind.Cyrillic;
	if (code === 0x451 || code === 0x401) return Kind.Cyrillic;
	if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return Kind.Latin;
	if (code >= 48 && code <= 57) return Kind.Digit;
	if (code === 46 || code === 33 || code === 63 || code === 0x2026 || code === 10) return Kind.SentenceEnd;
	if (code === 44 || code === 59 || code === 58 || code === 40 || code === 41) return Kind.ClauseEnd;
	if (code > 0xbf && code !== 0xd7 && code !== 0xf7 && code < 0x2000 && OTHER_LETTER_RE.test(String.fromCharCode(code))) {
		return Kind.OtherLetter;
	}
	return Kind.Other;
}

/** Latin look-alikes inside a Cyrillic word (or a whole disguised word) become Cyrillic. */
function foldWord(word: string, cyrillicContext: boolean): string {
	let cyr = 0;
	let lat = 0;
	let latNonLookalike = 0;
	for (let i = 0; i < word.length; i++) {
		const c = word.charCodeAt(i);
		if ((c >= 0x430 && c <= 0x44f) || c === 0x451) cyr++;
		else if (c >= 97 && c <= 122) {
			lat++;
			if (!(word[i] in LOOKALIKE)) latNonLookalike++;
		}
	}
	if (lat === 0) return word;
	const mixed = cyr > 0 && (cyr >= lat || latNonLookalike === 0);
	// A whole word of look-alikes ("TOBAP") in Cyrillic text is a disguised Russian word, not a brand.
	const disguised =
		cyr === 0 && cyrillicContext && latNonLookalike === 0 && word.length >= 4 && !LATIN_SIZES.has(word);
	if (!mixed && !disguised) return word;
	let out = '';
	for (const ch of word) out += LOOKALIKE[ch] ?? ch;
	return out;
}

export function normalizeText(text: string): NormalizedText {
	const tokens: Token[] = [];
	const sentences: SentenceInfo[] = [];
	let cyrillicLetters = 0;
	let allLetters = 0;
	for (let i = 0; i < text.length; i++) {
		const k = kindOf(text.charCodeAt(i));
		if (k === Kind.Cyrillic) cyrillicLetters++;
		if (k === Kind.Cyrillic || k === Kind.Latin) allLetters++;
	}
	const cyrillicContext = cyrillicLetters * 2 > allLetters;
	let sentence = 0;
	let clause = 0;
	let sentenceStart = 0;
	let sentenceHasLi = false;
	const closeSentence = (question: boolean) => {
		if (tokens.length > sentenceStart) {
			sentences.push({ question: question || sentenceHasLi, start: sentenceStart, end: tokens.length });
			sentence++;
			clause++;
		}
		sentenceStart = tokens.length;
		sentenceHasLi = false;
	};
	// `lower`: every letter is already a lower-case a-z, а-я or ё, so toLowerCase (a copy for Cyrillic) is skipped.
	const pushWord = (raw: string, isNumber: boolean, hasLatin: boolean, stretched: boolean, lower: boolean) => {
		let norm = lower ? raw : raw.toLowerCase();
		if (norm.includes('ё')) norm = norm.replace(/ё/g, 'е');
		let cyrillic = !isNumber;
		if (!isNumber) {
			if (hasLatin) norm = foldWord(norm, cyrillicContext);
			if (stretched) norm = norm.replace(STRETCH_RE, '$1');
			cyrillic = hasCyrillic(norm);
		}
		const caps = cyrillic && raw.length >= 2 && raw !== norm && raw === raw.toUpperCase();
		if (CONTRAST_WORDS.has(norm) && tokens.length > sentenceStart) clause++;
		if (norm === 'ли') sentenceHasLi = true;
		tokens.push({ norm, sentence, clause, caps, isNumber, isLatin: !isNumber && !cyrillic });
	};
	let i = 0;
	while (i < text.length) {
		const code = text.charCodeAt(i);
		const k = kindOf(code);
		if (k === Kind.Cyrillic || k === Kind.Latin || k === Kind.OtherLetter) {
			let j = i;
			let hasLatin = false;
			let stretched = false;
			let lower = true;
			let run = 0;
			let prev = -1;
			while (j < text.length) {
				const c = text.charCodeAt(j);
				const kj = kindOf(c);
				if (kj !== Kind.Cyrillic && kj !== Kind.Latin && kj !== Kind.OtherLetter) break;
				if (kj === Kind.Latin) hasLatin = true;
				if (lower && !isLowerLetter(c)) lower = false;
				run = c === prev ? run + 1 : 1;
				if (run >= 3) stretched = true;
				prev = c;
				j++;
			}
			pushWord(text.slice(i, j), false, hasLatin, stretched, lower);
			i = j;
		} else if (k === Kind.Digit) {
			let j = i + 1;
			while (j < text.length && kindOf(text.charCodeAt(j)) === Kind.Digit) j++;
			// "1,5" and "2.5" are one number, not a sentence end.
			if (j + 1 < text.length && (text[j] === '.' || text[j] === ',') && kindOf(text.charCodeAt(j + 1)) === Kind.Digit) {
				j++;
				while (j < text.length && kindOf(text.charCodeAt(j)) === Kind.Digit) j++;
			}
			pushWord(text.slice(i, j), true, false, false, true);
			i = j;
		} else if (k === Kind.SentenceEnd) {
			let j = i;
			let question = false;
			while (j < text.length && kindOf(text.charCodeAt(j)) === Kind.SentenceEnd) {
				if (text[j] === '?') question = true;
				j++;
			}
			closeSentence(question);
			i = j;
		} else {
			if (k === Kind.ClauseEnd) clause++;
			i++;
		}
	}
	closeSentence(false);
	return { tokens, sentences };
}

function isLowerLetter(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 0x430 && c <= 0x44f) || c === 0x451;
}

function hasCyrillic(word: string): boolean {
	for (let i = 0; i < word.length; i++) {
		const c = word.charCodeAt(i);
		if ((c >= 0x430 && c <= 0x44f) || c === 0x451) return true;
	}
	return false;
}
