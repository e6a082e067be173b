import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { classifyText } from '../../src/classify';
import { askOrderNumberDraft, draftFromTemplate, fiveStarUpsellDraft } from '../../src/draft';
import type { DraftInput, DraftOrder, DraftProduct, DraftResult, RelatedProduct, Tone } from '../../src/draft/types';
import { check, REPLY_LIMITS } from '../../src/guardrails';
import type { Channel, Marketplace } from '../../src/interaction';
import { InputFieldError, readProcessingInput } from '../../src/interaction-input';
import { draftMessages, llmDraftSchema, regenerateMessages } from '../../src/llm/draft-prompt';
import { readRecentReplies } from '../../src/recent-replies';
import { asNodeError } from '../shared/errors';
import { llmJson } from '../shared/llm';

type Mode = 'template' | 'llm' | 'llmWithFallback';
type Kind = 'auto' | 'askOrderNumber' | 'fiveStarUpsell';

const TONES: Tone[] = ['formal', 'empathetic', 'friendly'];

/** A/B: the same interaction always gets the same tone, spread evenly over many interactions. */
function toneByHash(id: string): Tone {
	let h = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
	return TONES[h % TONES.length];
}

function productContext(json: IDataObject): DraftProduct | undefined {
	const p = json.product as IDataObject | undefined;
	if (!p || typeof p !== 'object') return undefined;
	return {
		name: typeof p.name === 'string' ? p.name : undefined,
		characteristics: Array.isArray(p.characteristics) ? (p.characteristics as DraftProduct['characteristics']) : undefined,
		sizeTable: (p.sizeTable as DraftProduct['sizeTable']) ?? null,
	};
}

function orderContext(json: IDataObject): DraftOrder | undefined {
	// The Wildberries node's Order → Get by Number puts { order: { order, matchedBy } } on the item.
	const found = json.order as IDataObject | null | undefined;
	const order = (found && typeof found === 'object' && 'order' in found ? found.order : found) as IDataObject | null | undefined;
	if (!order || typeof order !== 'object' || order.number === undefined) return undefined;
	return {
		number: String(order.number),
		productName: typeof order.productName === 'string' ? order.productName : undefined,
		size: typeof order.size === 'string' ? order.size : undefined,
		status: typeof order.status === 'string' ? order.status : undefined,
	};
}

export class AgentIqDraft implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AgentIQ Draft',
		name: 'agentIqDraft',
		icon: { light: 'file:agentiq.svg', dark: 'file:agentiq.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["mode"] + " · " + $parameter["tone"] }}',
		description: 'Russian reply drafts for buyer reviews, questions and chats, from templates or an LLM, always checked by the guardrails',
		defaults: { name: 'AgentIQ Draft' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'agentIqLlmApi', required: true, displayOptions: { show: { mode: ['llm', 'llmWithFallback'] } } }],
		usableAsTool: true,
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				default: 'template',
				options: [
					{ name: 'Template', value: 'template', description: 'Offline Russian templates that vary by themselves' },
					{
						name: 'LLM',
						value: 'llm',
						description: 'An OpenAI-compatible model writes the draft; a draft that breaks a rule is redone once, then replaced by a template draft for approval',
					},
					{
						name: 'LLM with Template Fallback',
						value: 'llmWithFallback',
						description: 'As LLM, and when the LLM fails (error, time-out, bad answer) a template draft is used too',
					},
				],
			},
			{
				displayName: 'Draft',
				name: 'kind',
				type: 'options',
				default: 'auto',
				options: [
					{ name: 'Reply to the Buyer (by Intent)', value: 'auto' },
					{ name: 'Ask for the Order Number (Chat)', value: 'askOrderNumber' },
					{ name: 'Thank-You With Related Products (WB Chat After a 4–5★ Review)', value: 'fiveStarUpsell' },
				],
			},
			{
				displayName: 'Tone',
				name: 'tone',
				type: 'options',
				default: 'empathetic',
				options: [
					{ name: 'A/B: Pick by Interaction ID', value: 'ab' },
					{ name: 'Empathetic', value: 'empathetic' },
					{ name: 'Formal', value: 'formal' },
					{ name: 'Friendly', value: 'friendly' },
				],
			},
			{
				displayName: 'Related Products',
				name: 'relatedProducts',
				type: 'json',
				default: '[]',
				description: 'Products to suggest, e.g. [{"name": "Носки хлопковые", "nmId": 183456210}]',
				displayOptions: { show: { kind: ['fiveStarUpsell'] } },
			},
			{
				displayName: 'Promo Code',
				name: 'promoCode',
				type: 'string',
				default: '',
				description: 'A promo code of the marketplace\'s own promotions, quoted as given',
				displayOptions: { show: { kind: ['fiveStarUpsell'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'LLM Timeout (Seconds)',
						name: 'llmTimeoutSeconds',
						type: 'number',
						default: 30,
						typeOptions: { minValue: 1 },
					},
					{
						displayName: 'Max Length',
						name: 'maxLength',
						type: 'number',
						default: 0,
						description: 'A cap below the marketplace\'s own limit for the channel (0 keeps the marketplace limit)',
					},
					{
						displayName: 'Recent Replies',
						name: 'recentReplies',
						type: 'json',
						default: '[]',
						description: 'Replies sent recently (e.g. rows of a Data Table): drafts are steered away from them and a near-copy is flagged',
					},
					{
						displayName: 'Signature',
						name: 'signature',
						type: 'string',
						default: '',
						placeholder: 'С уважением, команда магазина',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				out.push({ json: await draftItem.call(this, i, items[i].json), pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { ...items[i].json, error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw asNodeError(this.getNode(), error, i, error instanceof InputFieldError ? `Check the field "${error.field}" of the incoming item.` : undefined);
			}
		}
		return [out];
	}
}

async function draftItem(this: IExecuteFunctions, i: number, json: IDataObject): Promise<IDataObject> {
	const input = readProcessingInput(json, i);
	const marketplace = (input.marketplace ?? 'wb') as Marketplace;
	const mode = this.getNodeParameter('mode', i) as Mode;
	const kind = this.getNodeParameter('kind', i, 'auto') as Kind;
	const toneParam = this.getNodeParameter('tone', i, 'empathetic') as Tone | 'ab';
	const tone = toneParam === 'ab' ? toneByHash(input.id) : toneParam;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	let recentReplies: string[];
	try {
		recentReplies = readRecentReplies(options.recentReplies);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Recent Replies in item ${i}: ${(error as Error).message}`, { itemIndex: i });
	}
	const existing = json.classification as IDataObject | undefined;
	const labels =
		existing && typeof existing.intent === 'string'
			? (existing as unknown as DraftInput['classification'])
			: classifyText({ text: input.text, channel: input.channel, rating: input.rating, marketplace: input.marketplace, history: input.history });
	const maxLength = typeof options.maxLength === 'number' && options.maxLength > 0 ? options.maxLength : undefined;
	const draftInput: DraftInput = {
		interaction: {
			id: input.id,
			marketplace,
			channel: input.channel,
			text: input.text,
			rating: input.rating,
			productName: typeof json.productName === 'string' ? json.productName : undefined,
			buyerName: typeof json.buyerName === 'string' ? json.buyerName : undefined,
			orderNumber: typeof json.orderNumber === 'string' ? json.orderNumber : undefined,
		},
		classification: labels,
		tone,
		product: productContext(json),
		order: orderContext(json),
		signature: typeof options.signature === 'string' && options.signature.trim() ? options.signature.trim() : undefined,
		maxLength,
		recentReplies,
	};

	const templateDraft = (): DraftResult => {
		if (kind === 'askOrderNumber') return askOrderNumberDraft(draftInput);
		if (kind === 'fiveStarUpsell') {
			let related: RelatedProduct[];
			try {
				related = JSON.parse(String(this.getNodeParameter('relatedProducts', i, '[]') || '[]')) as RelatedProduct[];
			} catch {
				throw new NodeOperationError(this.getNode(), `Related Products must be a JSON list in item ${i}`, { itemIndex: i });
			}
			return fiveStarUpsellDraft({ ...draftInput, relatedProducts: related, promoCode: String(this.getNodeParameter('promoCode', i, '') || '') || undefined });
		}
		return draftFromTemplate(draftInput);
	};
	const channel: Channel = kind === 'fiveStarUpsell' ? 'chat' : input.channel;
	const guard = (text: string) => check(text, { marketplace, channel, buyerText: input.text, recentReplies, maxLength });

	let text: string;
	let source: 'template' | 'llm' = 'template';
	let templateId: string | undefined;
	let needsApproval = false;
	let llmError: string | undefined;
	const useTemplate = () => {
		const d = templateDraft();
		text = d.text;
		templateId = d.templateId;
		source = 'template';
	};

	if (mode === 'template' || kind !== 'auto') {
		useTemplate();
	} else {
		const limit = Math.min(maxLength ?? Infinity, REPLY_LIMITS[marketplace][channel].max);
		const product = draftInput.product;
		const messages = draftMessages({
			marketplace,
			channel,
			text: input.text,
			rating: input.rating,
			intent: labels.intent,
			emotion: labels.emotion,
			tone,
			maxLength: limit,
			buyerName: draftInput.interaction.buyerName,
			productName: product?.name ?? draftInput.interaction.productName,
			characteristics: product?.characteristics,
			sizeTable: product?.sizeTable ?? null,
			order: draftInput.order ?? null,
			signature: draftInput.signature,
		});
		const call = { timeoutMs: Math.max(1, Number(options.llmTimeoutSeconds ?? 30)) * 1000, retries: 1, maxTokens: 800, temperature: 0.7 };
		try {
			const first = (await llmJson.call(this, messages, llmDraftSchema, call)).reply.trim();
			const firstCheck = guard(first);
			if (firstCheck.ok) {
				text = first;
				source = 'llm';
			} else {
				const second = (await llmJson.call(this, regenerateMessages(messages, first, firstCheck.violations), llmDraftSchema, call)).reply.trim();
				if (guard(second).ok) {
					text = second;
					source = 'llm';
				} else {
					// Two drafts broke rules: a person decides, starting from a template draft that keeps them.
					llmError = `the LLM draft broke rules twice (${firstCheck.violations.map((v) => v.rule).join(', ')})`;
					useTemplate();
					needsApproval = true;
				}
			}
		} catch (error) {
			if (mode === 'llm') {
				throw new NodeApiError(this.getNode(), { message: (error as Error).message } as JsonObject, {
					itemIndex: i,
					message: `The LLM could not draft a reply for item ${i}: ${(error as Error).message}`,
					description: 'Use the mode "LLM with Template Fallback" to draft from templates when the LLM fails.',
				});
			}
			llmError = (error as Error).message;
			this.logger.warn(`AgentIQ Draft: LLM failed for item ${i}, template used: ${llmError}`);
			useTemplate();
			needsApproval = true;
		}
	}

	const guardrails = guard(text!);
	if (!guardrails.ok) needsApproval = true;
	const draft: IDataObject = { text: text!, source, tone, channel, guardrails: guardrails as unknown as IDataObject, needsApproval };
	if (templateId) draft.templateId = templateId;
	if (llmError) draft.llmError = llmError;
	const result: IDataObject = { ...json, draft };
	if (needsApproval && existing && existing.route === 'auto_reply') {
		// A draft a person must look at is never sent automatically.
		const tags = Array.isArray(existing.tags) ? [...(existing.tags as string[])] : [];
		if (!tags.includes('draft_needs_approval')) tags.push('draft_needs_approval');
		result.classification = { ...existing, route: 'draft_for_approval', tags };
	}
	return result;
}
