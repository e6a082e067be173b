// Proof that the shipped evaluator gives the same events as json-rules-engine itself (the oracle, a devDependency
// that shipped code never imports), on thousands of seeded random rule sets and facts.
//
// The oracle runs with `allowUndefinedFacts: true`: in our evaluator a fact that is absent reads as undefined.
// Order: json-rules-engine runs priority groups one after another, so its events come grouped by priority,
// highest first, and the test checks that grouping as is. Inside a group it lists events in the order the
// rules' promises settle, which depends on how deeply each rule is nested (see the last test); ours keep the
// list order there, so the oracle's events are put in list order within each priority before comparing.

import { Engine, type RuleProperties } from 'json-rules-engine';
import { EMOTIONS, INTENTS, SENTIMENTS } from '../../../src/classify/types';
import {
	buildFacts,
	DEFAULT_ROUTING_RULES,
	DEFAULT_SLA_RULES,
	evaluateRules,
	RULE_FACT_NAMES,
	validateRules,
	type Operator,
	type RuleSet,
} from '../../../src/rules';
import {
	ABSTRACT_POOLS,
	emptyStats,
	facts as abstractFacts,
	flatRuleSet,
	makeRandom,
	realisticItem,
	ruleSet as randomRuleSet,
	type Json,
	type Pools,
	type Random,
} from './generate';

interface Fired {
	rule: string;
	type: string;
	params: unknown;
	priority: number;
}

function toJson(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value));
}

async function oracle(rules: readonly unknown[], facts: object): Promise<{ raw: Fired[]; ordered: Fired[] }> {
	const engine = new Engine(toJson(rules) as RuleProperties[], { allowUndefinedFacts: true });
	const { results } = await engine.run({ ...facts });
	const index = new Map<string, number>();
	(rules as Array<{ name: string }>).forEach((rule, i) => index.set(rule.name, i));
	const raw = results.map((result) => ({
		rule: result.name,
		type: result.event?.type ?? '',
		params: result.event?.params ?? {},
		priority: result.priority ?? 1,
	}));
	const ordered = raw
		.map((event, position) => ({ event, position }))
		.sort((a, b) => b.event.priority - a.event.priority || (index.get(a.event.rule) ?? 0) - (index.get(b.event.rule) ?? 0) || a.position - b.position)
		.map(({ event }) => event);
	return { raw, ordered };
}

function ours(ruleSet: RuleSet, facts: object): Fired[] {
	return evaluateRules(ruleSet, facts as Record<string, unknown>).events.map((event) => ({
		rule: event.rule,
		type: event.type,
		params: event.params,
		priority: event.priority,
	}));
}

async function expectSame(ruleSet: RuleSet, rules: readonly unknown[], facts: object): Promise<Fired[]> {
	const mine = ours(ruleSet, facts);
	const { raw, ordered } = await oracle(rules, facts);
	// Priority groups come in the same order, highest first, with the same sizes.
	expect(mine.map((event) => event.priority)).toEqual(raw.map((event) => event.priority));
	expect(toJson(mine)).toEqual(toJson(ordered));
	return mine;
}

describe('evaluateRules gives the events of json-rules-engine', () => {
	it('on 3000 random rule sets over abstract facts (3 fact objects each)', async () => {
		const random = makeRandom(20240501);
		const stats = emptyStats();
		const outcome = {} as Record<Operator, { true: number; false: number }>;
		for (const operator of Object.keys(stats.operators) as Operator[]) outcome[operator] = { true: 0, false: 0 };
		let pairs = 0;
		let fired = 0;
		let tiedGroups = 0;
		for (let n = 0; n < 3000; n++) {
			const flat = n % 4 === 3 ? flatRuleSet(random, ABSTRACT_POOLS, stats) : null;
			const rules = flat ? flat.rules : randomRuleSet(random, ABSTRACT_POOLS, stats);
			const ruleSet = validateRules(rules, { label: `set ${n}`, facts: null });
			for (let k = 0; k < 3; k++) {
				const facts = abstractFacts(random, ABSTRACT_POOLS);
				const events = await expectSame(ruleSet, rules, facts);
				pairs++;
				fired += events.length;
				const priorities = events.map((event) => event.priority);
				if (priorities.some((p, i) => priorities.indexOf(p) !== i)) tiedGroups++;
				if (flat) {
					flat.operators.forEach((operator, i) => {
						if (events.some((event) => event.rule === `r${i}`)) outcome[operator].true++;
						else outcome[operator].false++;
					});
				}
			}
		}
		expect(pairs).toBe(9000);
		// The generator is not degenerate: many events, ties of priority, and every operator both true and false.
		expect(fired).toBeGreaterThan(5000);
		expect(tiedGroups).toBeGreaterThan(500);
		for (const operator of Object.keys(outcome) as Operator[]) {
			expect(stats.operators[operator]).toBeGreaterThan(500);
			expect(outcome[operator].true).toBeGreaterThan(20);
			expect(outcome[operator].false).toBeGreaterThan(20);
		}
	}, 120_000);

	it('on 1000 random rule sets over the product facts built by buildFacts', async () => {
		const random = makeRandom(7);
		const stats = emptyStats();
		const pools: Pools = {
			facts: [...RULE_FACT_NAMES, 'absent'],
			paths: [
				'$.churnRisk', '$.orderNumber', '$.repeatContact', '$.sizeTable.rows[0].size', '$.sizeTable.rows.length',
				'$.sizeTable', '$[0].from', '$[0].text.length', '$[1].from', '$.length', '$.nmId', '$.feedback.productValuation',
				'$.subject', '$.x',
			],
			primitives: [
				...INTENTS.slice(0, 6), 'thanks', 'other', ...EMOTIONS, ...SENTIMENTS, 'review', 'question', 'chat', 'wb', 'ozon',
				0, 1, 2, 3, 4, 5, 15, 60, 0.5, 0.9, true, false, null, 'S', 'M', '', 'buyer', 'seller', '5',
			],
			hot: ['defect_not_working', 'thanks', 'review', 'angry', 'negative', 3, 5, true, false, null, 'M'],
			eventTypes: ['sla', 'route', 'note'],
		};
		let fired = 0;
		for (let n = 0; n < 1000; n++) {
			const rules = randomRuleSet(random, pools, stats).map((rule) => withKnownParams(rule, random));
			const ruleSet = validateRules(rules, { label: `set ${n}`, facts: null });
			for (let k = 0; k < 2; k++) {
				const { interaction, classification, now } = realisticItem(random);
				fired += (await expectSame(ruleSet, rules, buildFacts(interaction, classification, now))).length;
			}
		}
		expect(fired).toBeGreaterThan(1000);
	}, 120_000);

	it('with the default SLA and routing rules on 1500 realistic items', async () => {
		const random = makeRandom(99);
		const sla = toJson(DEFAULT_SLA_RULES.rules) as unknown[];
		const routing = toJson(DEFAULT_ROUTING_RULES.rules) as unknown[];
		const routes = new Set<unknown>();
		for (let n = 0; n < 1500; n++) {
			const { interaction, classification, now } = realisticItem(random);
			const facts = buildFacts(interaction, classification, now);
			await expectSame(DEFAULT_SLA_RULES, sla, facts);
			for (const event of await expectSame(DEFAULT_ROUTING_RULES, routing, facts)) routes.add((event.params as { route?: string }).route);
		}
		// Every route of the defaults was reached by some item.
		expect([...routes].filter(Boolean).sort()).toEqual(['auto_reply', 'draft_for_approval', 'escalate', 'ignore']);
	}, 120_000);

	it('orders equal priorities by list order, where json-rules-engine orders them by promise settlement', async () => {
		const equal = { fact: 'a', operator: 'equal', value: 1 };
		const rules = [
			{ name: 'deep', conditions: { all: [{ any: [{ all: [equal, equal] }, equal] }, equal] }, event: { type: 'deep' } },
			{ name: 'shallow', conditions: { all: [equal] }, event: { type: 'shallow' } },
		];
		const { raw, ordered } = await oracle(rules, { a: 1 });
		expect(raw.map((event) => event.rule)).toEqual(['shallow', 'deep']);
		expect(ordered.map((event) => event.rule)).toEqual(['deep', 'shallow']);
		const ruleSet = validateRules(rules, { label: 'order', facts: null });
		expect(ours(ruleSet, { a: 1 }).map((event) => event.rule)).toEqual(['deep', 'shallow']);
	});
});

/** Gives sla/route events params of the right shape (validateRules checks them). */
function withKnownParams(rule: Json, random: Random): Json {
	const copy = rule as { [key: string]: Json };
	const event = copy.event as { [key: string]: Json };
	if (event.type === 'sla') {
		event.params = { priority: random.pick(['critical', 'high', 'normal', 'low']), slaMinutes: random.pick([15, 30, 60, 240, 1440]) };
	} else if (event.type === 'route') {
		event.params = random.chance(0.3)
			? { tags: [random.pick(['x', 'y'])] }
			: { route: random.pick(['auto_reply', 'draft_for_approval', 'escalate', 'ignore']), tags: ['t'] };
	}
	return copy;
}
