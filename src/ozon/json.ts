// Ozon's chat API sends message ids as unsigned 64-bit JSON numbers (`3000000000817031942`), above what a
// JavaScript number holds exactly (2^53). JSON.parse would round them, and a rounded id points at another message.
// So before parsing, every long integer under a known id key is turned into a string. Requests carry such an id as a
// decimal string in the body object, and stringifyOzonJson writes it back as a bare JSON number, as the spec types
// it (`from_message_id` is an integer): Prism refuses the string form, though Ozon's protobuf gateway would take it.

const ID_KEYS = ['message_id', 'first_unread_message_id', 'last_message_id', 'from_message_id', 'last_read_message_id'];
const LONG_ID = new RegExp(`"(${ID_KEYS.join('|')})"(\\s*:\\s*)(-?\\d{16,})(?=\\s*[,}\\]])`, 'g');
const LONG_ID_IN_ARRAY = /"message_ids"\s*:\s*\[([\d\s,]*)\]/g;

/** JSON.parse that keeps Ozon's 64-bit ids exact (as strings). Throws SyntaxError like JSON.parse. */
export function parseOzonJson(text: string): unknown {
	const safe = text
		.replace(LONG_ID, (_m, key: string, colon: string, digits: string) => `"${key}"${colon}"${digits}"`)
		.replace(LONG_ID_IN_ARRAY, (_m, list: string) => `"message_ids":[${list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => `"${s}"`).join(',')}]`);
	return JSON.parse(safe) as unknown;
}

const ID_STRING = new RegExp(`"(${ID_KEYS.join('|')})":"(\\d{1,20})"`, 'g');

/** JSON.stringify that writes the 64-bit ids under the known id keys as bare numbers, exactly. */
export function stringifyOzonJson(body: unknown): string {
	return JSON.stringify(body).replace(ID_STRING, (_m, key: string, digits: string) => `"${key}":${digits}`);
}

/** An id as a decimal string, from a number or a string; undefined when it is not a non-negative integer. */
export function idString(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
	if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim().replace(/^0+(?=\d)/, '');
	return undefined;
}

/** Compares two decimal id strings numerically (ids can exceed 2^53, so not as numbers). */
export function compareIds(a: string, b: string): number {
	if (a.length !== b.length) return a.length < b.length ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}
