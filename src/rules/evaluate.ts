// The shipped evaluator of json-rules-engine rules: no runtime dependency, synchronous, and compiled once per rule
// set into closures. Semantics follow json-rules-engine 7 with `allowUndefinedFacts: true` (tests/unit/rules/
// equivalence.test.ts checks them against it): rules run highest priority first, every matching rule's event is
// returned, `all` / `any` / `not` nest freely, a path applies only to an object or list fact (any other fact is
// compared whole), and a `{ "fact": … }` value reads another fact.
//
// One deliberate difference: json-rules-engine evaluates rules of equal priority in parallel and lists their
// events in the order their promises settle, which depends on how deeply each rule is nested. Here equal
// priorities keep their order in the list, so the same rules always give the same event order.

import { OPERATOR_TESTS } from './operators';
import { parsePath, resolvePath } from './path';
import { isRuleSet } from './schema';
import type { Condition, FactValues, FiredEvent, RuleSet, RulesResult } from './types';

type Test = (facts: FactValues) => boolean;
type Read = (facts: FactValues) => unknown;

interface CompiledRule {
	test: Test;
	event: FiredEvent;
}

const hasOwn = Object.prototype.hasOwnProperty;
const EMPTY_PARAMS: Readonly<Record<string, unknown>> = Object.freeze({});
const compiledSets = new WeakMap<RuleSet, CompiledRule[]>();

function compileRead(fact: string, path: string | undefined): Read {
	const keys = path === undefined ? null : parsePath(path);
	if (keys === null) return (facts) => (hasOwn.call(facts, fact) ? facts[fact] : undefined);
	return (facts) => {
		const value = hasOwn.call(facts, fact) ? facts[fact] : undefined;
		// json-rules-engine resolves the path only inside a non-null object (arrays included).
		return value !== null && typeof value === 'object' ? resolvePath(value, keys) : value;
	};
}

function isReference(value: unknown): value is { fact: string; path?: string } {
	return value !== null && typeof value === 'object' && !Array.isArray(value) && hasOwn.call(value, 'fact');
}

function compileCondition(condition: Condition): Test {
	if ('all' in condition) return compileAll(condition.all.map(compileCondition));
	if ('any' in condition) return compileAny(condition.any.map(compileCondition));
	if ('not' in condition) {
		const inner = compileCondition(condition.not);
		return (facts) => !inner(facts);
	}
	const read = compileRead(condition.fact, condition.path);
	const test = OPERATOR_TESTS[condition.operator];
	const value = condition.value;
	if (isReference(value)) {
		const readValue = compileRead(value.fact, value.path);
		return (facts) => test(read(facts), readValue(facts));
	}
	return (facts) => test(read(facts), value);
}

function compileAll(tests: Test[]): Test {
	switch (tests.length) {
		case 0:
			return () => true;
		case 1:
			return tests[0];
		case 2: {
			const [a, b] = tests;
			return (facts) => a(facts) && b(facts);
		}
		default:
			return (facts) => {
				for (let i = 0; i < tests.length; i++) if (!tests[i](facts)) return false;
				return true;
			};
	}
}

function compileAny(tests: Test[]): Test {
	switch (tests.length) {
		case 0:
			// json-rules-engine: an empty "any" passes (validateRules refuses it, so only a hand-built set gets here).
			return () => true;
		case 1:
			return tests[0];
		case 2: {
			const [a, b] = tests;
			return (facts) => a(facts) || b(facts);
		}
		default:
			return (facts) => {
				for (let i = 0; i < tests.length; i++) if (tests[i](facts)) return true;
				return false;
			};
	}
}

function compile(ruleSet: RuleSet): CompiledRule[] {
	if (!isRuleSet(ruleSet)) throw new Error('evaluateRules: pass a rule set returned by validateRules');
	const ordered = ruleSet.rules
		.map((rule, index) => ({ rule, index }))
		// Array.prototype.sort is stable, so equal priorities keep their order in the list.
		.sort((a, b) => b.rule.priority - a.rule.priority);
	return ordered.map(({ rule }) => ({
		test: compileCondition(rule.conditions),
		event: Object.freeze({
			type: rule.event.type,
			params: rule.event.params ?? EMPTY_PARAMS,
			rule: rule.name,
			priority: rule.priority,
		}),
	}));
}

/** Compiles a validated rule set ahead of the first evaluation (evaluateRules also does it on first use). */
export function compileRules(ruleSet: RuleSet): void {
	if (!compiledSets.has(ruleSet)) compiledSets.set(ruleSet, compile(ruleSet));
}

/** Events of every rule whose conditions hold for `facts`, highest priority first. Events are frozen and shared. */
export function evaluateRules(ruleSet: RuleSet, facts: FactValues): RulesResult {
	let rules = compiledSets.get(ruleSet);
	if (rules === undefined) {
		rules = compile(ruleSet);
		compiledSets.set(ruleSet, rules);
	}
	if (facts === null || typeof facts !== 'object') throw new Error('evaluateRules: facts must be an object');
	const events: FiredEvent[] = [];
	for (let i = 0; i < rules.length; i++) {
		if (rules[i].test(facts)) events.push(rules[i].event);
	}
	return { events };
}
