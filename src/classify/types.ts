// Vocabulary of shared/reference/taxonomy.md: the product's contract, so these strings must not drift.

export const INTENTS = [
	'defect_not_working',
	'wrong_item',
	'quality_complaint',
	'sizing_fit',
	'delivery_delay',
	'delivery_status',
	'refund_exchange',
	'cancel_request',
	'availability',
	'compatibility',
	'product_spec',
	'usage_howto',
	'pre_purchase',
	'thanks',
	'other',
] as const;
export type Intent = (typeof INTENTS)[number];

export const EMOTIONS = ['angry', 'frustrated', 'neutral', 'happy'] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export type ClassifyChannel = 'review' | 'question' | 'chat';

export interface HistoryMessage {
	from: 'buyer' | 'seller';
	text: string;
	at: string;
}

export interface ClassifyInput {
	text: string;
	channel: ClassifyChannel;
	rating?: number;
	marketplace?: string;
	history?: HistoryMessage[];
}

export interface ClassificationSignals {
	churnRisk: boolean;
	orderNumber: string | null;
	repeatContact: number;
}

export interface TextClassification {
	intent: Intent;
	emotion: Emotion;
	sentiment: Sentiment;
	confidence: number;
	signals: ClassificationSignals;
	engine: 'offline';
	evidence?: string[];
}

/** Problems a buyer reports about an order or item; they win over remedies, questions and praise. */
export const PROBLEM_INTENTS: readonly Intent[] = [
	'defect_not_working',
	'wrong_item',
	'quality_complaint',
	'sizing_fit',
	'delivery_delay',
];

export const REMEDY_INTENTS: readonly Intent[] = ['refund_exchange', 'cancel_request'];

export const QUESTION_INTENTS: readonly Intent[] = [
	'delivery_status',
	'availability',
	'compatibility',
	'product_spec',
	'usage_howto',
	'pre_purchase',
];
