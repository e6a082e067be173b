// Route of one item. Conflict policy: the first `route` event that names a route wins (highest rule priority;
// equal priorities: the earlier rule). Tags are the union of the tags of every matching route event, in event
// order, so a tag-only rule (e.g. "churn_risk") adds its tag whatever route wins. With no route the item goes to
// a person: draft_for_approval. Nothing is ever sent without a person unless a rule says auto_reply.

import { ROUTE_EVENT, type Route, type RouteParams } from './event-types';
import type { FiredEvent } from './types';

export const DEFAULT_ROUTE: Route = 'draft_for_approval';

export interface RoutingOutcome {
	route: Route;
	tags: string[];
	/** The rule that chose the route, null for the default. */
	rule: string | null;
	reason: string | null;
}

export function applyRouting(events: readonly FiredEvent[]): RoutingOutcome {
	let winner: FiredEvent | null = null;
	const tags: string[] = [];
	for (const event of events) {
		if (event.type !== ROUTE_EVENT) continue;
		const params = event.params as RouteParams;
		if (winner === null && params.route !== undefined) winner = event;
		if (params.tags) for (const tag of params.tags) if (!tags.includes(tag)) tags.push(tag);
	}
	const params = winner?.params as RouteParams | undefined;
	return {
		route: params?.route ?? DEFAULT_ROUTE,
		tags,
		rule: winner?.rule ?? null,
		reason: params?.reason ?? null,
	};
}
