// Rules match a normalised copy of the reply, never the reply itself: invisible characters removed, lower case,
// "ё" → "е", look-alike letters inside mixed-script words folded to the word's script, typographic dashes, quotes
// and spaces unified. Every normalised character remembers where it came from, so a violation can point at the
// exact span of the ORIGINAL text (offsets and excerpt) even when the two strings differ in length.

export interface NormalizedText {
	readonly original: string;
	/** Normalised text the rules search. */
	readonly text: string;
	/**
	 * `starts[i]` / `ends[i]`: the span of `original` that produced `text[i]`; null when every character maps to
	 * itself (the common case), so no table is built.
	 */
	readonly starts: Int32Array | null;
	readonly ends: Int32Array | null;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

/** Characters that render as nothing: used to split words invisibly ("Tele\u200bgram"), so they are dropped. */
function isInvisible(cp: number): boolean {
	return (
		cp === 0x00ad ||
		cp === 0x034f ||
		cp === 0x061c ||
		cp === 0x115f ||
		cp === 0x1160 ||
		cp === 0x17b4 ||
		cp === 0x17b5 ||
		(cp >= 0x180b && cp <= 0x180f) ||
		(cp >= 0x200b && cp <= 0x200f) ||
		// Combining marks for symbols (the keycap in "8️⃣") add nothing to the character before.
		(cp >= 0x20d0 && cp <= 0x20ff) ||
		(cp >= 0x202a && cp <= 0x202e) ||
		(cp >= 0x2060 && cp <= 0x206f) ||
		cp === 0x3164 ||
		(cp >= 0xfe00 && cp <= 0xfe0f) ||
		cp === 0xfeff ||
		cp === 0xffa0 ||
		(cp >= 0xfff9 && cp <= 0xfffb) ||
		(cp >= 0x1bca0 && cp <= 0x1bca3) ||
		(cp >= 0xe0000 && cp <= 0xe007f) ||
		(cp >= 0xe0100 && cp <= 0xe01ef)
	);
}

function isSpace(cp: number): boolean {
	return (
		cp === 0x09 ||
		cp === 0x0b ||
		cp === 0x0c ||
		cp === 0x85 ||
		cp === 0xa0 ||
		cp === 0x1680 ||
		(cp >= 0x2000 && cp <= 0x200a) ||
		cp === 0x202f ||
		cp === 0x205f ||
		cp === 0x3000
	);
}

// One table for the common range: lower case, "ё" → "е", Latin accents dropped (a "é" in "telegrám" is still an
// "a"), Greek look-alikes read as Latin so the mixed-script pass can fold them like any other homoglyph.
const LOW = new Uint16Array(0x530);
(function buildLowerTable() {
	for (let c = 0; c < LOW.length; c++) {
		const s = String.fromCharCode(c).toLowerCase();
		LOW[c] = s.length === 1 ? s.charCodeAt(0) : c;
	}
	const fold = (from: string, to: string) => {
		for (const ch of from) {
			LOW[ch.charCodeAt(0)] = to.charCodeAt(0);
			const up = ch.toUpperCase();
			if (up.length === 1 && up.charCodeAt(0) < LOW.length) LOW[up.charCodeAt(0)] = to.charCodeAt(0);
		}
	};
	fold('ё', 'е');
	fold('àáâãäåāăą', 'a');
	fold('çćč', 'c');
	fold('èéêëēėęě', 'e');
	fold('ìíîïīįı', 'i');
	fold('ñńň', 'n');
	fold('òóôõöøōő', 'o');
	fold('ùúûüūůű', 'u');
	fold('ýÿ', 'y');
	fold('śšş', 's');
	fold('źżž', 'z');
	fold('αά', 'a');
	fold('β', 'b');
	fold('εέ', 'e');
	fold('ηή', 'n');
	fold('ιί', 'i');
	fold('κ', 'k');
	fold('ν', 'v');
	fold('οό', 'o');
	fold('ρ', 'p');
	fold('τ', 't');
	fold('υύ', 'u');
	fold('χ', 'x');
	fold('ω', 'w');
	// Lone look-alikes from other Cyrillic alphabets.
	fold('ѐ', 'е');
	fold('ѝ', 'и');
	fold('ӧ', 'о');
	fold('ӓ', 'а');
})();

const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2043, 0x2212, 0xfe63, 0xff0d]);
const DOUBLE_QUOTES = new Set([0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x301d, 0x301e]);
const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc]);
const DOTS = new Set([0x00b7, 0x2022, 0x2024, 0x2027, 0x2219, 0x22c5, 0x3002, 0xfe52, 0xff61]);
const ATS = new Set([0xfe6b]);

/** Letter-like symbols (𝐰𝐰𝐰, ⓦⓦⓦ, ｗｗｗ, 🅦) spell ordinary letters and digits. */
function asciiLookalike(cp: number): string | undefined {
	if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0).toLowerCase();
	if (cp >= 0x24b6 && cp <= 0x24cf) return String.fromCharCode(0x61 + cp - 0x24b6);
	if (cp >= 0x24d0 && cp <= 0x24e9) return String.fromCharCode(0x61 + cp - 0x24d0);
	if (cp >= 0x1f130 && cp <= 0x1f149) return String.fromCharCode(0x61 + cp - 0x1f130);
	if (cp >= 0x1f150 && cp <= 0x1f169) return String.fromCharCode(0x61 + cp - 0x1f150);
	if (cp >= 0x1f170 && cp <= 0x1f189) return String.fromCharCode(0x61 + cp - 0x1f170);
	if ((cp >= 0x1d400 && cp <= 0x1d7ff) || (cp >= 0x2460 && cp <= 0x2473)) {
		const s = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
		if (/^[a-z0-9]+$/.test(s)) return s;
	}
	return undefined;
}

// Script of a lower-case letter: 1 Latin, 2 Cyrillic, 0 neither.
function script(c: number): number {
	if ((c >= 0x61 && c <= 0x7a) || c === 0xdf) return 1;
	if (c >= 0x400 && c <= 0x52f) return 2;
	return 0;
}

const CYR_TO_LAT = new Map<number, number>();
const LAT_TO_CYR = new Map<number, number>();
(function buildHomoglyphs() {
	const pairs: Array<[string, string]> = [
		['а', 'a'],
		['в', 'b'],
		['е', 'e'],
		['к', 'k'],
		['м', 'm'],
		['н', 'h'],
		['о', 'o'],
		['р', 'p'],
		['с', 'c'],
		['т', 't'],
		['у', 'y'],
		['х', 'x'],
	];
	for (const [cyr, lat] of pairs) {
		CYR_TO_LAT.set(cyr.charCodeAt(0), lat.charCodeAt(0));
		LAT_TO_CYR.set(lat.charCodeAt(0), cyr.charCodeAt(0));
	}
	// Only one direction: these have no Russian counterpart.
	const oneWay: Array<[string, string]> = [
		['і', 'i'],
		['ј', 'j'],
		['ѕ', 's'],
		['һ', 'h'],
		['ԁ', 'd'],
		['ԛ', 'q'],
		['ԝ', 'w'],
		['ӏ', 'l'],
	];
	for (const [cyr, lat] of oneWay) CYR_TO_LAT.set(cyr.charCodeAt(0), lat.charCodeAt(0));
})();

/**
 * A word mixing Latin and Cyrillic letters is an obfuscation ("stil-dоma", "Tеlegram", "ВКонтaкте"): fold the
 * minority script's look-alikes into the majority script. Pure words are left alone.
 */
function foldMixedScripts(buf: Uint16Array, len: number): void {
	let i = 0;
	while (i < len) {
		if (script(buf[i]) === 0) {
			i++;
			continue;
		}
		let j = i;
		let lat = 0;
		let cyr = 0;
		while (j < len) {
			const s = script(buf[j]);
			if (s === 0) break;
			if (s === 1) lat++;
			else cyr++;
			j++;
		}
		if (lat > 0 && cyr > 0) {
			let toLatin = lat > cyr;
			if (lat === cyr) {
				// A tie goes to the script every letter can be written in.
				let allCyrMappable = true;
				for (let k = i; k < j; k++) if (script(buf[k]) === 2 && !CYR_TO_LAT.has(buf[k])) allCyrMappable = false;
				toLatin = allCyrMappable;
			}
			const map = toLatin ? CYR_TO_LAT : LAT_TO_CYR;
			const from = toLatin ? 2 : 1;
			for (let k = i; k < j; k++) {
				if (script(buf[k]) === from) {
					const m = map.get(buf[k]);
					if (m !== undefined) buf[k] = m;
				}
			}
		}
		i = j;
	}
}

function normalizeWithMap(original: string): NormalizedText {
	const n = original.length;
	// A look-alike symbol may expand ("⑫" → "12"), so allow for growth.
	const cap = n * 2 + 4;
	let buf = new Uint16Array(cap);
	let starts = new Int32Array(cap);
	let ends = new Int32Array(cap);
	let len = 0;
	const push = (code: number, s: number, e: number) => {
		buf[len] = code;
		starts[len] = s;
		ends[len] = e;
		len++;
	};
	let i = 0;
	while (i < n) {
		const c = original.charCodeAt(i);
		if (c < 0x80) {
			// ASCII fast path.
			if (c >= 0x41 && c <= 0x5a) push(c + 32, i, i + 1);
			else if (c === 0x0d) push(NEWLINE, i, i + 1);
			else if (c === 0x09 || c === 0x0b || c === 0x0c) push(SPACE, i, i + 1);
			else push(c, i, i + 1);
			i++;
			continue;
		}
		if (c >= 0x0400 && c < 0x0500) {
			// Cyrillic fast path: the bulk of every reply.
			push(LOW[c], i, i + 1);
			i++;
			continue;
		}
		let cp = c;
		let width = 1;
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
			const d = original.charCodeAt(i + 1);
			if (d >= 0xdc00 && d <= 0xdfff) {
				cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
				width = 2;
			}
		}
		if (isInvisible(cp)) {
			// Kept inside the previous character's span, so an excerpt ends after "8️⃣", not inside it.
			if (len > 0) ends[len - 1] = i + width;
			i += width;
			continue;
		}
		if (cp >= 0x300 && cp <= 0x36f) {
			// Combining marks: a decomposed "й" stays "й"; any other mark (stress, diaeresis) is dropped but kept
			// inside the previous character's span.
			if (len > 0) {
				if (cp === 0x306 && buf[len - 1] === 0x438) buf[len - 1] = 0x439;
				ends[len - 1] = i + width;
			}
			i += width;
			continue;
		}
		if (isSpace(cp)) push(SPACE, i, i + width);
		else if (cp === 0x2028 || cp === 0x2029) push(NEWLINE, i, i + width);
		else if (DASHES.has(cp)) push(0x2d, i, i + width);
		else if (cp === 0x2015) push(0x2014, i, i + width);
		else if (DOUBLE_QUOTES.has(cp)) push(0x22, i, i + width);
		else if (SINGLE_QUOTES.has(cp)) push(0x27, i, i + width);
		else if (DOTS.has(cp)) push(0x2e, i, i + width);
		else if (ATS.has(cp)) push(0x40, i, i + width);
		else if (cp < LOW.length) push(LOW[cp], i, i + width);
		else {
			const ascii = asciiLookalike(cp);
			if (ascii !== undefined) {
				if (len + ascii.length >= cap) break;
				for (let k = 0; k < ascii.length; k++) push(ascii.charCodeAt(k), i, i + width);
			} else if (width === 1) {
				const low = String.fromCharCode(cp).toLowerCase();
				push(low.length === 1 ? low.charCodeAt(0) : cp, i, i + 1);
			} else {
				push(c, i, i + 2);
				push(original.charCodeAt(i + 1), i, i + 2);
			}
		}
		i += width;
	}
	foldMixedScripts(buf, len);
	buf = buf.subarray(0, len);
	starts = starts.subarray(0, len);
	ends = ends.subarray(0, len);
	return { original, text: bufferToString(buf, len), starts, ends };
}

// Characters that are dropped or expand: invisible and combining characters, letter-like symbols that stand for
// letters or digits, and astral symbols among them. Without any of these, normalising is one-to-one.
function needsMap(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0xad || (c >= 0x400 && c < 0x500)) continue;
		if (isInvisible(c) || (c >= 0x300 && c <= 0x36f) || (c >= 0x2460 && c <= 0x2473) || c === 0x2028 || c === 0x2029) return true;
		// Astral letter-like symbols and invisible tags (their high surrogates).
		if (c === 0xd835 || c === 0xdb40 || c === 0xdb43 || c === 0xd82f) return true;
		if (c === 0xd83c && i + 1 < text.length) {
			const d = text.charCodeAt(i + 1);
			if (d >= 0xdd00 && d <= 0xddff) return true;
		}
	}
	return false;
}
// Characters the one-to-one path still rewrites (anything but printable ASCII and basic lower-case Cyrillic).
const SPECIAL = /[^ -@[-~\u0430-\u044f]/g;
const MIXED_SCRIPT = /[a-z\u00df][\u0400-\u052f]|[\u0400-\u052f][a-z\u00df]/;

const MAPPED: Array<string | undefined> = new Array(0x10000);
function mapCharCached(ch: string): string {
	const c = ch.charCodeAt(0);
	let m = MAPPED[c];
	if (m === undefined) MAPPED[c] = m = mapChar(ch);
	return m;
}

function mapChar(ch: string): string {
	const c = ch.charCodeAt(0);
	if (c < 0x80) return c === 0x0d ? '\n' : c === 0x09 || c === 0x0b || c === 0x0c ? ' ' : ch.toLowerCase();
	if (c >= 0xd800 && c <= 0xdfff) return ch;
	if (isSpace(c)) return ' ';
	if (DASHES.has(c)) return '-';
	if (c === 0x2015) return '\u2014';
	if (DOUBLE_QUOTES.has(c)) return '"';
	if (SINGLE_QUOTES.has(c)) return "'";
	if (DOTS.has(c)) return '.';
	if (ATS.has(c)) return '@';
	if (c < LOW.length) return String.fromCharCode(LOW[c]);
	const ascii = asciiLookalike(c);
	if (ascii !== undefined && ascii.length === 1) return ascii;
	const low = ch.toLowerCase();
	return low.length === 1 ? low : ch;
}

export function normalizeText(original: string): NormalizedText {
	if (needsMap(original)) return normalizeWithMap(original);
	let text = original.replace(SPECIAL, mapCharCached);
	if (text.length !== original.length) return normalizeWithMap(original);
	if (MIXED_SCRIPT.test(text)) {
		const buf = new Uint16Array(text.length);
		for (let i = 0; i < text.length; i++) buf[i] = text.charCodeAt(i);
		foldMixedScripts(buf, buf.length);
		text = bufferToString(buf, buf.length);
	}
	return { original, text, starts: null, ends: null };
}

function bufferToString(buf: Uint16Array, len: number): string {
	let text = '';
	// Chunked to stay clear of the argument-count limit of fromCharCode.
	for (let k = 0; k < len; k += 4096) {
		text += String.fromCharCode.apply(null, buf.subarray(k, Math.min(len, k + 4096)) as unknown as number[]);
	}
	return text;
}

/** The ORIGINAL span behind the normalised span [start, end). */
export function originalSpan(norm: NormalizedText, start: number, end: number): [number, number] {
	if (norm.text.length === 0) return [0, norm.original.length];
	const s = Math.min(Math.max(start, 0), norm.text.length - 1);
	const e = Math.min(Math.max(end, s + 1), norm.text.length);
	if (!norm.starts || !norm.ends) return [s, e];
	return [norm.starts[s], norm.ends[e - 1]];
}
