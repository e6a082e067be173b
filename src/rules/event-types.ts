// The two event types the product acts on (taxonomy.md, "Priority, SLA and route"). Other event types pass
// through untouched, so a team can add events of its own for later nodes.

import { z } from 'zod';

export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const ROUTES = ['auto_reply', 'draft_for_approval', 'escalate', 'ignore'] as const;
export type Route = (typeof ROUTES)[number];

export const SLA_EVENT = 'sla';
export const ROUTE_EVENT = 'route';

export const slaParamsSchema = z
	.object({
		priority: z.enum(PRIORITIES),
		slaMinutes: z.number().finite().positive(),
		reason: z.string().optional(),
	})
	.strict();

export const routeParamsSchema = z
	.object({
		route: z.enum(ROUTES).optional(),
		tags: z.array(z.string().min(1)).optional(),
		reason: z.string().optional(),
	})
	.strict()
	.refine((params) => params.route !== undefined || params.tags !== undefined, {
		message: 'a route event needs "route", "tags" or both',
	});

export type SlaParams = z.infer<typeof slaParamsSchema>;
export type RouteParams = z.infer<typeof routeParamsSchema>;

/** Params schema of each known event type. */
export const EVENT_PARAMS: Readonly<Record<string, z.ZodTypeAny>> = {
	[SLA_EVENT]: slaParamsSchema,
	[ROUTE_EVENT]: routeParamsSchema,
};
