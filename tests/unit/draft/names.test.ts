import { addressName } from '../../../src/draft/buyer-name';
import { draftFromTemplate } from '../../../src/draft/template-draft';
import { shortProductName } from '../../../src/draft/product-name';
import { simple, TONE_LIST } from './helpers';

// The earlier system cut names by surname endings and lost Ирина, Марина, Константин; marketplaces also send
// placeholders ("Покупатель") that must not be used as names.

describe('buyer names', () => {
	test.each([
		['Ирина', 'Ирина'],
		['Марина', 'Марина'],
		['Кристина', 'Кристина'],
		['Константин', 'Константин'],
		['Ирина К.', 'Ирина'],
		['Иванова Ирина', 'Ирина'],
		['Петров Иван Сергеевич', 'Иван'],
		['Ирина Петровна', 'Ирина'],
		['Лев Толстой', 'Лев'],
		['Анна-Мария', 'Анна-Мария'],
		['АННА', 'Анна'],
		['ольга', 'Ольга'],
		['Anna', 'Anna'],
		['  Светлана\u200b ', 'Светлана'],
	])('%s → %s', (raw, name) => {
		expect(addressName(raw)).toBe(name);
	});

	test.each(['Покупатель', 'покупатель', 'Покупатель Wildberries', 'Клиент', 'Аноним', 'User', '', 'Kotik2005', 'Ирина 🌸', 'Мария Ивановна Петрова Сидорова', 'И.'])(
		'%j is not used',
		(raw) => {
			expect(addressName(raw)).toBeUndefined();
		},
	);

	test('a usable name is in the greeting of every tone, exactly as given', () => {
		for (const tone of TONE_LIST)
			for (const seed of ['a', 'b', 'c', 'd']) {
				const t = draftFromTemplate({ ...simple('thanks', { channel: 'review', rating: 5, buyerName: 'Ирина' }), tone, seed }).text;
				expect(t.split(/[.!?]/)[0]).toContain('Ирина');
				expect(t).not.toMatch(/Ирин[уыеой](?![а-я])/);
			}
	});

	test('a placeholder name leaves a plain greeting', () => {
		for (const tone of TONE_LIST) {
			const t = draftFromTemplate({ ...simple('defect_not_working', { channel: 'chat', buyerName: 'Покупатель' }), tone }).text;
			expect(t).toMatch(/^(Здравствуйте|Добрый день)!/);
			expect(t).not.toContain('Покупатель');
		}
	});
});

describe('product names', () => {
	test('long marketplace titles keep the part before the first comma', () => {
		expect(shortProductName('Смартфон Apple iPhone 15 128 ГБ, черный, eSIM, 2023')).toBe('Смартфон Apple iPhone 15 128 ГБ');
	});

	test('quotes and brackets are removed so the name can sit inside «…»', () => {
		expect(shortProductName('Крем «Бархатные ручки» [50 мл]')).toBe('Крем Бархатные ручки 50 мл');
		expect(shortProductName('   ')).toBeUndefined();
	});

	test('any product name keeps the grammar: it follows a noun that takes the case', () => {
		const names = ['Кастрюля', 'Набор ножей', 'Пальто', 'Джинсы', 'iPhone 15'];
		for (const name of names)
			for (const seed of ['1', '2', '3', '4', '5', '6']) {
				const t = draftFromTemplate({ ...simple('thanks', { channel: 'review', rating: 5 }), product: { name }, seed }).text;
				const at = t.indexOf(`«${name}»`);
				if (at < 0) continue;
				expect(t.slice(Math.max(0, at - 9), at)).toMatch(/товар[а-я]* $/);
			}
	});
});
