import { OPEN, regexPrefixes } from '../../../src/guardrails/regexPrefixes';

const sorted = (p: Set<string> | null) => (p === null ? null : [...p].sort());

describe('regexPrefixes', () => {
	test('literals and alternation', () => {
		expect(sorted(regexPrefixes('вернем|вернум'))).toEqual(['вер']);
		expect(sorted(regexPrefixes('(?:вы|сами)\\s'))).toEqual(['вы\t', 'вы\n', 'вы\r', 'вы ', 'вы\u00a0', 'сам']);
	});

	test('short whole matches stay short', () => {
		expect(sorted(regexPrefixes('вк|тг'))).toEqual(['вк', 'тг']);
	});

	test('optional parts and lookarounds', () => {
		expect(sorted(regexPrefixes('(?:чат[ -]?)?бот(?![а-я])'))).toEqual(['бот', 'чат']);
		expect(sorted(regexPrefixes('(?<![a-z])@[ab]'))).toEqual(['@a', '@b']);
	});

	test('classes and counted repeats', () => {
		expect(sorted(regexPrefixes('[аб]{2}х'))).toEqual(['аах', 'абх', 'бах', 'ббх']);
		expect(sorted(regexPrefixes('ab{2,}'))).toEqual(['abb']);
	});

	test('large sets are cut short, never dropped', () => {
		const p = regexPrefixes('[а-я]+');
		expect(p).not.toBeNull();
		expect(p?.has('аб' + OPEN) || p?.has('аб')).toBe(true);
	});

	test('what cannot be bounded is "anything"', () => {
		expect(regexPrefixes('.x')).toBeNull();
		expect(regexPrefixes('[^a]b')).toBeNull();
		expect(regexPrefixes('a?')?.has('')).toBe(true);
	});
});
