// Ozon Push Trigger: its answers to Ozon, and the sandbox pushing real notifications to it over HTTP.
import type { IWebhookFunctions } from 'n8n-workflow';

import { OzonPushTrigger } from '../../../nodes/Ozon/OzonPushTrigger.node';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSandbox } = require('../../sandbox/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startReceiver } = require('./receiver');

const trigger = new OzonPushTrigger();

interface Answer {
	status: number;
	body: unknown;
	result: Awaited<ReturnType<OzonPushTrigger['webhook']>>;
}

let workflowCounter = 0;

async function deliver(body: unknown, params: Record<string, unknown> = {}, ip = '127.0.0.1', rawText?: string, workflowId = `wf-${++workflowCounter}`): Promise<Answer> {
	const answer = { status: 0, body: undefined as unknown };
	const res = {
		status(code: number) {
			answer.status = code;
			return res;
		},
		type() {
			return res;
		},
		send(text: string) {
			answer.body = JSON.parse(text);
			return res;
		},
	};
	const ctx = {
		getBodyData: () => body,
		getRequestObject: () => ({ headers: {}, socket: { remoteAddress: ip }, rawBody: rawText === undefined ? undefined : Buffer.from(rawText) }),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback: unknown) => (name in params ? params[name] : fallback),
		getWorkflow: () => ({ id: workflowId }),
		getNode: () => ({ id: 'push-node' }),
		logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
	};
	const result = await trigger.webhook.call(ctx as unknown as IWebhookFunctions);
	return { ...answer, result };
}

const message = (extra: Record<string, unknown> = {}) => ({
	message_type: 'TYPE_NEW_MESSAGE',
	chat_id: 'b646d975-0c9c-4872-9f41-8b1e57181063',
	chat_type: 'Buyer_Seller',
	message_id: '3000000000817031942',
	created_at: '2022-07-18T20:58:04.528Z',
	// the Cyrillic "С" of Ozon's own example
	user: { id: '115568', type: 'Сustomer' },
	data: ['Текст сообщения'],
	seller_id: '7',
	...extra,
});

describe('Ozon Push Trigger', () => {
	it('answers the ping with version, name and time, and starts nothing', async () => {
		const a = await deliver({ message_type: 'TYPE_PING', time: '2019-08-24T14:15:22Z' });
		expect(a.status).toBe(200);
		expect(a.body).toEqual({ version: expect.any(String), name: 'AgentIQ for n8n', time: expect.any(String) });
		expect(Number.isFinite(Date.parse((a.body as { time: string }).time))).toBe(true);
		expect(a.result.workflowData).toBeUndefined();
	});

	it('turns a new buyer message into one Interaction and acknowledges it', async () => {
		const a = await deliver(message({ context: { order_number: '31840000-0100', sku: '1500000000' } }));
		expect(a).toMatchObject({ status: 200, body: { result: true } });
		const item = a.result.workflowData![0][0].json;
		expect(item).toMatchObject({
			id: 'ozon:chat:3000000000817031942',
			marketplace: 'ozon',
			channel: 'chat',
			chatId: 'b646d975-0c9c-4872-9f41-8b1e57181063',
			text: 'Текст сообщения',
			buyerId: '115568',
			orderNumber: '31840000-0100',
			productId: '1500000000',
			answered: false,
		});
	});

	it('acknowledges a repeated delivery of the same message without a second run', async () => {
		const first = await deliver(message({ message_id: '3000000000817039999' }), {}, '127.0.0.1', undefined, 'wf-dup');
		const again = await deliver(message({ message_id: '3000000000817039999' }), {}, '127.0.0.1', undefined, 'wf-dup');
		expect(first.result.workflowData).toHaveLength(1);
		expect(again).toMatchObject({ status: 200, body: { result: true } });
		expect(again.result.workflowData).toBeUndefined();
		// another workflow listening to the same account still gets it
		expect((await deliver(message({ message_id: '3000000000817039999' }), {}, '127.0.0.1', undefined, 'wf-other')).result.workflowData).toHaveLength(1);
	});

	it.each([
		['TYPE_MESSAGE_READ', { message_type: 'TYPE_MESSAGE_READ', chat_id: 'c', last_read_message_id: '1' }],
		['TYPE_NEW_POSTING', { message_type: 'TYPE_NEW_POSTING', posting_number: '1-1-1' }],
		['a support chat', message({ chat_type: 'Seller_Support' })],
		['the seller\'s own message', message({ user: { id: '7', type: 'Seller' } })],
	])('acknowledges %s quietly without a run', async (_name, body) => {
		const a = await deliver(body);
		expect(a).toMatchObject({ status: 200, body: { result: true } });
		expect(a.result.workflowData).toBeUndefined();
	});

	it.each([
		['no message_type', { chat_id: 'c' }, /message_type is missing/],
		['a new message without chat_id', message({ chat_id: undefined }), /TYPE_NEW_MESSAGE is malformed: chat_id/],
		['data that is not a list', message({ data: 'text' }), /data/],
		['an array body', [1, 2], /JSON object/],
		['a ping without time', { message_type: 'TYPE_PING' }, /time/],
	])('rejects %s with Ozon\'s error shape and starts nothing', async (_name, body, text) => {
		const a = await deliver(body);
		expect(a.status).toBe(400);
		expect(a.body).toEqual({ error: { code: 'ERROR_PARAMETER_VALUE_MISSED', message: expect.stringMatching(text), details: null } });
		expect(a.result.workflowData).toBeUndefined();
	});

	it('rejects a body that is not JSON at all', async () => {
		const a = await deliver({}, {}, '127.0.0.1', '{"message_type": "TYPE_NEW_MES');
		expect(a.status).toBe(400);
		expect(a.result.workflowData).toBeUndefined();
	});

	it('refuses another seller and senders outside Ozon\'s networks when asked to', async () => {
		expect((await deliver(message(), { sellerId: '8' })).status).toBe(403);
		expect((await deliver(message(), { sellerId: '7' })).status).toBe(200);
		expect((await deliver(message(), { checkIp: true }, '10.0.0.1')).status).toBe(403);
		const fromOzon = await deliver(message(), { checkIp: true }, '185.73.193.10');
		expect(fromOzon.result.workflowData).toHaveLength(1);
	});

	it('receives what the sandbox pushes over HTTP: ping, new messages (exactly once each), malformed bodies refused', async () => {
		const runs: unknown[] = [];
		const receiver = await startReceiver(async (text: string) => {
			let body: unknown = {};
			try {
				body = JSON.parse(text);
			} catch {
				body = {};
			}
			const a = await deliver(body, {}, '127.0.0.1', text, 'wf-http');
			if (a.result.workflowData) runs.push(a.result.workflowData[0][0].json);
			return { status: a.status, body: a.body };
		});
		const sb = createSandbox({ seed: 'default' });
		const { url } = await sb.start(0);
		const control = async (path: string, body: unknown) =>
			(await (await fetch(`${url}/__control/ozon/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
		try {
			await control('push', { url: `${receiver.url}/webhook/ozon`, duplicate: true });
			const ping = await control('push-send', {});
			expect(ping).toMatchObject({ status: 200, problem: null });
			const sent = await control('chat-messages', { text: 'Где мой заказ?' });
			expect(sent.deliveries).toEqual([expect.objectContaining({ status: 200, problem: null }), expect.objectContaining({ status: 200, problem: null })]);
			const bad = await control('push-send', { body: '{"message_type":' });
			expect(bad).toMatchObject({ status: 400, problem: null });
			expect(runs).toHaveLength(1);
			expect(runs[0]).toMatchObject({ text: 'Где мой заказ?', chatId: sent.chat_id, externalId: (sent.message as { message_id: string }).message_id });
		} finally {
			await sb.stop();
			await receiver.close();
		}
	});
});
