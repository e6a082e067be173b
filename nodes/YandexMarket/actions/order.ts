import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseOrderPage } from '../../../src/ym/parse';
import { getOrder } from '../../../src/ym/requests';
import { ymAccount, ymRequest } from '../transport/request';
import { requiredString, type OperationHandler } from './shared';

export const orderOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['order'] } },
	default: 'get',
	options: [{ name: 'Get', value: 'get', action: 'Get an order', description: 'Get an order by its number' }],
};

export const orderFields: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '={{ $json.orderNumber }}',
		description: 'Market order number. By default the one linked to the incoming Interaction (the review\'s or the chat\'s order).',
		displayOptions: { show: { resource: ['order'], operation: ['get'] } },
	},
];

const get: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const account = await ymAccount.call(this);
	const id = requiredString.call(this, 'orderId', 'Order ID', i);
	const page = parseOrderPage(await ymRequest.call(this, getOrder(account.businessId, id, account.campaignId), { itemIndex: i, what: `order ${id}` }));
	const order = page.items.find((o) => String(o.orderId) === id);
	if (!order) throw new NodeOperationError(this.getNode(), `Order ${id} was not found on Yandex Market`, { itemIndex: i, description: 'Check the number; a campaign ID in the credential limits the search to that shop.' });
	return { ...input, order: order as unknown as IDataObject };
};

export const orderHandlers: Record<string, OperationHandler> = { get };
