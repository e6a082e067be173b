// The current window and the one before it, of equal length, ending at a reference time the caller passes in
// (the node's "Reference Time", default now), so the same input always gives the same answer.
// Windows are half-open on the left: current = (end − length, end], previous = (end − 2·length, end − length];
// an item stamped exactly at the reference time belongs to the current window.

const DAY_MS = 24 * 60 * 60 * 1000;
/** Monday 1970-01-05 00:00 UTC: periods of whole weeks start on a Monday. */
const PERIOD_ORIGIN_MS = Date.UTC(1970, 0, 5);

export interface Periods {
	referenceTime: number;
	lengthMs: number;
	currentStart: number;
	previousStart: number;
	/** Identity of the alert period (see periodKey). */
	key: string;
}

export function makePeriods(referenceTime: number, windowDays: number): Periods {
	if (!Number.isFinite(referenceTime)) throw new RangeError('reference time is not a valid date');
	if (!(windowDays > 0)) throw new RangeError(`window length must be more than 0 days (got ${windowDays})`);
	const lengthMs = windowDays * DAY_MS;
	return {
		referenceTime,
		lengthMs,
		currentStart: referenceTime - lengthMs,
		previousStart: referenceTime - 2 * lengthMs,
		key: periodKey(referenceTime, lengthMs),
	};
}

/**
 * Alerts fire once per product per period. The window slides with every run, so its own bounds cannot name the
 * period; instead time is cut into fixed periods of the window's length counted from a Monday (00:00 UTC), and
 * the period holding the reference time is the one an alert belongs to. With 7 days that is the ISO week
 * (Monday-based, UTC): a workflow that runs hourly alerts a product at most once a week.
 */
export function periodKey(referenceTime: number, lengthMs: number): string {
	const index = Math.floor((referenceTime - PERIOD_ORIGIN_MS) / lengthMs);
	return new Date(PERIOD_ORIGIN_MS + index * lengthMs).toISOString();
}

/** 'current', 'previous' or null (outside both windows). */
export function windowOf(periods: Periods, createdAt: number): 'current' | 'previous' | null {
	if (createdAt > periods.referenceTime || createdAt <= periods.previousStart) return null;
	return createdAt > periods.currentStart ? 'current' : 'previous';
}
