// Seeded generators of random rule sets and facts for the equivalence tests against json-rules-engine. Values are
// drawn from small shared pools so that conditions match often, and mix numbers, numeric strings, booleans, null,
// lists and objects so that JavaScript's coercions in json-rules-engine's operators are exercised.

import { EMOTIONS, INTENTS, SENTIMENTS } from '../../../src/classify/types';
import { OPERATORS, type FactsClassification, type FactsInteraction, type Operator } from '../../../src/rules';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** mulberry32: small, fast, deterministic. */
export function makeRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)],
		chance: (p) => next() < p,
	};
}

export interface Random {
	next(): number;
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	chance(p: number): boolean;
}

export interface Pools {
	facts: readonly string[];
	paths: readonly string[];
	primitives: readonly Json[];
	/** A few values drawn half of the time, so that equality and membership hold often enough. */
	hot: readonly Json[];
	eventTypes: readonly string[];
}

/** Pools for abstract facts: every JavaScript coercion json-rules-engine's operators can meet. */
export const ABSTRACT_POOLS: Pools = {
	facts: ['n', 's', 'b', 'list', 'obj', 'mixed', 'absent', 'constructor'],
	paths: ['$.x', '$.y', '$.x.y', '$.list[0]', '$.list[1]', '$[0]', '$[1]', '$[0].x', '$.length', '$.s.length', '$.s[0]', '$.list.length', '$[01]', '$.x[0]', '$.nope.x'],
	primitives: [0, 1, 2, 3, 10, -1, 2.5, '0', '1', '2', '10', '2.5', '-1', ' 3', '3abc', 'abc', '', 'Infinity', '1e1', true, false, null],
	hot: [1, '1', 2, 'abc', true, null],
	eventTypes: ['a', 'b', 'c'],
};

export function primitive(random: Random, pools: Pools): Json {
	return random.pick(random.chance(0.5) ? pools.hot : pools.primitives);
}

export function list(random: Random, pools: Pools, max = 4): Json[] {
	const items: Json[] = [];
	const n = random.int(0, max);
	for (let i = 0; i < n; i++) items.push(primitive(random, pools));
	return items;
}

/** A fact value: a primitive, a list, or an object shaped for the pool's paths. */
export function factValue(random: Random, pools: Pools, depth = 0): Json {
	const roll = random.next();
	if (roll < 0.45 || depth > 2) return primitive(random, pools);
	if (roll < 0.65) {
		const items: Json[] = list(random, pools);
		if (random.chance(0.4)) items.unshift(factValue(random, pools, depth + 1));
		return items;
	}
	const object: { [key: string]: Json } = {};
	if (random.chance(0.8)) object.x = factValue(random, pools, depth + 1);
	if (random.chance(0.6)) object.y = primitive(random, pools);
	if (random.chance(0.6)) object.list = list(random, pools);
	if (random.chance(0.5)) object.s = random.pick(['abc', '', '12', 'x']);
	return object;
}

export function facts(random: Random, pools: Pools): Record<string, Json> {
	const result: Record<string, Json> = {};
	for (const name of pools.facts) {
		if (name === 'absent' || random.chance(0.12)) continue;
		// "list" is always a list, so that contains / doesNotContain often meet one.
		result[name] = name === 'list' ? list(random, pools) : factValue(random, pools);
	}
	return result;
}

export interface Stats {
	operators: Record<Operator, number>;
}

function leaf(random: Random, pools: Pools, stats: Stats): Json {
	const operator = random.pick(OPERATORS);
	stats.operators[operator]++;
	const listFact = (operator === 'contains' || operator === 'doesNotContain') && pools.facts.includes('list') && random.chance(0.6);
	const condition: { [key: string]: Json } = { fact: listFact ? 'list' : random.pick(pools.facts), operator };
	if (random.chance(0.3)) condition.path = random.pick(pools.paths);
	if (operator === 'in' || operator === 'notIn') {
		condition.value = list(random, pools, 5);
	} else if (random.chance(0.2)) {
		const reference: { [key: string]: Json } = { fact: random.pick(pools.facts) };
		if (random.chance(0.4)) reference.path = random.pick(pools.paths);
		condition.value = reference;
	} else if (random.chance(0.08)) {
		condition.value = list(random, pools, 2);
	} else {
		condition.value = primitive(random, pools);
	}
	if (random.chance(0.1)) condition.priority = random.int(1, 3);
	return condition;
}

export function condition(random: Random, pools: Pools, stats: Stats, depth = 0): Json {
	if (depth >= 3 || random.chance(depth === 0 ? 0.25 : 0.5)) return leaf(random, pools, stats);
	const kind = random.pick(['all', 'any', 'not'] as const);
	const wrapped: { [key: string]: Json } = {};
	if (kind === 'not') {
		wrapped.not = condition(random, pools, stats, depth + 1);
	} else {
		const children: Json[] = [];
		const n = random.int(kind === 'all' ? 0 : 1, 3);
		for (let i = 0; i < n; i++) children.push(condition(random, pools, stats, depth + 1));
		wrapped[kind] = children;
	}
	if (random.chance(0.1)) wrapped.priority = random.int(1, 3);
	return wrapped;
}

/** The top level must be all / any / not; a bare leaf is wrapped in "all" (json-rules-engine requires it). */
export function topLevel(random: Random, pools: Pools, stats: Stats): Json {
	const root = condition(random, pools, stats);
	if (root !== null && typeof root === 'object' && !Array.isArray(root) && ('all' in root || 'any' in root || 'not' in root)) return root;
	return { all: [root] };
}

export function ruleSet(random: Random, pools: Pools, stats: Stats): Json[] {
	const rules: Json[] = [];
	const n = random.int(1, 6);
	for (let i = 0; i < n; i++) {
		const event: { [key: string]: Json } = { type: random.pick(pools.eventTypes) };
		if (random.chance(0.7)) event.params = { k: primitive(random, pools), i };
		const rule: { [key: string]: Json } = { name: `r${i}`, conditions: topLevel(random, pools, stats), event };
		// Few distinct priorities, so that ties are common.
		if (random.chance(0.7)) rule.priority = random.int(1, 3);
		rules.push(rule);
	}
	return rules;
}

export function emptyStats(): Stats {
	const operators = {} as Record<Operator, number>;
	for (const operator of OPERATORS) operators[operator] = 0;
	return { operators };
}

/** Rules of one condition each, to count how often every operator is true and false. */
export function flatRuleSet(random: Random, pools: Pools, stats: Stats): { rules: Json[]; operators: Operator[] } {
	const rules: Json[] = [];
	const operators: Operator[] = [];
	const n = random.int(1, 6);
	for (let i = 0; i < n; i++) {
		const condition = leaf(random, pools, stats) as { [key: string]: Json };
		operators.push(condition.operator as Operator);
		rules.push({ name: `r${i}`, priority: random.int(1, 2), conditions: { all: [condition] }, event: { type: 'a', params: { i } } });
	}
	return { rules, operators };
}

const TEXTS = [
	'',
	'   ',
	'Всё отлично, спасибо!',
	'Какой размер взять на рост 170?',
	'Пришёл брак, молния не застёгивается',
	'ПРИСЛАЛИ НЕ ТОТ ЦВЕТ!!! МОШЕННИКИ',
	'Подписывайтесь: t.me/skidki_shop',
	'Дешевле тут: www.example.com',
	'Где мой заказ 4523178-0012?',
	'Хочу вернуть, как оформить возврат?',
];

/** An Interaction and a classification of the kinds the triggers and Classify produce, drawn at random. */
export function realisticItem(random: Random): {
	interaction: FactsInteraction;
	classification: FactsClassification;
	now: Date;
} {
	const channel = random.pick(['review', 'question', 'chat'] as const);
	const marketplace = random.pick(['wb', 'ozon', 'ym'] as const);
	const externalId = String(random.int(1000, 999999));
	const created = Date.UTC(2024, 4, random.int(1, 28), random.int(0, 23), random.int(0, 59));
	const history: FactsInteraction['history'] = [];
	if (channel === 'chat') {
		const n = random.int(0, 4);
		for (let i = 0; i < n; i++) {
			history.push({ from: random.pick(['buyer', 'seller'] as const), text: random.pick(TEXTS), at: new Date(created - (n - i) * 60_000).toISOString() });
		}
	}
	const interaction: FactsInteraction = {
		id: `${marketplace}:${channel}:${externalId}`,
		marketplace,
		channel,
		externalId,
		text: random.pick(TEXTS),
		createdAt: new Date(created).toISOString(),
		answered: random.chance(0.1),
		raw: { feedback: { productValuation: random.int(1, 5) }, nmId: random.int(1, 9) },
		history,
	};
	if (channel === 'review' && random.chance(0.9)) interaction.rating = random.int(1, 5);
	if (random.chance(0.5)) interaction.productId = String(random.int(100000, 999999));
	if (random.chance(0.2)) interaction.orderNumber = String(random.int(100000000, 999999999));
	if (random.chance(0.5)) {
		const product = {
			nmId: random.int(1, 9),
			subject: random.pick(['Платья', 'Кроссовки']),
			sizeTable: random.chance(0.6) ? { columns: ['Рост'], rows: random.chance(0.8) ? [{ size: random.pick(['S', 'M']), values: ['170'] }] : [] } : null,
		};
		interaction.product = product;
	}
	const classification: FactsClassification = {
		intent: random.pick(INTENTS),
		emotion: random.pick(EMOTIONS),
		sentiment: random.pick(SENTIMENTS),
		confidence: random.pick([0.3, 0.35, 0.5, 0.65, 0.88, 0.95]),
		signals: {
			churnRisk: random.chance(0.2),
			orderNumber: random.chance(0.2) ? '4523178-0012' : null,
			repeatContact: random.int(1, 4),
		},
	};
	const now = new Date(created + random.int(0, 3000) * 60_000);
	return { interaction, classification, now };
}
