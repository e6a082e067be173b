import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normaliseFeedback } from '../../../src/ym/normalise';
import { parseComment, parseCommentPage, parseFeedbackPage } from '../../../src/ym/parse';
import { getFeedback, listFeedbackComments, updateFeedbackComment } from '../../../src/ym/requests';
import { ymRequest } from '../transport/request';
import { businessId, dedupeField, requiredString, sendOnce, sentReply, skippedReply, type OperationHandler } from './shared';

const show = (operation: string[]) => ({ show: { resource: ['feedback'], operation } });

export const feedbackOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['feedback'] } },
	default: 'comment',
	options: [
		{ name: 'Comment', value: 'comment', action: 'Comment on a review', description: 'Publish the seller comment under a review' },
		{ name: 'Get', value: 'get', action: 'Get a review', description: 'Get one review as an Interaction' },
		{ name: 'Update Comment', value: 'updateComment', action: 'Update a review comment', description: 'Change the text of a seller comment' },
	],
};

export const feedbackFields: INodeProperties[] = [
	{
		displayName: 'Review ID',
		name: 'feedbackId',
		type: 'string',
		required: true,
		default: '={{ $json.externalId }}',
		description: 'Market feedback ID. By default taken from the incoming Interaction.',
		displayOptions: show(['comment', 'updateComment', 'get']),
	},
	{
		displayName: 'Comment ID',
		name: 'commentId',
		type: 'string',
		required: true,
		default: '={{ $json.reply ? $json.reply.commentId : "" }}',
		description: 'ID of the seller comment to change (returned by Comment as reply.commentId)',
		displayOptions: show(['updateComment']),
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '={{ $json.draft ? $json.draft.text : "" }}',
		description: 'Comment text, 1–4096 characters. By default the draft made by the AgentIQ Draft node.',
		displayOptions: show(['comment', 'updateComment']),
	},
	{ ...dedupeField, displayOptions: show(['comment']) },
];

/** Whether a seller comment with this text is already under the review (an ambiguous failure may have landed). */
async function commentLanded(this: IExecuteFunctions, business: string, feedbackId: string, text: string): Promise<number | undefined> {
	let token: string | undefined;
	for (let page = 0; page < 20; page++) {
		const parsed = parseCommentPage(await ymRequest.call(this, listFeedbackComments(business, feedbackId, token)));
		const mine = parsed.items.find((c) => c.author?.type === 'BUSINESS' && c.text.trim() === text.trim() && c.status !== 'DELETED');
		if (mine) return mine.id;
		token = parsed.nextPageToken;
		if (!token) return undefined;
	}
	return undefined;
}

const comment: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const business = await businessId.call(this);
	const id = requiredString.call(this, 'feedbackId', 'Review ID', i);
	const text = requiredString.call(this, 'text', 'Text', i);
	const request = updateFeedbackComment({ businessId: business, feedbackId: id, text });
	const outcome = await sendOnce.call(this, `ym:review:${id}`, this.getNodeParameter('skipIfSent', i, true) as boolean, async () => {
		const body = await ymRequest.call(this, request, {
			itemIndex: i,
			what: `the comment on review ${id}`,
			verifyWrite: async () => (await commentLanded.call(this, business, id, text)) !== undefined,
		});
		// null: the write landed but its receipt was lost; look the comment up for its id
		return body === null ? await commentLanded.call(this, business, id, text) : parseComment(body).id;
	});
	return {
		...input,
		reply: outcome.sent
			? sentReply('review', id, text, outcome.result !== undefined ? { commentId: String(outcome.result) } : {})
			: skippedReply('review', id),
	};
};

const updateComment: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const business = await businessId.call(this);
	const id = requiredString.call(this, 'feedbackId', 'Review ID', i);
	const commentId = requiredString.call(this, 'commentId', 'Comment ID', i);
	const text = requiredString.call(this, 'text', 'Text', i);
	const body = await ymRequest.call(this, updateFeedbackComment({ businessId: business, feedbackId: id, commentId, text }), {
		itemIndex: i,
		what: `comment ${commentId} on review ${id}`,
	});
	return { ...input, reply: { status: 'edited', marketplace: 'ym', channel: 'review', targetId: id, commentId, text, sentAt: new Date().toISOString(), ...(body ? { comment: parseComment(body) } : {}) } };
};

const get: OperationHandler = async function (this: IExecuteFunctions, i) {
	const business = await businessId.call(this);
	const id = requiredString.call(this, 'feedbackId', 'Review ID', i);
	const page = parseFeedbackPage(await ymRequest.call(this, getFeedback(business, id), { itemIndex: i, what: `review ${id}` }));
	const found = page.items.find((f) => String(f.feedbackId) === id);
	if (!found) throw new NodeOperationError(this.getNode(), `Review ${id} was not found on Yandex Market`, { itemIndex: i });
	return normaliseFeedback(found) as unknown as IDataObject;
};

export const feedbackHandlers: Record<string, OperationHandler> = { comment, updateComment, get };
