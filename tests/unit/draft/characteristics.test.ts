import { askedModel, asksAboutProperty, compatibility, describeCharacteristics, matchCharacteristics } from '../../../src/draft/characteristics';
import type { Characteristic } from '../../../src/draft/types';
import { CASE, CHARGER, DRESS } from './helpers';

const dress = DRESS.characteristics as Characteristic[];
const charger = CHARGER.characteristics as Characteristic[];

describe('characteristics that answer the buyer', () => {
	test.each([
		['Какой состав ткани?', 'Состав'],
		['Из чего сделано платье?', 'Состав'],
		['Где произведено?', 'Страна производства'],
		['Как стирать?', 'Уход за вещами'],
		['Какая длина?', 'Длина изделия по спинке'],
	])('%s → %s', (text, name) => {
		expect(matchCharacteristics(text, dress)[0]?.name).toBe(name);
	});

	test('nothing is matched for an unrelated question', () => {
		expect(matchCharacteristics('Можно ли в подарок?', dress)).toEqual([]);
		expect(matchCharacteristics('Какая мощность?', charger).map((c) => c.name)).toEqual(['Мощность']);
	});

	test('several asked properties come back together, best first', () => {
		expect(matchCharacteristics('Какая мощность и что в комплекте?', charger).map((c) => c.name)).toEqual(['Мощность', 'Комплектация']);
	});

	test('a property question is recognised even when the card is empty', () => {
		expect(asksAboutProperty('Какой срок годности?')).toBe(true);
		expect(asksAboutProperty('Когда будет скидка?')).toBe(false);
	});

	test('described as "name — value"', () => {
		expect(describeCharacteristics([dress[0], dress[1]], 3)).toBe('состав — лён 70%; хлопок 30%; страна производства — Россия');
	});
});

describe('compatibility', () => {
	test('a Latin model with its numbers is read from the question', () => {
		expect(askedModel('Подойдёт к iPhone 15 Pro?')).toBe('iPhone 15 Pro');
		expect(askedModel('Зарядит MacBook Air M2? Хватит мощности?')).toBe('MacBook Air M2');
		expect(askedModel('подскажите на редми ноут 13 про подойдет?')).toBe('редми ноут 13 про');
		expect(askedModel('А к моему телефону подойдёт?')).toBeUndefined();
		expect(askedModel('есть USB?')).toBeUndefined();
	});

	test('listed: the model is named in a characteristic', () => {
		const c = compatibility('Подойдёт к iPhone 15 Pro?', CASE.characteristics as Characteristic[]);
		expect(c.listed).toBe(true);
		expect(c.listedIn?.name).toBe('Совместимые модели');
	});

	test('unlisted: the compatibility characteristic exists but does not name it', () => {
		const c = compatibility('подойдет к Samsung Galaxy S24?', CASE.characteristics as Characteristic[]);
		expect(c).toMatchObject({ model: 'Samsung Galaxy S24', listed: false });
		expect(c.item?.name).toBe('Совместимые модели');
	});
});
