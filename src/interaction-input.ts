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

export function readProcessingInput(json: Record<string, unknown>, itemIndex: number): ProcessingInput {
	const text = json.text;
	if (text === undefined || text === null) throw new InputFieldError('text', `"text" is missing in item ${itemIndex}`);
	if (typeof text !== 'string') throw new InputFieldError('text', `"text" must be a string in item ${itemIndex} (got ${typeof text})`);
	const channel = json.channel;
	if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
		throw new InputFieldError(
			'channel',
			`"channel" must be one of ${CHANNELS.join(', ')} in item ${itemIndex} (got ${channel === undefined ? 'nothing' : JSON.stringify(channel)})`,
		);
	}
	let rating: number | undefined;
	if (json.rating !== undefined && json.rating !== null && json.rating !== '') {
		const r = Number(json.rating);
		if (!Number.isInteger(r) || r < 1 || r > 5) throw new InputFieldError('rating', `"rating" must be a whole number from 1 to 5 in item ${itemIndex} (got ${JSON.stringify(json.rating)})`);
		rating = r;
	}
	const marketplace =
		typeof json.marketplace === 'string' && (MARKETPLACES as readonly string[]).includes(json.marketplace)
			? (json.marketplace as Interaction['marketplace'])
			: undefined;
	const history = Array.isArray(json.history) ? (json.history as Interaction['history']) : undefined;
	const raw = json.raw as Record<string, unknown> | undefined;
	const repeat = raw && typeof raw.repeatContact === 'number' ? raw.repeatContact : undefined;
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
