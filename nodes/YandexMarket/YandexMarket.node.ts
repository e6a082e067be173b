import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { chatFields, chatOperations } from './actions/chat';
import { feedbackFields, feedbackOperations } from './actions/feedback';
import { orderFields, orderOperations } from './actions/order';
import { questionFields, questionOperations } from './actions/question';
import { router } from './actions/router';

export class YandexMarket implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Yandex Market',
		name: 'yandexMarket',
		icon: { light: 'file:yandexMarket.svg', dark: 'file:yandexMarket.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Comment on Yandex Market reviews, answer questions and chat messages; look up orders',
		defaults: { name: 'Yandex Market' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'yandexMarketApi', required: true }],
		usableAsTool: true,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'feedback',
				options: [
					{ name: 'Chat', value: 'chat' },
					{ name: 'Feedback (Review)', value: 'feedback' },
					{ name: 'Order', value: 'order' },
					{ name: 'Question', value: 'question' },
				],
			},
			feedbackOperations,
			...feedbackFields,
			questionOperations,
			...questionFields,
			chatOperations,
			...chatFields,
			orderOperations,
			...orderFields,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
