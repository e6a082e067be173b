// Ozon rows of the sweep (src/ozon, written by another helper; used read-only): the list parsers with the
// normalisers the trigger runs on kept items, and the push endpoint's handler.

import { handlePush, type PushOutcome } from '../../../../src/ozon/push';
import { OzonResponseError, parseChatHistory, parseChatList, parseQuestionList, parseReviewList, type SkippedItem } from '../../../../src/ozon/parse';
import { normaliseChatMessage, normaliseQuestion, normaliseReview } from '../../../../src/ozon/normalise';
import type { BodyTarget } from '../lib/body-target';
import { get, type Path } from '../lib/mutate';
import { OZON_PUSH_EXAMPLES, marketplacePayloads } from '../lib/mp-payloads';
import { attempt, judgeError, MAX_MESSAGE, type Allowed } from '../lib/verdict';
import { interactionProblem } from './wb';

const OZON_RESPONSE: Allowed = { type: OzonResponseError, names: (e) => /^Ozon returned an unexpected [\w ]+: [\w.]+: \S/.test(e.message) };

function lenient(listPath: Path, kept: unknown[], skipped: SkippedItem[], body: unknown, normalise: (item: never) => unknown): string | null {
	const input = get(body, listPath);
	const total = Array.isArray(input) ? input.length : 0;
	if (kept.length + skipped.length !== total) return `kept ${kept.length} + skipped ${skipped.length} ≠ ${total} items sent`;
	for (const s of skipped) if (!/^[\w.[\]()]+: \S/.test(s.reason)) return `skip reason does not name the field: ${JSON.stringify(s.reason).slice(0, 120)}`;
	for (const item of kept) {
		const out = attempt(() => normalise(item as never));
		if (!out.ok) return `a kept item does not normalise (it would fail every poll): ${judgeError(out.error, []) ?? (out.error as Error).message}`;
		const wrong = interactionProblem(out.value);
		if (wrong) return wrong;
	}
	return null;
}

const payload = (key: 'ozonReviews' | 'ozonQuestions' | 'ozonChats' | 'ozonHistory', name: string) => async (): Promise<Array<[string, unknown]>> => [[name, (await marketplacePayloads())[key]]];

function pushProblem(outcome: unknown): string | null {
	const o = outcome as PushOutcome;
	switch (o.kind) {
		case 'ping':
			return typeof o.body.time === 'string' ? null : 'ping answer without time';
		case 'message':
			return interactionProblem(o.interaction);
		case 'ignored':
			return o.body.result === true ? null : 'ignored without {result: true}';
		case 'invalid': {
			const e = o.error;
			if (!(e.status >= 400 && e.status < 600)) return `error status ${e.status}`;
			if (!['ERROR_UNKNOWN', 'ERROR_PARAMETER_VALUE_MISSED', 'ERROR_REQUEST_DUPLICATED'].includes(e.body.error.code)) return `error code ${e.body.error.code}`;
			if (e.body.error.message.length > MAX_MESSAGE) return `error message is ${e.body.error.message.length} characters long`;
			return e.body.error.message ? null : 'error without a message';
		}
		default:
			return `unknown outcome ${JSON.stringify(o).slice(0, 80)}`;
	}
}

export const OZON_TARGETS: BodyTarget[] = [
	{
		marketplace: 'ozon',
		name: 'parseReviewList → normaliseReview',
		seeds: payload('ozonReviews', 'sandbox reviews'),
		lists: [{ path: ['reviews'], idKey: 'id' }],
		text: false,
		run: parseReviewList,
		allowed: [OZON_RESPONSE],
		check: (r, body) => lenient(['reviews'], (r as ReturnType<typeof parseReviewList>).items, (r as ReturnType<typeof parseReviewList>).skipped, body, (raw) => normaliseReview(raw)),
	},
	{
		marketplace: 'ozon',
		name: 'parseQuestionList → normaliseQuestion',
		seeds: payload('ozonQuestions', 'sandbox questions'),
		lists: [{ path: ['questions'], idKey: 'id' }],
		text: false,
		run: parseQuestionList,
		allowed: [OZON_RESPONSE],
		check: (r, body) => lenient(['questions'], (r as ReturnType<typeof parseQuestionList>).items, (r as ReturnType<typeof parseQuestionList>).skipped, body, (raw) => normaliseQuestion(raw)),
	},
	{
		marketplace: 'ozon',
		name: 'parseChatList',
		seeds: payload('ozonChats', 'sandbox chats'),
		lists: [{ path: ['chats'], idKey: 'last_message_id' }],
		text: false,
		run: parseChatList,
		allowed: [OZON_RESPONSE],
		check: (r, body) => {
			const page = r as ReturnType<typeof parseChatList>;
			const input = get(body, ['chats']);
			return page.chats.length + page.skipped.length === (Array.isArray(input) ? input.length : 0) ? null : 'chats lost without a skip report';
		},
	},
	{
		marketplace: 'ozon',
		name: 'parseChatHistory → normaliseChatMessage',
		seeds: payload('ozonHistory', 'sandbox chat history'),
		lists: [{ path: ['messages'], idKey: 'message_id' }],
		text: false,
		run: parseChatHistory,
		allowed: [OZON_RESPONSE],
		check: (r, body) => lenient(['messages'], (r as ReturnType<typeof parseChatHistory>).messages, (r as ReturnType<typeof parseChatHistory>).skipped, body, (raw) => normaliseChatMessage(raw, { chatId: 'c1' })),
	},
	{
		marketplace: 'ozon',
		name: 'handlePush (push endpoint)',
		seeds: () => OZON_PUSH_EXAMPLES,
		text: true,
		run: (body) => handlePush(body, { appName: 'AgentIQ', appVersion: '1', now: () => new Date(0) }),
		allowed: [],
		check: pushProblem,
	},
];
