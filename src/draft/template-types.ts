import type { Tone } from './types';

// Templates are data: each block of a reply is a list of options, each option a phrase with synonym groups
// ("[рады|очень рады]") and placeholders ("{p.nom}", "{mp.account}"), optionally limited to contexts by flags.

/** Facts about the interaction that decide which phrases fit (see context.ts). */
export type Flag =
	// channel and marketplace
	| 'review'
	| 'question'
	| 'chat'
	| 'wb'
	| 'ozon'
	| 'ym'
	// what is known
	| 'name'
	| 'product'
	| 'order'
	| 'orderStatus'
	| 'sizeTable'
	| 'sizeRow'
	| 'sizeInChart'
	| 'specs'
	| 'spec'
	| 'specAsked'
	| 'compat'
	| 'compatModel'
	| 'compatListed'
	| 'compatUnlisted'
	// how the buyer feels
	| 'upset'
	| 'angry'
	| 'happy'
	| 'negative'
	| 'positive'
	| 'r5'
	| 'high'
	| 'low'
	| 'repeat'
	| 'churn'
	| 'asksExchange'
	| 'numbers'
	// special drafts
	| 'related'
	| 'relatedMany'
	| 'relatedArticles'
	| 'promo';

export interface Phrase {
	text: string;
	/** Every flag must hold. */
	when?: readonly Flag[];
	/** No flag may hold. */
	unless?: readonly Flag[];
	/** When any fitting option of a block is preferred, only preferred ones are chosen from (a repeat contact
	 * must be acknowledged, not just possibly). */
	prefer?: boolean;
}

export type Option = string | Phrase;
export type Options = readonly Option[];
export type ToneOptions = Readonly<Record<Tone, Options>>;
/** Options shared by all tones, or per tone. An empty text is an option too: "say nothing here". */
export type Block = Options | ToneOptions;

export const BLOCK_NAMES = ['greeting', 'acknowledgement', 'body', 'nextStep', 'extra', 'closing'] as const;
export type BlockName = (typeof BLOCK_NAMES)[number];

/** One letter per block in the `variant` string of a draft. */
export const BLOCK_LETTER: Record<BlockName, string> = {
	greeting: 'g',
	acknowledgement: 'a',
	body: 'b',
	nextStep: 'n',
	extra: 'x',
	closing: 'c',
};

/** Blocks a reply may lose, in this order, when it does not fit the channel's limit. */
export const OPTIONAL_BLOCKS: readonly BlockName[] = ['extra', 'closing', 'acknowledgement'];

export interface ReplyTemplate {
	/** `thanks`, `defect_not_working`, `ask_order_number`, … */
	id: string;
	greeting?: Block;
	acknowledgement?: Block;
	body: Block;
	nextStep?: Block;
	extra?: Block;
	closing?: Block;
}
