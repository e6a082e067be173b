// The bad-input sweep at node level for AgentIQ Classify, Draft and Guard: among good items, one malformed item.
// Without continueOnFail the node stops with a NodeOperationError/NodeApiError that carries that item's index and
// names the field; with continueOnFail the bad item comes out with its error and every good item still comes out,
// each with its pairedItem.

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { AgentIqClassify } from '../../../nodes/AgentIqClassify/AgentIqClassify.node';
import { AgentIqDraft } from '../../../nodes/AgentIqDraft/AgentIqDraft.node';
import { AgentIqGuard } from '../../../nodes/AgentIqGuard/AgentIqGuard.node';
import { classifyText } from '../../../src/classify';
import { DEFAULT_ROUTING_RULES_JSON, DEFAULT_SLA_RULES_JSON } from '../../../src/rules';
import { createContext } from '../../support/n8n-context';
import { unexpected } from './lib/known';
import { mutations, setAt } from './lib/mutate';
import { rng } from './lib/prng';
import { limit, thin } from './lib/scale';
import { ODD_VALUES } from './lib/values';
import { Findings, attemptAsync, judgeError, reportCount, type Allowed } from './lib/verdict';

const BAD = 1;

// A node error is for the bad item, says which, and names what is wrong (a quoted field or a parameter name).
const NODE_ERROR_NAMES = (e: Error) => {
	const context = (e as NodeOperationError).context as { itemIndex?: number } | undefined;
	const description = String((e as NodeOperationError).description ?? '');
	const forItem = context?.itemIndex === BAD || e.message.includes(`item ${BAD}`);
	const names = /"[^"]+"|Reply Text|Marketplace|Channel|Recent Replies|Related Products|Promo|SLA Rules|Routing Rules/.test(`${e.message} ${description}`);
	return forItem && names;
};
const NODE_ERRORS: Allowed[] = [
	{ type: NodeOperationError, names: NODE_ERROR_NAMES },
	{ type: NodeApiError, names: NODE_ERROR_NAMES },
];

function interaction(id: string, text: string, rating: number) {
	return {
		id: `wb:review:${id}`,
		marketplace: 'wb',
		channel: 'review',
		externalId: id,
		text,
		rating,
		productId: '146972802',
		productName: 'Платье летнее',
		buyerName: 'Анна',
		createdAt: '2026-11-25T09:00:00.000Z',
		answered: false,
		raw: {},
	};
}
const GOOD = [interaction('g0', 'Платье село идеально, ткань приятная, спасибо!', 5), interaction('g2', 'Шов разошёлся после первой стирки, брак', 1)];

type Run = (items: Array<{ json: Record<string, unknown> }>, continueOnFail: boolean, parameters?: (name: string, i: number) => unknown) => Promise<INodeExecutionData[][]>;

function runner(node: { execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> }, base: Record<string, unknown>): Run {
	return (items, continueOnFail, parameters) =>
		node.execute.call(
			createContext({
				items,
				continueOnFail,
				parameters: parameters ?? ((name: string) => base[name]),
			}) as unknown as IExecuteFunctions,
		);
}

/** One malformed item between two good ones, with and without continueOnFail. */
async function sweepItem(findings: Findings, label: string, run: Run, bad: unknown, resultKey: string, parameters?: (name: string, i: number) => unknown) {
	const items = [{ json: GOOD[0] }, { json: bad as Record<string, unknown> }, { json: GOOD[1] }];
	const strict = await attemptAsync(() => run(items, false, parameters));
	findings.count(strict);
	if (!strict.ok) {
		const problem = judgeError(strict.error, NODE_ERRORS);
		if (problem) findings.fail(label, problem);
	} else {
		const paired = (strict.value as INodeExecutionData[][]).flat().map((o) => (o.pairedItem as { item: number }).item).sort();
		if (paired.join() !== '0,1,2') findings.fail(label, `tolerated the item but paired items are ${paired.join()}`);
	}
	const lenient = await attemptAsync(() => run(items, true, parameters));
	findings.count(lenient);
	if (!lenient.ok) {
		findings.fail(`${label} (continueOnFail)`, `the node still threw: ${judgeError(lenient.error, []) ?? (lenient.error as Error).message}`);
		return;
	}
	const out = (lenient.value as INodeExecutionData[][]).flat();
	const byItem = new Map(out.map((o) => [(o.pairedItem as { item: number }).item, o]));
	if (out.length !== 3 || byItem.size !== 3) {
		findings.fail(`${label} (continueOnFail)`, `expected 3 items each paired once, got ${out.map((o) => JSON.stringify(o.pairedItem)).join(' ')}`);
		return;
	}
	for (const good of [0, 2]) {
		const json = byItem.get(good)!.json;
		if (json.error !== undefined || json[resultKey] === undefined) findings.fail(`${label} (continueOnFail)`, `good item ${good} came out without ${resultKey}: ${String(json.error)}`);
	}
	const badOut = byItem.get(BAD)!.json;
	if (!strict.ok && typeof badOut.error !== 'string') findings.fail(`${label} (continueOnFail)`, 'the bad item came out without its error');
}

const classify = runner(new AgentIqClassify(), {
	mode: 'offline',
	outputMode: 'perRoute',
	confidenceThreshold: 0.6,
	slaRules: DEFAULT_SLA_RULES_JSON,
	routingRules: DEFAULT_ROUTING_RULES_JSON,
	options: {},
});
const draft = runner(new AgentIqDraft(), { mode: 'template', kind: 'auto', tone: 'empathetic', options: {} });

describe('bad input at node level: AgentIQ Classify', () => {
	it('a malformed item fails alone, named by index and field', async () => {
		const findings = new Findings();
		const seed = interaction('bad', 'Где мой заказ 3104277203? Жду неделю', 2);
		for (const c of thin(mutations(seed, rng('node/classify'), { maxDepth: 2 }), 'classify', 0.5)) await sweepItem(findings, c.label, classify, c.value, 'classification');
		for (const [name, value] of ODD_VALUES) await sweepItem(findings, `item = ${name}`, classify, { value }, 'classification');
		reportCount('AgentIQ Classify node', findings);
		expect(findings.cases).toBeGreaterThan(200);
		expect(unexpected('Classify node', findings.report())).toEqual([]);
	}, limit(30_000));

	it('malformed rules stop the node with the rule path, and with continueOnFail every item carries the error', async () => {
		const findings = new Findings();
		const parsed = JSON.parse(DEFAULT_ROUTING_RULES_JSON) as unknown;
		const cases = mutations(parsed, rng('node/rules'), { under: ['rules', 0], maxDepth: 4 }).filter((_, i) => i % 4 === 0);
		for (const c of cases) {
			const parameters = (name: string) =>
				({ mode: 'offline', outputMode: 'single', confidenceThreshold: 0.6, slaRules: DEFAULT_SLA_RULES_JSON, routingRules: c.value, options: {} })[name];
			const items = GOOD.map((json) => ({ json }));
			const strict = await attemptAsync(() => classify(items, false, parameters));
			findings.count(strict);
			if (!strict.ok) {
				const e = strict.error as NodeOperationError;
				if (!(e instanceof NodeOperationError) || !/Routing rules: /.test(e.message) || !/Fix the Routing Rules parameter/.test(String(e.description))) {
					findings.fail(c.label, `rules error not reported as the parameter's: ${e.message?.slice(0, 160)}`);
				}
			}
			const lenient = await attemptAsync(() => classify(items, true, parameters));
			findings.count(lenient);
			const out = lenient.ok ? (lenient.value as INodeExecutionData[][]).flat() : [];
			if (!lenient.ok || out.length !== 2) findings.fail(`${c.label} (continueOnFail)`, 'items lost');
		}
		reportCount('AgentIQ Classify node, rules parameter', findings);
		expect(findings.cases).toBeGreaterThan(60);
		expect(unexpected('Classify node rules', findings.report())).toEqual([]);
	}, limit(30_000));
});

describe('bad input at node level: AgentIQ Draft', () => {
	it('a malformed item (interaction, classification, product or order) fails alone, named by index and field', async () => {
		const findings = new Findings();
		const seed = {
			...interaction('bad', 'Подойдёт ли размер M на рост 170?', 4),
			channel: 'question',
			classification: { ...classifyText({ text: 'Подойдёт ли размер M на рост 170?', channel: 'question' }), route: 'auto_reply', tags: [] },
			product: { name: 'Платье летнее', characteristics: [{ name: 'Состав', value: 'хлопок 100%' }], sizeTable: { columns: ['Рост'], rows: [{ size: 'M', values: ['164-170'] }] } },
			order: { order: { number: '3104277203', productName: 'Платье', size: 'M', status: 'sold' }, matchedBy: 'orderId' },
		};
		const r = rng('node/draft');
		const cases = [...mutations(seed, r, { maxDepth: 2 }), ...mutations(seed, r, { under: ['product'], maxDepth: 4 }), ...mutations(seed, r, { under: ['classification'], maxDepth: 2 })];
		for (const c of thin(cases, 'draft', 0.25)) {
			await sweepItem(findings, c.label, draft, c.value, 'draft');
		}
		reportCount('AgentIQ Draft node', findings);
		expect(findings.cases).toBeGreaterThan(200);
		expect(unexpected('Draft node', findings.report())).toEqual([]);
	}, limit(30_000));

	it('odd option values fail the item that has them, named', async () => {
		const findings = new Findings();
		for (const option of ['recentReplies', 'maxLength', 'signature', 'llmTimeoutSeconds'] as const) {
			for (const [name, value] of thin(ODD_VALUES, `draft/${option}`, 0.5)) {
				const parameters = (p: string, i: number) =>
					({ mode: 'template', kind: 'auto', tone: 'friendly', options: i === BAD ? { [option]: value } : {} })[p];
				await sweepItem(findings, `options.${option} = ${name}`, draft, interaction('b1', 'Спасибо, всё хорошо', 5), 'draft', parameters);
			}
		}
		for (const [name, value] of ODD_VALUES) {
			const parameters = (p: string, i: number) =>
				({ mode: 'template', kind: i === BAD ? 'fiveStarUpsell' : 'auto', tone: 'friendly', relatedProducts: value, promoCode: 'SALE10', options: {} })[p];
			await sweepItem(findings, `relatedProducts = ${name}`, draft, { ...interaction('b1', 'Спасибо, всё хорошо', 5), channel: 'chat' }, 'draft', parameters);
		}
		reportCount('AgentIQ Draft node options', findings);
		expect(unexpected('Draft node options', findings.report())).toEqual([]);
	}, limit(30_000));
});

describe('bad input at node level: AgentIQ Guard', () => {
	const guard = runner(new AgentIqGuard(), {});
	it('an odd reply text, marketplace, channel or option fails the item that has it, never passes it', async () => {
		const findings = new Findings();
		const good = { text: 'Спасибо за отзыв! Рады, что платье подошло.', marketplace: 'wb', channel: 'review', options: {} } as Record<string, unknown>;
		for (const field of ['text', 'marketplace', 'channel', 'options.buyerText', 'options.recentReplies', 'options.maxLength', 'options.similarityThreshold']) {
			for (const [name, value] of thin(ODD_VALUES, `guard/${field}`, 0.5)) {
				const badParams = setAt(good, field.split('.'), value) as Record<string, unknown>;
				const parameters = (p: string, i: number) => (i === BAD ? badParams : good)[p];
				const items = [{ json: { n: 0 } }, { json: { n: 1 } }, { json: { n: 2 } }];
				const strict = await attemptAsync(() => guard(items, false, parameters));
				findings.count(strict);
				if (!strict.ok) {
					const problem = judgeError(strict.error, NODE_ERRORS);
					if (problem) findings.fail(`${field} = ${name}`, problem);
				}
				const lenient = await attemptAsync(() => guard(items, true, parameters));
				findings.count(lenient);
				if (!lenient.ok) {
					findings.fail(`${field} = ${name} (continueOnFail)`, 'the node still threw');
					continue;
				}
				const [pass, blocked] = lenient.value as INodeExecutionData[][];
				const all = [...pass, ...blocked];
				if (all.length !== 3 || new Set(all.map((o) => (o.pairedItem as { item: number }).item)).size !== 3) findings.fail(`${field} = ${name}`, 'items lost or doubled');
				if (!strict.ok && pass.some((o) => (o.pairedItem as { item: number }).item === BAD)) findings.fail(`${field} = ${name}`, 'an item that could not be checked was passed');
			}
		}
		reportCount('AgentIQ Guard node', findings);
		expect(unexpected('Guard node', findings.report())).toEqual([]);
	}, limit(30_000));
});
