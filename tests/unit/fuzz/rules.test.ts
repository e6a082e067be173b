// The bad-input sweep over the rules a team edits (AgentIQ Classify's SLA Rules and Routing Rules parameters) and
// the facts they run on: malformed rules end in a RulesError naming the rule and the JSON path; a rule set that
// passes validation runs on any facts without crashing and gives a usable SLA and route.

import { classifyText } from '../../../src/classify';
import {
	DEFAULT_ROUTING_RULES,
	DEFAULT_ROUTING_RULES_JSON,
	DEFAULT_SLA_RULES,
	DEFAULT_SLA_RULES_JSON,
	FactsError,
	RulesError,
	ROUTES,
	PRIORITIES,
	applyRouting,
	applySla,
	buildFacts,
	evaluateRules,
	validateRoutingRules,
	validateSlaRules,
	type RuleSet,
} from '../../../src/rules';
import { unexpected } from './lib/known';
import { mutations, setAt, textMutations, deep } from './lib/mutate';
import { rng } from './lib/prng';
import { limit, thin } from './lib/scale';
import { ODD_VALUES } from './lib/values';
import { type Allowed, Findings, attempt, judgeError, reportCount } from './lib/verdict';
import { FIXED_NOW } from './lib/wb-payloads';

const NOW = new Date(FIXED_NOW);
const RULES_ERROR: Allowed = {
	type: RulesError,
	names: (e) => {
		const r = e as RulesError;
		return r.path.length > 0 && e.message.includes(r.path) && (r.ruleName === null || e.message.includes(`rule "${r.ruleName}"`));
	},
};
const FACTS_ERROR: Allowed = { type: FactsError, names: (e) => e.message.includes(`"${(e as FactsError).field}"`) };

const interaction = {
	id: 'wb:review:fuzz1',
	marketplace: 'wb',
	channel: 'review',
	externalId: 'fuzz1',
	text: 'Пришёл брак, шов разошёлся после первой стирки. Заказ 3104277203',
	rating: 1,
	productId: '146972802',
	createdAt: '2026-11-25T09:00:00.000Z',
	answered: false,
	history: [{ from: 'buyer', text: 'Здравствуйте', at: '2026-11-24T10:00:00.000Z' }],
	product: { sizeTable: { rows: [{ size: 'M', values: ['46'] }] } },
	raw: {},
};
const labels = classifyText({ text: interaction.text, channel: 'review', rating: 1 });

function outcomeProblem(set: RuleSet, facts: Record<string, unknown>, kind: 'sla' | 'routing'): string | null {
	const run = attempt(() => {
		const events = evaluateRules(set, facts).events;
		return kind === 'sla' ? applySla(events, interaction.createdAt) : applyRouting(events);
	});
	if (!run.ok) return `a validated rule set fails at run time: ${judgeError(run.error, []) ?? ''}`;
	if (kind === 'sla') {
		const sla = run.value as ReturnType<typeof applySla>;
		if (!PRIORITIES.includes(sla.priority)) return `priority ${String(sla.priority)}`;
		if (!(Number.isFinite(sla.slaMinutes) && sla.slaMinutes >= 0)) return `slaMinutes ${sla.slaMinutes}`;
		if (!Number.isFinite(Date.parse(sla.dueAt))) return `dueAt ${sla.dueAt}`;
	} else {
		const route = run.value as ReturnType<typeof applyRouting>;
		if (!ROUTES.includes(route.route)) return `route ${String(route.route)}`;
		if (!route.tags.every((t) => typeof t === 'string')) return 'a tag is not text';
	}
	return null;
}

describe.each([
	['SLA rules', DEFAULT_SLA_RULES_JSON, validateSlaRules, 'sla'],
	['Routing rules', DEFAULT_ROUTING_RULES_JSON, validateRoutingRules, 'routing'],
] as const)('bad input: malformed %s', (label, json, validate, kind) => {
	it('ends every mutated rule set in a RulesError naming the rule and the path, or in rules that run', () => {
		const findings = new Findings();
		const facts = buildFacts(interaction as never, labels, NOW);
		const parsed = JSON.parse(json) as { rules: unknown[] };
		const r = rng(`rules/${label}`);
		const cases = [
			...thin(mutations(parsed, r, { under: ['rules', 0], maxDepth: 8 }), `${label}/first`, 0.5),
			...thin(mutations(parsed, r, { under: ['rules', parsed.rules.length - 1], maxDepth: 8 }), `${label}/last`, 0.5),
			...mutations(parsed, r, { maxDepth: 2 }),
			...textMutations(parsed, r, 20),
			{ label: 'conditions nested 40 deep', value: setAt(parsed, ['rules', 0, 'conditions'], nestAll(40)) },
			{ label: 'conditions nested 5000 deep', value: setAt(parsed, ['rules', 0, 'conditions'], nestAll(5000)) },
			{ label: 'value nested 3000 deep', value: setAt(parsed, ['rules', 0, 'conditions', 'all', 0, 'value'], deep(3000)) },
			{ label: 'duplicated rule names', value: setAt(parsed, ['rules'], [parsed.rules[0], parsed.rules[0]]) },
			{ label: '__proto__ key', value: JSON.parse(json.replace('"conditions"', '"__proto__": {"x": 1}, "conditions"')) as unknown },
			{ label: '2000 rules', value: { rules: Array.from({ length: 2000 }, (_, i) => ({ ...(parsed.rules[0] as object), name: `r${i}` })) } },
		];
		for (const c of cases) {
			const outcome = attempt(() => validate(c.value));
			findings.count(outcome);
			if (!outcome.ok) {
				const problem = judgeError(outcome.error, [RULES_ERROR]);
				if (problem) findings.fail(c.label, problem);
				continue;
			}
			const problem = outcomeProblem(outcome.value as RuleSet, facts, kind);
			if (problem) findings.fail(c.label, problem);
		}
		reportCount(`validate${kind === 'sla' ? 'Sla' : 'Routing'}Rules`, findings);
		expect(findings.cases).toBeGreaterThan(300);
		expect(unexpected(`validate ${label}`, findings.report())).toEqual([]);
	}, limit(20_000));
});

function nestAll(depth: number): unknown {
	let node: unknown = { fact: 'rating', operator: 'equal', value: 1 };
	for (let i = 0; i < depth; i++) node = { all: [node] };
	return node;
}

describe('bad input: facts the rules run on', () => {
	it('evaluateRules gives events for any facts object, and buildFacts names the field of a bad interaction', () => {
		const findings = new Findings();
		const facts = buildFacts(interaction as never, labels, NOW);
		const r = rng('facts');
		for (const c of mutations(facts, r, { maxDepth: 3 })) {
			for (const [set, kind] of [[DEFAULT_SLA_RULES, 'sla'], [DEFAULT_ROUTING_RULES, 'routing']] as const) {
				const outcome = attempt(() => outcomeProblem(set, c.value as Record<string, unknown>, kind));
				findings.count(outcome);
				if (outcome.ok && outcome.value) findings.fail(`facts ${c.label} (${kind})`, outcome.value as string);
			}
		}
		for (const [name, value] of ODD_VALUES) {
			const outcome = attempt(() => evaluateRules(DEFAULT_SLA_RULES, value as never));
			findings.count(outcome);
			if (!outcome.ok && !(value === null || typeof value !== 'object')) findings.fail(`facts = ${name}`, judgeError(outcome.error, []) ?? '');
		}
		for (const c of mutations(interaction, r, { maxDepth: 3 })) {
			const outcome = attempt(() => buildFacts(c.value as never, labels, NOW));
			findings.count(outcome);
			if (!outcome.ok) {
				const problem = judgeError(outcome.error, [FACTS_ERROR]);
				if (problem) findings.fail(`interaction ${c.label}`, problem);
				continue;
			}
			const problem = outcomeProblem(DEFAULT_SLA_RULES, outcome.value as never, 'sla') ?? outcomeProblem(DEFAULT_ROUTING_RULES, outcome.value as never, 'routing');
			if (problem) findings.fail(`interaction ${c.label}`, problem);
		}
		for (const c of mutations(labels, r, { maxDepth: 2 })) {
			const outcome = attempt(() => buildFacts(interaction as never, c.value as never, NOW));
			findings.count(outcome);
			if (!outcome.ok) {
				const problem = judgeError(outcome.error, [FACTS_ERROR]);
				if (problem) findings.fail(`classification ${c.label}`, problem);
			}
		}
		reportCount('evaluateRules / buildFacts', findings);
		expect(findings.cases).toBeGreaterThan(500);
		expect(unexpected('facts', findings.report())).toEqual([]);
	}, limit(20_000));
});
