// Yandex.Market rows of the sweep (src/ym, written by another helper; used read-only): the Partner API page parsers
// with the normalisers the trigger runs on kept items, and the notification (push) parser.

import { ZodError } from 'zod';

import { parseNotification } from '../../../../src/ym/notification';
import { normaliseChatMessage, normaliseFeedback, normaliseQuestion } from '../../../../src/ym/normalise';
import { YmResponseError, parseChatPage, parseFeedbackPage, parseHistoryPage, parseOrderPage, parseQuestionPage, type SkippedItem } from '../../../../src/ym/parse';
import type { BodyTarget } from '../lib/body-target';
import { get, type Path } from '../lib/mutate';
import { YM_NOTIFICATION_EXAMPLES, marketplacePayloads, type MarketplacePayloads } from '../lib/mp-payloads';
import { attempt, judgeError, MAX_MESSAGE, type Allowed } from '../lib/verdict';
import { interactionProblem } from './wb';

const YM_RESPONSE: Allowed = { type: YmResponseError, names: (e) => (e as YmResponseError).path.length > 0 };

function lenient(listPath: Path, kept: unknown[], skipped: SkippedItem[], body: unknown, normalise?: (item: never) => unknown): string | null {
	const parsed = typeof body === 'string' ? JSON.parse(body) : body;
	const input = get(parsed, listPath);
	const total = Array.isArray(input) ? input.length : 0;
	if (kept.length + skipped.length !== total) return `kept ${kept.length} + skipped ${skipped.length} ≠ ${total} items sent`;
	for (const s of skipped) if (!/^[\w.[\]()]+: \S/.test(s.reason)) return `skip reason does not name the field: ${JSON.stringify(s.reason).slice(0, 120)}`;
	if (!normalise) return null;
	for (const item of kept) {
		const out = attempt(() => normalise(item as never));
		if (!out.ok) return `a kept item does not normalise (it would fail every poll): ${judgeError(out.error, [{ type: ZodError }]) ?? ''}${(out.error as Error).message.slice(0, 160)}`;
		const wrong = interactionProblem(out.value);
		if (wrong) return wrong;
	}
	return null;
}

const payload = (key: keyof MarketplacePayloads, name: string) => async (): Promise<Array<[string, unknown]>> => [[name, (await marketplacePayloads())[key]]];
type PageOf = { items: unknown[]; skipped: SkippedItem[] };

export const YM_TARGETS: BodyTarget[] = [
	{
		marketplace: 'ym',
		name: 'parseFeedbackPage → normaliseFeedback',
		seeds: payload('ymFeedbacks', 'sandbox reviews'),
		lists: [{ path: ['result', 'feedbacks'], idKey: 'feedbackId' }],
		run: parseFeedbackPage,
		allowed: [YM_RESPONSE],
		check: (r, body) => lenient(['result', 'feedbacks'], (r as PageOf).items, (r as PageOf).skipped, body, (raw) => normaliseFeedback(raw)),
	},
	{
		marketplace: 'ym',
		name: 'parseQuestionPage → normaliseQuestion',
		seeds: payload('ymQuestions', 'sandbox questions'),
		lists: [{ path: ['result', 'questions'], idKey: 'text' }],
		run: parseQuestionPage,
		allowed: [YM_RESPONSE],
		check: (r, body) => lenient(['result', 'questions'], (r as PageOf).items, (r as PageOf).skipped, body, (raw) => normaliseQuestion(raw, { answered: false })),
	},
	{
		marketplace: 'ym',
		name: 'parseChatPage',
		seeds: payload('ymChats', 'sandbox chats'),
		lists: [{ path: ['result', 'chats'], idKey: 'chatId' }],
		run: parseChatPage,
		allowed: [YM_RESPONSE],
		check: (r, body) => lenient(['result', 'chats'], (r as PageOf).items, (r as PageOf).skipped, body),
	},
	{
		marketplace: 'ym',
		name: 'parseHistoryPage → normaliseChatMessage',
		seeds: payload('ymHistory', 'sandbox chat history'),
		lists: [{ path: ['result', 'messages'], idKey: 'messageId' }],
		run: parseHistoryPage,
		allowed: [YM_RESPONSE],
		check: (r, body) => lenient(['result', 'messages'], (r as PageOf).items, (r as PageOf).skipped, body, (m) => normaliseChatMessage(940000006, m, { answered: false })),
	},
	{
		marketplace: 'ym',
		name: 'parseOrderPage',
		seeds: payload('ymOrders', 'sandbox orders'),
		lists: [{ path: ['orders'], idKey: 'orderId' }],
		run: parseOrderPage,
		allowed: [YM_RESPONSE],
		check: (r, body) => lenient(['orders'], (r as PageOf).items, (r as PageOf).skipped, body),
	},
	{
		marketplace: 'ym',
		name: 'parseNotification (push endpoint)',
		seeds: () => YM_NOTIFICATION_EXAMPLES,
		run: parseNotification,
		allowed: [],
		check: (outcome) => {
			const o = outcome as ReturnType<typeof parseNotification>;
			if (o.kind === 'invalid') {
				if (!o.message) return 'invalid without a message';
				if (o.message.length > MAX_MESSAGE) return `invalid message is ${o.message.length} characters long`;
			}
			return null;
		},
	},
];
