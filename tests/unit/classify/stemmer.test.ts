import { stemRussian } from '../../../src/classify/stemmer';

describe('stemRussian (Snowball Russian)', () => {
	test.each([
		['книгами', 'книг'],
		['важнейшие', 'важн'],
		['важная', 'важн'],
		['красивая', 'красив'],
		['вечерний', 'вечерн'],
		['вазы', 'ваз'],
		['вашего', 'ваш'],
		['размеров', 'размер'],
		['размеры', 'размер'],
		['доставки', 'доставк'],
		['порвался', 'порва'],
		['маломерит', 'маломер'],
	])('%s → %s', (word, stem) => {
		expect(stemRussian(word)).toBe(stem);
	});

	test('inflections of one word share a stem', () => {
		const forms = ['качество', 'качества', 'качеству', 'качеством'];
		expect(new Set(forms.map(stemRussian)).size).toBe(1);
	});

	test('words without a vowel region are left alone', () => {
		expect(stemRussian('вб')).toBe('вб');
		expect(stemRussian('')).toBe('');
	});
});
