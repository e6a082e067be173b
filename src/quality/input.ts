import { classifyText } from '../classify';
import { INTENTS, SENTIMENTS, type Intent, type Sentiment } from '../classify/types';
import { CHANNELS, type Channel } from '../interaction';
import { InputFieldError } from '../interaction-input';

// One input item (an Interaction from a trigger, with or without the Classify node's `classification`, or a plain
// item { productId, text, rating, createdAt }) reduced to what the quality aggregator counts. Items without a
// classification are labelled here by the offline classifier, so the node works straight after a trigger too.

export interface QualityEvent {
	productId: string;
	productName?: string;
	channel: Channel;
	/** Milliseconds since the epoch. */
	createdAt: number;
	text: string;
	rating?: number;
	intent: Intent;
	sentiment: Sentiment;
	id?: string;
}

export type Classifier = (input: { text: string; channel: Channel; rating?: number }) => { intent: Intent; sentiment: Sentiment };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readQualityEvent(json: Record<string, unknown>, itemIndex: number, classify: Classifier = classifyText): QualityEvent {
	const rawProduct = json.productId ?? json.nmId;
	if (rawProduct === undefined || rawProduct === null || rawProduct === '') {
		throw new InputFieldError('productId', `"productId" is missing in item ${itemIndex}`);
	}
	if (typeof rawProduct !== 'string' && typeof rawProduct !== 'number') {
		throw new InputFieldError('productId', `"productId" must be a string or a number in item ${itemIndex} (got ${typeof rawProduct})`);
	}
	const text = json.text ?? '';
	if (typeof text !== 'string') throw new InputFieldError('text', `"text" must be a string in item ${itemIndex} (got ${typeof text})`);
	const channel = json.channel ?? 'review';
	if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
		throw new InputFieldError('channel', `"channel" must be one of ${CHANNELS.join(', ')} in item ${itemIndex} (got ${JSON.stringify(channel)})`);
	}
	const createdAtRaw = json.createdAt;
	if (createdAtRaw === undefined || createdAtRaw === null || createdAtRaw === '') {
		throw new InputFieldError('createdAt', `"createdAt" is missing in item ${itemIndex}`);
	}
	const createdAt = typeof createdAtRaw === 'string' || typeof createdAtRaw === 'number' ? new Date(createdAtRaw).getTime() : NaN;
	if (!Number.isFinite(createdAt)) {
		throw new InputFieldError('createdAt', `"createdAt" must be an ISO date-time in item ${itemIndex} (got ${JSON.stringify(createdAtRaw)})`);
	}
	let rating: number | undefined;
	if (json.rating !== undefined && json.rating !== null && json.rating !== '') {
		const r = Number(json.rating);
		if (!Number.isInteger(r) || r < 1 || r > 5) {
			throw new InputFieldError('rating', `"rating" must be a whole number from 1 to 5 in item ${itemIndex} (got ${JSON.stringify(json.rating)})`);
		}
		rating = r;
	}
	let intent: Intent;
	let sentiment: Sentiment;
	const c = json.classification;
	if (isRecord(c) && c.intent !== undefined) {
		if (!(INTENTS as readonly unknown[]).includes(c.intent)) {
			throw new InputFieldError('classification.intent', `"classification.intent" is not a known intent in item ${itemIndex} (got ${JSON.stringify(c.intent)})`);
		}
		if (!(SENTIMENTS as readonly unknown[]).includes(c.sentiment)) {
			throw new InputFieldError(
				'classification.sentiment',
				`"classification.sentiment" must be one of ${SENTIMENTS.join(', ')} in item ${itemIndex} (got ${JSON.stringify(c.sentiment)})`,
			);
		}
		intent = c.intent as Intent;
		sentiment = c.sentiment as Sentiment;
	} else {
		const labels = classify({ text, channel: channel as Channel, rating });
		intent = labels.intent;
		sentiment = labels.sentiment;
	}
	return {
		productId: String(rawProduct),
		productName: typeof json.productName === 'string' ? json.productName : undefined,
		channel: channel as Channel,
		createdAt,
		text,
		rating,
		intent,
		sentiment,
		id: typeof json.id === 'string' ? json.id : undefined,
	};
}
