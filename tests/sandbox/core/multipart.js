'use strict';
// multipart/form-data parser (RFC 7578) for the chat API: text fields and files, no streaming
// (bodies are bounded by the core's body limit).

class MultipartError extends Error {}

function boundaryOf(contentType) {
	if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
	const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return m ? m[1] || m[2] : null;
}

function parseHeaders(block) {
	const headers = {};
	for (const line of block.split('\r\n')) {
		const i = line.indexOf(':');
		if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
	}
	return headers;
}

function dispositionParam(disposition, name) {
	const quoted = new RegExp(`(?:^|;)\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition);
	if (quoted) return quoted[1].replace(/\\(.)/g, '$1');
	const bare = new RegExp(`(?:^|;)\\s*${name}=([^;]+)`, 'i').exec(disposition);
	return bare ? bare[1].trim() : undefined;
}

/**
 * @returns {{ fields: Record<string, string[]>, files: Array<{ field, filename, contentType, data: Buffer }> }}
 */
function parseMultipart(body, contentType) {
	const boundary = boundaryOf(contentType);
	if (!boundary) throw new MultipartError('Content-Type is not multipart/form-data with a boundary');
	const delimiter = Buffer.from(`--${boundary}`);
	const fields = {};
	const files = [];
	let pos = body.indexOf(delimiter);
	if (pos < 0) throw new MultipartError('multipart body has no opening boundary');
	for (;;) {
		pos += delimiter.length;
		if (body.slice(pos, pos + 2).toString() === '--') break;
		if (body.slice(pos, pos + 2).toString() === '\r\n') pos += 2;
		const headerEnd = body.indexOf('\r\n\r\n', pos);
		if (headerEnd < 0) throw new MultipartError('multipart part has no header end');
		const headers = parseHeaders(body.slice(pos, headerEnd).toString('utf8'));
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
		if (next < 0) throw new MultipartError('multipart body has no closing boundary');
		const data = body.slice(headerEnd + 4, next);
		const disposition = headers['content-disposition'] || '';
		const name = dispositionParam(disposition, 'name');
		if (!name) throw new MultipartError('multipart part without a name');
		const filename = dispositionParam(disposition, 'filename');
		if (filename !== undefined) {
			files.push({ field: name, filename, contentType: headers['content-type'] || 'application/octet-stream', data });
		} else {
			(fields[name] = fields[name] || []).push(data.toString('utf8'));
		}
		pos = next + 2;
	}
	return { fields, files };
}

module.exports = { parseMultipart, boundaryOf, MultipartError };
