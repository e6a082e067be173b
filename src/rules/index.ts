export { applyRouting, DEFAULT_ROUTE, type RoutingOutcome } from './apply-routing';
export { applySla, DEFAULT_SLA, type SlaOutcome } from './apply-sla';
export {
	buildFacts,
	type FactsClassification,
	type FactsInteraction,
	type ProductContext,
	type RuleFacts,
} from './build-facts';
export { DEFAULT_FACTS_OPTIONS, type FactsOptions, type WorkingHours } from './clock';
export {
	DEFAULT_ROUTING_RULES,
	DEFAULT_ROUTING_RULES_JSON,
	DEFAULT_SLA_RULES,
	DEFAULT_SLA_RULES_JSON,
	ROUTING_EVENT_TYPES,
	ROUTING_RULES_LABEL,
	SLA_EVENT_TYPES,
	SLA_RULES_LABEL,
	validateRoutingRules,
	validateSlaRules,
} from './defaults';
export { FactsError, RulesError } from './errors';
export { compileRules, evaluateRules } from './evaluate';
export {
	PRIORITIES,
	ROUTE_EVENT,
	ROUTES,
	routeParamsSchema,
	SLA_EVENT,
	slaParamsSchema,
	type Priority,
	type Route,
	type RouteParams,
	type SlaParams,
} from './event-types';
export { RULE_FACT_NAMES, RULE_FACTS, type FactCatalogue, type FactSpec, type FactType, type RuleFactName } from './fact-catalogue';
export { OPERATORS, type Operator } from './operators';
export { isRuleSet, validateRules, type ValidateOptions } from './schema';
export type {
	AllCondition,
	AnyCondition,
	BooleanCondition,
	Condition,
	FactCondition,
	FactReference,
	FactValues,
	FiredEvent,
	NotCondition,
	Rule,
	RuleEvent,
	RuleSet,
	RulesResult,
} from './types';
