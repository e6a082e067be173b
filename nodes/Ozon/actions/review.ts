import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { changeReviewStatus, createReviewComment, getReview, listReviewComments, REVIEW_STATUSES } from '../../../src/ozon/requests';
import { normaliseReview } from '../../../src/ozon/normalise';
import { parseReview, parseReviewComments } from '../../../src/ozon/parse';
import { dedupeField, requiredString, sendOnce, type OperationHandler } from '../../Wildberries/actions/common';
import { ozonRequest } from '../transport/request';

const show = (operation: string[]) => ({ show: { resource: ['review'], operation } });

export const reviewOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['review'] } },
	default: 'comment',
	options: [
		{ name: 'Change Status', value: 'changeStatus', action: 'Change the status of a review', description: 'Mark a review new, viewed or processed' },
		{ name: 'Comment', value: 'comment', action: 'Comment on a review', description: 'Publish the seller\'s answer to a review' },
		{ name: 'Get', value: 'get', action: 'Get a review', description: 'Get one review as an Interaction' },
		{ name: 'List Comments', value: 'listComments', action: 'List the comments on a review', description: 'Comments of buyers and the seller on a review' },
	],
};

export const reviewFields: INodeProperties[] = [
	{
		displayName: 'Review ID',
		name: 'reviewId',
		type: 'string',
		required: true,
		default: '={{ $json.externalId }}',
		description: 'Ozon review ID. By default taken from the incoming Interaction.',
		displayOptions: show(['comment', 'listComments', 'changeStatus', 'get']),
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '={{ $json.draft ? $json.draft.text : "" }}',
		description: 'Comment text. By default the draft made by the AgentIQ Draft node.',
		displayOptions: show(['comment']),
	},
	{
		displayName: 'Mark Review as Processed',
		name: 'markProcessed',
		type: 'boolean',
		default: true,
		description: 'Whether Ozon should set the review\'s status to Processed with the comment',
		displayOptions: show(['comment']),
	},
	{ ...dedupeField, displayOptions: show(['comment']) },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'PROCESSED',
		options: REVIEW_STATUSES.map((s) => ({ name: s.charAt(0) + s.slice(1).toLowerCase(), value: s })),
		displayOptions: show(['changeStatus']),
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, maxValue: 100 },
		description: 'Max number of results to return',
		displayOptions: show(['listComments']),
	},
];

function sameText(a: string | null | undefined, b: string): boolean {
	return (a ?? '').replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

const comment: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const id = requiredString.call(this, 'reviewId', 'Review ID', i);
	const text = requiredString.call(this, 'text', 'Text', i);
	const request = createReviewComment(id, text, this.getNodeParameter('markProcessed', i, true) as boolean);
	// After an ambiguous failure the seller's own comments show whether the comment landed.
	const verifyWrite = async () =>
		parseReviewComments(await ozonRequest.call(this, listReviewComments(id), { itemIndex: i })).some(
			(c) => (c.is_owner === true || c.is_official === true) && sameText(c.text, text),
		);
	const outcome = await sendOnce.call(this, `ozon:review:${id}`, this.getNodeParameter('skipIfSent', i, true) as boolean, async () =>
		ozonRequest.call(this, request, { itemIndex: i, verifyWrite }),
	);
	if (!outcome.sent) {
		return { ...input, reply: { status: 'skipped', reason: 'A comment on this review was already sent by this workflow', targetId: id } };
	}
	const receipt = outcome.result as { comment_id?: string } | null;
	return {
		...input,
		reply: {
			status: 'sent',
			marketplace: 'ozon',
			channel: 'review',
			targetId: id,
			...(receipt?.comment_id ? { commentId: receipt.comment_id } : {}),
			text,
			sentAt: new Date().toISOString(),
		},
	};
};

const listComments: OperationHandler = async function (this: IExecuteFunctions, i) {
	const id = requiredString.call(this, 'reviewId', 'Review ID', i);
	const limit = Number(this.getNodeParameter('limit', i, 50));
	const comments = parseReviewComments(await ozonRequest.call(this, listReviewComments(id, limit), { itemIndex: i }));
	return comments.map((c) => ({ reviewId: id, ...c }) as IDataObject);
};

const changeStatus: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const id = requiredString.call(this, 'reviewId', 'Review ID', i);
	const status = String(this.getNodeParameter('status', i, 'PROCESSED'));
	await ozonRequest.call(this, changeReviewStatus([id], status), { itemIndex: i });
	return { ...input, reviewStatus: { reviewId: id, status, changedAt: new Date().toISOString() } };
};

const get: OperationHandler = async function (this: IExecuteFunctions, i) {
	const id = requiredString.call(this, 'reviewId', 'Review ID', i);
	return normaliseReview(parseReview(await ozonRequest.call(this, getReview(id), { itemIndex: i }))) as unknown as IDataObject;
};

export const reviewHandlers: Record<string, OperationHandler> = { comment, listComments, changeStatus, get };
