// A fetched order in the few words a reply may use: number, product, size, status. Each marketplace's
// get-order operation answers in its own shape; all are read here so the node works after any of them:
//   WB (Wildberries node, Order → Get by Number): { order: { number, nmId, size?, status?, supplierStatus? }, matchedBy }
//   Ozon (/v3/posting/fbs/get): { result?: { posting_number, status, products: [{ name, sku }] } }
//   Yandex Market (GET …/orders/{id}): { order?: { id, status, items: [{ offerName }] } }
//   or an already flat { number, productName?, size?, status? }.

export interface LinkedOrder {
	number: string;
	productName?: string;
	size?: string;
	status?: string;
	/** The product's id at the marketplace (WB nmId, Ozon SKU, Market offer id). */
	productId?: string;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => {
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	if (typeof v !== 'string') return undefined;
	const t = v.trim();
	return t === '' ? undefined : t;
};

function firstItem(list: unknown): Obj | undefined {
	return Array.isArray(list) && isObj(list[0]) ? list[0] : undefined;
}

function fromWb(order: Obj): LinkedOrder | null {
	const number = text(order.number) ?? text(order.orderId) ?? text(order.rid) ?? text(order.srid);
	if (!number) return null;
	const raw = isObj(order.raw) ? order.raw : {};
	return {
		number,
		productName: text(order.productName) ?? text(raw.subject),
		size: text(order.size) ?? text(raw.techSize),
		// WB's own status says where the parcel is; the seller's status is the fallback.
		status: text(order.status) ?? text(order.supplierStatus),
		productId: text(order.nmId),
	};
}

function fromOzon(posting: Obj): LinkedOrder | null {
	const number = text(posting.posting_number) ?? text(posting.order_number);
	if (!number) return null;
	const product = firstItem(posting.products);
	return { number, productName: text(product?.name), status: text(posting.status), productId: text(product?.sku) ?? text(product?.offer_id) };
}

function fromYm(order: Obj): LinkedOrder | null {
	const number = text(order.id);
	if (!number) return null;
	const item = firstItem(order.items);
	return { number, productName: text(item?.offerName), status: text(order.status), productId: text(item?.offerId) };
}

function fromFlat(order: Obj): LinkedOrder | null {
	const number = text(order.number);
	if (!number) return null;
	return { number, productName: text(order.productName), size: text(order.size), status: text(order.status), productId: text(order.productId) };
}

function clean(order: LinkedOrder | null): LinkedOrder | null {
	if (!order) return null;
	const out: LinkedOrder = { number: order.number };
	if (order.productName) out.productName = order.productName;
	if (order.size) out.size = order.size;
	if (order.status) out.status = order.status;
	if (order.productId) out.productId = order.productId;
	return out;
}

/** The order in a get-order answer, or null when the answer holds none (not found, empty, unknown shape). */
export function readFetchedOrder(value: unknown): LinkedOrder | null {
	if (!isObj(value)) return null;
	// WB: the match object of Order → Get by Number.
	if (isObj(value.order) && 'matchedBy' in value) return clean(fromWb(value.order));
	if (isObj(value.result) && 'posting_number' in value.result) return clean(fromOzon(value.result));
	if ('posting_number' in value) return clean(fromOzon(value));
	if (isObj(value.order) && 'id' in value.order && Array.isArray(value.order.items)) return clean(fromYm(value.order));
	if ('id' in value && Array.isArray(value.items)) return clean(fromYm(value));
	if ('source' in value && ('nmId' in value || 'orderId' in value)) return clean(fromWb(value));
	return clean(fromFlat(value));
}
