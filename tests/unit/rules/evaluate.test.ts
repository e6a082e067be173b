import { applyRouting, applySla, compileRules, evaluateRules, FactsError, validateRules, type FiredEvent, type RuleSet } from '../../../src/rules';

function set(rules: unknown[], facts: null | undefined = undefined): RuleSet {
	return validateRules(rules, { label: 'test', facts });
}

const always = { all: [] };

describe('evaluateRules', () => {
	it('returns every matching rule, highest priority first, equal priorities in list order', () => {
		const rules = set([
			{ name: 'low', priority: 1, conditions: always, event: { type: 'x', params: { n: 1 } } },
			{ name: 'tie-a', priority: 5, conditions: { all: [{ fact: 'rating', operator: 'lessThan', value: 3 }] }, event: { type: 'x' } },
			{ name: 'never', priority: 9, conditions: { all: [{ fact: 'rating', operator: 'greaterThan', value: 4 }] }, event: { type: 'x' } },
			{ name: 'tie-b', priority: 5, conditions: { not: { fact: 'intent', operator: 'equal', value: 'thanks' } }, event: { type: 'y' } },
			{ name: 'default-priority', conditions: always, event: { type: 'z' } },
		]);
		const { events } = evaluateRules(rules, { rating: 2, intent: 'defect_not_working' });
		expect(events.map((event) => [event.rule, event.priority])).toEqual([
			['tie-a', 5],
			['tie-b', 5],
			['low', 1],
			['default-priority', 1],
		]);
		expect(events[0]).toEqual({ type: 'x', params: {}, rule: 'tie-a', priority: 5 });
		expect(events[2].params).toEqual({ n: 1 });
		expect(Object.isFrozen(events[2])).toBe(true);
	});

	it('reads inside object and list facts with a path, and compares a fact with another', () => {
		const rules = set([
			{ name: 'size-m', conditions: { all: [{ fact: 'product', path: '$.sizeTable.rows[1].size', operator: 'equal', value: 'M' }] }, event: { type: 'x' } },
			{ name: 'last-is-buyer', conditions: { all: [{ fact: 'history', path: '$[0].from', operator: 'equal', value: 'buyer' }] }, event: { type: 'x' } },
			{ name: 'ref', conditions: { all: [{ fact: 'repeatContact', operator: 'greaterThan', value: { fact: 'signals', path: '$.limit' } }] }, event: { type: 'x' } },
		]);
		const facts = {
			product: { sizeTable: { rows: [{ size: 'S' }, { size: 'M' }] } },
			history: [{ from: 'buyer', text: 'где заказ?', at: '2024-05-01T10:00:00Z' }],
			repeatContact: 3,
			signals: { limit: 2 },
		};
		expect(evaluateRules(rules, facts).events.map((event) => event.rule)).toEqual(['size-m', 'last-is-buyer', 'ref']);
		expect(evaluateRules(rules, { ...facts, product: null, history: [], signals: {} }).events).toEqual([]);
	});

	it('treats absent facts as undefined and keeps json-rules-engine coercions', () => {
		const rules = set(
			[
				{ name: 'absent-equal-null', conditions: { all: [{ fact: 'gone', operator: 'equal', value: null }] }, event: { type: 'x' } },
				{ name: 'absent-not-in', conditions: { all: [{ fact: 'gone', operator: 'notIn', value: [1] }] }, event: { type: 'x' } },
				{ name: 'text-ten-below-nine', conditions: { all: [{ fact: 'n', operator: 'lessThan', value: 9 }] }, event: { type: 'x' } },
				{ name: 'list-of-five-below-ten', conditions: { all: [{ fact: 'list', operator: 'lessThan', value: 10 }] }, event: { type: 'x' } },
				{ name: 'contains-on-text', conditions: { all: [{ fact: 'n', operator: 'contains', value: '1' }] }, event: { type: 'x' } },
				{ name: 'path-on-text-compares-whole', conditions: { all: [{ fact: 'n', path: '$.length', operator: 'equal', value: '10' }] }, event: { type: 'x' } },
			],
			null,
		);
		expect(evaluateRules(rules, { n: '10', list: [5] }).events.map((event) => event.rule)).toEqual([
			'absent-not-in',
			'list-of-five-below-ten',
			'path-on-text-compares-whole',
		]);
	});

	it('does not read facts from the object prototype', () => {
		// With a plain property read, "__proto__" would be Object.prototype and this path would find "Object".
		const rules = set(
			[{ name: 'r', conditions: { all: [{ fact: '__proto__', path: '$.constructor.name', operator: 'equal', value: 'Object' }] }, event: { type: 'x' } }],
			null,
		);
		expect(evaluateRules(rules, {}).events).toHaveLength(0);
		expect(evaluateRules(rules, Object.defineProperty({}, '__proto__', { value: { constructor: { name: 'Object' } }, enumerable: true })).events).toHaveLength(1);
	});

	it('evaluates only rule sets from validateRules', () => {
		const forged = { label: 'x', rules: [{ name: 'r', priority: 1, conditions: always, event: { type: 'x' } }] } as unknown as RuleSet;
		expect(() => evaluateRules(forged, {})).toThrow('evaluateRules: pass a rule set returned by validateRules');
		const real = set([{ name: 'r', conditions: always, event: { type: 'x' } }]);
		compileRules(real);
		compileRules(real);
		expect(evaluateRules(real, {}).events).toHaveLength(1);
		expect(() => evaluateRules(real, null as unknown as Record<string, unknown>)).toThrow('facts must be an object');
	});
});

function fired(rule: string, type: string, params: Record<string, unknown>, priority = 1): FiredEvent {
	return { rule, type, params, priority };
}

describe('applySla', () => {
	const created = '2024-05-01T10:00:00+03:00';

	it('takes the first sla event and ignores other event types', () => {
		const events = [
			fired('note', 'note', { text: 'x' }, 9),
			fired('defect', 'sla', { priority: 'critical', slaMinutes: 30, reason: 'Defect' }, 5),
			fired('low-rating', 'sla', { priority: 'critical', slaMinutes: 60 }, 5),
			fired('praise', 'sla', { priority: 'low', slaMinutes: 1440 }, 1),
		];
		expect(applySla(events, created)).toEqual({
			priority: 'critical',
			slaMinutes: 30,
			dueAt: '2024-05-01T07:30:00.000Z',
			rule: 'defect',
			reason: 'Defect',
		});
	});

	it('falls back to normal within 24 h when no rule matched', () => {
		expect(applySla([], new Date('2024-05-01T07:00:00Z'))).toEqual({
			priority: 'normal',
			slaMinutes: 1440,
			dueAt: '2024-05-02T07:00:00.000Z',
			rule: null,
			reason: null,
		});
	});

	it('reads a time without offset in the given zone', () => {
		const events = [fired('q', 'sla', { priority: 'high', slaMinutes: 15 })];
		expect(applySla(events, '2024-05-01T10:00:00').dueAt).toBe('2024-05-01T07:15:00.000Z');
		expect(applySla(events, '2024-05-01T10:00:00', 'Asia/Vladivostok').dueAt).toBe('2024-05-01T00:15:00.000Z');
	});

	it('refuses a createdAt that is not a time', () => {
		expect(() => applySla([], 'вчера')).toThrow(FactsError);
		expect(() => applySla([], new Date('nope'))).toThrow('field "createdAt" must be an ISO date-time');
	});
});

describe('applyRouting', () => {
	it('takes the route of the first route event that has one, and joins all tags in order', () => {
		const events = [
			fired('tag-first', 'route', { tags: ['churn_risk'] }, 100),
			fired('escalate', 'route', { route: 'escalate', tags: ['escalated'], reason: 'Angry' }, 90),
			fired('approve', 'route', { route: 'draft_for_approval', tags: ['negative_review', 'escalated'] }, 50),
			fired('sla', 'sla', { priority: 'high', slaMinutes: 5 }, 200),
		];
		expect(applyRouting(events)).toEqual({
			route: 'escalate',
			tags: ['churn_risk', 'escalated', 'negative_review'],
			rule: 'escalate',
			reason: 'Angry',
		});
	});

	it('sends to a person when no rule names a route', () => {
		expect(applyRouting([fired('t', 'route', { tags: ['after_hours'] })])).toEqual({
			route: 'draft_for_approval',
			tags: ['after_hours'],
			rule: null,
			reason: null,
		});
		expect(applyRouting([])).toEqual({ route: 'draft_for_approval', tags: [], rule: null, reason: null });
	});
});
