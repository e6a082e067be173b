import { B, E, eachMatch, type Doc, type Finding } from '../doc';
import { alternation, CYRILLIC_TLDS, LATIN_TLDS, SPELLED_TLDS } from '../lexicon';
import { originalSpan } from '../normalize';

// Marketplaces reject any external address, however it is written. The rule reads the normalised text, where
// invisible characters are gone and look-alike letters are folded, and recognises an address by its shape:
// a scheme, "www", or a name followed by a known top-level domain after a dot that may be spaced, bracketed or
// spelled out ("точка", "dot"). Numbers with dots ("2.0", "10.2026", "128.1") never end in a top-level domain.

const LABEL = '[a-zа-я0-9](?:[a-zа-я0-9-]{0,62}[a-zа-я0-9])?';
const TLD = `(?:${alternation([...LATIN_TLDS, ...CYRILLIC_TLDS])})`;
const PATH_REST = `(?:[^\\s"'<>«»)]*[^\\s"'<>«»).,;:!?])?`;
const PATH = `(?:[/?#]${PATH_REST})?`;

const SCHEME = new RegExp(`${B}(?:https?|hxxps?|ftp)\\s?:\\s?/\\s?/\\s?(?:[^\\s"'<>«»]*[^\\s"'<>«».,;:!?)])?`, 'g');
// App schemes open a messenger or a page directly: "tg://resolve?domain=shop", "viber://chat", "mailto:".
const APP_SCHEME = new RegExp(`${B}(?:tg|viber|whatsapp|skype|mailto|tel|sms|intent):(?://)?[^\\s"'<>«»]*[^\\s"'<>«».,;:!?)]`, 'g');
const WWW = new RegExp(`${B}www\\d?${E}(?:\\s?[.,]?\\s?${LABEL})?(?:\\s?[.,]?\\s?${TLD}${E})?${PATH}`, 'g');
// name.tld, sub.name.tld/path
const DOTTED = new RegExp(`${B}${LABEL}(?:\\.${LABEL})*\\.${TLD}${E}${PATH}`, 'g');
// "name . ru", "name .ru": a space before the dot never happens in ordinary prose.
const SPACED_DOT = new RegExp(`${B}${LABEL}\\s+\\.\\s*${TLD}${E}${PATH}`, 'g');
// "name. ru": also the end of a sentence, so only for a Latin name and a lower-case domain in the original.
const SPACE_AFTER_DOT = new RegExp(`${B}[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.\\s+(${TLD})${E}`, 'g');
// "name dot com", "name (точка) ру", "сайт точка ру", "точка ком"
const DOT_WORD = '(?:dot|дот|точка|тчк)';
const SPELLED_DOT = new RegExp(
	`(?:${B}${LABEL}[\\s,]{0,3})?(?:[(\\[{<]\\s*${DOT_WORD}\\s*[)\\]}>]|${B}${DOT_WORD}${E})[\\s,]{0,3}(?:${alternation(SPELLED_TLDS)})${E}`,
	'g',
);
// "site[.]ru", "site(.)com"
const BRACKET_DOT = new RegExp(`${B}${LABEL}\\s*[(\\[{<]\\s*\\.\\s*[)\\]}>]\\s*${TLD}${E}${PATH}`, 'g');
// "vk com/club1", "youtube com/watch": a space for the dot, but a path gives it away.
const SPACED_WITH_PATH = new RegExp(`${B}[a-z0-9-]{2,}[\\s,]+(?:${alternation(LATIN_TLDS)})\\s?/\\s?[a-z0-9_]${PATH_REST}`, 'g');
// "на сайте techlink-compat ru": a space for the dot after words that announce an address.
const SITE_WORD = /(?:сайт|ссылк|адрес|страниц|домен|переход|заход|www)[а-я]*/;
const SPACED_AFTER_SITE_WORD = /(?<![a-zа-я0-9])[a-z0-9][a-z0-9-]{2,}\s+(?:ru|com|net|org|su|рф|ру|shop|store|online|info|pro)(?![a-zа-я0-9])/g;
// A Latin name followed by a Cyrillic top-level domain ("uyut-dom ру"): no Russian sentence looks like that.
const LATIN_THEN_CYRILLIC_TLD = new RegExp(`${B}[a-z0-9][a-z0-9-]{2,}\\s+(?:ру|рф|ком|орг)(?![a-zа-я0-9-])`, 'g');
// "ссылка в профиле / в шапке": the address is elsewhere but the reply points to it.
const LINK_ELSEWHERE = new RegExp(
	`${B}ссылк[а-я]*\\s+(?:в|из)\\s+(?:наше[мй]\\s+)?(?:профил|шапк|био|описании\\s+профил|канал|групп|сторис|телеграм|инстаграм)[а-я]*`,
	'g',
);

const isWordCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x430 && c <= 0x44f);
const isLatinCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const HINT_WORDS = ['www', 'dot', 'дот', 'точк', 'тчк', 'сайт', 'ссылк', 'адрес', 'страниц', 'домен', 'переход', 'заход', ':'];
/** Cyrillic top-level domains standing as a whole word ("uyut-dom ру"). */
const CYRILLIC_TLD_WORDS = ['ру', 'рф', 'ком', 'орг'];

// Hint words and domain words are found by their first two characters: one pass over the reply reads each
// character once and looks its pair up in a table, instead of searching the whole reply once per word. Letters of
// the normalised text fold into small codes: ASCII keeps its code, а-я become 0x80-0x9f, anything else is 0.
const PAIR_BASE = 0xa0;
function smallCode(c: number): number {
	if (c >= 0x430 && c <= 0x44f) return c - 0x3b0;
	return c < 0x80 ? c : 0;
}
interface PairWords {
	hints: string[];
	tlds: string[];
}
/** Slot of each character pair that starts a word below (0: none), and the words of each slot. */
const PAIR_SLOT = new Uint8Array(PAIR_BASE * PAIR_BASE);
const PAIR_WORDS: PairWords[] = [{ hints: [], tlds: [] }];
function wordsOfPair(word: string): PairWords {
	const pair = smallCode(word.charCodeAt(0)) * PAIR_BASE + smallCode(word.charCodeAt(1));
	if (PAIR_SLOT[pair] === 0) {
		PAIR_SLOT[pair] = PAIR_WORDS.length;
		PAIR_WORDS.push({ hints: [], tlds: [] });
	}
	return PAIR_WORDS[PAIR_SLOT[pair]];
}
// ':' is the one single-character hint; the scan tests it directly.
for (const w of HINT_WORDS) if (w.length > 1) wordsOfPair(w).hints.push(w);
for (const w of CYRILLIC_TLD_WORDS) wordsOfPair(w).tlds.push(w);

/** One of `words` starts at `i`. */
function startsAny(text: string, i: number, words: readonly string[]): boolean {
	for (const w of words) if (text.startsWith(w, i)) return true;
	return false;
}

/** One of `words` stands at `i` as a whole word. */
function wholeWordAt(text: string, i: number, words: readonly string[]): boolean {
	if (i > 0 && isWordCode(text.charCodeAt(i - 1))) return false;
	for (const w of words) if (text.startsWith(w, i) && !isWordCode(text.charCodeAt(i + w.length))) return true;
	return false;
}

/** The dot at `i` could join a name and a domain: "name.ru", "name .ru", "(.)", "name. ru" (Latin around it). */
function addressDot(text: string, i: number): boolean {
	const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
	let j = i + 1;
	while (text.charCodeAt(j) === 0x20) j++;
	const next = j < text.length ? text.charCodeAt(j) : 0;
	if (!isWordCode(next)) return false;
	if (j === i + 1 && isWordCode(prev)) return true;
	if (prev === 0x20 || prev === 0x28 || prev === 0x5b || prev === 0x7b || prev === 0x3c) return true;
	return isLatinCode(prev) && isLatinCode(next);
}

/** The slash at `i` follows a Latin name or number ("vk.com/club", "vk com / club"). */
function addressSlash(text: string, i: number): boolean {
	const prev = text.charCodeAt(i - 1) === 0x20 ? text.charCodeAt(i - 2) : text.charCodeAt(i - 1);
	return isLatinCode(prev);
}

/**
 * Something every pattern below needs: a hint word anywhere, a Cyrillic domain as a word, ':', or an address-like
 * dot or slash. A cheap scan that ends the rule for most replies.
 */
function addressHint(text: string): boolean {
	let prev = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x2e) {
			if (addressDot(text, i)) return true;
		} else if (c === 0x2f) {
			if (addressSlash(text, i)) return true;
		} else if (c === 0x3a) return true;
		const cur = smallCode(c);
		const slot = PAIR_SLOT[prev * PAIR_BASE + cur];
		if (slot !== 0) {
			const { hints, tlds } = PAIR_WORDS[slot];
			if (startsAny(text, i - 1, hints) || wholeWordAt(text, i - 1, tlds)) return true;
		}
		prev = cur;
	}
	return false;
}

const MESSAGE = 'external link or web address; marketplaces reject replies with links';

export function checkLink(doc: Doc): Finding[] {
	const text = doc.text;
	const out: Finding[] = [];
	const add = (start: number, end: number) => {
		// An address inside an e-mail belongs to the e-mail rule.
		let k = start - 1;
		while (k >= 0 && text[k] === ' ') k--;
		if (k >= 0 && text[k] === '@') return;
		let j = end;
		while (j < text.length && text[j] === ' ') j++;
		if (text[j] === '@') return;
		out.push({ rule: 'link', start, end, message: MESSAGE });
	};
	// Cheap tests first: most replies have no address-like character sequence at all.
	if (!addressHint(text)) return out;
	if (/:\s?\//.test(text)) eachMatch(SCHEME, text, (m) => add(m.index, m.index + m[0].length));
	if (/:/.test(text)) eachMatch(APP_SCHEME, text, (m) => add(m.index, m.index + m[0].length));
	if (text.includes('www')) eachMatch(WWW, text, (m) => add(m.index, m.index + m[0].length));
	if (/[a-zа-я0-9]\.[a-zа-я]/.test(text)) {
		eachMatch(DOTTED, text, (m) => {
			// "15.pro", "3.de": a host needs a letter before its top-level domain.
			const host = m[0].slice(0, m[0].lastIndexOf('.', m[0].search(/[/?#]|$/)));
			if (/[a-zа-я]/.test(host)) add(m.index, m.index + m[0].length);
		});
	}
	if (/\s\.\s*[a-zа-я]/.test(text)) eachMatch(SPACED_DOT, text, (m) => add(m.index, m.index + m[0].length));
	if (/[a-z0-9]\.\s+[a-z]/.test(text)) {
		eachMatch(SPACE_AFTER_DOT, text, (m) => {
			const tldStart = m.index + m[0].length - m[1].length;
			const [s, e] = originalSpan(doc.norm, tldStart, m.index + m[0].length);
			const raw = doc.norm.original.slice(s, e);
			if (raw === raw.toLowerCase()) add(m.index, m.index + m[0].length);
		});
	}
	if (/dot|дот|точка|тчк/.test(text)) eachMatch(SPELLED_DOT, text, (m) => add(m.index, m.index + m[0].length));
	if (/[([{<]\s*\.\s*[)\]}>]/.test(text)) eachMatch(BRACKET_DOT, text, (m) => add(m.index, m.index + m[0].length));
	if (/[a-z]\s?\/\s?[a-z0-9_]/.test(text)) eachMatch(SPACED_WITH_PATH, text, (m) => add(m.index, m.index + m[0].length));
	if (SITE_WORD.test(text)) {
		eachMatch(SPACED_AFTER_SITE_WORD, text, (m) => {
			const [s] = doc.sentence(m.index);
			if (SITE_WORD.test(text.slice(s, m.index))) add(m.index, m.index + m[0].length);
		});
	}
	if (/[a-z0-9]\s+(?:ру|рф|ком|орг)/.test(text)) eachMatch(LATIN_THEN_CYRILLIC_TLD, text, (m) => add(m.index, m.index + m[0].length));
	if (text.includes('ссылк')) eachMatch(LINK_ELSEWHERE, text, (m) => add(m.index, m.index + m[0].length));
	return out;
}
