'use strict';
// Small HTTP helpers. Handlers never write to the socket: they return a response description
// { status, body?, raw?, contentType?, headers? } so that the core can log it, corrupt it (fault
// injection) or replace it before anything is sent.

const crypto = require('crypto');

const JSON_TYPE = 'application/json; charset=utf-8';
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';
const MAX_BODY_BYTES = 40 * 1024 * 1024;

class BodyTooLargeError extends Error {}

function readBody(req, limit = MAX_BODY_BYTES) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > limit) {
				reject(new BodyTooLargeError(`request body over ${limit} bytes`));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function json(status, body, extra = {}) {
	return { status, body, contentType: JSON_TYPE, ...extra };
}

function problem(status, body, extra = {}) {
	return { status, body, contentType: PROBLEM_TYPE, ...extra };
}

function text(status, raw, contentType = 'text/plain; charset=utf-8') {
	return { status, raw, contentType };
}

function noContent() {
	return { status: 204 };
}

/** Serialises a response description into bytes (body for JSON, raw as is). */
function payloadOf(response) {
	if (response.raw !== undefined) return Buffer.isBuffer(response.raw) ? response.raw : Buffer.from(String(response.raw));
	if (response.body !== undefined) return Buffer.from(JSON.stringify(response.body));
	return Buffer.alloc(0);
}

function send(res, response) {
	const payload = response.status === 204 ? Buffer.alloc(0) : payloadOf(response);
	const headers = { ...(response.headers || {}) };
	if (payload.length || response.contentType) headers['Content-Type'] = response.contentType || JSON_TYPE;
	headers['Content-Length'] = payload.length;
	res.writeHead(response.status, headers);
	res.end(payload);
}

/** Query string to a plain object (first value of each name), as WB's servers read it. */
function queryObject(searchParams) {
	const out = {};
	for (const [k, v] of searchParams) if (!(k in out)) out[k] = v;
	return out;
}

function requestIdHex() {
	return crypto.randomBytes(16).toString('hex');
}

function requestIdUuid() {
	return crypto.randomUUID();
}

/** Parses a JSON request body; returns { value } or { error } with a short reason. */
function parseJsonBody(buffer) {
	const textBody = buffer.toString('utf8');
	if (!textBody.trim()) return { error: 'empty body' };
	try {
		return { value: JSON.parse(textBody) };
	} catch (e) {
		return { error: e.message };
	}
}

module.exports = {
	JSON_TYPE,
	PROBLEM_TYPE,
	BodyTooLargeError,
	readBody,
	json,
	problem,
	text,
	noContent,
	payloadOf,
	send,
	queryObject,
	requestIdHex,
	requestIdUuid,
	parseJsonBody,
};
