import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { productInfo, type ProductKey } from '../../../src/ozon/requests';
import { parseProductInfoList } from '../../../src/ozon/parse';
import { requiredString, type OperationHandler } from '../../Wildberries/actions/common';
import { ozonRequest } from '../transport/request';

const show = (operation: string[]) => ({ show: { resource: ['product'], operation } });

export const productOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['product'] } },
	default: 'getInfo',
	options: [{ name: 'Get Info', value: 'getInfo', action: 'Get product info', description: 'Name, article, prices, stocks and statuses of a product' }],
};

export const productFields: INodeProperties[] = [
	{
		displayName: 'Identify By',
		name: 'identifyBy',
		type: 'options',
		default: 'sku',
		options: [
			{ name: 'SKU', value: 'sku' },
			{ name: 'Article (Offer ID)', value: 'offer_id' },
			{ name: 'Product ID', value: 'product_id' },
		],
		displayOptions: show(['getInfo']),
	},
	{
		displayName: 'Identifier',
		name: 'productKey',
		type: 'string',
		required: true,
		default: '={{ $json.productId }}',
		description: 'The SKU, article or product ID. By default the product of the incoming Interaction.',
		displayOptions: show(['getInfo']),
	},
];

const getInfo: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const key = String(this.getNodeParameter('identifyBy', i, 'sku')) as ProductKey;
	const value = requiredString.call(this, 'productKey', 'Identifier', i);
	const items = parseProductInfoList(await ozonRequest.call(this, productInfo(key, [value]), { itemIndex: i }));
	const item = items[0];
	if (!item) {
		throw new NodeOperationError(this.getNode(), `Ozon has no product with ${key} "${value}" on this seller account (item ${i})`, { itemIndex: i });
	}
	return { ...input, product: { marketplace: 'ozon', ...item } as IDataObject };
};

export const productHandlers: Record<string, OperationHandler> = { getInfo };
