import { check } from '../../../src/guardrails/check';
import { ctx } from './helpers';

// Not timed (the machine is shared): these only prove that hostile input cannot make a check blow up
// (no catastrophic backtracking) and that many checks in a row stay consistent.
describe('performance sanity', () => {
	test.each([
		['long word', 'а'.repeat(20000)],
		['long Latin word', 'a'.repeat(20000)],
		['many dots', 'a.'.repeat(5000)],
		['many spaced digits', '8 '.repeat(5000)],
		['many number words', 'восемь '.repeat(3000)],
		['many @', 'x@'.repeat(5000)],
		['many "вы"', 'вы '.repeat(5000)],
		['many separators', 'a - . ( ) '.repeat(3000)],
	])('%s', (_name, text) => {
		const r = check(text, ctx({ maxLength: 100000 }));
		expect(r.violations.every((v) => v.start >= 0 && v.end <= text.length)).toBe(true);
	});

	test('repeated checks give identical results', () => {
		const text = 'Пишите в WhatsApp +7 916 123-45-67 или на shop@mail.ru — вернём деньги завтра.';
		const first = check(text, ctx());
		for (let i = 0; i < 2000; i++) expect(check(text, ctx())).toEqual(first);
	});
});
