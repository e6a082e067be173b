// The rule format: json-rules-engine's own JSON (conditions `all` / `any` / `not`, facts with `path`, operators,
// rule `priority`, an event with params), so rules written for it run here unchanged and vice versa.

import type { Operator } from './operators';

/** A reference to another fact as the right-hand side: `{ "fact": "rating", "path": "$.x" }`. */
export interface FactReference {
	fact: string;
	path?: string;
}

export interface FactCondition {
	fact: string;
	operator: Operator;
	value: unknown;
	path?: string;
	/** Accepted for json-rules-engine compatibility; it orders evaluation there and changes no result. */
	priority?: number;
	name?: string;
}

export interface AllCondition {
	all: Condition[];
	priority?: number;
	name?: string;
}

export interface AnyCondition {
	any: Condition[];
	priority?: number;
	name?: string;
}

export interface NotCondition {
	not: Condition;
	priority?: number;
	name?: string;
}

export type BooleanCondition = AllCondition | AnyCondition | NotCondition;
export type Condition = FactCondition | BooleanCondition;

export interface RuleEvent {
	type: string;
	params?: Readonly<Record<string, unknown>>;
}

export interface Rule {
	name: string;
	description?: string;
	/** Higher runs first; rules of equal priority keep their order in the list. Default 1. */
	priority: number;
	conditions: BooleanCondition;
	event: RuleEvent;
}

declare const validated: unique symbol;

/** Rules that passed `validateRules`; only such sets can be evaluated (they are compiled once, on validation). */
export interface RuleSet {
	readonly label: string;
	readonly rules: readonly Rule[];
	readonly [validated]: true;
}

export interface FiredEvent {
	type: string;
	/** The event's params, `{}` when the rule gives none (json-rules-engine then omits the key). */
	params: Readonly<Record<string, unknown>>;
	/** Name of the rule that fired. */
	rule: string;
	/** Priority of the rule that fired. */
	priority: number;
}

export interface RulesResult {
	/** Events of every matching rule, highest rule priority first, equal priorities in list order. */
	events: FiredEvent[];
}

/** Fact values by name; a fact that is absent reads as undefined (json-rules-engine's `allowUndefinedFacts`). */
export type FactValues = Readonly<Record<string, unknown>>;
