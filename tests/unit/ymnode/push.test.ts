import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { YandexMarketPushTrigger } from '../../../nodes/YandexMarket/YandexMarketPushTrigger.node';
import { BUSINESS, context, startSandbox, type SandboxHandle } from './helpers';
import { startReceiver } from './receiver';

const node = new YandexMarketPushTrigger();
let workflowSerial = 0;
beforeEach(() => {
	workflowSerial++;
});

interface Call {
	status: number;
	body: IDataObject;
	executions: IDataObject[];
}

/** Runs the node's webhook() as n8n would for one request, with n8n's response object and static data. */
async function deliver(h: SandboxHandle, body: unknown, staticData: Record<string, unknown>, events = ['newReview', 'newQuestion', 'newChatMessage']): Promise<Call> {
	const ctx = context(h.apiBase, { parameters: { events, integrationName: 'AgentIQ for n8n' }, staticData }) as unknown as Record<string, unknown>;
	let status = 0;
	let sent: IDataObject = {};
	const res = {
		status(code: number) {
			status = code;
			return res;
		},
		json(b: IDataObject) {
			sent = b;
			return res;
		},
	};
	// a workflow of its own per test: the node also remembers handled notifications per workflow in the process
	ctx.getWorkflow = () => ({ id: `wf-${workflowSerial}`, name: 'test', active: true });
	ctx.getBodyData = () => body;
	ctx.getResponseObject = () => res;
	const out = await node.webhook.call(ctx as unknown as IWebhookFunctions);
	// as n8n does: a webhookResponse is sent with 200, otherwise the node wrote the answer itself
	if (out.webhookResponse !== undefined) {
		expect(status).toBe(0);
		status = 200;
		sent = out.webhookResponse as IDataObject;
	} else {
		expect(out.noWebhookResponse).toBe(true);
		expect(out.workflowData).toBeUndefined();
	}
	return { status, body: sent, executions: out.workflowData ? out.workflowData[0].map((i) => i.json) : [] };
}

describe('Yandex Market Push Trigger', () => {
	let h: SandboxHandle;
	beforeEach(async () => {
		h = await startSandbox();
	});
	afterEach(async () => h.sb.stop());

	it('answers PING with {version, name, time} and starts nothing', async () => {
		const r = await deliver(h, { notificationType: 'PING', time: '2026-11-20T10:00:00Z' }, {});
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ version: '1.0', name: 'AgentIQ for n8n', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
		expect(r.executions).toEqual([]);
	});

	it('rejects malformed bodies with 400 WRONG_EVENT_FORMAT and a clear message, starting nothing', async () => {
		for (const [body, message] of [
			[null, 'The notification body must be a JSON object'],
			[{}, 'notificationType is missing'],
			[{ notificationType: 'NEW_FEEDBACK', feedbackId: 1 }, 'Unknown notificationType "NEW_FEEDBACK"'],
			[{ notificationType: 'GOODS_FEEDBACK_CREATED', feedbackId: 'x', businessId: 1, createdAt: '2026-11-20T10:00:00Z', publishedAt: '2026-11-20T10:00:00Z' }, 'GOODS_FEEDBACK_CREATED: feedbackId: Expected number, received string'],
			[{ notificationType: 'GOODS_FEEDBACK_CREATED', feedbackId: 5, businessId: 42, createdAt: '2026-11-20T10:00:00Z', publishedAt: '2026-11-20T10:00:00Z' }, "businessId 42 is not the business of this workflow's credential"],
		] as Array<[unknown, string]>) {
			const r = await deliver(h, body, {});
			expect(r).toEqual({ status: 400, body: { error: { type: 'WRONG_EVENT_FORMAT', message } }, executions: [] });
		}
	});

	it('a new review notification emits the review as an Interaction, once even when Market repeats it', async () => {
		const staticData = {};
		const fb = h.sb.state.ym.feedbacks.find((f) => f.needReaction)!;
		const n = { notificationType: 'GOODS_FEEDBACK_CREATED', feedbackId: fb.feedbackId, businessId: Number(BUSINESS), createdAt: fb.createdAt, publishedAt: fb.createdAt };
		const first = await deliver(h, n, staticData);
		expect(first.status).toBe(200);
		expect(first.executions).toHaveLength(1);
		expect(first.executions[0]).toMatchObject({ id: `ym:review:${fb.feedbackId}`, channel: 'review', answered: false });
		const again = await deliver(h, n, staticData);
		expect(again).toMatchObject({ status: 200, executions: [] });
	});

	it('a repeat is recognised even when the static data handed to the call is stale (as on n8n 2.41)', async () => {
		const fb = h.sb.state.ym.feedbacks.find((f) => f.needReaction)!;
		const n = { notificationType: 'GOODS_FEEDBACK_CREATED', feedbackId: fb.feedbackId, businessId: Number(BUSINESS), createdAt: fb.createdAt, publishedAt: fb.createdAt };
		const [a, b] = await Promise.all([deliver(h, n, {}), deliver(h, n, {})]);
		expect(a.executions.length + b.executions.length).toBe(1);
		expect([a.status, b.status]).toEqual([200, 200]);
	});

	it('a buyer chat message is emitted with the chat context; the seller\'s own message is not', async () => {
		const chat = h.sb.state.ym.chats[0] as IDataObject & { chatId: number };
		const messages = (h.sb.state.ym.messages as Array<IDataObject & { chatId: number; messageId: number; sender: string }>).filter((m) => m.chatId === chat.chatId);
		const buyer = messages.find((m) => m.sender === 'CUSTOMER')!;
		const n = (m: { messageId: number }) => ({ notificationType: 'CHAT_MESSAGE_SENT', chatId: chat.chatId, messageId: String(m.messageId), businessId: Number(BUSINESS), sentAt: '2026-11-20T10:00:00Z' });
		const r = await deliver(h, n(buyer), {});
		expect(r.executions[0]).toMatchObject({ id: `ym:chat:${chat.chatId}-${buyer.messageId}`, chatId: String(chat.chatId), raw: { context: { type: 'ORDER' } } });
		const seller = h.sb.state.ym.messages.find((m) => m.sender === 'PARTNER') as IDataObject & { chatId: number; messageId: number };
		const own = await deliver(h, { ...n(seller), chatId: seller.chatId }, {});
		expect(own).toMatchObject({ status: 200, executions: [] });
	});

	it('a new question is emitted; events not selected and other types are acknowledged without an execution', async () => {
		const q = h.sb.state.ym.questions[1] as IDataObject & { questionIdentifiers: { id: number }; createdAt: string };
		const n = { notificationType: 'QUESTION_CREATED', questionId: q.questionIdentifiers.id, businessId: Number(BUSINESS), createdAt: q.createdAt };
		expect((await deliver(h, n, {})).executions[0]).toMatchObject({ channel: 'question', externalId: String(q.questionIdentifiers.id) });
		expect(await deliver(h, n, {}, ['newReview'])).toMatchObject({ status: 200, executions: [] });
		expect(await deliver(h, { notificationType: 'ORDER_CREATED', orderId: 1 }, {})).toMatchObject({ status: 200, executions: [] });
	});

	it('when the item cannot be read, answers 500 UNKNOWN so Market retries, and the retry is handled', async () => {
		const staticData = {};
		const fb = h.sb.state.ym.feedbacks[1];
		const n = { notificationType: 'GOODS_FEEDBACK_CREATED', feedbackId: fb.feedbackId, businessId: Number(BUSINESS), createdAt: fb.createdAt, publishedAt: fb.createdAt };
		const missing = await deliver(h, { ...n, feedbackId: 1 }, staticData);
		expect(missing).toMatchObject({ status: 500, body: { error: { type: 'UNKNOWN', message: expect.stringContaining('review 1 not found') } }, executions: [] });
		h.sb.setFaults({ script: [{ type: '503' }] });
		// a 503 on the read is retried inside the call; the notification still becomes one execution
		expect((await deliver(h, n, staticData)).executions).toHaveLength(1);
		expect((await deliver(h, n, staticData)).executions).toHaveLength(0);
	});
});

describe('sandbox push → webhook handler (the sandbox as Market)', () => {
	it('delivers to <url>/notification and gets the answers the spec requires', async () => {
		const h = await startSandbox();
		const staticData = {};
		const executions: IDataObject[] = [];
		const receiver = await startReceiver(async (body) => {
			const r = await deliver(h, body, staticData);
			executions.push(...r.executions);
			return { status: r.status, body: r.body };
		});
		try {
			await h.control('push', { url: `${receiver.url}/webhook/abc`, duplicate: true });
			const ping = await h.control('push-send', {});
			expect(ping).toMatchObject({ status: 200, problem: null });
			await h.control('feedbacks', { text: 'Отлично' });
			await h.control('chat-messages', { text: 'Когда доставка?' });
			const bad = await h.control('push-send', { body: { notificationType: 'CHAT_MESSAGE_SENT' } });
			expect(bad).toMatchObject({ status: 400, problem: null });
			expect(executions.map((e) => [e.channel, e.text])).toEqual([
				['review', 'Отлично'],
				['chat', 'Когда доставка?'],
			]);
			const deliveries = (await h.control('push-deliveries')) as unknown as IDataObject[];
			expect(deliveries.every((d) => d.problem === null)).toBe(true);
		} finally {
			await receiver.close();
			await h.sb.stop();
		}
	});
});
