import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseAnswerPage, parseUpdatedEntity } from '../../../src/ym/parse';
import { answerQuestion, listQuestionAnswers } from '../../../src/ym/requests';
import { ymRequest } from '../transport/request';
import { businessId, dedupeField, requiredString, sendOnce, sentReply, skippedReply, type OperationHandler } from './shared';

const show = (operation: string[]) => ({ show: { resource: ['question'], operation } });

export const questionOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['question'] } },
	default: 'answer',
	options: [{ name: 'Answer', value: 'answer', action: 'Answer a question', description: 'Publish the seller answer to a product question' }],
};

export const questionFields: INodeProperties[] = [
	{
		displayName: 'Question ID',
		name: 'questionId',
		type: 'string',
		required: true,
		default: '={{ $json.externalId }}',
		description: 'Market question ID. By default taken from the incoming Interaction.',
		displayOptions: show(['answer']),
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '={{ $json.draft ? $json.draft.text : "" }}',
		description: 'Answer text, 1–5000 characters. By default the draft made by the AgentIQ Draft node.',
		displayOptions: show(['answer']),
	},
	{ ...dedupeField, displayOptions: show(['answer']) },
];

async function answerLanded(this: IExecuteFunctions, business: string, questionId: string, text: string): Promise<number | undefined> {
	let token: string | undefined;
	for (let page = 0; page < 20; page++) {
		const parsed = parseAnswerPage(await ymRequest.call(this, listQuestionAnswers(business, questionId, token)));
		const mine = parsed.items.find((a) => a.text.trim() === text.trim() && a.status !== 'DELETED');
		if (mine) return mine.id;
		token = parsed.nextPageToken;
		if (!token) return undefined;
	}
	return undefined;
}

const answer: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const business = await businessId.call(this);
	const id = requiredString.call(this, 'questionId', 'Question ID', i);
	const text = requiredString.call(this, 'text', 'Text', i);
	const request = answerQuestion(business, id, text);
	const outcome = await sendOnce.call(this, `ym:question:${id}`, this.getNodeParameter('skipIfSent', i, true) as boolean, async () => {
		const body = await ymRequest.call(this, request, {
			itemIndex: i,
			what: `the answer to question ${id}`,
			verifyWrite: async () => (await answerLanded.call(this, business, id, text)) !== undefined,
		});
		return body === null ? await answerLanded.call(this, business, id, text) : parseUpdatedEntity(body).id;
	});
	return {
		...input,
		reply: outcome.sent
			? sentReply('question', id, text, outcome.result !== undefined ? { answerId: String(outcome.result) } : {})
			: skippedReply('question', id),
	};
};

export const questionHandlers: Record<string, OperationHandler> = { answer };
