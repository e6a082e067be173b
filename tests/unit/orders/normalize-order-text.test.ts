import { normalizeOrderText, originalSpan } from '../../../src/orders/normalize-order-text';

describe('normalizeOrderText', () => {
	test('folds full-width and other decimal digits to ASCII', () => {
		expect(normalizeOrderText('２８５３０').text).toBe('28530');
		expect(normalizeOrderText('٣٨٦').text).toBe('386');
		expect(normalizeOrderText('𝟏𝟐').text).toBe('12');
	});

	test('folds no-break and thin spaces, and all dashes', () => {
		expect(normalizeOrderText('1\u00a02\u202f3\u20094').text).toBe('1 2 3 4');
		expect(normalizeOrderText('1–2—3‑4−5').text).toBe('1-2-3-4-5');
	});

	test('drops zero-width characters and soft hyphens', () => {
		expect(normalizeOrderText('12\u200b34\u00ad56\ufeff').text).toBe('123456');
	});

	test('a letter O between digits is a zero', () => {
		expect(normalizeOrderText('12O4 12о4').text).toBe('1204 1204');
		expect(normalizeOrderText('Ozon').text).toBe('Ozon');
	});

	test('a Russian word with stray Latin letters becomes Cyrillic', () => {
		expect(normalizeOrderText('заkaз').text).toBe('заказ');
	});

	test('an id with stray Cyrillic letters becomes Latin', () => {
		expect(normalizeOrderText('86сb944bfa5c').text).toBe('86cb944bfa5c');
	});

	test('plain Latin and plain Cyrillic words are left alone', () => {
		expect(normalizeOrderText('Redmi Buds и кабель').text).toBe('Redmi Buds и кабель');
	});

	test('lower folds case and ё without changing the length', () => {
		expect(normalizeOrderText('ЗАКАЗ Пришёл').lower).toBe('заказ пришел');
		// 'İ'.toLowerCase() is two units long; the character is kept so offsets stay shared.
		const n = normalizeOrderText('İ 123');
		expect(n.lower.length).toBe(n.text.length);
	});

	test('maps every unit back to the original', () => {
		const input = 'a\u200b２😀b';
		const n = normalizeOrderText(input);
		expect(n.text).toBe('a2😀b');
		expect(n.from.length).toBe(n.text.length);
		const two = n.text.indexOf('2');
		expect(originalSpan(n, two, two + 1)).toEqual([2, 3]);
		const b = n.text.indexOf('b');
		expect(input.slice(...originalSpan(n, b, b + 1))).toBe('b');
		const emoji = n.text.indexOf('😀');
		expect(input.slice(...originalSpan(n, emoji, emoji + 2))).toBe('😀');
	});
});
