import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { decide, type Labels } from '../../src/classification';
import { classifyText } from '../../src/classify';
import { InputFieldError, readProcessingInput } from '../../src/interaction-input';
import { classificationMessages, llmClassificationSchema, type LlmClassification } from '../../src/llm/classify-prompt';
import {
	DEFAULT_ROUTING_RULES_JSON,
	DEFAULT_SLA_RULES_JSON,
	RulesError,
	validateRoutingRules,
	validateSlaRules,
	type RuleSet,
} from '../../src/rules';
import { asNodeError } from '../shared/errors';
import { llmJson } from '../shared/llm';

const ROUTE_OUTPUTS = ['auto_reply', 'draft_for_approval', 'escalate', 'ignore'] as const;

type Mode = 'offline' | 'llm' | 'hybrid';

interface ClassifyOptions {
	timezone?: string;
	workingDays?: string;
	workingStart?: string;
	workingEnd?: string;
	llmTimeoutSeconds?: number;
	includeEvidence?: boolean;
}

function parseWorkingDays(value: string | undefined, node: IExecuteFunctions): number[] | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const days = value.split(/[\s,]+/).filter(Boolean).map(Number);
	if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
		throw new NodeOperationError(node.getNode(), `Working Days must be numbers 1 (Monday) to 7 (Sunday), comma-separated (got "${value}")`);
	}
	return days;
}

export class AgentIqClassify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AgentIQ Classify',
		name: 'agentIqClassify',
		icon: { light: 'file:agentiq.svg', dark: 'file:agentiq.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["mode"] + ($parameter["outputMode"] === "perRoute" ? " · route outputs" : "") }}',
		description:
			'Intent, emotion, sentiment, priority, SLA due time and route of buyer reviews, questions and chats, decided by editable JSON rules',
		defaults: { name: 'AgentIQ Classify' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ $parameter["outputMode"] === "perRoute" ? [{ "type": "${NodeConnectionTypes.Main}", "displayName": "Auto Reply" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Draft for Approval" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Escalate" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Ignore" }] : [{ "type": "${NodeConnectionTypes.Main}" }] }}`,
		credentials: [
			{
				name: 'agentIqLlmApi',
				required: true,
				displayOptions: { show: { mode: ['llm', 'hybrid'] } },
			},
		],
		usableAsTool: true,
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				default: 'offline',
				options: [
					{ name: 'Offline', value: 'offline', description: 'Built-in Russian classifier: no network, no model download' },
					{ name: 'LLM', value: 'llm', description: 'An OpenAI-compatible model labels every item; offline result on any failure' },
					{ name: 'Hybrid', value: 'hybrid', description: 'The LLM is asked only when the offline confidence is below a threshold' },
				],
			},
			{
				displayName: 'Confidence Threshold',
				name: 'confidenceThreshold',
				type: 'number',
				default: 0.6,
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				description: 'Items whose offline confidence is below this are sent to the LLM',
				displayOptions: { show: { mode: ['hybrid'] } },
			},
			{
				displayName: 'Output',
				name: 'outputMode',
				type: 'options',
				noDataExpression: true,
				default: 'single',
				options: [
					{ name: 'Single Output', value: 'single', description: 'All items on one output, with classification.route set' },
					{ name: 'One Output per Route', value: 'perRoute', description: 'Auto Reply, Draft for Approval, Escalate, Ignore' },
				],
			},
			{
				displayName: 'SLA Rules',
				name: 'slaRules',
				type: 'json',
				default: DEFAULT_SLA_RULES_JSON,
				typeOptions: { rows: 12 },
				description: 'Rules in JSON Rules Engine format whose "sla" events set priority and slaMinutes. The highest-priority matching rule wins.',
			},
			{
				displayName: 'Routing Rules',
				name: 'routingRules',
				type: 'json',
				default: DEFAULT_ROUTING_RULES_JSON,
				typeOptions: { rows: 12 },
				description: 'Rules in JSON Rules Engine format whose "route" events set the route (auto_reply, draft_for_approval, escalate, ignore) and tags',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Evidence',
						name: 'includeEvidence',
						type: 'boolean',
						default: true,
						description: 'Whether to list the words that decided the offline labels',
					},
					{
						displayName: 'LLM Timeout (Seconds)',
						name: 'llmTimeoutSeconds',
						type: 'number',
						default: 20,
						typeOptions: { minValue: 1 },
					},
					{
						displayName: 'Time Zone',
						name: 'timezone',
						type: 'string',
						default: 'Europe/Moscow',
						description: 'Time zone of the working hours and of the hour and weekday facts',
					},
					{
						displayName: 'Working Days',
						name: 'workingDays',
						type: 'string',
						default: '1,2,3,4,5,6,7',
						description: 'Days with working hours, 1 = Monday … 7 = Sunday',
					},
					{
						displayName: 'Working Hours End',
						name: 'workingEnd',
						type: 'string',
						default: '21:00',
						placeholder: 'HH:mm',
					},
					{
						displayName: 'Working Hours Start',
						name: 'workingStart',
						type: 'string',
						default: '09:00',
						placeholder: 'HH:mm',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const mode = this.getNodeParameter('mode', 0) as Mode;
		const perRoute = this.getNodeParameter('outputMode', 0) === 'perRoute';
		const outputs: INodeExecutionData[][] = perRoute ? ROUTE_OUTPUTS.map(() => []) : [[]];
		const ruleCache = new Map<string, RuleSet>();
		const rulesFor = (name: 'slaRules' | 'routingRules', itemIndex: number): RuleSet => {
			const value = this.getNodeParameter(name, itemIndex) as unknown;
			const key = `${name}:${typeof value === 'string' ? value : JSON.stringify(value)}`;
			let set = ruleCache.get(key);
			if (!set) {
				try {
					set = name === 'slaRules' ? validateSlaRules(value) : validateRoutingRules(value);
				} catch (error) {
					const rulesError = error as RulesError;
					throw new NodeOperationError(this.getNode(), rulesError.message, {
						itemIndex,
						description:
							rulesError instanceof RulesError
								? `Fix the ${name === 'slaRules' ? 'SLA Rules' : 'Routing Rules'} parameter: rule ${rulesError.ruleName ?? '(rule set)'}, path ${rulesError.path}: ${rulesError.reason}`
								: undefined,
					});
				}
				ruleCache.set(key, set);
			}
			return set;
		};
		const now = new Date();

		for (let i = 0; i < items.length; i++) {
			try {
				const options = this.getNodeParameter('options', i, {}) as ClassifyOptions;
				const json = items[i].json;
				const input = readProcessingInput(json, i);
				const offline = classifyText({
					text: input.text,
					channel: input.channel,
					rating: input.rating,
					marketplace: input.marketplace,
					history: input.history,
				});
				const signals = {
					...offline.signals,
					repeatContact: Math.max(offline.signals.repeatContact, input.repeatContact ?? 0),
				};
				let labels: Labels = { ...offline, signals };
				if (!options.includeEvidence && options.includeEvidence !== undefined) delete labels.evidence;
				let llmError: string | undefined;
				const threshold = this.getNodeParameter('confidenceThreshold', i, 0.6) as number;
				if (mode === 'llm' || (mode === 'hybrid' && offline.confidence < threshold)) {
					try {
						const answer: LlmClassification = await llmJson.call(this, classificationMessages(input), llmClassificationSchema, {
							timeoutMs: Math.max(1, options.llmTimeoutSeconds ?? 20) * 1000,
							retries: 1,
							maxTokens: 200,
						});
						labels = {
							intent: answer.intent,
							emotion: answer.emotion,
							sentiment: answer.sentiment,
							confidence: answer.confidence,
							signals: { ...signals, churnRisk: answer.churnRisk ?? signals.churnRisk },
							engine: 'llm',
						};
					} catch (error) {
						// The offline result stands; the reason stays visible on the item.
						llmError = (error as Error).message;
						this.logger.warn(`AgentIQ Classify: LLM failed for item ${i}, offline result used: ${llmError}`);
					}
				}
				const workingDays = parseWorkingDays(options.workingDays, this);
				const factsOptions = {
					timezone: options.timezone || 'Europe/Moscow',
					workingHours: {
						days: workingDays ?? [1, 2, 3, 4, 5, 6, 7],
						start: options.workingStart || '09:00',
						end: options.workingEnd || '21:00',
					},
				};
				const classification = decide(
					{ ...(json as IDataObject), text: input.text, channel: input.channel, rating: input.rating } as never,
					labels,
					{ sla: rulesFor('slaRules', i), routing: rulesFor('routingRules', i) },
					now,
					factsOptions,
				);
				if (llmError) classification.llmError = llmError;
				const out: INodeExecutionData = {
					json: { ...json, classification: classification as unknown as IDataObject },
					pairedItem: { item: i },
				};
				outputs[perRoute ? ROUTE_OUTPUTS.indexOf(classification.route) : 0].push(out);
			} catch (error) {
				if (this.continueOnFail()) {
					// A failed item goes to the person: the approval output (or the single output) with the error.
					outputs[perRoute ? 1 : 0].push({ json: { ...items[i].json, error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw asNodeError(this.getNode(), error, i, error instanceof InputFieldError ? `Check the field "${error.field}" of the incoming item.` : undefined);
			}
		}
		return outputs;
	}
}
