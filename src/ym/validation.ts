// Input checks for the Yandex.Market request builders. Every failure names the field and the limit, so a node
// can show the message as it is and the user knows what to change.

export class YmInputError extends Error {
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.name = 'YmInputError';
		this.field = field;
	}
}

/** Characters as a person counts them (code points), so an emoji is one character, not two. */
export function textLength(text: string): number {
	return Array.from(text).length;
}

function show(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	if (value === undefined) return 'nothing';
	if (value === null || typeof value !== 'object') return String(value);
	return Array.isArray(value) ? `an array of ${value.length}` : 'an object';
}

/**
 * Market ids are int64 in the spec and go into JSON bodies as numbers. n8n expressions often hand them over as
 * strings ("123"); digits are accepted, anything else (and numbers beyond 2^53, which JSON would round) is not.
 */
export function requireId(field: string, value: unknown): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < 1) {
		throw new YmInputError(field, `${field} must be a positive whole number (got ${show(value)})`);
	}
	return Number(text);
}

export function requireText(field: string, value: unknown, min: number, max: number): string {
	if (typeof value !== 'string') throw new YmInputError(field, `${field} must be text (got ${show(value)})`);
	const length = textLength(value.trim());
	if (length < min || length > max) {
		throw new YmInputError(field, `${field} must be ${min}–${max} characters (got ${length})`);
	}
	return value.trim();
}

export function requireLimit(field: string, value: number | undefined, max: number): number | undefined {
	if (value === undefined) return undefined;
	if (!Number.isInteger(value) || value < 1 || value > max) {
		throw new YmInputError(field, `${field} must be an integer from 1 to ${max} (got ${show(value)})`);
	}
	return value;
}
