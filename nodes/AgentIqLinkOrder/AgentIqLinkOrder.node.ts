import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { classifyText } from '../../src/classify';
import { askOrderNumberDraft } from '../../src/draft';
import type { DraftInput, Tone } from '../../src/draft/types';
import { check } from '../../src/guardrails';
import { MARKETPLACES, type Marketplace } from '../../src/interaction';
import { InputFieldError, readProcessingInput } from '../../src/interaction-input';
import {
	attachOrder,
	BuyerReviewsInputError,
	decideLinks,
	LINK_OUTCOMES,
	LinkRecordError,
	linkedOrderReply,
	linkRow,
	matchBuyerReviews,
	readFetchedOrder,
	readLinkRecord,
	storedOrder,
	type LinkMessage,
	type LinkRecord,
} from '../../src/linking';
import { asNodeError } from '../shared/errors';

// Pure: the chat's stored link record comes in through a parameter and the record to write back goes out on
// the item (`link`), so the store is any built-in node (an n8n Data Table in the template) and the node is
// safe in queue mode. The order itself is fetched by the marketplace's node between "Find Order Number" and
// "Attach Fetched Order".

type Operation = 'link' | 'attachOrder' | 'matchReviews';

const OUTPUT_NAMES = ['Found', 'Ask', 'Already Linked', 'Already Asked'];
const TONES: Tone[] = ['formal', 'empathetic', 'friendly'];

function toneByHash(id: string): Tone {
	let h = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
	return TONES[h % TONES.length];
}

const show = (operation: Operation[]) => ({ show: { operation } });

function fieldError(node: INode, field: string, message: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, message, { itemIndex, description: `Check "${field}" of item ${itemIndex}.` });
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function asObject(node: INode, value: unknown, field: string, itemIndex: number): IDataObject {
	let v = value;
	if (typeof v === 'string' && v.trim().startsWith('{')) {
		v = parseJson(v);
		if (v === undefined) throw fieldError(node, field, `"${field}" is not valid JSON text in item ${itemIndex}`, itemIndex);
	}
	if (typeof v !== 'object' || v === null || Array.isArray(v)) {
		const got = v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v;
		throw fieldError(node, field, `"${field}" must be an object in item ${itemIndex} (got ${got})`, itemIndex);
	}
	return v as IDataObject;
}

function optionalValue(value: unknown): unknown {
	if (value === '' || value === undefined || value === null) return undefined;
	if (typeof value === 'string') {
		const t = value.trim();
		if (t === '' || t === 'null' || t === 'undefined') return undefined;
		if (t.startsWith('{') || t.startsWith('[')) return parseJson(t) ?? value;
	}
	return value;
}

function marketplaceOf(node: INode, json: IDataObject, itemIndex: number): Marketplace {
	const m = json.marketplace;
	if (typeof m !== 'string' || !(MARKETPLACES as readonly string[]).includes(m)) {
		throw fieldError(node, 'marketplace', `"marketplace" must be one of ${MARKETPLACES.join(', ')} in item ${itemIndex} (got ${m === undefined ? 'nothing' : JSON.stringify(m)})`, itemIndex);
	}
	return m as Marketplace;
}

function chatIdOf(node: INode, json: IDataObject, itemIndex: number): string {
	const id = json.chatId;
	if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') {
		throw fieldError(node, 'chatId', `"chatId" is missing in item ${itemIndex}: order linking works per chat`, itemIndex);
	}
	return String(id).trim();
}

export class AgentIqLinkOrder implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AgentIQ Link Order',
		name: 'agentIqLinkOrder',
		icon: { light: 'file:agentiq.svg', dark: 'file:agentiq.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ {"link": "Find order number", "attachOrder": "Attach fetched order", "matchReviews": "Match buyer reviews"}[$parameter["operation"]] }}',
		description:
			'Links a buyer chat to its order: finds the order number in the buyer\'s text, asks for it once per chat, attaches the fetched order, and matches the buyer to their reviews',
		defaults: { name: 'AgentIQ Link Order' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ $parameter["operation"] === "attachOrder" || $parameter["operation"] === "matchReviews" ? [{ "type": "${NodeConnectionTypes.Main}" }] : [${OUTPUT_NAMES.map((n) => `{ "type": "${NodeConnectionTypes.Main}", "displayName": "${n}" }`).join(', ')}] }}`,
		usableAsTool: true,
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				default: 'link',
				options: [
					{
						name: 'Find Order Number',
						value: 'link',
						action: 'Find the order number in a chat message',
						description: 'Finds the order number in the buyer\'s text and routes the message: Found, Ask (once per chat), Already Linked, Already Asked',
					},
					{
						name: 'Attach Fetched Order',
						value: 'attachOrder',
						action: 'Attach a fetched order to the chat',
						description: 'After the marketplace node fetched the order: adds the order context and the reply that names it, and the record to store',
					},
					{
						name: 'Match Buyer Reviews',
						value: 'matchReviews',
						action: 'Match the chat buyer to their reviews',
						description: 'Finds the reviews the chat\'s buyer likely wrote (by buyer ID, or by product and time) with a confidence',
					},
				],
			},
			{
				displayName: 'Interaction',
				name: 'interaction',
				type: 'json',
				default: '={{ $json }}',
				description: 'The chat message (an Interaction from a trigger). Change it when the incoming item is a store row: point it at the item of the trigger.',
			},
			{
				displayName: 'Stored Link',
				name: 'storedLink',
				type: 'json',
				default: '={{ $json.link }}',
				description:
					'The record stored for this chat (columns chatId, askedAt, orderNumber, linkedAt, productName, size, orderStatus), e.g. the row a Data Table node returned. Empty: nothing stored yet.',
				displayOptions: show(['link', 'attachOrder']),
			},
			{
				displayName: 'Fetched Order',
				name: 'fetchedOrder',
				type: 'json',
				default: '={{ $json.order }}',
				description: 'What the marketplace\'s get-order operation returned (Wildberries: Order → Get by Number). Empty: the order was not found.',
				displayOptions: show(['attachOrder']),
			},
			{
				displayName: 'Product',
				name: 'product',
				type: 'json',
				default: '={{ $json.product }}',
				description: 'The product card (Wildberries: Product → Get Card), used for the product name when the order has none. Optional.',
				displayOptions: show(['attachOrder']),
			},
			{
				displayName: 'Reviews',
				name: 'reviews',
				type: 'json',
				default: '={{ $json.reviews }}',
				description: 'Candidate reviews: a list of Interactions (channel "review") with productId, createdAt, rating and, where the marketplace gives them, buyerId and buyerName',
				displayOptions: show(['matchReviews']),
			},
			{
				displayName: 'Tone of the Ask',
				name: 'tone',
				type: 'options',
				default: 'empathetic',
				displayOptions: show(['link']),
				options: [
					{ name: 'A/B: Pick by Interaction ID', value: 'ab' },
					{ name: 'Empathetic', value: 'empathetic' },
					{ name: 'Formal', value: 'formal' },
					{ name: 'Friendly', value: 'friendly' },
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Min Confidence',
						name: 'minConfidence',
						type: 'number',
						default: 0.3,
						typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
						description: 'Review matches below this confidence are dropped (Match Buyer Reviews)',
					},
					{
						displayName: 'Signature',
						name: 'signature',
						type: 'string',
						default: '',
						placeholder: 'С уважением, команда магазина',
						description: 'Appended to the ask for the order number (Find Order Number)',
					},
					{
						displayName: 'Window (Days)',
						name: 'windowDays',
						type: 'number',
						default: 30,
						typeOptions: { minValue: 1, maxValue: 365 },
						description: 'How many days before the chat a review without a buyer ID may have been written (Match Buyer Reviews)',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as Operation;
		if (operation === 'link') return findOrderNumbers.call(this);
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const json = operation === 'attachOrder' ? attachItem.call(this, i) : matchItem.call(this, i);
				out.push({ json, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { ...items[i].json, error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw nodeError.call(this, error, i);
			}
		}
		return [out];
	}
}

function nodeError(this: IExecuteFunctions, error: unknown, i: number) {
	const field =
		error instanceof InputFieldError || error instanceof LinkRecordError || error instanceof BuyerReviewsInputError ? error.field : undefined;
	return asNodeError(this.getNode(), error, i, field ? `Check "${field}" of item ${i}.` : undefined);
}

function readInteraction(this: IExecuteFunctions, i: number): IDataObject {
	return asObject(this.getNode(), this.getNodeParameter('interaction', i, {}), 'interaction', i);
}

function guardedDraft(text: string, marketplace: Marketplace, buyerText: string, extra: IDataObject): IDataObject {
	const guardrails = check(text, { marketplace, channel: 'chat', buyerText });
	return { text, source: 'template', channel: 'chat', ...extra, guardrails: guardrails as unknown as IDataObject, needsApproval: !guardrails.ok };
}

async function findOrderNumbers(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const outputs: INodeExecutionData[][] = LINK_OUTCOMES.map(() => []);
	const now = new Date().toISOString();
	const entries: Array<{ i: number; json: IDataObject; message: LinkMessage; stored: LinkRecord }> = [];
	const fail = (i: number, error: unknown) => {
		if (!this.continueOnFail()) throw nodeError.call(this, error, i);
		outputs[LINK_OUTCOMES.indexOf('alreadyAsked')].push({ json: { ...items[i].json, error: (error as Error).message }, pairedItem: { item: i } });
	};
	for (let i = 0; i < items.length; i++) {
		try {
			const json = readInteraction.call(this, i);
			const input = readProcessingInput(json, i);
			if (input.channel !== 'chat') {
				throw fieldError(this.getNode(), 'channel', `"channel" must be "chat" in item ${i} (got "${input.channel}"): only a chat can ask for an order number`, i);
			}
			const chatId = chatIdOf(this.getNode(), json, i);
			const stored = readLinkRecord(optionalValue(this.getNodeParameter('storedLink', i, '')), chatId);
			const message: LinkMessage = {
				id: input.id,
				marketplace: marketplaceOf(this.getNode(), json, i),
				chatId,
				text: input.text,
				orderNumber: typeof json.orderNumber === 'string' ? json.orderNumber : undefined,
			};
			entries.push({ i, json, message, stored });
		} catch (error) {
			fail(i, error);
		}
	}
	const decisions = decideLinks(entries, now);
	entries.forEach(({ i, json, message }, k) => {
		const d = decisions[k];
		try {
			const result: IDataObject = {
				...json,
				orderLink: {
					outcome: d.outcome,
					...(d.orderNumber ? { orderNumber: d.orderNumber, source: d.source } : {}),
					candidates: d.candidates.map((c) => ({ number: c.number, raw: c.raw, kind: c.kind, confidence: c.confidence })),
				},
				link: linkRow(d.record),
			};
			if (d.outcome === 'found') result.orderNumber = d.orderNumber;
			if (d.outcome === 'alreadyLinked') {
				result.orderNumber = d.orderNumber;
				const order = storedOrder(d.record);
				if (order) {
					result.order = order as unknown as IDataObject;
					if (!json.productName && order.productName) result.productName = order.productName;
				}
			}
			if (d.outcome === 'ask') result.draft = askDraft.call(this, i, json, message);
			outputs[LINK_OUTCOMES.indexOf(d.outcome)].push({ json: result, pairedItem: { item: i } });
		} catch (error) {
			fail(i, error);
		}
	});
	return outputs;
}

function askDraft(this: IExecuteFunctions, i: number, json: IDataObject, message: LinkMessage): IDataObject {
	const toneParam = this.getNodeParameter('tone', i, 'empathetic') as Tone | 'ab';
	const tone = toneParam === 'ab' ? toneByHash(message.id) : toneParam;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const existing = json.classification as IDataObject | undefined;
	const classification =
		existing && typeof existing.intent === 'string'
			? (existing as unknown as DraftInput['classification'])
			: classifyText({ text: message.text, channel: 'chat', marketplace: message.marketplace });
	const signature = typeof options.signature === 'string' && options.signature.trim() ? options.signature.trim() : undefined;
	const d = askOrderNumberDraft({
		interaction: {
			id: message.id,
			marketplace: message.marketplace,
			channel: 'chat',
			text: message.text,
			buyerName: typeof json.buyerName === 'string' ? json.buyerName : undefined,
			productName: typeof json.productName === 'string' ? json.productName : undefined,
		},
		classification,
		tone,
		signature,
	});
	return guardedDraft(d.text, message.marketplace, message.text, { tone, templateId: d.templateId });
}

function attachItem(this: IExecuteFunctions, i: number): IDataObject {
	const json = readInteraction.call(this, i);
	const marketplace = marketplaceOf(this.getNode(), json, i);
	const chatId = chatIdOf(this.getNode(), json, i);
	const stored = readLinkRecord(optionalValue(this.getNodeParameter('storedLink', i, '')), chatId);
	const fetched = readFetchedOrder(optionalValue(this.getNodeParameter('fetchedOrder', i, '')));
	const product = optionalValue(this.getNodeParameter('product', i, '')) as IDataObject | undefined;
	const number = typeof json.orderNumber === 'string' && json.orderNumber.trim() ? json.orderNumber.trim() : fetched?.number;
	if (!number) {
		throw fieldError(this.getNode(), 'orderNumber', `"orderNumber" is missing in item ${i}: attach an order after "Find Order Number" sent the item to Found`, i);
	}
	let order = fetched;
	if (order && !order.productName && product && typeof product === 'object' && typeof product.name === 'string' && product.name.trim()) {
		order = { ...order, productName: product.name.trim() };
	}
	const now = new Date().toISOString();
	const { linked, record } = attachOrder(stored, order, now);
	const text = typeof json.text === 'string' ? json.text : '';
	const id = typeof json.id === 'string' ? json.id : `item-${i}`;
	const reply = linkedOrderReply({ id, marketplace, buyerName: typeof json.buyerName === 'string' ? json.buyerName : undefined, orderNumber: number, order });
	const result: IDataObject = {
		...json,
		orderNumber: order?.number ?? number,
		orderFound: linked,
		order: (order as unknown as IDataObject) ?? null,
		link: linkRow(record),
		draft: guardedDraft(reply.text, marketplace, text, { templateId: reply.templateId, variant: reply.variant }),
	};
	if (order?.productName && !json.productName) result.productName = order.productName;
	return result;
}

function matchItem(this: IExecuteFunctions, i: number): IDataObject {
	const json = readInteraction.call(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const raw = optionalValue(this.getNodeParameter('reviews', i, ''));
	const reviews = raw === undefined ? [] : raw;
	const matches = matchBuyerReviews(json, reviews, {
		windowDays: typeof options.windowDays === 'number' ? options.windowDays : undefined,
		minConfidence: typeof options.minConfidence === 'number' ? options.minConfidence : undefined,
	});
	const best = matches[0];
	const buyerReviews: IDataObject = { matches: matches as unknown as IDataObject[] };
	if (best) buyerReviews.summary = best.summary;
	return { ...json, buyerReviews };
}

