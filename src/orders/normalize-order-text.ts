// Buyers paste order numbers from apps, PDFs and other chats: full-width digits, no-break and thin spaces,
// en/em dashes, zero-width joiners and letters from the wrong keyboard layout all occur. Folding them first
// lets one set of plain-ASCII patterns see every variant, while the offset map still reports where the
// number sits in the text the buyer actually wrote.

export interface NormalizedOrderText {
	/** Folded text: ASCII digits, plain spaces and hyphens, homoglyphs settled per token. */
	readonly text: string;
	/** `text` lower-cased with ё folded to е; the same length as `text`, so offsets are shared. */
	readonly lower: string;
	/** For each UTF-16 unit of `text`: where its source character starts in the original. */
	readonly from: readonly number[];
	/** For each UTF-16 unit of `text`: where its source character ends (exclusive) in the original. */
	readonly to: readonly number[];
}

const ZERO_WIDTH = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/;
const SPACE_LIKE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const DASH_LIKE = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/;
const NON_ASCII_DIGIT = /\p{Nd}/u;
// Zeros of the decimal-digit blocks NFKC leaves alone (it already folds full-width and mathematical digits).
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0e50, 0x1040, 0x17e0, 0x1810];

const LATIN_TO_CYRILLIC: Record<string, string> = {
	a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к',
	A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
};
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(
	Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);
const LOOKS_LIKE_ZERO = new Set(['O', 'o', 'О', 'о']);

const TOKEN = /[\p{L}\p{Nd}_]+/gu;
const LATIN_LETTER = /[A-Za-z]/;
const CYRILLIC_LETTER = /[\u0400-\u04FF]/;
const ASCII_DIGIT = /[0-9]/;

function digitOf(ch: string): string {
	const nfkc = ch.normalize('NFKC');
	if (/^[0-9]$/.test(nfkc)) return nfkc;
	const code = ch.codePointAt(0) as number;
	for (const zero of DIGIT_ZEROS) {
		if (code >= zero && code <= zero + 9) return String(code - zero);
	}
	return ch;
}

function foldChar(ch: string): string {
	if (ZERO_WIDTH.test(ch)) return '';
	if (SPACE_LIKE.test(ch)) return ' ';
	if (ch === '\r') return '\n';
	if (DASH_LIKE.test(ch)) return '-';
	const code = ch.codePointAt(0) as number;
	if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
	if (code > 0x7f && NON_ASCII_DIGIT.test(ch)) return digitOf(ch);
	return ch;
}

/**
 * A token mixing scripts was typed on the wrong layout for some letters. Ids (mostly digits and Latin hex)
 * are pulled to Latin; Russian words with a stray Latin letter are pulled to Cyrillic so labels still match.
 */
function settleHomoglyphs(chars: string[]): void {
	const joined = chars.join('');
	TOKEN.lastIndex = 0;
	for (let m = TOKEN.exec(joined); m; m = TOKEN.exec(joined)) {
		let latin = 0;
		let cyrillic = 0;
		let digits = 0;
		for (const ch of m[0]) {
			if (LATIN_LETTER.test(ch)) latin++;
			else if (CYRILLIC_LETTER.test(ch)) cyrillic++;
			else if (ASCII_DIGIT.test(ch)) digits++;
		}
		if (cyrillic === 0) continue;
		const toLatin = (latin > 0 && (latin >= cyrillic || digits >= 6)) || (latin === 0 && digits >= 16);
		const toCyrillic = !toLatin && latin > 0;
		if (!toLatin && !toCyrillic) continue;
		const table = toLatin ? CYRILLIC_TO_LATIN : LATIN_TO_CYRILLIC;
		for (let i = m.index; i < m.index + m[0].length; i++) {
			const swapped = table[chars[i]];
			if (swapped) chars[i] = swapped;
		}
	}
	// A letter O between two digits is a zero typed on the wrong key.
	for (let i = 1; i < chars.length - 1; i++) {
		if (LOOKS_LIKE_ZERO.has(chars[i]) && ASCII_DIGIT.test(chars[i - 1]) && ASCII_DIGIT.test(chars[i + 1])) {
			chars[i] = '0';
		}
	}
}

function lowerChar(ch: string): string {
	if (ch === 'ё' || ch === 'Ё') return 'е';
	const lower = ch.toLowerCase();
	return lower.length === 1 ? lower : ch;
}

export function normalizeOrderText(input: string): NormalizedOrderText {
	const chars: string[] = [];
	const from: number[] = [];
	const to: number[] = [];
	let offset = 0;
	for (const ch of input) {
		const folded = foldChar(ch);
		for (const unit of folded) {
			for (let k = 0; k < unit.length; k++) {
				chars.push(unit[k]);
				from.push(offset);
				to.push(offset + ch.length);
			}
		}
		offset += ch.length;
	}
	settleHomoglyphs(chars);
	return { text: chars.join(''), lower: chars.map(lowerChar).join(''), from, to };
}

/** The original [start, end) of the folded range [start, end). */
export function originalSpan(normalized: NormalizedOrderText, start: number, end: number): [number, number] {
	return [normalized.from[start], normalized.to[end - 1]];
}
