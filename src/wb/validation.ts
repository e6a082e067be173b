// Input checks shared by the request builders. Every failure names the field and the limit, so a node
// can show the message as it is and the user knows what to change.

export class WbInputError extends Error {
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.name = 'WbInputError';
		this.field = field;
	}
}

/** Characters as a person counts them (code points), so an emoji is one character, not two. */
export function textLength(text: string): number {
	return Array.from(text).length;
}

/** A bad value quoted for a message: briefly, so a 1 MB text or a nested object does not become the message. */
export function quoteValue(value: unknown): string {
	if (typeof value === 'string') {
		const text = JSON.stringify(value);
		return text.length > 60 ? `${Array.from(text.slice(0, 120)).slice(0, 59).join('')}…` : text;
	}
	if (value === undefined) return 'nothing';
	if (Array.isArray(value)) return `an array of ${value.length}`;
	if (value === null || typeof value !== 'object') return String(value);
	return 'an object';
}

const show = quoteValue;

// n8n expressions often hand numbers over as strings ("100"); accept those, nothing looser.
function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
	return undefined;
}

export function requireInteger(field: string, value: unknown, min: number, max: number): number {
	const n = asNumber(value);
	if (n === undefined || !Number.isInteger(n) || n < min || n > max) {
		const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
		throw new WbInputError(field, `${field} must be an integer ${range} (got ${show(value)})`);
	}
	return n;
}

export function optionalInteger(field: string, value: unknown, min: number, max: number): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return requireInteger(field, value, min, max);
}

export function requireBoolean(field: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true') return true;
	if (value === 'false') return false;
	throw new WbInputError(field, `${field} must be true or false (got ${show(value)})`);
}

/** Trims the text and checks its length in characters; returns the trimmed text. */
export function requireText(field: string, value: unknown, min: number, max?: number): string {
	if (typeof value !== 'string') {
		throw new WbInputError(field, `${field} must be a string (got ${show(value)})`);
	}
	const text = value.trim();
	const length = textLength(text);
	if (length < min || (max !== undefined && length > max)) {
		if (max === undefined && min === 1) throw new WbInputError(field, `${field} must not be empty`);
		const limit = max === undefined ? `at least ${min} characters` : `${min}–${max} characters`;
		throw new WbInputError(field, `${field} must be ${limit} (got ${length})`);
	}
	return text;
}

/** An opaque WB identifier (feedback, question, chat signature): non-empty, no spaces inside. */
export function requireId(field: string, value: unknown, maxLength = 255): string {
	const id = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	if (typeof id !== 'string' || id.trim() === '') {
		throw new WbInputError(field, `${field} must be a non-empty string (got ${show(value)})`);
	}
	const trimmed = id.trim();
	if (/\s/.test(trimmed)) {
		throw new WbInputError(field, `${field} must not contain spaces (got ${show(value)})`);
	}
	if (trimmed.length > maxLength) {
		throw new WbInputError(field, `${field} must be at most ${maxLength} characters (got ${trimmed.length})`);
	}
	return trimmed;
}

// 10^11 seconds is the year 5138, while every millisecond timestamp since 1973 is above it: a value this
// large was almost certainly meant as milliseconds.
const SECONDS_CEILING = 1e11;

export function optionalUnixSeconds(field: string, value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = asNumber(value);
	if (n !== undefined && Number.isInteger(n) && n >= SECONDS_CEILING) {
		throw new WbInputError(
			field,
			`${field} must be a Unix timestamp in seconds (got ${n}, which looks like milliseconds)`,
		);
	}
	if (n === undefined || !Number.isInteger(n) || n < 0) {
		throw new WbInputError(field, `${field} must be a Unix timestamp in seconds (got ${show(value)})`);
	}
	return n;
}
