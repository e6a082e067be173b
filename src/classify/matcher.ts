// Compiles the lexicons once into an index and finds cue matches in a token list. Matching is always on
// whole tokens (exact word, word prefix, Snowball stem, or a regular expression anchored to the token), so
// "суд" never fires inside "посуда". Token lookups are cached: buyer vocabulary repeats a lot.

import type { Cue } from './cue';
import type { Token } from './normalize';
import { stemRussian } from './stemmer';

export interface CompiledCue {
	cue: Cue;
	/** Token pattern ids with the number of free words allowed before each. */
	elems: Array<{ pat: number; gap: number }>;
	/** The pattern itself spells a negation ("не работает"): it is not negated again. */
	hasNegator: boolean;
	label: string;
}

export interface CueMatch {
	cue: CompiledCue;
	start: number;
	end: number;
}

type TokenTest =
	| { kind: 'exact'; word: string }
	| { kind: 'prefix'; prefix: string }
	| { kind: 'stem'; stem: string }
	| { kind: 'regex'; re: RegExp }
	| { kind: 'class'; name: string };

export const NEGATORS = new Set(['не', 'нет', 'без', 'ни', 'нету', 'никак', 'ничуть', 'нисколько']);

const CLASS_NAMES = new Set(['#num', '#lat', '#size', '#inf', '#any']);
const LATIN_SIZE_RE = /^(?:x{0,3}s|m|l|x{1,4}l|\d?xl)$/;
const INFINITIVE_RE = /^[а-я]{2,}(?:ть|ти|чь)(?:ся|сь)?$/;
const NOT_INFINITIVE = new Set([
	'есть', 'быть', 'чуть', 'часть', 'сеть', 'мать', 'дочь', 'ночь', 'печь', 'речь', 'суть', 'путь', 'нить', 'треть',
	'четверть', 'прочь', 'шерсть', 'честь', 'месть', 'кисть', 'пасть', 'лесть', 'злость', 'жесть', 'ртуть', 'плоть',
	'власть', 'снасть', 'масть', 'гвоздь', 'помочь', 'сути', 'пути', 'нити', 'сети', 'части', 'кости', 'мощи',
]);

export class CueIndex {
	readonly cues: CompiledCue[] = [];
	private readonly tests: TokenTest[] = [];
	private readonly patternIds = new Map<string, number>();
	private readonly exact = new Map<string, number[]>();
	private readonly stems = new Map<string, number[]>();
	private readonly prefixes = new Map<string, Array<[string, number]>>();
	private readonly regexByFirst = new Map<string, Array<[RegExp, number]>>();
	private readonly regexAny: Array<[RegExp, number]> = [];
	private readonly classIds: Array<[string, number]> = [];
	private readonly byFirst: CompiledCue[][] = [];
	/**
	 * Parallel to `byFirst`: the second token pattern of each cue, -1 for a one-word cue. A text holds a few hundred
	 * candidate phrases and nearly all fail on their second word; reading it from a flat array, not through the
	 * cue object, keeps that test cheap.
	 */
	private readonly secondOf: Int32Array[] = [];
	private readonly cache = new Map<string, readonly number[]>();
	private readonly stemCache = new Map<string, string>();

	constructor(
		lexicons: ReadonlyArray<readonly Cue[]>,
		private readonly macros: Record<string, string>,
		private readonly fuzzyAnchors: readonly string[] = [],
	) {
		for (const lexicon of lexicons) for (const cue of lexicon) this.add(cue);
		this.byFirst.forEach((cues, pid) => {
			this.secondOf[pid] = Int32Array.from(cues, (cue) => (cue.elems.length > 1 ? cue.elems[1].pat : -1));
		});
	}

	private add(cue: Cue): void {
		for (const variant of expandPattern(cue.p)) {
			const parts = variant.trim().split(/\s+/);
			const elems: Array<{ pat: number; gap: number }> = [];
			let gap = 0;
			let hasNegator = false;
			for (const part of parts) {
				const gapMatch = /^\+(\d+)$/.exec(part);
				if (gapMatch) {
					gap = Number(gapMatch[1]);
					continue;
				}
				if (part.replace(/[()]/g, '').split('|').some((alt) => NEGATORS.has(alt))) hasNegator = true;
				elems.push({ pat: this.pattern(part), gap });
				gap = 0;
			}
			if (elems.length === 0) throw new Error(`classify lexicon: empty pattern "${cue.p}"`);
			const compiled: CompiledCue = { cue, elems, hasNegator, label: variant };
			this.cues.push(compiled);
			const first = elems[0].pat;
			(this.byFirst[first] ??= []).push(compiled);
		}
	}

	private pattern(text: string): number {
		const known = this.patternIds.get(text);
		if (known !== undefined) return known;
		const id = this.tests.length;
		const test = this.parseTest(text);
		this.tests.push(test);
		this.patternIds.set(text, id);
		switch (test.kind) {
			case 'exact':
				push(this.exact, test.word, id);
				break;
			case 'stem':
				push(this.stems, test.stem, id);
				break;
			case 'prefix':
				push(this.prefixes, test.prefix.slice(0, 2), [test.prefix, id]);
				break;
			case 'class':
				this.classIds.push([test.name, id]);
				break;
			case 'regex': {
				const firsts = leadingLetters(text.startsWith('@') ? this.macros[text.slice(1)] : text, 2);
				if (firsts === null) this.regexAny.push([test.re, id]);
				else for (const p of firsts) push(this.regexByFirst, p, [test.re, id]);
				break;
			}
		}
		return id;
	}

	private parseTest(text: string): TokenTest {
		if (CLASS_NAMES.has(text)) return { kind: 'class', name: text };
		if (text.startsWith('@')) {
			const body = this.macros[text.slice(1)];
			if (body === undefined) throw new Error(`classify lexicon: unknown macro ${text}`);
			return { kind: 'regex', re: new RegExp(`^(?:${body})$`) };
		}
		if (text.endsWith('~') && /^[а-яa-z]+~$/.test(text)) return { kind: 'stem', stem: stemRussian(text.slice(0, -1)) };
		if (/^[а-яa-z0-9-]+$/.test(text)) return { kind: 'exact', word: text };
		if (/^[а-яa-z0-9-]+\*$/.test(text) && text.length >= 3) return { kind: 'prefix', prefix: text.slice(0, -1) };
		return { kind: 'regex', re: new RegExp(`^(?:${text.replace(/\*/g, '[^\\s]*')})$`) };
	}

	stem(word: string): string {
		let s = this.stemCache.get(word);
		if (s === undefined) {
			s = stemRussian(word);
			if (this.stemCache.size > 50000) this.stemCache.clear();
			this.stemCache.set(word, s);
		}
		return s;
	}

	/** Ids of every token pattern the token satisfies (an unknown word is retried with one typo fixed). */
	hits(token: Token): readonly number[] {
		const key = token.norm;
		const cached = this.cache.get(key);
		if (cached) return cached;
		let out = this.exactHits(token);
		if (out.length === this.classHitCount(token) && key.length >= 5 && !token.isNumber && !token.isLatin) {
			const fixed = correctTypo(key, this.fuzzyAnchors);
			if (fixed !== null) out = this.exactHits({ ...token, norm: fixed });
		}
		if (this.cache.size > 100000) this.cache.clear();
		this.cache.set(key, out);
		return out;
	}

	private classHitCount(token: Token): number {
		let n = 0;
		for (const [name] of this.classIds) if (classMatches(name, token)) n++;
		return n;
	}

	private exactHits(token: Token): number[] {
		const key = token.norm;
		const out: number[] = [];
		const ex = this.exact.get(key);
		if (ex) out.push(...ex);
		const st = this.stems.get(this.stem(key));
		if (st) out.push(...st);
		const pre = this.prefixes.get(key.slice(0, 2));
		if (pre) for (const [prefix, id] of pre) if (key.startsWith(prefix)) out.push(id);
		const rx1 = this.regexByFirst.get(key[0]);
		if (rx1) for (const [re, id] of rx1) if (re.test(key)) out.push(id);
		if (key.length >= 2) {
			const rx2 = this.regexByFirst.get(key.slice(0, 2));
			if (rx2) for (const [re, id] of rx2) if (re.test(key)) out.push(id);
		}
		for (const [re, id] of this.regexAny) if (re.test(key)) out.push(id);
		for (const [name, id] of this.classIds) if (classMatches(name, token)) out.push(id);
		return out;
	}

	// One mark per pattern, reused across calls (matching is synchronous) and cleared after each text.
	private marks = new Uint8Array(0);

	private presentMarks(hits: ReadonlyArray<readonly number[]>): Uint8Array {
		if (this.marks.length < this.byFirst.length + 1) this.marks = new Uint8Array(Math.max(this.byFirst.length + 1, this.marks.length * 2));
		let max = 0;
		for (const h of hits) for (const pid of h) if (pid > max) max = pid;
		if (max >= this.marks.length) this.marks = new Uint8Array(max * 2 + 1);
		for (const h of hits) for (const pid of h) this.marks[pid] = 1;
		return this.marks;
	}

	match(tokens: readonly Token[]): CueMatch[] {
		const n = tokens.length;
		const hits: Array<readonly number[]> = new Array(n);
		for (let i = 0; i < n; i++) hits[i] = this.hits(tokens[i]);
		// A phrase whose later words occur nowhere in the text cannot match: skipping it keeps common first words
		// ("не", "в") from trying a hundred phrases each. The result is the same, only found faster.
		const present = this.presentMarks(hits);
		const matches: CueMatch[] = [];
		for (let i = 0; i < n; i++) {
			for (const pid of hits[i]) {
				const cues = this.byFirst[pid];
				if (!cues) continue;
				const seconds = this.secondOf[pid];
				for (let c = 0; c < cues.length; c++) {
					const second = seconds[c];
					if (second < 0) {
						matches.push({ cue: cues[c], start: i, end: i });
						continue;
					}
					if (present[second] === 0 || !allPresent(cues[c], present)) continue;
					const end = matchRest(cues[c], 1, i, tokens, hits);
					if (end >= 0) matches.push({ cue: cues[c], start: i, end });
				}
			}
		}
		for (const h of hits) for (const pid of h) present[pid] = 0;
		return matches;
	}
}

/** Every word of the phrase after the second (already checked) occurs somewhere in the text. */
function allPresent(cue: CompiledCue, present: Uint8Array): boolean {
	for (let k = 2; k < cue.elems.length; k++) if (present[cue.elems[k].pat] === 0) return false;
	return true;
}

function matchRest(
	cue: CompiledCue,
	k: number,
	prev: number,
	tokens: readonly Token[],
	hits: ReadonlyArray<readonly number[]>,
): number {
	if (k === cue.elems.length) return prev;
	const { pat, gap } = cue.elems[k];
	const sentence = tokens[prev].sentence;
	const last = Math.min(tokens.length - 1, prev + 1 + gap);
	const cross = cue.cue.crossSentence === true;
	for (let j = prev + 1; j <= last; j++) {
		if (!cross && tokens[j].sentence !== sentence) return -1;
		if (hits[j].includes(pat)) {
			const end = matchRest(cue, k + 1, j, tokens, hits);
			if (end >= 0) return end;
		}
	}
	return -1;
}

/**
 * Replaces the start of `word` by an anchor stem that it matches with one edit (substitution, insertion or
 * deletion), e.g. "отчличные" → "отличные". Anchors of fewer than five letters are too easy to hit by chance.
 */
export function correctTypo(word: string, anchors: readonly string[]): string | null {
	for (const anchor of anchors) {
		if (anchor.length < 5 || word.startsWith(anchor)) continue;
		for (const len of [anchor.length, anchor.length + 1, anchor.length - 1]) {
			if (len > word.length) continue;
			if (withinOneEdit(word.slice(0, len), anchor)) return anchor + word.slice(len);
		}
	}
	return null;
}

function withinOneEdit(a: string, b: string): boolean {
	if (a === b) return true;
	if (Math.abs(a.length - b.length) > 1) return false;
	if (a[0] !== b[0]) return false;
	let i = 0;
	let j = 0;
	let edits = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			i++;
			j++;
			continue;
		}
		if (++edits > 1) return false;
		if (a.length > b.length) i++;
		else if (a.length < b.length) j++;
		else {
			i++;
			j++;
		}
	}
	return edits + (a.length - i) + (b.length - j) <= 1;
}

function classMatches(name: string, token: Token): boolean {
	switch (name) {
		case '#num':
			return token.isNumber;
		case '#lat':
			return token.isLatin && token.norm.length >= 2;
		case '#size':
			return token.isLatin && LATIN_SIZE_RE.test(token.norm);
		case '#inf':
			return INFINITIVE_RE.test(token.norm) && !NOT_INFINITIVE.has(token.norm) && !token.norm.endsWith('ость');
		default:
			return true;
	}
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * Literal prefixes (up to `depth` letters) that every match of a regular-expression token pattern starts
 * with, when that is plain to see; null means "could start with anything". Used only to index patterns.
 */
function leadingLetters(pattern: string, depth: number): Set<string> | null {
	if (depth === 0 || pattern.length === 0) return new Set(['']);
	const first = pattern[0];
	if (/[а-яa-z0-9]/.test(first)) {
		const next = pattern[1];
		if (next === '?' || next === '*' || next === '{' || next === '+') return null;
		const rest = pattern.slice(1);
		const tails = rest.length === 0 || /^[[\\.(|)]/.test(rest) ? null : leadingLetters(rest, depth - 1);
		if (tails === null) return new Set([first]);
		return new Set([...tails].map((t) => first + t));
	}
	if (first !== '(') return null;
	let level = 0;
	let close = -1;
	for (let i = 0; i < pattern.length; i++) {
		if (pattern[i] === '(') level++;
		else if (pattern[i] === ')') {
			level--;
			if (level === 0) {
				close = i;
				break;
			}
		}
	}
	if (close < 0 || /^[?*{+]/.test(pattern.slice(close + 1))) return null;
	const out = new Set<string>();
	for (const alt of splitTopLevel(pattern.slice(1, close))) {
		if (alt.length === 0) return null;
		const sub = leadingLetters(alt, 1);
		if (sub === null) return null;
		for (const ch of sub) out.add(ch);
	}
	return out;
}

function splitTopLevel(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let startAt = 0;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '(' || ch === '[') depth++;
		else if (ch === ')' || ch === ']') depth--;
		else if (ch === '|' && depth === 0) {
			parts.push(text.slice(startAt, i));
			startAt = i + 1;
		}
	}
	parts.push(text.slice(startAt));
	return parts;
}

/**
 * Expands a cue pattern into plain token sequences. Top-level "|" separates whole alternatives; a group
 * that holds spaces or token classes ("(на фото|в описании)", "(ли )?", "(#num|#size)") is a choice of
 * phrases and is multiplied out; a group without them stays inside its token as a regular expression.
 */
export function expandPattern(pattern: string): string[] {
	const alternatives = splitTopLevel(pattern);
	if (alternatives.length > 1) return alternatives.flatMap((alt) => expandPattern(alt));
	let results = [''];
	let i = 0;
	while (i < pattern.length) {
		const ch = pattern[i];
		if (ch === '(') {
			const close = matchingParen(pattern, i);
			const inner = pattern.slice(i + 1, close);
			// "(еще|можно)? ждать": an optional group standing as a word of its own is an optional word.
			const standalone =
				pattern[close + 1] === '?' &&
				(i === 0 || pattern[i - 1] === ' ') &&
				(close + 2 >= pattern.length || pattern[close + 2] === ' ');
			if (standalone || /[\s#@]/.test(inner)) {
				const after = pattern[close + 1] === '?' ? pattern[close + 2] : pattern[close + 1];
				// "хотел(ось бы)?" would silently become two words; "(ли )?стирать" is fine: its words end in a space.
				const gluedLeft = i > 0 && /[а-яa-z0-9*~]/.test(pattern[i - 1]);
				const gluedRight =
					after !== undefined && /[а-яa-z0-9*~]/.test(after) && splitTopLevel(inner).some((alt) => !alt.endsWith(' '));
				if (gluedLeft || gluedRight) {
					throw new Error(`classify lexicon: a group of phrases must stand as whole words in "${pattern}"`);
				}
				const choices = expandPattern(inner);
				let next = close + 1;
				if (pattern[next] === '?') {
					choices.push('');
					next++;
				}
				// A phrase group always stands as separate words, whatever spacing surrounds it.
				results = results.flatMap((head) => choices.map((choice) => `${head} ${choice} `));
				i = next;
				continue;
			}
			const piece = pattern.slice(i, close + 1);
			results = results.map((head) => head + piece);
			i = close + 1;
			continue;
		}
		results = results.map((head) => head + ch);
		i++;
	}
	return results.map((r) => r.replace(/\s+/g, ' ').trim()).filter((r) => r.length > 0);
}

function matchingParen(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		if (text[i] === '(') depth++;
		else if (text[i] === ')') {
			depth--;
			if (depth === 0) return i;
		}
	}
	throw new Error(`classify lexicon: unbalanced parenthesis in "${text}"`);
}
