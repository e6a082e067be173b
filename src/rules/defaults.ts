// The default rule sets shipped with the package. tsc emits rules/*.json into dist through resolveJsonModule, so
// no file is read at run time; the JSON text is the default of the node's rule parameters, where a team edits it.

import routingJson from '../../rules/routing.json';
import slaJson from '../../rules/sla.json';
import { ROUTE_EVENT, SLA_EVENT } from './event-types';
import { validateRules } from './schema';
import type { RuleSet } from './types';

export const SLA_RULES_LABEL = 'SLA rules';
export const ROUTING_RULES_LABEL = 'Routing rules';
export const SLA_EVENT_TYPES: readonly string[] = [SLA_EVENT];
export const ROUTING_EVENT_TYPES: readonly string[] = [ROUTE_EVENT];

/** JSON text of rules/sla.json, formatted for the node's JSON parameter. */
export const DEFAULT_SLA_RULES_JSON = JSON.stringify(slaJson, null, 2);
/** JSON text of rules/routing.json, formatted for the node's JSON parameter. */
export const DEFAULT_ROUTING_RULES_JSON = JSON.stringify(routingJson, null, 2);

/** Validated (and so known-good at load time) default SLA rules. */
export const DEFAULT_SLA_RULES: RuleSet = validateRules(slaJson, { label: SLA_RULES_LABEL, eventTypes: SLA_EVENT_TYPES });
/** Validated default routing rules. */
export const DEFAULT_ROUTING_RULES: RuleSet = validateRules(routingJson, {
	label: ROUTING_RULES_LABEL,
	eventTypes: ROUTING_EVENT_TYPES,
});

/** Checks a team's SLA rules (JSON text from the node parameter, or parsed JSON). */
export function validateSlaRules(input: unknown): RuleSet {
	return validateRules(input, { label: SLA_RULES_LABEL, eventTypes: SLA_EVENT_TYPES });
}

/** Checks a team's routing rules (JSON text from the node parameter, or parsed JSON). */
export function validateRoutingRules(input: unknown): RuleSet {
	return validateRules(input, { label: ROUTING_RULES_LABEL, eventTypes: ROUTING_EVENT_TYPES });
}
