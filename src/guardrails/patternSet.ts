import type { Marketplace } from '../interaction';
import type { Doc, Finding } from './doc';
import { regexPrefixes } from './regexPrefixes';
import type { GuardrailRule } from './types';

// The word-based rules are a few hundred regex patterns. Instead of running each over the whole reply, the
// scanner visits every word start (and every punctuation character) once, looks up the patterns whose match can
// begin with the next two characters (computed from the regex itself), and tries only those, anchored there.
// Several patterns may fire at the same place ("отправим" is both a replacement and a delivery verb); each is
// judged by its own test on the sentence around it.

export interface PatternSpec {
	source: string;
	/** Extra test on the sentence holding the match, the text before the match within it, and the reply. */
	when?: (sentence: string, before: string, m: RegExpExecArray, doc: Doc) => boolean;
	message: string;
}

interface CompiledSpec extends PatternSpec {
	sticky: RegExp;
	set: PatternSet;
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
		this.compiled = specs.map((s) => ({ ...s, sticky: new RegExp(s.source, 'y'), set: this }));
	}
}

const isWordCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x430 && c <= 0x44f);
const key = (a: number, b: number) => a * 0x10000 + b;
const ONE = 0xffff;

export class Scanner {
	private readonly index = new Map<number, CompiledSpec[]>();
	/** Patterns whose beginning cannot be bounded: tried everywhere. */
	private readonly anywhere: CompiledSpec[] = [];

	constructor(sets: PatternSet[]) {
		for (const set of sets) {
			for (const spec of set.compiled) {
				const prefixes = regexPrefixes(spec.source);
				if (prefixes === null || prefixes.has('')) {
					this.anywhere.push(spec);
					continue;
				}
				for (const p of prefixes) {
					const k = p.length === 1 ? key(p.charCodeAt(0), ONE) : key(p.charCodeAt(0), p.charCodeAt(1));
					const list = this.index.get(k);
					if (list) {
						if (!list.includes(spec)) list.push(spec);
					} else this.index.set(k, [spec]);
				}
			}
		}
	}

	scan(doc: Doc, out: Finding[]): void {
		const text = doc.text;
		const n = text.length;
		let prevWord = false;
		for (let i = 0; i < n; i++) {
			const c = text.charCodeAt(i);
			const word = isWordCode(c);
			// Patterns start at a word start or on a non-word character ("@handle"), never inside a word.
			if (word && prevWord) continue;
			prevWord = word;
			const two = i + 1 < n ? this.index.get(key(c, text.charCodeAt(i + 1))) : undefined;
			const one = this.index.get(key(c, ONE));
			if (two) this.tryAt(doc, i, two, out);
			if (one) this.tryAt(doc, i, one, out);
			if (this.anywhere.length) this.tryAt(doc, i, this.anywhere, out);
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
