import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { OZON_PUSH_NETWORKS, handlePush, ipInNetworks, pushError, type PushError } from '../../src/ozon/push';

// Ozon pushes chat events to one URL the seller registers in the cabinet. n8n decides per node type whether a node
// polls (a `poll` method) or listens (webhooks in its description); a node with both would always do both, so the
// push intake is this separate node beside the polling Ozon Trigger.
// Every answer is written here in Ozon's format; the node never throws, because n8n starts an execution for a
// webhook that throws, and a malformed or foreign notification must start none.

const APP_NAME = 'AgentIQ for n8n';
const APP_VERSION = '1';

// Ozon re-sends a notification it thinks was not delivered, often within seconds, so the same message can arrive
// twice close together. Two runs for one message would race on n8n's processed-items store (a duplicate insert
// fails there), so a repeat seen recently by this process is acknowledged without a run. Replies stay at most once
// per message across processes through the Ozon node's "Skip If Already Sent" either way.
const RECENT_TTL_MS = 30 * 60_000;
const RECENT_MAX = 10_000;
const recent = new Map<string, number>();

function seenRecently(key: string, nowMs: number): boolean {
	const at = recent.get(key);
	if (at !== undefined && nowMs - at < RECENT_TTL_MS) return true;
	recent.set(key, nowMs);
	// A Map iterates in insertion order, so the first keys are the oldest.
	if (recent.size > RECENT_MAX) for (const k of [...recent.keys()].slice(0, recent.size - RECENT_MAX)) recent.delete(k);
	return false;
}

function send(res: ReturnType<IWebhookFunctions['getResponseObject']>, status: number, body: unknown): void {
	res.status(status).type('application/json').send(JSON.stringify(body));
}

function senderIp(this: IWebhookFunctions, trustProxy: boolean): string {
	const req = this.getRequestObject();
	if (trustProxy) {
		const forwarded = req.headers['x-forwarded-for'];
		const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded ?? '').split(',')[0].trim();
		if (first) return first;
	}
	return req.socket?.remoteAddress ?? req.ip ?? '';
}

function readBody(this: IWebhookFunctions): unknown {
	const body = this.getBodyData() as unknown;
	const hasFields = body !== null && typeof body === 'object' && Object.keys(body as object).length > 0;
	if (hasFields) return body;
	// Bodies n8n did not parse (no JSON content type) are read from the raw bytes.
	const raw = (this.getRequestObject() as { rawBody?: Buffer }).rawBody;
	const text = raw && raw.length ? raw.toString('utf8') : '';
	if (!text.trim()) return typeof body === 'string' ? body : undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

export class OzonPushTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ozon Push Trigger',
		name: 'ozonPushTrigger',
		icon: { light: 'file:ozon.svg', dark: 'file:ozon.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New chat message (push)',
		description:
			'Starts the workflow when Ozon pushes a new buyer chat message to this node\'s URL. Answers Ozon\'s connection check itself and acknowledges other notifications without starting the workflow. For reviews and questions, or to poll, use Ozon Trigger (one n8n node cannot both poll and listen).',
		defaults: { name: 'Ozon Push Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'ozon' }],
		properties: [
			{
				displayName:
					'Register the production URL above in the Ozon seller cabinet: Settings → Notifications → Push notifications, then choose the "New chat message" type. Ozon checks the URL with a ping that this node answers.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Seller ID',
				name: 'sellerId',
				type: 'string',
				default: '',
				placeholder: '123456',
				description: 'Your Ozon Client ID. When set, notifications for another seller are refused (Ozon sends seller_id with each one).',
			},
			{
				displayName: 'Accept Only Ozon\'s Networks',
				name: 'checkIp',
				type: 'boolean',
				default: false,
				description: 'Whether to refuse requests that do not come from Ozon\'s published sender networks (195.34.21.0/24, 185.73.192.0/22, 91.223.93.0/24)',
			},
			{
				displayName: 'Use X-Forwarded-For',
				name: 'trustProxy',
				type: 'boolean',
				default: false,
				description: 'Whether n8n runs behind a reverse proxy whose X-Forwarded-For header names the real sender',
				displayOptions: { show: { checkIp: [true] } },
			},
		],
	};

	// Ozon has no API to register a push URL: the seller enters it in the cabinet once. So there is nothing to create
	// or delete on Ozon's side when the workflow is activated or deactivated.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const reject = (error: PushError, log: string): IWebhookResponseData => {
			this.logger.warn(`Ozon Push Trigger: ${log}`);
			send(res, error.status, error.body);
			return { noWebhookResponse: true };
		};
		try {
			if (this.getNodeParameter('checkIp', false) as boolean) {
				const ip = senderIp.call(this, this.getNodeParameter('trustProxy', false) as boolean);
				if (!ipInNetworks(ip, OZON_PUSH_NETWORKS)) {
					return reject(pushError(403, 'ERROR_UNKNOWN', `Sender ${ip || 'unknown'} is not in Ozon's notification networks`), `refused a request from ${ip || 'an unknown address'}`);
				}
			}
			const outcome = handlePush(readBody.call(this), {
				sellerId: String(this.getNodeParameter('sellerId', '') ?? '').trim() || undefined,
				appName: APP_NAME,
				appVersion: APP_VERSION,
				now: () => new Date(),
			});
			switch (outcome.kind) {
				case 'invalid':
					return reject(outcome.error, `refused a notification: ${outcome.error.body.error.message}`);
				case 'ping':
					send(res, 200, outcome.body);
					return { noWebhookResponse: true };
				case 'ignored':
					this.logger.debug(`Ozon Push Trigger: acknowledged without a run: ${outcome.reason}`);
					send(res, 200, outcome.body);
					return { noWebhookResponse: true };
				case 'message': {
					send(res, 200, { result: true });
					const key = `${this.getWorkflow().id ?? ''}|${this.getNode().id}|${outcome.messageId}`;
					if (seenRecently(key, Date.now())) {
						this.logger.debug(`Ozon Push Trigger: message ${outcome.messageId} delivered again; acknowledged without a run`);
						return { noWebhookResponse: true };
					}
					return { noWebhookResponse: true, workflowData: [[{ json: outcome.interaction as unknown as IDataObject }]] };
				}
			}
		} catch (error) {
			return reject(pushError(500, 'ERROR_UNKNOWN', 'The notification could not be processed', (error as Error).message), `failed: ${(error as Error).message}`);
		}
		return reject(pushError(500, 'ERROR_UNKNOWN', 'Unhandled notification'), 'unhandled notification');
	}
}
