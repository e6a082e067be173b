// The bad-input sweep over the core's inputs that do not come from a marketplace: items a workflow hands to the
// processing nodes (readProcessingInput and what Classify does with it), odd texts for the classifier, the
// guardrails and the order-number extraction, and the WB request builders' parameters. Every case ends in a
// result that holds up or a documented error that names the field.

import { decide } from '../../../src/classification';
import { classifyText } from '../../../src/classify';
import { check } from '../../../src/guardrails';
import { InputFieldError, readProcessingInput } from '../../../src/interaction-input';
import { CHANNELS, MARKETPLACES } from '../../../src/interaction';
import { extractOrderNumber, findOrderNumbers } from '../../../src/orders/order-number';
import { DEFAULT_ROUTING_RULES, DEFAULT_SLA_RULES, FactsError } from '../../../src/rules';
import {
	WbInputError,
	answerFeedback,
	answerQuestion,
	chatEvents,
	fbsOrderStatuses,
	findOrderByNumber,
	listFeedbacks,
	listQuestions,
	normaliseChatEvent,
	normaliseFeedback,
	normaliseOrderNumber,
	parseChatEvents,
	parseFeedbackList,
	productCard,
	rejectQuestion,
	sendChatMessage,
	toUnixSeconds,
} from '../../../src/wb';
import { unexpected } from './lib/known';
import { mutations } from './lib/mutate';
import { rng } from './lib/prng';
import { limit, thin } from './lib/scale';
import { ODD_VALUES, TEXTS } from './lib/values';
import { type Allowed, Findings, attempt, judgeError, reportCount } from './lib/verdict';
import { FIXED_NOW, loadWbPayloads } from './lib/wb-payloads';

const ITEM = 3;
const NOW = new Date(FIXED_NOW);

function run(findings: Findings, label: string, fn: () => unknown, allowed: Allowed[], check?: (value: unknown) => string | null): void {
	const outcome = attempt(fn);
	findings.count(outcome);
	if (!outcome.ok) {
		const problem = judgeError(outcome.error, allowed);
		if (problem) findings.fail(label, problem);
	} else if (check) {
		const problem = check(outcome.value);
		if (problem) findings.fail(label, problem);
	}
}

const INPUT_FIELD: Allowed = {
	type: InputFieldError,
	names: (e) => e.message.includes(`"${(e as InputFieldError).field}"`) && e.message.includes(`item ${ITEM}`),
};
const FACTS: Allowed = { type: FactsError, names: (e) => e.message.includes(`"${(e as FactsError).field}"`) };

describe('bad input: items handed to AgentIQ Classify (readProcessingInput → classifyText → rules)', () => {
	it('ends every mutated item in a classification or an error naming the field and the item', async () => {
		const wb = await loadWbPayloads();
		const review = normaliseFeedback(parseFeedbackList(wb.feedbackList[0][1]).feedbacks[0], { isAnswered: false });
		const chatEvent = parseChatEvents(wb.chatEvents[0][1]).events.find((e) => e.sender === 'client')!;
		const chat = {
			...normaliseChatEvent(chatEvent, { replySign: 's' })!,
			history: [
				{ from: 'buyer', text: 'Здравствуйте', at: '2026-11-20T10:00:00.000Z' },
				{ from: 'seller', text: 'Добрый день!', at: '2026-11-20T10:05:00.000Z' },
			],
			raw: { repeatContact: 2 },
		};
		const plain = { text: 'Где мой заказ 3104277203?', channel: 'question', rating: '' };
		const findings = new Findings();
		for (const [name, seed] of [['WB review Interaction', review], ['WB chat Interaction with history', chat], ['plain item', plain]] as const) {
			for (const c of thin(mutations(seed, rng(`classify-input/${name}`), { maxDepth: 3 }), name, 0.5)) {
				run(
					findings,
					`${name}: ${c.label}`,
					() => {
						const input = readProcessingInput(c.value as Record<string, unknown>, ITEM);
						const labels = { ...classifyText({ text: input.text, channel: input.channel, rating: input.rating, marketplace: input.marketplace, history: input.history }), engine: 'offline' as const };
						return decide({ ...(c.value as object), text: input.text, channel: input.channel, rating: input.rating } as never, labels, { sla: DEFAULT_SLA_RULES, routing: DEFAULT_ROUTING_RULES }, NOW);
					},
					[INPUT_FIELD, FACTS],
					(value) => {
						const cl = value as ReturnType<typeof decide>;
						if (!Number.isFinite(Date.parse(cl.dueAt))) return `dueAt is not a date: ${cl.dueAt}`;
						if (!(cl.confidence >= 0 && cl.confidence <= 1)) return `confidence ${cl.confidence}`;
						if (!Number.isInteger(cl.signals.repeatContact) || cl.signals.repeatContact < 0) return `repeatContact ${cl.signals.repeatContact}`;
						return null;
					},
				);
			}
		}
		reportCount('readProcessingInput → classifyText → decide', findings);
		expect(findings.cases).toBeGreaterThan(200);
		expect(unexpected('Classify input', findings.report())).toEqual([]);
	}, limit(20_000));

	it('reads a wrongly typed rating as an error, never as a star count', () => {
		for (const rating of [true, false, [3], { v: 4 }, '4.0abc', 'пять', 4.5, 0, 6, Number.NaN]) {
			expect(() => readProcessingInput({ text: 'ok', channel: 'review', rating }, 2)).toThrow(InputFieldError);
		}
		expect(readProcessingInput({ text: 'ok', channel: 'review', rating: ' 4 ' }, 0).rating).toBe(4);
		expect(readProcessingInput({ text: 'ok', channel: 'review', rating: 5 }, 0).rating).toBe(5);
	});

	it('names the broken history entry and the item instead of crashing on it', () => {
		const at = '2026-11-20T10:00:00.000Z';
		for (const history of [[null], [1], ['text'], [{ from: 'bot', text: 'x', at }], [{ from: 'buyer', text: 5, at }], [[]]]) {
			expect(() => readProcessingInput({ text: 'ok', channel: 'chat', history }, 4)).toThrow(/"history\[0\]\.?\w*".*item 4|"history\[0\]".*item 4/);
		}
		const ok = readProcessingInput({ text: 'ok', channel: 'chat', history: [{ from: 'buyer', text: 'a', at }] }, 0);
		expect(ok.history).toHaveLength(1);
	});
});

describe('bad input: odd texts for the classifier, the guardrails and the order-number extraction', () => {
	const CLASSIFY_ERROR: Allowed = { type: Error, names: (e) => /^classifyText: field "\w+"/.test(e.message) };
	const GUARD_ERROR: Allowed = { type: TypeError, names: (e) => /^guardrails: "\w+/.test(e.message) };
	const ORDER_ERROR: Allowed = { type: TypeError, names: (e) => /^order number: "\w+"/.test(e.message) };

	it('classifyText labels every odd text, and names the field of odd inputs', () => {
		const findings = new Findings();
		const labelled = (value: unknown) => {
			const r = value as ReturnType<typeof classifyText>;
			return typeof r.intent === 'string' && r.confidence >= 0 && r.confidence <= 1 ? null : `odd result ${JSON.stringify(r).slice(0, 100)}`;
		};
		for (const [name, text] of TEXTS) {
			for (const channel of text.length > 10_000 ? CHANNELS.slice(0, 1) : CHANNELS) {
				run(findings, `${name} / ${channel}`, () => classifyText({ text, channel, rating: 3 }), [CLASSIFY_ERROR], labelled);
			}
		}
		for (const [name, value] of ODD_VALUES) {
			for (const field of ['text', 'channel', 'rating', 'marketplace', 'history'] as const) {
				const input = { text: 'Пришёл брак', channel: 'review', rating: 1, [field]: value };
				run(findings, `${field} = ${name}`, () => classifyText(input as never), [CLASSIFY_ERROR], labelled);
			}
		}
		reportCount('classifyText', findings);
		expect(unexpected('classifyText', findings.report())).toEqual([]);
	}, limit(20_000));

	it('check (guardrails) gives spans inside the reply for every odd text, and names the field of odd contexts', () => {
		const findings = new Findings();
		const spans = (text: string) => (value: unknown) => {
			const r = value as ReturnType<typeof check>;
			const bad = r.violations.find((v) => !(v.start >= 0 && v.start <= v.end && v.end <= text.length));
			return bad ? `violation ${bad.rule} span ${bad.start}..${bad.end} outside the text (${text.length})` : null;
		};
		for (const [name, text] of TEXTS) {
			run(findings, `reply ${name}`, () => check(text, { marketplace: 'wb', channel: 'review', buyerText: text.slice(0, 1000) }), [GUARD_ERROR], spans(text));
			run(findings, `reply ${name} vs recent`, () => check(text.slice(0, 2000), { marketplace: 'ozon', channel: 'chat', recentReplies: [text.slice(0, 2000), ''] }), [GUARD_ERROR], spans(text.slice(0, 2000)));
		}
		const reply = 'Спасибо за отзыв! Рады, что размер подошёл.';
		for (const [name, value] of ODD_VALUES) {
			for (const field of ['marketplace', 'channel', 'buyerText', 'recentReplies', 'maxLength', 'similarityThreshold'] as const) {
				run(findings, `ctx.${field} = ${name}`, () => check(reply, { marketplace: 'wb', channel: 'chat', [field]: value } as never), [GUARD_ERROR], spans(reply));
			}
			run(findings, `text = ${name}`, () => check(value as string, { marketplace: 'wb', channel: 'chat' }), [GUARD_ERROR], typeof value === 'string' ? spans(value) : undefined);
		}
		reportCount('guardrails check', findings);
		expect(unexpected('guardrails check', findings.report())).toEqual([]);
	}, limit(20_000));

	it('order-number extraction returns spans inside the text or null, and names the field of odd inputs', () => {
		const findings = new Findings();
		// the 1 MB texts run for one marketplace: the scan is linear, about a second per megabyte
		for (const [name, text] of TEXTS.filter(([n, t]) => t.length <= 10_000 || n === '1 MB of digits')) {
			for (const marketplace of text.length > 10_000 ? MARKETPLACES.slice(0, 1) : MARKETPLACES) {
				run(findings, `${name} / ${marketplace}`, () => findOrderNumbers(text, marketplace), [ORDER_ERROR], (value) => {
					const bad = (value as ReturnType<typeof findOrderNumbers>).find((c) => !(c.start >= 0 && c.end <= text.length && c.start < c.end && c.number.length > 0 && text.slice(c.start, c.end) === c.raw));
					return bad ? `candidate ${JSON.stringify(bad)} outside the text` : null;
				});
				if (text.length > 10_000) continue;
				run(findings, `extract ${name} / ${marketplace}`, () => extractOrderNumber(text, marketplace), [ORDER_ERROR], (value) =>
					value === null || (typeof value === 'string' && value.length > 0) ? null : `odd order number ${JSON.stringify(value)}`,
				);
			}
		}
		for (const [name, value] of ODD_VALUES) {
			if (typeof value !== 'string' || value.length <= 10_000) run(findings, `text = ${name}`, () => extractOrderNumber(value as string, 'wb'), [ORDER_ERROR]);
			run(findings, `marketplace = ${name}`, () => extractOrderNumber('заказ 3104277203', value as never), [ORDER_ERROR]);
			run(findings, `normaliseOrderNumber(${name})`, () => findOrderByNumber(normaliseOrderNumber(value as string), []), []);
		}
		reportCount('order-number extraction', findings);
		expect(findings.report()).toEqual([]);
	}, limit(20_000));
});

describe('bad input: parameters of the WB request builders', () => {
	const WB_INPUT: Allowed = { type: WbInputError, names: (e) => e.message.includes((e as WbInputError).field) };
	it('throws WbInputError naming the parameter for every odd value', () => {
		const findings = new Findings();
		const builders: Array<[string, (v: unknown) => unknown]> = [
			['answerFeedback id', (v) => answerFeedback(v as string, 'Спасибо за отзыв!')],
			['answerFeedback text', (v) => answerFeedback('abc', v as string)],
			['answerQuestion text', (v) => answerQuestion('abc', v as string)],
			['rejectQuestion id', (v) => rejectQuestion(v as string, 'Не по теме')],
			['sendChatMessage replySign', (v) => sendChatMessage(v as string, 'Здравствуйте')],
			['sendChatMessage message', (v) => sendChatMessage('1:abc:sign', v as string)],
			['listFeedbacks take', (v) => listFeedbacks({ isAnswered: false, take: v as number, skip: 0 })],
			['listFeedbacks dateFrom', (v) => listFeedbacks({ isAnswered: false, take: 10, skip: 0, dateFrom: v as number })],
			['listQuestions skip', (v) => listQuestions({ isAnswered: false, take: 10, skip: v as number })],
			['chatEvents next', (v) => chatEvents(v as number)],
			['fbsOrderStatuses ids', (v) => fbsOrderStatuses(v as number[])],
			['fbsOrderStatuses id', (v) => fbsOrderStatuses([v as number])],
			['productCard nmId', (v) => productCard(v as number)],
			['productCard basket', (v) => productCard(146972802, v as string)],
			['toUnixSeconds', (v) => toUnixSeconds(v as string)],
		];
		for (const [name, build] of builders) {
			for (const [label, value] of ODD_VALUES) run(findings, `${name} = ${label}`, () => build(value), [WB_INPUT]);
		}
		reportCount('WB request builders', findings);
		expect(findings.report()).toEqual([]);
	});
});
