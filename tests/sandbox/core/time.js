'use strict';
// Date formats the marketplaces use. WB mixes several: RFC 3339 in UTC with or without fractions,
// Moscow time with an explicit +03:00 offset, and Moscow wall-clock time without any zone (statistics).

const MSK_OFFSET_MS = 3 * 3600 * 1000;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function pad(n, width = 2) {
	return String(n).padStart(width, '0');
}

function wallClock(ms) {
	const d = new Date(ms);
	return (
		`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
		`T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
	);
}

/** 2024-09-26T07:20:48Z */
function utcSeconds(ms) {
	return `${wallClock(ms)}Z`;
}

/** 2024-09-26T07:20:48.123Z */
function utcMillis(ms) {
	return new Date(ms).toISOString();
}

/** 2024-09-26T10:20:48+03:00 */
function moscowWithOffset(ms) {
	return `${wallClock(ms + MSK_OFFSET_MS)}+03:00`;
}

/** 2024-09-26T10:20:48 (Moscow wall clock, no zone) */
function moscowLocal(ms) {
	return wallClock(ms + MSK_OFFSET_MS);
}

/** Start of the Moscow calendar day that contains ms. */
function moscowDayStart(ms) {
	return Math.floor((ms + MSK_OFFSET_MS) / DAY) * DAY - MSK_OFFSET_MS;
}

/**
 * Parses the statistics API's dateFrom: a date or date-time; without a zone it is Moscow time.
 * Returns ms or null when the text is not such a date.
 */
function parseMoscowDate(text) {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
	if (!m) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
	if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 59) return null;
	const base = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number((frac + '000').slice(0, 3)));
	if (new Date(base).getUTCDate() !== +d) return null;
	if (!zone) return base - MSK_OFFSET_MS;
	if (zone === 'Z') return base;
	const sign = zone[0] === '-' ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	return base - sign * (Number(digits.slice(0, 2)) * HOUR + Number(digits.slice(2)) * MINUTE);
}

module.exports = {
	SECOND,
	MINUTE,
	HOUR,
	DAY,
	utcSeconds,
	utcMillis,
	moscowWithOffset,
	moscowLocal,
	moscowDayStart,
	parseMoscowDate,
};
