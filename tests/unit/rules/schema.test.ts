import { RulesError, validateRoutingRules, validateRules, validateSlaRules, type RuleSet } from '../../../src/rules';

const SLA = { type: 'sla', params: { priority: 'high', slaMinutes: 240 } };

function rule(conditions: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { name: 'my-rule', conditions, event: SLA, ...extra };
}

function errorOf(input: unknown, eventTypes?: string[]): RulesError {
	try {
		validateRules(input, { label: 'SLA rules', eventTypes });
	} catch (error) {
		expect(error).toBeInstanceOf(RulesError);
		return error as RulesError;
	}
	throw new Error('expected a RulesError');
}

/** The error of a one-rule set whose only condition is `condition`. */
function conditionError(condition: unknown): RulesError {
	return errorOf([rule({ all: [{ fact: 'channel', operator: 'equal', value: 'review' }, condition] })]);
}

describe('validateRules accepts', () => {
	const rules = [rule({ all: [{ fact: 'intent', operator: 'in', value: ['defect_not_working', 'wrong_item'] }] })];

	it('a list, { rules } and JSON text of either', () => {
		for (const input of [rules, { rules }, JSON.stringify(rules), JSON.stringify({ description: 'd', rules })]) {
			const set: RuleSet = validateRules(input, { label: 'SLA rules' });
			expect(set.label).toBe('SLA rules');
			expect(set.rules).toEqual([{ ...rules[0], priority: 1 }]);
		}
	});

	it('returns a frozen copy, so edits to the input cannot change validated rules', () => {
		const input = JSON.parse(JSON.stringify(rules));
		const set = validateRules(input, { label: 'SLA rules' });
		input[0].conditions.all[0].value.push('thanks');
		expect(set.rules[0].conditions).toEqual({ all: [{ fact: 'intent', operator: 'in', value: ['defect_not_working', 'wrong_item'] }] });
		expect(Object.isFrozen(set.rules[0])).toBe(true);
		expect(Object.isFrozen(set.rules)).toBe(true);
	});

	it('validates the same JSON text once (a node reads its parameter per item)', () => {
		const text = JSON.stringify({ rules });
		expect(validateRules(text, { label: 'SLA rules' })).toBe(validateRules(`${text}`, { label: 'SLA rules' }));
		expect(validateRules(text, { label: 'Other' })).not.toBe(validateRules(text, { label: 'SLA rules' }));
	});

	it('json-rules-engine extras: condition priority and name, a description, nested not, paths, fact references', () => {
		const set = validateRules(
			[
				rule(
					{
						any: [
							{ fact: 'product', path: '$.sizeTable.rows[0].size', operator: 'equal', value: 'M', priority: 2, name: 'size' },
							{ not: { fact: 'repeatContact', operator: 'lessThan', value: { fact: 'historyLength' } } },
							{ fact: 'signals', path: '$.repeatContact', operator: 'greaterThan', value: { fact: 'raw', path: '$.limit' } },
							{ all: [] },
						],
					},
					{ description: 'why', priority: 7 },
				),
			],
			{ label: 'SLA rules' },
		);
		expect(set.rules[0].priority).toBe(7);
		expect(set.rules[0].description).toBe('why');
	});

	it('any fact name and no type checks with facts: null', () => {
		expect(() => validateRules([rule({ all: [{ fact: 'myFact', operator: 'contains', value: 'x' }] })], { label: 'x', facts: null })).not.toThrow();
		expect(() => validateRules([rule({ all: [{ fact: 'myFact', operator: 'contains', value: 'x' }] })], { label: 'x' })).toThrow(RulesError);
	});
});

describe('validateRules refuses, naming the rule, the path and the reason', () => {
	it('formats the message from label, rule and path', () => {
		const error = conditionError({ fact: 'intent', operator: 'equals', value: 'thanks' });
		expect(error.ruleName).toBe('my-rule');
		expect(error.path).toBe('rules[0].conditions.all[1].operator');
		expect(error.reason).toMatch(/^unknown operator "equals"; use one of equal, notEqual, lessThan/);
		expect(error.message).toBe(`SLA rules: rule "my-rule" at rules[0].conditions.all[1].operator: ${error.reason}`);
		expect(error.name).toBe('RulesError');
	});

	it.each([
		['not JSON', '[{"name": "a",', null, '(rules)', /^is not valid JSON: /],
		['empty text', '  ', null, '(rules)', /^is empty/],
		['not a list', { name: 'a' }, null, '(rule set).name', /unknown key "name" in a rule set/],
		['a number', 42, null, 'rules', /must be a list of rules or \{ "rules": \[ … \] \} \(got number\)/],
		['rules not a list', { rules: {} }, null, 'rules', /must be a list of rules/],
		['a rule that is not an object', ['x'], null, 'rules[0]', /a rule must be an object/],
		['a rule without a name', [{ conditions: { all: [] }, event: SLA }], null, 'rules[0].name', /needs a "name"/],
	])('%s', (_case, input, ruleName, path, reason) => {
		const error = errorOf(input);
		expect(error.ruleName).toBe(ruleName);
		expect(error.path).toBe(path);
		expect(error.reason).toMatch(reason);
	});

	it.each([
		['missing conditions', { name: 'a', event: SLA }, 'rules[0].conditions', /^missing/],
		['missing event', { name: 'a', conditions: { all: [] } }, 'rules[0].event', /^missing/],
		['a misspelt key', { name: 'a', conditions: { all: [] }, event: SLA, prority: 2 }, 'rules[0].prority', /unknown key "prority" in a rule/],
		['priority 0', { name: 'a', conditions: { all: [] }, event: SLA, priority: 0 }, 'rules[0].priority', /whole number ≥ 1/],
		['priority 1.5', { name: 'a', conditions: { all: [] }, event: SLA, priority: 1.5 }, 'rules[0].priority', /whole number ≥ 1/],
		['priority as text', { name: 'a', conditions: { all: [] }, event: SLA, priority: '2' }, 'rules[0].priority', /got "2"/],
		['a bare fact condition on top', { name: 'a', conditions: { fact: 'rating', operator: 'equal', value: 1 }, event: SLA }, 'rules[0].conditions', /top level must be "all", "any" or "not"/],
		['all not a list', { name: 'a', conditions: { all: { fact: 'rating' } }, event: SLA }, 'rules[0].conditions.all', /"all" must be a list of conditions \(got object\)/],
		['any not a list', { name: 'a', conditions: { any: 'x' }, event: SLA }, 'rules[0].conditions.any', /"any" must be a list of conditions \(got text\)/],
		['an empty any', { name: 'a', conditions: { any: [] }, event: SLA }, 'rules[0].conditions.any', /needs at least one condition/],
		['not as a list', { name: 'a', conditions: { not: [] }, event: SLA }, 'rules[0].conditions.not', /"not" takes one condition object \(got list\)/],
		['all and any together', { name: 'a', conditions: { all: [], any: [] }, event: SLA }, 'rules[0].conditions', /one of "all", "any", "not" \(found all, any\)/],
		['a condition reference', { name: 'a', conditions: { condition: 'shared' }, event: SLA }, 'rules[0].conditions.condition', /condition references are not supported/],
	])('%s', (_case, input, path, reason) => {
		const error = errorOf([input]);
		expect(error.ruleName).toBe('a');
		expect(error.path).toBe(path);
		expect(error.reason).toMatch(reason);
	});

	it.each([
		['a condition without fact', { operator: 'equal', value: 1 }, 'fact', /^missing; a condition needs "fact", "operator" and "value"/],
		['an empty fact name', { fact: '', operator: 'equal', value: 1 }, 'fact', /must be a fact name/],
		['an unknown fact', { fact: 'stars', operator: 'equal', value: 1 }, 'fact', /^unknown fact "stars"; known facts: id, marketplace, channel/],
		['no operator', { fact: 'rating', value: 1 }, 'operator', /^missing; use one of equal/],
		['an operator decorator', { fact: 'rating', operator: 'not:equal', value: 1 }, 'operator', /decorators such as "not:…" are not supported/],
		['no value', { fact: 'rating', operator: 'equal' }, 'value', /^missing/],
		['fact params', { fact: 'rating', operator: 'equal', value: 1, params: { x: 1 } }, 'params', /facts take no params/],
		['a misspelt path key', { fact: 'product', operator: 'equal', value: 1, pth: '$.a' }, 'pth', /unknown key "pth" in a fact condition/],
		['a recursive path', { fact: 'product', path: '$..size', operator: 'equal', value: 'M' }, 'path', /"\$\.\.size" is not a supported path; use \$ followed by \.name and \[index\] steps/],
		['a wildcard path', { fact: 'product', path: '$.rows[*].size', operator: 'equal', value: 'M' }, 'path', /not a supported path/],
		['a path without $', { fact: 'product', path: 'sizeTable.rows', operator: 'equal', value: null }, 'path', /not a supported path/],
		['a filter path', { fact: 'history', path: '$[?(@.from=="buyer")]', operator: 'equal', value: 1 }, 'path', /not a supported path/],
		['a path on a number fact', { fact: 'rating', path: '$.x', operator: 'equal', value: 1 }, 'path', /fact "rating" is a number \(json-rules-engine would ignore the path\)/],
		['an unknown intent', { fact: 'intent', operator: 'equal', value: 'defect' }, 'value', /^"defect" is not a value of "intent"; use one of defect_not_working, wrong_item/],
		['an unknown intent in a list', { fact: 'intent', operator: 'in', value: ['thanks', 'refund'] }, 'value[1]', /"refund" is not a value of "intent"/],
		['a rating as text', { fact: 'rating', operator: 'equal', value: '5' }, 'value', /fact "rating" is a number; "5" is text/],
		['a number compared as text', { fact: 'textLength', operator: 'greaterThan', value: '10' }, 'value', /is a number; "10" is text/],
		['lessThan on text', { fact: 'intent', operator: 'lessThan', value: 3 }, 'operator', /"lessThan" cannot test fact "intent", which is text; use equal, notEqual, in, notIn/],
		['contains on text', { fact: 'text', operator: 'contains', value: 'брак' }, 'operator', /contains tests lists only \(json-rules-engine never matches it on text\)/],
		['equal on a list fact', { fact: 'history', operator: 'equal', value: 1 }, 'operator', /use contains, doesNotContain; add a "path"/],
		['an object fact compared with a value', { fact: 'product', operator: 'equal', value: 'x' }, 'value', /compare it with null only, or add a "path"/],
		['null for a fact that is never null', { fact: 'intent', operator: 'equal', value: null }, 'value', /fact "intent" is never null/],
		['in without a list', { fact: 'channel', operator: 'in', value: 'review' }, 'value', /"in" needs a list of values/],
		['in against a fact', { fact: 'channel', operator: 'notIn', value: { fact: 'history' } }, 'value', /"notIn" needs a literal list of values, not a fact reference/],
		['equal to a list', { fact: 'channel', operator: 'equal', value: ['review'] }, 'value', /a list never matches \(use "in" for a list\)/],
		['an object value', { fact: 'rating', operator: 'equal', value: { stars: 5 } }, 'value', /fact reference \{ "fact": …, "path": … \}/],
		['objects in a list', { fact: 'rating', operator: 'in', value: [1, { x: 1 }] }, 'value[1]', /list items must be text, numbers, true\/false or null \(got object\)/],
		['an unknown referenced fact', { fact: 'rating', operator: 'equal', value: { fact: 'stars' } }, 'value.fact', /unknown fact "stars"/],
		['a reference with params', { fact: 'rating', operator: 'equal', value: { fact: 'rating', params: {} } }, 'value.params', /unknown key "params" in a fact reference/],
		['lessThan against a text fact', { fact: 'rating', operator: 'lessThan', value: { fact: 'intent' } }, 'value.fact', /"lessThan" compares numbers; fact "intent" is text/],
		['a bad condition priority', { fact: 'rating', operator: 'equal', value: 1, priority: -1 }, 'priority', /whole number ≥ 1/],
		['a condition that is a list', [], '', /a condition must be an object \(got list\)/],
	])('%s', (_case, condition, leaf, reason) => {
		const error = conditionError(condition);
		expect(error.ruleName).toBe('my-rule');
		expect(error.path).toBe(`rules[0].conditions.all[1]${leaf === '' ? '' : `.${leaf}`}`);
		expect(error.reason).toMatch(reason);
	});

	it('names the place of an error deep inside nested conditions', () => {
		const error = errorOf([
			rule({ all: [] }, { name: 'first' }),
			rule({ any: [{ not: { all: [{ fact: 'emotion', operator: 'equal', value: 'furious' }] } }] }, { name: 'second' }),
		]);
		expect(error.ruleName).toBe('second');
		expect(error.path).toBe('rules[1].conditions.any[0].not.all[0].value');
		expect(error.reason).toMatch(/"furious" is not a value of "emotion"; use one of angry, frustrated, neutral, happy/);
	});

	it('refuses nesting deeper than 32 levels', () => {
		let deep: unknown = { fact: 'rating', operator: 'equal', value: 1 };
		for (let i = 0; i < 40; i++) deep = { not: deep };
		expect(errorOf([rule(deep)]).reason).toMatch(/nested deeper than 32 levels/);
	});

	it('refuses duplicate rule names', () => {
		const error = errorOf([rule({ all: [] }), rule({ all: [] })]);
		expect(error.path).toBe('rules[1].name');
		expect(error.reason).toBe('rules[0] has the same name; names must be unique');
	});

	it.each([
		['an unknown priority', { type: 'sla', params: { priority: 'urgent', slaMinutes: 30 } }, 'rules[0].event.params.priority', /Expected 'critical' \| 'high' \| 'normal' \| 'low', received 'urgent'/],
		['no minutes', { type: 'sla', params: { priority: 'high' } }, 'rules[0].event.params.slaMinutes', /^missing$/],
		['zero minutes', { type: 'sla', params: { priority: 'high', slaMinutes: 0 } }, 'rules[0].event.params.slaMinutes', /greater than 0/],
		['minutes as text', { type: 'sla', params: { priority: 'high', slaMinutes: '60' } }, 'rules[0].event.params.slaMinutes', /Expected number, received string/],
		['no params', { type: 'sla' }, 'rules[0].event.params.priority', /^missing$/],
		['a misspelt param', { type: 'sla', params: { priority: 'high', slaMinutes: 5, minutes: 5 } }, 'rules[0].event.params', /Unrecognized key\(s\) in object: 'minutes'/],
		['an unknown route', { type: 'route', params: { route: 'send' } }, 'rules[0].event.params.route', /Expected 'auto_reply' \| 'draft_for_approval' \| 'escalate' \| 'ignore', received 'send'/],
		['tags as text', { type: 'route', params: { route: 'ignore', tags: 'spam' } }, 'rules[0].event.params.tags', /Expected array, received string/],
		['an empty tag', { type: 'route', params: { tags: ['ok', ''] } }, 'rules[0].event.params.tags[1]', /at least 1 character/],
		['neither route nor tags', { type: 'route', params: { reason: 'x' } }, 'rules[0].event.params', /needs "route", "tags" or both/],
		['params as a list', { type: 'note', params: [1] }, 'rules[0].event.params', /must be an object \(got list\)/],
		['no type', { params: {} }, 'rules[0].event.type', /must be an event type/],
		['an event that is text', 'sla', 'rules[0].event', /must be an object/],
	])('an event with %s', (_case, event, path, reason) => {
		const error = errorOf([{ name: 'ev', conditions: { all: [] }, event }]);
		expect(error.ruleName).toBe('ev');
		expect(error.path).toBe(path);
		expect(error.reason).toMatch(reason);
	});

	it('an event type the rule set does not use', () => {
		const error = errorOf([{ name: 'ev', conditions: { all: [] }, event: { type: 'route', params: { route: 'ignore' } } }], ['sla']);
		expect(error.path).toBe('rules[0].event.type');
		expect(error.reason).toBe('"route" is not used here; use "sla"');
	});

	it('validateSlaRules and validateRoutingRules take only their own event type', () => {
		const routeRule = [{ name: 'r', conditions: { all: [] }, event: { type: 'route', params: { route: 'ignore' } } }];
		expect(() => validateRoutingRules(routeRule)).not.toThrow();
		expect(() => validateSlaRules(routeRule)).toThrow('SLA rules: rule "r" at rules[0].event.type: "route" is not used here; use "sla"');
	});
});
