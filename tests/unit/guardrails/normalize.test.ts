import { normalizeText, originalSpan } from '../../../src/guardrails/normalize';

describe('normalizeText', () => {
	test('lower case, ё → е, dashes, quotes and spaces unified, one-to-one', () => {
		const n = normalizeText('Ёлка «Люкс» — 2\u00a0м–3\u00a0м');
		expect(n.text).toBe('елка "люкс" — 2 м-3 м');
		expect(n.starts).toBeNull();
	});

	test('invisible characters are dropped and offsets still point into the original', () => {
		const original = 'Tele\u200bgram и \u00adсайт';
		const n = normalizeText(original);
		expect(n.text).toBe('telegram и сайт');
		const [s, e] = originalSpan(n, 0, 8);
		expect(original.slice(s, e)).toBe('Tele\u200bgram');
		const at = n.text.indexOf('сайт');
		const [s2, e2] = originalSpan(n, at, at + 4);
		expect(original.slice(s2, e2)).toBe('сайт');
	});

	test('mixed-script words are folded to their majority script', () => {
		expect(normalizeText('stil-d\u043ema.ru').text).toBe('stil-doma.ru');
		expect(normalizeText('T\u0435legram').text).toBe('telegram');
		expect(normalizeText('ВКонт\u0061кте').text).toBe('вконтакте');
		// Pure words stay as they are.
		expect(normalizeText('Pro Max и сайт').text).toBe('pro max и сайт');
	});

	test('letter-like symbols read as letters', () => {
		expect(normalizeText('ｗｗｗ').text).toBe('www');
		expect(normalizeText('\ud835\udc30\ud835\udc30\ud835\udc30.ru').text).toBe('www.ru');
		expect(normalizeText('ⓦⓦⓦ').text).toBe('www');
	});

	test('decomposed "й" stays "й"', () => {
		expect(normalizeText('и\u0306од').text).toBe('йод');
	});

	test('emoji survive', () => {
		const n = normalizeText('Спасибо 🙂!');
		expect(n.text).toBe('спасибо 🙂!');
	});
});
