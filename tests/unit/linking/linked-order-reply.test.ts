import { check } from '../../../src/guardrails';
import { linkedOrderReply } from '../../../src/linking';

// The reply to the message that gave the number names the order's product, size and status, and every variant
// passes the guardrails (no promises, no contacts) on every marketplace.

const ORDER = { number: '1191231355', productName: 'Кроссовки беговые мужские, белые, дышащие, на каждый день', size: '42', status: 'sorted' };

describe('linkedOrderReply', () => {
	it('says which order, product, size and status the seller sees', () => {
		const r = linkedOrderReply({ id: 'wb:chat:1', marketplace: 'wb', orderNumber: '1191231355', order: ORDER });
		expect(r.templateId).toBe('linked_order.chat');
		expect(r.text).toContain('№ 1191231355');
		expect(r.text).toContain('«Кроссовки беговые мужские»');
		expect(r.text).toContain('размер 42');
		expect(r.text).toContain('в пути');
	});

	it('leaves out what the order does not say, and says nothing for an unknown status code', () => {
		const r = linkedOrderReply({ id: 'wb:chat:2', marketplace: 'wb', orderNumber: '1191231355', order: { number: '1191231355', status: 'weird_code' } });
		expect(r.text).toContain('1191231355');
		expect(r.text).not.toMatch(/размер|weird|сейчас он/i);
	});

	it('tells the buyer where to check a number the marketplace does not know', () => {
		const r = linkedOrderReply({ id: 'ozon:chat:3', marketplace: 'ozon', orderNumber: '12345678-0001', order: null });
		expect(r.templateId).toBe('order_not_found.chat');
		expect(r.text).toContain('12345678-0001');
		expect(r.text).toMatch(/личном кабинете Ozon/);
	});

	it('addresses the buyer by a usable first name only', () => {
		expect(linkedOrderReply({ id: 'x', marketplace: 'wb', buyerName: 'Ирина', orderNumber: '1', order: ORDER }).text).toMatch(/Ирина/);
		expect(linkedOrderReply({ id: 'x', marketplace: 'wb', buyerName: 'Покупатель', orderNumber: '1', order: ORDER }).text).not.toMatch(/Покупатель/);
	});

	it('is the same for the same message and varies across messages', () => {
		const a = linkedOrderReply({ id: 'same', marketplace: 'wb', orderNumber: '1', order: ORDER });
		expect(linkedOrderReply({ id: 'same', marketplace: 'wb', orderNumber: '1', order: ORDER })).toEqual(a);
		const texts = new Set(Array.from({ length: 30 }, (_, i) => linkedOrderReply({ id: `m${i}`, marketplace: 'wb', orderNumber: '1', order: ORDER }).text));
		expect(texts.size).toBeGreaterThan(5);
	});

	it.each(['wb', 'ozon', 'ym'] as const)('every variant passes the guardrails on %s', (marketplace) => {
		const orders = [ORDER, { number: '77', status: 'ready_for_pickup' }, { number: '78', productName: 'Чехол', status: 'canceled' }, null];
		for (let i = 0; i < 60; i++) {
			for (const order of orders) {
				const r = linkedOrderReply({ id: `seed-${i}`, marketplace, buyerName: i % 2 ? 'Марина' : undefined, orderNumber: '1191231355', order });
				const g = check(r.text, { marketplace, channel: 'chat' });
				expect([r.text, g.violations]).toEqual([r.text, []]);
			}
		}
	});
});
