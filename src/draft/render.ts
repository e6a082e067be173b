import type { Chooser } from './variation';
import type { Block, Flag, Option, Options, Phrase } from './template-types';
import type { Tone } from './types';

// The template language: "[a|b|c]" picks one synonym (no nesting), "{key}" inserts a context value. Values are
// inserted after the synonyms are chosen, so a product name with brackets or bars stays as it is.

const SYNONYMS = /\[([^[\]]*)\]/g;
const PLACEHOLDER = /\{([a-zA-Z][\w.]*)\}/g;

export type Vars = Readonly<Record<string, string | undefined>>;

export function optionsFor(block: Block, tone: Tone): Options {
	return Array.isArray(block) ? (block as Options) : (block as Readonly<Record<Tone, Options>>)[tone];
}

export function asPhrase(option: Option): Phrase {
	return typeof option === 'string' ? { text: option } : option;
}

export function fits(phrase: Phrase, flags: ReadonlySet<Flag>): boolean {
	return (phrase.when ?? []).every((f) => flags.has(f)) && !(phrase.unless ?? []).some((f) => flags.has(f));
}

/** Options of a block that fit the context, in template order (their index is the variant number). */
export function eligible(block: Block, tone: Tone, flags: ReadonlySet<Flag>): Phrase[] {
	const all = optionsFor(block, tone).map(asPhrase).filter((p) => fits(p, flags));
	const preferred = all.filter((p) => p.prefer);
	return preferred.length > 0 ? preferred : all;
}

export function render(pattern: string, vars: Vars, choose: Chooser, key: string): string {
	let n = 0;
	const chosen = pattern.replace(SYNONYMS, (_, body: string) => {
		const alternatives = body.split('|');
		return alternatives[choose(`${key}~${n++}`, alternatives.length)];
	});
	const filled = chosen.replace(PLACEHOLDER, (_, name: string) => {
		const value = vars[name];
		// A template that asks for a value its flags do not guarantee is a bug in the template data.
		if (value === undefined) throw new Error(`draft template "${key}": no value for {${name}}`);
		return value;
	});
	return tidy(filled);
}

/** Spacing and capitals after placeholders were filled: "  ,", " .", a lower-case start. */
export function tidy(s: string): string {
	const t = s
		.replace(/[ \t]+/g, ' ')
		.replace(/ +([,.!?;:)»])/g, '$1')
		.replace(/([(«]) +/g, '$1')
		.replace(/([.!?])\.+/g, '$1')
		.replace(/,([.!?])/g, '$1')
		.trim();
	return capitalize(t);
}

export function capitalize(s: string): string {
	const i = s.search(/\S/);
	if (i < 0 || !/[a-zа-яё]/.test(s[i])) return s;
	return s.slice(0, i) + s[i].toLocaleUpperCase('ru-RU') + s.slice(i + 1);
}
