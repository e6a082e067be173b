import type { OzonGate } from './requests';

// Ozon error bodies (shared/specs/ozon): most methods answer `rpcStatus` = {code: int, message, details: [...]};
// the question methods' default error has `details` as a string. Codes are gRPC codes (3 invalid argument,
// 5 not found, 7 permission denied, 8 resource exhausted, 16 unauthenticated). The "Errors" chapter lists the
// texts every method can send; describeOzonError turns any of them into a message a seller understands and what
// to do about it.

export interface OzonErrorDescription {
	message: string;
	description: string;
	/** Ozon's own message, as sent */
	apiMessage?: string;
	/** true when the seller lacks the subscription the method needs */
	subscription?: boolean;
}

/** The subscriptions each gated method family needs, as the official spec states them. */
export const OZON_SUBSCRIPTIONS: Readonly<Record<OzonGate, { what: string; plans: string }>> = {
	reviews: { what: 'Ozon\'s review API', plans: '"Review management" (Управление отзывами) or Premium Pro' },
	questions: { what: 'Ozon\'s questions API', plans: 'Premium Plus' },
	premiumChat: { what: 'sending chat messages and marking chats read', plans: 'Premium Plus or Premium Pro' },
};

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Ozon's own error text from rpcStatus or a plain text body, or undefined. */
export function ozonErrorText(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const t = body.trim();
		if (!t || t.startsWith('<')) return undefined;
		return t.length > 300 ? `${t.slice(0, 300)}…` : t;
	}
	const record = asRecord(body);
	if (!record) return undefined;
	const parts: string[] = [];
	if (typeof record.message === 'string' && record.message.trim()) parts.push(record.message.trim());
	if (typeof record.details === 'string' && record.details.trim()) parts.push(record.details.trim());
	if (Array.isArray(record.details)) {
		for (const d of record.details) {
			const v = asRecord(d)?.value;
			if (typeof v === 'string' && /^[\x20-\x7e\u0400-\u04ff\s]+$/.test(v) && v.trim()) parts.push(v.trim());
		}
	}
	const error = asRecord(record.error);
	if (error && typeof error.message === 'string') parts.push(error.message);
	return parts.length ? parts.join('; ') : undefined;
}

function codeOf(body: unknown): number | undefined {
	const c = asRecord(body)?.code;
	return typeof c === 'number' ? c : undefined;
}

/** Whether an error means the seller's plan lacks the method (not a wrong key, role or IP). */
export function isSubscriptionError(status: number, body: unknown, gate: OzonGate | undefined): boolean {
	if (!gate) return false;
	if (status !== 403 && codeOf(body) !== 7) return false;
	const text = (ozonErrorText(body) ?? '').toLowerCase();
	return !/api-key|api key|role|ip address/.test(text);
}

export function describeOzonError(status: number, body: unknown, request: { path: string; gate?: OzonGate }): OzonErrorDescription {
	const apiMessage = ozonErrorText(body);
	const said = apiMessage ? ` Ozon says: "${apiMessage}".` : '';
	const base = { ...(apiMessage ? { apiMessage } : {}) };
	const text = (apiMessage ?? '').toLowerCase();
	if (isSubscriptionError(status, body, request.gate)) {
		const sub = OZON_SUBSCRIPTIONS[request.gate!];
		return {
			...base,
			subscription: true,
			message: `This Ozon seller account has no subscription for ${sub.what} (${request.path})`,
			description: `Ozon opens ${sub.what} only to sellers with ${sub.plans}. Subscribe in the Ozon seller cabinet, or use the trigger only for the channels your plan includes.${said}`,
		};
	}
	if (status === 401 || codeOf(body) === 16 || text.includes('invalid api-key') || text.includes('deactivated')) {
		return {
			...base,
			message: 'Ozon rejected the Client ID or API key',
			description: `Check the Client ID and API key in the "Ozon Seller API" credential (Ozon seller cabinet → Settings → Seller API). Keys expire after 6 months.${said}`,
		};
	}
	if (status === 403 || codeOf(body) === 7) {
		const what = text.includes('ip') ? 'The API key is restricted to other IP addresses' : 'The API key lacks the role this method needs';
		return {
			...base,
			message: `Ozon refused ${request.path}: ${what.toLowerCase()}`,
			description: `${what}. In the Ozon seller cabinet (Settings → Seller API) edit the key or create one with the needed access.${said}`,
		};
	}
	if (status === 429 || codeOf(body) === 8) {
		return {
			...base,
			message: `Ozon rate limit reached on ${request.path}`,
			description: `Ozon allows at most 50 requests per second per Client ID, plus per-method limits. Retries waited and still hit the limit; raise "Min Interval Between Requests" in the credential.${said}`,
		};
	}
	if (status === 404 || codeOf(body) === 5) {
		return { ...base, message: `Ozon found nothing for ${request.path}`, description: `Check the identifier you passed.${said}` };
	}
	if (status === 400 || codeOf(body) === 3) {
		return { ...base, message: `Ozon rejected the request to ${request.path}`, description: `Ozon could not accept the values sent.${said}` };
	}
	if (status >= 500) {
		return {
			...base,
			message: `Ozon had a server error on ${request.path} (HTTP ${status})`,
			description: `Ozon's side failed; the call was retried where that is safe. Try again later.${said}`,
		};
	}
	return { ...base, message: `Ozon answered HTTP ${status} to ${request.path}`, description: apiMessage ? `Ozon says: "${apiMessage}".` : 'No error text came with the answer.' };
}

/** Seconds to wait from `Retry-After`, when Ozon sends one (the spec names none; a proxy may). */
export function ozonRetryAfterMs(headers: Record<string, unknown> | undefined, maxMs = 60_000): number | undefined {
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() !== 'retry-after') continue;
		const n = Number(Array.isArray(value) ? value[0] : value);
		if (Number.isFinite(n) && n >= 0) return Math.min(n * 1000, maxMs);
	}
	return undefined;
}
