import { z } from 'zod';

// What a workflow remembers per chat, so a buyer is asked for the order number once and a linked order is
// known on every later message. The node never stores it itself: a built-in store (an n8n Data Table in the
// template) reads and writes this record, which keeps the node pure and safe in queue mode. The columns are
// plain strings because that is the one column type every store (Data Table, Postgres, a sheet) offers.

/** The store's columns, in the order a user creates them. */
export const LINK_COLUMNS = ['chatId', 'askedAt', 'orderNumber', 'linkedAt', 'productName', 'size', 'orderStatus'] as const;
export type LinkColumn = (typeof LINK_COLUMNS)[number];

export interface LinkRecord {
	chatId: string;
	/** When the buyer was asked for the order number (ISO). */
	askedAt?: string;
	/** The linked order's number, as the marketplace's get-order operation takes it. */
	orderNumber?: string;
	linkedAt?: string;
	productName?: string;
	size?: string;
	/** The marketplace's status code or text at the time of linking. */
	orderStatus?: string;
}

// Stores hand back empty columns as null or "" and add their own columns (Data Tables: id, createdAt,
// updatedAt); both are tolerated, a wrong type in one of ours is not.
const column = z
	.union([z.string(), z.number(), z.null()])
	.optional()
	.transform((v) => (v === null || v === undefined || String(v).trim() === '' ? undefined : String(v).trim()));

const storedSchema = z
	.object({
		chatId: column,
		askedAt: column,
		orderNumber: column,
		linkedAt: column,
		productName: column,
		size: column,
		orderStatus: column,
	})
	.passthrough();

export class LinkRecordError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'LinkRecordError';
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/**
 * The stored record for a chat, or a fresh one when nothing is stored (null, undefined, an empty object, or an
 * empty row). A record stored for another chat is refused: linking it would answer one buyer with another's order.
 */
export function readLinkRecord(stored: unknown, chatId: string): LinkRecord {
	if (stored === null || stored === undefined || stored === '') return { chatId };
	let value: unknown = stored;
	if (typeof value === 'string') {
		value = parseJson(value);
		if (value === undefined) {
			throw new LinkRecordError('storedLink', `"storedLink" must be an object or its JSON text (got ${JSON.stringify(String(stored).slice(0, 40))})`);
		}
	}
	if (Array.isArray(value)) {
		if (value.length > 1) throw new LinkRecordError('storedLink', `"storedLink" must be one record, got a list of ${value.length}`);
		value = value[0] ?? {};
	}
	if (typeof value !== 'object' || value === null) {
		throw new LinkRecordError('storedLink', `"storedLink" must be an object (got ${typeof value})`);
	}
	const parsed = storedSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const field = issue.path.join('.');
		throw new LinkRecordError(`storedLink.${field}`, `"storedLink.${field}" must be text (${issue.message})`);
	}
	const r = parsed.data;
	if (r.chatId !== undefined && r.chatId !== chatId) {
		throw new LinkRecordError('storedLink.chatId', `"storedLink.chatId" is "${r.chatId}" but the message is from chat "${chatId}"`);
	}
	const record: LinkRecord = { chatId };
	for (const key of LINK_COLUMNS) {
		if (key === 'chatId') continue;
		const v = r[key];
		if (v !== undefined) record[key] = v;
	}
	return record;
}

/** The record as a flat row for the store: every column present, empty ones as "". */
export function linkRow(record: LinkRecord): Record<LinkColumn, string> {
	const row = {} as Record<LinkColumn, string>;
	for (const key of LINK_COLUMNS) row[key] = record[key] ?? '';
	return row;
}
