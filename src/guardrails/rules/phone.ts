import type { Doc, Finding } from '../doc';

// A phone number is found by its digits, not by one format: the reply is read as runs of numbers (digits,
// number words such as "девятьсот шестнадцать", and look-alike letters inside digits such as "9О5") that are
// separated only by spaces, dashes, dots or brackets. A run is a phone when some aligned part of it has the shape
// of a Russian or international number: +N…, 8/7 + area code + 7 digits, (area code) + 7 digits, 3-3-2-2, or a
// 3-2-2 city number. Article numbers, order and posting numbers, barcodes, prices, sizes and dates fail these
// shapes or sit right after the words that name them ("артикул", "заказ №"), which then wins over a bare run.

interface NumToken {
	digits: string;
	start: number;
	end: number;
	plus: boolean;
	bracket: boolean;
	/** Separator text before this token (empty for the first one). */
	sep: string;
}

type WordKind = 'zero' | 'unit' | 'teen' | 'ten' | 'hundred';

const NUMBER_WORDS = new Map<string, [WordKind, number]>();
(function buildNumberWords() {
	const add = (kind: WordKind, value: number, ...words: string[]) => {
		for (const w of words) NUMBER_WORDS.set(w, [kind, value]);
	};
	add('zero', 0, 'ноль', 'нуль');
	add('unit', 1, 'один', 'одна', 'одно');
	add('unit', 2, 'два', 'две');
	add('unit', 3, 'три');
	add('unit', 4, 'четыре');
	add('unit', 5, 'пять');
	add('unit', 6, 'шесть');
	add('unit', 7, 'семь');
	add('unit', 8, 'восемь');
	add('unit', 9, 'девять');
	const teens = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать'];
	teens.push('семнадцать', 'восемнадцать', 'девятнадцать');
	teens.forEach((w, i) => add('teen', 10 + i, w));
	const tens = ['двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
	tens.forEach((w, i) => add('ten', 20 + i * 10, w));
	const hundreds = ['сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];
	hundreds.forEach((w, i) => add('hundred', 100 + i * 100, w));
})();

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x44f);
// Letters that stand in for digits inside a number: Latin/Cyrillic "o" for 0, Cyrillic "з" for 3, Latin "l" for 1.
const DIGIT_LOOKALIKE: Record<string, string> = { о: '0', o: '0', з: '3', l: '1' };
const isSeparator = (ch: string) =>
	ch === ' ' || ch === '-' || ch === '—' || ch === '.' || ch === '(' || ch === ')' || ch === '_' || ch === '/';

const isLookalikeCode = (c: number) => c === 0x43e || c === 0x6f || c === 0x437 || c === 0x6c;

/** "ОО1", "З3": look-alike letters that lead into digits. */
function startsLookalikeNumber(text: string, i: number): boolean {
	if (!isLookalikeCode(text.charCodeAt(i))) return false;
	let j = i;
	while (j < text.length && DIGIT_LOOKALIKE[text[j]] !== undefined) j++;
	return j > i && j < text.length && isDigit(text.charCodeAt(j));
}

/** Splits the text into runs of numeric tokens that are only separated by phone-style separators. */
function numericRuns(text: string, spelled: boolean, needsSpelled?: { value: boolean }): NumToken[][] {
	const runs: NumToken[][] = [];
	let run: NumToken[] = [];
	let plus = false;
	const close = () => {
		if (run.length) runs.push(run);
		run = [];
		plus = false;
	};
	const push = (digits: string, start: number, end: number) => {
		let sep = '';
		if (run.length) {
			sep = text.slice(run[run.length - 1].end, start);
			if (sep.length > 4) {
				close();
				sep = '';
			}
		}
		const bracket = start > 0 && text[start - 1] === '(';
		run.push({ digits, start, end, plus, bracket, sep });
		plus = false;
	};
	// Spelled number being built ("сто двадцать три"): hundreds, tens or teens, units.
	let cStart = -1;
	let cEnd = -1;
	let cValue = 0;
	let cHasT = false;
	let cHasU = false;
	let cTeen = false;
	let cZero = false;
	const flushCompound = () => {
		if (cStart < 0) return;
		push(cZero ? '0' : String(cValue), cStart, cEnd);
		cStart = -1;
		cValue = 0;
		cHasT = cHasU = cTeen = cZero = false;
	};
	const n = text.length;
	let i = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (isDigit(c) || startsLookalikeNumber(text, i)) {
			flushCompound();
			// Digits, with look-alike letters inside or at the edge when no real letter touches them.
			let j = i;
			let digits = '';
			let lookalike = false;
			while (j < n) {
				const ch = text[j];
				if (isDigit(text.charCodeAt(j))) digits += ch;
				else if (DIGIT_LOOKALIKE[ch] !== undefined) {
					digits += DIGIT_LOOKALIKE[ch];
					lookalike = true;
				} else break;
				j++;
			}
			const before = i > 0 ? text.charCodeAt(i - 1) : 0;
			const after = j < n ? text.charCodeAt(j) : 0;
			if (lookalike && (isLetter(before) || isLetter(after))) {
				// "3о" glued to a word is not a number; keep only the leading real digits.
				let k = i;
				while (k < j && isDigit(text.charCodeAt(k))) k++;
				if (k === i || isLetter(before)) {
					close();
					i = j;
					continue;
				}
				j = k;
				digits = text.slice(i, k);
			}
			if (isLetter(before)) {
				// "iphone15", "s24": digits glued to a word are a model name.
				close();
				i = j;
				continue;
			}
			push(digits, i, j);
			i = j;
			continue;
		}
		if (isLetter(c)) {
			let j = i;
			while (j < n && isLetter(text.charCodeAt(j))) j++;
			if (!spelled) {
				// A number word right next to digits ("8 (926) сто двадцать"): the caller rescans with words.
				if (needsSpelled && !needsSpelled.value) {
					const nearDigits =
						(run.length > 0 && i - run[run.length - 1].end <= 4) || /^[\s\-—.()]{0,4}\d/.test(text.slice(j, j + 5));
					if (nearDigits && NUMBER_WORDS.has(text.slice(i, j))) needsSpelled.value = true;
				}
				close();
				i = j;
				continue;
			}
			const word = text.slice(i, j);
			const num = NUMBER_WORDS.get(word);
			if (num) {
				const [kind, value] = num;
				const fits =
					cStart >= 0 &&
					!cZero &&
					(((kind === 'ten' || kind === 'teen') && !cHasT && !cHasU) ||
						(kind === 'unit' && !cHasU && !cTeen));
				if (!fits) {
					flushCompound();
					cStart = i;
				}
				if (kind === 'zero') cZero = true;
				else {
					cValue += value;
					if (kind === 'ten' || kind === 'teen') cHasT = true;
					if (kind === 'teen') cTeen = true;
					if (kind === 'unit') cHasU = true;
				}
				cEnd = j;
				i = j;
				continue;
			}
			flushCompound();
			close();
			if (word === 'плюс') plus = true;
			i = j;
			continue;
		}
		const ch = text[i];
		if (ch === '+') {
			flushCompound();
			close();
			plus = true;
		} else if (isSeparator(ch)) {
			// A space or hyphen between number words continues the spelled number.
			if (!(cStart >= 0 && (ch === ' ' || ch === '-'))) flushCompound();
		} else {
			flushCompound();
			close();
		}
		i++;
	}
	flushCompound();
	close();
	return runs;
}

// The last few words before a number.
const NEAR_END = '[а-яa-z]*(?:[^а-яa-z0-9]+[а-яa-z]+){0,3}[^а-яa-z0-9]*$';
const ANTI_CONTEXT = new RegExp(
	'(?<![а-яa-z])(?:артикул|арт|sku|код|заказ|№|отправлени|посылк|трек|штрих|баркод|ean|шк|чек|imei|серийн|парти|' +
		'модел|накладн|инн|огрн|кпп|бик|сч[её]т|декларац|сертификат|карт|id|номер\\s+(?:заказа|отправления|посылки|' +
		'партии|декларации|сертификата|чека|трека|документа|договора|карты))' +
		NEAR_END,
);
const PHONE_CONTEXT = new RegExp(
	'(?<![а-яa-z])(?:телефон|тел(?![а-я])|звон|позвон|набер|номер|мобильн|сотов|горяч|whatsapp|ватсап|вотсап|вацап|' +
		'вайбер|viber|telegram|телеграм|связ|пишите|напишите)' +
		NEAR_END,
);

const MESSAGE = 'phone number; marketplaces forbid sharing contacts in replies';

/** Kind of shape an aligned window of a run has: strong shapes are phones whatever precedes them. */
function windowShape(tokens: NumToken[], a: number, b: number, digits: string): 'strong' | 'weak' | 'context' | null {
	const count = b - a + 1;
	if (tokens[a].plus && digits.length >= 10 && digits.length <= 13) return 'strong';
	if (digits.length === 11 && /^[78][3-9]/.test(digits)) return count > 1 ? 'strong' : 'weak';
	if (digits.length === 10 && /^[3-9]/.test(digits)) {
		if (tokens[a].bracket && tokens[a].digits.length === 3) return 'strong';
		if (count > 1 && tokens[a].digits.length === 3 && tokens[a + 1].digits.length === 3) return 'strong';
		if (count === 1 && digits[0] === '9') return 'weak';
		return null;
	}
	if (digits.length === 7 && count === 3) {
		const lens = `${tokens[a].digits.length}${tokens[a + 1].digits.length}${tokens[b].digits.length}`;
		if (lens === '322' && tokens[a + 1].sep.includes('-') && tokens[b].sep.includes('-')) return 'weak';
	}
	if (digits.length >= 5 && digits.length <= 7 && count >= 2) return 'context';
	return null;
}

// A spelled Russian number starts with "восемь", "семь" or "плюс"; a partly spelled one is found next to digits.
// ("восемь" holds "семь", so two plain searches cover all three words.)
const hasSpelledHint = (text: string) => text.includes('семь') || text.includes('плюс');
export function checkPhone(doc: Doc): Finding[] {
	const text = doc.text;
	const out: Finding[] = [];
	let digits = 0;
	for (let i = 0; i < text.length && digits < 5; i++) if (isDigit(text.charCodeAt(i))) digits++;
	let spelled = hasSpelledHint(text);
	if (digits === 0 && !spelled) return out;
	let runs: NumToken[][];
	if (spelled) runs = numericRuns(text, true);
	else {
		const needsSpelled = { value: false };
		runs = numericRuns(text, false, needsSpelled);
		spelled = needsSpelled.value;
		if (spelled) runs = numericRuns(text, true);
	}
	for (const tokens of runs) {
		let total = 0;
		for (const t of tokens) total += t.digits.length;
		if (total < 5) continue;
		let a = 0;
		while (a < tokens.length) {
			let found = -1;
			let digits = '';
			let best = -1;
			let bestShape: ReturnType<typeof windowShape> = null;
			for (let b = a; b < tokens.length; b++) {
				digits += tokens[b].digits;
				if (digits.length > 13) break;
				const shape = windowShape(tokens, a, b, digits);
				if (shape) {
					best = b;
					bestShape = shape;
				}
			}
			if (best >= 0 && bestShape) {
				let start = tokens[a].start;
				if (tokens[a].plus) {
					const plusAt = text.lastIndexOf('+', start);
					const wordAt = text.lastIndexOf('плюс', start);
					start = Math.max(plusAt, wordAt) >= 0 && start - Math.max(plusAt, wordAt) <= 6 ? Math.max(plusAt, wordAt) : start;
				}
				if (tokens[a].bracket && text[start - 1] === '(') start--;
				const end = tokens[best].end + (text[tokens[best].end] === ')' ? 1 : 0);
				if (bestShape === 'strong' || acceptedByContext(doc, start, bestShape)) {
					out.push({ rule: 'phone', start, end, message: MESSAGE });
					found = best;
				}
			}
			a = found >= 0 ? found + 1 : a + 1;
		}
	}
	return out;
}

/** Looks at the words just before a number: "артикул", "заказ №" make it not a phone; "звоните" makes it one. */
function acceptedByContext(doc: Doc, start: number, shape: 'weak' | 'context'): boolean {
	// Not cut at the sentence start: abbreviations end with a dot ("тел.", "арт.").
	const before = doc.text.slice(Math.max(0, start - 40), start);
	const anti = ANTI_CONTEXT.exec(before);
	const phone = PHONE_CONTEXT.exec(before);
	if (shape === 'context') return phone !== null && (anti === null || phone.index > anti.index);
	if (anti === null) return true;
	return phone !== null && phone.index > anti.index;
}
