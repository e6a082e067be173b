import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import { chatHandlers } from './chat';
import { feedbackHandlers } from './feedback';
import { orderHandlers } from './order';
import { questionHandlers } from './question';
import type { OperationHandler } from './shared';

const handlers: Record<string, Record<string, OperationHandler>> = {
	feedback: feedbackHandlers,
	question: questionHandlers,
	chat: chatHandlers,
	order: orderHandlers,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const handler = handlers[resource]?.[operation];
			if (!handler) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex: i });
			}
			const result = await handler.call(this, i, items[i].json);
			for (const json of Array.isArray(result) ? result : [result]) out.push({ json, pairedItem: { item: i } });
		} catch (error) {
			if (this.continueOnFail()) {
				out.push({ json: { ...items[i].json, error: (error as Error).message } as IDataObject, pairedItem: { item: i } });
				continue;
			}
			// The core's input checks (lengths, ids) throw plain errors that name the field.
			throw asNodeError(this.getNode(), error, i);
		}
	}
	return [out];
}
