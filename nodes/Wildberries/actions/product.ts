import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { basketCandidates, productCard } from '../../../src/wb/requests';
import { parseCard } from '../../../src/wb/normalise';
import { wbRequest } from '../transport/request';
import { requiredInteger, type OperationHandler } from './common';

export const productOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['product'] } },
	default: 'getCard',
	options: [
		{
			name: 'Get Card',
			value: 'getCard',
			action: 'Get a product card',
			description: 'Name, description, characteristics and size table from the public card',
		},
	],
};

export const productFields: INodeProperties[] = [
	{
		displayName: 'Article (nmId)',
		name: 'nmId',
		type: 'string',
		required: true,
		default: '={{ $json.productId }}',
		description: 'WB article. By default taken from the incoming Interaction.',
		displayOptions: { show: { resource: ['product'], operation: ['getCard'] } },
	},
];

const getCard: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const nmId = requiredInteger.call(this, 'nmId', 'Article (nmId)', i);
	// The article → basket host table drifts as WB adds hosts, so neighbours of the computed host are tried too.
	for (const basket of basketCandidates(nmId)) {
		const body = await wbRequest.call(this, productCard(nmId, basket), { itemIndex: i, allowNotFound: true });
		if (body !== undefined && body !== null) {
			return { ...input, product: parseCard(body) as unknown as IDataObject };
		}
	}
	throw new NodeOperationError(this.getNode(), `No public card found for article ${nmId} in item ${i}`, {
		itemIndex: i,
		description: 'Check the article (nmId); a card that was just created can take a while to appear.',
	});
};

export const productHandlers: Record<string, OperationHandler> = { getCard };
