'use strict';
// Query-parameter parsing shared by the WB hosts. A failure throws ParamError naming the parameter;
// each host turns it into its own error body.

class ParamError extends Error {
	constructor(name, reason) {
		super(`${name}: ${reason}`);
		this.param = name;
		this.reason = reason;
	}
}

function boolParam(query, name, { required = false, defaultValue } = {}) {
	const raw = query[name];
	if (raw === undefined || raw === '') {
		if (required) throw new ParamError(name, 'required');
		return defaultValue;
	}
	if (raw === 'true') return true;
	if (raw === 'false') return false;
	throw new ParamError(name, `must be true or false (got "${raw}")`);
}

function intParam(query, name, { required = false, min, max, defaultValue } = {}) {
	const raw = query[name];
	if (raw === undefined || raw === '') {
		if (required) throw new ParamError(name, 'required');
		return defaultValue;
	}
	if (!/^-?\d+$/.test(raw)) throw new ParamError(name, `must be an integer (got "${raw}")`);
	const value = Number(raw);
	if (!Number.isSafeInteger(value)) throw new ParamError(name, `out of range (got "${raw}")`);
	if (min !== undefined && value < min) throw new ParamError(name, `must be at least ${min} (got ${value})`);
	if (max !== undefined && value > max) throw new ParamError(name, `must be at most ${max} (got ${value})`);
	return value;
}

function enumParam(query, name, values, { defaultValue } = {}) {
	const raw = query[name];
	if (raw === undefined || raw === '') return defaultValue;
	if (!values.includes(raw)) throw new ParamError(name, `must be one of ${values.join(', ')} (got "${raw}")`);
	return raw;
}

/**
 * A page of an offset list. With duplicatePages on, a page after the first starts `duplicate` items early,
 * repeating the tail of the previous page (as when items shift between two calls), but only when the
 * page would not be empty anyway, so a client still reaches the end.
 */
function offsetPage(items, skip, take, duplicate) {
	let start = skip;
	if (duplicate > 0 && skip > 0 && skip < items.length) start = Math.max(0, skip - duplicate);
	return items.slice(start, start + take);
}

module.exports = { ParamError, boolParam, intParam, enumParam, offsetPage };
