export { askOrderNumberDraft, fiveStarUpsellDraft, sizeAnswerDraft } from './special-drafts';
export { draftFromTemplate, MAX_ATTEMPTS } from './template-draft';
export { addressName } from './buyer-name';
export { matchCharacteristics, compatibility } from './characteristics';
export { describeTable, matchSizeRows, readMeasurements, type Measurement, type SizeMatch } from './size-table';
export { chooseTone, hashString, makeChooser } from './variation';
export { INTENT_TEMPLATES, SPECIAL_TEMPLATES } from './templates';
export * from './types';
