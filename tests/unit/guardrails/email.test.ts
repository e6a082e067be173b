import { excerpts, rulesOf } from './helpers';

describe('email', () => {
	test.each([
		['plain', 'Пришлите фото на service@posuda-dom.ru', 'service@posuda-dom.ru'],
		['mixed case', 'Пишите на Shop.Uyut@Gmail.com', 'Shop.Uyut@Gmail.com'],
		['full-width @', 'Пишите: shop\uff20mail.ru', 'shop\uff20mail.ru'],
		['spaces around @ and dot', 'Пишите на support @ smart-kettle . ru', 'support @ smart-kettle . ru'],
		['собака', 'Сертификат вышлем — пишите на cosmo.lab собака mail.ru', 'cosmo.lab собака mail.ru'],
		['(собака) (точка)', 'Пишите на shop (собака) mail (точка) ru', 'shop (собака) mail (точка) ru'],
		['[at] [dot]', 'Реквизиты на buh [at] tehnomir-opt [dot] ru', 'buh [at] tehnomir-opt [dot] ru'],
		['{at}{dot}', 'Пишите: shop{at}mail{dot}ru', 'shop{at}mail{dot}ru'],
		['(@)', 'Пишите на shop(@)mail.ru', 'shop(@)mail.ru'],
		['(at)', 'Фото чека на garant(at)vel-sport.ru', 'garant(at)vel-sport.ru'],
		['at / dot words', 'Фото этикетки на uyut.textile at yandex dot ru', 'uyut.textile at yandex dot ru'],
		['Cyrillic address', 'Пожелания присылайте на идеи@домашний-уют.рф', 'идеи@домашний-уют.рф'],
		['provider without @', 'Почта: ivanov.shop gmail com', 'ivanov.shop gmail com'],
		['provider after a spelled @', 'Пишите на shop собака gmail', 'shop собака gmail'],
	])('%s', (_name, text, excerpt) => {
		expect(excerpts(text, 'email')).toContain(excerpt);
	});

	test('zero-width characters inside an address', () => {
		expect(excerpts('Пишите на sh\u200bop@ma\u200bil.ru', 'email')).toEqual(['sh\u200bop@ma\u200bil.ru']);
	});

	test.each([
		'Спасибо за фото вашей собаки в новой шлейке — ей очень идёт!',
		'Если собачка молнии ходит туго, натрите зубчики графитом.',
		'Зарядка подходит для Mate 60 Pro, мощность 66 Вт.',
		'Точка крепления рассчитана на 120 кг, анкер в комплекте.',
		'Подписывайтесь на бренд в карточке товара.',
	])('clean: %s', (text) => {
		expect(rulesOf(text)).not.toContain('email');
	});
});
