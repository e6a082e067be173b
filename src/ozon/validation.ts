// Input checks for Ozon calls. Every failure names the field and the limit, so a node can show the message as it
// is. Limits are the official spec's (shared/specs/ozon/seller-api.trimmed.json).

export class OzonInputError extends Error {
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.name = 'OzonInputError';
		this.field = field;
	}
}

/** Characters as a person counts them (code points). */
export function textLength(text: string): number {
	return Array.from(text).length;
}

export function requireText(field: string, value: unknown, min: number, max: number): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (typeof value !== 'string' || textLength(text) < min) {
		throw new OzonInputError(field, `${field} must be a text of at least ${min} character${min === 1 ? '' : 's'} (got ${JSON.stringify(typeof value === 'string' ? value.slice(0, 40) : value ?? null)})`);
	}
	if (textLength(text) > max) throw new OzonInputError(field, `${field} is ${textLength(text)} characters long; Ozon accepts at most ${max}`);
	return text;
}

export function requireId(field: string, value: unknown): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!text) throw new OzonInputError(field, `${field} is empty`);
	return text;
}

/** A decimal integer id (SKU, message id); kept as a string because Ozon's ids can exceed 2^53. */
export function requireNumericId(field: string, value: unknown): string {
	const text = requireId(field, value);
	if (!/^\d{1,20}$/.test(text)) throw new OzonInputError(field, `${field} must be a whole number (got ${JSON.stringify(text.slice(0, 40))})`);
	return text.replace(/^0+(?=\d)/, '');
}

// Posting number: the order number plus "-N" (`12345678-0001-1`). Buyers and sellers also paste the order number
// alone; that is not a posting and Ozon answers 404 for it, so it is refused with a hint instead.
const POSTING = /^\d{5,12}-\d{3,5}-\d{1,3}$/;
const ORDER = /^\d{5,12}-\d{3,5}$/;

export function requirePostingNumber(field: string, value: unknown): string {
	const text = requireId(field, value).replace(/\s+/g, '');
	if (POSTING.test(text)) return text;
	if (ORDER.test(text)) {
		throw new OzonInputError(field, `${field} "${text}" is an order number; a posting number has one more part, for example "${text}-1"`);
	}
	throw new OzonInputError(field, `${field} must look like 12345678-0001-1 (got ${JSON.stringify(text.slice(0, 40))})`);
}

/**
 * A posting number, or an order number (what Ozon attaches to chat messages since July 2025). An order's postings are
 * numbered `<order>-1`, `<order>-2`, …, so an order number is turned into those candidates.
 */
export function postingCandidates(field: string, value: unknown, maxPostings = 5): { kind: 'posting' | 'order'; numbers: string[] } {
	const text = requireId(field, value).replace(/\s+/g, '');
	if (POSTING.test(text)) return { kind: 'posting', numbers: [text] };
	if (ORDER.test(text)) return { kind: 'order', numbers: Array.from({ length: maxPostings }, (_, i) => `${text}-${i + 1}`) };
	throw new OzonInputError(field, `${field} must be a posting number like 12345678-0001-1 or an order number like 12345678-0001 (got ${JSON.stringify(text.slice(0, 40))})`);
}
