import { DateTime } from 'luxon';

// WB mixes date formats: RFC 3339 with an offset (feedbacks), nanosecond fractions (questions), and
// zone-less local times that mean Moscow time (statistics reports). Moscow has been UTC+3 all year since
// 2014, so a fixed offset avoids depending on the time-zone database.
export const MOSCOW_ZONE = 'UTC+3';

function parse(value: string, zoneWhenMissing: string): DateTime {
	return DateTime.fromISO(value.trim(), { zone: zoneWhenMissing, setZone: true });
}

export function isDateTimeString(value: string): boolean {
	return parse(value, 'utc').isValid;
}

/** `2024-09-26T10:20:48+03:00` → `2024-09-26T07:20:48.000Z`; a value without an offset is read in `zoneWhenMissing`. */
export function toIsoUtc(value: string, zoneWhenMissing = 'utc'): string {
	const parsed = parse(value, zoneWhenMissing);
	if (!parsed.isValid) throw new RangeError(`not a date-time: ${JSON.stringify(value)}`);
	return parsed.toUTC().toISO() as string;
}

export function millisToIsoUtc(ms: number): string {
	return new Date(ms).toISOString();
}

export function toEpochMillis(value: string, zoneWhenMissing = 'utc'): number {
	const parsed = parse(value, zoneWhenMissing);
	if (!parsed.isValid) throw new RangeError(`not a date-time: ${JSON.stringify(value)}`);
	return parsed.toMillis();
}

/** As toIsoUtc, but undefined for a value that is not a date-time. */
export function tryIsoUtc(value: string, zoneWhenMissing = 'utc'): string | undefined {
	const parsed = parse(value, zoneWhenMissing);
	return parsed.isValid ? (parsed.toUTC().toISO() as string) : undefined;
}
