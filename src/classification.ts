import type { Intent, Emotion, Sentiment, ClassificationSignals } from './classify/types';
import { applyRouting, applySla, buildFacts, evaluateRules, type FactsOptions, type RuleSet } from './rules';
import type { Priority, Route } from './rules/event-types';
import type { Interaction } from './interaction';

// The Classify step end to end, after the labels are known (offline, LLM or hybrid): facts → SLA rules →
// routing rules → the `classification` of taxonomy.md.

export interface Labels {
	intent: Intent;
	emotion: Emotion;
	sentiment: Sentiment;
	confidence: number;
	signals: ClassificationSignals;
	engine: 'offline' | 'llm';
	evidence?: string[];
}

export interface Classification extends Labels {
	priority: Priority;
	slaMinutes: number;
	dueAt: string;
	route: Route;
	tags: string[];
	/** Which rules decided, so a person can see why an item went where it went. */
	rules: { sla: string | null; route: string | null; reason: string | null };
	llmError?: string;
}

export type DecisionInput = Partial<Interaction> &
	Pick<Interaction, 'text' | 'channel'> & { id?: string; createdAt?: string; product?: unknown };

export function decide(
	interaction: DecisionInput,
	labels: Labels,
	rules: { sla: RuleSet; routing: RuleSet },
	now: Date,
	factsOptions?: Partial<FactsOptions>,
): Classification {
	// Plain items without a creation time are treated as created now: their SLA clock starts when they arrive.
	// An item that has both fields is read as it is: copying a whole n8n item to change nothing costs time.
	const withTime: DecisionInput & { id: string; createdAt: string } =
		interaction.id != null && interaction.createdAt != null
			? (interaction as DecisionInput & { id: string; createdAt: string })
			: { ...interaction, id: interaction.id ?? '(item)', createdAt: interaction.createdAt ?? now.toISOString() };
	const facts = buildFacts(withTime as never, labels, now, factsOptions);
	const slaEvents = evaluateRules(rules.sla, facts).events;
	const routeEvents = evaluateRules(rules.routing, facts).events;
	const sla = applySla(slaEvents, withTime.createdAt, factsOptions?.timezone);
	const routing = applyRouting(routeEvents);
	// The same object as `{ ...labels, priority, … }`, built by plain stores onto a copy: V8 makes an object
	// literal that spreads and then adds six properties slowly, about a tenth of the whole classify step. Labels
	// are always built by this package (offline or LLM), so they hold no "__proto__" key that a copy could treat
	// differently from a spread.
	const classification = Object.assign({}, labels) as Classification;
	classification.priority = sla.priority;
	classification.slaMinutes = sla.slaMinutes;
	classification.dueAt = sla.dueAt;
	classification.route = routing.route;
	classification.tags = routing.tags;
	classification.rules = { sla: sla.rule, route: routing.rule, reason: routing.reason ?? sla.reason };
	return classification;
}
