import { decideLink, decideLinks, readLinkRecord, LinkRecordError, linkRow, sameOrderNumber, attachOrder, storedOrder, readFetchedOrder } from '../../../src/linking';
import type { LinkMessage } from '../../../src/linking';

// Ask once per chat, never twice; a number (in the text or on the chat's card) is fetched; a linked chat stays
// linked until the buyer names another order; look-alikes are no numbers.

const NOW = '2026-11-25T12:00:00.000Z';
const msg = (text: string, extra: Partial<LinkMessage> = {}): LinkMessage => ({ id: 'wb:chat:e1', marketplace: 'wb', chatId: 'c1', text, ...extra });

describe('decideLink', () => {
	it('asks in a chat with nothing stored, and marks the record asked', () => {
		const d = decideLink(msg('Здравствуйте, пришёл брак'), { chatId: 'c1' }, NOW);
		expect(d.outcome).toBe('ask');
		expect(d.record).toEqual({ chatId: 'c1', askedAt: NOW });
	});

	it('never asks twice: an asked chat without a number is already asked', () => {
		const d = decideLink(msg('Ну так что?'), { chatId: 'c1', askedAt: '2026-11-24T10:00:00Z' }, NOW);
		expect(d.outcome).toBe('alreadyAsked');
		expect(d.record.askedAt).toBe('2026-11-24T10:00:00Z');
	});

	it('finds a number in the text, whether or not it was asked for', () => {
		for (const stored of [{ chatId: 'c1' }, { chatId: 'c1', askedAt: NOW }]) {
			const d = decideLink(msg('Номер заказа 1191231355'), stored, NOW);
			expect([d.outcome, d.orderNumber, d.source]).toEqual(['found', '1191231355', 'text']);
		}
	});

	it('takes the order the chat itself names (WB product card rid) when the text has none', () => {
		const d = decideLink(msg('Размер не подошёл', { orderNumber: 'd4bd7af2301e5931df63b93c02c18094' }), { chatId: 'c1' }, NOW);
		expect([d.outcome, d.orderNumber, d.source]).toEqual(['found', 'd4bd7af2301e5931df63b93c02c18094', 'chat']);
	});

	it('is already linked on later messages, and when the same number comes again in another spelling', () => {
		const stored = { chatId: 'c1', orderNumber: '33600861120', linkedAt: NOW };
		expect(decideLink(msg('Когда придёт?'), stored, NOW)).toMatchObject({ outcome: 'alreadyLinked', orderNumber: '33600861120', source: 'stored' });
		expect(decideLink(msg('заказ 3360-0861-120'), stored, NOW).outcome).toBe('alreadyLinked');
		// The chat's own card does not override an order the buyer linked by hand.
		expect(decideLink(msg('Ещё вопрос', { orderNumber: 'rid-of-card' }), stored, NOW).outcome).toBe('alreadyLinked');
	});

	it('fetches a different order the buyer names in a linked chat', () => {
		const d = decideLink(msg('А ещё заказ 2745123369 не пришёл'), { chatId: 'c1', orderNumber: '1191231355' }, NOW);
		expect([d.outcome, d.orderNumber]).toEqual(['found', '2745123369']);
	});

	describe.each([
		['wb', 'Номер заказа 1191231355', '1191231355'],
		['wb', 'вот мой заказ: 3360 0861 120', '33600861120'],
		['wb', 'srid v5o_7143225816503318733.0.0 посмотрите', 'v5o_7143225816503318733.0.0'],
		['ozon', 'Номер отправления 0132112277-0101-1', '0132112277-0101-1'],
		['ozon', 'заказ 80640025-0011', '80640025-0011'],
		['ym', 'Заказ № 54729183', '54729183'],
		['ym', 'мой заказ 3859126740 не доставлен', '3859126740'],
	] as const)('%s finds "%s"', (marketplace, text, number) => {
		it('as found, with that number', () => {
			const d = decideLink(msg(text, { marketplace }), { chatId: 'c1' }, NOW);
			expect([d.outcome, d.orderNumber]).toEqual(['found', number]);
		});
	});

	describe.each([
		['wb', 'Артикул 248901714, подскажите по размеру'],
		['wb', 'Мой телефон 8 912 345-67-89, перезвоните'],
		['wb', 'Заплатила 3 450 р, а пришло не то'],
		['wb', 'Заказывала 12.11.2026, до сих пор нет'],
		['wb', 'Размер 44, рост 170'],
		['ozon', 'SKU 1456789012 есть в наличии?'],
		['ozon', 'Купила 1234567890 — не тот цвет'],
		['ym', 'Звоните +7 (912) 345-67-89'],
		['ym', 'Номер заказа не помню, вот штрихкод 4607012345678'],
	] as const)('%s rejects the look-alikes in "%s"', (marketplace, text) => {
		it('and asks instead', () => {
			const d = decideLink(msg(text, { marketplace }), { chatId: 'c1' }, NOW);
			expect([d.outcome, d.orderNumber]).toEqual(['ask', undefined]);
		});
	});
});

describe('decideLinks (one poll, several messages)', () => {
	it('asks once when two messages of a new chat arrive together, and keeps other chats apart', () => {
		const decisions = decideLinks(
			[
				{ message: msg('Здравствуйте'), stored: { chatId: 'c1' } },
				{ message: msg('Пришёл брак'), stored: { chatId: 'c1' } },
				{ message: msg('Добрый день', { chatId: 'c2' }), stored: { chatId: 'c2' } },
			],
			NOW,
		);
		expect(decisions.map((d) => d.outcome)).toEqual(['ask', 'alreadyAsked', 'ask']);
	});

	it('treats a chat as linked after its number came earlier in the same poll', () => {
		const decisions = decideLinks(
			[
				{ message: msg('заказ 1191231355'), stored: { chatId: 'c1', askedAt: NOW, productName: 'old', orderNumber: '999999999' } },
				{ message: msg('подскажите, когда доставка?'), stored: { chatId: 'c1', askedAt: NOW, productName: 'old', orderNumber: '999999999' } },
			],
			NOW,
		);
		expect(decisions.map((d) => [d.outcome, d.orderNumber])).toEqual([
			['found', '1191231355'],
			['alreadyLinked', '1191231355'],
		]);
		expect(decisions[1].record.productName).toBeUndefined();
	});
});

describe('readLinkRecord', () => {
	it('reads nothing stored as a fresh record', () => {
		for (const v of [null, undefined, '', {}, [], [{}]]) expect(readLinkRecord(v, 'c1')).toEqual({ chatId: 'c1' });
	});

	it('reads a Data Table row: nulls and "" are empty, system columns are ignored, numbers become text', () => {
		const row = { id: 7, createdAt: '2026-11-25T10:00:00Z', updatedAt: 'x', chatId: 'c1', askedAt: '2026-11-25T10:00:00Z', orderNumber: 1191231355, linkedAt: null, productName: '', size: null, orderStatus: null };
		expect(readLinkRecord(row, 'c1')).toEqual({ chatId: 'c1', askedAt: '2026-11-25T10:00:00Z', orderNumber: '1191231355' });
		expect(readLinkRecord(JSON.stringify(row), 'c1').orderNumber).toBe('1191231355');
	});

	it('refuses a record of another chat, a list of records, and wrong types, naming the field', () => {
		expect(() => readLinkRecord({ chatId: 'c2' }, 'c1')).toThrow(/"storedLink.chatId" is "c2" but the message is from chat "c1"/);
		expect(() => readLinkRecord([{}, {}], 'c1')).toThrow(/one record, got a list of 2/);
		expect(() => readLinkRecord({ askedAt: { at: 1 } }, 'c1')).toThrow(LinkRecordError);
		expect(() => readLinkRecord({ askedAt: { at: 1 } }, 'c1')).toThrow(/storedLink\.askedAt/);
		expect(() => readLinkRecord('{oops', 'c1')).toThrow(/"storedLink" must be an object/);
		expect(() => readLinkRecord(5, 'c1')).toThrow(/"storedLink" must be an object \(got number\)/);
	});

	it('writes back every column, empty ones as ""', () => {
		expect(linkRow({ chatId: 'c1', askedAt: NOW })).toEqual({ chatId: 'c1', askedAt: NOW, orderNumber: '', linkedAt: '', productName: '', size: '', orderStatus: '' });
	});
});

describe('sameOrderNumber', () => {
	it('compares spellings, not different numbers', () => {
		expect(sameOrderNumber('№ 3360-0861-120', '33600861120')).toBe(true);
		expect(sameOrderNumber('ABC_1.0.0', 'abc_1.0.0')).toBe(true);
		expect(sameOrderNumber('12345678-0001-1', '12345678-0001-2')).toBe(false);
		expect(sameOrderNumber('1191231355', '1191231356')).toBe(false);
	});
});

describe('readFetchedOrder, attachOrder, storedOrder', () => {
	const wbMatch = {
		order: { number: '3104277203', source: 'fbs', orderId: 3104277203, nmId: 121998450, status: 'sorted', supplierStatus: 'confirm', createdAt: NOW, raw: {} },
		matchedBy: 'orderId',
		candidates: [],
	};

	it('reads the WB match, Ozon posting, Market order and a flat order', () => {
		expect(readFetchedOrder(wbMatch)).toEqual({ number: '3104277203', status: 'sorted', productId: '121998450' });
		expect(readFetchedOrder({ order: { number: 's1', source: 'statistics', nmId: 5, size: '42', raw: { subject: 'Кроссовки' } }, matchedBy: 'srid' })).toEqual({
			number: 's1',
			productName: 'Кроссовки',
			size: '42',
			productId: '5',
		});
		expect(readFetchedOrder({ result: { posting_number: '0132112277-0101-1', status: 'delivering', products: [{ name: 'Чехол', sku: 1456789012 }] } })).toEqual({
			number: '0132112277-0101-1',
			productName: 'Чехол',
			status: 'delivering',
			productId: '1456789012',
		});
		expect(readFetchedOrder({ order: { id: 54729183, status: 'DELIVERY', items: [{ offerId: 'A-1', offerName: 'Термокружка' }] } })).toEqual({
			number: '54729183',
			productName: 'Термокружка',
			status: 'DELIVERY',
			productId: 'A-1',
		});
		expect(readFetchedOrder({ number: '1', productName: 'Шарф', size: 'M' })).toEqual({ number: '1', productName: 'Шарф', size: 'M' });
	});

	it('reads a missing order as null', () => {
		for (const v of [null, undefined, '', {}, { order: null, matchedBy: 'x' }, [1]]) expect(readFetchedOrder(v)).toBeNull();
	});

	it('links the chat with the order context and keeps when it was asked', () => {
		const r = attachOrder({ chatId: 'c1', askedAt: 'then', productName: 'stale' }, { number: '1', productName: 'Кроссовки', size: '42', status: 'sorted' }, NOW);
		expect(r).toEqual({ linked: true, record: { chatId: 'c1', askedAt: 'then', orderNumber: '1', linkedAt: NOW, productName: 'Кроссовки', size: '42', orderStatus: 'sorted' } });
		expect(storedOrder(r.record)).toEqual({ number: '1', productName: 'Кроссовки', size: '42', status: 'sorted' });
	});

	it('links nothing for an order that was not found, and counts the chat as asked', () => {
		expect(attachOrder({ chatId: 'c1' }, null, NOW)).toEqual({ linked: false, record: { chatId: 'c1', askedAt: NOW } });
		expect(storedOrder({ chatId: 'c1' })).toBeNull();
	});
});
