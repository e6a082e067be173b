import {
	findOrderByNumber,
	normaliseFbsOrder,
	normaliseOrderNumber,
	normaliseSupplierOrder,
	withFbsStatuses,
	type WbOrder,
} from '../../../src/wb/orders';
import { WbResponseError, parseFbsOrders, parseOrderStatuses, parseSupplierOrders } from '../../../src/wb/parse';
import { fbsOrder, fbsOrdersBody, supplierOrder } from './fixtures';

function fbs(overrides: Record<string, unknown> = {}) {
	return parseFbsOrders(fbsOrdersBody([fbsOrder(overrides)])).orders[0];
}

function stats(overrides: Record<string, unknown> = {}) {
	return parseSupplierOrders([supplierOrder(overrides)])[0];
}

describe('normaliseFbsOrder', () => {
	it('maps an FBS order; price is the amount ×100 in the spec', () => {
		const raw = fbs();
		expect(normaliseFbsOrder(raw)).toEqual<WbOrder>({
			number: '13833711',
			source: 'fbs',
			orderId: 13833711,
			rid: 'f884001e44e511edb8780242ac120002',
			nmId: 12345678,
			article: 'one-ring-7548',
			createdAt: '2022-05-04T07:56:29.000Z',
			price: 10.14,
			raw,
		});
	});

	it('adds the statuses', () => {
		const [status] = parseOrderStatuses({ orders: [{ id: 13833711, supplierStatus: 'complete', wbStatus: 'ready_for_pickup', isCancellable: false }] });
		expect(normaliseFbsOrder(fbs(), status)).toMatchObject({ status: 'ready_for_pickup', supplierStatus: 'complete' });
		expect(() => normaliseFbsOrder(fbs(), { ...status, id: 1 })).toThrow(WbResponseError);
	});

	it('matches statuses to orders by ID', () => {
		const orders = [fbs(), fbs({ id: 5632423, rid: 'aa' })];
		const statuses = parseOrderStatuses({ orders: [{ id: 5632423, supplierStatus: 'new', wbStatus: 'waiting' }] });
		const merged = withFbsStatuses(orders, statuses);
		expect(merged[0].status).toBeUndefined();
		expect(merged[1]).toMatchObject({ orderId: 5632423, status: 'waiting', supplierStatus: 'new' });
	});
});

describe('normaliseSupplierOrder', () => {
	it('maps a statistics row; its zone-less date is Moscow time', () => {
		const raw = stats();
		expect(normaliseSupplierOrder(raw)).toEqual<WbOrder>({
			number: '11.rf9ef11fce1684117b0nhj96222982382.3.0',
			source: 'statistics',
			srid: '11.rf9ef11fce1684117b0nhj96222982382.3.0',
			gNumber: '34343462218572569531',
			sticker: '926912515',
			nmId: 1234567,
			article: '12345',
			size: '0',
			createdAt: '2022-03-04T15:08:31.000Z',
			price: 1145,
			status: 'canceled',
			raw,
		});
	});

	it('has no status for an order that is not cancelled', () => {
		expect(normaliseSupplierOrder(stats({ isCancel: false })).status).toBeUndefined();
	});
});

describe('normaliseOrderNumber', () => {
	it('makes what buyers type comparable', () => {
		expect(normaliseOrderNumber(' 3360-0861-120 ')).toBe('33600861120');
		expect(normaliseOrderNumber('№7922904170')).toBe('7922904170');
		expect(normaliseOrderNumber('# 1191 231 355')).toBe('1191231355');
		expect(normaliseOrderNumber(13833711)).toBe('13833711');
		expect(normaliseOrderNumber('v5o_1048029815950482398.0.0')).toBe('v5o_1048029815950482398.0.0');
		expect(normaliseOrderNumber('f884001e-44e5')).toBe('f884001e-44e5');
	});
});

describe('findOrderByNumber', () => {
	const fbsOrders = [
		normaliseFbsOrder(fbs()),
		normaliseFbsOrder(fbs({ id: 926912515, rid: 'b2c0a1e6d3f411ee9c4a0242ac120002' })),
	];
	const statsOrders = [
		normaliseSupplierOrder(stats()),
		normaliseSupplierOrder(stats({ srid: 'f884001e44e511edb8780242ac120002', sticker: '11111111', gNumber: '34343462218572569531' })),
		normaliseSupplierOrder(stats({ srid: 'v5o_1048029815950482398.0.0', sticker: '22222222', gNumber: '99999999999999999999' })),
	];
	const all = [...statsOrders, ...fbsOrders];

	it('tries the FBS order ID first, even when a sticker has the same digits', () => {
		const match = findOrderByNumber('926912515', all);
		expect(match?.matchedBy).toBe('orderId');
		expect(match?.order.orderId).toBe(926912515);
	});

	it('finds rid and srid, ignoring case', () => {
		expect(findOrderByNumber('F884001E44E511EDB8780242AC120002', fbsOrders)?.matchedBy).toBe('rid');
		const bySrid = findOrderByNumber('v5o_1048029815950482398.0.0', all);
		expect(bySrid?.matchedBy).toBe('srid');
		expect(bySrid?.order.sticker).toBe('22222222');
	});

	it('prefers rid to srid when both sources hold the order', () => {
		const match = findOrderByNumber('f884001e44e511edb8780242ac120002', all);
		expect(match?.matchedBy).toBe('rid');
		expect(match?.order.source).toBe('fbs');
	});

	it('finds a basket by gNumber and returns every order in it', () => {
		const match = findOrderByNumber('34343462218572569531', all);
		expect(match?.matchedBy).toBe('gNumber');
		expect(match?.candidates).toHaveLength(2);
	});

	it('finds a sticker, also when typed with dashes', () => {
		const match = findOrderByNumber('1111-1111', all);
		expect(match?.matchedBy).toBe('sticker');
		expect(match?.order.srid).toBe('f884001e44e511edb8780242ac120002');
	});

	it('returns null when nothing matches or nothing was given', () => {
		expect(findOrderByNumber('28530475587', all)).toBeNull();
		expect(findOrderByNumber('  ', all)).toBeNull();
		expect(findOrderByNumber('13833711', [])).toBeNull();
	});
});
