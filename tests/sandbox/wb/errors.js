'use strict';
// WB error bodies. They differ by host (specs/README.md "Error bodies differ by host"):
//  - gateway (401, 429, and our 5xx): application/problem+json {title, detail, code, requestId, origin, status, statusText, timestamp}
//  - feedbacks-api 400/403/404/422: {data: null, error: true, errorText, additionalErrors, requestId};
//    the answer methods' 400 is the "standardized" {title, requestId, origin: "fbapi", detail}
//  - buyer-chat-api 4xx: {title, detail, error, origin: "proxy-chats", requestId, status}
//  - marketplace-api 4xx: {code, message}
//  - statistics-api 400: {errors: [...]} or {errors: "..."}

const { STATUS_CODES } = require('http');
const crypto = require('crypto');
const { json, problem, text, requestIdHex, requestIdUuid } = require('../core/http');
const { utcSeconds } = require('../core/time');

function gatewayCode() {
	const alnum = crypto.randomBytes(8).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 11);
	return `${crypto.randomBytes(4).toString('hex')}-${crypto.randomBytes(6).toString('hex')}-[UK-${alnum}]`;
}

function gatewayProblem(now, status, title, detail, headers) {
	return problem(
		status,
		{
			title,
			detail,
			code: gatewayCode(),
			requestId: requestIdHex(),
			origin: 's2s-api-auth-catalog',
			status,
			statusText: STATUS_CODES[status],
			timestamp: utcSeconds(now),
		},
		headers ? { headers } : {},
	);
}

function unauthorized(now, detail) {
	return gatewayProblem(now, 401, 'unauthorized', detail);
}

function tooManyRequests(now, { retryAfterSeconds, limit, resetSeconds }) {
	return gatewayProblem(now, 429, 'too many requests', `limited by ${crypto.randomUUID()}`, {
		'X-Ratelimit-Retry': String(retryAfterSeconds),
		'X-Ratelimit-Limit': String(limit),
		'X-Ratelimit-Reset': String(resetSeconds),
		'X-Ratelimit-Remaining': '0',
	});
}

function feedbacksError(status, errorText, additionalErrors = null) {
	return json(status, { data: null, error: true, errorText, additionalErrors, requestId: requestIdUuid() });
}

function feedbacksBadRequest(detail) {
	return json(400, { title: 'bad request', requestId: requestIdHex(), origin: 'fbapi', detail });
}

function chatError(status, detail, { asProblem = false, title = STATUS_CODES[status] } = {}) {
	const body = { status, title, origin: 'proxy-chats', detail, requestId: requestIdHex(), error: detail };
	return asProblem ? problem(status, body) : json(status, body);
}

function marketplaceError(status, code, message) {
	return json(status, { code, message });
}

function statisticsError(errors) {
	return json(400, { errors });
}

const FORBIDDEN_DETAIL = 'token scope not allowed';

/** 403 for a known token without the host's category, in that host's shape. */
function forbidden(now, host, categoryTitle) {
	switch (host) {
		case 'feedbacks':
			return feedbacksError(403, 'Ошибка авторизации', [`Токен не даёт доступа к категории «${categoryTitle}»`]);
		case 'chat':
			return chatError(403, FORBIDDEN_DETAIL);
		case 'marketplace':
			return marketplaceError(403, 'AccessDenied', 'Доступ запрещён');
		default:
			// The statistics spec lists no 403; the scope check is the gateway's, so its shape is used.
			return gatewayProblem(now, 403, 'forbidden', FORBIDDEN_DETAIL);
	}
}

const ORIGINS = { feedbacks: 'fbapi', chat: 'proxy-chats', marketplace: 'marketplace-public-api', statistics: 'statistics-api' };

/** 5xx: a JSON problem for 500 (the service failed), an nginx page for 502/503/504 (the proxy did). */
function serverError(now, host, status) {
	if (status === 500) {
		return problem(500, {
			title: 'internal server error',
			detail: 'internal server error',
			requestId: requestIdHex(),
			origin: ORIGINS[host] || host,
			status: 500,
			statusText: STATUS_CODES[500],
			timestamp: utcSeconds(now),
		});
	}
	const reason = `${status} ${STATUS_CODES[status]}`;
	return text(
		status,
		`<html>\r\n<head><title>${reason}</title></head>\r\n<body>\r\n<center><h1>${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
		'text/html',
	);
}

module.exports = {
	unauthorized,
	tooManyRequests,
	forbidden,
	serverError,
	feedbacksError,
	feedbacksBadRequest,
	chatError,
	marketplaceError,
	statisticsError,
};
