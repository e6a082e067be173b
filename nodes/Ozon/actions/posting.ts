import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getFboPosting, getFbsPosting } from '../../../src/ozon/requests';
import { postingCandidates } from '../../../src/ozon/validation';
import { parsePosting } from '../../../src/ozon/parse';
import { requiredString, type OperationHandler } from '../../Wildberries/actions/common';
import { ozonRequest } from '../transport/request';

const show = (operation: string[]) => ({ show: { resource: ['posting'], operation } });

export const postingOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['posting'] } },
	default: 'get',
	options: [
		{ name: 'Get', value: 'get', action: 'Get a posting', description: 'Get a posting (shipment of an order) by its number, or the postings of an order' },
	],
};

export const postingFields: INodeProperties[] = [
	{
		displayName: 'Posting or Order Number',
		name: 'postingNumber',
		type: 'string',
		required: true,
		// Since July 2025 Ozon chat messages carry the order (context.order_number); the trigger puts it in orderNumber.
		default: '={{ $json.orderNumber }}',
		placeholder: '12345678-0001-1',
		description: 'A posting number (12345678-0001-1), or an order number (12345678-0001) to get its postings. By default the order the chat message carries.',
		displayOptions: show(['get']),
	},
	{
		displayName: 'Scheme',
		name: 'scheme',
		type: 'options',
		default: 'auto',
		options: [
			{ name: 'Auto (FBS, Then FBO)', value: 'auto' },
			{ name: 'FBS / rFBS', value: 'fbs' },
			{ name: 'FBO', value: 'fbo' },
		],
		description: 'Which warehouse scheme the posting belongs to; Auto asks for an FBS posting first and for an FBO one when Ozon finds none',
		displayOptions: show(['get']),
	},
];

async function fetchPosting(this: IExecuteFunctions, number: string, scheme: string, i: number): Promise<{ body: unknown; found: 'fbs' | 'fbo' } | undefined> {
	if (scheme !== 'fbo') {
		const body = await ozonRequest.call(this, getFbsPosting(number), { itemIndex: i, allowNotFound: scheme === 'auto' });
		if (body !== undefined) return { body, found: 'fbs' };
	}
	if (scheme === 'fbs') return undefined;
	const body = await ozonRequest.call(this, getFboPosting(number), { itemIndex: i, allowNotFound: true });
	return body === undefined ? undefined : { body, found: 'fbo' };
}

const get: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const value = requiredString.call(this, 'postingNumber', 'Posting or Order Number', i);
	const scheme = String(this.getNodeParameter('scheme', i, 'auto'));
	const { kind, numbers } = postingCandidates('Posting or Order Number', value);
	const postings: IDataObject[] = [];
	for (const number of numbers) {
		const hit = await fetchPosting.call(this, number, scheme, i);
		// An order's postings are numbered without gaps: the first missing one ends the list.
		if (!hit) break;
		postings.push({ marketplace: 'ozon', scheme: hit.found, ...parsePosting(hit.body) } as IDataObject);
	}
	if (!postings.length) {
		const where = scheme === 'auto' ? 'Neither an FBS nor an FBO posting' : `No ${scheme.toUpperCase()} posting`;
		throw new NodeOperationError(this.getNode(), `Ozon has no ${kind === 'order' ? 'postings for order' : 'posting'} "${value}" (item ${i})`, {
			itemIndex: i,
			description: `${where} matches. Check the number with the buyer.`,
		});
	}
	return { ...input, order: postings[0], ...(kind === 'order' ? { postings } : {}) };
};

export const postingHandlers: Record<string, OperationHandler> = { get };
