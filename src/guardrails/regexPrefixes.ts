// Which beginnings (first three characters) can a regex match have? Knowing that for every pattern lets the scanner jump
// from a word start straight to the few patterns that could match there, instead of running hundreds of
// alternatives at every position. The analysis reads the regex syntax the rules use (literals, escapes, classes,
// groups, lookarounds, quantifiers, alternation) and errs on the safe side: whatever it cannot bound becomes
// "any beginning", so a pattern is never skipped where it could match.

/**
 * The set of possible beginnings, or null for "anything". A string shorter than PREFIX_LENGTH is a whole match, or,
 * ending with OPEN, a beginning cut short.
 */
export type Prefixes = Set<string> | null;

export const PREFIX_LENGTH = 3;
const K = PREFIX_LENGTH;
const CAP = 4096;

type Node =
	| { kind: 'chars'; chars: string[] | null }
	| { kind: 'empty' }
	| { kind: 'seq'; items: Node[] }
	| { kind: 'alt'; options: Node[] }
	| { kind: 'repeat'; node: Node; min: number; max: number };

// Classes repeat across patterns ("[а-я]*", "[a-zа-я0-9]"): parse each once.
const CLASS_CACHE = new Map<string, Node>();

class Parser {
	private i = 0;
	constructor(private readonly src: string) {}

	parse(): Node {
		const node = this.alternation();
		if (this.i < this.src.length) throw new Error(`unexpected "${this.src[this.i]}" at ${this.i}`);
		return node;
	}

	private alternation(): Node {
		const options = [this.sequence()];
		while (this.src[this.i] === '|') {
			this.i++;
			options.push(this.sequence());
		}
		return options.length === 1 ? options[0] : { kind: 'alt', options };
	}

	private sequence(): Node {
		const items: Node[] = [];
		while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
			let atom = this.atom();
			atom = this.quantified(atom);
			items.push(atom);
		}
		return { kind: 'seq', items };
	}

	private quantified(atom: Node): Node {
		const c = this.src[this.i];
		let min: number;
		let max: number;
		if (c === '?') [min, max] = [0, 1];
		else if (c === '*') [min, max] = [0, Infinity];
		else if (c === '+') [min, max] = [1, Infinity];
		else if (c === '{') {
			const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
			if (!m) return atom;
			min = Number(m[1]);
			max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
			this.i += m[0].length - 1;
		} else return atom;
		this.i++;
		if (this.src[this.i] === '?') this.i++;
		return { kind: 'repeat', node: atom, min, max };
	}

	private atom(): Node {
		const c = this.src[this.i];
		if (c === '(') {
			this.i++;
			let lookaround = false;
			if (this.src[this.i] === '?') {
				const rest = this.src.slice(this.i, this.i + 4);
				if (rest.startsWith('?:')) this.i += 2;
				else if (rest.startsWith('?=') || rest.startsWith('?!')) {
					this.i += 2;
					lookaround = true;
				} else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
					this.i += 3;
					lookaround = true;
				} else if (rest.startsWith('?<')) {
					// Named group.
					this.i = this.src.indexOf('>', this.i) + 1;
				}
			}
			if (lookaround) {
				// Zero-width: its content never adds characters, so it is skipped unparsed.
				this.skipToClose();
				return { kind: 'empty' };
			}
			const inner = this.alternation();
			if (this.src[this.i] !== ')') throw new Error(`missing ")" at ${this.i}`);
			this.i++;
			return inner;
		}
		if (c === '[') return this.charClass();
		if (c === '\\') return this.escape(false);
		this.i++;
		if (c === '.') return { kind: 'chars', chars: null };
		if (c === '^' || c === '$') return { kind: 'empty' };
		return { kind: 'chars', chars: [c] };
	}

	private escape(inClass: boolean): Node & { kind: 'chars' | 'empty' } {
		const e = this.src[this.i + 1];
		this.i += 2;
		switch (e) {
			case 'd':
				return { kind: 'chars', chars: '0123456789'.split('') };
			case 's':
				return { kind: 'chars', chars: [' ', '\n', '\t', '\r', '\u00a0'] };
			case 'n':
				return { kind: 'chars', chars: ['\n'] };
			case 't':
				return { kind: 'chars', chars: ['\t'] };
			case 'b':
				return inClass ? { kind: 'chars', chars: ['\b'] } : { kind: 'empty' };
			case 'B':
				return { kind: 'empty' };
			case 'w':
			case 'W':
			case 'S':
			case 'D':
			case 'p':
			case 'P':
				return { kind: 'chars', chars: null };
			case 'u': {
				const hex = this.src.slice(this.i, this.i + 4);
				this.i += 4;
				return { kind: 'chars', chars: [String.fromCharCode(parseInt(hex, 16))] };
			}
			case 'x': {
				const hex = this.src.slice(this.i, this.i + 2);
				this.i += 2;
				return { kind: 'chars', chars: [String.fromCharCode(parseInt(hex, 16))] };
			}
			default:
				return { kind: 'chars', chars: [e] };
		}
	}

	/** Moves past the ")" closing the group just opened, honouring escapes, classes and nested groups. */
	private skipToClose(): void {
		let depth = 1;
		while (this.i < this.src.length) {
			const c = this.src[this.i];
			if (c === '\\') this.i += 2;
			else if (c === '[') {
				this.i++;
				while (this.i < this.src.length && this.src[this.i] !== ']') this.i += this.src[this.i] === '\\' ? 2 : 1;
				this.i++;
			} else {
				this.i++;
				if (c === '(') depth++;
				else if (c === ')' && --depth === 0) return;
			}
		}
		throw new Error('missing ")"');
	}

	private charClass(): Node {
		const end = this.classEnd();
		const source = this.src.slice(this.i, end);
		const cached = CLASS_CACHE.get(source);
		if (cached) {
			this.i = end;
			return cached;
		}
		const node = this.parseClass();
		CLASS_CACHE.set(source, node);
		return node;
	}

	/** Index just past the "]" of the class starting at this.i. */
	private classEnd(): number {
		let j = this.i + 1;
		if (this.src[j] === '^') j++;
		if (this.src[j] === ']') j++;
		while (j < this.src.length && this.src[j] !== ']') j += this.src[j] === '\\' ? 2 : 1;
		return j + 1;
	}

	private parseClass(): Node {
		this.i++;
		let negated = false;
		if (this.src[this.i] === '^') {
			negated = true;
			this.i++;
		}
		const chars = new Set<string>();
		let unbounded = false;
		let first = true;
		while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
			first = false;
			let lo: string | null;
			if (this.src[this.i] === '\\') {
				const esc = this.escape(true);
				if (esc.kind === 'empty' || esc.chars === null) {
					unbounded = true;
					continue;
				}
				if (esc.chars.length > 1) {
					esc.chars.forEach((ch) => chars.add(ch));
					continue;
				}
				lo = esc.chars[0];
			} else {
				lo = this.src[this.i];
				this.i++;
			}
			if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
				this.i++;
				let hi: string;
				if (this.src[this.i] === '\\') {
					const esc = this.escape(true);
					hi = esc.kind === 'chars' && esc.chars && esc.chars.length === 1 ? esc.chars[0] : lo;
				} else {
					hi = this.src[this.i];
					this.i++;
				}
				const a = lo.charCodeAt(0);
				const b = hi.charCodeAt(0);
				if (b - a > 512) unbounded = true;
				else for (let k = a; k <= b; k++) chars.add(String.fromCharCode(k));
			} else chars.add(lo);
		}
		this.i++;
		if (negated || unbounded) return { kind: 'chars', chars: null };
		return { kind: 'chars', chars: [...chars] };
	}
}

// A beginning that was cut short to keep the sets small ends with OPEN: "starts like this, then anything".
export const OPEN = '\u0000';
const isFinal = (p: string, k: number) => p.length >= k || p.endsWith(OPEN);

/** Cuts beginnings shorter until the set fits under the cap (a coarser index, never a wrong one). */
function shrink(set: Set<string>): Prefixes {
	for (let len = K - 1; len >= 1; len--) {
		const out = new Set<string>();
		for (const p of set) out.add(p.endsWith(OPEN) || p.length <= len ? p : p.slice(0, len) + OPEN);
		if (out.size <= CAP) return out;
	}
	return null;
}

function concat(a: Prefixes, b: (k: number) => Prefixes, k: number): Prefixes {
	if (a === null) return null;
	const out = new Set<string>();
	const cache = new Map<number, Prefixes>();
	for (const p of a) {
		if (isFinal(p, k)) out.add(p);
		else {
			const rest = k - p.length;
			let bSet = cache.get(rest);
			if (bSet === undefined) {
				bSet = b(rest);
				cache.set(rest, bSet);
			}
			if (bSet === null) return null;
			for (const q of bSet) out.add(p + q);
		}
	}
	return out.size > CAP ? shrink(out) : out;
}

function union(a: Prefixes, b: Prefixes): Prefixes {
	if (a === null || b === null) return null;
	const out = new Set(a);
	for (const p of b) out.add(p);
	return out.size > CAP ? shrink(out) : out;
}

/** Beginnings of `node` up to `k` characters. */
function prefixesOf(node: Node, k: number): Prefixes {
	switch (node.kind) {
		case 'empty':
			return new Set(['']);
		case 'chars':
			return node.chars === null ? null : new Set(node.chars);
		case 'alt': {
			let acc: Prefixes = new Set();
			for (const o of node.options) acc = union(acc, prefixesOf(o, k));
			return acc;
		}
		case 'seq': {
			let acc: Prefixes = new Set(['']);
			for (const item of node.items) {
				acc = concat(acc, (rest) => prefixesOf(item, rest), k);
				if (acc === null) return null;
			}
			return acc;
		}
		case 'repeat': {
			// Beyond k repetitions the first k characters are already fixed.
			const max = Math.min(node.max, k);
			const min = Math.min(node.min, k);
			let acc: Prefixes = min === 0 ? new Set(['']) : new Set();
			let power: Prefixes = new Set(['']);
			for (let n = 1; n <= Math.max(max, min); n++) {
				power = concat(power, (rest) => prefixesOf(node.node, rest), k);
				if (power === null) return null;
				if (n >= min) acc = union(acc, power);
			}
			return acc;
		}
	}
}

/** Possible beginnings of a match of `source` (see Prefixes); null when they cannot be bounded. */
export function regexPrefixes(source: string): Prefixes {
	let tree: Node;
	try {
		tree = new Parser(source).parse();
	} catch {
		return null;
	}
	return prefixesOf(tree, K);
}
