import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { answerQuestion, getQuestion, listQuestionAnswers } from '../../../src/ozon/requests';
import { normaliseQuestion } from '../../../src/ozon/normalise';
import { parseQuestion } from '../../../src/ozon/parse';
import { dedupeField, requiredString, sendOnce, type OperationHandler } from '../../Wildberries/actions/common';
import { ozonRequest } from '../transport/request';

const show = (operation: string[]) => ({ show: { resource: ['question'], operation } });

export const questionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['question'] } },
	default: 'answer',
	options: [
		{ name: 'Answer', value: 'answer', action: 'Answer a question', description: 'Publish the seller\'s answer to a buyer question' },
		{ name: 'Get', value: 'get', action: 'Get a question', description: 'Get one question as an Interaction' },
	],
};

export const questionFields: INodeProperties[] = [
	{
		displayName: 'Question ID',
		name: 'questionId',
		type: 'string',
		required: true,
		default: '={{ $json.externalId }}',
		description: 'Ozon question ID. By default taken from the incoming Interaction.',
		displayOptions: show(['answer', 'get']),
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		required: true,
		default: '={{ $json.productId }}',
		description: 'Ozon SKU of the product the question is about (Ozon requires it with the answer). By default taken from the incoming Interaction.',
		displayOptions: show(['answer']),
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '={{ $json.draft ? $json.draft.text : "" }}',
		description: 'Answer text, 2–3000 characters. By default the draft made by the AgentIQ Draft node.',
		displayOptions: show(['answer']),
	},
	{ ...dedupeField, displayOptions: show(['answer']) },
];

const answer: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const id = requiredString.call(this, 'questionId', 'Question ID', i);
	const sku = requiredString.call(this, 'sku', 'SKU', i);
	const text = requiredString.call(this, 'text', 'Text', i);
	const request = answerQuestion(id, sku, text);
	const verifyWrite = async () => {
		const body = (await ozonRequest.call(this, listQuestionAnswers(id, sku), { itemIndex: i })) as { answers?: Array<{ text?: string }> } | null;
		const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
		return (body?.answers ?? []).some((a) => norm(a.text ?? '') === norm(text));
	};
	const outcome = await sendOnce.call(this, `ozon:question:${id}`, this.getNodeParameter('skipIfSent', i, true) as boolean, async () =>
		ozonRequest.call(this, request, { itemIndex: i, verifyWrite }),
	);
	if (!outcome.sent) {
		return { ...input, reply: { status: 'skipped', reason: 'An answer to this question was already sent by this workflow', targetId: id } };
	}
	const receipt = outcome.result as { answer_id?: string } | null;
	return {
		...input,
		reply: {
			status: 'sent',
			marketplace: 'ozon',
			channel: 'question',
			targetId: id,
			...(receipt?.answer_id ? { answerId: receipt.answer_id } : {}),
			text,
			sentAt: new Date().toISOString(),
		},
	};
};

const get: OperationHandler = async function (this: IExecuteFunctions, i) {
	const id = requiredString.call(this, 'questionId', 'Question ID', i);
	return normaliseQuestion(parseQuestion(await ozonRequest.call(this, getQuestion(id), { itemIndex: i }))) as unknown as IDataObject;
};

export const questionHandlers: Record<string, OperationHandler> = { answer, get };
