// Wildberries rows of the sweep: every parser of src/wb/parse.ts, and the normalisers behind them as the trigger
// and the actions chain them.

import { interactionSchema } from '../../../../src/interaction';
import {
	WbResponseError,
	assertFeedbacksActionOk,
	chatReplySigns,
	findOrderByNumber,
	normaliseChatEvent,
	normaliseFeedback,
	normaliseQuestion,
	normaliseSupplierOrder,
	parseCard,
	parseChatEvents,
	parseChatEventsLenient,
	parseChats,
	parseFbsOrders,
	parseFeedback,
	parseFeedbackList,
	parseFeedbackListLenient,
	parseNewFeedbacksQuestions,
	parseOrderStatuses,
	parseQuestion,
	parseQuestionList,
	parseQuestionListLenient,
	parseSendMessageResult,
	parseSupplierOrders,
	parseUnansweredCount,
	withFbsStatuses,
	type SkippedItem,
} from '../../../../src/wb';
import type { BodyTarget } from '../lib/body-target';
import { get, type Path } from '../lib/mutate';
import { attempt, judgeError, type Allowed } from '../lib/verdict';
import { loadWbPayloads, type WbPayloads } from '../lib/wb-payloads';

let loaded: Promise<WbPayloads> | undefined;
const payloads = (key: keyof WbPayloads) => async () => (await (loaded ??= loadWbPayloads()))[key];

/** A WB parse error names where in the body the problem is. */
export const WB_RESPONSE: Allowed = {
	type: WbResponseError,
	names: (e) => (e as WbResponseError).path.length > 0 && e.message.length > 0,
};

/** An Interaction every downstream node can use: the schema holds and createdAt is a real instant. */
export function interactionProblem(value: unknown): string | null {
	const parsed = interactionSchema.safeParse(value);
	if (!parsed.success) return `normalised item breaks the Interaction schema: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`;
	if (!Number.isFinite(Date.parse(parsed.data.createdAt))) return `createdAt is not a readable instant: ${parsed.data.createdAt}`;
	return null;
}

/**
 * The lenient contract: every item is either kept or reported once with its index and a reason that names a
 * field; and every kept item normalises (a kept item that throws would fail the trigger's whole poll, every poll).
 */
function lenientProblem(listPath: Path, kept: unknown[], skipped: SkippedItem[], body: unknown, normalise: (item: never) => unknown): string | null {
	const input = typeof body === 'string' ? get(JSON.parse(body.trim().replace(/^\uFEFF/, '')), listPath) : get(body, listPath);
	const total = Array.isArray(input) ? input.length : 0;
	if (kept.length + skipped.length !== total) return `kept ${kept.length} + skipped ${skipped.length} ≠ ${total} items sent`;
	const indexes = new Set(skipped.map((s) => s.index));
	if (indexes.size !== skipped.length) return 'an item is reported as skipped twice';
	for (const s of skipped) {
		if (!Number.isInteger(s.index) || s.index < 0 || s.index >= total) return `skipped index ${s.index} is outside the list`;
		if (!/^[\w.[\]()]+: \S/.test(s.reason)) return `skip reason does not name the field: ${JSON.stringify(s.reason).slice(0, 120)}`;
	}
	for (const item of kept) {
		const out = attempt(() => normalise(item as never));
		if (!out.ok) return `a kept item does not normalise (it would fail every poll): ${judgeError(out.error, []) ?? ''}`;
		if (out.value !== null) {
			const wrong = interactionProblem(out.value);
			if (wrong) return wrong;
		}
	}
	return null;
}

const FEEDBACKS: Path = ['data', 'feedbacks'];
const QUESTIONS: Path = ['data', 'questions'];
const EVENTS: Path = ['result', 'events'];

export const WB_TARGETS: BodyTarget[] = [
	{
		marketplace: 'wb',
		name: 'parseFeedbackList',
		seeds: payloads('feedbackList'),
		lists: [{ path: FEEDBACKS, idKey: 'id' }],
		run: parseFeedbackList,
		allowed: [WB_RESPONSE],
	},
	{
		marketplace: 'wb',
		name: 'parseFeedbackListLenient → normaliseFeedback',
		seeds: payloads('feedbackList'),
		lists: [{ path: FEEDBACKS, idKey: 'id' }],
		run: parseFeedbackListLenient,
		allowed: [WB_RESPONSE],
		check: (result, body) => {
			const r = result as ReturnType<typeof parseFeedbackListLenient>;
			return lenientProblem(FEEDBACKS, r.feedbacks, r.skipped, body, (raw) => normaliseFeedback(raw, { isAnswered: false }));
		},
	},
	{
		marketplace: 'wb',
		name: 'parseFeedback → normaliseFeedback',
		seeds: payloads('feedback'),
		run: (body) => normaliseFeedback(parseFeedback(body)),
		allowed: [WB_RESPONSE],
		check: interactionProblem,
	},
	{
		marketplace: 'wb',
		name: 'parseQuestionList',
		seeds: payloads('questionList'),
		lists: [{ path: QUESTIONS, idKey: 'id' }],
		run: parseQuestionList,
		allowed: [WB_RESPONSE],
	},
	{
		marketplace: 'wb',
		name: 'parseQuestionListLenient → normaliseQuestion',
		seeds: payloads('questionList'),
		lists: [{ path: QUESTIONS, idKey: 'id' }],
		run: parseQuestionListLenient,
		allowed: [WB_RESPONSE],
		check: (result, body) => {
			const r = result as ReturnType<typeof parseQuestionListLenient>;
			return lenientProblem(QUESTIONS, r.questions, r.skipped, body, (raw) => normaliseQuestion(raw));
		},
	},
	{
		marketplace: 'wb',
		name: 'parseQuestion → normaliseQuestion',
		seeds: payloads('question'),
		run: (body) => normaliseQuestion(parseQuestion(body)),
		allowed: [WB_RESPONSE],
		check: interactionProblem,
	},
	{
		marketplace: 'wb',
		name: 'parseChatEvents',
		seeds: payloads('chatEvents'),
		lists: [{ path: EVENTS, idKey: 'eventID' }],
		run: parseChatEvents,
		allowed: [WB_RESPONSE],
	},
	{
		marketplace: 'wb',
		name: 'parseChatEventsLenient → normaliseChatEvent',
		seeds: payloads('chatEvents'),
		lists: [{ path: EVENTS, idKey: 'eventID' }],
		run: parseChatEventsLenient,
		allowed: [WB_RESPONSE],
		check: (result, body) => {
			const r = result as ReturnType<typeof parseChatEventsLenient>;
			if (!Number.isSafeInteger(r.next)) return `next cursor is not a safe integer: ${r.next}`;
			return lenientProblem(EVENTS, r.events, r.skipped, body, (event) => normaliseChatEvent(event, { replySign: 'sign' }));
		},
	},
	{
		marketplace: 'wb',
		name: 'parseChats → chatReplySigns',
		seeds: payloads('chats'),
		lists: [{ path: ['result'], idKey: 'chatID' }],
		run: (body) => chatReplySigns(parseChats(body)),
		allowed: [WB_RESPONSE],
	},
	{
		marketplace: 'wb',
		name: 'parseSendMessageResult',
		seeds: payloads('sendMessage'),
		run: parseSendMessageResult,
		allowed: [WB_RESPONSE],
	},
	{
		marketplace: 'wb',
		name: 'parseUnansweredCount',
		seeds: payloads('unansweredCount'),
		run: parseUnansweredCount,
		allowed: [WB_RESPONSE],
	},
	{
		marketplace: 'wb',
		name: 'parseNewFeedbacksQuestions',
		seeds: payloads('newFeedbacksQuestions'),
		run: parseNewFeedbacksQuestions,
		allowed: [WB_RESPONSE],
	},
	{
		marketplace: 'wb',
		name: 'assertFeedbacksActionOk',
		seeds: () => [['questions PATCH answer (spec)', { data: null, error: false, errorText: '', additionalErrors: null }]],
		run: assertFeedbacksActionOk,
		allowed: [WB_RESPONSE],
	},
	{
		marketplace: 'wb',
		name: 'parseFbsOrders → withFbsStatuses',
		seeds: payloads('fbsOrders'),
		lists: [{ path: ['orders'], idKey: 'id' }],
		run: (body) => withFbsStatuses(parseFbsOrders(body).orders, []),
		allowed: [WB_RESPONSE],
		check: (orders) => ((orders as Array<{ createdAt: string }>).every((o) => Number.isFinite(Date.parse(o.createdAt))) ? null : 'an order createdAt is not a readable instant'),
	},
	{
		marketplace: 'wb',
		name: 'parseOrderStatuses',
		seeds: payloads('orderStatuses'),
		lists: [{ path: ['orders'], idKey: 'id' }],
		run: parseOrderStatuses,
		allowed: [WB_RESPONSE],
	},
	{
		marketplace: 'wb',
		name: 'parseSupplierOrders → normaliseSupplierOrder → findOrderByNumber',
		seeds: payloads('supplierOrders'),
		lists: [{ path: [], idKey: 'srid' }],
		run: (body) => {
			const orders = parseSupplierOrders(body).map(normaliseSupplierOrder);
			return orders.length ? findOrderByNumber(orders[0].srid ?? '', orders) : null;
		},
		allowed: [WB_RESPONSE],
	},
	{
		marketplace: 'wb',
		name: 'parseCard',
		seeds: payloads('card'),
		run: parseCard,
		allowed: [WB_RESPONSE],
		check: (card) => {
			const c = card as ReturnType<typeof parseCard>;
			if (typeof c.name !== 'string' || !Array.isArray(c.characteristics)) return 'card without name or characteristics';
			if (c.sizeTable && c.sizeTable.rows.some((row) => row.values.some((v) => typeof v !== 'string'))) return 'size table value is not text';
			return null;
		},
	},
];
