import { MOSCOW_ZONE, tryIsoUtc } from './dates';
import { WbResponseError } from './parse';
import type { RawFbsOrder, RawOrderStatus, RawSupplierOrder } from './schemas';

// One order shape for both sources a seller may have: FBS orders (marketplace API, the seller ships; last
// 3 months) and the statistics report (all orders, FBO too; last 90 days). They share one key: FBS `rid`
// equals statistics `srid` (both specs say so), which is also the `goodCard.rid` of a chat.

export interface WbOrder {
	/** what to show as the order's number: the FBS order ID, or `srid` for statistics rows */
	number: string;
	source: 'fbs' | 'statistics';
	/** FBS order (assembly task) ID */
	orderId?: number;
	/** FBS: unique order ID (= srid) */
	rid?: string;
	/** statistics: unique order ID (= rid) */
	srid?: string;
	/** statistics: the buyer's basket; orders placed together share it */
	gNumber?: string;
	sticker?: string;
	nmId: number;
	/** the seller's article */
	article?: string;
	size?: string;
	createdAt: string;
	/** what the buyer pays, in currency units (FBS: sale currency, see raw.currencyCode; statistics: roubles) */
	price?: number;
	/** FBS: WB's status (`waiting`, `sold`, `canceled_by_client` …) when known; statistics: `canceled` or absent */
	status?: string;
	/** FBS: the seller's own status (`new`, `confirm`, `complete`, `cancel`) when known */
	supplierStatus?: string;
	raw: unknown;
}

function clean(value: string | null | undefined): string | undefined {
	const trimmed = (value ?? '').trim();
	return trimmed === '' ? undefined : trimmed;
}

function isoUtc(value: string, field: string, zoneWhenMissing: string): string {
	const iso = tryIsoUtc(value, zoneWhenMissing);
	if (iso === undefined) throw new WbResponseError(field, `expected a date-time, received ${JSON.stringify(value)}`);
	return iso;
}

/** An FBS order, with its statuses from `POST /api/v3/orders/status` when given. */
export function normaliseFbsOrder(raw: RawFbsOrder, status?: RawOrderStatus): WbOrder {
	if (status !== undefined && status.id !== raw.id) {
		throw new WbResponseError('id', `status belongs to order ${status.id}, not ${raw.id}`);
	}
	const order: WbOrder = {
		number: String(raw.id),
		source: 'fbs',
		orderId: raw.id,
		nmId: raw.nmId,
		// FBS createdAt is UTC (spec)
		createdAt: isoUtc(raw.createdAt, 'createdAt', 'utc'),
		raw,
	};
	const rid = clean(raw.rid);
	if (rid) order.rid = rid;
	const article = clean(raw.article);
	if (article) order.article = article;
	// the spec's price is the amount ×100
	if (typeof raw.price === 'number') order.price = raw.price / 100;
	const wbStatus = clean(status?.wbStatus);
	if (wbStatus) order.status = wbStatus;
	const supplierStatus = clean(status?.supplierStatus);
	if (supplierStatus) order.supplierStatus = supplierStatus;
	return order;
}

/** Attaches statuses to orders by ID; orders without a status are returned unchanged. */
export function withFbsStatuses(orders: readonly RawFbsOrder[], statuses: readonly RawOrderStatus[]): WbOrder[] {
	const byId = new Map(statuses.map((status) => [status.id, status]));
	return orders.map((order) => normaliseFbsOrder(order, byId.get(order.id)));
}

/** A row of the statistics orders report (dates without an offset are Moscow time). */
export function normaliseSupplierOrder(raw: RawSupplierOrder): WbOrder {
	const order: WbOrder = {
		number: raw.srid,
		source: 'statistics',
		srid: raw.srid,
		nmId: raw.nmId,
		createdAt: isoUtc(raw.date, 'date', MOSCOW_ZONE),
		raw,
	};
	const gNumber = clean(raw.gNumber);
	if (gNumber) order.gNumber = gNumber;
	const sticker = clean(raw.sticker);
	if (sticker) order.sticker = sticker;
	const article = clean(raw.supplierArticle);
	if (article) order.article = article;
	const size = clean(raw.techSize);
	if (size) order.size = size;
	if (typeof raw.finishedPrice === 'number') order.price = raw.finishedPrice;
	if (raw.isCancel === true) order.status = 'canceled';
	return order;
}

export type WbOrderKey = 'orderId' | 'rid' | 'srid' | 'gNumber' | 'sticker';

export interface WbOrderMatch {
	/** the first order matching the number */
	order: WbOrder;
	matchedBy: WbOrderKey;
	/** every order matching at the same key: a gNumber is shared by all orders of one basket */
	candidates: WbOrder[];
}

/**
 * The number as a buyer typed it, made comparable: trimmed, a leading "№"/"#" dropped, and digit groups
 * joined ("3360-0861-120" → "33600861120"). IDs with letters (rid, srid) keep their form.
 */
export function normaliseOrderNumber(input: string | number): string {
	let text = String(input).trim().replace(/^(№|#|no\.?(?=\s*\d))\s*/i, '');
	if (/^\d[\d\s-]*\d$/.test(text)) text = text.replace(/[\s-]/g, '');
	return text;
}

// Order of trust: what a buyer calls "номер заказа" varies (shared/reference/marketplace-apis.md), so the
// most specific identifiers are tried first and a basket number (gNumber) or sticker only after them.
const KEYS: readonly { key: WbOrderKey; valueOf: (order: WbOrder) => string | undefined; caseless: boolean }[] = [
	{ key: 'orderId', valueOf: (order) => (order.orderId === undefined ? undefined : String(order.orderId)), caseless: false },
	{ key: 'rid', valueOf: (order) => order.rid, caseless: true },
	{ key: 'srid', valueOf: (order) => order.srid, caseless: true },
	{ key: 'gNumber', valueOf: (order) => order.gNumber, caseless: false },
	{ key: 'sticker', valueOf: (order) => order.sticker, caseless: false },
];

/**
 * The order a buyer's number refers to: FBS order ID first, then rid/srid, then gNumber, then sticker.
 * Returns null when nothing matches (or the number is empty).
 */
export function findOrderByNumber(number: string | number, orders: readonly WbOrder[]): WbOrderMatch | null {
	const wanted = normaliseOrderNumber(number);
	if (wanted === '') return null;
	const wantedCaseless = wanted.toLowerCase();
	for (const { key, valueOf, caseless } of KEYS) {
		const candidates = orders.filter((order) => {
			const value = valueOf(order);
			if (value === undefined) return false;
			const comparable = normaliseOrderNumber(value);
			return caseless ? comparable.toLowerCase() === wantedCaseless : comparable === wanted;
		});
		if (candidates.length > 0) return { order: candidates[0], matchedBy: key, candidates };
	}
	return null;
}
