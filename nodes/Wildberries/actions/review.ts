import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { answerFeedback, editFeedbackAnswer, getFeedback } from '../../../src/wb/requests';
import { normaliseFeedback, parseFeedback } from '../../../src/wb/normalise';
import { asNodeError } from '../../shared/errors';
import { wbRequest } from '../transport/request';
import { dedupeField, refusedBecauseDone, requiredString, sendOnce, type OperationHandler } from './common';
import { listFields, listInteractions } from './list';

const show = (operation: string[]) => ({ show: { resource: ['review'], operation } });

export const reviewOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['review'] } },
	default: 'reply',
	options: [
		{ name: 'Edit Reply', value: 'editReply', action: 'Edit the reply to a review', description: 'Change a published reply (WB allows one edit within 60 days)' },
		{ name: 'Get', value: 'get', action: 'Get a review', description: 'Get one review as an Interaction' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many reviews', description: 'List reviews of a period or product as Interactions, answered, unanswered or both' },
		{ name: 'Reply', value: 'reply', action: 'Reply to a review', description: 'Publish the seller reply to a review' },
	],
};

export const reviewFields: INodeProperties[] = [
	{
		displayName: 'Review ID',
		name: 'reviewId',
		type: 'string',
		required: true,
		default: '={{ $json.externalId }}',
		description: 'WB feedback ID. By default taken from the incoming Interaction.',
		displayOptions: show(['reply', 'editReply', 'get']),
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '={{ $json.draft ? $json.draft.text : "" }}',
		description: 'Reply text, 2–5000 characters. By default the draft made by the AgentIQ Draft node.',
		displayOptions: show(['reply', 'editReply']),
	},
	{ ...dedupeField, displayOptions: show(['reply']) },
	...listFields('review'),
];

async function answeredOnWb(this: IExecuteFunctions, id: string): Promise<boolean> {
	const feedback = parseFeedback(await wbRequest.call(this, getFeedback(id)));
	return feedback.answer !== null && feedback.answer !== undefined;
}

const reply: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const id = requiredString.call(this, 'reviewId', 'Review ID', i);
	const text = requiredString.call(this, 'text', 'Text', i);
	const request = answerFeedback(id, text);
	const verifyWrite = async () => answeredOnWb.call(this, id);
	let answeredElsewhere = false;
	const outcome = await sendOnce.call(this, `wb:review:${id}`, this.getNodeParameter('skipIfSent', i, true) as boolean, async () => {
		try {
			return await wbRequest.call(this, request, { itemIndex: i, verifyWrite });
		} catch (error) {
			if (!(await refusedBecauseDone(error, verifyWrite))) throw asNodeError(this.getNode(), error, i);
			answeredElsewhere = true;
			return null;
		}
	});
	if (answeredElsewhere) {
		return { ...input, reply: { status: 'skipped', reason: 'The review already has an answer on Wildberries', targetId: id } };
	}
	return {
		...input,
		reply: outcome.sent
			? { status: 'sent', marketplace: 'wb', channel: 'review', targetId: id, text, sentAt: new Date().toISOString() }
			: { status: 'skipped', reason: 'A reply to this review was already sent by this workflow', targetId: id },
	};
};

const editReply: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const id = requiredString.call(this, 'reviewId', 'Review ID', i);
	const text = requiredString.call(this, 'text', 'Text', i);
	await wbRequest.call(this, editFeedbackAnswer(id, text), { itemIndex: i });
	return { ...input, reply: { status: 'edited', marketplace: 'wb', channel: 'review', targetId: id, text, sentAt: new Date().toISOString() } };
};

const get: OperationHandler = async function (this: IExecuteFunctions, i) {
	const id = requiredString.call(this, 'reviewId', 'Review ID', i);
	const body = await wbRequest.call(this, getFeedback(id), { itemIndex: i });
	return normaliseFeedback(parseFeedback(body)) as unknown as IDataObject;
};

const getMany: OperationHandler = async function (this: IExecuteFunctions, i) {
	return listInteractions.call(this, i, 'review');
};

export const reviewHandlers: Record<string, OperationHandler> = { reply, editReply, get, getMany };
