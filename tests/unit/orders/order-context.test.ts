import { readLeftContext, readRightContext } from '../../../src/orders/order-context';

// The contexts are read from lower-cased text; `at` marks where the number sits.
function left(text: string) {
	return readLeftContext(text, text.indexOf('@'));
}
function right(text: string) {
	return readRightContext(text, text.indexOf('@') + 1);
}

describe('readLeftContext', () => {
	test('an order label right before the number', () => {
		expect(left('номер заказа @').order).toEqual({ distance: 0 });
		expect(left('заказ№@').order).toEqual({ distance: 0 });
		expect(left('отправление: @').order).toEqual({ distance: 0 });
	});

	test('a few words may stand between the label and the number', () => {
		expect(left('заказ мой вот такой @').order).toEqual({ distance: 0 });
		expect(left('заказ на вайлдберриз @').order).toEqual({ distance: 1 });
		expect(left('заказ оформляла вчера поздно вечером @').order).toBeUndefined();
	});

	test('the nearest label wins', () => {
		expect(left('заказ 3 шт, артикул @').lookalike?.kind).toBe('article');
		expect(left('артикул есть, заказ @').order).toEqual({ distance: 0 });
	});

	test('a short number in between ends the reading; a long one shares the label', () => {
		expect(left('код 41048 и @').lookalike).toBeUndefined();
		expect(left('размер 44 @').lookalike).toBeUndefined();
		expect(left('артикулом 187654321 вместо @').lookalike?.kind).toBe('article');
		expect(left('заказы 1191231355 и @').order).toEqual({ distance: 1 });
	});

	test('units and currencies belong to the number before them', () => {
		const ctx = left('брала за 599 р. @');
		expect(ctx.lookalike).toBeUndefined();
		expect(ctx.order).toBeUndefined();
	});

	test('«за» straight before a number is a price', () => {
		expect(left('брала за @').lookalike?.kind).toBe('price');
	});

	test('look-alike kinds', () => {
		expect(left('тел. @').lookalike?.kind).toBe('phone');
		expect(left('трек-номер посылки @').lookalike?.kind).toBe('track');
		expect(left('штрих-код на коробке @').lookalike?.kind).toBe('barcode');
		expect(left('код товара @').lookalike?.kind).toBe('article');
		expect(left('код @').lookalike?.kind).toBe('code');
		expect(left('паспорт @').lookalike?.kind).toBe('document');
		expect(left('индекс @').lookalike?.kind).toBe('address');
		expect(left('номер обращения @').lookalike?.kind).toBe('ticket');
	});

	test('a disowned order label', () => {
		expect(left('номера заказа нет, есть только @').lookalike?.kind).toBe('disclaimed');
		expect(left('номер заказа не помню, вот @').lookalike?.kind).toBe('disclaimed');
		expect(left('не заказа а @').lookalike?.kind).toBe('disclaimed');
		expect(left('заказ не пришел, номер @').order).toBeDefined();
	});

	test('«номер» alone is neutral; «мой номер» hints at a phone', () => {
		expect(left('номер такой: @')).toMatchObject({ neutral: true, possessiveNumber: false });
		expect(left('мой номер @')).toMatchObject({ neutral: true, possessiveNumber: true });
	});
});

describe('readRightContext', () => {
	test('a label after the number', () => {
		expect(right('@ это номер заказа').order).toEqual({ distance: 0 });
		expect(right('@ артикул').lookalike?.kind).toBe('article');
		expect(right('@ у меня из карточки товара').lookalike?.kind).toBe('article');
		expect(right('@ и 44446896 — оба заказа').order).toEqual({ distance: 0 });
	});

	test('a label followed by its own number is not about this one', () => {
		expect(right('@, размер 44').lookalike).toBeUndefined();
		expect(right('@, артикул 187654321').lookalike).toBeUndefined();
	});

	test('units and currencies straight after the number', () => {
		expect(right('@р').postfix).toBe('price');
		expect(right('@ ₽').postfix).toBe('price');
		expect(right('@ кг').postfix).toBe('unit');
		expect(right('@ года').postfix).toBe('unit');
		expect(right('@ в сборке').postfix).toBeUndefined();
	});

	test('a negated order label disowns the number', () => {
		expect(right('@ — это не номер заказа').lookalike?.kind).toBe('disclaimed');
	});
});
