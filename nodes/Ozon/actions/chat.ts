import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { chatHistory, markChatRead, sendChatMessage } from '../../../src/ozon/requests';
import { chatMessageText, chatSender } from '../../../src/ozon/normalise';
import { parseChatHistory } from '../../../src/ozon/parse';
import { dedupeField, requiredString, sendOnce, type OperationHandler } from '../../Wildberries/actions/common';
import { ozonRequest } from '../transport/request';

const show = (operation: string[]) => ({ show: { resource: ['chat'], operation } });

export const chatOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['chat'] } },
	default: 'sendMessage',
	options: [
		{ name: 'Get History', value: 'history', action: 'Get the history of a chat', description: 'Messages of a chat, newest first, with the order and product they concern' },
		{ name: 'Mark as Read', value: 'markRead', action: 'Mark chat messages as read', description: 'Mark a message and the ones before it as read' },
		{ name: 'Send Message', value: 'sendMessage', action: 'Send a chat message', description: 'Send a message to a buyer chat' },
	],
};

export const chatFields: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '={{ $json.chatId }}',
		description: 'Ozon chat ID. By default taken from the incoming Interaction.',
		displayOptions: show(['sendMessage', 'history', 'markRead']),
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '={{ $json.draft ? $json.draft.text : "" }}',
		description: 'Message text, 1–1000 characters. By default the draft made by the AgentIQ Draft node.',
		displayOptions: show(['sendMessage']),
	},
	{
		displayName: 'Reply To Message ID',
		name: 'replyToId',
		type: 'string',
		default: '={{ $json.channel === "chat" ? $json.externalId : "" }}',
		description: 'The buyer message this answers. With "Skip If Already Sent" on, one reply per buyer message is sent.',
		displayOptions: show(['sendMessage']),
	},
	{ ...dedupeField, displayOptions: show(['sendMessage']) },
	{
		displayName: 'Up To Message ID',
		name: 'fromMessageId',
		type: 'string',
		default: '={{ $json.channel === "chat" ? $json.externalId : "" }}',
		description: 'This message and all before it are marked read. Empty: the whole chat.',
		displayOptions: show(['markRead']),
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, maxValue: 1000 },
		description: 'Max number of results to return',
		displayOptions: show(['history']),
	},
];

const sendMessage: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const chatId = requiredString.call(this, 'chatId', 'Chat ID', i);
	const message = requiredString.call(this, 'message', 'Message', i);
	const request = sendChatMessage(chatId, message);
	const replyTo = String(this.getNodeParameter('replyToId', i, '') ?? '').trim();
	const dedupe = (this.getNodeParameter('skipIfSent', i, true) as boolean) && replyTo !== '';
	const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
	// After an ambiguous failure the newest seller messages of the chat show whether this one landed.
	const verifyWrite = async () =>
		parseChatHistory(await ozonRequest.call(this, chatHistory(chatId, { limit: 20 }), { itemIndex: i })).messages.some(
			(m) => chatSender(m.user.type) === 'seller' && norm(chatMessageText(m.data)) === norm(message),
		);
	const outcome = await sendOnce.call(this, `ozon:chat:${replyTo}`, dedupe, async () => {
		const body = (await ozonRequest.call(this, request, { itemIndex: i, verifyWrite })) as { result?: string } | null;
		// null: accepted, with an unreadable or verified-after-failure receipt (logged by the transport)
		if (body !== null && body.result !== undefined && body.result !== 'success') {
			throw new NodeApiError(this.getNode(), body as JsonObject, { itemIndex: i, message: `Ozon did not send the chat message: result "${body.result}"` });
		}
		return body;
	});
	if (!outcome.sent) {
		return { ...input, reply: { status: 'skipped', reason: 'A reply to this message was already sent by this workflow', targetId: replyTo } };
	}
	return {
		...input,
		reply: { status: 'sent', marketplace: 'ozon', channel: 'chat', targetId: replyTo || chatId, chatId, text: message, sentAt: new Date().toISOString() },
	};
};

const history: OperationHandler = async function (this: IExecuteFunctions, i) {
	const chatId = requiredString.call(this, 'chatId', 'Chat ID', i);
	const limit = Number(this.getNodeParameter('limit', i, 50));
	const page = parseChatHistory(await ozonRequest.call(this, chatHistory(chatId, { limit }), { itemIndex: i }));
	return page.messages.map(
		(m) =>
			({
				chatId,
				messageId: String(m.message_id),
				from: chatSender(m.user.type),
				text: chatMessageText(m.data),
				createdAt: m.created_at,
				isRead: m.is_read ?? false,
				...(m.context?.order_number ? { orderNumber: m.context.order_number } : {}),
				...(m.context?.sku && m.context.sku !== '0' ? { productId: m.context.sku } : {}),
				raw: m,
			}) as unknown as IDataObject,
	);
};

const markRead: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const chatId = requiredString.call(this, 'chatId', 'Chat ID', i);
	const from = String(this.getNodeParameter('fromMessageId', i, '') ?? '').trim();
	const body = (await ozonRequest.call(this, markChatRead(chatId, from || undefined), { itemIndex: i })) as { unread_count?: number } | null;
	return { ...input, chatRead: { chatId, ...(from ? { upToMessageId: from } : {}), unreadCount: body?.unread_count ?? null } };
};

export const chatHandlers: Record<string, OperationHandler> = { sendMessage, history, markRead };
