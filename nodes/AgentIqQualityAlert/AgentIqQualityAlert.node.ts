import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, IPairedItemData } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { InputFieldError } from '../../src/interaction-input';
import { NEGATIVE_RULES, QualityAggregator, readQualityEvent, type ConfidenceLevel, type NegativeRule } from '../../src/quality';
import { asNodeError } from '../shared/errors';
import { recordProcessed } from '../shared/send-once';

type Operation = 'detectSpikes' | 'topProblemProducts' | 'questionTopics';

interface QualityNodeOptions {
	baselineFloor?: number;
	confidence?: string;
	negativeRule?: NegativeRule;
	negativeMaxRating?: number;
	quotesPerProduct?: number;
	quoteLength?: number;
}

const show = (operations: Operation[]) => ({ show: { operation: operations } });

export class AgentIqQualityAlert implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AgentIQ Quality Alert',
		name: 'agentIqQualityAlert',
		icon: { light: 'file:agentiqQuality.svg', dark: 'file:agentiqQuality.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] }}',
		description:
			'Product quality from buyer reviews and questions: alerts when a product’s share of negative reviews jumps, the top problem products, and what buyers ask about each product',
		defaults: { name: 'AgentIQ Quality Alert' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				default: 'detectSpikes',
				options: [
					{
						name: 'Detect Spikes',
						value: 'detectSpikes',
						action: 'Alert on products whose negative share jumped',
						description:
							'One alert per product whose share of negative reviews grew past the threshold against the previous period, with counts, top complaint topics and quotes',
					},
					{
						name: 'Top Problem Products',
						value: 'topProblemProducts',
						action: 'Rank products by negative reviews',
						description: 'Products ranked by negative reviews in the current period, with topics and quotes',
					},
					{
						name: 'Question Topics',
						value: 'questionTopics',
						action: 'Show what buyers ask about each product',
						description: 'Per product: the share of buyer questions per topic and what to add to the product card',
					},
				],
			},
			{
				displayName:
					'Feed all reviews (and questions) of the current and the previous period as input items: Interactions from a trigger or from AgentIQ Classify, or plain items with productId, text, rating and createdAt. Items without a classification are classified offline.',
				name: 'inputNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Reference Time',
				name: 'referenceTime',
				type: 'string',
				default: '={{ $now.toISO() }}',
				description: 'End of the current period (ISO date-time). The previous period is the same length just before it.',
			},
			{
				displayName: 'Period (Days)',
				name: 'windowDays',
				type: 'number',
				default: 7,
				typeOptions: { minValue: 0.01, numberPrecision: 2 },
				description: 'Length of the current period and of the previous one it is compared with',
			},
			{
				displayName: 'Growth Threshold',
				name: 'threshold',
				type: 'number',
				default: 0.3,
				typeOptions: { minValue: 0.01, numberPrecision: 2 },
				description:
					'Relative growth of the negative share that fires an alert: 0.3 = +30% (e.g. from 20% to 26%). A previous share below the Baseline Floor counts as the floor.',
				displayOptions: show(['detectSpikes']),
			},
			{
				displayName: 'Minimum Reviews',
				name: 'minReviews',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 1 },
				description: 'Reviews a product needs in the current period to be judged, so that two bad reviews are not a spike',
				displayOptions: show(['detectSpikes', 'topProblemProducts']),
			},
			{
				displayName: 'Alert Once per Period',
				name: 'oncePerPeriod',
				type: 'boolean',
				default: true,
				description:
					'Whether to alert a product at most once per period, across executions of this workflow. Periods are fixed blocks of the period length counted from a Monday 00:00 UTC (7 days = calendar weeks).',
				displayOptions: show(['detectSpikes']),
			},
			{
				displayName: 'Number of Products',
				name: 'topCount',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 1 },
				description: 'How many of the worst products to return',
				displayOptions: show(['topProblemProducts']),
			},
			{
				displayName: 'Rank By',
				name: 'rankBy',
				type: 'options',
				default: 'negative',
				options: [
					{ name: 'Number of Negative Reviews', value: 'negative' },
					{ name: 'Share of Negative Reviews', value: 'share' },
				],
				displayOptions: show(['topProblemProducts']),
			},
			{
				displayName: 'Minimum Questions',
				name: 'minQuestions',
				type: 'number',
				default: 3,
				typeOptions: { minValue: 1 },
				description: 'Questions a product needs in the current period to be reported',
				displayOptions: show(['questionTopics']),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Baseline Floor',
						name: 'baselineFloor',
						type: 'number',
						default: 0.05,
						typeOptions: { minValue: 0.001, maxValue: 1, numberPrecision: 3 },
						description:
							'Smallest previous negative share the growth is measured against, so a product with 0% before does not alert on one bad review: 0 → 10% is +100% against a 5% floor',
					},
					{
						displayName: 'Chance Check',
						name: 'confidence',
						type: 'options',
						default: '0.95',
						options: [
							{ name: '80% Sure', value: '0.8' },
							{ name: '90% Sure', value: '0.9' },
							{ name: '95% Sure', value: '0.95' },
							{ name: '99% Sure', value: '0.99' },
							{ name: 'Off (Threshold Only)', value: '0' },
						],
						description:
							'How sure a rise must be not to be chance before it alerts (one-sided two-proportion test). Without it a steady product with a few negative reviews a week alerts on noise.',
					},
					{
						displayName: 'Low Rating (Max Stars)',
						name: 'negativeMaxRating',
						type: 'number',
						default: 2,
						typeOptions: { minValue: 1, maxValue: 5 },
						description: 'A review with this many stars or fewer is a low rating',
					},
					{
						displayName: 'Negative Review Rule',
						name: 'negativeRule',
						type: 'options',
						default: 'sentimentOrRating',
						options: [
							{ name: 'Negative Sentiment or Low Rating', value: 'sentimentOrRating' },
							{ name: 'Low Rating Only', value: 'rating', description: 'Reviews without stars fall back to sentiment' },
							{ name: 'Negative Sentiment Only', value: 'sentiment' },
						],
					},
					{
						displayName: 'Quote Length',
						name: 'quoteLength',
						type: 'number',
						default: 300,
						typeOptions: { minValue: 10 },
						description: 'Longer quotes are cut to this many characters',
					},
					{
						displayName: 'Quotes per Product',
						name: 'quotesPerProduct',
						type: 'number',
						default: 3,
						typeOptions: { minValue: 0 },
						description: 'How many recent review or question texts to quote as evidence',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const operation = this.getNodeParameter('operation', 0) as Operation;
		const options = this.getNodeParameter('options', 0, {}) as QualityNodeOptions;
		const referenceRaw = this.getNodeParameter('referenceTime', 0, '') as unknown;
		const referenceTime = referenceRaw === '' || referenceRaw === undefined || referenceRaw === null ? Date.now() : new Date(referenceRaw as string).getTime();
		if (!Number.isFinite(referenceTime)) {
			throw new NodeOperationError(this.getNode(), `Reference Time must be an ISO date-time (got ${JSON.stringify(referenceRaw)})`);
		}
		const negativeRule = options.negativeRule ?? 'sentimentOrRating';
		if (!(NEGATIVE_RULES as readonly string[]).includes(negativeRule)) {
			throw new NodeOperationError(this.getNode(), `Negative Review Rule must be one of ${NEGATIVE_RULES.join(', ')} (got "${negativeRule}")`);
		}
		let aggregator: QualityAggregator;
		try {
			aggregator = new QualityAggregator({
				referenceTime,
				windowDays: this.getNodeParameter('windowDays', 0, 7) as number,
				spike: {
					threshold: operation === 'detectSpikes' ? (this.getNodeParameter('threshold', 0, 0.3) as number) : 0.3,
					minReviews: operation === 'questionTopics' ? 1 : (this.getNodeParameter('minReviews', 0, 10) as number),
					baselineFloor: options.baselineFloor ?? 0.05,
					confidence: Number(options.confidence ?? '0.95') as ConfidenceLevel,
				},
				negative: { rule: negativeRule, maxRating: options.negativeMaxRating ?? 2 },
				quotesPerProduct: options.quotesPerProduct ?? 3,
				quoteLength: options.quoteLength ?? 300,
			});
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `Invalid parameter: ${(error as Error).message}`);
		}

		const out: INodeExecutionData[] = [];
		// Input items per product (current period), so every output item points back at its evidence.
		const sources = new Map<string, number[]>();
		for (let i = 0; i < items.length; i++) {
			try {
				const event = readQualityEvent(items[i].json, i);
				const window = aggregator.add(event);
				if (window === 'current') {
					const list = sources.get(event.productId);
					if (list) list.push(i);
					else sources.set(event.productId, [i]);
				}
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { ...items[i].json, error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw asNodeError(this.getNode(), error, i, error instanceof InputFieldError ? `Check the field "${error.field}" of the incoming item.` : undefined);
			}
		}
		const paired = (productId: string): IPairedItemData[] => (sources.get(productId) ?? [0]).map((item) => ({ item }));

		if (operation === 'detectSpikes') {
			let alerts = aggregator.spikes();
			if (alerts.length > 0 && this.getNodeParameter('oncePerPeriod', 0, true)) {
				const keys = alerts.map((a) => `quality:${a.dedupeKey}`);
				const seen = new Set(await recordProcessed.call(this, keys));
				alerts = alerts.filter((a) => !seen.has(`quality:${a.dedupeKey}`));
			}
			for (const alert of alerts) out.push({ json: alert as unknown as IDataObject, pairedItem: paired(alert.productId) });
		} else if (operation === 'topProblemProducts') {
			const limit = this.getNodeParameter('topCount', 0, 10) as number;
			const rankBy = this.getNodeParameter('rankBy', 0, 'negative') as 'negative' | 'share';
			const period = aggregator.periodBounds();
			for (const product of aggregator.topProblemProducts(limit, rankBy)) {
				out.push({ json: { ...product, ...period } as unknown as IDataObject, pairedItem: paired(product.productId) });
			}
		} else {
			const minQuestions = this.getNodeParameter('minQuestions', 0, 3) as number;
			const period = aggregator.periodBounds();
			for (const report of aggregator.questionTopics(minQuestions)) {
				out.push({ json: { ...report, ...period } as unknown as IDataObject, pairedItem: paired(report.productId) });
			}
		}
		return [out];
	}
}
