import type { LinkedOrder } from './fetched-order';
import type { LinkRecord } from './record';

// After the marketplace answered the get-order call: the chat's record now names the order and what the
// next drafts may say about it. A number the marketplace does not know links nothing, and the chat counts
// as asked, so the buyer is not asked again in the generic wording but told to check the number.

export interface AttachResult {
	linked: boolean;
	record: LinkRecord;
}

export function attachOrder(stored: LinkRecord, order: LinkedOrder | null, now: string): AttachResult {
	if (!order) return { linked: false, record: { ...stored, askedAt: stored.askedAt ?? now } };
	const record: LinkRecord = { chatId: stored.chatId, orderNumber: order.number, linkedAt: now };
	if (stored.askedAt) record.askedAt = stored.askedAt;
	if (order.productName) record.productName = order.productName;
	if (order.size) record.size = order.size;
	if (order.status) record.orderStatus = order.status;
	return { linked: true, record };
}

/** The linked order as drafts take it (AgentIQ Draft reads `order.number`, `productName`, `size`, `status`). */
export function storedOrder(record: LinkRecord): LinkedOrder | null {
	if (!record.orderNumber) return null;
	const order: LinkedOrder = { number: record.orderNumber };
	if (record.productName) order.productName = record.productName;
	if (record.size) order.size = record.size;
	if (record.orderStatus) order.status = record.orderStatus;
	return order;
}
