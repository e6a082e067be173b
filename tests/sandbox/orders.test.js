'use strict';
const { startSandbox, fakeClock } = require('./test-utils');

const MP = '/wb/marketplace/api/v3';
const STATS = '/wb/statistics/api/v1/supplier/orders';
const DAY_S = 24 * 3600;

let t;
let clock;
beforeAll(async () => {
	clock = fakeClock();
	t = await startSandbox({ now: clock.now });
});
afterAll(() => t.sb.stop());

async function allOrders(limit) {
	const ids = [];
	let next = 0;
	for (let i = 0; i < 100; i++) {
		const res = await t.call('GET', `${MP}/orders?limit=${limit}&next=${next}`);
		expect(res.status).toBe(200);
		if (!res.data.orders.length) {
			expect(res.data.next).toBe(next);
			break;
		}
		expect(res.data.next).toBe(res.data.orders[res.data.orders.length - 1].id);
		ids.push(...res.data.orders.map((o) => o.id));
		next = res.data.next;
	}
	return ids;
}

describe('GET /api/v3/orders', () => {
	test('cursor paging returns every order of the last 30 days once, ascending', async () => {
		const ids = await allOrders(7);
		expect(ids.length).toBe(t.sb.state.wb.orders.length);
		expect(ids).toEqual(ids.slice().sort((a, b) => a - b));
		expect(new Set(ids).size).toBe(ids.length);
		expect(await allOrders(1000)).toEqual(ids);
	});

	test('orders carry the spec fields; ids are 10-digit integers, rid strings', async () => {
		const { orders } = (await t.call('GET', `${MP}/orders?limit=1000&next=0`)).data;
		for (const o of orders) {
			expect(Number.isInteger(o.id) && String(o.id).length === 10).toBe(true);
			expect(o.rid).toMatch(/^[0-9a-f]{32}$/);
			expect(o.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
			expect(o).toMatchObject({ deliveryType: 'fbs', currencyCode: 643, convertedCurrencyCode: 643, crossBorderType: 0 });
			expect(o.skus[0]).toMatch(/^\d{13}$/);
			expect(o.price % 100).toBe(0);
			for (const key of Object.keys(o)) expect(key.startsWith('_')).toBe(false);
		}
	});

	test('dateFrom/dateTo select by creation time; at most 30 days', async () => {
		const nowS = Math.floor(clock.t / 1000);
		const res = await t.call('GET', `${MP}/orders?limit=1000&next=0&dateFrom=${nowS - 3 * DAY_S}&dateTo=${nowS}`);
		expect(res.status).toBe(200);
		expect(res.data.orders.length).toBeGreaterThan(0);
		for (const o of res.data.orders) expect(Date.parse(o.createdAt) / 1000).toBeGreaterThanOrEqual(nowS - 3 * DAY_S);
		const tooLong = await t.call('GET', `${MP}/orders?limit=10&next=0&dateFrom=${nowS - 31 * DAY_S}&dateTo=${nowS}`);
		expect(tooLong.status).toBe(400);
		expect(tooLong.data).toMatchObject({ code: 'IncorrectParameter', message: 'Передан некорректный параметр' });
	});

	test.each([
		['next=0', 'limit'],
		['limit=10', 'next'],
		['limit=0&next=0', 'limit'],
		['limit=1001&next=0', 'limit'],
		['limit=10&next=-1', 'next'],
		['limit=10&next=0&dateFrom=yesterday', 'dateFrom'],
	])('%s -> 400 IncorrectParameter naming %s', async (query, parameter) => {
		const res = await t.call('GET', `${MP}/orders?${query}`);
		expect(res.status).toBe(400);
		expect(res.data).toMatchObject({ code: 'IncorrectParameter', data: { parameter } });
	});
});

test('GET /api/v3/orders/new lists new orders with the OrderNew fields', async () => {
	const res = await t.call('GET', `${MP}/orders/new`);
	expect(res.status).toBe(200);
	expect(res.data.orders.length).toBeGreaterThanOrEqual(2);
	const expected = t.sb.state.wb.orders.filter((o) => o._supplierStatus === 'new' && o._wbStatus === 'waiting').map((o) => o.id);
	expect(res.data.orders.map((o) => o.id)).toEqual(expected);
	for (const o of res.data.orders) {
		expect(o).toMatchObject({ requiredMeta: [], optionalMeta: [], isPickupPointShipmentAllowed: true, finalPrice: o.price });
		expect(o).not.toHaveProperty('supplyId');
	}
});

describe('POST /api/v3/orders/status', () => {
	test('statuses in request order; unknown IDs are left out', async () => {
		const [a, b] = t.sb.state.wb.orders.slice(-2);
		const res = await t.call('POST', `${MP}/orders/status`, { body: { orders: [b.id, 1234567890, a.id] } });
		expect(res.status).toBe(200);
		expect(res.data.orders.map((o) => o.id)).toEqual([b.id, a.id]);
		for (const o of res.data.orders) {
			expect(Object.keys(o).sort()).toEqual(['id', 'isCancellable', 'supplierStatus', 'wbStatus']);
			expect(['new', 'confirm', 'complete', 'cancel']).toContain(o.supplierStatus);
		}
		const statuses = t.sb.state.wb.orders.map((o) => o._wbStatus);
		expect(statuses).toContain('sold');
		expect(statuses).toContain('waiting');
	});

	test.each([
		[{ orders: [] }, 'IncorrectRequest'],
		[{ orders: ['abc'] }, 'IncorrectRequest'],
		[{}, 'IncorrectRequest'],
		['not json', 'IncorrectRequestBody'],
	])('%j -> 400 %s', async (body, code) => {
		const res = await t.call('POST', `${MP}/orders/status`, {
			body,
			headers: { 'Content-Type': 'application/json' },
		});
		expect(res.status).toBe(400);
		expect(res.data.code).toBe(code);
	});
});

describe('statistics GET /api/v1/supplier/orders', () => {
	test('every FBS order has a row with srid = rid, and the sticker and basket number', async () => {
		const rows = (await t.call('GET', `${STATS}?dateFrom=2020-01-01`)).data;
		expect(rows.length).toBe(t.sb.state.wb.statsOrders.length);
		const bySrid = new Map(rows.map((r) => [r.srid, r]));
		for (const o of t.sb.state.wb.orders) {
			const row = bySrid.get(o.rid);
			expect(row).toBeDefined();
			expect(row).toMatchObject({ nmId: o.nmId, warehouseType: 'Склад продавца', barcode: o.skus[0], sticker: o._sticker, gNumber: o._gNumber });
			expect(row.sticker).toMatch(/^\d+$/);
			expect(row.gNumber).toMatch(/^\d{20}$/);
		}
		expect(rows.some((r) => r.warehouseType === 'Склад WB')).toBe(true);
		const changes = rows.map((r) => r.lastChangeDate);
		expect(changes).toEqual(changes.slice().sort());
		for (const r of rows) expect(r.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
	});

	test('flag=0 filters by lastChangeDate >= dateFrom (Moscow time); flag=1 returns one order day', async () => {
		const rows = (await t.call('GET', `${STATS}?dateFrom=2020-01-01`)).data;
		const pivot = rows[Math.floor(rows.length / 2)].lastChangeDate;
		const later = (await t.call('GET', `${STATS}?dateFrom=${pivot}`)).data;
		expect(later.length).toBe(rows.filter((r) => r.lastChangeDate >= pivot).length);
		const day = rows[0].date.slice(0, 10);
		const oneDay = (await t.call('GET', `${STATS}?dateFrom=${day}T23:59:59&flag=1`)).data;
		expect(oneDay.length).toBe(rows.filter((r) => r.date.startsWith(day)).length);
		expect(oneDay.length).toBeGreaterThan(0);
	});

	test('dateFrom errors use the statistics error body', async () => {
		const missing = await t.call('GET', STATS);
		expect(missing.status).toBe(400);
		expect(missing.data).toEqual({ errors: ['dateFrom: field required'] });
		const bad = await t.call('GET', `${STATS}?dateFrom=25.03.2026`);
		expect(bad.status).toBe(400);
		expect(bad.data).toEqual({ errors: 'dateFrom: Value not validated' });
	});
});

test('chats link to orders: goodCard.rid is an FBS rid or a statistics srid, quoted numbers are FBS ids', () => {
	const wb = t.sb.state.wb;
	const rids = new Set([...wb.orders.map((o) => o.rid), ...wb.statsOrders.map((r) => r.srid)]);
	const withRid = wb.chats.filter((c) => c.goodCard && c.goodCard.rid);
	expect(withRid.length).toBeGreaterThan(0);
	for (const c of withRid) expect(rids.has(c.goodCard.rid)).toBe(true);
	const ids = new Set(wb.orders.map((o) => String(o.id)));
	const quoted = wb.events.flatMap((e) => (e.message.text.match(/\b\d{10}\b/g) || []));
	expect(quoted.length).toBeGreaterThanOrEqual(2);
	for (const n of quoted) expect(ids.has(n)).toBe(true);
});

describe('product card CDN', () => {
	test('card.json of a seeded product', async () => {
		const res = await t.call('GET', '/wb/basket/vol2117/part211784/211784560/info/ru/card.json', { token: null });
		expect(res.status).toBe(200);
		const card = res.data;
		expect(card).toMatchObject({ nm_id: 211784560, imt_name: expect.any(String), subj_name: 'Кроссовки' });
		expect(card.description.length).toBeGreaterThan(50);
		expect(card.options.length).toBeGreaterThan(3);
		for (const o of card.options) expect(Object.keys(o).sort()).toEqual(['name', 'value']);
		expect(card.sizes_table.details_props.length).toBeGreaterThan(0);
		for (const v of card.sizes_table.values) {
			expect(typeof v.tech_size).toBe('string');
			expect(v.details.length).toBe(card.sizes_table.details_props.length);
		}
		expect(Array.isArray(card.compositions)).toBe(true);
	});

	test('a sizeless product has no size table', async () => {
		const card = (await t.call('GET', '/wb/basket/vol1784/part178456/178456213/info/ru/card.json')).data;
		expect(card).not.toHaveProperty('sizes_table');
		expect(card.options.find((o) => o.name === 'Размер фильтра').value).toBe('№4');
	});

	test.each([
		'/wb/basket/vol1785/part178456/178456213/info/ru/card.json',
		'/wb/basket/vol1784/part178457/178456213/info/ru/card.json',
		'/wb/basket/vol1234/part123456/123456789/info/ru/card.json',
		'/wb/basket/vol1784/part178456/178456213/info/ru/card.xml',
	])('%s -> 404', async (path) => {
		expect((await t.call('GET', path)).status).toBe(404);
	});
});
