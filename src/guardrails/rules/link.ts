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

const CYRILLIC_TLD_WORDS = ['ру', 'рф', 'ком', 'орг'];
/** `word` occurs as a whole word. */
function hasWord(text: string, word: string): boolean {
	for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
		if ((i === 0 || !isWordCode(text.charCodeAt(i - 1))) && !isWordCode(text.charCodeAt(i + word.length))) return true;
	}
	return false;
}

/** Something every pattern below needs; a cheap scan that ends the rule for most replies. */
function addressHint(text: string): boolean {
	for (const w of HINT_WORDS) if (text.includes(w)) return true;
	for (const w of CYRILLIC_TLD_WORDS) if (hasWord(text, w)) return true;
	for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
		const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
		let j = i + 1;
		while (text.charCodeAt(j) === 0x20) j++;
		const next = j < text.length ? text.charCodeAt(j) : 0;
		if (!isWordCode(next)) continue;
		// "name.ru", "name .ru", "(.)", "name. ru" (Latin around a spaced dot).
		if (j === i + 1 && isWordCode(prev)) return true;
		if (prev === 0x20 || prev === 0x28 || prev === 0x5b || prev === 0x7b || prev === 0x3c) return true;
		if (isLatinCode(prev) && isLatinCode(next)) return true;
	}
	for (let i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) {
		const prev = text.charCodeAt(i - 1) === 0x20 ? text.charCodeAt(i - 2) : text.charCodeAt(i - 1);
		if (isLatinCode(prev)) return true;
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
