import { sleep } from 'n8n-workflow';

// Shared by the marketplace transports. Pacing is per process and lane (host, base URL, credential): it keeps one
// n8n instance from bursting. Across queue-mode workers the marketplaces' own rate-limit answers, which every call
// honours, are the shared limit, so nothing here needs to be shared between processes.
const lanes = new Map<string, { tail: Promise<void>; lastAt: number }>();

/** Runs `call` no sooner than `intervalMs` after the previous call of the same lane started. */
export async function paced<T>(key: string, intervalMs: number, call: () => Promise<T>): Promise<T> {
	const lane = lanes.get(key) ?? { tail: Promise.resolve(), lastAt: 0 };
	lanes.set(key, lane);
	const turn = lane.tail.then(async () => {
		const wait = lane.lastAt + intervalMs - Date.now();
		if (wait > 0) await sleep(wait);
		lane.lastAt = Date.now();
	});
	lane.tail = turn.catch(() => undefined);
	await turn;
	return await call();
}

// Failures where the request may never have reached the marketplace: worth another try (a write only after checking).
const TRANSIENT_CODES = ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_SOCKET'];

export function isTransientNetworkError(error: unknown): boolean {
	const code = String((error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code ?? '');
	return TRANSIENT_CODES.includes(code);
}

/** Exponential back-off for retries: 1, 2, 4, 8, 16 s. */
export function backoffMs(attempt: number): number {
	return Math.min(1000 * 2 ** attempt, 16_000);
}
