// The bad-input sweep at the push endpoints (Ozon Push Trigger, Yandex Market Push Trigger; another helper's nodes,
// used read-only): mutated notifications are delivered as n8n delivers a webhook request. Every one must get an
// answer in the marketplace's documented shape (never an exception, never silence), and what starts a run must be a
// valid Interaction.

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { OzonPushTrigger } from '../../../nodes/Ozon/OzonPushTrigger.node';
import { YandexMarketPushTrigger } from '../../../nodes/YandexMarket/YandexMarketPushTrigger.node';
import { context as ymContext, startSandbox, type SandboxHandle } from '../ymnode/helpers';
import { interactionProblem } from './targets/wb';
import { unexpected } from './lib/known';
import { OZON_PUSH_EXAMPLES, YM_NOTIFICATION_EXAMPLES } from './lib/mp-payloads';
import { type Case, mutations, textMutations } from './lib/mutate';
import { rng } from './lib/prng';
import { limit, thin } from './lib/scale';
import { Findings, attemptAsync, judgeError, MAX_MESSAGE, reportCount } from './lib/verdict';

interface Delivery {
	status: number;
	body: IDataObject | undefined;
	runs: IDataObject[];
}

let serial = 0;

function answerProblem(d: Delivery, ok: (body: IDataObject) => boolean, error: (body: IDataObject) => boolean): string | null {
	if (d.status === 0) return 'no answer was sent';
	if (d.status === 200 ? !ok(d.body ?? {}) : !(d.status >= 400 && d.status < 600 && error(d.body ?? {}))) return `answer ${d.status} ${JSON.stringify(d.body).slice(0, 160)} is not in the documented shape`;
	if (JSON.stringify(d.body ?? {}).length > MAX_MESSAGE + 200) return `answer body is ${JSON.stringify(d.body).length} characters long`;
	for (const run of d.runs) {
		const wrong = interactionProblem(run);
		if (wrong) return `started a run with ${wrong}`;
	}
	return null;
}

/** Returns how many cases started a run, so a sweep that never reaches the happy path is noticed. */
async function sweepPush(findings: Findings, cases: Case[], deliver: (body: unknown) => Promise<Delivery>, check: (d: Delivery) => string | null): Promise<number> {
	let runs = 0;
	for (const c of cases) {
		const outcome = await attemptAsync(() => deliver(c.value));
		findings.count(outcome);
		if (!outcome.ok) {
			findings.fail(c.label, `the webhook threw: ${judgeError(outcome.error, []) ?? (outcome.error as Error).message}`);
			continue;
		}
		const problem = check(outcome.value as Delivery);
		if (problem) findings.fail(c.label, problem);
		if ((outcome.value as Delivery).runs.length > 0) runs++;
	}
	return runs;
}

function casesOf(examples: Array<[string, unknown]>, seed: string): Case[] {
	const r = rng(seed);
	return examples.flatMap(([name, body]) => [...mutations(body, r, { maxDepth: 3 }), ...textMutations(body, r, 6)].map((c) => ({ label: `${name}: ${c.label}`, value: c.value })));
}

describe('bad input at the Ozon push endpoint', () => {
	const trigger = new OzonPushTrigger();
	const deliver = async (body: unknown): Promise<Delivery> => {
		const answer: Delivery = { status: 0, body: undefined, runs: [] };
		const res = {
			status(code: number) {
				answer.status = code;
				return res;
			},
			type: () => res,
			send(text: string) {
				answer.body = JSON.parse(text) as IDataObject;
				return res;
			},
		};
		const workflowId = `fuzz-${++serial}`;
		const ctx = {
			getBodyData: () => (typeof body === 'string' ? {} : body),
			getRequestObject: () => ({ headers: {}, socket: { remoteAddress: '127.0.0.1' }, rawBody: typeof body === 'string' ? Buffer.from(body) : undefined }),
			getResponseObject: () => res,
			getNodeParameter: (_name: string, fallback: unknown) => fallback,
			getWorkflow: () => ({ id: workflowId }),
			getNode: () => ({ id: 'push-node' }),
			logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
		};
		const result: IWebhookResponseData = await trigger.webhook.call(ctx as unknown as IWebhookFunctions);
		answer.runs = (result.workflowData?.[0] ?? []).map((i) => i.json);
		return answer;
	};

	it('answers every malformed notification in Ozon\'s shape and starts runs only with valid Interactions', async () => {
		const findings = new Findings();
		const ok = (b: IDataObject) => b.result === true || (typeof b.version === 'string' && typeof b.name === 'string' && typeof b.time === 'string');
		const error = (b: IDataObject) => {
			const e = b.error as IDataObject | undefined;
			return !!e && ['ERROR_UNKNOWN', 'ERROR_PARAMETER_VALUE_MISSED', 'ERROR_REQUEST_DUPLICATED'].includes(String(e.code)) && typeof e.message === 'string';
		};
		const runs = await sweepPush(findings, thin(casesOf(OZON_PUSH_EXAMPLES, 'push/ozon'), 'push/ozon', 0.5), deliver, (d) => answerProblem(d, ok, error));
		reportCount('Ozon Push Trigger (webhook)', findings);
		expect(findings.cases).toBeGreaterThan(100);
		expect(runs).toBeGreaterThan(0);
		expect(unexpected('Ozon push node', findings.report())).toEqual([]);
	}, limit(30_000));
});

describe('bad input at the Yandex Market push endpoint', () => {
	const trigger = new YandexMarketPushTrigger();
	let h: SandboxHandle;
	beforeAll(async () => {
		h = await startSandbox();
	});
	afterAll(async () => h.sb.stop());

	const deliver = async (body: unknown): Promise<Delivery> => {
		const answer: Delivery = { status: 0, body: undefined, runs: [] };
		const ctx = ymContext(h.apiBase, { parameters: { events: ['newReview', 'newQuestion', 'newChatMessage'], integrationName: 'AgentIQ for n8n' }, staticData: {} }) as unknown as Record<string, unknown>;
		const res = {
			status(code: number) {
				answer.status = code;
				return res;
			},
			json(b: IDataObject) {
				answer.body = b;
				return res;
			},
		};
		const workflowId = `fuzz-${++serial}`;
		ctx.getWorkflow = () => ({ id: workflowId, name: 'fuzz', active: true });
		ctx.getBodyData = () => body;
		ctx.getResponseObject = () => res;
		const result: IWebhookResponseData = await trigger.webhook.call(ctx as unknown as IWebhookFunctions);
		if (result.webhookResponse !== undefined) {
			answer.status = 200;
			answer.body = result.webhookResponse as IDataObject;
		}
		answer.runs = (result.workflowData?.[0] ?? []).map((i) => i.json);
		return answer;
	};

	it('answers every malformed notification in Market\'s shape and starts runs only with valid Interactions', async () => {
		const findings = new Findings();
		const ok = (b: IDataObject) => typeof b.version === 'string' && typeof b.name === 'string' && typeof b.time === 'string';
		const error = (b: IDataObject) => {
			const e = b.error as IDataObject | undefined;
			return !!e && ['UNKNOWN', 'WRONG_EVENT_FORMAT', 'DUPLICATED_EVENT'].includes(String(e.type)) && typeof e.message === 'string';
		};
		const runs = await sweepPush(findings, thin(casesOf(YM_NOTIFICATION_EXAMPLES, 'push/ym'), 'push/ym', 0.5), deliver, (d) => answerProblem(d, ok, error));
		reportCount('Yandex Market Push Trigger (webhook)', findings);
		expect(findings.cases).toBeGreaterThan(100);
		expect(runs).toBeGreaterThan(0);
		expect(unexpected('YM push node', findings.report())).toEqual([]);
	}, limit(60_000));
});
