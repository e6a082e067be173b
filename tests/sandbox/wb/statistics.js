'use strict';
// statistics-api.wildberries.ru, GET /api/v1/supplier/orders (12-reports, "Заказы").

const { json } = require('../core/http');
const { DAY, parseMoscowDate, moscowDayStart } = require('../core/time');
const { statisticsError } = require('./errors');
const { publicView } = require('./model');

const MAX_ROWS = 80000;
const RETENTION_MS = 90 * DAY;

function supplierOrders(ctx) {
	const raw = ctx.query.dateFrom;
	if (raw === undefined || raw === '') return statisticsError(['dateFrom: field required']);
	const from = parseMoscowDate(raw);
	if (from === null) return statisticsError('dateFrom: Value not validated');
	const flagRaw = ctx.query.flag;
	if (flagRaw !== undefined && flagRaw !== '' && flagRaw !== '0' && flagRaw !== '1') {
		return statisticsError('flag: Value not validated');
	}
	const now = ctx.now();
	const rows = ctx.wb.statsOrders.filter((r) => now - r._dateMs <= RETENTION_MS);
	let selected;
	if (flagRaw === '1') {
		// All orders made on that Moscow calendar day; the time part of dateFrom does not matter.
		const day = moscowDayStart(from);
		selected = rows.filter((r) => r._dateMs >= day && r._dateMs < day + DAY).sort((a, b) => a._dateMs - b._dateMs);
	} else {
		selected = rows.filter((r) => r._lastChangeMs >= from).sort((a, b) => a._lastChangeMs - b._lastChangeMs);
	}
	return json(200, selected.slice(0, MAX_ROWS).map(publicView));
}

const routes = [{ method: 'GET', path: '/api/v1/supplier/orders', handler: supplierOrders }];

module.exports = { routes };
