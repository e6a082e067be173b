import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export type OperationHandler = (
	this: IExecuteFunctions,
	itemIndex: number,
	input: IDataObject,
) => Promise<IDataObject | IDataObject[]>;

/** A required string parameter; an empty value names the field and the item instead of failing at WB. */
export function requiredString(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '') as unknown;
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!text) {
		throw new NodeOperationError(this.getNode(), `${label} is empty in item ${itemIndex}`, {
			itemIndex,
			description: `Set "${label}" or make sure the incoming item has it (by default it is taken from the Interaction the trigger emitted).`,
		});
	}
	return text;
}

export function requiredInteger(this: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	const text = requiredString.call(this, name, label, itemIndex);
	if (!/^\d+$/.test(text)) {
		throw new NodeOperationError(this.getNode(), `${label} must be a whole number in item ${itemIndex} (got "${text.slice(0, 40)}")`, { itemIndex });
	}
	return Number(text);
}

export { refusedBecauseDone, sendOnce } from '../../shared/send-once';

export const dedupeField = {
	displayName: 'Skip If Already Sent',
	name: 'skipIfSent',
	type: 'boolean' as const,
	default: true,
	description:
		'Whether to send at most one reply per review, question or chat message from this workflow, even when an execution is retried or runs on another worker',
};

