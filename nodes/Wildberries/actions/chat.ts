import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { listChats, sendChatMessage } from '../../../src/wb/requests';
import { parseChats, parseSendMessageResult } from '../../../src/wb/normalise';
import { wbRequest } from '../transport/request';
import { dedupeField, requiredString, sendOnce, type OperationHandler } from './common';

const show = (operation: string[]) => ({ show: { resource: ['chat'], operation } });

export const chatOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['chat'] } },
	default: 'sendMessage',
	options: [
		{ name: 'List Chats', value: 'listChats', action: 'List buyer chats', description: 'List the seller\'s buyer chats with their reply signs' },
		{ name: 'Send Message', value: 'sendMessage', action: 'Send a chat message', description: 'Send a message to a buyer chat' },
	],
};

export const chatFields: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		default: '={{ $json.chatId }}',
		description: 'WB chat ID. Used to look up the reply sign when none is given. By default taken from the incoming Interaction.',
		displayOptions: show(['sendMessage']),
	},
	{
		displayName: 'Reply Sign',
		name: 'replySign',
		type: 'string',
		default: '={{ $json.raw && $json.raw.replySign ? $json.raw.replySign : "" }}',
		description: 'WB\'s signature of the chat, required to send. Empty: looked up from the chat list by Chat ID.',
		displayOptions: show(['sendMessage']),
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '={{ $json.draft ? $json.draft.text : "" }}',
		description: 'Message text, up to 1000 characters. By default the draft made by the AgentIQ Draft node.',
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
];

async function lookUpReplySign(this: IExecuteFunctions, chatId: string, itemIndex: number): Promise<string> {
	const chats = parseChats(await wbRequest.call(this, listChats(), { itemIndex }));
	const chat = chats.find((c) => c.chatID === chatId);
	if (!chat?.replySign) {
		throw new NodeOperationError(this.getNode(), `No reply sign for chat "${chatId}" in item ${itemIndex}`, {
			itemIndex,
			description: 'The chat is not in the seller\'s chat list. Check the Chat ID, or pass the reply sign from the trigger.',
		});
	}
	return chat.replySign;
}

const sendMessage: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const message = requiredString.call(this, 'message', 'Message', i);
	let replySign = String(this.getNodeParameter('replySign', i, '') ?? '').trim();
	const chatId = String(this.getNodeParameter('chatId', i, '') ?? '').trim();
	if (!replySign) {
		if (!chatId) {
			throw new NodeOperationError(this.getNode(), `Reply Sign and Chat ID are both empty in item ${i}`, {
				itemIndex: i,
				description: 'Give the reply sign, or the chat ID to look it up.',
			});
		}
		replySign = await lookUpReplySign.call(this, chatId, i);
	}
	const request = sendChatMessage(replySign, message);
	const replyTo = String(this.getNodeParameter('replyToId', i, '') ?? '').trim();
	const dedupe = (this.getNodeParameter('skipIfSent', i, true) as boolean) && replyTo !== '';
	const outcome = await sendOnce.call(this, `wb:chat:${replyTo}`, dedupe, async () => {
		const body = await wbRequest.call(this, request, { itemIndex: i });
		// A null body is an accepted send whose receipt was unreadable (logged by the transport).
		let result: ReturnType<typeof parseSendMessageResult> = { errors: [] };
		try {
			if (body !== null) result = parseSendMessageResult(body);
		} catch (error) {
			result = { errors: [(error as Error).message] };
		}
		if (result.errors.length) {
			throw new NodeApiError(this.getNode(), (body ?? {}) as JsonObject, {
				itemIndex: i,
				message: `Wildberries did not send the chat message: ${result.errors.join('; ')}`,
			});
		}
		return result;
	});
	if (!outcome.sent) {
		return { ...input, reply: { status: 'skipped', reason: 'A reply to this message was already sent by this workflow', targetId: replyTo } };
	}
	const result = outcome.result as ReturnType<typeof parseSendMessageResult>;
	return {
		...input,
		reply: {
			status: 'sent',
			marketplace: 'wb',
			channel: 'chat',
			targetId: replyTo || chatId,
			chatId: result.chatId ?? chatId,
			text: message,
			sentAt: typeof result.addTime === 'number' ? new Date(result.addTime).toISOString() : new Date().toISOString(),
		},
	};
};

const listChatsOp: OperationHandler = async function (this: IExecuteFunctions, i) {
	const chats = parseChats(await wbRequest.call(this, listChats(), { itemIndex: i }));
	return chats.map((c) => ({ ...c }) as IDataObject);
};

export const chatHandlers: Record<string, OperationHandler> = { sendMessage, listChats: listChatsOp };
