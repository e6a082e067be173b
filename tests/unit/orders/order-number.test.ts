import { extractOrderNumber, findOrderNumbers } from '../../../src/orders/order-number';
import type { Marketplace } from '../../../src/interaction';

// Written for these tests (not taken from the labelled sets): every format each marketplace uses, the ways
// buyers type them, and every kind of number that only looks like one.

type Case = [text: string, expected: string | null];

const run = (marketplace: Marketplace) => (text: string, expected: string | null) => {
	expect(extractOrderNumber(text, marketplace)).toBe(expected);
};

describe('Wildberries order ids', () => {
	test.each<Case>([
		['Здравствуйте, мой заказ 31845502217 так и не приехал', '31845502217'],
		['Заказ №2345678901, внутри брак', '2345678901'],
		['заказ#2345678901 не доставлен', '2345678901'],
		['ЗАКАЗ 4410387265 ВЕРНИТЕ ДЕНЬГИ', '4410387265'],
		['номер заказа: 702934118, куртка с дыркой', '702934118'],
		['по заказу 56100238841 пришла одна коробка из двух', '56100238841'],
		['заказ—1191231355', '1191231355'],
		['Заказ:\n1191231355', '1191231355'],
		['Добрый день. Заказ 6025519374. Пришел брак', '6025519374'],
	])('labelled: %s', run('wb'));

	test.each<Case>([
		['не тот размер прислали 47720581936', '47720581936'],
		['10987654321', '10987654321'],
		['держите 9035581142', '9035581142'],
		['номер такой: 6630027158', '6630027158'],
	])('bare or introduced by «номер»: %s', run('wb'));

	test.each<Case>([
		['вот номер: 109 876 543 21', '10987654321'],
		['1098-7654-32 это мой заказ', '1098765432'],
		['у заказа номер 5512-0377-904, статус странный', '55120377904'],
		['номер заказа 1098 7654 32', '1098765432'],
		['номер заказа 28530 475587', '28530475587'],
		['заказ 10 987 654 321 пришел пустой', '10987654321'],
	])('typed in groups: %s', run('wb'));

	test('two groups without a label stay two numbers', () => {
		expect(extractOrderNumber('28530 475587', 'wb')).toBeNull();
	});

	test('12 digits is the longest WB order id; 13 and more are barcodes and tracks', () => {
		expect(extractOrderNumber('номер заказа 123456789012', 'wb')).toBe('123456789012');
		expect(extractOrderNumber('123456789012', 'wb')).toBe('123456789012');
		expect(extractOrderNumber('заказ 1234567890123', 'wb')).toBeNull();
	});

	test('a phone-shaped number right after «заказ» is still the order', () => {
		expect(extractOrderNumber('заказ 89412077315 не пришел', 'wb')).toBe('89412077315');
		expect(extractOrderNumber('89412077315 не пришел', 'wb')).toBeNull();
	});
});

describe('Wildberries string ids (rid / srid / orderUid / gNumber)', () => {
	test.each<Case>([
		['v5o_7143225816503318733.0.0', 'v5o_7143225816503318733.0.0'],
		['номер v5o_7143225816503318733.0.0.', 'v5o_7143225816503318733.0.0'],
		['вот srid 11.rf9ef11fce1684117b0nhj96222982382.3.0 посмотрите', '11.rf9ef11fce1684117b0nhj96222982382.3.0'],
		['rid 9d3f7a4e1b2c4d5e8f9a0b1c2d3e4f5a, где товар?', '9d3f7a4e1b2c4d5e8f9a0b1c2d3e4f5a'],
		['2FB52CD9E25E52538A5F05994E688AE5', '2FB52CD9E25E52538A5F05994E688AE5'],
		['165918930_629fbc924b984618a44354475ca58675 это из приложения', '165918930_629fbc924b984618a44354475ca58675'],
		['номер заказа 34343462218572569531', '34343462218572569531'],
	])('%s', run('wb'));

	test('kinds', () => {
		const kinds = (text: string) => findOrderNumbers(text, 'wb').map((c) => c.kind);
		expect(kinds('v5o_7143225816503318733.0.0')).toEqual(['wb_srid']);
		expect(kinds('2fb52cd9e25e52538a5f05994e688ae5')).toEqual(['wb_srid']);
		expect(kinds('165918930_629fbc924b984618a44354475ca58675')).toEqual(['wb_order_uid']);
		expect(kinds('заказ 34343462218572569531')).toEqual(['wb_gnumber']);
		expect(kinds('заказ 2345678901')).toEqual(['wb_order_id']);
	});

	test('a 32-character run of digits only is no hex id', () => {
		expect(extractOrderNumber('12345678901234567890123456789012', 'wb')).toBeNull();
	});

	test('a UUID (a file id) is no order', () => {
		expect(extractOrderNumber('файл ecaeb056-a4ee-45b4-ae45-666811755d38 не открывается', 'wb')).toBeNull();
	});
});

describe('Ozon order and posting numbers', () => {
	test.each<Case>([
		['отправление 0132112277-0101-1 где?', '0132112277-0101-1'],
		['номер заказа 0132112277-0101', '0132112277-0101'],
		['№50520644-0012-7 пришло пустое', '50520644-0012-7'],
		['47873153-0052-1 вскрыто', '47873153-0052-1'],
		['ЗАКАЗ 305119736-0448 ОТМЕНИТЕ', '305119736-0448'],
		['ловите номер заказа — 57195475-0050', '57195475-0050'],
		['57195475-0050 — это заказ, а 2262688160 артикул', '57195475-0050'],
		['трек 47873153-0052-1 не отслеживается', '47873153-0052-1'],
		['брала за 599 р. 89120560-0221-2, одной кисти нет', '89120560-0221-2'],
		['EAN 4601234567893 другой, отправление 4565885034-0051-2', '4565885034-0051-2'],
	])('canonical: %s', run('ozon'));

	test.each<Case>([
		['0132112277 – 0101 – 1 не пришло', '0132112277-0101-1'],
		['0132112277—0101—1', '0132112277-0101-1'],
		['отправление 3179905598 0039 1 отменили', '3179905598-0039-1'],
		['заказ 50520644 0012, хочу отменить', '50520644-0012'],
		['50520644 0012', '50520644-0012'],
		['５７１９５４７５－００５０－３', '57195475-0050-3'],
	])('typed with spaces or other dashes: %s', run('ozon'));

	test('a quantity after a spaced order number is no posting suffix', () => {
		expect(extractOrderNumber('заказ 50520644 0012 2 шт не пришли', 'ozon')).toBe('50520644-0012');
		expect(extractOrderNumber('0132112277-0101 - 2 шт не пришли', 'ozon')).toBe('0132112277-0101');
	});

	test('words after a spaced number are not mistaken for units', () => {
		expect(extractOrderNumber('отправление 50520644 0012 1 где?', 'ozon')).toBe('50520644-0012-1');
		expect(extractOrderNumber('заказ 50520644 0012 мой, не пришел', 'ozon')).toBe('50520644-0012');
	});

	test('a year after a number is no order block', () => {
		expect(extractOrderNumber('12345678 2024 года выпуска?', 'ozon')).toBeNull();
	});

	test('bare digits are SKUs on Ozon unless called the order', () => {
		expect(extractOrderNumber('1234567890 есть в синем?', 'ozon')).toBeNull();
		expect(extractOrderNumber('номер заказа 1234567890', 'ozon')).toBe('1234567890');
		expect(findOrderNumbers('номер заказа 1234567890', 'ozon')[0].kind).toBe('ozon_order_id');
	});

	test('kinds', () => {
		expect(findOrderNumbers('57195475-0050', 'ozon')[0].kind).toBe('ozon_order');
		expect(findOrderNumbers('57195475-0050-3', 'ozon')[0].kind).toBe('ozon_posting');
	});

	test('Ozon shapes are not read on other marketplaces', () => {
		expect(extractOrderNumber('57195475-0050-3', 'ym')).toBeNull();
	});
});

describe('Yandex.Market order ids', () => {
	test.each<Case>([
		['Заказ № 1815478030 не пришел', '1815478030'],
		['заказ 38662057, чехол не тот', '38662057'],
		['38662057', '38662057'],
		['номер заказа 66118522779', '66118522779'],
		['заказ 659-066-002', '659066002'],
		['ваза разбита, номер заказа 659 066 002', '659066002'],
		['№ заказа 1 815 478 030', '1815478030'],
		['3 444 516 646 это номер заказа', '3444516646'],
		['Добрый день! 1234567890. Где посылка?', '1234567890'],
		['87654321 где мой заказ?', '87654321'],
		['я в Казани, индекс 420111, заказ 164647707 доставят?', '164647707'],
		['за заказ 827194944 списали по карте *9412', '827194944'],
	])('%s', run('ym'));

	test('below 8 digits is no YM order', () => {
		expect(extractOrderNumber('заказ 1234567', 'ym')).toBeNull();
	});
});

describe('look-alikes are rejected', () => {
	test.each<[Marketplace, string]>([
		// articles / nmId / SKU
		['wb', 'артикул: 187654321, есть 42 размер?'],
		['wb', 'арт. 187654321 есть в черном?'],
		['wb', 'Арт.187654321 где купить'],
		['wb', 'SKU 187654321 это тот же товар?'],
		['wb', 'nmID 187654321'],
		['wb', 'код товара 74192855 — в описании другое'],
		['wb', 'вы не то смотрите, 452771900 у меня из карточки товара'],
		['wb', '248901714 есть в наличии 48 размер?'],
		['ozon', 'по SKU 2279818939 отзывов нет'],
		['ozon', '1234567890 — это артикул'],
		['wb', 'товар № 187654321 пришел не тот'],
		['wb', 'пришел товар с артикулом 187654321 вместо 187654322'],
		// phones
		['wb', 'позвоните мне 89161234567'],
		['wb', 'мой номер 9161234567'],
		['ym', 'мой 9161234567, перезвоните'],
		['wb', '8-916-1234567'],
		['ym', '+7 9161234567'],
		['wb', 'тел. 8-916-123-45-67'],
		['wb', '+7 916 123 45 67 звоните'],
		['wb', '+79161234567'],
		['ym', '8 800 555 35 35 горячая линия'],
		['ym', '+7(916)123-45-67'],
		['ym', '8(916)1234567'],
		['ozon', 'курьер (номер 8 953 324 00 54) нагрубил'],
		// codes
		['ym', 'курьер просил код 78890'],
		['wb', 'код 1234567890 не подходит'],
		['ozon', 'промокод 12345678 не сработал'],
		// barcodes
		['wb', 'штрихкод 2041234567897'],
		['wb', 'ШК 2041234567897 не читается'],
		['wb', '2041234567897'],
		['ozon', 'штрих-код 4601234567893 не совпадает'],
		// tracks
		['wb', 'трек номер 80012345678'],
		['wb', 'трек-номер 1234567890'],
		['ym', 'ШПИ 80085012345678'],
		['ym', '80085012345678'],
		['wb', 'по трек-номеру RB699803979CN пусто'],
		['ym', 'СДЭК 1234567890 стоит на месте'],
		// prices
		['wb', 'цена 1 299 ₽, а на сайте 999'],
		['wb', 'за 12 990 руб. такое качество'],
		['ym', 'цена 12 990 000 руб'],
		['ym', 'перевела 15000 рублей'],
		// dates
		['wb', 'дата доставки 2025-11-08, а сейчас уже 12'],
		['ym', 'дата 08-11-2025'],
		['ym', 'буду в отъезде с 21.11.2026 по 25.11'],
		// sizes, body, quantities, years
		['wb', 'размер 44-46, рост 168'],
		['wb', 'вес 12 кг, размеры 120х60х45'],
		['wb', '2024 год выпуска?'],
		// documents and cards
		['wb', 'ИНН 7707083893'],
		['wb', 'паспорт 4509 123456'],
		['wb', 'по паспорту? мой 4615 893021'],
		['ozon', 'серия и номер паспорта 45 09 123456'],
		['wb', 'р/с 40817810099910004312'],
		['wb', 'карта 2200 7001 2345 6789'],
		['ym', 'номер карты 2200700123456789'],
		['ym', 'БИК 044525225'],
		// tickets, pickup points, links, supplies
		['wb', 'номер обращения 123456789'],
		['wb', 'оплатила 2 990, чек № 0012345678'],
		['wb', 'номер ПВЗ 123456789'],
		['wb', 'ссылка https://www.wildberries.ru/catalog/248901714/detail.aspx'],
		['wb', 'wildberries.ru/catalog/248901714/detail.aspx не открывается'],
		['wb', 'WB-GI-12345678'],
		// serial numbers and IMEI
		['ym', 'серийный номер 123456789012'],
		['ym', 'IMEI 356938035643809'],
		// models
		['ym', 'у меня ASUS X515EA, блок питания не тот'],
		['wb', 'модель EP2231/40 протекает'],
		// disclaimed
		['wb', 'номера заказа нет, есть только 187654321'],
		['wb', 'номер заказа не помню, но артикул 187654321'],
		['wb', '187654321 — это не номер заказа'],
		['ym', 'номер 1234567890 — это телефон'],
		['wb', 'Вот артикул, номер заказа скину позже: 187654321'],
		['wb', 'номер не заказа, а артикула: 187654321'],
		// nothing at all
		['wb', 'заказ'],
		['ym', ''],
	])('[%s] %s', (marketplace, text) => {
		expect(extractOrderNumber(text, marketplace)).toBeNull();
	});
});

describe('several numbers in one message', () => {
	test.each<[Marketplace, string, string]>([
		['wb', 'заказ 2345678901 от 12.11.2025, артикул 187654321', '2345678901'],
		['wb', 'артикул 187654321, заказ 2345678901', '2345678901'],
		['wb', 'заказ 36954096962 (в нем артикул 244520495) не того цвета', '36954096962'],
		['wb', 'в заказе 1191231355 два товара: 187654321 и 187654322', '1191231355'],
		['wb', '2 шт, заказ 23456789012, цена 1 500 р', '23456789012'],
		['wb', 'брала за 599 р. 50697207078', '50697207078'],
		['wb', 'заказ от 15.11 на сумму 4 590 р, номер 23456789012', '23456789012'],
		['ym', 'у меня два заказа 94434624356, 50213915429', '94434624356'],
		['ym', 'номер заказа 1234567890 а трек 1234567891', '1234567890'],
		['ym', 'трек 1234567891, а заказ 1234567890', '1234567890'],
		['ym', 'заказ 12345678901 номер телефона 89161234567', '12345678901'],
		['ym', 'номер телефона 89161234567, заказ 12345678901', '12345678901'],
		['ym', 'позвонила в поддержку +7 495 602 18 41, заказ 109432269', '109432269'],
		['ozon', '57195475-0050 и 57195475-0051 — оба с браком', '57195475-0050'],
		['ym', '12345678 и 12345679 — оба заказа', '12345678'],
		['wb', 'заказ 2745123369 2 шт не пришли', '2745123369'],
		['wb', 'номер заказа в приложении 1191231355', '1191231355'],
		['wb', 'Добрый день! Товар не пришёл. Заказ от 11.11, номер 2745123369', '2745123369'],
		['wb', '2745123369 - не тот размер', '2745123369'],
		['wb', 'не тот размер прислали, 47720581936', '47720581936'],
		['wb', 'жду почти месяц 1191231355', '1191231355'],
		['wb', 'заказ 1191231355 г. Москва, пвз на Тверской', '1191231355'],
		['ozon', 'у меня ничего нет. 12837465-0012-2, мой номер 89161234567', '12837465-0012-2'],
		['ozon', 'Отправление: 47873153-0052-1. Артикул 1234567890', '47873153-0052-1'],
	])('[%s] %s', (marketplace, text, expected) => {
		expect(extractOrderNumber(text, marketplace)).toBe(expected);
	});

	test('all candidates come back in text order', () => {
		const found = findOrderNumbers('у меня 2 заказа: 94434624356 и 50213915429', 'ym');
		expect(found.map((c) => c.number)).toEqual(['94434624356', '50213915429']);
		expect(found[0].start).toBeLessThan(found[1].start);
	});

	test('a bare number before a labelled one yields to it', () => {
		expect(extractOrderNumber('брала 248901714, а заказ 1191231355', 'wb')).toBe('1191231355');
	});

	test('a labelled number is more certain than a bare one', () => {
		const [labelled] = findOrderNumbers('заказ 2345678901', 'wb');
		const [bare] = findOrderNumbers('2345678901', 'wb');
		expect(labelled.confidence).toBeGreaterThan(bare.confidence);
		expect(bare.confidence).toBeGreaterThan(0);
		expect(labelled.confidence).toBeLessThanOrEqual(1);
	});
});

describe('normalisation of what buyers paste', () => {
	test.each<[Marketplace, string, string]>([
		['wb', '２３４５６７８９０１ заказ', '2345678901'],
		['wb', 'заказ 234567８９０１', '2345678901'],
		['wb', 'заказ 23456789O1', '2345678901'],
		['wb', 'заkaз 2345678901 где', '2345678901'],
		['wb', 'заказ 2345\u200b678901', '2345678901'],
		['wb', 'заказ 2\u00a0345\u00a0678\u00a0901', '2345678901'],
		['wb', '86сb944bfa5c121386a5d9c5d61f7f21', '86cb944bfa5c121386a5d9c5d61f7f21'],
		['ym', 'заказ ٣٨٦٦٢٠٥٧', '38662057'],
	])('[%s] %j', (marketplace, text, expected) => {
		expect(extractOrderNumber(text, marketplace)).toBe(expected);
	});

	test('offsets point into the original text', () => {
		const text = 'Заказ № ２３４５\u200b６７８９０１ пришёл';
		const [found] = findOrderNumbers(text, 'wb');
		expect(found.number).toBe('2345678901');
		expect(text.slice(found.start, found.end)).toBe('２３４５\u200b６７８９０１');
		expect(found.raw).toBe('２３４５\u200b６７８９０１');
	});

	test('offsets of a grouped number span the whole group', () => {
		const text = 'номер заказа 659 066 002, ваза разбита';
		const [found] = findOrderNumbers(text, 'ym');
		expect(found.raw).toBe('659 066 002');
		expect(found.start).toBe(text.indexOf('659'));
	});

	test('emoji before the number do not shift offsets', () => {
		const text = '😡😡 заказ 49580491 😡';
		const [found] = findOrderNumbers(text, 'ym');
		expect(text.slice(found.start, found.end)).toBe('49580491');
	});
});

describe('text from marketplace payloads', () => {
	test('WB buyer-chat event text', () => {
		const event = {
			chatID: '1:1e265a58-a120-b178-008c-60af2460207c',
			eventID: 'c9a8d7bd-7f8e-4a5c-9b1f-2e7d9b6f2a10',
			eventType: 'message',
			isNewChat: false,
			message: { text: 'Здравствуйте! Заказ 4406127750 пришёл без инструкции, артикул 170533457' },
			sender: 'client',
			addTimestamp: 1731402000000,
		};
		expect(extractOrderNumber(event.message.text, 'wb')).toBe('4406127750');
	});

	test('Ozon chat history message text', () => {
		const message = {
			message_id: 3000000000118021000,
			user: { id: '115568', type: 'Customer' },
			created_at: '2025-11-12T10:00:00Z',
			is_read: true,
			data: ['Добрый день, по отправлению 24219509-0020-1 пришла не та модель'],
		};
		expect(extractOrderNumber(message.data.join('\n'), 'ozon')).toBe('24219509-0020-1');
	});
});

describe('bad input', () => {
	test('text must be a string', () => {
		expect(() => extractOrderNumber(undefined as unknown as string, 'wb')).toThrow(/"text" must be a string/);
		expect(() => findOrderNumbers(null as unknown as string, 'wb')).toThrow(/"text".*null/);
	});

	test('marketplace must be wb, ozon or ym', () => {
		expect(() => extractOrderNumber('заказ 2345678901', 'amazon' as Marketplace)).toThrow(
			/"marketplace" must be one of wb, ozon, ym \(got "amazon"\)/,
		);
	});
});
