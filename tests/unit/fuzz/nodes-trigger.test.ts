// The bad-input sweep at the Wildberries Trigger: WB (nock) answers a poll with a garbage page — one malformed item
// next to a good one, a broken envelope, duplicated ids, odd cursors. Whatever comes back, the poll must not throw
// once a cursor exists, a failed poll must leave the cursor exactly as it was, a skipped item must be logged, and
// the good item must come out exactly once over this poll and the next clean one: nothing lost, nothing doubled.

import nock from 'nock';
import type { IPollFunctions, INodeExecutionData } from 'n8n-workflow';

import { WildberriesTrigger } from '../../../nodes/Wildberries/WildberriesTrigger.node';
import { BASE, context, feedback, feedbackPage } from '../wbnode/helpers';
import { interactionProblem } from './targets/wb';
import { unexpected } from './lib/known';
import { type Case, listMutations, mutations } from './lib/mutate';
import { rng } from './lib/prng';
import { limit, thin } from './lib/scale';
import { Findings, attemptAsync, judgeError, reportCount } from './lib/verdict';

const trigger = new WildberriesTrigger();
const poll = (ctx: unknown) => trigger.poll.call(ctx as IPollFunctions) as Promise<INodeExecutionData[][] | null>;
const iso = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();
const ids = (out: INodeExecutionData[][] | null) => (out?.[0] ?? []).map((i) => String(i.json.externalId));

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

interface Scenario {
	params: Record<string, unknown>;
	path: string;
	/** the page WB answers with, as JSON text */
	reply: (c: Case) => string;
	/** a clean page that still contains the good item */
	cleanReply: () => string;
	goodId: string;
	/** what the cursor may not become */
	cursorProblem?: (state: Record<string, unknown>) => string | null;
}

async function run(findings: Findings, label: string, scenario: Scenario, before: Record<string, unknown>, c: Case): Promise<void> {
	const staticData = structuredClone(before);
	nock(BASE).get(scenario.path).query(true).reply(200, scenario.reply(c)).persist();
	const ctx = context({ parameters: scenario.params, staticData });
	const first = await attemptAsync(() => poll(ctx));
	findings.count(first);
	nock.cleanAll();
	if (!first.ok) {
		findings.fail(label, `a poll with a cursor threw: ${judgeError(first.error, []) ?? (first.error as Error).message}`);
		return;
	}
	const out = first.value as INodeExecutionData[][] | null;
	for (const item of out?.[0] ?? []) {
		const problem = interactionProblem(item.json);
		if (problem) findings.fail(label, `emitted ${problem}`);
		if (!item.json.externalId) findings.fail(label, 'emitted an item without externalId');
	}
	const failed = ctx.logs.some((l) => l.level === 'error' && /poll failed, cursor kept/.test(l.message));
	if (failed && JSON.stringify(staticData) !== JSON.stringify(before)) findings.fail(label, 'the poll failed but the cursor changed');
	const problem = scenario.cursorProblem?.(staticData);
	if (problem) findings.fail(label, problem);
	const emitted = ids(out);
	nock(BASE).get(scenario.path).query(true).reply(200, scenario.cleanReply()).persist();
	const second = await attemptAsync(() => poll(context({ parameters: scenario.params, staticData })));
	nock.cleanAll();
	if (!second.ok) {
		findings.fail(label, `the clean poll after it threw: ${(second.error as Error).message}`);
		return;
	}
	const total = [...emitted, ...ids(second.value as INodeExecutionData[][] | null)].filter((id) => id === scenario.goodId).length;
	if (total !== 1) findings.fail(label, `the good item came out ${total} times over two polls${failed ? ' (first poll failed)' : ''}`);
}

describe('bad input at the Wildberries Trigger: reviews and questions', () => {
	const reviewParams = { event: 'newReview', onlyUnanswered: true, firstRun: 'includeExisting', options: { pageSize: 50 } };

	it('a garbage review page never loses the cursor or the good review', async () => {
		const findings = new Findings();
		const before: Record<string, unknown> = {};
		nock(BASE).get('/feedbacks/api/v1/feedbacks').query(true).reply(200, feedbackPage([feedback('old', iso(3000))]));
		await poll(context({ parameters: reviewParams, staticData: before }));
		nock.cleanAll();
		const good = feedback('good', iso(60));
		const page = feedbackPage([feedback('bad', iso(120)), good]);
		const r = rng('trigger/reviews');
		const cases = [
			...mutations(page, r, { under: ['data', 'feedbacks', 0], maxDepth: 3 }),
			...mutations(page, r, { maxDepth: 2 }),
			...listMutations(page, ['data', 'feedbacks'], 'id').filter((c) => !/copies/.test(c.label)),
		];
		const scenario: Scenario = {
			params: reviewParams,
			path: '/feedbacks/api/v1/feedbacks',
			reply: (c) => JSON.stringify(c.value),
			cleanReply: () => JSON.stringify(feedbackPage([good])),
			goodId: 'good',
			cursorProblem: (state) => {
				const cursor = (state.cursors as Record<string, { seen: Record<string, number>; resumeFrom?: number }>).newReview;
				const now = Date.now() / 1000;
				if (cursor.resumeFrom !== undefined && cursor.resumeFrom > now + 86400) return `cursor resumes from the future: ${cursor.resumeFrom}`;
				return null;
			},
		};
		for (const c of thin(cases, 'reviews', 0.35)) {
			// the list mutations keep the good item only when they keep the list; the page must still hold it
			const json = JSON.stringify(c.value);
			if (!json.includes('"good"')) continue;
			await run(findings, c.label, scenario, before, c);
		}
		reportCount('Wildberries Trigger, reviews', findings);
		expect(findings.cases).toBeGreaterThan(100);
		expect(unexpected('trigger', findings.report())).toEqual([]);
	}, limit(60_000));
});

describe('bad input at the Wildberries Trigger: chat messages', () => {
	const chatParams = { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: {} };
	const T = Date.now() - 600_000;
	const event = (eventID: string, chatID: string, ts: number, extra: Record<string, unknown> = {}) => ({
		chatID,
		eventID,
		eventType: 'message',
		isNewChat: false,
		message: { text: `сообщение ${eventID}`, attachments: { goodCard: { nmID: 146972802, price: 1690, priceCurrency: 'RUB', rid: 'd8534505a34c51161b6ac736909b87e3', size: '48' } } },
		source: 'rusite',
		addTimestamp: ts,
		addTime: new Date(ts).toISOString(),
		sender: 'client',
		clientName: 'Екатерина',
		...extra,
	});
	const page = (events: unknown[], next: number) => ({ result: { next, newestEventTime: '', oldestEventTime: '', totalEvents: events.length, events }, errors: null });

	it('a garbage events page never loses the cursor or the good message', async () => {
		const findings = new Findings();
		const before: Record<string, unknown> = {};
		nock(BASE).get('/chat/api/v1/seller/events').query(true).reply(200, page([event('e0', 'c0', T, { isNewChat: true, replySign: 'sign-c0' })], T + 1)).get('/chat/api/v1/seller/events').query(true).reply(200, page([], T + 1));
		await poll(context({ parameters: chatParams, staticData: before }));
		nock.cleanAll();
		const good = event('good', 'c2', T + 2000, { isNewChat: true, replySign: 'sign-c2' });
		const body = page([event('bad', 'c1', T + 1000, { isNewChat: true, replySign: 'sign-c1' }), good], T + 2001);
		const r = rng('trigger/chat');
		const cases = [
			...mutations(body, r, { under: ['result', 'events', 0], maxDepth: 4 }),
			...mutations(body, r, { maxDepth: 2 }),
			...listMutations(body, ['result', 'events'], 'eventID').filter((c) => !/copies/.test(c.label)),
		];
		const scenario: Scenario = {
			params: chatParams,
			path: '/chat/api/v1/seller/events',
			reply: (c) => JSON.stringify(c.value),
			cleanReply: () => JSON.stringify(page([good], T + 2001)),
			goodId: 'good',
			cursorProblem: (state) => {
				const cursor = (state.cursors as Record<string, { next?: number }>).newChatMessage;
				if (cursor.next !== undefined && !(Number.isSafeInteger(cursor.next) && cursor.next <= Date.now() + 86_400_000)) {
					return `chat cursor jumped to ${cursor.next}: every later message would be skipped`;
				}
				return null;
			},
		};
		for (const c of thin(cases, 'chat', 0.35)) {
			if (!JSON.stringify(c.value).includes('"good"')) continue;
			await run(findings, c.label, scenario, before, c);
		}
		reportCount('Wildberries Trigger, chat', findings);
		expect(findings.cases).toBeGreaterThan(100);
		expect(unexpected('trigger', findings.report())).toEqual([]);
	}, limit(60_000));
});
