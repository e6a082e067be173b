import type { Emotion, Intent, Sentiment } from '../classify/types';
import type { Channel, Marketplace } from '../interaction';

/** Tones offered for A/B tests; every template exists in each of them. */
export const TONES = ['formal', 'empathetic', 'friendly'] as const;
export type Tone = (typeof TONES)[number];

/** The part of an Interaction (shared/reference/taxonomy.md) a draft needs. */
export interface DraftInteraction {
	id: string;
	marketplace: Marketplace;
	channel: Channel;
	text: string;
	rating?: number;
	productName?: string;
	buyerName?: string;
	orderNumber?: string;
}

export interface DraftClassification {
	intent: Intent;
	emotion: Emotion;
	sentiment: Sentiment;
	signals?: { churnRisk?: boolean; repeatContact?: number; orderNumber?: string | null };
}

export interface Characteristic {
	name: string;
	value: string;
}

/** A product's size chart: one row per size, `values[i]` under `columns[i]` ("Обхват груди, см": "86-90"). */
export interface SizeTable {
	columns: string[];
	rows: Array<{ size: string; values: string[] }>;
}

export interface DraftProduct {
	name?: string;
	characteristics?: Characteristic[];
	sizeTable?: SizeTable | null;
}

export interface DraftOrder {
	number: string;
	productName?: string;
	size?: string;
	/** The marketplace's status code (wbStatus, Ozon posting status, Market status) or a Russian status text. */
	status?: string;
}

export interface DraftInput {
	interaction: DraftInteraction;
	classification: DraftClassification;
	tone: Tone;
	product?: DraftProduct;
	order?: DraftOrder;
	/** Appended on its own line, e.g. "С уважением, команда «Уютный дом»". */
	signature?: string;
	/** A cap below the channel's own limit (the lower of the two applies). */
	maxLength?: number;
	/** Replies sent recently for the same seller or product: the draft is steered away from them. */
	recentReplies?: string[];
	/** Replaces the interaction id as the source of variation (e.g. to redraw an answer). */
	seed?: string;
}

export interface RelatedProduct {
	name: string;
	nmId?: string | number;
}

export interface UpsellInput extends DraftInput {
	relatedProducts: RelatedProduct[];
	/** A promo code of the marketplace's own promo mechanism, quoted exactly as given. */
	promoCode?: string;
}

export interface DraftResult {
	text: string;
	source: 'template';
	tone: Tone;
	/** `<intent or special draft>.<channel>.<tone>`, e.g. `thanks.review.formal`, `ask_order_number.chat.friendly`. */
	templateId: string;
	/** Which option of each block was used (`g1.a3.b0.n2.x1.c5`), plus `#k` when attempt k was taken to avoid repeats. */
	variant: string;
	/** Where the text is meant to be sent (the five-star upsell goes to the chat even though it answers a review). */
	channel: Channel;
}
