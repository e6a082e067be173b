export { buildCueIndex, classifyText } from './classifier';
export type { Cue, CueEffect, CueIntent, EmotionCue, Modifier } from './cue';
export { CueIndex, expandPattern } from './matcher';
export { normalizeText } from './normalize';
export type { NormalizedText, SentenceInfo, Token } from './normalize';
export { countRepeatContact } from './signals';
export { stemRussian } from './stemmer';
export * from './types';
