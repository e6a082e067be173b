// Validation of rules a team edits in the n8n UI. The format is json-rules-engine's; the checks are stricter than
// its own, because json-rules-engine accepts many rules that can never match (an unknown fact, `intent equal
// "defect"`, `text contains "брак"` — contains is false on strings) or that crash at run time (`in` against a
// missing fact). Each error names the rule, the JSON path and the reason; the first error found is reported.

import type { z } from 'zod';
import { EVENT_PARAMS } from './event-types';
import { RulesError } from './errors';
import { type FactCatalogue, type FactSpec, RULE_FACTS } from './fact-catalogue';
import { ARRAY_OPERATORS, MEMBERSHIP_OPERATORS, NUMERIC_OPERATORS, OPERATORS, type Operator, isOperator } from './operators';
import { parsePath } from './path';
import type { BooleanCondition, Condition, Rule, RuleEvent, RuleSet } from './types';

export interface ValidateOptions {
	/** Names the rule set in messages, e.g. "SLA rules". */
	label: string;
	/** Event types the set may use; any type when omitted. `sla` and `route` params are always checked. */
	eventTypes?: readonly string[];
	/**
	 * Facts a rule may test, with their types: the product's catalogue when omitted. `null` accepts any fact name
	 * and checks no types (rules for facts of one's own; the equivalence tests).
	 */
	facts?: FactCatalogue | null;
}

const RULE_KEYS = ['name', 'description', 'priority', 'conditions', 'event'];
const SET_KEYS = ['rules', 'description'];
const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
const FACT_CONDITION_KEYS = ['fact', 'operator', 'value', 'path', 'priority', 'name'];
const EVENT_KEYS = ['type', 'params'];
const MAX_DEPTH = 32;
const PATH_HINT = 'use $ followed by .name and [index] steps, e.g. $.sizeTable.rows[0]';

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));
const isPrimitive = (value: unknown): boolean =>
	value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

const validatedSets = new WeakSet<object>();

/** True for rule sets returned by `validateRules`. */
export function isRuleSet(value: unknown): value is RuleSet {
	return typeof value === 'object' && value !== null && validatedSets.has(value);
}

class Checker {
	ruleName: string | null = null;

	constructor(
		readonly label: string,
		readonly facts: FactCatalogue | null,
		readonly eventTypes: readonly string[] | undefined,
	) {}

	fail(path: string, reason: string): never {
		throw new RulesError(this.label, this.ruleName, path, reason);
	}

	onlyKeys(object: Record<string, unknown>, allowed: readonly string[], path: string, what: string): void {
		for (const key of Object.keys(object)) {
			if (!allowed.includes(key)) this.fail(`${path}.${key}`, `unknown key "${key}" in ${what}; allowed: ${allowed.join(', ')}`);
		}
	}

	rules(input: unknown): Rule[] {
		let list = input;
		if (isPlainObject(input)) {
			this.onlyKeys(input, SET_KEYS, '(rule set)', 'a rule set');
			if (input.description !== undefined && typeof input.description !== 'string') {
				this.fail('description', 'must be a string');
			}
			list = input.rules;
		}
		if (!Array.isArray(list)) this.fail('rules', `must be a list of rules or { "rules": [ … ] } (got ${typeOf(list)})`);
		const seen = new Map<string, number>();
		return list.map((raw, index) => {
			const rule = this.rule(raw, `rules[${index}]`);
			const other = seen.get(rule.name);
			if (other !== undefined) this.fail(`rules[${index}].name`, `rules[${other}] has the same name; names must be unique`);
			seen.set(rule.name, index);
			return rule;
		});
	}

	rule(raw: unknown, path: string): Rule {
		this.ruleName = null;
		if (!isPlainObject(raw)) this.fail(path, `a rule must be an object { name, conditions, event } (got ${typeOf(raw)})`);
		if (typeof raw.name !== 'string' || raw.name.trim() === '') {
			this.fail(`${path}.name`, `every rule needs a "name" (non-empty text) (got ${show(raw.name)})`);
		}
		this.ruleName = raw.name;
		this.onlyKeys(raw, RULE_KEYS, path, 'a rule');
		if (raw.description !== undefined && typeof raw.description !== 'string') this.fail(`${path}.description`, 'must be text');
		let priority = 1;
		if (raw.priority !== undefined) {
			if (typeof raw.priority !== 'number' || !Number.isInteger(raw.priority) || raw.priority < 1) {
				this.fail(`${path}.priority`, `must be a whole number ≥ 1; higher runs first (got ${show(raw.priority)})`);
			}
			priority = raw.priority;
		}
		if (!hasOwn(raw, 'conditions')) this.fail(`${path}.conditions`, 'missing; a rule needs { "all": [ … ] }, { "any": [ … ] } or { "not": … }');
		if (!hasOwn(raw, 'event')) this.fail(`${path}.event`, 'missing; a rule needs an event { "type": …, "params": { … } }');
		const conditions = this.topLevel(raw.conditions, `${path}.conditions`);
		const event = this.event(raw.event, `${path}.event`);
		const rule: Rule = { name: raw.name, priority, conditions, event };
		if (raw.description !== undefined) rule.description = raw.description;
		return Object.freeze(rule);
	}

	topLevel(raw: unknown, path: string): BooleanCondition {
		if (isPlainObject(raw) && !BOOLEAN_KEYS.some((key) => hasOwn(raw, key)) && !hasOwn(raw, 'condition')) {
			this.fail(path, 'the top level must be "all", "any" or "not" (json-rules-engine requires it); wrap a single condition as { "all": [ … ] }');
		}
		return this.condition(raw, path, 0) as BooleanCondition;
	}

	condition(raw: unknown, path: string, depth: number): Condition {
		if (depth > MAX_DEPTH) this.fail(path, `conditions are nested deeper than ${MAX_DEPTH} levels`);
		if (!isPlainObject(raw)) this.fail(path, `a condition must be an object (got ${typeOf(raw)})`);
		if (hasOwn(raw, 'condition')) {
			this.fail(`${path}.condition`, 'condition references are not supported; write the shared condition out in each rule');
		}
		const booleans = BOOLEAN_KEYS.filter((key) => hasOwn(raw, key));
		if (booleans.length > 1) this.fail(path, `a condition has one of "all", "any", "not" (found ${booleans.join(', ')}); nest them instead`);
		const common = this.common(raw, path);
		if (booleans.length === 0) return this.factCondition(raw, path, common);
		const key = booleans[0];
		if (hasOwn(raw, 'fact') || hasOwn(raw, 'operator')) {
			this.fail(path, `"${key}" cannot be mixed with "fact"/"operator" in one object; put the fact condition inside "${key}"`);
		}
		this.onlyKeys(raw, [key, 'priority', 'name'], path, `an "${key}" condition`);
		const inner = raw[key];
		if (key === 'not') {
			if (!isPlainObject(inner)) this.fail(`${path}.not`, `"not" takes one condition object (got ${typeOf(inner)})`);
			return Object.freeze({ not: this.condition(inner, `${path}.not`, depth + 1), ...common });
		}
		if (!Array.isArray(inner)) this.fail(`${path}.${key}`, `"${key}" must be a list of conditions (got ${typeOf(inner)})`);
		if (key === 'any' && inner.length === 0) {
			this.fail(`${path}.any`, '"any" needs at least one condition (json-rules-engine treats an empty "any" as true)');
		}
		const children = Object.freeze(inner.map((child, i) => this.condition(child, `${path}.${key}[${i}]`, depth + 1)));
		return Object.freeze(key === 'all' ? { all: children as Condition[], ...common } : { any: children as Condition[], ...common });
	}

	common(raw: Record<string, unknown>, path: string): { priority?: number; name?: string } {
		const common: { priority?: number; name?: string } = {};
		if (raw.priority !== undefined) {
			if (typeof raw.priority !== 'number' || !Number.isInteger(raw.priority) || raw.priority < 1) {
				this.fail(`${path}.priority`, `must be a whole number ≥ 1 (got ${show(raw.priority)})`);
			}
			common.priority = raw.priority;
		}
		if (raw.name !== undefined) {
			if (typeof raw.name !== 'string') this.fail(`${path}.name`, 'must be text');
			common.name = raw.name;
		}
		return common;
	}

	factCondition(raw: Record<string, unknown>, path: string, common: { priority?: number; name?: string }): Condition {
		if (hasOwn(raw, 'params')) this.fail(`${path}.params`, 'facts take no params here; use "path" to read inside a fact');
		this.onlyKeys(raw, FACT_CONDITION_KEYS, path, 'a fact condition');
		if (!hasOwn(raw, 'fact')) this.fail(`${path}.fact`, 'missing; a condition needs "fact", "operator" and "value" (or "all" / "any" / "not")');
		const spec = this.fact(raw.fact, `${path}.fact`);
		const fact = raw.fact as string;
		if (!hasOwn(raw, 'operator')) this.fail(`${path}.operator`, `missing; use one of ${OPERATORS.join(', ')}`);
		const operator = raw.operator;
		if (!isOperator(operator)) {
			const decorated = typeof operator === 'string' && operator.includes(':');
			this.fail(
				`${path}.operator`,
				`unknown operator ${show(operator)}; use one of ${OPERATORS.join(', ')}` +
					(decorated ? ' (operator decorators such as "not:…" are not supported; wrap the condition in { "not": … })' : ''),
			);
		}
		const hasPath = raw.path !== undefined;
		if (hasPath) {
			this.path(raw.path, `${path}.path`);
			if (spec && spec.type !== 'object' && spec.type !== 'array' && spec.type !== 'any') {
				this.fail(`${path}.path`, `a path reads inside an object or a list; fact "${fact}" is ${article(spec.type)} (json-rules-engine would ignore the path)`);
			}
		}
		if (!hasOwn(raw, 'value')) this.fail(`${path}.value`, 'missing; the value to compare the fact with');
		this.value(raw.value, `${path}.value`, operator, fact, hasPath ? null : spec);
		const condition: Condition = { fact, operator, value: freezeValue(raw.value), ...common };
		if (hasPath) condition.path = raw.path as string;
		return Object.freeze(condition);
	}

	/** The fact's spec, or null when it is untyped (no catalogue, or read through a path). */
	fact(name: unknown, path: string): FactSpec | null {
		if (typeof name !== 'string' || name === '') this.fail(path, `must be a fact name (got ${show(name)})`);
		if (this.facts === null) return null;
		if (!hasOwn(this.facts, name)) this.fail(path, `unknown fact "${name}"; known facts: ${Object.keys(this.facts).join(', ')}`);
		return this.facts[name];
	}

	path(value: unknown, path: string): void {
		if (typeof value !== 'string' || parsePath(value) === null) this.fail(path, `${show(value)} is not a supported path; ${PATH_HINT}`);
	}

	value(value: unknown, path: string, operator: Operator, fact: string, spec: FactSpec | null): void {
		if (isPlainObject(value)) {
			if (!hasOwn(value, 'fact')) {
				this.fail(path, 'must be text, a number, true/false, null, a list, or a fact reference { "fact": …, "path": … }');
			}
			if (MEMBERSHIP_OPERATORS.includes(operator)) this.fail(path, `"${operator}" needs a literal list of values, not a fact reference`);
			this.onlyKeys(value, ['fact', 'path'], path, 'a fact reference');
			const referenced = this.fact(value.fact, `${path}.fact`);
			if (value.path !== undefined) this.path(value.path, `${path}.path`);
			else if (spec && referenced && NUMERIC_OPERATORS.includes(operator) && referenced.type !== 'number' && referenced.type !== 'any') {
				this.fail(`${path}.fact`, `"${operator}" compares numbers; fact "${value.fact as string}" is ${article(referenced.type)}`);
			}
			return;
		}
		if (Array.isArray(value)) {
			value.forEach((item, i) => {
				if (!isPrimitive(item)) this.fail(`${path}[${i}]`, `list items must be text, numbers, true/false or null (got ${typeOf(item)})`);
			});
		} else if (!isPrimitive(value)) {
			this.fail(path, `must be text, a number, true/false, null, a list, or a fact reference (got ${typeOf(value)})`);
		}
		if (MEMBERSHIP_OPERATORS.includes(operator) && !Array.isArray(value)) {
			this.fail(path, `"${operator}" needs a list of values, e.g. ["a", "b"] (got ${typeOf(value)})`);
		}
		if (spec) this.typed(value, path, operator, fact, spec);
	}

	/** Checks a literal value against the fact's type, so that a rule that cannot match is refused. */
	typed(value: unknown, path: string, operator: Operator, fact: string, spec: FactSpec): void {
		if (spec.type === 'any') return;
		const operatorPath = path.replace(/\.value$/, '.operator');
		const allowed = operatorsFor(spec.type);
		if (!allowed.includes(operator)) {
			const hint =
				spec.type === 'string' && ARRAY_OPERATORS.includes(operator)
					? '; contains tests lists only (json-rules-engine never matches it on text)'
					: spec.type === 'object' || spec.type === 'array'
						? '; add a "path" to test a field inside it'
						: '';
			this.fail(operatorPath, `"${operator}" cannot test fact "${fact}", which is ${article(spec.type)}; use ${allowed.join(', ')}${hint}`);
		}
		if (spec.type === 'array') return;
		if (spec.type === 'object') {
			if (value !== null) this.fail(path, `fact "${fact}" is an object: compare it with null only, or add a "path"`);
			return;
		}
		const items = Array.isArray(value) ? value : [value];
		if (Array.isArray(value) && !MEMBERSHIP_OPERATORS.includes(operator)) {
			this.fail(path, `"${operator}" compares one value; a list never matches (use "in" for a list)`);
		}
		items.forEach((item, i) => {
			const where = Array.isArray(value) ? `${path}[${i}]` : path;
			if (item === null) {
				if (!spec.nullable || NUMERIC_OPERATORS.includes(operator)) this.fail(where, `fact "${fact}" is never null`);
				return;
			}
			if (typeof item !== spec.type) this.fail(where, `fact "${fact}" is ${article(spec.type)}; ${show(item)} is ${article(typeOf(item))}`);
			if (spec.values && !spec.values.includes(item as string)) {
				this.fail(where, `${show(item)} is not a value of "${fact}"; use one of ${spec.values.join(', ')}`);
			}
		});
	}

	event(raw: unknown, path: string): RuleEvent {
		if (!isPlainObject(raw)) this.fail(path, `must be an object { "type": …, "params": { … } } (got ${typeOf(raw)})`);
		this.onlyKeys(raw, EVENT_KEYS, path, 'an event');
		if (typeof raw.type !== 'string' || raw.type === '') this.fail(`${path}.type`, `must be an event type (got ${show(raw.type)})`);
		if (this.eventTypes && !this.eventTypes.includes(raw.type)) {
			this.fail(`${path}.type`, `"${raw.type}" is not used here; use ${this.eventTypes.map((t) => `"${t}"`).join(' or ')}`);
		}
		const params = raw.params;
		if (params !== undefined && !isPlainObject(params)) this.fail(`${path}.params`, `must be an object (got ${typeOf(params)})`);
		const schema = EVENT_PARAMS[raw.type];
		if (schema) {
			const parsed = schema.safeParse(params ?? {});
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				this.fail(`${path}.params${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`, describeIssue(issue));
			}
		}
		const event: RuleEvent = { type: raw.type };
		if (params !== undefined) event.params = freezeValue(params) as Record<string, unknown>;
		return Object.freeze(event);
	}
}

function operatorsFor(type: FactSpec['type']): readonly Operator[] {
	switch (type) {
		case 'number':
			return ['equal', 'notEqual', 'in', 'notIn', ...NUMERIC_OPERATORS];
		case 'array':
			return ARRAY_OPERATORS;
		case 'object':
			return ['equal', 'notEqual'];
		case 'any':
			return OPERATORS;
		default:
			return ['equal', 'notEqual', 'in', 'notIn'];
	}
}

function describeIssue(issue: z.ZodIssue): string {
	if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'missing';
	return issue.message;
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'list';
	if (typeof value === 'string') return 'text';
	return typeof value;
}

function article(type: string): string {
	const names: Record<string, string> = { string: 'text', text: 'text', list: 'a list', array: 'a list', object: 'an object' };
	return names[type] ?? `a ${type}`;
}

function freezeValue<T>(value: T): T {
	if (Array.isArray(value)) return Object.freeze(value.map(freezeValue)) as T;
	if (isPlainObject(value)) {
		const copy: Record<string, unknown> = {};
		for (const key of Object.keys(value)) copy[key] = freezeValue(value[key]);
		return Object.freeze(copy) as T;
	}
	return value;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, message: (error as Error).message };
	}
}

// A node reads its rules parameter once per item; the same text is validated (and compiled) only once.
const CACHE_SIZE = 32;
const cache = new Map<string, RuleSet>();

/**
 * Parses and checks a rule set: JSON text, a list of rules or `{ "rules": [ … ] }`. Throws `RulesError`
 * naming the rule, the path (`rules[3].conditions.all[1].operator`) and the reason.
 */
export function validateRules(input: unknown, options: ValidateOptions): RuleSet {
	const label = options.label;
	const facts = options.facts === undefined ? RULE_FACTS : options.facts;
	let key: string | null = null;
	if (typeof input === 'string' && options.facts === undefined) {
		key = `${label}\u0000${options.eventTypes?.join(',') ?? '*'}\u0000${input}`;
		const known = cache.get(key);
		if (known) return known;
	}
	let parsed = input;
	if (typeof input === 'string') {
		if (input.trim() === '') throw new RulesError(label, null, '(rules)', 'is empty; give a list of rules or { "rules": [ … ] }');
		const json = parseJson(input);
		if (!json.ok) throw new RulesError(label, null, '(rules)', `is not valid JSON: ${json.message}`);
		parsed = json.value;
	}
	const rules = new Checker(label, facts, options.eventTypes).rules(parsed);
	const ruleSet = Object.freeze({ label, rules: Object.freeze(rules) }) as RuleSet;
	validatedSets.add(ruleSet);
	if (key !== null) {
		if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
		cache.set(key, ruleSet);
	}
	return ruleSet;
}

