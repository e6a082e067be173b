import type { IExecuteFunctions } from 'n8n-workflow';

import { ymAccount } from '../transport/request';

// The generic helpers (required parameters, the dedupe switch) are the Wildberries node's; only what is
// Market-specific, or differs, lives here.
export { dedupeField, requiredString, type OperationHandler } from '../../Wildberries/actions/common';

export async function businessId(this: IExecuteFunctions): Promise<string> {
	return (await ymAccount.call(this)).businessId;
}

export function sentReply(channel: string, targetId: string, text: string, extra: Record<string, unknown> = {}) {
	return { status: 'sent', marketplace: 'ym', channel, targetId, text, sentAt: new Date().toISOString(), ...extra };
}

export function skippedReply(what: string, targetId: string) {
	return { status: 'skipped', reason: `A reply to this ${what} was already sent by this workflow`, targetId };
}

export { sendOnce } from '../../shared/send-once';
