// Emotion from what the wording shows (taxonomy.md cue conventions): hostility → angry; disappointment,
// weariness, repetition, dismay → frustrated; explicit joy or thanks → happy; everything else neutral.

import type { Evidence } from './evidence';
import type { Emotion, Sentiment } from './types';

export function decideEmotion(ev: Evidence, sentiment: Sentiment, problem: boolean): Emotion {
	if (ev.angry >= 1) return 'angry';
	if (ev.frustrated >= 1 && (ev.frustrated >= ev.happy || sentiment === 'negative')) return 'frustrated';
	// "Спасибо, но стакан пришёл треснутый": thanks inside a complaint is politeness, not joy.
	const happy = problem ? ev.happy - ev.gratitude : ev.happy;
	if (happy >= 1 && sentiment !== 'negative') return 'happy';
	if (ev.frustrated >= 1) return 'frustrated';
	return 'neutral';
}
