import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';

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

/**
 * Sends a seller reply at most once per target within this workflow, across executions and queue-mode workers:
 * the id is recorded in n8n's database before sending and released again if sending fails.
 */
export async function sendOnce<T>(
	this: IExecuteFunctions,
	key: string,
	enabled: boolean,
	send: () => Promise<T>,
): Promise<{ sent: true; result: T } | { sent: false }> {
	if (!enabled) return { sent: true, result: await send() };
	const options = { mode: 'entries' as const, maxEntries: 100_000 };
	const check = await this.helpers.checkProcessedAndRecord([key], 'workflow', options);
	if (check.processed.includes(key)) return { sent: false };
	try {
		return { sent: true, result: await send() };
	} catch (error) {
		await this.helpers.removeProcessed([key], 'workflow', options);
		throw asNodeError(this.getNode(), error);
	}
}

export const dedupeField = {
	displayName: 'Skip If Already Sent',
	name: 'skipIfSent',
	type: 'boolean' as const,
	default: true,
	description:
		'Whether to send at most one reply per review, question or chat message from this workflow, even when an execution is retried or runs on another worker',
};

/**
 * A refused write (4xx) whose target turns out to be answered already: another execution, worker or person got
 * there first. n8n's processed-items store is not atomic across queue-mode workers, so the marketplace's own state
 * is the last word: such a refusal is a skip, not a failure.
 */
export async function refusedBecauseDone(error: unknown, isDone: () => Promise<boolean>): Promise<boolean> {
	const code = Number((error as { httpCode?: string }).httpCode);
	if (!(code >= 400 && code < 500) || code === 401 || code === 403 || code === 429) return false;
	try {
		return await isDone();
	} catch {
		return false;
	}
}
