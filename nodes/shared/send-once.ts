import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { asNodeError } from './errors';

const DEDUPE = { mode: 'entries' as const, maxEntries: 100_000 };

/**
 * Records keys in n8n's processed-items store (scope: this workflow) and returns those that were there already.
 * n8n creates the workflow's store row on first use, and two executions starting together can both try to create
 * it: one then fails on the unique constraint (seen with n8n 2.8 on SQLite and on Postgres in queue mode). Nothing
 * was recorded by the failed call, so recording again is safe; failing instead would leave items the trigger's
 * cursor has already passed without a reply.
 */
export async function recordProcessed(this: IExecuteFunctions, keys: string[]): Promise<string[]> {
	for (let attempt = 0; ; attempt++) {
		try {
			return (await this.helpers.checkProcessedAndRecord(keys, 'workflow', DEDUPE)).processed as string[];
		} catch (error) {
			const message = String((error as Error)?.message ?? error);
			if (attempt >= 4 || !/unique constraint|duplicate key/i.test(message)) throw asNodeError(this.getNode(), error);
			await sleep(50 * (attempt + 1));
		}
	}
}

/**
 * Sends a seller reply at most once per target within this workflow, across executions and queue-mode workers:
 * the key is recorded before sending and released again if sending fails. n8n's store is not atomic across
 * workers, so writes whose marketplace can tell "already answered" also check that on a refusal
 * (see refusedBecauseDone).
 */
export async function sendOnce<T>(
	this: IExecuteFunctions,
	key: string,
	enabled: boolean,
	send: () => Promise<T>,
): Promise<{ sent: true; result: T } | { sent: false }> {
	if (!enabled) return { sent: true, result: await send() };
	if ((await recordProcessed.call(this, [key])).includes(key)) return { sent: false };
	try {
		return { sent: true, result: await send() };
	} catch (error) {
		await this.helpers.removeProcessed([key], 'workflow', DEDUPE);
		throw asNodeError(this.getNode(), error);
	}
}

/**
 * A refused write (4xx) whose target turns out to be answered already: another execution, worker or person got
 * there first, so the refusal is a skip, not a failure.
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
