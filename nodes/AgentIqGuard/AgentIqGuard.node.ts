import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { check } from '../../src/guardrails';
import { CHANNELS, MARKETPLACES } from '../../src/interaction';
import { showValue } from '../../src/interaction-input';
import { readRecentReplies } from '../../src/recent-replies';
import { asNodeError } from '../shared/errors';

export class AgentIqGuard implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AgentIQ Guard',
		name: 'agentIqGuard',
		icon: { light: 'file:agentiq.svg', dark: 'file:agentiq.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'Check outgoing replies',
		description:
			'Checks a reply before it is sent: links, contacts, messengers, off-platform offers, promises, blame, jargon, AI mentions, length and repetition',
		defaults: { name: 'AgentIQ Guard' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Pass', 'Blocked'],
		usableAsTool: true,
		properties: [
			{
				displayName: 'Reply Text',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '={{ $json.draft ? $json.draft.text : $json.replyText }}',
				description: 'The text to check. By default the draft of the AgentIQ Draft node.',
			},
			{
				displayName: 'Marketplace',
				name: 'marketplace',
				type: 'string',
				default: '={{ $json.marketplace }}',
				description: 'Wb, ozon or ym: decides the length limits and the marketplace\'s own words that are allowed',
			},
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'string',
				default: '={{ $json.channel }}',
				description: 'Review, question or chat',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Buyer Text',
						name: 'buyerText',
						type: 'string',
						default: '={{ $json.text }}',
						description: 'What the buyer wrote, so replies may talk about the same things',
					},
					{
						displayName: 'Max Length',
						name: 'maxLength',
						type: 'number',
						default: 0,
						description: 'Overrides the marketplace\'s length limit for the channel (0 keeps it)',
					},
					{
						displayName: 'Recent Replies',
						name: 'recentReplies',
						type: 'json',
						default: '[]',
						description:
							'Replies sent recently (e.g. rows of a Data Table): a reply too similar to one of them is blocked, because marketplaces punish copy-paste answers',
					},
					{
						displayName: 'Similarity Threshold',
						name: 'similarityThreshold',
						type: 'number',
						default: 0.8,
						typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const pass: INodeExecutionData[] = [];
		const blocked: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const text = this.getNodeParameter('text', i, '') as unknown;
				if (typeof text !== 'string') {
					throw new NodeOperationError(this.getNode(), `Reply Text must be a string in item ${i} (got ${text === undefined ? 'nothing' : typeof text})`, { itemIndex: i });
				}
				const marketplace = this.getNodeParameter('marketplace', i, '') as unknown;
				const channel = this.getNodeParameter('channel', i, '') as unknown;
				if (typeof marketplace !== 'string' || !(MARKETPLACES as readonly string[]).includes(marketplace)) {
					throw new NodeOperationError(this.getNode(), `Marketplace must be wb, ozon or ym in item ${i} (got ${showValue(marketplace)})`, { itemIndex: i });
				}
				if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
					throw new NodeOperationError(this.getNode(), `Channel must be review, question or chat in item ${i} (got ${showValue(channel)})`, { itemIndex: i });
				}
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				let recentReplies: string[];
				try {
					recentReplies = readRecentReplies(options.recentReplies);
				} catch (error) {
					throw new NodeOperationError(this.getNode(), `Recent Replies in item ${i}: ${(error as Error).message}`, { itemIndex: i });
				}
				const result = check(text, {
					marketplace: marketplace as (typeof MARKETPLACES)[number],
					channel: channel as (typeof CHANNELS)[number],
					buyerText: typeof options.buyerText === 'string' ? options.buyerText : undefined,
					recentReplies,
					maxLength: typeof options.maxLength === 'number' && options.maxLength > 0 ? options.maxLength : undefined,
					similarityThreshold: typeof options.similarityThreshold === 'number' ? options.similarityThreshold : undefined,
				});
				const out = { json: { ...items[i].json, guardrails: result as unknown as IDataObject }, pairedItem: { item: i } };
				(result.ok ? pass : blocked).push(out);
			} catch (error) {
				if (this.continueOnFail()) {
					// An item that cannot be checked must not be sent: it goes to Blocked.
					blocked.push({ json: { ...items[i].json, error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw asNodeError(this.getNode(), error, i);
			}
		}
		return [pass, blocked];
	}
}
