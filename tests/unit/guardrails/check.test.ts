import { check, GUARDRAIL_RULES } from '../../../src/guardrails';
import type { GuardrailContext } from '../../../src/guardrails/types';
import { ctx } from './helpers';

describe('check', () => {
	test('a clean reply is ok with no violations', () => {
		expect(check('Здравствуйте! Спасибо за отзыв, рады, что плед понравился.', ctx({ channel: 'review' }))).toEqual({
			ok: true,
			violations: [],
		});
	});

	test('violations carry rule, excerpt, offsets into the original text and a message', () => {
		const text = 'Здравствуйте! Пишите в WhatsApp: +7 916 123-45-67, деньги вернём завтра.';
		const r = check(text, ctx());
		expect(r.ok).toBe(false);
		for (const v of r.violations) {
			expect(GUARDRAIL_RULES).toContain(v.rule);
			expect(text.slice(v.start, v.end)).toBe(v.excerpt);
			expect(v.message.length).toBeGreaterThan(10);
		}
		expect(r.violations.map((v) => [v.rule, v.excerpt])).toEqual([
			['messenger', 'WhatsApp'],
			['phone', '+7 916 123-45-67'],
			['promise', 'вернём'],
		]);
	});

	test('offsets stay right when invisible characters precede the match', () => {
		const text = '\u200b\u200bЗдравствуйте!\u00ad Наш сайт: uyut-dom.ru';
		const v = check(text, ctx()).violations.find((x) => x.rule === 'link');
		expect(v).toBeDefined();
		expect(text.slice(v?.start, v?.end)).toBe('uyut-dom.ru');
	});

	test('offsets stay right after emoji and astral characters', () => {
		const text = 'Спасибо 🙏🏻 за отзыв! 𝐰𝐰𝐰.shop.ru';
		const v = check(text, ctx()).violations.find((x) => x.rule === 'link');
		expect(text.slice(v?.start, v?.end)).toBe('𝐰𝐰𝐰.shop.ru');
	});

	test('violations are sorted by position; overlapping hits of one rule are merged', () => {
		const r = check('Сайт: www.son-i-uyut.ru, а ещё вернём деньги', ctx());
		expect(r.violations.filter((v) => v.rule === 'link').map((v) => v.excerpt)).toEqual(['www.son-i-uyut.ru']);
		const starts = r.violations.map((v) => v.start);
		expect([...starts].sort((a, b) => a - b)).toEqual(starts);
	});

	test('long excerpts are shortened', () => {
		const text = 'Сайт: https://example.org/' + 'a'.repeat(300);
		const v = check(text, ctx()).violations.find((x) => x.rule === 'link');
		expect(v?.excerpt.length).toBe(120);
		expect(v?.excerpt.endsWith('…')).toBe(true);
		expect(v?.end).toBe(text.length);
	});

	test.each([
		[{ marketplace: 'amazon', channel: 'chat' }, /"marketplace"/],
		[{ marketplace: 'wb', channel: 'email' }, /"channel"/],
		[{ marketplace: 'wb', channel: 'chat', recentReplies: 'x' }, /"recentReplies"/],
		[{ marketplace: 'wb', channel: 'chat', recentReplies: ['ok', 3] }, /"recentReplies\[1\]"/],
		[{ marketplace: 'wb', channel: 'chat', maxLength: -5 }, /"maxLength"/],
		[{ marketplace: 'wb', channel: 'chat', similarityThreshold: 2 }, /"similarityThreshold"/],
		[{ marketplace: 'wb', channel: 'chat', buyerText: 42 }, /"buyerText"/],
	])('bad context %j is rejected naming the field', (bad, message) => {
		expect(() => check('Спасибо!', bad as unknown as GuardrailContext)).toThrow(message);
	});

	test('text must be a string', () => {
		expect(() => check(undefined as unknown as string, ctx())).toThrow(/"text"/);
	});

	test('every rule name is one of the taxonomy names', () => {
		expect([...GUARDRAIL_RULES]).toEqual([
			'link',
			'phone',
			'email',
			'messenger',
			'off_platform',
			'promise',
			'blame',
			'dismissive',
			'legal',
			'jargon',
			'ai_mention',
			'length',
			'repetition',
		]);
	});
});
