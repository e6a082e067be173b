import type { Marketplace } from '../interaction';
import type { Doc, Finding } from './doc';
import { OPEN, regexPrefixes, type Prefixes } from './regexPrefixes';
import type { GuardrailRule } from './types';

// The word-based rules are a few hundred regex patterns. Instead of running each over the whole reply, the
// scanner visits every word start (and every punctuation character) once, looks up the patterns whose match can
// begin with the next three characters (computed from the regex itself), and tries only those, anchored there.
// Several patterns may fire at the same place ("отправим" is both a replacement and a delivery verb); each is
// judged by its own test on the sentence around it.

export interface PatternSpec {
	source: string;
	/** Extra test on the sentence holding the match, the text before the match within it, and the reply. */
	when?: (sentence: string, before: string, m: RegExpExecArray, doc: Doc) => boolean;
	message: string;
	/** The pattern is only tried when the reply contains this string (for patterns that may start anywhere). */
	hint?: string;
}

interface CompiledSpec extends PatternSpec {
	sticky: RegExp;
	set: PatternSet;
	prefixes: Prefixes;
}

export class PatternSet {
	readonly compiled: CompiledSpec[];

	constructor(
		readonly rule: GuardrailRule,
		specs: PatternSpec[],
		/** Skip a match when this returns true (e.g. a "не" right before a verb). */
		readonly veto?: (text: string, index: number) => boolean,
		/** Only for replies on this marketplace (patterns that depend on which marketplace is "own"). */
		readonly marketplace?: Marketplace,
	) {
		this.compiled = specs.flatMap((spec) => {
			// One pattern per group of alternatives that share their beginnings.
			const groups = new Map<string, { sources: string[]; prefixes: Prefixes }>();
			for (const source of splitAlternatives(spec.source)) {
				// A hinted pattern is tried everywhere once the hint is in the reply; its beginnings are not needed.
				const prefixes = spec.hint !== undefined ? null : regexPrefixes(source);
				const signature = prefixes === null ? '*' : [...prefixes].sort().join('\u0000');
				const group = groups.get(signature);
				if (group) group.sources.push(source);
				else groups.set(signature, { sources: [source], prefixes });
			}
			return [...groups.values()].map(({ sources, prefixes }) => {
				const source = sources.length === 1 ? sources[0] : sources.map((x) => `(?:${x})`).join('|');
				return { ...spec, source, prefixes, sticky: new RegExp(source, 'y'), set: this };
			});
		});
	}
}

// Up to three characters folded into a small integer: Latin and Cyrillic letters and digits get their own codes,
// everything else shares the rest. Beginnings that share a key only add candidates, which the anchored regex
// then rejects.
const END = 0;
const FOLD = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
	if (c >= 0x61 && c <= 0x7a) FOLD[c] = c - 0x60;
	else if (c >= 0x430 && c <= 0x44f) FOLD[c] = c - 0x430 + 27;
	else if (c >= 0x30 && c <= 0x39) FOLD[c] = c - 0x30 + 59;
	else FOLD[c] = 69 + (c % 59);
}
/** Folded codes 1..68 are word characters (Latin and Cyrillic letters, digits). */
const fold = (c: number) => FOLD[c];
const key = (a: number, b: number, c: number) => (a << 14) | (b << 7) | c;
function keyOf(prefix: string): number {
	const p = prefix.endsWith(OPEN) ? prefix.slice(0, -1) : prefix;
	return key(fold(p.charCodeAt(0)), p.length > 1 ? fold(p.charCodeAt(1)) : END, p.length > 2 ? fold(p.charCodeAt(2)) : END);
}

/** "(?:a|b|c)rest" → ["a rest", "b rest", "c rest"], so each alternative gets its own narrow beginnings. */
function splitAlternatives(source: string): string[] {
	if (!source.startsWith('(?:')) return [source];
	let depth = 0;
	const cuts: number[] = [];
	let end = -1;
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (c === '\\') {
			i++;
			continue;
		}
		if (c === '[') {
			// Skip a character class: its brackets and bars are literal.
			i++;
			while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
			continue;
		}
		if (c === '(') depth++;
		else if (c === ')') {
			depth--;
			if (depth === 0) {
				end = i;
				break;
			}
		} else if (c === '|' && depth === 1) cuts.push(i);
	}
	if (end < 0 || cuts.length === 0) return [source];
	const rest = source.slice(end + 1);
	const parts: string[] = [];
	let from = 3;
	for (const cut of [...cuts, end]) {
		parts.push(`(?:${source.slice(from, cut)})${rest}`);
		from = cut + 1;
	}
	return parts;
}

/** A scanner built on first use: rule modules offer one for direct use, check() combines all sets in its own. */
export function lazyScanner(sets: PatternSet[]): { scan(doc: Doc, out: Finding[]): void } {
	let scanner: Scanner | undefined;
	return {
		scan(doc: Doc, out: Finding[]) {
			scanner ??= new Scanner(sets);
			scanner.scan(doc, out);
		},
	};
}

export class Scanner {
	// Candidates by folded beginning, in flat arrays rather than a map: a scan looks up to three keys at every word
	// start, and indexing an array is much cheaper than hashing. `ones[a]` for a one-character beginning,
	// `twos[a·128+b]` for two characters, `threes[slot·128+c]` for three, where `slot` numbers the pair (a, b)
	// in `pairSlots` (0: no three-character beginning starts with that pair).
	private readonly ones: Array<CompiledSpec[] | undefined> = new Array(128).fill(undefined);
	private readonly twos: Array<CompiledSpec[] | undefined> = new Array(128 * 128).fill(undefined);
	private readonly pairSlots = new Int32Array(128 * 128);
	private readonly threes: Array<CompiledSpec[] | undefined> = new Array(128).fill(undefined);
	/** Folded characters that are a whole one-character beginning of some pattern. */
	private readonly singles = new Uint8Array(128);
	/** Folded character pairs some pattern can begin with: every other position is skipped at once. */
	private readonly pairs = new Uint8Array(128 * 128);
	/** Patterns whose beginning cannot be bounded: tried everywhere. */
	private readonly anywhere: CompiledSpec[] = [];

	constructor(sets: PatternSet[]) {
		const index = new Map<number, CompiledSpec[]>();
		for (const set of sets) {
			for (const spec of set.compiled) {
				const prefixes = spec.prefixes;
				if (prefixes === null || prefixes.has('')) {
					this.anywhere.push(spec);
					continue;
				}
				for (const p of prefixes) {
					const bare = p.endsWith(OPEN) ? p.slice(0, -1) : p;
					if (bare.length === 1) this.singles[fold(bare.charCodeAt(0))] = 1;
					else this.pairs[(fold(bare.charCodeAt(0)) << 7) | fold(bare.charCodeAt(1))] = 1;
					const k = keyOf(p);
					const list = index.get(k);
					if (list) {
						if (!list.includes(spec)) list.push(spec);
					} else index.set(k, [spec]);
				}
			}
		}
		for (const [k, list] of index) this.place(k >> 14, (k >> 7) & 127, k & 127, list);
	}

	private place(a: number, b: number, c: number, list: CompiledSpec[]): void {
		if (b === END) this.ones[a] = list;
		else if (c === END) this.twos[(a << 7) | b] = list;
		else {
			let slot = this.pairSlots[(a << 7) | b];
			if (slot === 0) {
				slot = this.threes.length >> 7;
				this.pairSlots[(a << 7) | b] = slot;
				for (let k = 0; k < 128; k++) this.threes.push(undefined);
			}
			this.threes[(slot << 7) | c] = list;
		}
	}

	scan(doc: Doc, out: Finding[]): void {
		const text = doc.text;
		const n = text.length;
		const { ones, twos, pairSlots, threes } = this;
		const singles = this.singles;
		const pairs = this.pairs;
		const anywhere = this.anywhere.length ? this.anywhere.filter((s) => s.hint === undefined || text.includes(s.hint)) : this.anywhere;
		let prevWord = false;
		let a = n > 0 ? fold(text.charCodeAt(0)) : END;
		for (let i = 0; i < n; i++) {
			const fa = a;
			const word = fa <= 68;
			a = i + 1 < n ? fold(text.charCodeAt(i + 1)) : END;
			// Patterns start at a word start or on a non-word character ("@handle"), never inside a word.
			if (word && prevWord) continue;
			prevWord = word;
			if (anywhere.length) this.tryAt(doc, i, anywhere, out);
			if (singles[fa] === 1) {
				const one = ones[fa];
				if (one) this.tryAt(doc, i, one, out);
			}
			const pair = (fa << 7) | a;
			if (a === END || pairs[pair] === 0) continue;
			// A match is at least as long as its recorded beginning: three characters, or fewer when it ends sooner.
			const two = twos[pair];
			if (two) this.tryAt(doc, i, two, out);
			const slot = pairSlots[pair];
			if (slot !== 0 && i + 2 < n) {
				const three = threes[(slot << 7) | fold(text.charCodeAt(i + 2))];
				if (three) this.tryAt(doc, i, three, out);
			}
		}
	}

	private tryAt(doc: Doc, at: number, specs: CompiledSpec[], out: Finding[]): void {
		const text = doc.text;
		let sentence: string | undefined;
		let before = '';
		for (const spec of specs) {
			const set = spec.set;
			if (set.marketplace !== undefined && set.marketplace !== doc.marketplace) continue;
			spec.sticky.lastIndex = at;
			const hit = spec.sticky.exec(text);
			if (!hit || hit[0].length === 0) continue;
			if (set.veto?.(text, at)) continue;
			if (spec.when) {
				if (sentence === undefined) {
					const [s, e] = doc.sentence(at);
					sentence = text.slice(s, e);
					before = text.slice(s, at);
				}
				if (!spec.when(sentence, before, hit, doc)) continue;
			}
			out.push({ rule: set.rule, start: at, end: at + hit[0].length, message: spec.message });
		}
	}
}
