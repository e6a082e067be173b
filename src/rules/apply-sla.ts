// SLA outcome of one item. Conflict policy: the first `sla` event wins, i.e. the matching rule with the highest
// priority (equal priorities: the earlier rule in the list). Minutes come from the rules, never from code; only
// when no rule matches does the documented default apply.

import { FactsError } from './errors';
import { type Priority, SLA_EVENT, type SlaParams } from './event-types';
import { parseInstant } from './clock';
import type { FiredEvent } from './types';

export const DEFAULT_SLA: Readonly<{ priority: Priority; slaMinutes: number }> = Object.freeze({ priority: 'normal', slaMinutes: 1440 });

export interface SlaOutcome {
	priority: Priority;
	slaMinutes: number;
	/** createdAt + slaMinutes, ISO in UTC. */
	dueAt: string;
	/** The rule that decided, null for the default. */
	rule: string | null;
	reason: string | null;
}

/**
 * `createdAt` is the Interaction's (ISO text or a Date); text without an offset is read in `timezone`
 * (default Europe/Moscow, as in buildFacts).
 */
export function applySla(events: readonly FiredEvent[], createdAt: string | Date, timezone = 'Europe/Moscow'): SlaOutcome {
	const createdMs = typeof createdAt === 'string' ? parseInstant(createdAt, timezone) : createdAt.getTime();
	if (Number.isNaN(createdMs)) throw new FactsError('createdAt', `must be an ISO date-time (got ${JSON.stringify(createdAt)})`);
	const event = events.find((candidate) => candidate.type === SLA_EVENT);
	const params = event?.params as SlaParams | undefined;
	const priority = params?.priority ?? DEFAULT_SLA.priority;
	const slaMinutes = params?.slaMinutes ?? DEFAULT_SLA.slaMinutes;
	return {
		priority,
		slaMinutes,
		dueAt: new Date(createdMs + slaMinutes * 60_000).toISOString(),
		rule: event?.rule ?? null,
		reason: params?.reason ?? null,
	};
}
