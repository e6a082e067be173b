import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { chatFields, chatOperations } from './actions/chat';
import { orderFields, orderOperations } from './actions/order';
import { productFields, productOperations } from './actions/product';
import { questionFields, questionOperations } from './actions/question';
import { reviewFields, reviewOperations } from './actions/review';
import { router } from './actions/router';

export class Wildberries implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wildberries',
		name: 'wildberries',
		icon: { light: 'file:wildberries.svg', dark: 'file:wildberries.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Reply to Wildberries reviews, questions and chats; look up orders and product cards',
		defaults: { name: 'Wildberries' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wildberriesApi', required: true }],
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
					{ name: 'Order', value: 'order' },
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
			orderOperations,
			...orderFields,
			productOperations,
			...productFields,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
