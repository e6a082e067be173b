// Time facts in the seller's time zone. Marketplace times without an offset are read in that zone too, so the
// result never depends on the zone of the machine that runs n8n.

import { DateTime, IANAZone } from 'luxon';
import { FactsError } from './errors';

export interface WorkingHours {
	/** Working days, 1 = Monday … 7 = Sunday. */
	days: number[];
	/** 'HH:mm', inclusive. */
	start: string;
	/** 'HH:mm', exclusive; '24:00' is the end of the day. An end before the start spans midnight. */
	end: string;
}

export interface FactsOptions {
	/** IANA zone of the seller, default 'Europe/Moscow'. */
	timezone: string;
	/** Default every day 09:00–21:00 (the seed's business hours, MSK). */
	workingHours: WorkingHours;
}

export const DEFAULT_FACTS_OPTIONS: Readonly<FactsOptions> = Object.freeze({
	timezone: 'Europe/Moscow',
	workingHours: Object.freeze({ days: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '21:00' }),
});

/** Options checked once and turned into minutes of the day. */
export interface Clock {
	timezone: string;
	days: readonly boolean[];
	startMinute: number;
	endMinute: number;
}

const HH_MM = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

function minuteOfDay(value: unknown, field: string, allowEndOfDay: boolean): number {
	if (allowEndOfDay && value === '24:00') return 24 * 60;
	const match = typeof value === 'string' ? HH_MM.exec(value) : null;
	if (!match) throw new FactsError(field, `must be a time 'HH:mm' (got ${JSON.stringify(value)})`);
	return Number(match[1]) * 60 + Number(match[2]);
}

const clocks = new WeakMap<object, Clock>();

export function resolveClock(options: Partial<FactsOptions> | undefined): Clock {
	const key = options ?? DEFAULT_FACTS_OPTIONS;
	const known = clocks.get(key);
	if (known) return known;
	const timezone = options?.timezone ?? DEFAULT_FACTS_OPTIONS.timezone;
	if (typeof timezone !== 'string' || !IANAZone.isValidZone(timezone)) {
		throw new FactsError('options.timezone', `must be an IANA time zone such as "Europe/Moscow" (got ${JSON.stringify(timezone)})`);
	}
	const hours = options?.workingHours ?? DEFAULT_FACTS_OPTIONS.workingHours;
	if (hours === null || typeof hours !== 'object') throw new FactsError('options.workingHours', 'must be { days, start, end }');
	if (!Array.isArray(hours.days) || hours.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
		throw new FactsError('options.workingHours.days', `must be a list of days 1 (Monday) … 7 (Sunday) (got ${JSON.stringify(hours.days)})`);
	}
	const startMinute = minuteOfDay(hours.start, 'options.workingHours.start', false);
	const endMinute = minuteOfDay(hours.end, 'options.workingHours.end', true);
	if (startMinute === endMinute) {
		throw new FactsError('options.workingHours', 'start and end are equal; for round the clock use 00:00–24:00');
	}
	const days = [false, false, false, false, false, false, false, false];
	for (const day of hours.days) days[day] = true;
	const clock: Clock = { timezone, days, startMinute, endMinute };
	clocks.set(key, clock);
	return clock;
}

export interface NowFacts {
	hourOfDay: number;
	weekday: number;
	insideWorkingHours: boolean;
}

// A batch of items shares one `now`; the zone conversion is the costly part, so the last answer is kept.
let lastNow: { ms: number; clock: Clock; facts: NowFacts } | null = null;

export function nowFacts(now: Date, clock: Clock): NowFacts {
	const ms = now.getTime();
	if (Number.isNaN(ms)) throw new FactsError('now', 'is not a valid date');
	if (lastNow !== null && lastNow.ms === ms && lastNow.clock === clock) return lastNow.facts;
	const local = DateTime.fromMillis(ms, { zone: clock.timezone });
	const minute = local.hour * 60 + local.minute;
	const inWindow =
		clock.startMinute < clock.endMinute
			? minute >= clock.startMinute && minute < clock.endMinute
			: minute >= clock.startMinute || minute < clock.endMinute;
	const facts: NowFacts = Object.freeze({
		hourOfDay: local.hour,
		weekday: local.weekday,
		insideWorkingHours: clock.days[local.weekday] && inWindow,
	});
	lastNow = { ms, clock, facts };
	return facts;
}

// 2024-05-01T10:00:00Z, 2024-05-01T10:00:00.123+03:00, 2024-05-01T10:00+0300
const ISO_WITH_OFFSET =
	/^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?(?:([Zz])|([+-])([0-9]{2}):?([0-9]{2}))$/;

/**
 * Milliseconds of an ISO time; one without an offset is read in the seller's zone. NaN when it is not ISO or
 * names a day that does not exist. Marketplaces send times with an offset, which are read here directly (luxon
 * takes about 25 µs per parse, more than the whole rules step); other ISO forms go through luxon.
 */
export function parseInstant(value: string, timezone: string): number {
	const m = ISO_WITH_OFFSET.exec(value);
	// Date.UTC reads years below 100 as 19xx; such dates are left to luxon.
	if (m === null || m[1] < '0100') {
		const parsed = DateTime.fromISO(value, { zone: timezone });
		return parsed.isValid ? parsed.toMillis() : Number.NaN;
	}
	const year = Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	const hour = Number(m[4]);
	const minute = Number(m[5]);
	const second = m[6] === undefined ? 0 : Number(m[6]);
	const millis = m[7] === undefined ? 0 : Number(`${m[7]}00`.slice(0, 3));
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
		return Number.NaN;
	}
	let offsetMinutes = 0;
	if (m[8] === undefined) {
		const offsetHours = Number(m[10]);
		const offsetRest = Number(m[11]);
		if (offsetHours > 23 || offsetRest > 59) return Number.NaN;
		offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
	}
	return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of the proleptic Gregorian calendar, as Date counts them; no Date is built. */
function daysInMonth(year: number, month: number): number {
	if (month !== 2) return MONTH_DAYS[month - 1];
	return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}
