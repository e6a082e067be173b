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

const CYRILLIC = /[а-яё]/;
const LATIN = /[a-z]/;
const LATIN_SIZES = new Set(['xs', 'xl', 'xxl', 'xxxl', 'xxs', 'ok', 'tm']);
const CONTRAST_WORDS = new Set(['но', 'а', 'зато', 'однако', 'хотя', 'только']);

// Words, numbers, and the punctuation that ends a sentence or a clause. Hyphenated words are split on purpose
// ("фильтр-пакеты", "что-то"), so each part matches on its own.
const TOKEN_RE = /[\p{L}]+|\d+(?:[.,]\d+)?|[.!?…]+|[,;:()]|\n/gu;
const STRETCH_RE = /(\p{L})\1{2,}/gu;

function foldWord(word: string, cyrillicContext: boolean): string {
	let cyr = 0;
	let lat = 0;
	let latNonLookalike = 0;
	for (const ch of word) {
		if (CYRILLIC.test(ch)) cyr++;
		else if (LATIN.test(ch)) {
			lat++;
			if (!(ch in LOOKALIKE)) latNonLookalike++;
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
	const cyrillicContext = countCyrillic(text) * 2 > countLetters(text);
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
	for (const m of text.matchAll(TOKEN_RE)) {
		const raw = m[0];
		const first = raw.charCodeAt(0);
		if (raw === '\n' || first === 46 || first === 33 || first === 63 || raw[0] === '…') {
			closeSentence(raw.includes('?'));
			continue;
		}
		if (raw.length === 1 && ',;:()'.includes(raw)) {
			clause++;
			continue;
		}
		const isNumber = first >= 48 && first <= 57;
		let norm = raw.toLowerCase().replace(/ё/g, 'е');
		if (!isNumber) {
			norm = foldWord(norm, cyrillicContext).replace(STRETCH_RE, '$1');
		}
		const caps = !isNumber && raw.length >= 2 && raw === raw.toUpperCase() && CYRILLIC.test(norm) && raw !== norm;
		if (CONTRAST_WORDS.has(norm) && tokens.length > sentenceStart) clause++;
		if (norm === 'ли') sentenceHasLi = true;
		tokens.push({
			norm,
			sentence,
			clause,
			caps,
			isNumber,
			isLatin: !isNumber && !CYRILLIC.test(norm),
		});
	}
	closeSentence(false);
	return { tokens, sentences };
}

function countCyrillic(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451) n++;
	}
	return n;
}

function countLetters(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
	}
	return n;
}
