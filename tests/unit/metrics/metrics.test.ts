import { MetricsAccumulator, dimensionRows, quantile, readMetricsRecord, timingBucket, wilson } from '../../../src/metrics';

const REF = Date.parse('2026-11-23T12:00:00.000Z');
const MIN = 60_000;
const hoursAgo = (h: number): string => new Date(REF - h * 60 * MIN).toISOString();
const after = (created: string, minutes: number): string => new Date(Date.parse(created) + minutes * MIN).toISOString();

function item(o: {
	channel: string;
	hours: number;
	intent?: string;
	emotion?: string;
	priority?: string;
	sla?: number;
	replyAfter?: number;
	draft?: Record<string, unknown>;
	reply?: Record<string, unknown>;
	rating?: number;
	ratingAfter?: number;
	win?: boolean;
}): Record<string, unknown> {
	const createdAt = hoursAgo(o.hours);
	const json: Record<string, unknown> = { channel: o.channel, createdAt, text: '…' };
	json.classification = { intent: o.intent, emotion: o.emotion, priority: o.priority, slaMinutes: o.sla };
	if (o.draft) json.draft = o.draft;
	if (o.replyAfter !== undefined) json.reply = { status: 'sent', sentAt: after(createdAt, o.replyAfter), ...(o.reply ?? {}) };
	else if (o.reply) json.reply = o.reply;
	if (o.rating !== undefined) json.rating = o.rating;
	if (o.ratingAfter !== undefined) json.ratingAfter = o.ratingAfter;
	if (o.win !== undefined) json.outcome = { win: o.win };
	return json;
}

// The hand-computed example (every number below is worked out in the comments, not by the code under test).
const ITEMS = [
	// 1: replied after 30 min with the draft as is (auto); 2★ → 4★ after the reply: converted, a win.
	item({ channel: 'review', hours: 48, intent: 'defect_not_working', emotion: 'frustrated', priority: 'high', sla: 240, replyAfter: 30, draft: { text: 'Очень жаль.', tone: 'empathetic', templateId: 'defect.review.empathetic' }, reply: { text: 'Очень  жаль.' }, rating: 2, ratingAfter: 4 }),
	// 2: 90 min, draft edited; 5★: no conversion to measure, no outcome.
	item({ channel: 'review', hours: 47, intent: 'thanks', emotion: 'happy', priority: 'low', sla: 1440, replyAfter: 90, draft: { text: 'Спасибо!', tone: 'friendly', templateId: 'thanks.review.friendly' }, reply: { text: 'Спасибо большое!' }, rating: 5, ratingAfter: 5 }),
	// 3: 300 min, no draft (manual); 3★ stays 3★: eligible, not converted.
	item({ channel: 'review', hours: 46, intent: 'sizing_fit', emotion: 'neutral', priority: 'normal', sla: 1440, replyAfter: 300, reply: { text: 'Ответ' }, rating: 3, ratingAfter: 3 }),
	// 4: question answered after 1500 min > 1440: SLA breached; mode given explicitly; an explicit win.
	item({ channel: 'question', hours: 30, intent: 'sizing_fit', emotion: 'neutral', priority: 'normal', sla: 1440, replyAfter: 1500, draft: { text: 'Берите M.', tone: 'formal', templateId: 'sizing_fit.question.formal' }, reply: { mode: 'auto', text: 'Берите M.' }, win: true }),
	// 5: chat, unreplied, due 9 h ago: breached.
	item({ channel: 'chat', hours: 10, intent: 'delivery_delay', emotion: 'angry', priority: 'critical', sla: 60 }),
	// 6: chat, unreplied, due in 30 min: pending.
	item({ channel: 'chat', hours: 0.5, intent: 'delivery_status', emotion: 'neutral', priority: 'critical', sla: 60 }),
	// 7: exactly 60 min: bucket 1–4 h; auto; 1★ stays 1★: eligible, a loss.
	item({ channel: 'review', hours: 20, intent: 'defect_not_working', emotion: 'angry', priority: 'high', sla: 240, replyAfter: 60, draft: { text: 'Жаль.', tone: 'empathetic', templateId: 'defect.review.empathetic' }, reply: { text: 'Жаль.' }, rating: 1, ratingAfter: 1 }),
	// 8: created 10 days ago: outside the 7-day period.
	item({ channel: 'review', hours: 240, intent: 'thanks', emotion: 'happy', priority: 'low', sla: 1440, replyAfter: 10, rating: 5 }),
	// 9: 240 min exactly: bucket 4–24 h; a reply without text next to a draft: mode unknown; no SLA; an explicit loss.
	item({ channel: 'question', hours: 5, intent: 'product_spec', emotion: 'neutral', replyAfter: 240, draft: { text: 'Хлопок.', tone: 'formal', templateId: 'product_spec.question.formal' }, win: false }),
	// 10: the reply was skipped (already sent by another run): unreplied, due in 21 h: pending.
	item({ channel: 'review', hours: 3, intent: 'thanks', emotion: 'happy', priority: 'low', sla: 1440, reply: { status: 'skipped' }, rating: 5 }),
];

describe('MetricsAccumulator on a hand-computed example', () => {
	const acc = new MetricsAccumulator({ referenceTime: REF, periodStart: REF - 7 * 24 * 60 * MIN });
	ITEMS.forEach((json, i) => acc.add(readMetricsRecord(json, i)));
	const s = acc.summary();

	it('counts the period, channels, replied and unreplied', () => {
		expect(s.period).toEqual({ start: '2026-11-16T12:00:00.000Z', end: '2026-11-23T12:00:00.000Z' });
		expect(s).toMatchObject({ interactions: 9, replied: 6, unreplied: 3, outsidePeriod: 1, byChannel: { chat: 2, question: 2, review: 5 } });
	});

	it('response time: median and p90 of 30, 60, 90, 240, 300, 1500 minutes', () => {
		// median: h = 5·0.5 = 2.5 → 90 + 0.5·(240 − 90) = 165; p90: h = 4.5 → 300 + 0.5·(1500 − 300) = 900; mean 2220/6 = 370.
		expect(s.responseTimeMinutes).toEqual({ count: 6, median: 165, p90: 900, mean: 370 });
	});

	it('timing buckets: < 1 h, 1–4 h, 4–24 h, > 24 h (a bucket holds its lower bound)', () => {
		expect(s.timing).toEqual([
			{ bucket: '<1h', count: 1, share: 0.1667 },
			{ bucket: '1-4h', count: 2, share: 0.3333 },
			{ bucket: '4-24h', count: 2, share: 0.3333 },
			{ bucket: '>24h', count: 1, share: 0.1667 },
		]);
	});

	it('SLA compliance per priority, pending items left out of the rate', () => {
		expect(s.sla).toEqual({
			met: 4,
			breached: 2,
			pending: 2,
			compliance: 0.6667,
			byPriority: [
				{ priority: 'critical', met: 0, breached: 1, pending: 1, compliance: 0 },
				{ priority: 'high', met: 2, breached: 0, pending: 0, compliance: 1 },
				{ priority: 'normal', met: 1, breached: 1, pending: 0, compliance: 0.5 },
				{ priority: 'low', met: 1, breached: 0, pending: 1, compliance: 1 },
			],
		});
	});

	it('automation rate: auto / edited draft / manual over replies with a known mode', () => {
		expect(s.automation).toEqual({ auto: 3, edited: 1, manual: 1, unknown: 1, autoRate: 0.6, editedRate: 0.2, manualRate: 0.2 });
	});

	it('intent and emotion distribution', () => {
		expect(s.intents).toEqual([
			{ key: 'defect_not_working', count: 2, share: 0.2222 },
			{ key: 'sizing_fit', count: 2, share: 0.2222 },
			{ key: 'thanks', count: 2, share: 0.2222 },
			{ key: 'delivery_delay', count: 1, share: 0.1111 },
			{ key: 'delivery_status', count: 1, share: 0.1111 },
			{ key: 'product_spec', count: 1, share: 0.1111 },
		]);
		expect(s.emotions).toEqual([
			{ key: 'neutral', count: 4, share: 0.4444 },
			{ key: 'angry', count: 2, share: 0.2222 },
			{ key: 'happy', count: 2, share: 0.2222 },
			{ key: 'frustrated', count: 1, share: 0.1111 },
		]);
	});

	it('review conversion: 1 of 3 eligible replied reviews rose, Wilson 95 % interval 0.0615–0.7923', () => {
		expect(s.reviewConversion).toEqual({ eligible: 3, converted: 1, rate: 0.3333, ci95: { low: 0.0615, high: 0.7923 } });
	});

	it('A/B win rates per tone and per template with Wilson intervals', () => {
		expect(s.abTests.tone).toEqual([
			{ variant: 'empathetic', n: 2, wins: 1, winRate: 0.5, ci95: { low: 0.0945, high: 0.9055 }, withoutOutcome: 0 },
			{ variant: 'formal', n: 2, wins: 1, winRate: 0.5, ci95: { low: 0.0945, high: 0.9055 }, withoutOutcome: 0 },
			{ variant: 'friendly', n: 0, wins: 0, winRate: null, ci95: null, withoutOutcome: 1 },
		]);
		expect(s.abTests.template).toEqual([
			{ variant: 'sizing_fit.question.formal', n: 1, wins: 1, winRate: 1, ci95: { low: 0.2065, high: 1 }, withoutOutcome: 0 },
			{ variant: 'defect.review.empathetic', n: 2, wins: 1, winRate: 0.5, ci95: { low: 0.0945, high: 0.9055 }, withoutOutcome: 0 },
			{ variant: 'product_spec.question.formal', n: 1, wins: 0, winRate: 0, ci95: { low: 0, high: 0.7935 }, withoutOutcome: 0 },
			{ variant: 'thanks.review.friendly', n: 0, wins: 0, winRate: null, ci95: null, withoutOutcome: 1 },
		]);
	});

	it('flattens every dimension into rows', () => {
		const rows = dimensionRows(s);
		expect(rows.filter((r) => r.dimension === 'intent')).toHaveLength(6);
		expect(rows.find((r) => r.dimension === 'sla' && r.key === 'normal')).toEqual({ dimension: 'sla', key: 'normal', met: 1, breached: 1, pending: 0, compliance: 0.5 });
		expect(rows.find((r) => r.dimension === 'timing' && r.key === '>24h')).toEqual({ dimension: 'timing', key: '>24h', count: 1, share: 0.1667 });
		expect(rows.filter((r) => r.dimension === 'automation').map((r) => [r.key, r.count])).toEqual([['auto', 3], ['edited', 1], ['manual', 1], ['unknown', 1]]);
		expect(rows.find((r) => r.dimension === 'template' && r.key === 'thanks.review.friendly')).toMatchObject({ n: 0, withoutOutcome: 1 });
	});

	it('an empty period has nulls, not zeros that look like measurements', () => {
		const empty = new MetricsAccumulator({ referenceTime: REF }).summary();
		expect(empty).toMatchObject({ interactions: 0, replied: 0, responseTimeMinutes: { count: 0, median: null, p90: null, mean: null }, sla: { compliance: null } });
		expect(empty.automation.autoRate).toBeNull();
		expect(empty.reviewConversion).toEqual({ eligible: 0, converted: 0, rate: null, ci95: null });
		expect(empty.period.start).toBeNull();
	});
});

describe('statistics', () => {
	it('quantile interpolates between closest ranks', () => {
		expect(quantile([], 0.5)).toBeNull();
		expect(quantile([7], 0.9)).toBe(7);
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(91, 10);
		expect(() => quantile([1], 2)).toThrow(RangeError);
	});

	it('Wilson interval matches published values', () => {
		// 8 of 10 at 95 %: 0.4902–0.9433, the textbook value (worked by hand: centre 0.7168, margin 0.2266).
		const ci = wilson(8, 10)!;
		expect(ci.low).toBeCloseTo(0.4902, 4);
		expect(ci.high).toBeCloseTo(0.9433, 4);
		expect(wilson(0, 0)).toBeNull();
		expect(wilson(0, 10)!.low).toBe(0);
	});

	it('timing buckets hold their lower bound', () => {
		expect([59.99, 60, 239.99, 240, 1439.99, 1440].map(timingBucket)).toEqual(['<1h', '1-4h', '1-4h', '4-24h', '4-24h', '>24h']);
	});
});

describe('readMetricsRecord: bad input names the field and the item', () => {
	const ok = { channel: 'review', createdAt: hoursAgo(5) };
	it.each([
		[{ channel: 'review' }, /"createdAt" is missing in item 4/],
		[{ ...ok, createdAt: 'soon' }, /"createdAt" must be an ISO date-time in item 4/],
		[{ ...ok, channel: 'mail' }, /"channel" must be one of review, question, chat in item 4/],
		[{ ...ok, reply: { status: 'sent', text: 'x' } }, /"reply.sentAt" \(when the reply was sent\) is missing in item 4/],
		[{ ...ok, reply: { sentAt: hoursAgo(6) } }, /"reply.sentAt" is before "createdAt" in item 4/],
		[{ ...ok, reply: { sentAt: hoursAgo(1), mode: 'robot' } }, /"reply.mode" must be one of auto, edited, manual in item 4/],
		[{ ...ok, rating: 0 }, /"rating" must be a whole number from 1 to 5 in item 4/],
		[{ ...ok, ratingAfter: 'five' }, /"ratingAfter" must be a whole number from 1 to 5 in item 4/],
		[{ ...ok, outcome: { win: 'yes' } }, /"outcome.win" must be true or false in item 4/],
		[{ ...ok, classification: { slaMinutes: 'soon' } }, /"classification.slaMinutes" must be a number of minutes in item 4/],
		[{ ...ok, classification: { dueAt: 'never' } }, /"classification.dueAt" must be an ISO date-time in item 4/],
	])('%# rejects %j', (json, message) => {
		expect(() => readMetricsRecord(json as Record<string, unknown>, 4)).toThrow(message);
	});

	it('prefers classification.dueAt (working hours) to createdAt + slaMinutes, and reads a flat repliedAt', () => {
		const r = readMetricsRecord({ ...ok, classification: { slaMinutes: 60, dueAt: hoursAgo(1) }, repliedAt: hoursAgo(2) }, 0);
		expect(r.dueAt).toBe(Date.parse(hoursAgo(1)));
		expect(r.repliedAt).toBe(Date.parse(hoursAgo(2)));
		expect(r.mode).toBe('manual');
		expect(readMetricsRecord({ ...ok, classification: { slaMinutes: 60 } }, 0).dueAt).toBe(Date.parse(ok.createdAt) + 60 * MIN);
	});
});
