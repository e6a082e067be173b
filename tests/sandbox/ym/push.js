'use strict';
// Market's push notifications (shared/specs/ym/notification-api), sent the way Market sends them: `POST <url>/notification`
// with a JSON body, a 10 s time-out (1 s for PING), and — when the `duplicate` switch is on — the same notification
// twice, as Market may. Every delivery is recorded with the answer and whether it is the answer the spec requires.

const PING_TIMEOUT_MS = 1000;
const TIMEOUT_MS = 10000;
const MAX_DELIVERIES = 2000;

function checkAnswer(status, parsed) {
	if (status === 200) {
		const okString = (v) => typeof v === 'string' && v.length >= 1 && v.length <= 100;
		if (!parsed || !okString(parsed.version) || !okString(parsed.name) || !okString(parsed.time) || !Number.isFinite(Date.parse(parsed.time))) {
			return 'a 200 answer must be {version, name, time} (strings of 1..100 characters, time a date-time)';
		}
		return null;
	}
	if (status === 400 || status === 500) {
		const types = ['UNKNOWN', 'WRONG_EVENT_FORMAT', 'DUPLICATED_EVENT'];
		if (!parsed || !parsed.error || (parsed.error.type !== undefined && !types.includes(parsed.error.type))) {
			return `a ${status} answer must be {error: {type: UNKNOWN|WRONG_EVENT_FORMAT|DUPLICATED_EVENT, message}}`;
		}
		return null;
	}
	return `status ${status} is not one Market expects (200, 400 or 500)`;
}

async function sendOne(url, body, now) {
	const isPing = body && body.notificationType === 'PING';
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), isPing ? PING_TIMEOUT_MS : TIMEOUT_MS);
	const started = Date.now();
	const record = { at: now(), notification: body };
	try {
		const res = await fetch(`${url.replace(/\/+$/, '')}/notification`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: typeof body === 'string' ? body : JSON.stringify(body),
			signal: controller.signal,
		});
		const text = await res.text();
		let parsed = null;
		try {
			parsed = text ? JSON.parse(text) : null;
		} catch {
			parsed = null;
		}
		record.status = res.status;
		record.body = parsed ?? text;
		record.problem = checkAnswer(res.status, parsed);
	} catch (e) {
		record.status = 0;
		record.error = e.name === 'AbortError' ? `no answer within ${isPing ? PING_TIMEOUT_MS : TIMEOUT_MS} ms` : e.cause?.message || e.message;
	} finally {
		clearTimeout(timer);
	}
	record.ms = Date.now() - started;
	return record;
}

/** Sends a notification if a URL is configured; resolves to the deliveries made (empty when push is off). */
async function notify(sbx, body) {
	const push = sbx.ym.push;
	if (!push.url) return [];
	const times = push.duplicate ? 2 : 1;
	const out = [];
	for (let i = 0; i < times; i++) {
		const record = await sendOne(push.url, body, sbx.now);
		push.deliveries.push(record);
		if (push.deliveries.length > MAX_DELIVERIES) push.deliveries.splice(0, push.deliveries.length - MAX_DELIVERIES);
		out.push(record);
	}
	return out;
}

module.exports = { notify, sendOne, checkAnswer };
