import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { readDashboardItems, renderDashboard, type RenderOptions } from '../../src/dashboard';
import { InputFieldError } from '../../src/interaction-input';

interface DashboardOptions {
	reviewCount?: number;
	measuredOn?: string;
}

export class AgentIqDashboard implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AgentIQ Dashboard',
		name: 'agentIqDashboard',
		icon: { light: 'file:agentiqDashboard.svg', dark: 'file:agentiqDashboard.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'HTML page',
		description:
			'Builds a self-contained HTML dashboard (SLA compliance, response times, top problem products, quality alerts, A/B tests) from AgentIQ Metrics and Quality Alert items',
		defaults: { name: 'AgentIQ Dashboard' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [
			{
				displayName:
					'Input: the AgentIQ Metrics summary plus the items of AgentIQ Quality Alert (Detect Spikes and Top Problem Products), e.g. merged with a Merge node. Output: one item with "html", ready for Respond to Webhook (text/html). The page has no scripts and loads nothing from the internet.',
				name: 'inputNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: 'Marketplace service and product quality',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Review Count',
						name: 'reviewCount',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0 },
						description: 'Reviews fetched for the period, shown as a figure of its own (e.g. an expression counting the items of the node that fetched them)',
					},
					{
						displayName: 'Measured On',
						name: 'measuredOn',
						type: 'string',
						default: '',
						description: 'What the SLA and response-time figures are computed on, printed under the charts (e.g. "questions")',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const options = this.getNodeParameter('options', 0, {}) as DashboardOptions;
		const renderOptions: RenderOptions = {
			title: this.getNodeParameter('title', 0, '') as string,
			generatedAt: new Date().toISOString(),
			...(options.reviewCount !== undefined ? { reviewCount: Number(options.reviewCount) } : {}),
			...(options.measuredOn ? { measuredOn: options.measuredOn } : {}),
		};
		if (renderOptions.reviewCount !== undefined && (!Number.isInteger(renderOptions.reviewCount) || renderOptions.reviewCount < 0)) {
			throw new NodeOperationError(this.getNode(), `Review Count must be a whole number of 0 or more (got ${JSON.stringify(options.reviewCount)})`);
		}
		let html: string;
		try {
			html = renderDashboard(readDashboardItems(items.map((item) => item.json)), renderOptions);
		} catch (error) {
			const index = /^Item (\d+)/.exec((error as Error).message);
			throw new NodeOperationError(this.getNode(), (error as Error).message, {
				...(index ? { itemIndex: Number(index[1]) } : {}),
				description: error instanceof InputFieldError ? `Check the field "${error.field}" of the incoming item.` : undefined,
			});
		}
		const output: IDataObject = { html };
		return [[{ json: output, pairedItem: items.map((_, item) => ({ item })) }]];
	}
}
