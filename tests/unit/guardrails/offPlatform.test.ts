import { rulesOf } from './helpers';

describe('off_platform', () => {
	test.each([
		['own site', 'Закажите на нашем сайте со скидкой'],
		['у нас на сайте', 'Эту расцветку можно заказать у нас на сайте'],
		['own online shop', 'Промокод на скидку в нашем интернет-магазине'],
		['brand online shop', 'Вся коллекция — в интернет-магазине бренда'],
		['manufacturer site', 'Подробности — на сайте производителя'],
		['brand store on a street', 'Такой же чайник есть в нашем фирменном магазине на Тверской'],
		['showroom', 'Приезжайте в наш шоурум: примерите и заберёте сразу'],
		['own app with a discount', 'Скачайте наше приложение — первый заказ в нём со скидкой'],
		['order directly', 'Заказывайте напрямую, так выгоднее'],
		['talk directly', 'Давайте продолжим общение напрямую'],
		['cheaper than here', 'Продадим на 500 рублей дешевле, чем здесь'],
		['cheaper than on the marketplace', 'Выйдет дешевле, чем на маркетплейсе'],
		['no marketplace commission', 'Продаём без наценки маркетплейса'],
		['outside the marketplace', 'Можем продать вне маркетплейса'],
		['not through the marketplace', 'Продадим со скидкой, если закажете не через маркетплейс'],
		['bank transfer', 'Оплатите переводом на карту — отправим сразу'],
		['cash on the spot', 'Оплата на месте, наличными'],
		['cash on delivery by post', 'Можем выслать наложенным платежом'],
		['manager will call', 'Наш менеджер вам позвонит'],
		['we will call back', 'Оставьте номер — перезвоним'],
		['asks for the phone number', 'Оставьте ваш номер телефона, менеджер свяжется'],
		['asks for contacts', 'Оставьте, пожалуйста, свой контакт, и мы напишем'],
		['order by phone', 'Оформим заказ по телефону'],
		['another platform: Avito', 'Остатки распродаём на Авито'],
		['another marketplace from WB', 'Этот же комплект продаётся на Ozon со скидкой'],
		['without the own marketplace', 'Скидка 15% при заказе напрямую, без Ozon'],
		['other marketplaces', 'Найдёте нас и на других маркетплейсах'],
		['come to us', 'Приезжайте к нам за товаром'],
		['call us', 'Позвоните нам, и мы всё решим'],
		['contact by phone', 'Наш менеджер свяжется с вами по телефону'],
		['own pick-up point', 'Самовывоз из нашего пункта выдачи — бесплатно'],
		['shop in a mall', 'Посетите наш магазин в ТЦ «Мега»'],
		['platform name in lower case', 'Ищите нас на озоне'],
	])('%s', (_name, text) => {
		expect(rulesOf(text)).toContain('off_platform');
	});

	test('which marketplace is "another" depends on the reply', () => {
		expect(rulesOf('Ищите нас на Wildberries', { marketplace: 'ozon' })).toContain('off_platform');
		expect(rulesOf('Ищите нас на Wildberries', { marketplace: 'wb' })).not.toContain('off_platform');
		expect(rulesOf('Статус заказа — в приложении Ozon', { marketplace: 'ozon' })).toEqual([]);
		expect(rulesOf('Статус — в личном кабинете Маркета', { marketplace: 'ym' })).toEqual([]);
		expect(rulesOf('Статус — в личном кабинете Маркета', { marketplace: 'wb' })).toContain('off_platform');
	});

	test.each([
		'Будем рады видеть вас снова в нашем магазине!',
		'Спасибо, что выбрали наш магазин!',
		'Загляните в наш магазин на Wildberries — там есть другие цвета.',
		'Дарим промокод LETO10 на товары нашего бренда на Wildberries.',
		'Пишите нам прямо в этот чат — подскажем по каждому шагу.',
		'Мы работаем напрямую с фабрикой, поэтому цены ниже.',
		'Закупаем ткань напрямую у производителя.',
		'Подскажите, пожалуйста, номер заказа из ЛК WB. Номер телефона присылать не нужно.',
		'Управлять лампой можно через наше приложение: яркость и цвет.',
		'Этот товар можно найти по названию бренда в поиске Wildberries.',
		'Оплата при получении доступна на маркетплейсе.',
		'Товар хранится на нашем складе, отправка за 1–2 дня.',
		'Заходите к нам ещё за покупками!',
		'Приходите к нам снова!',
		'Очиститель воздуха с функцией озона.',
		'Браслет из амазонита.',
	])('clean: %s', (text) => {
		expect(rulesOf(text)).not.toContain('off_platform');
	});
});
