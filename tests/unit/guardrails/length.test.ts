import { check } from '../../../src/guardrails/check';
import { REPLY_LIMITS } from '../../../src/guardrails/limits';
import { ctx, rulesOf } from './helpers';

const russian = (n: number) => 'Спасибо за отзыв! '.repeat(Math.ceil(n / 18)).slice(0, n);

describe('length', () => {
	test('empty and whitespace-only replies', () => {
		for (const text of ['', '   ', ' \n\t ']) {
			const r = check(text, ctx());
			expect(r.ok).toBe(false);
			expect(r.violations.map((v) => v.rule)).toEqual(['length']);
			expect(r.violations[0].message).toMatch(/empty/);
		}
	});

	test.each([
		['wb', 'review', 5000],
		['wb', 'question', 5000],
		['wb', 'chat', 1000],
		['ozon', 'question', 3000],
		['ozon', 'chat', 1000],
		['ym', 'review', 4096],
		['ym', 'question', 5000],
		['ym', 'chat', 4096],
	] as const)('%s %s: up to %i characters', (marketplace, channel, max) => {
		expect(REPLY_LIMITS[marketplace][channel].max).toBe(max);
		expect(rulesOf(russian(max), { marketplace, channel })).not.toContain('length');
		const over = check(russian(max + 1), ctx({ marketplace, channel }));
		const v = over.violations.find((x) => x.rule === 'length');
		expect(v).toBeDefined();
		expect(v?.start).toBe(max);
		expect(v?.end).toBe(max + 1);
	});

	test('minimum length: WB and Ozon answers need 2 characters, chats 1', () => {
		expect(rulesOf('Я', { marketplace: 'wb', channel: 'review' })).toContain('length');
		expect(rulesOf('Я', { marketplace: 'ozon', channel: 'question' })).toContain('length');
		expect(rulesOf('Да', { marketplace: 'wb', channel: 'review' })).not.toContain('length');
		expect(rulesOf('Я', { marketplace: 'ozon', channel: 'chat' })).not.toContain('length');
		expect(rulesOf('Я', { marketplace: 'ym', channel: 'review' })).not.toContain('length');
	});

	test('maxLength overrides the channel limit', () => {
		expect(rulesOf(russian(300), { marketplace: 'wb', channel: 'review', maxLength: 200 })).toContain('length');
		expect(rulesOf(russian(1500), { marketplace: 'wb', channel: 'chat', maxLength: 2000 })).not.toContain('length');
	});

	test.each([
		'Thank you for your feedback! We are glad you liked the blender.',
		'Hello! Yes, this jacket is true to size.',
		'Spasibo za otzyv! Rady, chto vse ponravilos.',
		'👍👍👍',
		'Thank you, Мария! We are glad you liked it.',
	])('not Russian: %s', (text) => {
		expect(rulesOf(text)).toContain('length');
	});

	test.each([
		'Держатель подходит для iPhone 15 Pro Max и Samsung Galaxy S24 Ultra.',
		'Да, подходит для iPhone 15 Pro Max, Samsung Galaxy S24 Ultra и Xiaomi 14T Pro.',
		'Спасибо! 👍',
	])('Russian with Latin model names: %s', (text) => {
		expect(rulesOf(text)).not.toContain('length');
	});
});
