import { normalizeText } from '../../../src/classify/normalize';

const norms = (text: string) => normalizeText(text).tokens.map((t) => t.norm);

describe('normalizeText', () => {
	test('lower-cases and folds ё to е', () => {
		expect(norms('Пришёл ЧЁРНЫЙ')).toEqual(['пришел', 'черный']);
	});

	test('folds Latin look-alike letters inside Cyrillic words', () => {
		// "кaчество" with a Latin a, "брaк" with a Latin a, "xорошо" with a Latin x
		expect(norms('кaчество брaк xорошо')).toEqual(['качество', 'брак', 'хорошо']);
	});

	test('keeps real Latin words and sizes', () => {
		expect(norms('Подойдет к iPhone 15? Размер XL')).toEqual(['подойдет', 'к', 'iphone', '15', 'размер', 'xl']);
	});

	test('unmasks a whole word typed in Latin look-alikes inside Russian text', () => {
		expect(norms('это TOBAP отличный')).toEqual(['это', 'товар', 'отличный']);
	});

	test('collapses stretched letters', () => {
		expect(norms('ооочень спасибоооо')).toEqual(['очень', 'спасибо']);
	});

	test('splits hyphenated words and keeps decimal numbers whole', () => {
		expect(norms('фильтр-пакеты на 1,5 литра')).toEqual(['фильтр', 'пакеты', 'на', '1,5', 'литра']);
	});

	test('numbers sentences and marks questions', () => {
		const { tokens, sentences } = normalizeText('Где заказ? Жду неделю. Когда привезут');
		expect(sentences.map((s) => s.question)).toEqual([true, false, false]);
		expect(tokens.map((t) => t.sentence)).toEqual([0, 0, 1, 1, 2, 2]);
	});

	test('a "ли" makes a sentence a question even without "?"', () => {
		expect(normalizeText('есть ли синий').sentences[0].question).toBe(true);
	});

	test('commas and contrast words open a new clause', () => {
		const { tokens } = normalizeText('удобный, но тонкий');
		const clauseOf = (w: string) => tokens.find((t) => t.norm === w)?.clause;
		expect(clauseOf('удобный')).not.toBe(clauseOf('тонкий'));
	});

	test('marks words written in capitals', () => {
		const { tokens } = normalizeText('ВЕРНИТЕ деньги');
		expect(tokens.map((t) => t.caps)).toEqual([true, false]);
	});

	test('empty text gives no tokens', () => {
		expect(normalizeText('').tokens).toEqual([]);
		expect(normalizeText(' . , !').tokens).toEqual([]);
	});
});
