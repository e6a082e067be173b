import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { answerQuestion, getQuestion, rejectQuestion } from '../../../src/wb/requests';
import { assertFeedbacksActionOk, normaliseQuestion, parseQuestion } from '../../../src/wb/normalise';
import { asNodeError } from '../../shared/errors';
import { wbRequest } from '../transport/request';
import { dedupeField, refusedBecauseDone, requiredString, sendOnce, type OperationHandler } from './common';
import { listFields, listInteractions } from './list';

const show = (operation: string[]) => ({ show: { resource: ['question'], operation } });

export const questionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['question'] } },
	default: 'answer',
	options: [
		{ name: 'Answer', value: 'answer', action: 'Answer a question', description: 'Publish the answer on the product card' },
		{ name: 'Get', value: 'get', action: 'Get a question', description: 'Get one question as an Interaction' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many questions', description: 'List questions of a period or product as Interactions, answered, unanswered or both' },
		{ name: 'Reject', value: 'reject', action: 'Reject a question', description: 'Reject a question so it is not published' },
	],
};

export const questionFields: INodeProperties[] = [
	{
		displayName: 'Question ID',
		name: 'questionId',
		type: 'string',
		required: true,
		default: '={{ $json.externalId }}',
		description: 'WB question ID. By default taken from the incoming Interaction.',
		displayOptions: show(['answer', 'reject', 'get']),
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '={{ $json.draft ? $json.draft.text : "" }}',
		description: 'Answer text, 2–5000 characters. By default the draft made by the AgentIQ Draft node.',
		displayOptions: show(['answer']),
	},
	{
		displayName: 'Reason',
		name: 'text',
		type: 'string',
		required: true,
		default: 'Вопрос не относится к товару',
		description: 'Text WB stores with the rejection',
		displayOptions: show(['reject']),
	},
	{ ...dedupeField, displayOptions: show(['answer']) },
	...listFields('question'),
];

// PATCH /api/v1/questions answers 200 even when WB refused the change; the envelope says so.
function checked(this: IExecuteFunctions, body: unknown, itemIndex: number): unknown {
	try {
		assertFeedbacksActionOk(body);
	} catch (error) {
		throw new NodeApiError(this.getNode(), (body ?? {}) as JsonObject, {
			itemIndex,
			message: `Wildberries refused the change: ${(error as Error).message}`,
		});
	}
	return body;
}

const answer: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const id = requiredString.call(this, 'questionId', 'Question ID', i);
	const text = requiredString.call(this, 'text', 'Text', i);
	const request = answerQuestion(id, text);
	const verifyWrite = async () => {
		const question = parseQuestion(await wbRequest.call(this, getQuestion(id)));
		return question.answer !== null && question.answer !== undefined;
	};
	let answeredElsewhere = false;
	const outcome = await sendOnce.call(this, `wb:question:${id}`, this.getNodeParameter('skipIfSent', i, true) as boolean, async () => {
		try {
			return checked.call(this, await wbRequest.call(this, request, { itemIndex: i, verifyWrite }), i);
		} catch (error) {
			// WB refuses in the 200 envelope too (checked() makes that a NodeApiError without an HTTP code).
			const httpCode = (error as { httpCode?: string }).httpCode ?? '400';
			if (!(await refusedBecauseDone({ httpCode }, verifyWrite))) throw asNodeError(this.getNode(), error, i);
			answeredElsewhere = true;
			return null;
		}
	});
	if (answeredElsewhere) {
		return { ...input, reply: { status: 'skipped', reason: 'The question already has an answer on Wildberries', targetId: id } };
	}
	return {
		...input,
		reply: outcome.sent
			? { status: 'sent', marketplace: 'wb', channel: 'question', targetId: id, text, sentAt: new Date().toISOString() }
			: { status: 'skipped', reason: 'An answer to this question was already sent by this workflow', targetId: id },
	};
};

const reject: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const id = requiredString.call(this, 'questionId', 'Question ID', i);
	const text = requiredString.call(this, 'text', 'Reason', i);
	checked.call(this, await wbRequest.call(this, rejectQuestion(id, text), { itemIndex: i }), i);
	return { ...input, reply: { status: 'rejected', marketplace: 'wb', channel: 'question', targetId: id, text, sentAt: new Date().toISOString() } };
};

const get: OperationHandler = async function (this: IExecuteFunctions, i) {
	const id = requiredString.call(this, 'questionId', 'Question ID', i);
	const body = await wbRequest.call(this, getQuestion(id), { itemIndex: i });
	return normaliseQuestion(parseQuestion(body)) as unknown as IDataObject;
};

const getMany: OperationHandler = async function (this: IExecuteFunctions, i) {
	return listInteractions.call(this, i, 'question');
};

export const questionHandlers: Record<string, OperationHandler> = { answer, reject, get, getMany };
