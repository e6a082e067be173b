'use strict';
// Partner API error bodies (shared/specs/ym/partner-api, ApiErrorResponse): `{status: "ERROR", errors: [{code, message}]}`
// for every error status, throttling included (420, not 429).

const { json } = require('../core/http');

function error(status, code, message, extra = {}) {
	return json(status, { status: 'ERROR', errors: [{ code, message }] }, extra);
}

module.exports = {
	error,
	badRequest: (message) => error(400, 'BAD_REQUEST', message),
	unauthorized: (message) => error(401, 'UNAUTHORIZED', message),
	forbidden: (message) => error(403, 'FORBIDDEN', message),
	notFound: (message = 'Resource not found') => error(404, 'NOT_FOUND', message),
	methodNotAllowed: () => error(405, 'METHOD_NOT_ALLOWED', 'Request method is not supported'),
	tooManyRequests: (info) =>
		error(420, 'LIMIT_EXCEEDED', 'Too many requests. Please wait.', {
			headers: { 'X-RateLimit-Resource-Limit': String(info.limit || 0), 'Retry-After': String(info.retryAfterSeconds || 1) },
		}),
	serverError: (status) => error(status, 'INTERNAL_ERROR', 'Internal server error. Please try again later.'),
};
