import type { Interaction } from './interaction';
import { CHANNELS, MARKETPLACES } from './interaction';

// Processing nodes accept full Interactions from the triggers and also plain items a user builds by hand
// ({ text, channel, rating }). This turns either into the fields the core needs, or says which field is wrong.

export class InputFieldError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'InputFieldError';
	}
}

export interface ProcessingInput {
	id: string;
	marketplace?: Interaction['marketplace'];
	channel: Interaction['channel'];
	text: string;
	rating?: number;
	createdAt?: string;
	history?: Interaction['history'];
	repeatContact?: number;
}

/**
 * A bad value as an error message quotes it: briefly, because a message that echoes a 1 MB text or a nested object
 * is unreadable in n8n's error panel (and cut on a character, not inside an emoji).
 */
export function showValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
	if (Array.isArray(value)) return 'a list';
	if (value !== null && typeof value === 'object') return 'an object';
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${Array.from(text.slice(0, 120)).slice(0, 59).join('')}…` : text;
}

const show = showValue;

// The history is read for the repeat-contact count and the LLM prompt: every entry must say who wrote what.
function readHistory(value: unknown, itemIndex: number): Interaction['history'] {
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) {
		throw new InputFieldError('history', `"history" must be a list of { from, text, at } in item ${itemIndex} (got ${show(value)})`);
	}
	value.forEach((entry: unknown, i) => {
		const at = `history[${i}]`;
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			throw new InputFieldError(at, `"${at}" must be an object { from, text, at } in item ${itemIndex} (got ${show(entry)})`);
		}
		const e = entry as Record<string, unknown>;
		if (e.from !== 'buyer' && e.from !== 'seller') {
			throw new InputFieldError(`${at}.from`, `"${at}.from" must be "buyer" or "seller" in item ${itemIndex} (got ${show(e.from)})`);
		}
		if (typeof e.text !== 'string') throw new InputFieldError(`${at}.text`, `"${at}.text" must be a string in item ${itemIndex} (got ${show(e.text)})`);
		if (e.at !== undefined && e.at !== null && typeof e.at !== 'string') {
			throw new InputFieldError(`${at}.at`, `"${at}.at" must be a date-time string in item ${itemIndex} (got ${show(e.at)})`);
		}
	});
	return value as Interaction['history'];
}

export function readProcessingInput(json: Record<string, unknown>, itemIndex: number): ProcessingInput {
	const text = json.text;
	if (text === undefined || text === null) throw new InputFieldError('text', `"text" is missing in item ${itemIndex}`);
	if (typeof text !== 'string') throw new InputFieldError('text', `"text" must be a string in item ${itemIndex} (got ${Array.isArray(text) ? 'a list' : typeof text})`);
	const channel = json.channel;
	if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
		throw new InputFieldError(
			'channel',
			`"channel" must be one of ${CHANNELS.join(', ')} in item ${itemIndex} (got ${show(channel)})`,
		);
	}
	let rating: number | undefined;
	if (json.rating !== undefined && json.rating !== null && json.rating !== '') {
		// a number, or a number as text from an expression; Number() alone would read true as 1 star and [3] as 3
		const value = json.rating;
		const r = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.0+)?\s*$/.test(value) ? Number(value) : Number.NaN;
		if (!Number.isInteger(r) || r < 1 || r > 5) throw new InputFieldError('rating', `"rating" must be a whole number from 1 to 5 in item ${itemIndex} (got ${show(value)})`);
		rating = r;
	}
	const marketplace =
		typeof json.marketplace === 'string' && (MARKETPLACES as readonly string[]).includes(json.marketplace)
			? (json.marketplace as Interaction['marketplace'])
			: undefined;
	const history = readHistory(json.history, itemIndex);
	const raw = json.raw !== null && typeof json.raw === 'object' ? (json.raw as Record<string, unknown>) : undefined;
	const repeat = raw && Number.isSafeInteger(raw.repeatContact) && (raw.repeatContact as number) >= 0 ? (raw.repeatContact as number) : undefined;
	return {
		id: typeof json.id === 'string' ? json.id : `item-${itemIndex}`,
		marketplace,
		channel: channel as Interaction['channel'],
		text,
		rating,
		createdAt: typeof json.createdAt === 'string' ? json.createdAt : undefined,
		history,
		repeatContact: repeat,
	};
}
