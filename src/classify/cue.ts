// The shape of one lexicon entry. Lexicons are plain data (lexicon/*.ts) so they can grow without touching
// the matcher.
//
// Pattern language (`p`): tokens separated by spaces, matched on whole normalised tokens (lower case, ё→е):
//   слово      exact word                     брак*     word starting with "брак" (бракованный, брака…)
//   размер~    same Snowball stem as "размер"  (а|о)в*   a regular expression over the whole token; * = any letters
//   #num #lat #size #inf #any   number, Latin word, letter size (XL…), infinitive, any word
//   @macro     a named token class from lexicon/macros.ts
//   +2         up to two other words may stand here (never across a sentence end)

import type { Intent } from './types';

/** Intents plus a few internal ones resolved by the decision step. */
export type CueIntent =
	| Intent
	/** A delivery-time question: status when already ordered, pre_purchase otherwise. */
	| 'delivery_terms';

export type EmotionCue = 'angry' | 'frustrated' | 'happy';

/** Context markers: they carry no label themselves but change how other cues count. */
export type Modifier =
	/** Reported speech or a fear ("в отзывах пишут", "боялась что"): problems here are not the buyer's. */
	| 'hearsay'
	/** The buyer's own slip ("по ошибке выбрала"): not a wrong item sent by the seller. */
	| 'selfMistake'
	/** The order already exists ("оформила заказ", "мой заказ"): delivery questions are status questions. */
	| 'ordered'
	/** Not bought yet ("если закажу", "хочу купить"). */
	| 'notYetOrdered'
	/** Softens the next complaint ("немного", "чуть"). */
	| 'minimize'
	/** Waves a complaint away ("но это мелочи", "не критично"). */
	| 'dismiss'
	/** A greeting or politeness word: on its own the text is `other`. */
	| 'greeting'
	/** A bare acknowledgement ("ок", "понятно"). */
	| 'ack'
	/** About an earlier purchase ("раньше была довольна"): praise here is not praise of this item. */
	| 'otherItem'
	/** Hedges ("вроде", "есть подозрение"): praise beside them is not clear. */
	| 'hedge';

export interface CueEffect {
	i?: CueIntent;
	/** Weight toward the intent (default 1). */
	w?: number;
	/** Polarity toward sentiment: negative for complaints, positive for praise. */
	s?: number;
	e?: EmotionCue;
	/** Weight toward the emotion (default 1). */
	ew?: number;
	/** Thanks: happy on its own, mere politeness inside a complaint. */
	gratitude?: boolean;
	/** The buyer intends to return the item or never buy again. */
	churn?: boolean;
}

export interface Cue extends CueEffect {
	p: string;
	/** Count only in a question ('q') or only in a statement ('st'). */
	only?: 'q' | 'st';
	/**
	 * What the cue means when negated ("не работает", "без брака", "запаха нет"): an effect replacing the
	 * cue's own, or 'keep' when negation does not change it. Default: the intent and emotion drop out and
	 * the polarity turns to half its opposite.
	 */
	neg?: 'keep' | CueEffect;
	/** Intents this cue rules out when it fires (explicit tie-breaks, e.g. a refund not received beats a delay). */
	beats?: Intent[];
	mod?: Modifier;
	/** Gaps may cross sentence ends ("Заказывала чёрную. Пришла бежевая."). */
	crossSentence?: boolean;
}
