'use strict';
// Ozon's push notifications (shared/specs/ozon/push-notifications.md), sent as Ozon sends them: `POST <url>` (the
// URL itself, no added path) with a JSON body. Ozon stops sending to a service that takes more than 5 s, so that is
// the time-out here. With `duplicate` on, each notification is sent twice, as Ozon's re-sending can deliver it.
// Every delivery is recorded with the answer and whether it is the answer the spec requires.

const TIMEOUT_MS = 5000;
const MAX_DELIVERIES = 2000;
const ERROR_CODES = ['ERROR_UNKNOWN', 'ERROR_PARAMETER_VALUE_MISSED', 'ERROR_REQUEST_DUPLICATED'];

function checkAnswer(notification, status, parsed) {
	const isPing = notification && notification.message_type === 'TYPE_PING';
	if (status === 200) {
		if (isPing) {
			if (!parsed || typeof parsed.version !== 'string' || typeof parsed.name !== 'string' || !Number.isFinite(Date.parse(parsed.time))) {
				return 'a 200 answer to TYPE_PING must be {version, name, time} with time a date-time (WRONG_RESULT_FIELD / WRONG_RESULT_TIME_FIELD)';
			}
			return null;
		}
		return parsed && parsed.result === true ? null : 'a 200 answer must be {"result": true}';
	}
	if (status >= 400 && status < 600) {
		if (!parsed || !parsed.error || !ERROR_CODES.includes(parsed.error.code) || typeof parsed.error.message !== 'string') {
			return `a ${status} answer must be {error: {code: ${ERROR_CODES.join('|')}, message, details}}`;
		}
		return null;
	}
	return `status ${status} is not one Ozon expects (200, 4xx or 5xx)`;
}

async function sendOne(url, body, now) {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
	const started = Date.now();
	const record = { at: now(), notification: body };
	try {
		const res = await fetch(url, {
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
		record.problem = checkAnswer(body, res.status, parsed);
	} catch (e) {
		record.status = 0;
		record.error = e.name === 'AbortError' ? `no answer within ${TIMEOUT_MS} ms` : e.cause?.message || e.message;
	} finally {
		clearTimeout(timer);
	}
	record.ms = Date.now() - started;
	return record;
}

/** Sends a notification if a URL is configured; resolves to the deliveries made (empty when push is off). */
async function notify(sbx, body) {
	const push = sbx.ozon.push;
	if (!push.url) return [];
	const out = [];
	for (let i = 0; i < (push.duplicate ? 2 : 1); i++) {
		const record = await sendOne(push.url, body, sbx.now);
		push.deliveries.push(record);
		if (push.deliveries.length > MAX_DELIVERIES) push.deliveries.splice(0, push.deliveries.length - MAX_DELIVERIES);
		out.push(record);
	}
	return out;
}

module.exports = { notify, sendOne, checkAnswer, TIMEOUT_MS };
