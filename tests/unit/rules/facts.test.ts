import {
	buildFacts,
	FactsError,
	RULE_FACT_NAMES,
	RULE_FACTS,
	type FactsClassification,
	type FactsInteraction,
	type FactsOptions,
} from '../../../src/rules';
import { parseCard } from '../../../src/wb/parse';
import { normaliseChatEvent, normaliseQuestion, parseChatEvents, parseQuestion } from '../../../src/wb/normalise';
import { cardBody, chatEventsBody, feedbacksEnvelope, newQuestion } from '../wb/fixtures';

const NEUTRAL: FactsClassification = {
	intent: 'sizing_fit',
	emotion: 'neutral',
	sentiment: 'neutral',
	confidence: 0.94,
	signals: { churnRisk: false, orderNumber: null, repeatContact: 1 },
};

function sizeQuestion(): FactsInteraction {
	return normaliseQuestion(parseQuestion(feedbacksEnvelope(newQuestion())));
}

function item(overrides: Partial<FactsInteraction> = {}): FactsInteraction {
	return {
		id: 'ozon:review:1',
		marketplace: 'ozon',
		channel: 'review',
		externalId: '1',
		text: 'Хорошие кроссовки',
		createdAt: '2024-05-01T10:00:00+03:00',
		answered: false,
		raw: { id: '1' },
		...overrides,
	};
}

describe('buildFacts', () => {
	it('gives exactly the catalogue facts, with null for what the item lacks', () => {
		const question = sizeQuestion();
		const facts = buildFacts(question, NEUTRAL, new Date('2022-02-01T11:48:30Z'));
		expect(Object.keys(facts).sort()).toEqual([...RULE_FACT_NAMES].sort());
		expect(Object.keys(RULE_FACTS)).toEqual(RULE_FACT_NAMES);
		expect(facts).toMatchObject({
			id: 'wb:question:2ncBtX4B9I0UHoornoqG',
			marketplace: 'wb',
			channel: 'question',
			text: 'Какой размер взять на рост 170 и обхват груди 96?',
			rating: null,
			productId: '14917842',
			productName: 'Coffee',
			buyerId: null,
			chatId: null,
			orderNumber: null,
			answered: false,
			history: [],
			historyLength: 0,
			product: null,
			hasSizeTable: false,
			intent: 'sizing_fit',
			confidence: 0.94,
			signals: { churnRisk: false, orderNumber: null, repeatContact: 1 },
			churnRisk: false,
			repeatContact: 1,
			hasOrderNumber: false,
			textLength: 49,
			textHasLink: false,
			minutesSinceCreated: 30,
		});
		expect(facts.raw).toBe(question.raw);
	});

	it('types every fact as the catalogue says', () => {
		const chat = normaliseChatEvent(parseChatEvents(chatEventsBody()).events[1]);
		if (chat === null) throw new Error('fixture chat event is not a buyer message');
		const facts = buildFacts({ ...chat, product: parseCard(cardBody()) }, NEUTRAL, new Date('2023-10-23T06:00:00Z')) as Record<string, unknown>;
		for (const name of RULE_FACT_NAMES) {
			const spec = RULE_FACTS[name];
			const value = facts[name];
			if (value === null) {
				expect([name, spec.nullable]).toEqual([name, true]);
				continue;
			}
			const type = Array.isArray(value) ? 'array' : typeof value;
			if (spec.type !== 'any') expect([name, type]).toEqual([name, spec.type]);
			if ('values' in spec) expect(spec.values).toContain(value);
		}
	});

	it('gives null for what a plain item (not from a trigger) does not carry', () => {
		const plain = { id: '(item)', channel: 'question', text: 'Есть ли 44 размер?', createdAt: '2024-05-01T10:00:00Z' } as unknown as FactsInteraction;
		expect(buildFacts(plain, NEUTRAL, new Date('2024-05-01T10:05:00Z'))).toMatchObject({
			marketplace: null,
			externalId: null,
			answered: false,
			raw: null,
			history: [],
			minutesSinceCreated: 5,
		});
		expect(() => buildFacts({ ...plain, channel: undefined } as unknown as FactsInteraction, NEUTRAL, new Date())).toThrow(
			'Interaction "(item)": field "channel" must be review, question or chat',
		);
	});

	it('reads the size table of a product card fetched upstream', () => {
		const card = parseCard(cardBody());
		expect(buildFacts({ ...sizeQuestion(), product: card }, NEUTRAL, new Date()).hasSizeTable).toBe(true);
		expect(buildFacts({ ...sizeQuestion(), product: { ...card, sizeTable: null } }, NEUTRAL, new Date()).hasSizeTable).toBe(false);
		const noRows = { ...card, sizeTable: { columns: ['RU'], rows: [] } };
		expect(buildFacts({ ...sizeQuestion(), product: noRows }, NEUTRAL, new Date()).hasSizeTable).toBe(false);
		expect(buildFacts({ ...sizeQuestion(), product: card }, NEUTRAL, new Date()).product).toBe(card);
	});

	it('takes the chat order number and counts repeat contact from the history when the signal is missing', () => {
		const chat = item({
			channel: 'chat',
			orderNumber: '2fb52cd9e25e52538a5f05994e688ae5',
			history: [
				{ from: 'seller', text: 'Здравствуйте!', at: '2024-05-01T06:00:00Z' },
				{ from: 'buyer', text: 'Где заказ?', at: '2024-05-01T06:10:00Z' },
				{ from: 'buyer', text: 'Ответьте!', at: '2024-05-01T06:20:00Z' },
			],
		});
		const facts = buildFacts(chat, { ...NEUTRAL, signals: undefined }, new Date('2024-05-01T07:00:00Z'));
		expect(facts).toMatchObject({ historyLength: 3, repeatContact: 3, churnRisk: false, hasOrderNumber: true, orderNumber: '2fb52cd9e25e52538a5f05994e688ae5' });
		const found = buildFacts(item(), { ...NEUTRAL, signals: { orderNumber: '4523178-0012' } }, new Date());
		expect(found.hasOrderNumber).toBe(true);
		expect(found.orderNumber).toBeNull();
	});

	it.each([
		['Подписывайтесь t.me/skidki_shop', true],
		['Заходите на www.superskidki.biz', true],
		['https://example.com/x', true],
		['дешевле на shop-best.ru', true],
		['наш сайт обувь.рф', true],
		['Размер 2.5, т.е. маломерит', false],
		['Подойдёт к iPhone 15 Pro?', false],
		['Спасибо!!! 5 из 5.', false],
		['', false],
	])('textHasLink of %j is %s', (text, expected) => {
		expect(buildFacts(item({ text }), NEUTRAL, new Date()).textHasLink).toBe(expected);
	});

	it('measures the text without surrounding spaces', () => {
		expect(buildFacts(item({ text: '   \n' }), NEUTRAL, new Date()).textLength).toBe(0);
		expect(buildFacts(item({ text: ' брак ' }), NEUTRAL, new Date()).textLength).toBe(4);
	});

	it('refuses bad input, naming the item and the field', () => {
		const now = new Date();
		expect(() => buildFacts(item({ createdAt: 'вчера' }), NEUTRAL, now)).toThrow('Interaction "ozon:review:1": field "createdAt" must be an ISO date-time (got "вчера")');
		expect(() => buildFacts(item({ createdAt: '2024-02-30T10:00:00Z' }), NEUTRAL, now)).toThrow(FactsError);
		expect(() => buildFacts(item({ rating: '5' as unknown as number }), NEUTRAL, now)).toThrow('field "rating" must be a number 1–5 (got "5")');
		expect(() => buildFacts(item({ text: undefined as unknown as string }), NEUTRAL, now)).toThrow('field "text" must be a string');
		expect(() => buildFacts(item({ history: {} as unknown as [] }), NEUTRAL, now)).toThrow('field "history" must be a list');
		expect(() => buildFacts(item({ buyerName: 7 as unknown as string }), NEUTRAL, now)).toThrow('field "buyerName" must be a string (got number)');
		expect(() => buildFacts(item(), null as unknown as FactsClassification, now)).toThrow('field "classification" must be an object');
		expect(() => buildFacts(item(), NEUTRAL, new Date('nope'))).toThrow('field "now" is not a valid date');
		const error = (() => {
			try {
				buildFacts(item({ createdAt: 'x' }), NEUTRAL, now);
			} catch (caught) {
				return caught as FactsError;
			}
			throw new Error('expected an error');
		})();
		expect(error.field).toBe('createdAt');
	});
});

describe('time facts', () => {
	function time(now: string, options?: Partial<FactsOptions>, createdAt = '2024-05-01T00:00:00Z') {
		const { minutesSinceCreated, hourOfDay, weekday, insideWorkingHours } = buildFacts(item({ createdAt }), NEUTRAL, new Date(now), options);
		return { minutesSinceCreated, hourOfDay, weekday, insideWorkingHours };
	}

	it('are read in Moscow by default, inside 09:00–21:00 every day', () => {
		// Wednesday 1 May 2024
		expect(time('2024-05-01T06:30:00Z')).toEqual({ minutesSinceCreated: 390, hourOfDay: 9, weekday: 3, insideWorkingHours: true });
		expect(time('2024-05-01T05:59:00Z').insideWorkingHours).toBe(false);
		expect(time('2024-05-01T17:59:00Z').insideWorkingHours).toBe(true);
		// 21:00 is the end: outside
		expect(time('2024-05-01T18:00:00Z').insideWorkingHours).toBe(false);
	});

	it('follow the seller time zone, including the day of the week', () => {
		expect(time('2024-05-01T06:30:00Z', { timezone: 'Asia/Vladivostok' })).toMatchObject({ hourOfDay: 16, insideWorkingHours: true });
		expect(time('2024-05-01T06:30:00Z', { timezone: 'Europe/Kaliningrad' })).toMatchObject({ hourOfDay: 8, insideWorkingHours: false });
		// Sunday 22:00 UTC is Monday 01:00 in Moscow
		expect(time('2024-05-05T22:00:00Z', { timezone: 'UTC' })).toMatchObject({ weekday: 7, hourOfDay: 22 });
		expect(time('2024-05-05T22:00:00Z')).toMatchObject({ weekday: 1, hourOfDay: 1 });
		// Berlin switches to summer time at 01:00 UTC on 31 March 2024
		expect(time('2024-03-31T00:30:00Z', { timezone: 'Europe/Berlin' }, '2024-03-30T00:00:00Z').hourOfDay).toBe(1);
		expect(time('2024-03-31T01:30:00Z', { timezone: 'Europe/Berlin' }, '2024-03-30T00:00:00Z').hourOfDay).toBe(3);
	});

	it('honour working days, a window over midnight and 24:00', () => {
		const weekdays = { timezone: 'Europe/Moscow', workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' } };
		expect(time('2024-05-03T10:00:00Z', weekdays)).toMatchObject({ weekday: 5, insideWorkingHours: true });
		expect(time('2024-05-04T10:00:00Z', weekdays)).toMatchObject({ weekday: 6, insideWorkingHours: false });
		const night = { workingHours: { days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '06:00' } };
		expect(time('2024-05-01T20:30:00Z', night).insideWorkingHours).toBe(true);
		expect(time('2024-05-01T02:59:00Z', night).insideWorkingHours).toBe(true);
		expect(time('2024-05-01T03:00:00Z', night).insideWorkingHours).toBe(false);
		expect(time('2024-05-01T12:00:00Z', night).insideWorkingHours).toBe(false);
		const allDay = { workingHours: { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' } };
		expect(time('2024-05-01T20:59:00Z', allDay).insideWorkingHours).toBe(true);
	});

	it('count whole minutes since createdAt, read in the seller zone when it has no offset', () => {
		expect(time('2024-05-01T07:30:00Z', undefined, '2024-05-01T10:00:00').minutesSinceCreated).toBe(30);
		expect(time('2024-05-01T07:30:00Z', { timezone: 'UTC' }, '2024-05-01T10:00:00').minutesSinceCreated).toBe(0);
		expect(time('2024-05-01T07:30:59Z', undefined, '2024-05-01T07:00:00.500Z').minutesSinceCreated).toBe(30);
		expect(time('2024-05-01T07:30:00Z', undefined, '2024-05-01T10:29:00+03:00').minutesSinceCreated).toBe(1);
		expect(time('2024-05-01T07:30:00Z', undefined, '2024-05-01T10:29:00+0300').minutesSinceCreated).toBe(1);
		// WB sends nanoseconds
		expect(time('2022-02-01T11:48:08.769Z', undefined, '2022-02-01T11:18:08.769513469Z').minutesSinceCreated).toBe(30);
		expect(time('2024-05-01T07:30:00Z', undefined, '2024-05-01').minutesSinceCreated).toBe(3 * 60 + 7 * 60 + 30);
	});

	it.each([
		[{ timezone: 'Mars/Olympus' }, 'field "options.timezone" must be an IANA time zone'],
		[{ workingHours: { days: [0, 1], start: '09:00', end: '18:00' } }, 'field "options.workingHours.days" must be a list of days 1 (Monday) … 7 (Sunday)'],
		[{ workingHours: { days: [1], start: '9:00', end: '18:00' } }, `field "options.workingHours.start" must be a time 'HH:mm' (got "9:00")`],
		[{ workingHours: { days: [1], start: '09:00', end: '24:30' } }, 'field "options.workingHours.end" must be a time'],
		[{ workingHours: { days: [1], start: '09:00', end: '09:00' } }, 'start and end are equal'],
	])('refuse bad options %j', (options, message) => {
		expect(() => buildFacts(item(), NEUTRAL, new Date(), options as Partial<FactsOptions>)).toThrow(message);
	});
});
