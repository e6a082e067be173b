// Wrongly typed and odd values for single parameters (ids, texts, numbers a user or an expression hands over).

import { BAD_DATES, MB_TEXT, ODD_NUMBERS, ODD_STRINGS, deep } from './mutate';
import { DEEP } from './scale';

export const ODD_VALUES: ReadonlyArray<[string, unknown]> = [
	['undefined', undefined],
	['null', null],
	['true', true],
	['false', false],
	['empty array', []],
	['array of text', ['a', 'b']],
	['empty object', {}],
	['object', { id: 1 }],
	['nested 3000 deep', deep(3000)],
	['Date', new Date(0)],
	['invalid Date', new Date(Number.NaN)],
	...ODD_NUMBERS.map(([label, value]) => [`number ${label}`, value] as [string, unknown]),
	...ODD_STRINGS.map(([label, value]) => [`text ${label}`, value] as [string, unknown]),
	...BAD_DATES.map(([label, value]) => [`date ${label}`, value] as [string, unknown]),
	['numeric text', '42'],
	['spaced numeric text', ' 7 '],
	['text with spaces inside', 'a b'],
];

/** Odd buyer or reply texts for the text analysers (classifier, guardrails, order numbers). */
export const ODD_TEXTS: ReadonlyArray<[string, string]> = [
	...ODD_STRINGS,
	['1 MB of one word', 'брак '.repeat(200_000)],
	['1 MB of digits', '1234567890 '.repeat(95_000)],
	['1 MB without spaces', 'a'.repeat(1 << 20)],
	['1 MB of links', 'http://a.ru '.repeat(87_000)],
	['1 MB of surrogates', '\uD83D'.repeat(1 << 20)],
	['many lines', 'заказ\n'.repeat(50_000)],
	['order number with zero-width', 'Заказ №\u200B123\u200B456\u200B789'],
	['digits in Arabic-Indic', 'заказ ١٢٣٤٥٦٧٨٩'],
	['fullwidth digits', 'заказ １２３４５６７８９０'],
	['mixed scripts', 'Здрaвствуйте, зaкaз 3104277203 нe пришёл'],
	['only punctuation', '!!!???...,,,;;;'],
	['RTL with digits', '\u202E3104277203\u202C'],
	['NUL inside a number', '3104\u0000277203'],
	['MB text of Cyrillic', MB_TEXT],
];

// The 1 MB texts cost about a second each in the text analysers; by default three of them run (the plain one, the
// one the guardrails choke on, and digits for the order-number scan), FUZZ_DEEP=1 runs them all.
const BIG_BY_DEFAULT = new Set(['1 MB text', '1 MB of links', '1 MB of digits']);
export const TEXTS: ReadonlyArray<[string, string]> = DEEP ? ODD_TEXTS : ODD_TEXTS.filter(([name, text]) => text.length <= 100_000 || BIG_BY_DEFAULT.has(name));
