import { z } from 'zod';

import { InputFieldError } from '../interaction-input';

// What the dashboard reads from the items of AgentIQ Metrics and AgentIQ Quality Alert (merged into one list):
//   { type: "metrics_summary", ... }            — one, from AgentIQ Metrics (required)
//   { type: "quality_spike", ... }              — alerts, from Quality Alert "Detect Spikes"
//   { rank, productId, reviews, negative, ... } — rows of Quality Alert "Top Problem Products"
//   {}                                          — the empty item n8n emits for "Always Output Data"; skipped
// Only the fields drawn are checked; other fields pass through untouched. A wrong shape is an error naming the
// item and the field, never a page with holes.

const share = z.number().min(0).max(1).nullable();
const interval = z.object({ low: z.number(), high: z.number() }).nullable();
const variant = z.object({ variant: z.string(), n: z.number(), wins: z.number(), winRate: share, ci95: interval, withoutOutcome: z.number() });
const slaCounts = { met: z.number(), breached: z.number(), pending: z.number(), compliance: share };

const summarySchema = z.object({
	type: z.literal('metrics_summary'),
	period: z.object({ start: z.string().nullable(), end: z.string() }),
	interactions: z.number(),
	replied: z.number(),
	unreplied: z.number(),
	byChannel: z.record(z.number()).optional(),
	responseTimeMinutes: z.object({ count: z.number(), median: z.number().nullable(), p90: z.number().nullable(), mean: z.number().nullable() }).nullable(),
	timing: z.array(z.object({ bucket: z.string(), count: z.number(), share })),
	sla: z.object({ ...slaCounts, byPriority: z.array(z.object({ priority: z.string(), ...slaCounts })) }),
	abTests: z.object({ tone: z.array(variant), template: z.array(variant) }),
});

const topicSchema = z.object({ topic: z.string(), count: z.number(), share: z.number() });
const quoteSchema = z.object({ text: z.string(), rating: z.number().optional(), createdAt: z.string().optional() });
const productSchema = z.object({
	productId: z.union([z.string(), z.number()]).transform(String),
	productName: z.string().optional(),
	reviews: z.number(),
	negative: z.number(),
	negativeShare: z.number(),
	previousShare: z.number(),
	growth: z.number().nullable(),
	topTopics: z.array(topicSchema),
	quotes: z.array(quoteSchema),
});
const spikeSchema = productSchema.extend({ type: z.literal('quality_spike'), summary: z.string() });
const problemSchema = productSchema.extend({ rank: z.number(), spike: z.boolean().optional() });

export type DashboardSummary = z.infer<typeof summarySchema>;
export type DashboardSpike = z.infer<typeof spikeSchema>;
export type DashboardProblem = z.infer<typeof problemSchema>;

export interface DashboardData {
	summary: DashboardSummary;
	spikes: DashboardSpike[];
	problems: DashboardProblem[];
}

function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, json: unknown, itemIndex: number, what: string): T {
	const result = schema.safeParse(json);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const field = issue.path.join('.') || 'type';
	throw new InputFieldError(field, `Item ${itemIndex} looks like ${what} but "${field}" is wrong: ${issue.message}`);
}

export function readDashboardItems(items: ReadonlyArray<Record<string, unknown>>): DashboardData {
	let summary: DashboardSummary | undefined;
	const spikes: DashboardSpike[] = [];
	const problems: DashboardProblem[] = [];
	items.forEach((json, i) => {
		if (Object.keys(json).length === 0) return;
		if (json.type === 'metrics_summary') {
			if (summary) throw new InputFieldError('type', `Item ${i} is a second metrics summary: feed exactly one AgentIQ Metrics summary`);
			summary = parse(summarySchema, json, i, 'a metrics summary');
		} else if (json.type === 'quality_spike') spikes.push(parse(spikeSchema, json, i, 'a quality alert'));
		else if (json.type === 'metrics_row') return;
		else if (json.rank !== undefined && json.productId !== undefined) problems.push(parse(problemSchema, json, i, 'a top problem product'));
		else {
			throw new InputFieldError(
				'type',
				`Item ${i} is neither a metrics summary, a quality alert nor a top problem product (type ${JSON.stringify(json.type)}, no "rank")`,
			);
		}
	});
	if (!summary) throw new InputFieldError('type', 'No item of type "metrics_summary": connect AgentIQ Metrics to the dashboard');
	problems.sort((a, b) => a.rank - b.rank);
	return { summary, spikes, problems };
}
