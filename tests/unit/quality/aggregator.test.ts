import { QualityAggregator, readQualityEvent, complaintTopics, isNegative, periodKey, makePeriods } from '../../../src/quality';
import { REF, DAY, at, review, reviews, question } from './helpers';

function aggregate(items: Array<Record<string, unknown>>, options: Record<string, unknown> = {}) {
	const agg = new QualityAggregator({ referenceTime: REF, ...options });
	items.forEach((json, i) => agg.add(readQualityEvent(json, i)));
	return agg;
}

describe('QualityAggregator: windows', () => {
	it('splits by (ref − 7d, ref] and (ref − 14d, ref − 7d]; items outside and chats are skipped', () => {
		const agg = aggregate([
			review('A', 0), // exactly at the reference time: current
			review('A', 7), // exactly 7 days before: previous
			review('A', 6.999),
			review('A', 14), // exactly 14 days before: outside
			review('A', -0.001), // after the reference time: outside
			{ ...review('A', 1), channel: 'chat' },
			question('A', 8, 'sizing_fit'), // a question of the previous window: not counted
		]);
		expect(agg.stats).toEqual({ added: 7, currentReviews: 2, previousReviews: 1, questions: 0, skipped: 4, products: 1 });
	});

	it('names the alert period by fixed Monday-based blocks, so a sliding window keeps one key per week', () => {
		expect(periodKey(REF, 7 * DAY)).toBe('2026-11-23T00:00:00.000Z');
		expect(periodKey(REF + 6 * DAY, 7 * DAY)).toBe('2026-11-23T00:00:00.000Z');
		expect(periodKey(REF + 7 * DAY, 7 * DAY)).toBe('2026-11-30T00:00:00.000Z');
		expect(periodKey(REF - 13 * 3600_000, 7 * DAY)).toBe('2026-11-16T00:00:00.000Z');
		expect(makePeriods(REF, 1).key).toBe('2026-11-23T00:00:00.000Z');
		expect(() => makePeriods(REF, 0)).toThrow(/more than 0 days/);
	});
});

describe('QualityAggregator: spikes', () => {
	it('alerts the product whose negative share grew, with counts, shares, topics and quotes', () => {
		const items = [
			...reviews('A', 'previous', 20, 2), // 10 %
			...reviews('A', 'current', 20, 8), // 40 %: +300 %
			...reviews('B', 'previous', 20, 4), // 20 %
			...reviews('B', 'current', 20, 5), // 25 %: +25 %, below
			...reviews('C', 'current', 9, 9), // too few reviews
		];
		const alerts = aggregate(items).spikes();
		expect(alerts).toHaveLength(1);
		const a = alerts[0];
		expect(a).toMatchObject({
			type: 'quality_spike',
			productId: 'A',
			reviews: 20,
			negative: 8,
			negativeShare: 0.4,
			previousReviews: 20,
			previousNegative: 2,
			previousShare: 0.1,
			growth: 3,
			baseline: 'previous',
			threshold: 0.3,
			minReviews: 10,
			averageRating: 3.4,
			period: { key: '2026-11-23T00:00:00.000Z', start: at(7), end: at(0) },
			previousPeriod: { start: at(14), end: at(7) },
			dedupeKey: 'A|2026-11-23T00:00:00.000Z',
			topTopics: [{ topic: 'defect', count: 8, share: 1 }],
		});
		expect(a.quotes).toHaveLength(3);
		expect(a.summary).toBe('Negative reviews of A: 40% (8 of 20) against 10% (2 of 20); top complaints: defect 8');
	});

	it('orders alerts by growth and counts complaint topics, smell and packaging included', () => {
		const items = [
			...reviews('P', 'previous', 10, 1),
			review('P', 1, { negative: true, intent: 'quality_complaint', text: 'Ужасный запах химии' }),
			review('P', 1.5, { negative: true, intent: 'quality_complaint', text: 'Воняет, тонкая ткань' }),
			review('P', 2, { negative: true, intent: 'wrong_item', text: 'Прислали не тот цвет, коробка мятая' }),
			review('P', 2.5, { negative: true, intent: 'sizing_fit', text: 'Маломерит сильно' }),
			review('P', 3, { negative: true, intent: 'sizing_fit', text: 'Маломерит на размер' }),
			review('P', 3.5, { negative: true, intent: 'quality_complaint', text: 'Катышки после стирки' }),
			...reviews('P', 'current', 4, 0),
			...reviews('Q', 'previous', 20, 2),
			...reviews('Q', 'current', 20, 7),
		];
		const alerts = aggregate(items).spikes();
		expect(alerts.map((x) => x.productId)).toEqual(['P', 'Q']);
		expect(alerts[0].topTopics).toEqual([
			{ topic: 'smell', count: 2, share: 0.3333 },
			{ topic: 'size', count: 2, share: 0.3333 },
			{ topic: 'wrong_item', count: 1, share: 0.1667 },
			{ topic: 'quality', count: 1, share: 0.1667 },
			{ topic: 'packaging', count: 1, share: 0.1667 },
		]);
		// The three most recent negative quotes, newest first, with their topics.
		expect(alerts[0].quotes.map((q) => [q.text, q.topics])).toEqual([
			['Ужасный запах химии', ['smell']],
			['Воняет, тонкая ткань', ['smell']],
			['Прислали не тот цвет, коробка мятая', ['wrong_item', 'packaging']],
		]);
	});

	it('keeps quotes bounded and cut to the quote length', () => {
		const long = 'Брак. '.repeat(100);
		const items = Array.from({ length: 500 }, (_, i) => review('L', (i % 60) / 10, { negative: true, text: `${i} ${long}` }));
		const a = aggregate(items, { quotesPerProduct: 2, quoteLength: 40 }).spikes()[0];
		expect(a.quotes).toHaveLength(2);
		for (const q of a.quotes) expect(q.text.length).toBeLessThanOrEqual(40);
		expect(a.quotes[0].text.endsWith('…')).toBe(true);
		// The newest reviews are 0 days ago: indexes 0, 60, 120 …; the first seen of a tie is kept.
		expect(a.quotes.map((q) => q.createdAt)).toEqual([at(0), at(0)]);
		expect(a.quotes.map((q) => q.text.split(' ')[0])).toEqual(['0', '60']);
	});

	it('reads the negative rule: sentiment or low rating by default, rating only, sentiment only', () => {
		const lowRatingPositiveText = { sentiment: 'positive', rating: 2 } as const;
		const negativeText5Stars = { sentiment: 'negative', rating: 5 } as const;
		expect(isNegative(lowRatingPositiveText)).toBe(true);
		expect(isNegative(negativeText5Stars)).toBe(true);
		expect(isNegative({ sentiment: 'neutral', rating: 3 })).toBe(false);
		expect(isNegative(lowRatingPositiveText, { rule: 'sentiment', maxRating: 2 })).toBe(false);
		expect(isNegative(negativeText5Stars, { rule: 'rating', maxRating: 2 })).toBe(false);
		expect(isNegative({ sentiment: 'negative' }, { rule: 'rating', maxRating: 2 })).toBe(true);
		expect(isNegative({ sentiment: 'neutral', rating: 3 }, { rule: 'rating', maxRating: 3 })).toBe(true);
	});

	it('classifies items that come without a classification with the offline classifier', () => {
		const plain = (text: string, rating: number, daysAgo: number) => ({ productId: 777, text, rating, createdAt: at(daysAgo) });
		const items = [
			...Array.from({ length: 10 }, (_, i) => plain('Отличное качество, всё понравилось, рекомендую', 5, 8 + i * 0.1)),
			...Array.from({ length: 6 }, (_, i) => plain('Отличное качество, всё понравилось, рекомендую', 5, 1 + i * 0.1)),
			...Array.from({ length: 4 }, (_, i) => plain('Пришёл брак, молния сломана, не работает', 1, 2 + i * 0.1)),
		];
		const [alert] = aggregate(items).spikes();
		expect(alert).toMatchObject({ productId: '777', reviews: 10, negative: 4, previousNegative: 0, baseline: 'floor' });
		expect(alert.topTopics[0]).toEqual({ topic: 'defect', count: 4, share: 1 });
	});
});

describe('QualityAggregator: top problem products and question topics', () => {
	it('ranks products by negative reviews (or their share) among those with the minimum reviews', () => {
		const items = [...reviews('A', 'current', 100, 25), ...reviews('B', 'current', 10, 6), ...reviews('C', 'current', 30, 20), ...reviews('D', 'current', 5, 5), ...reviews('E', 'current', 40, 0)];
		const agg = aggregate(items);
		const byCount = agg.topProblemProducts(10);
		expect(byCount.map((p) => [p.rank, p.productId, p.negative, p.negativeShare])).toEqual([
			[1, 'A', 25, 0.25],
			[2, 'C', 20, 0.6667],
			[3, 'B', 6, 0.6],
		]);
		expect(agg.topProblemProducts(2, 'share').map((p) => p.productId)).toEqual(['C', 'B']);
		expect(byCount.every((p) => p.spike)).toBe(true); // none had reviews before: growth against the floor
	});

	it('reports the share of questions per topic with a card suggestion, e.g. 90 % about size', () => {
		const items = [
			...Array.from({ length: 9 }, (_, i) => question('S', 1 + i * 0.1, 'sizing_fit', `Какой размер взять на рост ${160 + i}?`)),
			question('S', 2, 'product_spec', 'Какой состав?'),
			question('T', 1, 'compatibility'),
			question('T', 1, 'compatibility'),
			question('U', 1, 'availability'),
		];
		const reports = aggregate(items, { quotesPerProduct: 2 }).questionTopics(2);
		expect(reports.map((r) => r.productId)).toEqual(['S', 'T']);
		expect(reports[0]).toMatchObject({
			questions: 10,
			topTopic: 'size',
			topShare: 0.9,
			topics: [
				{ topic: 'size', count: 9, share: 0.9 },
				{ topic: 'spec', count: 1, share: 0.1 },
			],
		});
		expect(reports[0].suggestion).toMatch(/size table/);
		expect(reports[0].examples.map((e) => e.text)).toEqual(['Какой размер взять на рост 160?', 'Какой размер взять на рост 161?']);
	});
});

describe('complaint topics from intents', () => {
	it('maps the taxonomy intents and the smell and packaging cues', () => {
		expect(complaintTopics('defect_not_working', 'Сломался')).toEqual(['defect']);
		expect(complaintTopics('wrong_item', 'Пустая коробка')).toEqual(['wrong_item', 'packaging']);
		expect(complaintTopics('quality_complaint', 'Пахнет резиной')).toEqual(['smell']);
		expect(complaintTopics('defect_not_working', 'Треснул, и ещё запах')).toEqual(['defect', 'smell']);
		expect(complaintTopics('other', 'Упаковка порвана')).toEqual(['packaging']);
		expect(complaintTopics('delivery_delay', 'Неделю жду')).toEqual(['delivery']);
		expect(complaintTopics('refund_exchange', 'Верну')).toEqual(['return']);
		expect(complaintTopics('thanks', 'Ок')).toEqual(['other']);
	});
});

describe('readQualityEvent: bad input names the field and the item', () => {
	const ok = { productId: 'A', text: 'Брак', rating: 1, createdAt: at(1) };
	it.each([
		[{ ...ok, productId: undefined }, /"productId" is missing in item 3/],
		[{ ...ok, productId: { x: 1 } }, /"productId" must be a string or a number in item 3/],
		[{ ...ok, createdAt: 'yesterday' }, /"createdAt" must be an ISO date-time in item 3/],
		[{ ...ok, createdAt: undefined }, /"createdAt" is missing in item 3/],
		[{ ...ok, rating: 7 }, /"rating" must be a whole number from 1 to 5 in item 3/],
		[{ ...ok, text: 5 }, /"text" must be a string in item 3/],
		[{ ...ok, channel: 'email' }, /"channel" must be one of review, question, chat in item 3/],
		[{ ...ok, classification: { intent: 'broken', sentiment: 'negative' } }, /"classification.intent" is not a known intent in item 3/],
		[{ ...ok, classification: { intent: 'thanks', sentiment: 'bad' } }, /"classification.sentiment" must be one of/],
	])('%# rejects %j', (json, message) => {
		expect(() => readQualityEvent(json as Record<string, unknown>, 3)).toThrow(message);
	});

	it('accepts WB nmId as the product id and defaults the channel to review', () => {
		expect(readQualityEvent({ nmId: 123, text: 'Брак', createdAt: at(1), classification: { intent: 'defect_not_working', sentiment: 'negative' } }, 0)).toMatchObject({
			productId: '123',
			channel: 'review',
			intent: 'defect_not_working',
		});
	});

	it('rejects invalid aggregator options with the option name', () => {
		expect(() => new QualityAggregator({ referenceTime: NaN })).toThrow(/referenceTime/);
		expect(() => new QualityAggregator({ referenceTime: REF, spike: { threshold: 0.3, minReviews: 0, baselineFloor: 0.05 } })).toThrow(/minReviews/);
		expect(() => new QualityAggregator({ referenceTime: REF, spike: { threshold: 0.3, minReviews: 5, baselineFloor: 0 } })).toThrow(/baselineFloor/);
		expect(() => new QualityAggregator({ referenceTime: REF, negative: { rule: 'sentimentOrRating', maxRating: 6 } })).toThrow(/negativeMaxRating/);
	});
});
