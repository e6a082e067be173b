import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { Interaction } from '../../src/interaction';
import { normaliseChatMessage, normaliseFeedback, normaliseQuestion } from '../../src/ym/normalise';
import { errorAnswer, parseNotification, successAnswer, type Notification, type NotificationAnswer } from '../../src/ym/notification';
import { parseChat, parseChatMessage, parseFeedbackPage, parseQuestionPage } from '../../src/ym/parse';
import { getChat, getChatMessage, getFeedback, getQuestion } from '../../src/ym/requests';
import { ymAccount, ymRequest } from './transport/request';

// Why a second trigger node instead of a mode of Yandex Market Trigger: n8n decides how to run a trigger from its
// type, not from a parameter — a node with `poll()` is scheduled by the poller (and always gets "Poll Times"), a
// node with `webhooks` gets its URL registered at activation (n8n 2.8 and 2.41 alike: Workflow.getPollNodes() and
// the webhook service each look only at the node type). One node with both would poll and listen at once.

type PushEvent = 'newReview' | 'newReviewComment' | 'newQuestion' | 'newChat' | 'newChatMessage';

const EVENT_OF: Record<string, PushEvent> = {
	GOODS_FEEDBACK_CREATED: 'newReview',
	GOODS_FEEDBACK_COMMENT_CREATED: 'newReviewComment',
	QUESTION_CREATED: 'newQuestion',
	CHAT_CREATED: 'newChat',
	CHAT_MESSAGE_SENT: 'newChatMessage',
};

interface PushState {
	/** Notification keys handled recently → when (ms); Market may send one event several times. */
	seen?: Record<string, number>;
}

const SEEN_TTL_MS = 7 * 24 * 3600 * 1000;
const SEEN_MAX = 20_000;

// Keys also kept in this process. Static data alone is not enough: n8n 2.41 may hand the next webhook call a
// workflow whose static data predates the save of the previous call, so a repeat sent right after the answer
// would pass. The key is taken here before the item is read, so even simultaneous repeats start one execution.
// (Across several webhook processes a repeat may still start a second execution; the reply nodes' "Skip If
// Already Sent" keeps the reply single then.)
const inProcess = new Map<string, number>();

function takeInProcess(key: string, now: number): boolean {
	if (inProcess.has(key)) return false;
	inProcess.set(key, now);
	if (inProcess.size > SEEN_MAX) {
		for (const [k, at] of inProcess) if (at < now - SEEN_TTL_MS || inProcess.size > SEEN_MAX) inProcess.delete(k);
	}
	return true;
}

function remember(state: PushState, key: string, now: number): void {
	const seen = (state.seen ??= {});
	seen[key] = now;
	const keys = Object.keys(seen);
	for (const k of keys) if (seen[k] < now - SEEN_TTL_MS) delete seen[k];
	const left = Object.keys(seen);
	if (left.length > SEEN_MAX) {
		left.sort((a, b) => seen[a] - seen[b]);
		for (const k of left.slice(0, left.length - SEEN_MAX)) delete seen[k];
	}
}

export class YandexMarketPushTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Yandex Market Push Trigger',
		name: 'yandexMarketPushTrigger',
		icon: { light: 'file:yandexMarket.svg', dark: 'file:yandexMarket.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).length + " event types" }}',
		description:
			'Starts the workflow on Yandex Market push notifications (new reviews, questions, chat messages). A separate node from the polling Yandex Market Trigger because n8n runs a node as a poller or as a webhook by its type.',
		defaults: { name: 'Yandex Market Push Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'yandexMarketApi', required: true }],
		// responseData '' (not left out): n8n's default, "firstEntryJson", would replace the answer Market requires
		// when an execution starts; with an empty value n8n sends the node's `webhookResponse` (n8n 2.8 and 2.41).
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'notification' }],
		properties: [
			{
				displayName:
					'In the Market cabinet (Settings → API and modules → notifications) enter the Production URL above <b>without</b> the final "/notification": Market adds it to every call.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: ['newReview', 'newQuestion', 'newChatMessage'],
				options: [
					{ name: 'New Chat', value: 'newChat', description: 'CHAT_CREATED: emitted as the notification itself' },
					{ name: 'New Chat Message', value: 'newChatMessage', description: 'CHAT_MESSAGE_SENT from the buyer, as an Interaction' },
					{ name: 'New Question', value: 'newQuestion', description: 'QUESTION_CREATED, as an Interaction' },
					{ name: 'New Review', value: 'newReview', description: 'GOODS_FEEDBACK_CREATED, as an Interaction' },
					{ name: 'New Review Comment', value: 'newReviewComment', description: 'GOODS_FEEDBACK_COMMENT_CREATED: emitted as the notification itself' },
				],
			},
			{
				displayName: 'Integration Name',
				name: 'integrationName',
				type: 'string',
				default: 'AgentIQ for n8n',
				description: 'The "name" Market receives in every answer (1–100 characters)',
			},
		],
	};

	// Market has no API to register the notification URL: the seller enters it in the cabinet once. There is nothing
	// to create or delete at activation, so the lifecycle hooks only confirm.
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
		// A 200 goes back through n8n (`webhookResponse`), which saves the static data (the keys of handled
		// notifications) before it answers, so a repeat Market sends right after the answer is recognised. Error
		// answers need their own status code and are written directly; they change no state.
		const answer = (a: NotificationAnswer, workflowData?: INodeExecutionData[][]): IWebhookResponseData => {
			if (a.status === 200) return workflowData ? { webhookResponse: a.body, workflowData } : { webhookResponse: a.body };
			this.getResponseObject().status(a.status).json(a.body);
			return { noWebhookResponse: true };
		};
		const ok = () => successAnswer(String(this.getNodeParameter('integrationName', 'AgentIQ for n8n')), '1.0', new Date());
		// Nothing here may throw: n8n starts an execution for a webhook that fails, and a bad call must start none.
		try {
			const parsed = parseNotification(this.getBodyData());
			if (parsed.kind === 'invalid') return answer(errorAnswer(400, 'WRONG_EVENT_FORMAT', parsed.message));
			if (parsed.kind === 'ignored') return answer(ok());
			const n = parsed.notification;
			if (n.notificationType === 'PING') return answer(ok());
			const account = await ymAccount.call(this);
			if (String(n.businessId) !== account.businessId) {
				return answer(errorAnswer(400, 'WRONG_EVENT_FORMAT', `businessId ${n.businessId} is not the business of this workflow's credential`));
			}
			const events = this.getNodeParameter('events', []) as PushEvent[];
			if (!events.includes(EVENT_OF[n.notificationType])) return answer(ok());
			const state = this.getWorkflowStaticData('node') as PushState;
			// A repeat of a handled event is acknowledged (it was processed) and starts nothing.
			const processKey = `${this.getWorkflow().id ?? ''}|${this.getNode().id}|${parsed.key}`;
			if (state.seen?.[parsed.key] !== undefined || !takeInProcess(processKey, Date.now())) return answer(ok());
			let item: IDataObject | undefined;
			try {
				item = await toItem.call(this, account.businessId, n);
			} catch (error) {
				// Market sends the notification again after an error answer; the key is released for that retry.
				inProcess.delete(processKey);
				return answer(errorAnswer(500, 'UNKNOWN', `Could not read the ${n.notificationType} item from Market: ${(error as Error).message}`.slice(0, 1000)));
			}
			remember(state, parsed.key, Date.now());
			if (!item) return answer(ok());
			return answer(ok(), [[{ json: item }]]);
		} catch (error) {
			return answer(errorAnswer(500, 'UNKNOWN', (error as Error).message.slice(0, 1000)));
		}
	}
}

/** The item to emit: an Interaction for reviews, questions and buyer messages; undefined for the seller's own. */
async function toItem(this: IWebhookFunctions, business: string, n: Notification): Promise<IDataObject | undefined> {
	let interaction: Interaction | undefined;
	switch (n.notificationType) {
		case 'GOODS_FEEDBACK_CREATED': {
			const f = parseFeedbackPage(await ymRequest.call(this, getFeedback(business, n.feedbackId))).items.find((x) => x.feedbackId === n.feedbackId);
			if (!f) throw new NodeOperationError(this.getNode(), `review ${n.feedbackId} not found`);
			interaction = normaliseFeedback(f);
			break;
		}
		case 'QUESTION_CREATED': {
			const q = parseQuestionPage(await ymRequest.call(this, getQuestion(business, n.questionId))).items.find((x) => x.questionIdentifiers.id === n.questionId);
			if (!q) throw new NodeOperationError(this.getNode(), `question ${n.questionId} not found`);
			interaction = normaliseQuestion(q, { answered: false });
			break;
		}
		case 'CHAT_MESSAGE_SENT': {
			const m = parseChatMessage(await ymRequest.call(this, getChatMessage(business, n.chatId, n.messageId)));
			// The seller's own messages (our replies) and Market's notices start nothing.
			if (m.sender !== 'CUSTOMER') return undefined;
			const chat = parseChat(await ymRequest.call(this, getChat(business, n.chatId)));
			interaction = normaliseChatMessage(n.chatId, m, { chat, answered: false });
			break;
		}
		default:
			return { ...n } as IDataObject;
	}
	return interaction as unknown as IDataObject;
}
