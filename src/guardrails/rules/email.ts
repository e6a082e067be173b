import { B, E, eachMatch, type Doc, type Finding } from '../doc';
import { alternation, CYRILLIC_TLDS, LATIN_TLDS, SPELLED_TLDS } from '../lexicon';

// An e-mail address is "local AT domain DOT tld", where AT and DOT may be written out to dodge filters:
// "собака", "at", "(at)", "[at]", "эт" for @; "dot", "точка", "(dot)" for the dot; spaces anywhere. A plain
// "собака" or "at" never matches alone: the whole address shape has to be there ("фото вашей собаки" and
// "Mate 60 Pro" are clean).

const LOCAL = '[a-zа-я0-9](?:[a-zа-я0-9._%+-]{0,63}[a-zа-я0-9])?';
const DOMAIN = '[a-zа-я0-9](?:[a-zа-я0-9-]{0,62}[a-zа-я0-9])?';
const AT_WORD = '(?:at|эт|собака|собачка|sobaka)';
const DOT_WORD = '(?:dot|дот|точка|тчк)';
const OPEN = '[(\\[{<]';
const CLOSE = '[)\\]}>]';

// Real "@": any top-level domain of 2+ letters.
const PLAIN = new RegExp(`${B}${LOCAL}(?:@\\s{0,2}|\\s{1,2}@\\s{1,2})${DOMAIN}(?:\\s{0,2}\\.\\s{0,2}${DOMAIN})*\\s{0,2}\\.\\s{0,2}[a-zа-я]{2,12}${E}`, 'g');
// Spelled "@" or dot: the top-level domain must be a known one.
const AT = `(?:@\\s{0,2}|\\s{1,2}@\\s{1,2}|\\s{0,2}${OPEN}\\s{0,2}(?:${AT_WORD}|@)\\s{0,2}${CLOSE}\\s{0,2}|\\s{1,2}${AT_WORD}\\s{1,2})`;
const DOT = `(?:\\s{0,2}\\.\\s{0,2}|\\s{0,2}${OPEN}\\s{0,2}${DOT_WORD}\\s{0,2}${CLOSE}\\s{0,2}|\\s{1,2}${DOT_WORD}\\s{1,2})`;
const KNOWN_TLD = `(?:${alternation([...LATIN_TLDS, ...CYRILLIC_TLDS, ...SPELLED_TLDS])})`;
const OBFUSCATED = new RegExp(`${B}${LOCAL}${AT}${DOMAIN}(?:${DOT}${DOMAIN})*?${DOT}${KNOWN_TLD}${E}`, 'g');
// "ivan.petrov gmail com": a mail provider after a Latin name is an address even with no "@" at all.
const PROVIDER = new RegExp(
	`${B}[a-z0-9][a-z0-9._-]{2,}(?:${AT}|\\s{1,2})(?:gmail|yandex|ya|mail|inbox|bk|list|rambler|outlook|hotmail|icloud|yahoo|proton(?:mail)?)(?:${DOT}|\\s{1,2})(?:com|ru|me|net)${E}`,
	'g',
);

// "shop собака gmail": a spelled "@" before a mail provider is enough.
const AT_PROVIDER = new RegExp(
	`${B}${LOCAL}${AT}(?:gmail|yandex|ya|mail|inbox|bk|list|rambler|outlook|hotmail|icloud|yahoo|proton(?:mail)?|яндекс|мейл|маил|гмейл|гмаил)${E}`,
	'g',
);

const isLetterCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x44f);
/** `word` occurs as a whole word (a cheap scan; "это" does not contain the word "эт"). */
function hasWord(text: string, word: string): boolean {
	for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
		if ((i === 0 || !isLetterCode(text.charCodeAt(i - 1))) && !isLetterCode(text.charCodeAt(i + word.length))) return true;
	}
	return false;
}
const hasAtHint = (text: string) =>
	text.includes('@') || text.includes('собак') || text.includes('sobaka') || hasWord(text, 'at') || hasWord(text, 'эт');
const PROVIDER_HINT = /gmail|yandex|ya|mail|inbox|bk|list|rambler|outlook|hotmail|icloud|yahoo|proton|яндекс|мейл|маил|гмейл|гмаил/;

const MESSAGE = 'e-mail address; marketplaces forbid sharing contacts in replies';

export function checkEmail(doc: Doc): Finding[] {
	const text = doc.text;
	const out: Finding[] = [];
	const add = (m: RegExpExecArray) => out.push({ rule: 'email', start: m.index, end: m.index + m[0].length, message: MESSAGE });
	if (text.includes('@')) eachMatch(PLAIN, text, add);
	// Cheap tests first: the address patterns start at every word, the hints below rarely occur.
	const at = hasAtHint(text);
	if (at) eachMatch(OBFUSCATED, text, add);
	if (/[a-z]/.test(text) && PROVIDER_HINT.test(text)) {
		eachMatch(PROVIDER, text, add);
		if (at) eachMatch(AT_PROVIDER, text, add);
	}
	return out;
}
