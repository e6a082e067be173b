// The ten standard operators of json-rules-engine with its exact semantics (engine-default-operators.js):
// strict equality, `indexOf` membership, `contains` only on array facts, and numeric comparisons that first
// check that the fact parses as a number but then compare the raw values, so "10" < 9 is false and [5] < 10 is true.

export const OPERATORS = [
	'equal',
	'notEqual',
	'lessThan',
	'lessThanInclusive',
	'greaterThan',
	'greaterThanInclusive',
	'in',
	'notIn',
	'contains',
	'doesNotContain',
] as const;

export type Operator = (typeof OPERATORS)[number];

export const NUMERIC_OPERATORS: readonly Operator[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
export const MEMBERSHIP_OPERATORS: readonly Operator[] = ['in', 'notIn'];
export const ARRAY_OPERATORS: readonly Operator[] = ['contains', 'doesNotContain'];

export function isOperator(name: unknown): name is Operator {
	return typeof name === 'string' && (OPERATORS as readonly string[]).includes(name);
}

/** json-rules-engine's `numberValidator`, with a shortcut for numbers (valid unless NaN). */
function parsesAsNumber(value: unknown): boolean {
	if (typeof value === 'number') return value === value;
	return Number.parseFloat(value as string).toString() !== 'NaN';
}

/** `factValue OP jsonValue`; the operands are any JSON values, compared the way JavaScript compares them. */
export type OperatorTest = (factValue: unknown, jsonValue: unknown) => boolean;

// The casts keep TypeScript's compile-time checks quiet; the emitted comparisons are the plain `<`, `<=`, `>`, `>=`
// of json-rules-engine, with JavaScript's coercions.
export const OPERATOR_TESTS: Readonly<Record<Operator, OperatorTest>> = {
	equal: (a, b) => a === b,
	notEqual: (a, b) => a !== b,
	lessThan: (a, b) => parsesAsNumber(a) && (a as number) < (b as number),
	lessThanInclusive: (a, b) => parsesAsNumber(a) && (a as number) <= (b as number),
	greaterThan: (a, b) => parsesAsNumber(a) && (a as number) > (b as number),
	greaterThanInclusive: (a, b) => parsesAsNumber(a) && (a as number) >= (b as number),
	in: (a, b) => (b as unknown[]).indexOf(a) > -1,
	notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
	contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
	doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
};
