import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listFbsOrders, supplierOrders } from '../../../src/wb/requests';
import {
	findOrderByNumber,
	normaliseFbsOrder,
	normaliseSupplierOrder,
	parseFbsOrders,
	parseSupplierOrders,
} from '../../../src/wb/normalise';
import { wbRequest } from '../transport/request';
import { requiredString, type OperationHandler } from './common';

const show = (operation: string[]) => ({ show: { resource: ['order'], operation } });

export const orderOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['order'] } },
	default: 'getByNumber',
	options: [
		{
			name: 'Get by Number',
			value: 'getByNumber',
			action: 'Get an order by the number a buyer gives',
			description: 'Find an order by the number a buyer quotes (order ID, rid/srid, gNumber or sticker)',
		},
	],
};

export const orderFields: INodeProperties[] = [
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		required: true,
		default: '={{ $json.orderNumber }}',
		description: 'The number the buyer gave. By default taken from the incoming item (e.g. from AgentIQ Link Order).',
		displayOptions: show(['getByNumber']),
	},
	{
		displayName: 'Options',
		name: 'orderOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['getByNumber']),
		options: [
			{
				displayName: 'Search Days',
				name: 'days',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 1, maxValue: 90 },
				description: 'How many days back to search. WB returns FBS orders of the last 3 months, 30 days per request.',
			},
			{
				displayName: 'Search Statistics (FBO and FBS)',
				name: 'statistics',
				type: 'boolean',
				default: true,
				description:
					'Whether to search all orders in the Statistics API when the FBS orders do not have the number (WB allows one such request per minute)',
			},
		],
	},
];

const DAY = 86_400;

const getByNumber: OperationHandler = async function (this: IExecuteFunctions, i, input) {
	const number = requiredString.call(this, 'orderNumber', 'Order Number', i);
	const options = this.getNodeParameter('orderOptions', i, {}) as { days?: number; statistics?: boolean };
	const days = Math.min(90, Math.max(1, options.days ?? 30));
	const now = Math.floor(Date.now() / 1000);
	for (let to = now; to > now - days * DAY; to -= 30 * DAY) {
		const from = Math.max(now - days * DAY, to - 30 * DAY + 1);
		let next = 0;
		for (let page = 0; page < 100; page++) {
			const parsed = parseFbsOrders(await wbRequest.call(this, listFbsOrders({ limit: 1000, next, dateFrom: from, dateTo: to }), { itemIndex: i }));
			const match = findOrderByNumber(number, parsed.orders.map((o) => normaliseFbsOrder(o)));
			if (match) return { ...input, orderNumber: number, orderFound: true, order: match as unknown as IDataObject };
			if (!parsed.orders.length || !parsed.next || parsed.next === next) break;
			next = parsed.next;
		}
	}
	if (options.statistics !== false) {
		const dateFrom = new Date((now - days * DAY) * 1000).toISOString();
		const parsed = parseSupplierOrders(await wbRequest.call(this, supplierOrders({ dateFrom, flag: 0 }), { itemIndex: i }));
		const match = findOrderByNumber(number, parsed.map((o) => normaliseSupplierOrder(o)));
		if (match) return { ...input, orderNumber: number, orderFound: true, order: match as unknown as IDataObject };
	}
	return { ...input, orderNumber: number, orderFound: false, order: null };
};

export const orderHandlers: Record<string, OperationHandler> = { getByNumber };
