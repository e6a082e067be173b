// Fact paths in the subset of JSONPath that json-rules-engine resolves through jsonpath-plus: `$.a.b`, `$.a[0].b`.
// Only plain names and indexes are accepted, because wildcards, filters and scripts would need jsonpath-plus (or
// an evaluator of script expressions) at run time, and plain steps resolve to exactly what jsonpath-plus returns.

const PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\])+$/;
const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]/g;

const hasOwn = Object.prototype.hasOwnProperty;

/** The steps of a path, or null when the path is outside the supported subset. */
export function parsePath(path: string): string[] | null {
	if (!PATH.test(path)) return null;
	const keys: string[] = [];
	for (const match of path.matchAll(STEP)) keys.push(match[1] ?? match[2]);
	return keys;
}

/**
 * jsonpath-plus follows a step only into a truthy value that owns the key (`Object.hasOwn`), so strings yield
 * characters and `length`, arrays yield `length`, and a missing step gives undefined. Keys stay strings: `[01]`
 * is the key "01", which no array owns, exactly as in jsonpath-plus.
 */
export function resolvePath(value: unknown, keys: readonly string[]): unknown {
	let current = value;
	for (let i = 0; i < keys.length; i++) {
		if (!current || !hasOwn.call(current, keys[i])) return undefined;
		current = (current as Record<string, unknown>)[keys[i]];
	}
	return current;
}
