// Mutations of real payloads: every path of a value is dropped, given each wrong JSON type, and given a seeded
// sample of odd numbers, odd strings (1 MB text, lone surrogates, zero-width, RTL, NUL), wrong date formats and
// deep nesting. JSON text is cut at seeded points. Each case carries a label (`drop data.feedbacks[0].id`) so a
// failure names the exact input.

import type { Rng } from './prng';

export type Path = ReadonlyArray<string | number>;

export interface Case {
	label: string;
	value: unknown;
}

export const MB_TEXT = 'ж'.repeat(1 << 20);

/** Nested `depth` levels deep, built without recursion. */
export function deep(depth: number, kind: 'array' | 'object' = 'array'): unknown {
	let value: unknown = 'дно';
	for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
	return value;
}

export const ODD_STRINGS: ReadonlyArray<[string, string]> = [
	['empty', ''],
	['blank', ' \t\n\r '],
	['1 MB text', MB_TEXT],
	['lone high surrogate', 'отзыв \uD83D конец'],
	['lone low surrogate', '\uDE00'],
	['zero-width', '\u200B\u200C\u200D\u2060\uFEFF'],
	['RTL override', '\u202Eывзто\u202C \u200F'],
	['NUL', 'a\u0000b\u0000'],
	['emoji', '👍🏽👨‍👩‍👧 🙂'],
	['combining', 'е\u0301\u0301\u0301'],
	['control chars', '\u0001\u0007\u001b[31m'],
	['markup', '<script>alert(1)</script>'],
	['word null', 'null'],
	['digits', '12345678901234567890'],
	['prototype', '__proto__'],
];

export const ODD_NUMBERS: ReadonlyArray<[string, number]> = [
	['-1', -1],
	['0.5', 0.5],
	['NaN', Number.NaN],
	['Infinity', Number.POSITIVE_INFINITY],
	['-Infinity', Number.NEGATIVE_INFINITY],
	['1e308', 1e308],
	['2^53+2', 2 ** 53 + 2],
	['-0', -0],
	['8.64e15+1 (past the Date range)', 8.64e15 + 1],
	['-2^31', -(2 ** 31)],
];

export const BAD_DATES: ReadonlyArray<[string, string]> = [
	['Russian format', '26.09.2024 10:20'],
	['month 13', '2024-13-45T25:61:00Z'],
	['seconds as text', '1727335248'],
	['word', 'вчера'],
	['offset +25:00', '2024-09-26T10:20:48+25:00'],
	['year 0', '0000-00-00T00:00:00Z'],
	['far future', '+275760-09-13T00:00:00Z'],
	['year 99999', '+099999-01-01T00:00:00Z'],
	['RFC 2822', 'Thu, 26 Sep 2024 10:20:48 GMT'],
	['date only', '2024-09-26'],
	['space separated', '2024-09-26 10:20:48'],
];

const WRONG_TYPES = (original: unknown): ReadonlyArray<[string, unknown]> => [
	['null', null],
	['number 0', 0],
	['string', 'строка'],
	['boolean', true],
	['empty array', []],
	['empty object', {}],
	['wrapped in array', [original]],
	['wrapped in object', { value: original }],
];

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
	return value !== null && typeof value === 'object';
}

/** Every path below the root, containers and leaves, to `maxDepth` steps. */
export function paths(value: unknown, maxDepth = 5): Path[] {
	const out: Path[] = [];
	const walk = (node: unknown, at: Path) => {
		if (!isContainer(node) || at.length >= maxDepth) return;
		const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
		for (const key of keys) {
			const next = [...at, key];
			out.push(next);
			walk((node as Record<string | number, unknown>)[key], next);
		}
	};
	walk(value, []);
	return out;
}

export function formatPath(path: Path): string {
	let out = '';
	for (const step of path) out += typeof step === 'number' ? `[${step}]` : out === '' ? step : `.${step}`;
	return out || '(root)';
}

export function get(value: unknown, path: Path): unknown {
	let node = value;
	for (const step of path) node = isContainer(node) ? (node as Record<string | number, unknown>)[step] : undefined;
	return node;
}

function clone<T>(value: T): T {
	return structuredClone(value);
}

/** A copy of `root` with `path` replaced (or removed when `replacement` is the DROP marker). */
export const DROP = Symbol('drop');
export function setAt(root: unknown, path: Path, replacement: unknown): unknown {
	const copy = clone(root);
	const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
	const key = path[path.length - 1];
	if (replacement === DROP) {
		if (Array.isArray(parent)) parent.splice(key as number, 1);
		else delete parent[key as string];
	} else {
		(parent as Record<string | number, unknown>)[key] = replacement;
	}
	return copy;
}

export interface MutateOptions {
	/** Only paths under this prefix are mutated (e.g. the one item of a list). */
	under?: Path;
	maxDepth?: number;
	/** Odd numbers / strings / dates sampled per path. */
	numbers?: number;
	strings?: number;
	dates?: number;
}

/**
 * Mutations of one seed payload: per path, drop it, every wrong JSON type, and a sample of odd numbers, strings
 * and dates; strings always also get the 1 MB text, a lone surrogate and NUL; a few paths get deep nesting.
 */
export function mutations(root: unknown, r: Rng, options: MutateOptions = {}): Case[] {
	const under = options.under ?? [];
	const base = get(root, under);
	const cases: Case[] = [];
	for (const rel of paths(base, options.maxDepth ?? 5)) {
		const path = [...under, ...rel];
		const label = formatPath(path);
		const original = get(root, path);
		cases.push({ label: `drop ${label}`, value: setAt(root, path, DROP) });
		for (const [name, value] of WRONG_TYPES(original)) cases.push({ label: `${label} = ${name}`, value: setAt(root, path, value) });
		for (const [name, value] of r.sample(ODD_NUMBERS, options.numbers ?? 2)) cases.push({ label: `${label} = ${name}`, value: setAt(root, path, value) });
		// a string field always gets the 1 MB text, a lone surrogate and NUL, plus a sample of the other odd strings
		const stringPool =
			typeof original === 'string'
				? [...ODD_STRINGS.slice(2, 4), ODD_STRINGS[7], ...r.sample([...ODD_STRINGS.slice(0, 2), ...ODD_STRINGS.slice(4, 7), ...ODD_STRINGS.slice(8)], options.strings ?? 2)]
				: r.sample(ODD_STRINGS, options.strings ?? 2);
		for (const [name, value] of stringPool) cases.push({ label: `${label} = ${name}`, value: setAt(root, path, value) });
		const dateLike = /date|time|^at$|At$/i.test(String(rel[rel.length - 1]));
		if (typeof original === 'string' || dateLike) {
			for (const [name, value] of dateLike ? r.sample(BAD_DATES, 6) : r.sample(BAD_DATES, options.dates ?? 1)) {
				cases.push({ label: `${label} = date ${name}`, value: setAt(root, path, value) });
			}
		}
		if (r.next() < 0.15) cases.push({ label: `${label} = nested 3000 deep`, value: setAt(root, path, deep(3000, r.next() < 0.5 ? 'array' : 'object')) });
	}
	return cases;
}

/** List-level cases: duplicated ids, duplicated items, nulls and primitives among items, empty and huge lists. */
export function listMutations(root: unknown, listPath: Path, idKey: string): Case[] {
	const list = get(root, listPath);
	if (!Array.isArray(list) || list.length === 0) return [];
	const at = formatPath(listPath);
	const first = list[0] as Record<string, unknown>;
	const cases: Case[] = [
		{ label: `${at}: first item repeated`, value: setAt(root, listPath, [first, ...list]) },
		{ label: `${at}: every id the same`, value: setAt(root, listPath, list.map((item) => ({ ...(item as object), [idKey]: first[idKey] }))) },
		{ label: `${at}: same id, different content`, value: setAt(root, listPath, [...list, { ...first, text: 'другой текст' }]) },
		{ label: `${at}: null item`, value: setAt(root, listPath, [null, ...list]) },
		{ label: `${at}: primitive items`, value: setAt(root, listPath, [1, 'x', true, ...list]) },
		{ label: `${at}: array item`, value: setAt(root, listPath, [[first], ...list]) },
		{ label: `${at}: empty`, value: setAt(root, listPath, []) },
		{ label: `${at}: 200 copies`, value: setAt(root, listPath, Array.from({ length: 200 }, (_, i) => ({ ...first, [idKey]: typeof first[idKey] === 'number' ? i + 1 : `dup${i}` }))) },
		{ label: `${at}: reversed`, value: setAt(root, listPath, [...list].reverse()) },
	];
	return cases;
}

/** JSON text of `root` cut at seeded points, plus bodies that are not JSON or are the wrong JSON. */
export function textMutations(root: unknown, r: Rng, cuts = 12): Case[] {
	const text = JSON.stringify(root);
	const points = new Set<number>([0, 1, text.length - 1]);
	while (points.size < Math.min(cuts, text.length)) points.add(1 + r.int(text.length - 1));
	const cases: Case[] = [...points].sort((a, b) => a - b).map((n) => ({ label: `JSON text cut at ${n}/${text.length}`, value: text.slice(0, n) }));
	cases.push(
		{ label: 'JSON text with a byte flipped', value: text.replace(/":/, '"=') },
		{ label: 'HTML error page', value: '<html><body>502 Bad Gateway</body></html>' },
		{ label: 'empty text', value: '' },
		{ label: 'whitespace', value: ' \n ' },
		{ label: 'BOM + JSON', value: `\uFEFF${text}` },
		{ label: 'JSON null', value: 'null' },
		{ label: 'JSON number', value: '42' },
		{ label: 'JSON string', value: '"ok"' },
		{ label: 'JSON array', value: '[]' },
		{ label: 'JSON empty object', value: '{}' },
		{ label: 'JSON nested 100000 deep', value: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
		{ label: 'value null', value: null },
		{ label: 'value undefined', value: undefined },
		{ label: 'value number', value: 7 },
		{ label: 'value boolean', value: false },
		{ label: 'value array of the body', value: [root] },
		{ label: 'Buffer body', value: Buffer.from(text) },
	);
	return cases;
}
