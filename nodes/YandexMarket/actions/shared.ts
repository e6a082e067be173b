import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
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

const DEDUPE = { mode: 'entries' as const, maxEntries: 100_000 };

/**
 * Records the key in n8n's processed-items store; true when it was there already. n8n creates the workflow's store
 * row on first use, and two executions of one workflow starting together (its review and question triggers fire at
 * once) can both try to create it: one fails on the unique constraint (seen with n8n 2.8 on SQLite). Nothing was
 * recorded then, so recording again is safe.
 */
async function alreadyProcessed(this: IExecuteFunctions, key: string): Promise<boolean> {
	for (let attempt = 0; ; attempt++) {
		try {
			const check = await this.helpers.checkProcessedAndRecord([key], 'workflow', DEDUPE);
			return check.processed.includes(key);
		} catch (error) {
			const message = String((error as Error)?.message ?? error);
			if (attempt >= 4 || !/unique constraint|duplicate key/i.test(message)) throw asNodeError(this.getNode(), error);
			await sleep(50 * (attempt + 1));
		}
	}
}

/**
 * Sends a seller reply at most once per target within this workflow, across executions and queue-mode workers:
 * the key is recorded before sending and released again if sending fails.
 */
export async function sendOnce<T>(
	this: IExecuteFunctions,
	key: string,
	enabled: boolean,
	send: () => Promise<T>,
): Promise<{ sent: true; result: T } | { sent: false }> {
	if (!enabled) return { sent: true, result: await send() };
	if (await alreadyProcessed.call(this, key)) return { sent: false };
	try {
		return { sent: true, result: await send() };
	} catch (error) {
		await this.helpers.removeProcessed([key], 'workflow', DEDUPE);
		throw asNodeError(this.getNode(), error);
	}
}
