'use strict';
// marketplace-api.wildberries.ru, FBS assembly orders (03-orders-fbs.yaml): list, new, statuses.

const { json, parseJsonBody } = require('../core/http');
const { DAY } = require('../core/time');
const { marketplaceError } = require('./errors');
const { ParamError, intParam } = require('./params');
const { publicView, productByNm } = require('./model');

const MAX_PERIOD_SEC = 30 * 24 * 3600;
const RETENTION_MS = 90 * DAY;

function incorrectParameter(parameter, reason) {
	return json(400, { code: 'IncorrectParameter', message: 'Передан некорректный параметр', data: { parameter, reason } });
}

function listOrders(ctx) {
	let limit, next, dateFrom, dateTo;
	try {
		limit = intParam(ctx.query, 'limit', { required: true, min: 1, max: 1000 });
		next = intParam(ctx.query, 'next', { required: true, min: 0 });
		dateFrom = intParam(ctx.query, 'dateFrom', { min: 0 });
		dateTo = intParam(ctx.query, 'dateTo', { min: 0 });
	} catch (e) {
		if (!(e instanceof ParamError)) throw e;
		return incorrectParameter(e.param, e.reason);
	}
	const now = ctx.now();
	const nowSec = Math.floor(now / 1000);
	const to = dateTo !== undefined ? dateTo : nowSec;
	const from = dateFrom !== undefined ? dateFrom : to - MAX_PERIOD_SEC;
	if (to < from) return incorrectParameter('dateTo', `must not be before dateFrom (${from})`);
	if (to - from > MAX_PERIOD_SEC) return incorrectParameter('dateFrom', 'the period must not exceed 30 days');

	const orders = ctx.wb.orders.filter(
		(o) => o._createdMs >= from * 1000 && o._createdMs <= to * 1000 + 999 && now - o._createdMs <= RETENTION_MS,
	);
	let start = orders.findIndex((o) => o.id > next);
	if (start < 0) start = orders.length;
	if (ctx.duplicate > 0 && next > 0 && start < orders.length) start = Math.max(0, start - ctx.duplicate);
	const page = orders.slice(start, start + limit);
	return json(200, { next: page.length ? page[page.length - 1].id : next, orders: page.map(publicView) });
}

function newOrderView(wb, o) {
	const view = publicView(o);
	delete view.supplyId;
	const finalPrice = view.price;
	const product = productByNm(wb, o.nmId);
	return {
		...view,
		salePrice: product ? product.price * 100 : null,
		requiredMeta: [],
		optionalMeta: [],
		finalPrice,
		convertedFinalPrice: finalPrice,
		isPickupPointShipmentAllowed: true,
	};
}

function listNew(ctx) {
	const orders = ctx.wb.orders.filter((o) => o._supplierStatus === 'new' && o._wbStatus === 'waiting');
	return json(200, { orders: orders.map((o) => newOrderView(ctx.wb, o)) });
}

function statuses(ctx) {
	const parsed = parseJsonBody(ctx.body);
	if (parsed.error || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
		return marketplaceError(400, 'IncorrectRequestBody', 'Некорректное тело запроса');
	}
	const ids = parsed.value.orders;
	if (!Array.isArray(ids) || ids.length < 1 || ids.length > 1000) {
		return json(400, {
			code: 'IncorrectRequest',
			message: 'Переданы некорректные данные',
			data: { field: 'orders', reason: 'an array of 1..1000 order IDs is required' },
		});
	}
	const badIndex = ids.findIndex((id) => !Number.isSafeInteger(id) || id <= 0);
	if (badIndex >= 0) {
		return json(400, {
			code: 'IncorrectRequest',
			message: 'Переданы некорректные данные',
			data: { field: `orders[${badIndex}]`, reason: `not an order ID: ${JSON.stringify(ids[badIndex])}` },
		});
	}
	const byId = new Map(ctx.wb.orders.map((o) => [o.id, o]));
	const result = [];
	for (const id of ids) {
		const o = byId.get(id);
		if (!o) continue;
		result.push({
			id,
			isCancellable: (o._supplierStatus === 'new' || o._supplierStatus === 'confirm') && o._wbStatus === 'waiting',
			supplierStatus: o._supplierStatus,
			wbStatus: o._wbStatus,
		});
	}
	return json(200, { orders: result });
}

const routes = [
	{ method: 'GET', path: '/api/v3/orders', handler: listOrders },
	{ method: 'GET', path: '/api/v3/orders/new', handler: listNew },
	{ method: 'POST', path: '/api/v3/orders/status', handler: statuses },
];

module.exports = { routes };
