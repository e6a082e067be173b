import type { Intent } from '../classify/types';

// Complaint topics of a product's negative reviews and topics of buyer questions, derived from the taxonomy
// intents (shared/reference/taxonomy.md) so the labels stay those of the contract. Two complaints sellers ask
// for by name have no intent of their own: a smell is a `quality_complaint` and a crushed box is whatever the
// buyer led with, so both are recognised from a short list of word stems in the text and counted as extra topics.

export const COMPLAINT_TOPICS = ['defect', 'wrong_item', 'quality', 'smell', 'size', 'delivery', 'packaging', 'return', 'other'] as const;
export type ComplaintTopic = (typeof COMPLAINT_TOPICS)[number];

export const QUESTION_TOPICS = [
	'size',
	'spec',
	'compatibility',
	'availability',
	'usage',
	'delivery',
	'pre_purchase',
	'return',
	'quality',
	'other',
] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

const COMPLAINT_BY_INTENT: Record<Intent, ComplaintTopic> = {
	defect_not_working: 'defect',
	wrong_item: 'wrong_item',
	quality_complaint: 'quality',
	sizing_fit: 'size',
	delivery_delay: 'delivery',
	delivery_status: 'delivery',
	refund_exchange: 'return',
	cancel_request: 'return',
	availability: 'other',
	compatibility: 'other',
	product_spec: 'other',
	usage_howto: 'other',
	pre_purchase: 'other',
	thanks: 'other',
	other: 'other',
};

const QUESTION_BY_INTENT: Record<Intent, QuestionTopic> = {
	sizing_fit: 'size',
	product_spec: 'spec',
	compatibility: 'compatibility',
	availability: 'availability',
	usage_howto: 'usage',
	delivery_status: 'delivery',
	delivery_delay: 'delivery',
	pre_purchase: 'pre_purchase',
	refund_exchange: 'return',
	cancel_request: 'return',
	defect_not_working: 'quality',
	wrong_item: 'quality',
	quality_complaint: 'quality',
	thanks: 'other',
	other: 'other',
};

/** What a seller can change on the product card when most questions are about one topic. */
export const QUESTION_SUGGESTIONS: Record<QuestionTopic, string> = {
	size: 'Add a size table and fit notes (runs small or large, model height) to the product card',
	spec: 'Add the characteristics buyers ask about (materials, composition, dimensions) to the product card',
	compatibility: 'List the compatible models and devices in the product description',
	availability: 'Show which sizes and colours are in stock and when the rest comes back',
	usage: 'Add usage, assembly or care instructions to the product card',
	delivery: 'State delivery times and the shipping warehouse in the product description',
	pre_purchase: 'Answer the usual doubts before buying (originality, gift use, set contents) in the description',
	return: 'Explain the marketplace return and exchange flow in the description',
	quality: 'Check the item: buyers ask about defects or wrong items before buying',
	other: 'Read the questions: no single topic dominates',
};

// Word stems, matched on the lower-cased text with ё folded to е.
const SMELL = /(запах|пахн|воня|вонь|вонюч)/;
const PACKAGING = /(упаковк|упакова|коробк|пакет)/;

function fold(text: string): string {
	return text.toLowerCase().replace(/ё/g, 'е');
}

/** Topics of one negative review: the intent's topic, plus `smell` and `packaging` when the text names them. */
export function complaintTopics(intent: Intent, text: string): ComplaintTopic[] {
	const topics: ComplaintTopic[] = [COMPLAINT_BY_INTENT[intent] ?? 'other'];
	const folded = fold(text);
	if (SMELL.test(folded)) {
		// A smell is the quality complaint itself, not a second one beside it.
		if (topics[0] === 'quality' || topics[0] === 'other') topics[0] = 'smell';
		else topics.push('smell');
	}
	if (PACKAGING.test(folded) && !topics.includes('packaging')) {
		if (topics[0] === 'other') topics[0] = 'packaging';
		else topics.push('packaging');
	}
	return topics;
}

export function questionTopic(intent: Intent): QuestionTopic {
	return QUESTION_BY_INTENT[intent] ?? 'other';
}
