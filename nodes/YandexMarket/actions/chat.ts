import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { historyEntry, isSellerMessage } from '../../../src/ym/normalise';
import { parseHistoryPage, type HistoryPage } from '../../../src/ym/parse';
import { chatHistory, sendChatMessage } from '../../../src/ym/requests';
import type { RawChatMessage } from '../../../src/ym/schemas';
import { ymRequest } from '../transport/request';
import { businessId, dedupeField, requiredString, sendOnce, sentReply, skippedReply, type OperationHandler } from './shared';

const show = (operation: string[]) => ({ show: { resource: ['chat'], operation } });

export const chatOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['chat'] } },
	default: 'sendMessage',
	options: [
		{ name: 'Get History', value: 'history', action: 'Get chat history', description: 'Get the messages of a chat, oldest first' },
		{ name: 'Send Message', value: 'sendMessage', action: 'Send a chat message', description: 'Send a seller message to a buyer chat' },
	],
};

export const chatFields: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '={{ $json.chatId }}',
		description: 'Market chat ID. By default taken from the incoming Interaction. Chats with a DIRECT context are opened only by the buyer.',
		displayOptions: show(['sendMessage', 'history']),
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '={{ $json.draft ? $json.draft.text : "" }}',
		description: 'Message text, 1–4096 characters. By default the draft made by the AgentIQ Draft node.',
		displayOptions: show(['sendMessage']),
	},
	{
		displayName: 'Reply To',
		name: 'replyTo',
		type: 'string',
		default: '={{ $json.channel === "chat" ? $json.externalId : "" }}',
		description:
			'The buyer message this answers (the Interaction\'s externalId). "Skip If Already Sent" sends one reply per such message; leave empty to send without that check.',
		displayOptions: show(['sendMessage']),
	},
	{ ...dedupeField, displayOptions: show(['sendMessage']) },
	{
		displayName: 'Max Messages',
		name: 'maxMessages',
		type: 'number',
		default: 200,
		typeOptions: { minValue: 1 },
		description: 'Stop reading after this many messages',
		displayOptions: show(['history']),
	},
];

async function readHistory(this: IExecuteFunctions, business: string, chatId: string, max: number, itemIndex?: number): Promise<{ messages: RawChatMessage[]; first?: HistoryPage }> {
	const messages: RawChatMessage[] = [];
	let first: HistoryPage | undefined;
	let token: string | undefined;
	// A token already sent would return a page already read: Market (and the spec's example page) can repeat the
	// last token instead of dropping it, so a seen token is the end, like a missing token or an empty page.
	const seen = new Set<string>();
	while (messages.length < max) {
		const page = parseHistoryPage(
			await ymRequest.call(this, chatHistory({ businessId: business, chatId, pageToken: token, limit: 100 }), { itemIndex, what: `chat ${chatId}` }),
		);
		first ??= page;
		messages.push(...page.items);
		if (token) seen.add(token);
		token = page.nextPageToken;
		if (!token || seen.has(token) || !page.items.length) break;
	}
	const unique = new Map(messages.map((m) => [m.messageId, m]));
	return { messages: [...unique.values()].sort((a, b) => a.messageId - b.messageId).slice(-max), first };
}

const sendMessage: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const business = await businessId.call(this);
	const chatId = requiredString.call(this, 'chatId', 'Chat ID', i);
	const text = requiredString.call(this, 'text', 'Text', i);
	const replyTo = String(this.getNodeParameter('replyTo', i, '') ?? '').trim();
	const dedupe = (this.getNodeParameter('skipIfSent', i, true) as boolean) && replyTo !== '';
	const request = sendChatMessage(business, chatId, text);
	const startedAt = Date.now();
	// Landed = a seller message with this text, sent since this call started (a minute of clock slack).
	const verifyWrite = async () => {
		const { messages } = await readHistory.call(this, business, chatId, 1000);
		return messages.some((m) => isSellerMessage(m) && (m.message ?? '').trim() === text.trim() && Date.parse(m.createdAt) >= startedAt - 60_000);
	};
	const outcome = await sendOnce.call(this, `ym:chat:${replyTo || chatId}`, dedupe, async () =>
		ymRequest.call(this, request, { itemIndex: i, what: `a message to chat ${chatId}`, verifyWrite }),
	);
	return { ...input, reply: outcome.sent ? sentReply('chat', chatId, text, replyTo ? { replyTo } : {}) : skippedReply('chat message', replyTo) };
};

const history: OperationHandler = async function (this: IExecuteFunctions, i) {
	const business = await businessId.call(this);
	const chatId = requiredString.call(this, 'chatId', 'Chat ID', i);
	const max = Math.max(1, Number(this.getNodeParameter('maxMessages', i, 200)));
	const { messages, first } = await readHistory.call(this, business, chatId, max, i);
	return {
		chatId,
		...(first?.context ? { context: first.context as IDataObject } : {}),
		history: messages.map(historyEntry).filter((h) => h !== undefined) as unknown as IDataObject[],
		messages: messages as unknown as IDataObject[],
	};
};

export const chatHandlers: Record<string, OperationHandler> = { sendMessage, history };
