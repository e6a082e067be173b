import { REPLY_LIMITS } from '../guardrails';
import { flagsOf, varsOf, type Facts } from './context';
import { eligible, render } from './render';
import { BLOCK_LETTER, BLOCK_NAMES, OPTIONAL_BLOCKS, type BlockName, type ReplyTemplate } from './template-types';
import { GREETINGS } from './templates';
import { makeChooser } from './variation';
import type { Tone } from './types';

// A reply is greeting, acknowledgement, body, next step, an optional extra line and a closing, each chosen
// from its block by the seed. When the result is longer than the channel allows, it is rebuilt with less
// detail (fewer chart rows or characteristics) and without the optional blocks before anything is cut.

export interface Assembled {
	text: string;
	variant: string;
}

/** Rebuild steps: how many list rows to show, which optional blocks to drop. */
const FIT_STEPS: Array<{ detail: number; drop: number }> = [
	{ detail: 6, drop: 0 },
	{ detail: 6, drop: 1 },
	{ detail: 6, drop: 2 },
	{ detail: 4, drop: 2 },
	{ detail: 4, drop: 3 },
	{ detail: 2, drop: 3 },
	{ detail: 1, drop: 3 },
];

export function lengthLimit(facts: Facts): number {
	const channelMax = REPLY_LIMITS[facts.input.interaction.marketplace][facts.channel].max;
	return Math.min(channelMax, facts.input.maxLength ?? channelMax);
}

function build(template: ReplyTemplate, facts: Facts, tone: Tone, seed: string, detail: number, drop: readonly BlockName[]): Assembled {
	const flags = flagsOf(facts);
	const vars = varsOf(facts, detail);
	const choose = makeChooser(seed);
	const product = vars.product;
	const parts: string[] = [];
	const variant: string[] = [];
	for (const name of BLOCK_NAMES) {
		if (drop.includes(name)) continue;
		const block = name === 'greeting' ? (template.greeting ?? GREETINGS) : template[name];
		if (!block) continue;
		const options = eligible(block, tone, flags);
		if (options.length === 0) continue;
		const first = choose(`${template.id}.${name}`, options.length);
		// An option that opens like a sentence already said ("Спасибо, что…" twice), or names the product
		// a second time, gives way to the next one.
		const named = product !== undefined && parts.some((p) => p.includes(product));
		const unwanted = (j: number, t: string) => repeatsOpening(t, parts) || (named && NAMES_PRODUCT.test(options[j].text));
		const renderOption = (j: number) => render(options[j].text, vars, choose, `${template.id}.${name}.${j}`);
		let i = first;
		let text = renderOption(i);
		for (let k = 1; k < options.length && unwanted(i, text); k++) {
			const j = (first + k) % options.length;
			const candidate = renderOption(j);
			if (!unwanted(j, candidate)) {
				i = j;
				text = candidate;
			}
		}
		variant.push(`${BLOCK_LETTER[name]}${i}`);
		if (text) parts.push(text);
	}
	let text = parts.join(' ');
	const signature = facts.input.signature?.trim();
	if (signature) text += `\n${signature}`;
	return { text, variant: variant.join('.') };
}

const NAMES_PRODUCT = /\{(?:p\.[a-z]+|product)\}/;

const opening = (sentence: string) => (sentence.toLowerCase().replace(/ё/g, 'е').match(/[а-яa-z0-9]+/g) ?? []).slice(0, 2).join(' ');

function repeatsOpening(text: string, before: readonly string[]): boolean {
	if (!text) return false;
	const head = opening(text);
	if (head.split(' ').length < 2) return false;
	return before.some((p) => p.split(/(?<=[.!?])\s+/).some((s) => opening(s) === head));
}

/** Cuts at the last sentence end that fits; the signature is kept. */
function truncate(text: string, limit: number, signature: string): string {
	const tail = signature ? `\n${signature}` : '';
	const body = tail && text.endsWith(tail) ? text.slice(0, -tail.length) : text;
	const room = Math.max(1, limit - tail.length);
	const cut = body.slice(0, room);
	const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
	const kept = body.length <= room ? body : end > 0 ? cut.slice(0, end + 1) : `${cut.slice(0, room - 1).replace(/\s+\S*$/, '')}…`;
	return kept + tail;
}

export function assemble(template: ReplyTemplate, facts: Facts, tone: Tone, seed: string): Assembled {
	const limit = lengthLimit(facts);
	let last: Assembled | undefined;
	for (const step of FIT_STEPS) {
		last = build(template, facts, tone, seed, step.detail, OPTIONAL_BLOCKS.slice(0, step.drop));
		if (last.text.length <= limit) return last;
	}
	const a = last as Assembled;
	return { text: truncate(a.text, limit, facts.input.signature?.trim() ?? ''), variant: `${a.variant}.cut` };
}
