'use strict';
// Ozon error bodies: rpcStatus {code, message, details: []} with gRPC codes (shared/specs/ozon, "Errors"); the
// question methods send `details` as a string. Where the spec gives no text, the text is chosen here and marked.

const { json, text } = require('../core/http');

function rpc(status, code, message, details = []) {
	return json(status, { code, message, details });
}

const badRequest = (message) => rpc(400, 3, message);
const questionError = (status, code, message) => json(status, { code, message, details: '' });
const notFound = (message) => rpc(404, 5, message);
// The "Errors" chapter's texts for a wrong key and for the rate limit.
const unauthorized = () => rpc(401, 16, 'Invalid Api-Key, please check the key and try again');
const missingHeaders = () => rpc(401, 16, 'Client-Id and Api-Key headers are required');
const tooManyRequests = () => rpc(429, 8, 'You have reached request rate limit per second');
// Not in the spec: the text a seller without the subscription gets. Status 403 / code 7 are the spec's for denial.
const noSubscription = (plans) => rpc(403, 7, `Method is available only for sellers with subscription: ${plans}`);

// The question methods document their errors (`default`) with `details` as a string; every other method with an
// array. Errors made before the method runs (auth) or by the gate take the method's shape too.
const isQuestionMethod = (path) => typeof path === 'string' && path.startsWith('/v1/question/');

function forMethod(path, response) {
	if (!isQuestionMethod(path) || !response.body || !Array.isArray(response.body.details)) return response;
	return { ...response, body: { ...response.body, details: '' } };
}

function serverError(status) {
	if (status === 500) return rpc(500, 13, 'Internal error');
	return text(status, `<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>`, 'text/html');
}

module.exports = { forMethod, rpc, badRequest, questionError, notFound, unauthorized, missingHeaders, tooManyRequests, noSubscription, serverError };
