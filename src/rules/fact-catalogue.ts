// The facts a rule may test: a fixed catalogue, so a misspelt fact or an intent that does not exist fails when the
// rules are saved instead of silently never matching. `buildFacts` produces exactly these keys.

import { CHANNELS, MARKETPLACES } from '../interaction';
import { EMOTIONS, INTENTS, SENTIMENTS } from '../classify/types';

export type FactType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'any';

export interface FactSpec {
	type: FactType;
	/** The fact may be null (an optional field that is absent). */
	nullable: boolean;
	/** The only strings the fact can hold. */
	values?: readonly string[];
	description: string;
}

const text = (description: string, nullable = false): FactSpec => ({ type: 'string', nullable, description });
const num = (description: string, nullable = false): FactSpec => ({ type: 'number', nullable, description });
const bool = (description: string): FactSpec => ({ type: 'boolean', nullable: false, description });
const oneOf = (values: readonly string[], description: string, nullable = false): FactSpec => ({ type: 'string', nullable, values, description });

export const RULE_FACTS = {
	// Interaction (src/interaction.ts)
	id: text('Interaction id, e.g. "wb:review:123"'),
	marketplace: oneOf(MARKETPLACES, 'wb, ozon or ym; null for an item that does not say', true),
	channel: oneOf(CHANNELS, 'review, question or chat'),
	externalId: text("The marketplace's own id, null for an item that does not say", true),
	text: text('What the buyer wrote'),
	rating: num('Stars 1–5 of a review, null when there is none', true),
	productId: text('Product id (WB nmId, Ozon SKU, YM offer), null when unknown', true),
	productName: text('Product name, null when unknown', true),
	buyerId: text('Buyer id, null when unknown', true),
	buyerName: text('Buyer name, null when unknown', true),
	chatId: text('Chat id, null outside chats', true),
	orderNumber: text('Order number given by the marketplace, null when unknown', true),
	createdAt: text('When the buyer wrote, ISO time'),
	answered: bool('The marketplace already shows a seller answer'),
	history: { type: 'array', nullable: false, description: 'Earlier messages [{ from, text, at }], [] when none' },
	historyLength: num('Number of earlier messages'),
	raw: { type: 'any', nullable: true, description: 'The marketplace payload as received (use a path)' },
	// Product context added upstream (Wildberries → Product → Get Card puts `product` on the item)
	product: { type: 'object', nullable: true, description: 'Product card of the item, null when not fetched' },
	hasSizeTable: bool('The product card has a size table with at least one row'),
	// Classification (taxonomy.md)
	intent: oneOf(INTENTS, 'The most actionable intent'),
	emotion: oneOf(EMOTIONS, 'angry, frustrated, neutral or happy'),
	sentiment: oneOf(SENTIMENTS, 'negative, neutral or positive'),
	confidence: num('Classifier confidence 0–1'),
	signals: { type: 'object', nullable: false, description: '{ churnRisk, orderNumber, repeatContact }' },
	churnRisk: bool('The buyer intends to return or never buy again (signals.churnRisk)'),
	repeatContact: num('Buyer messages since the last seller reply, this one included (signals.repeatContact)'),
	hasOrderNumber: bool('An order number is known: from the marketplace or found in the text'),
	// Derived from the text
	textLength: num('Characters in the text without surrounding spaces; 0 for an empty review'),
	textHasLink: bool('The text holds a web address (URL, www., t.me/, name.ru): typical of spam'),
	// Time, in the configured time zone, at the moment the rules run
	minutesSinceCreated: num('Whole minutes since createdAt (0 if createdAt is in the future)'),
	hourOfDay: num('Hour now, 0–23'),
	weekday: num('Day now, 1 = Monday … 7 = Sunday'),
	insideWorkingHours: bool('Now is a working day and inside the working hours'),
} as const satisfies Record<string, FactSpec>;

export type RuleFactName = keyof typeof RULE_FACTS;

/** Fact specs by name; a catalogue of one's own can be passed to `validateRules`. */
export type FactCatalogue = Readonly<Record<string, FactSpec>>;

export const RULE_FACT_NAMES = Object.keys(RULE_FACTS) as RuleFactName[];
