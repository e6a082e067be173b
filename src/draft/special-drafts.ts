import { parseDraftInput, parseUpsellInput } from './input';
import { draftWith } from './template-draft';
import { SPECIAL_TEMPLATES } from './templates';
import type { DraftInput, DraftResult, UpsellInput } from './types';

// Drafts for a purpose rather than for the buyer's intent.

/** Asks a chat buyer for the order number and says where their marketplace app shows it. */
export function askOrderNumberDraft(input: DraftInput): DraftResult {
	const parsed = parseDraftInput(input, 'askOrderNumberDraft');
	if (parsed.interaction.channel !== 'chat') {
		throw new TypeError(
			`askOrderNumberDraft (item ${parsed.interaction.id}): "interaction.channel" must be "chat" — a public answer cannot ask for an order number (got "${parsed.interaction.channel}")`,
		);
	}
	return draftWith(SPECIAL_TEMPLATES.askOrderNumber, parsed);
}

/**
 * The thank-you sent through WB's paid "chat with a buyer who left a review": thanks for the review, related
 * products by name and article, and the seller's marketplace promo code. The interaction is the review; the
 * text is for the chat, so the chat's length limit applies.
 */
export function fiveStarUpsellDraft(input: UpsellInput): DraftResult {
	const parsed = parseUpsellInput(input, 'fiveStarUpsellDraft');
	const rating = parsed.interaction.rating;
	if (rating !== undefined && rating < 4) {
		throw new TypeError(
			`fiveStarUpsellDraft (item ${parsed.interaction.id}): "interaction.rating" is ${rating}; an upsell goes only to 4★ and 5★ reviews, answer this one with draftFromTemplate`,
		);
	}
	return draftWith(SPECIAL_TEMPLATES.fiveStarUpsell, parsed, {
		channel: 'chat',
		related: parsed.relatedProducts,
		promoCode: parsed.promoCode,
	});
}

/** Answers a size question from the product's size chart (`product.sizeTable` is required). */
export function sizeAnswerDraft(input: DraftInput): DraftResult {
	const parsed = parseDraftInput(input, 'sizeAnswerDraft');
	const table = parsed.product?.sizeTable;
	if (!table || table.rows.length === 0) {
		throw new TypeError(`sizeAnswerDraft (item ${parsed.interaction.id}): "product.sizeTable" with at least one row is required`);
	}
	return draftWith(SPECIAL_TEMPLATES.sizeAnswer, parsed);
}
