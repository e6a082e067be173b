import { excerpts, rulesOf } from './helpers';

describe('messenger', () => {
	test.each([
		['WhatsApp', 'Фото и видео отправим в WhatsApp, пишите нам'],
		['вацап', 'Напишите в вацап, ответим быстро'],
		['ватсапп', 'Видео лучше скинуть нам в ватсапп'],
		['Вотсап', 'Напишите нам в Вотсап'],
		['Vatsap / Telega slang', 'Фото брака лучше отправить нам в Vatsap или в Telega'],
		['телеграм inflected', 'Напишите нам в Телеграме, ник @filter_help'],
		['телегу', 'Напишите менеджеру в телегу, он всё расскажет'],
		['тг', 'Пишите в тг, там быстрее'],
		['telegram channel', 'Подписывайтесь на наш телеграм-канал'],
		['Viber', 'Схему пришлю вам в вайбере'],
		['VK', 'Подписывайтесь на нас в ВК'],
		['ВКонтакте group', 'Видео сборки — в нашей группе ВКонтакте'],
		['Instagram', 'Больше образов в нашем Инстаграме'],
		['инсту', 'Напишите нам в инсту'],
		['Одноклассники', 'Ищите нас в Одноклассниках'],
		['MAX messenger', 'Пишите нам в MAX или во ВКонтакте'],
		['any messenger', 'Пишите в любой мессенджер, ответим'],
		['social networks', 'Найдите нас в соцсетях'],
		['YouTube channel', 'Подписывайтесь на наш YouTube-канал'],
		['Дзен', 'Больше видео — на нашем Дзен-канале'],
		['для связи', 'Для связи — WhatsApp'],
	])('%s', (_name, text) => {
		expect(rulesOf(text)).toContain('messenger');
	});

	test.each([
		['в личку', 'Давайте обсудим мерки в личке', 'личке'],
		['в директ', 'Пишите в директ', 'директ'],
		['личные сообщения', 'Напишите в личные сообщения', 'личные сообщения'],
		['@handle', 'Наш ник @mila_shveya, там удобнее', '@mila_shveya'],
		['handle with a dot', 'Образы с этим платьем: @lavanda.dress', '@lavanda.dress'],
		['nick without @', 'Наш ник: uyut_shop', 'ник: uyut_shop'],
		['spaced letters', 'Т е л е г р а м: пишите', 'Т е л е г р а м'],
		['spaced Latin letters', 'W h a t s A p p — пишите', 'W h a t s A p p'],
	])('contact route by itself: %s', (_name, text, excerpt) => {
		expect(excerpts(text, 'messenger')).toContain(excerpt);
	});

	test('homoglyph and zero-width obfuscation of "Telegram"', () => {
		expect(excerpts('Пишите в T\u0435legram', 'messenger')).toEqual(['T\u0435legram']);
		expect(excerpts('Новинки — в нашем Tele\u200bgram-канале', 'messenger')).toEqual(['Tele\u200bgram']);
	});

	test.each([
		'Да, часы показывают уведомления из WhatsApp, Telegram и VK, а также входящие звонки.',
		'Держатель подходит для iPhone 15 Pro Max и Samsung Galaxy S24 Ultra.',
		'Максимальная нагрузка — макс. 120 кг.',
		'Зажмите кнопку ВКЛ на 5 секунд.',
		'Пишите нам в этот чат — ответим в течение дня.',
		'Спасибо, Максим, за отзыв!',
		'Кнопка директ-режима на пульте включает прямую подачу.',
		'Директор фабрики лично проверяет каждую партию.',
		'Часы поддерживают связь по Bluetooth и уведомления WhatsApp.',
	])('clean: %s', (text) => {
		expect(rulesOf(text)).not.toContain('messenger');
	});
});
