// One item's facts: its Interaction, its classification, the product card when an upstream node fetched it, and
// time facts at the moment the rules run. Every catalogue fact is always present (null when unknown), so a rule
// can test `rating equal null` and no rule depends on json-rules-engine's handling of undefined facts.

import type { Interaction } from '../interaction';
import type { ClassificationSignals, Emotion, Intent, Sentiment } from '../classify/types';
import { countRepeatContact } from '../classify/signals';
import { type FactsOptions, nowFacts, parseInstant, resolveClock } from './clock';
import { FactsError } from './errors';

/**
 * The product card an upstream node put on the item (Wildberries → Product → Get Card gives `ProductCard`).
 * Rules read `sizeTable` here; every other card field rides along for paths.
 */
export interface ProductContext {
	sizeTable?: { rows?: readonly unknown[] } | null;
}

export type FactsInteraction = Interaction & { product?: ProductContext | null };

export interface FactsClassification {
	intent: Intent;
	emotion: Emotion;
	sentiment: Sentiment;
	confidence: number;
	/** Missing signals default to: no churn risk, no order number, repeat contact counted from the history. */
	signals?: Partial<ClassificationSignals>;
}

export type RuleFacts = {
	id: string;
	marketplace: string | null;
	channel: string;
	externalId: string | null;
	text: string;
	rating: number | null;
	productId: string | null;
	productName: string | null;
	buyerId: string | null;
	buyerName: string | null;
	chatId: string | null;
	orderNumber: string | null;
	createdAt: string;
	answered: boolean;
	history: readonly unknown[];
	historyLength: number;
	raw: unknown;
	product: ProductContext | null;
	hasSizeTable: boolean;
	intent: Intent;
	emotion: Emotion;
	sentiment: Sentiment;
	confidence: number;
	signals: ClassificationSignals;
	churnRisk: boolean;
	repeatContact: number;
	hasOrderNumber: boolean;
	textLength: number;
	textHasLink: boolean;
	minutesSinceCreated: number;
	hourOfDay: number;
	weekday: number;
	insideWorkingHours: boolean;
};

// A scheme, "www.", t.me/… or name.tld with a common zone. Buyers rarely write addresses; spammers always do.
// The look-behind starts a name only at a word's start, so the scan stays linear on long texts.
const LINK = /(?:https?:\/\/|www\.|t\.me\/|(?<![a-zа-яё0-9-])[a-zа-яё0-9-]+\.(?:ru|com|net|org|su|рф|shop|store|online|site|info|pro|me|io|xyz|club|link)(?![a-zа-яё0-9]))/i;

/**
 * Every address LINK finds has "//", "www." or a dot with a letter right after it ("shop.ru", "t.me"); most buyer
 * texts have none of these, and this look costs far less than running LINK over the whole text.
 */
function mayHoldLink(text: string): boolean {
	if (text.includes('//')) return true;
	for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
		if (isLinkLetter(text.charCodeAt(i + 1))) return true;
		if (i >= 3 && (text.charCodeAt(i - 1) | 0x20) === 0x77 && (text.charCodeAt(i - 2) | 0x20) === 0x77 && (text.charCodeAt(i - 3) | 0x20) === 0x77) {
			return true;
		}
	}
	return false;
}

/** A letter LINK's case-insensitive [a-zа-яё] accepts. */
function isLinkLetter(c: number): boolean {
	return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451;
}

function optionalString(value: unknown, field: string, id: string): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') throw new FactsError(field, `must be a string (got ${typeof value})`, id);
	return value;
}

function hasRows(product: ProductContext | null): boolean {
	const table = product?.sizeTable;
	return table !== null && typeof table === 'object' && Array.isArray(table.rows) && table.rows.length > 0;
}

export function buildFacts(
	interaction: FactsInteraction,
	classification: FactsClassification,
	now: Date,
	options?: Partial<FactsOptions>,
): RuleFacts {
	if (interaction === null || typeof interaction !== 'object') throw new FactsError('interaction', 'must be an object');
	const id = typeof interaction.id === 'string' ? interaction.id : '(no id)';
	if (classification === null || typeof classification !== 'object') {
		throw new FactsError('classification', 'must be an object { intent, emotion, sentiment, confidence, signals }', id);
	}
	const clock = resolveClock(options);
	if (typeof interaction.text !== 'string') throw new FactsError('text', 'must be a string', id);
	if (typeof interaction.channel !== 'string') throw new FactsError('channel', 'must be review, question or chat', id);
	if (typeof interaction.createdAt !== 'string') throw new FactsError('createdAt', 'must be an ISO date-time string', id);
	const createdMs = parseInstant(interaction.createdAt, clock.timezone);
	if (Number.isNaN(createdMs)) {
		throw new FactsError('createdAt', `must be an ISO date-time (got ${JSON.stringify(interaction.createdAt)})`, id);
	}
	const rating = interaction.rating ?? null;
	if (rating !== null && (typeof rating !== 'number' || !Number.isFinite(rating))) {
		throw new FactsError('rating', `must be a number 1–5 (got ${JSON.stringify(rating)})`, id);
	}
	const history = interaction.history ?? [];
	if (!Array.isArray(history)) throw new FactsError('history', 'must be a list of { from, text, at }', id);
	const product = interaction.product ?? null;
	if (typeof product !== 'object') throw new FactsError('product', 'must be an object (a product card) or null', id);

	const given = classification.signals ?? {};
	const signals: ClassificationSignals = {
		churnRisk: given.churnRisk === true,
		orderNumber: given.orderNumber ?? null,
		repeatContact: typeof given.repeatContact === 'number' ? given.repeatContact : countRepeatContact(history),
	};
	const orderNumber = optionalString(interaction.orderNumber, 'orderNumber', id);
	const trimmed = interaction.text.trim();
	const time = nowFacts(now, clock);

	return {
		id,
		marketplace: optionalString(interaction.marketplace, 'marketplace', id),
		channel: interaction.channel,
		externalId: optionalString(interaction.externalId, 'externalId', id),
		text: interaction.text,
		rating,
		productId: optionalString(interaction.productId, 'productId', id),
		productName: optionalString(interaction.productName, 'productName', id),
		buyerId: optionalString(interaction.buyerId, 'buyerId', id),
		buyerName: optionalString(interaction.buyerName, 'buyerName', id),
		chatId: optionalString(interaction.chatId, 'chatId', id),
		orderNumber,
		createdAt: interaction.createdAt,
		answered: interaction.answered === true,
		history,
		historyLength: history.length,
		raw: interaction.raw ?? null,
		product,
		hasSizeTable: hasRows(product),
		intent: classification.intent,
		emotion: classification.emotion,
		sentiment: classification.sentiment,
		confidence: classification.confidence,
		signals,
		churnRisk: signals.churnRisk,
		repeatContact: signals.repeatContact,
		hasOrderNumber: orderNumber !== null || signals.orderNumber !== null,
		textLength: trimmed.length,
		textHasLink: mayHoldLink(trimmed) && LINK.test(trimmed),
		minutesSinceCreated: Math.max(0, Math.floor((now.getTime() - createdMs) / 60_000)),
		hourOfDay: time.hourOfDay,
		weekday: time.weekday,
		insideWorkingHours: time.insideWorkingHours,
	};
}
