import { excerpts, rulesOf } from './helpers';

describe('link', () => {
	test.each([
		['full URL', 'Видеоинструкция здесь: https://youtube.com/watch?v=abc12', 'https://youtube.com/watch?v=abc12'],
		['http without path', 'Смотрите http://example.org, там всё есть', 'http://example.org'],
		['bare domain', 'Каталог всех расцветок — на uyut-dom.shop', 'uyut-dom.shop'],
		['bare domain with path', 'Схема сборки: sborka-mebeli.ru/shkaf/12', 'sborka-mebeli.ru/shkaf/12'],
		['sub-domain', 'Файл лежит на files.mysite.ru/manual.pdf', 'files.mysite.ru/manual.pdf'],
		['upper case www', 'Подробнее на WWW.SUPER-SHOP.RU', 'WWW.SUPER-SHOP.RU'],
		['t.me', 'Наш канал t.me/best_shop_ru', 't.me/best_shop_ru'],
		['shortener', 'Видео по короткой ссылке bit.ly/3xYz', 'bit.ly/3xYz'],
		['Cyrillic .рф', 'Рецепты — на вкусный-дом.рф', 'вкусный-дом.рф'],
		['Cyrillic .рус', 'Подробнее на lk-dom.рус', 'lk-dom.рус'],
		['spaced dot', 'Таблица размеров: razmery-shop . ru', 'razmery-shop . ru'],
		['space after dot, lower-case', 'Заходите на sizes. ru — там таблица', 'sizes. ru'],
		['(dot)', 'Адрес: site(dot)ru', 'site(dot)ru'],
		['[dot]', 'Адрес: site [dot] com', 'site [dot] com'],
		['[.]', 'Адрес: uyut-dom[.]ru', 'uyut-dom[.]ru'],
		['dot word', 'Инструкция на manual-pdf dot ru', 'manual-pdf dot ru'],
		['точка ру', 'Рецепты собраны на сайте вкусно-дома точка ру', 'вкусно-дома точка ру'],
		['точка with commas', 'Адрес сайта: uyut-dom, точка, ру', 'uyut-dom, точка, ру'],
		['точка ком alone', 'Ищите нас: точка ком', 'точка ком'],
		['space for a dot, path after', 'Видео: vk com/video123', 'vk com/video123'],
		['space for a dot after "сайт"', 'Рецепты на сайте povarenok ru — ищите по названию', 'povarenok ru'],
		['ideographic full stop', 'Каталог: katalog。ru', 'katalog。ru'],
		['full-width letters', 'Смотрите ｗｗｗ.ｓｈｏｐ.ｒｕ', 'ｗｗｗ.ｓｈｏｐ.ｒｕ'],
		['app scheme', 'Подписывайтесь: tg://resolve?domain=uyut', 'tg://resolve?domain=uyut'],
		['link page', 'Все ссылки: taplink.cc/uyut', 'taplink.cc/uyut'],
		['bullet for a dot', 'Адрес: uyut-dom•ru', 'uyut-dom•ru'],
		['points to a profile link', 'Инструкция — по ссылке в профиле', 'ссылке в профиле'],
	])('%s', (_name, text, excerpt) => {
		expect(excerpts(text, 'link')).toContain(excerpt);
	});

	test('"www" with spaces for dots', () => {
		expect(excerpts('Список моделей: www shop uyut ru', 'link')[0]).toMatch(/^www/);
	});

	test('homoglyph: Cyrillic "о" inside a Latin domain', () => {
		expect(excerpts('Фото на фигуре: stil-d\u043ema.ru/look/145', 'link')).toEqual(['stil-d\u043ema.ru/look/145']);
	});

	test('homoglyph: Cyrillic "ѕ" and "а" in a Latin domain', () => {
		expect(rulesOf('Все модели на \u0455tore.com и m\u0430gazin.ru')).toContain('link');
	});

	test('zero-width and soft-hyphen characters inside a domain', () => {
		const text = 'Прошивка: roadcam\u200b.\u200bpro/firmware и instr\u00adukciya.ru';
		expect(excerpts(text, 'link')).toEqual(['roadcam\u200b.\u200bpro/firmware', 'instr\u00adukciya.ru']);
	});

	test('an e-mail domain is reported as e-mail, not as a link', () => {
		expect(rulesOf('Пишите на service@posuda-dom.ru')).toEqual(['email']);
	});

	test.each([
		'Хаб поддерживает USB 3.0, прошивка версии 2.0 уже установлена.',
		'Подходит для Android 8.0 и выше, Bluetooth 5.3.',
		'Срок годности — до 10.2026, дата на дне банки.',
		'Статья 128.1 — пример номера, не адрес.',
		'Подходит для плит: газовых, индукционных и т.д., т.е. для всех.',
		'Спасибо за отзыв.Рады, что подушка понравилась.',
		'RU 46 соответствует EU 40 и международному M.',
		'Точка крепления рассчитана на 120 кг.',
		'Производство: Россия, г.Москва.',
		'Модель iPhone 15.Pro Max не подходит, только 15.',
		'Этот товар есть на Wildberries, ищите по артикулу.',
		'Инструкция: шаг 1 — откройте крышку. Шаг 2 — вставьте батарейки.',
	])('clean: %s', (text) => {
		expect(rulesOf(text)).not.toContain('link');
	});
});
