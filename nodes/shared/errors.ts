import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Errors that already carry n8n's context (item index, description) pass through unchanged; anything else, such as
 * the core's input errors, becomes a NodeOperationError for the item, with `description` when one is given.
 */
export function asNodeError(node: INode, error: unknown, itemIndex?: number, description?: string): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const cause = error instanceof Error ? error : new Error(String(error));
	return new NodeOperationError(node, cause, { ...(itemIndex === undefined ? {} : { itemIndex }), ...(description ? { description } : {}) });
}
