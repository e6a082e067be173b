import type { QualityEvent } from './input';
import { DEFAULT_NEGATIVE_OPTIONS, isNegative, type NegativeOptions } from './negative';
import { makePeriods, windowOf, type Periods } from './period';
import { CONFIDENCE_LEVELS, DEFAULT_SPIKE_OPTIONS, evaluateSpike, isConfidenceLevel, type SpikeOptions } from './spike';
import { COMPLAINT_TOPICS, QUESTION_SUGGESTIONS, QUESTION_TOPICS, complaintTopics, questionTopic, type ComplaintTopic, type QuestionTopic } from './topics';

// A streaming aggregator: reviews and questions go in one at a time and only per-product counters and a few
// recent quotes stay, so memory grows with the number of products, never with the number of reviews
// (tests/bench/quality.bench.js measures it). Every report is computed from these counters at the end.

export interface QualityOptions {
	/** Milliseconds since the epoch; the current window ends here. */
	referenceTime: number;
	windowDays: number;
	spike: SpikeOptions;
	negative: NegativeOptions;
	/** Example quotes kept per product (the most recent negative reviews with text). */
	quotesPerProduct: number;
	/** Longer quotes are cut to this many characters. */
	quoteLength: number;
}

export const DEFAULT_QUALITY_OPTIONS: Omit<QualityOptions, 'referenceTime'> = {
	windowDays: 7,
	spike: DEFAULT_SPIKE_OPTIONS,
	negative: DEFAULT_NEGATIVE_OPTIONS,
	quotesPerProduct: 3,
	quoteLength: 300,
};

export interface Quote {
	id?: string;
	text: string;
	rating?: number;
	createdAt: string;
	topics?: string[];
}

interface StoredQuote {
	id?: string;
	text: string;
	rating?: number;
	createdAt: number;
	topics?: string[];
}

interface ProductState {
	productId: string;
	productName?: string;
	reviews: number;
	negative: number;
	ratingSum: number;
	rated: number;
	previousReviews: number;
	previousNegative: number;
	/** Negative reviews of the current window per complaint topic, indexed as COMPLAINT_TOPICS: fixed size. */
	topics: Uint32Array;
	quotes?: StoredQuote[];
	questions: number;
	/** Current-window questions per topic, indexed as QUESTION_TOPICS; created with the first question. */
	questionTopics?: Uint32Array;
	questionExamples?: StoredQuote[];
}

export interface TopicCount<T extends string = string> {
	topic: T;
	count: number;
	share: number;
}

export interface ProductQuality {
	productId: string;
	productName?: string;
	reviews: number;
	negative: number;
	negativeShare: number;
	previousReviews: number;
	previousNegative: number;
	previousShare: number;
	/** Relative growth of the negative share (see spike.ts); null when the current window has no review. */
	growth: number | null;
	baseline: 'previous' | 'floor' | 'none';
	/** Test statistic of the rise (see spike.ts): about 1.6 or more is unlikely to be chance. */
	z: number | null;
	averageRating: number | null;
	topTopics: TopicCount<ComplaintTopic>[];
	quotes: Quote[];
}

export interface QualityAlert extends ProductQuality {
	type: 'quality_spike';
	period: { key: string; start: string; end: string };
	previousPeriod: { start: string; end: string };
	threshold: number;
	minReviews: number;
	/** Confidence level of the significance check (0 = off). */
	confidence: number;
	/** productId + period key: what "once per product per period" is recorded under. */
	dedupeKey: string;
	summary: string;
}

export interface ProblemProduct extends ProductQuality {
	rank: number;
	spike: boolean;
}

export interface QuestionTopicsReport {
	productId: string;
	productName?: string;
	questions: number;
	topics: Array<TopicCount<QuestionTopic> & { suggestion: string }>;
	topTopic: QuestionTopic;
	topShare: number;
	suggestion: string;
	examples: Quote[];
}

export interface AggregatorStats {
	added: number;
	currentReviews: number;
	previousReviews: number;
	questions: number;
	/** Outside both windows, or chats (neither reviews nor questions). */
	skipped: number;
	products: number;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;
// Plain code-unit order for ids: stable and fast (localeCompare is ICU collation, far slower on 10,000s of products).
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keeps the `limit` most recent quotes (the first seen wins a tie), in a small array. */
function keepRecent(list: StoredQuote[], quote: StoredQuote, limit: number): void {
	if (limit <= 0) return;
	if (list.length < limit) {
		list.push(quote);
		return;
	}
	let oldest = 0;
	for (let i = 1; i < list.length; i++) if (list[i].createdAt < list[oldest].createdAt) oldest = i;
	if (quote.createdAt > list[oldest].createdAt) list[oldest] = quote;
}

function outQuotes(list: StoredQuote[] | undefined): Quote[] {
	if (!list) return [];
	return [...list]
		.sort((a, b) => b.createdAt - a.createdAt)
		.map((q) => ({
			...(q.id !== undefined ? { id: q.id } : {}),
			text: q.text,
			...(q.rating !== undefined ? { rating: q.rating } : {}),
			createdAt: new Date(q.createdAt).toISOString(),
			...(q.topics ? { topics: q.topics } : {}),
		}));
}

const COMPLAINT_INDEX = Object.fromEntries(COMPLAINT_TOPICS.map((t, i) => [t, i])) as Record<ComplaintTopic, number>;
const QUESTION_INDEX = Object.fromEntries(QUESTION_TOPICS.map((t, i) => [t, i])) as Record<QuestionTopic, number>;

/** Topics with a count, most frequent first (ties in the order of the topic list). */
function ranked<T extends string>(counts: Uint32Array | undefined, order: readonly T[], total: number): TopicCount<T>[] {
	if (!counts || total === 0) return [];
	const out: TopicCount<T>[] = [];
	for (let i = 0; i < order.length; i++) if (counts[i] > 0) out.push({ topic: order[i], count: counts[i], share: round(counts[i] / total) });
	return out.sort((a, b) => b.count - a.count || order.indexOf(a.topic) - order.indexOf(b.topic));
}

export class QualityAggregator {
	readonly options: QualityOptions;
	readonly periods: Periods;
	private readonly byProduct = new Map<string, ProductState>();
	private readonly counters = { added: 0, currentReviews: 0, previousReviews: 0, questions: 0, skipped: 0 };

	constructor(options: Partial<QualityOptions> & { referenceTime: number }) {
		this.options = { ...DEFAULT_QUALITY_OPTIONS, ...options };
		validateOptions(this.options);
		this.periods = makePeriods(this.options.referenceTime, this.options.windowDays);
	}

	/** Counts one review or question; returns the window it fell into (null: not counted). */
	add(event: QualityEvent): 'current' | 'previous' | null {
		this.counters.added++;
		if (event.channel === 'chat') {
			this.counters.skipped++;
			return null;
		}
		const window = windowOf(this.periods, event.createdAt);
		if (window === null || (event.channel === 'question' && window === 'previous')) {
			this.counters.skipped++;
			return null;
		}
		const state = this.product(event);
		if (event.channel === 'question') {
			this.counters.questions++;
			state.questions++;
			(state.questionTopics ??= new Uint32Array(QUESTION_TOPICS.length))[QUESTION_INDEX[questionTopic(event.intent)]]++;
			if (event.text.trim()) {
				keepRecent((state.questionExamples ??= []), this.quote(event), this.options.quotesPerProduct);
			}
			return window;
		}
		const negative = isNegative(event, this.options.negative);
		if (window === 'previous') {
			this.counters.previousReviews++;
			state.previousReviews++;
			if (negative) state.previousNegative++;
			return window;
		}
		this.counters.currentReviews++;
		state.reviews++;
		if (event.rating !== undefined) {
			state.ratingSum += event.rating;
			state.rated++;
		}
		if (negative) {
			state.negative++;
			const topics = complaintTopics(event.intent, event.text);
			for (const t of topics) state.topics[COMPLAINT_INDEX[t]]++;
			if (event.text.trim()) keepRecent((state.quotes ??= []), { ...this.quote(event), topics }, this.options.quotesPerProduct);
		}
		return window;
	}

	get stats(): AggregatorStats {
		return { ...this.counters, products: this.byProduct.size };
	}

	/** One alert per product whose negative share grew past the threshold; the largest growth first. */
	spikes(): QualityAlert[] {
		const { spike } = this.options;
		const alerts: QualityAlert[] = [];
		for (const state of this.byProduct.values()) {
			const result = evaluateSpike({ reviews: state.reviews, negative: state.negative }, { reviews: state.previousReviews, negative: state.previousNegative }, spike);
			if (!result.fires) continue;
			const quality = this.quality(state);
			const period = this.periodBounds();
			alerts.push({
				type: 'quality_spike',
				...quality,
				...period,
				threshold: spike.threshold,
				minReviews: spike.minReviews,
				confidence: spike.confidence ?? 0,
				dedupeKey: `${state.productId}|${period.period.key}`,
				summary: summarise(quality),
			});
		}
		return alerts.sort((a, b) => (b.growth ?? 0) - (a.growth ?? 0) || b.negative - a.negative || byId(a.productId, b.productId));
	}

	/**
	 * Products with negative reviews in the current window and at least the minimum reviews, ranked by the
	 * number of negative reviews (what buyers see most) or by their share.
	 */
	topProblemProducts(limit: number, rankBy: 'negative' | 'share' = 'negative'): ProblemProduct[] {
		const { spike } = this.options;
		const candidates = [...this.byProduct.values()].filter((s) => s.negative > 0 && s.reviews >= Math.max(1, spike.minReviews));
		const share = (s: ProductState): number => s.negative / s.reviews;
		candidates.sort((a, b) =>
			rankBy === 'share'
				? share(b) - share(a) || b.negative - a.negative || byId(a.productId, b.productId)
				: b.negative - a.negative || share(b) - share(a) || byId(a.productId, b.productId),
		);
		return candidates.slice(0, Math.max(0, limit)).map((state, i) => ({
			rank: i + 1,
			...this.quality(state),
			spike: evaluateSpike({ reviews: state.reviews, negative: state.negative }, { reviews: state.previousReviews, negative: state.previousNegative }, spike).fires,
		}));
	}

	/** Per product: the share of its current-window questions per topic, and what to add to the card. */
	questionTopics(minQuestions = 1): QuestionTopicsReport[] {
		const reports: QuestionTopicsReport[] = [];
		for (const state of this.byProduct.values()) {
			if (state.questions === 0 || state.questions < minQuestions) continue;
			const topics = ranked(state.questionTopics, QUESTION_TOPICS, state.questions).map((t) => ({ ...t, suggestion: QUESTION_SUGGESTIONS[t.topic] }));
			reports.push({
				productId: state.productId,
				...(state.productName !== undefined ? { productName: state.productName } : {}),
				questions: state.questions,
				topics,
				topTopic: topics[0].topic,
				topShare: topics[0].share,
				suggestion: topics[0].suggestion,
				examples: outQuotes(state.questionExamples),
			});
		}
		return reports.sort((a, b) => b.questions - a.questions || byId(a.productId, b.productId));
	}

	periodBounds(): Pick<QualityAlert, 'period' | 'previousPeriod'> {
		const p = this.periods;
		const iso = (ms: number): string => new Date(ms).toISOString();
		return {
			period: { key: p.key, start: iso(p.currentStart), end: iso(p.referenceTime) },
			previousPeriod: { start: iso(p.previousStart), end: iso(p.currentStart) },
		};
	}

	private product(event: QualityEvent): ProductState {
		let state = this.byProduct.get(event.productId);
		if (!state) {
			state = {
				productId: event.productId,
				reviews: 0,
				negative: 0,
				ratingSum: 0,
				rated: 0,
				previousReviews: 0,
				previousNegative: 0,
				questions: 0,
				topics: new Uint32Array(COMPLAINT_TOPICS.length),
			};
			this.byProduct.set(event.productId, state);
		}
		if (event.productName && state.productName === undefined) state.productName = event.productName;
		return state;
	}

	private quote(event: QualityEvent): StoredQuote {
		const text = event.text.trim();
		const max = this.options.quoteLength;
		return {
			...(event.id !== undefined ? { id: event.id } : {}),
			// Copied out of the input string, so a kept quote does not keep a whole large input text alive.
			text: text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text.slice(0),
			...(event.rating !== undefined ? { rating: event.rating } : {}),
			createdAt: event.createdAt,
		};
	}

	private quality(state: ProductState): ProductQuality {
		const result = evaluateSpike(
			{ reviews: state.reviews, negative: state.negative },
			{ reviews: state.previousReviews, negative: state.previousNegative },
			this.options.spike,
		);
		return {
			productId: state.productId,
			...(state.productName !== undefined ? { productName: state.productName } : {}),
			reviews: state.reviews,
			negative: state.negative,
			negativeShare: round(result.currentShare),
			previousReviews: state.previousReviews,
			previousNegative: state.previousNegative,
			previousShare: round(result.previousShare),
			growth: result.growth === null ? null : round(result.growth),
			baseline: result.baseline,
			z: result.z === null || !Number.isFinite(result.z) ? null : Math.round(result.z * 100) / 100,
			averageRating: state.rated > 0 ? Math.round((state.ratingSum / state.rated) * 100) / 100 : null,
			topTopics: ranked(state.topics, COMPLAINT_TOPICS, state.negative),
			quotes: outQuotes(state.quotes),
		};
	}
}

function pct(x: number): string {
	return `${Math.round(x * 100)}%`;
}

function summarise(q: ProductQuality): string {
	const name = q.productName ? `${q.productName} (${q.productId})` : q.productId;
	const before = q.baseline === 'none' ? 'no reviews in the previous period' : `${pct(q.previousShare)} (${q.previousNegative} of ${q.previousReviews})`;
	const topics = q.topTopics.slice(0, 3).map((t) => `${t.topic} ${t.count}`).join(', ');
	return `Negative reviews of ${name}: ${pct(q.negativeShare)} (${q.negative} of ${q.reviews}) against ${before}${topics ? `; top complaints: ${topics}` : ''}`;
}

export function validateOptions(o: QualityOptions): void {
	const fail = (field: string, message: string): never => {
		throw new RangeError(`${field}: ${message}`);
	};
	if (!Number.isFinite(o.referenceTime)) fail('referenceTime', 'not a valid date');
	if (!(o.windowDays > 0)) fail('windowDays', `must be more than 0 (got ${o.windowDays})`);
	if (!Number.isFinite(o.spike.threshold) || o.spike.threshold <= 0) fail('threshold', `must be more than 0 (got ${o.spike.threshold})`);
	if (!Number.isInteger(o.spike.minReviews) || o.spike.minReviews < 1) fail('minReviews', `must be a whole number of at least 1 (got ${o.spike.minReviews})`);
	if (o.spike.confidence !== undefined && !isConfidenceLevel(o.spike.confidence)) fail('confidence', `must be one of ${CONFIDENCE_LEVELS.join(', ')} (got ${o.spike.confidence})`);
	if (!(o.spike.baselineFloor > 0 && o.spike.baselineFloor <= 1)) fail('baselineFloor', `must be more than 0 and at most 1 (got ${o.spike.baselineFloor})`);
	if (!Number.isInteger(o.negative.maxRating) || o.negative.maxRating < 1 || o.negative.maxRating > 5) {
		fail('negativeMaxRating', `must be a whole number from 1 to 5 (got ${o.negative.maxRating})`);
	}
	if (!Number.isInteger(o.quotesPerProduct) || o.quotesPerProduct < 0) fail('quotesPerProduct', `must be a whole number of 0 or more (got ${o.quotesPerProduct})`);
	if (!Number.isInteger(o.quoteLength) || o.quoteLength < 10) fail('quoteLength', `must be a whole number of at least 10 (got ${o.quoteLength})`);
}
