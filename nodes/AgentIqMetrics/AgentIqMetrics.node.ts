import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { InputFieldError } from '../../src/interaction-input';
import { MetricsAccumulator, dimensionRows, readMetricsRecord } from '../../src/metrics';
import { asNodeError } from '../shared/errors';

const DAY_MS = 24 * 60 * 60 * 1000;

export class AgentIqMetrics implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AgentIQ Metrics',
		name: 'agentIqMetrics',
		icon: { light: 'file:agentiqMetrics.svg', dark: 'file:agentiqMetrics.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["periodDays"] ? "last " + $parameter["periodDays"] + " days" : "all items" }}',
		description:
			'Service metrics of a period from buyer interactions and replies: response time, SLA compliance, automation rate, intents and emotions, review conversion, A/B win rates of tones and templates',
		defaults: { name: 'AgentIQ Metrics' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [
			{
				displayName:
					'Output: one item of type "metrics_summary" with period, interactions, replied, unreplied, outsidePeriod, byChannel, responseTimeMinutes {count, median, p90, mean}, timing [{bucket &lt;1h|1-4h|4-24h|&gt;24h, count, share}], sla {met, breached, pending, compliance, byPriority}, automation {auto, edited, manual, unknown, autoRate, editedRate, manualRate}, intents and emotions [{key, count, share}], reviewConversion {eligible, converted, rate, ci95} and abTests {tone, template: [{variant, n, wins, winRate, ci95, withoutOutcome}]}. Optionally one "metrics_row" item per dimension value.',
				name: 'outputNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Reference Time',
				name: 'referenceTime',
				type: 'string',
				default: '={{ $now.toISO() }}',
				description: 'End of the period (ISO date-time); unreplied items due before it count as SLA breaches',
			},
			{
				displayName: 'Period (Days)',
				name: 'periodDays',
				type: 'number',
				default: 7,
				typeOptions: { minValue: 0, numberPrecision: 2 },
				description: 'Only interactions created in this many days before the reference time count; 0 = every input item',
			},
			{
				displayName: 'Include Dimension Rows',
				name: 'includeRows',
				type: 'boolean',
				default: false,
				description:
					'Whether to add one flat item per value of each dimension (intent, emotion, timing, sla, automation, tone, template) after the summary, for tables and charts',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const referenceRaw = this.getNodeParameter('referenceTime', 0, '') as unknown;
		const referenceTime = referenceRaw === '' || referenceRaw === undefined || referenceRaw === null ? Date.now() : new Date(referenceRaw as string).getTime();
		if (!Number.isFinite(referenceTime)) {
			throw new NodeOperationError(this.getNode(), `Reference Time must be an ISO date-time (got ${JSON.stringify(referenceRaw)})`);
		}
		const periodDays = this.getNodeParameter('periodDays', 0, 7) as number;
		if (!Number.isFinite(periodDays) || periodDays < 0) {
			throw new NodeOperationError(this.getNode(), `Period (Days) must be 0 or more (got ${JSON.stringify(periodDays)})`);
		}
		const accumulator = new MetricsAccumulator({ referenceTime, periodStart: periodDays > 0 ? referenceTime - periodDays * DAY_MS : undefined });
		const errors: INodeExecutionData[] = [];
		const counted: number[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				if (accumulator.add(readMetricsRecord(items[i].json, i))) counted.push(i);
			} catch (error) {
				if (this.continueOnFail()) {
					errors.push({ json: { ...items[i].json, error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw asNodeError(this.getNode(), error, i, error instanceof InputFieldError ? `Check the field "${error.field}" of the incoming item.` : undefined);
			}
		}
		const summary = accumulator.summary();
		const pairedItem = (counted.length > 0 ? counted : items.length > 0 ? [0] : []).map((item) => ({ item }));
		const out: INodeExecutionData[] = [{ json: { type: 'metrics_summary', ...summary } as unknown as IDataObject, pairedItem }];
		if (this.getNodeParameter('includeRows', 0, false)) {
			for (const row of dimensionRows(summary)) out.push({ json: { type: 'metrics_row', ...row } as IDataObject, pairedItem });
		}
		return [[...out, ...errors]];
	}
}
