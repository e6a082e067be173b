import type { MetricsRecord, ReplyMode } from './input';
import { quantile, round4, wilson } from './stats';

// The service metrics of a period, from interactions and what happened to them. Records go in one at a time;
// only counters and one number per replied item (its response time, for the median and p90) are kept.
// Definitions (a dashboard reads these, so they are spelled out):
// - response time: reply time − createdAt, in minutes, over replied items; median and p90 by linear interpolation.
// - timing buckets: < 1 h, 1–4 h, 4–24 h, > 24 h; a bucket holds its lower bound (exactly 1 h is "1–4 h").
// - SLA: an item with a due time (classification.dueAt, else createdAt + slaMinutes) is `met` when replied by it,
//   `breached` when replied later or still unreplied after the reference time, `pending` while unreplied and not
//   yet due; compliance = met / (met + breached).
// - automation: replies sent as drafted (`auto`), drafts a person changed (`edited`), replies without a draft
//   (`manual`); rates are over replies whose mode is known.
// - review conversion: replied reviews that came with 1–4★ and whose rating after the reply is known; converted
//   when it rose.
// - A/B: per tone and per template, the win rate with a 95 % Wilson interval; a win is `outcome.win` when given,
//   else a review conversion; items with neither have no outcome and are counted apart.

export const TIMING_BUCKETS = ['<1h', '1-4h', '4-24h', '>24h'] as const;
export type TimingBucket = (typeof TIMING_BUCKETS)[number];
const PRIORITY_ORDER = ['critical', 'high', 'normal', 'low'];

export interface MetricsOptions {
	/** Milliseconds; unreplied items past their due time at this moment are SLA breaches. */
	referenceTime: number;
	/** Only items created in (periodStart, referenceTime] count; undefined = every item. */
	periodStart?: number;
}

export interface Share {
	key: string;
	count: number;
	share: number;
}

export interface SlaCounts {
	met: number;
	breached: number;
	pending: number;
	compliance: number | null;
}

export interface Variant {
	variant: string;
	n: number;
	wins: number;
	winRate: number | null;
	ci95: { low: number; high: number } | null;
	withoutOutcome: number;
}

export interface MetricsSummary {
	period: { start: string | null; end: string };
	interactions: number;
	replied: number;
	unreplied: number;
	/** Items left out because they were created outside the period. */
	outsidePeriod: number;
	byChannel: Record<string, number>;
	responseTimeMinutes: { count: number; median: number | null; p90: number | null; mean: number | null };
	timing: Array<{ bucket: TimingBucket; count: number; share: number | null }>;
	sla: SlaCounts & { byPriority: Array<SlaCounts & { priority: string }> };
	automation: { auto: number; edited: number; manual: number; unknown: number; autoRate: number | null; editedRate: number | null; manualRate: number | null };
	intents: Share[];
	emotions: Share[];
	reviewConversion: { eligible: number; converted: number; rate: number | null; ci95: { low: number; high: number } | null };
	abTests: { tone: Variant[]; template: Variant[] };
}

interface VariantCounts {
	n: number;
	wins: number;
	withoutOutcome: number;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? round4(a / b) : null);

export function timingBucket(minutes: number): TimingBucket {
	if (minutes < 60) return '<1h';
	if (minutes < 240) return '1-4h';
	if (minutes < 1440) return '4-24h';
	return '>24h';
}

function bump(map: Map<string, number>, key: string): void {
	map.set(key, (map.get(key) ?? 0) + 1);
}

function shares(map: Map<string, number>): Share[] {
	const total = [...map.values()].reduce((a, b) => a + b, 0);
	return [...map]
		.map(([key, count]) => ({ key, count, share: round4(count / total) }))
		.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export class MetricsAccumulator {
	private interactions = 0;
	private outside = 0;
	private readonly channels = new Map<string, number>();
	private responseMinutes: number[] = [];
	private readonly timing = new Map<TimingBucket, number>();
	private readonly sla = new Map<string, { met: number; breached: number; pending: number }>();
	private readonly modes = { auto: 0, edited: 0, manual: 0, unknown: 0 } as Record<ReplyMode | 'unknown', number>;
	private readonly intents = new Map<string, number>();
	private readonly emotions = new Map<string, number>();
	private conversion = { eligible: 0, converted: 0 };
	private readonly variants = { tone: new Map<string, VariantCounts>(), template: new Map<string, VariantCounts>() };

	constructor(readonly options: MetricsOptions) {
		if (!Number.isFinite(options.referenceTime)) throw new RangeError('referenceTime: not a valid date');
	}

	/** Counts one record; false when it was created outside the period. */
	add(r: MetricsRecord): boolean {
		const { periodStart, referenceTime } = this.options;
		if (periodStart !== undefined && (r.createdAt <= periodStart || r.createdAt > referenceTime)) {
			this.outside++;
			return false;
		}
		this.interactions++;
		if (r.channel) bump(this.channels, r.channel);
		if (r.intent) bump(this.intents, r.intent);
		if (r.emotion) bump(this.emotions, r.emotion);
		const replied = r.repliedAt !== undefined;
		if (replied) {
			const minutes = ((r.repliedAt as number) - r.createdAt) / 60_000;
			this.responseMinutes.push(minutes);
			const bucket = timingBucket(minutes);
			this.timing.set(bucket, (this.timing.get(bucket) ?? 0) + 1);
			this.modes[r.mode ?? 'unknown']++;
		}
		if (r.dueAt !== undefined) {
			const key = r.priority ?? 'unspecified';
			const counts = this.sla.get(key) ?? { met: 0, breached: 0, pending: 0 };
			if (replied) counts[(r.repliedAt as number) <= r.dueAt ? 'met' : 'breached']++;
			else counts[referenceTime > r.dueAt ? 'breached' : 'pending']++;
			this.sla.set(key, counts);
		}
		const conversionEligible =
			replied && (r.channel === 'review' || r.channel === undefined) && r.rating !== undefined && r.rating < 5 && r.ratingAfter !== undefined;
		const converted = conversionEligible && (r.ratingAfter as number) > (r.rating as number);
		if (conversionEligible) {
			this.conversion.eligible++;
			if (converted) this.conversion.converted++;
		}
		const win = r.win ?? (conversionEligible ? converted : undefined);
		for (const dimension of ['tone', 'template'] as const) {
			const variant = r[dimension];
			if (!variant) continue;
			const counts = this.variants[dimension].get(variant) ?? { n: 0, wins: 0, withoutOutcome: 0 };
			if (win === undefined) counts.withoutOutcome++;
			else {
				counts.n++;
				if (win) counts.wins++;
			}
			this.variants[dimension].set(variant, counts);
		}
		return true;
	}

	summary(): MetricsSummary {
		const sorted = Float64Array.from(this.responseMinutes).sort();
		const replied = sorted.length;
		const mean = replied > 0 ? sorted.reduce((a, b) => a + b, 0) / replied : null;
		const rt = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);
		const slaRows = [...this.sla]
			.map(([priority, c]) => ({ priority, ...c, compliance: ratio(c.met, c.met + c.breached) }))
			.sort((a, b) => rank(a.priority) - rank(b.priority) || a.priority.localeCompare(b.priority));
		const slaTotal = slaRows.reduce((t, c) => ({ met: t.met + c.met, breached: t.breached + c.breached, pending: t.pending + c.pending }), { met: 0, breached: 0, pending: 0 });
		const known = this.modes.auto + this.modes.edited + this.modes.manual;
		const variants = (map: Map<string, VariantCounts>): Variant[] =>
			[...map]
				.map(([variant, c]) => ({ variant, n: c.n, wins: c.wins, winRate: ratio(c.wins, c.n), ci95: roundCi(wilson(c.wins, c.n)), withoutOutcome: c.withoutOutcome }))
				.sort((a, b) => (b.winRate ?? -1) - (a.winRate ?? -1) || b.n - a.n || a.variant.localeCompare(b.variant));
		const { periodStart, referenceTime } = this.options;
		return {
			period: { start: periodStart === undefined ? null : new Date(periodStart).toISOString(), end: new Date(referenceTime).toISOString() },
			interactions: this.interactions,
			replied,
			unreplied: this.interactions - replied,
			outsidePeriod: this.outside,
			byChannel: Object.fromEntries([...this.channels].sort()),
			responseTimeMinutes: { count: replied, median: rt(quantile(sorted, 0.5)), p90: rt(quantile(sorted, 0.9)), mean: rt(mean) },
			timing: TIMING_BUCKETS.map((bucket) => ({ bucket, count: this.timing.get(bucket) ?? 0, share: ratio(this.timing.get(bucket) ?? 0, replied) })),
			sla: { ...slaTotal, compliance: ratio(slaTotal.met, slaTotal.met + slaTotal.breached), byPriority: slaRows },
			automation: {
				...this.modes,
				autoRate: ratio(this.modes.auto, known),
				editedRate: ratio(this.modes.edited, known),
				manualRate: ratio(this.modes.manual, known),
			},
			intents: shares(this.intents),
			emotions: shares(this.emotions),
			reviewConversion: {
				...this.conversion,
				rate: ratio(this.conversion.converted, this.conversion.eligible),
				ci95: roundCi(wilson(this.conversion.converted, this.conversion.eligible)),
			},
			abTests: { tone: variants(this.variants.tone), template: variants(this.variants.template) },
		};
	}
}

function rank(priority: string): number {
	const i = PRIORITY_ORDER.indexOf(priority);
	return i === -1 ? PRIORITY_ORDER.length : i;
}

function roundCi(ci: { low: number; high: number } | null): { low: number; high: number } | null {
	return ci && { low: round4(ci.low), high: round4(ci.high) };
}

/** One row per value of every dimension, for tables and charts that want flat rows. */
export function dimensionRows(s: MetricsSummary): Array<Record<string, unknown>> {
	return [
		...s.intents.map((x) => ({ dimension: 'intent', ...x })),
		...s.emotions.map((x) => ({ dimension: 'emotion', ...x })),
		...s.timing.map(({ bucket, ...x }) => ({ dimension: 'timing', key: bucket, ...x })),
		...s.sla.byPriority.map(({ priority, ...x }) => ({ dimension: 'sla', key: priority, ...x })),
		...(['auto', 'edited', 'manual', 'unknown'] as const).map((key) => ({ dimension: 'automation', key, count: s.automation[key] })),
		...s.abTests.tone.map(({ variant, ...x }) => ({ dimension: 'tone', key: variant, ...x })),
		...s.abTests.template.map(({ variant, ...x }) => ({ dimension: 'template', key: variant, ...x })),
	];
}
