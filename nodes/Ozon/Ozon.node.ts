import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { chatFields, chatOperations } from './actions/chat';
import { postingFields, postingOperations } from './actions/posting';
import { productFields, productOperations } from './actions/product';
import { questionFields, questionOperations } from './actions/question';
import { reviewFields, reviewOperations } from './actions/review';
import { router } from './actions/router';

export class Ozon implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ozon',
		name: 'ozon',
		icon: { light: 'file:ozon.svg', dark: 'file:ozon.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Answer Ozon reviews, questions and chats; look up postings and products',
		defaults: { name: 'Ozon' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ozonSellerApi', required: true }],
		usableAsTool: true,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'review',
				options: [
					{ name: 'Chat', value: 'chat' },
					{ name: 'Posting', value: 'posting' },
					{ name: 'Product', value: 'product' },
					{ name: 'Question', value: 'question' },
					{ name: 'Review', value: 'review' },
				],
			},
			reviewOperations,
			...reviewFields,
			questionOperations,
			...questionFields,
			chatOperations,
			...chatFields,
			postingOperations,
			...postingFields,
			productOperations,
			...productFields,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
