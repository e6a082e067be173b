import { WB_CATEGORY_BY_HOST, type WbHost } from './hosts';

// WB error bodies differ by host (shared/specs/README.md, WB item 4):
// - gateway 401/429: problem+json {title, detail, code, requestId, origin, status, statusText, timestamp}
// - 402: {title, detail} (only for services of WB's business-solutions catalogue)
// - feedbacks-api 400/403/404/422: envelope {data: null, error: true, errorText, additionalErrors, requestId};
//   its answer endpoints' 400: {title, detail, origin, requestId}
// - buyer-chat-api 400: {title, detail, error, origin: "proxy-chats", requestId, status}
// - marketplace-api 4xx: {code, message, data} (some newer ones: {title, detail, errors: [{location, message}]})
// - statistics 400: {errors: string[] | string}
// describeWbError turns any of them into a message a seller understands and an instruction what to do.

export interface WbErrorDescription {
	message: string;
	description: string;
	/** the token category the failing host belongs to, when the host needs a token */
	category?: string;
	retryAfterSeconds?: number;
	/** WB's own error text, as sent */
	apiMessage?: string;
	requestId?: string;
}

export type WbHeaders = Record<string, unknown>;

/** What the specs state per token type, quoted in 429 descriptions. */
export const WB_RATE_LIMITS: Readonly<Partial<Record<WbHost, string>>> = {
	feedbacks:
		'3 requests per second (bursts of 6) for personal, service and base-with-secret tokens, and only 5 requests per hour for a base token',
	chat: '10 requests per 10 seconds for personal, service and base-with-secret tokens, and 1 request per hour for a base token',
	marketplace: '300 requests per minute (bursts of 20), and every 4xx answer counts as 10 requests',
	statistics:
		'1 request per minute to the orders report (bursts of 10) for personal, service and base-with-secret tokens, and 1 per 3 hours for a base token',
};

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/** A body may arrive parsed or as text; text that is JSON is read as JSON. */
export function parseMaybeJson(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (!text.startsWith('{') && !text.startsWith('[')) return body;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return body;
	}
}

function nonEmpty(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** WB's own error text from any of its error shapes, or undefined. */
export function wbErrorText(body: unknown): string | undefined {
	const parsed = parseMaybeJson(body);
	if (typeof parsed === 'string') {
		const text = parsed.trim();
		// an HTML error page from a proxy says nothing useful
		if (text === '' || text.startsWith('<')) return undefined;
		return text.length > 300 ? `${text.slice(0, 300)}…` : text;
	}
	const record = asRecord(parsed);
	if (!record) return undefined;
	const parts: string[] = [];
	const main =
		nonEmpty(record.errorText) ?? nonEmpty(record.detail) ?? nonEmpty(record.error) ?? nonEmpty(record.message);
	if (main) parts.push(main);
	const errors = record.errors;
	if (typeof errors === 'string' && errors.trim() !== '') parts.push(errors.trim());
	if (Array.isArray(errors)) {
		for (const item of errors) {
			const entry = asRecord(item);
			const text = entry ? nonEmpty(entry.message) : nonEmpty(item);
			const location = entry ? nonEmpty(entry.location) : undefined;
			if (text) parts.push(location ? `${location}: ${text}` : text);
		}
	}
	if (Array.isArray(record.additionalErrors)) {
		for (const item of record.additionalErrors) {
			const text = nonEmpty(item);
			if (text) parts.push(text);
		}
	}
	if (parts.length === 0) {
		const fallback = nonEmpty(record.title) ?? nonEmpty(record.code);
		if (fallback) parts.push(fallback);
	}
	const unique = parts.filter((part, index) => parts.indexOf(part) === index);
	return unique.length > 0 ? unique.join('; ') : undefined;
}

function requestIdOf(body: unknown): string | undefined {
	return nonEmpty(asRecord(parseMaybeJson(body))?.requestId);
}

function headerValue(headers: WbHeaders, name: string): string | undefined {
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== name) continue;
		const first = Array.isArray(value) ? (value[0] as unknown) : value;
		if (typeof first === 'number' && Number.isFinite(first)) return String(first);
		if (typeof first === 'string' && first.trim() !== '') return first.trim();
	}
	return undefined;
}

export const RETRY_AFTER_CAP_MS = 60_000;

/**
 * How long to wait before retrying, from `X-Ratelimit-Retry` (seconds, WB's own), else `Retry-After`
 * (seconds, or an HTTP date when `nowMs` is given), else `X-Ratelimit-Reset` (seconds until the burst is
 * restored). Header names are matched case-insensitively. The result is capped at `maxMs` (60 s by
 * default): a base token can be told to wait an hour, which a workflow run should not sit through.
 */
export function retryAfterMs(
	headers: WbHeaders | undefined,
	options: { maxMs?: number; nowMs?: number } = {},
): number | undefined {
	if (!headers) return undefined;
	const maxMs = options.maxMs ?? RETRY_AFTER_CAP_MS;
	for (const name of ['x-ratelimit-retry', 'retry-after', 'x-ratelimit-reset']) {
		const value = headerValue(headers, name);
		if (value === undefined) continue;
		let ms: number | undefined;
		if (/^\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
		else if (name === 'retry-after' && options.nowMs !== undefined) {
			const at = Date.parse(value);
			if (!Number.isNaN(at)) ms = Math.max(0, at - options.nowMs);
		}
		if (ms !== undefined) return Math.min(Math.ceil(ms), maxMs);
	}
	return undefined;
}

function withSaid(text: string, apiMessage: string | undefined, requestId: string | undefined): string {
	let result = text;
	if (apiMessage) result += ` Wildberries said: "${apiMessage}".`;
	if (requestId) result += ` Request ID: ${requestId}.`;
	return result;
}

function noCategoryAccess(category: string, apiMessage?: string, requestId?: string): Pick<WbErrorDescription, 'message' | 'description'> {
	return {
		message: `The Wildberries token has no access to the '${category}' category`,
		description: withSaid(
			`Create a token with the '${category}' category in the seller portal (Settings → Access to API) — not "read only" if this workflow sends answers — or set a per-category token for '${category}' in the credential.`,
			apiMessage,
			requestId,
		),
	};
}

function badRequestHint(host: WbHost, apiMessage: string | undefined): string {
	const text = apiMessage ?? '';
	if (host === 'chat' && /signature/i.test(text)) {
		return 'The reply signature (replySign) does not fit this chat: take it from the chat list or from an event with isNewChat: true — the chat ID is not a signature.';
	}
	if (host === 'chat' && /"message"/i.test(text)) {
		return 'The message must be 1–1000 characters.';
	}
	if (host === 'chat' && /next/i.test(text)) {
		return 'The events cursor (next) must be the value WB returned last, a Unix time in milliseconds.';
	}
	if (host === 'chat' && /attachment|mime/i.test(text)) {
		return 'Files must be JPEG, PNG or PDF, at most 5 MB each and 30 MB together.';
	}
	if (/date/i.test(text)) return 'Check the dates sent: the format and the allowed period.';
	return 'Check the values sent (IDs, dates, paging).';
}

/** A clear English message and what to do about it, for any WB error answer. */
export function describeWbError(
	statusCode: number,
	body: unknown,
	host: WbHost,
	headers?: WbHeaders,
): WbErrorDescription {
	const category = WB_CATEGORY_BY_HOST[host] ?? undefined;
	const apiMessage = wbErrorText(body);
	const requestId = requestIdOf(body);
	const base = { category, apiMessage, requestId };
	const said = (text: string) => withSaid(text, apiMessage, requestId);
	const retryMs = retryAfterMs(headers);
	const retryAfterSeconds = retryMs === undefined ? undefined : Math.ceil(retryMs / 1000);

	if (statusCode === 401) {
		// WB answers 401 "token scope not allowed" when the token lacks the category
		if (category && /scope/i.test(apiMessage ?? '')) return { ...base, ...noCategoryAccess(category, apiMessage, requestId) };
		return {
			...base,
			message: 'The Wildberries token was rejected (401 Unauthorized)',
			description: said(
				'Check the API token in the Wildberries credential: paste the whole token from the seller portal (Settings → Access to API). A token that has expired or was deleted must be replaced by a new one.',
			),
		};
	}
	if (statusCode === 402) {
		return {
			...base,
			message: 'Wildberries requires payment for this API access (402 Payment Required)',
			description: said(
				"WB sends 402 only to services from its business-solutions catalogue whose balance is empty: top up the balance in the company's account on dev.wildberries.ru.",
			),
		};
	}
	if (statusCode === 403) {
		if (category) return { ...base, ...noCategoryAccess(category, apiMessage, requestId) };
		return {
			...base,
			message: 'The Wildberries product-card CDN refused the request (403 Forbidden)',
			description: said('The public card host blocks some clients; retry later.'),
		};
	}
	if (statusCode === 404) {
		if (host === 'card') {
			return {
				...base,
				message: 'No product card on this Wildberries basket host (404)',
				description:
					'Wildberries keeps each public card on one of many "basket" hosts and new ones keep opening; try the neighbouring baskets. If none has the card, check that the article (nmId) exists and is on sale.',
			};
		}
		return {
			...base,
			message: 'Wildberries could not find what was requested (404 Not Found)',
			description: said(
				'Check the ID sent (feedback, question, chat or order): it may belong to another seller account, or the item may have been archived.',
			),
		};
	}
	if (statusCode === 409) {
		return {
			...base,
			message: 'Wildberries refused the change because it conflicts with the current state (409 Conflict)',
			description: said('The order or item is probably in a status that does not allow this action any more.'),
		};
	}
	if (statusCode === 422) {
		return {
			...base,
			message: `Wildberries could not process the request (422)${apiMessage ? `: ${apiMessage}` : ''}`,
			description: said(
				'The request was understood but refused: for example an answer edited a second time or more than 60 days after it was sent, or an action not available for this item.',
			),
		};
	}
	if (statusCode === 429) {
		const limits = WB_RATE_LIMITS[host];
		const wait =
			retryAfterSeconds !== undefined ? `Wait ${retryAfterSeconds} s before retrying.` : 'Wait a little before retrying.';
		return {
			...base,
			retryAfterSeconds,
			message: `Wildberries rate limit reached${category ? ` for the '${category}' API` : ''} (429 Too Many Requests)`,
			description: said(
				`${limits ? `WB allows ${limits}. ` : ''}${wait} Every workflow using the same seller account shares this limit, so poll less often or run fewer workflows in parallel.`,
			),
		};
	}
	if (statusCode === 451) {
		return {
			...base,
			message: 'The file did not pass Wildberries moderation (451)',
			description: said('WB blocks files that failed its moderation; the file cannot be downloaded.'),
		};
	}
	if (statusCode === 400) {
		return {
			...base,
			message: `Wildberries rejected the request (400 Bad Request)${apiMessage ? `: ${apiMessage}` : ''}`,
			description: said(badRequestHint(host, apiMessage)),
		};
	}
	if (statusCode >= 500) {
		return {
			...base,
			retryAfterSeconds,
			message: `Wildberries server error (${statusCode})`,
			description: said('This is a problem on the Wildberries side; retry in a minute.'),
		};
	}
	if (statusCode < 400) {
		// a 200 answer carrying {error: true}, as PATCH /api/v1/questions can send
		return {
			...base,
			message: `Wildberries reported an error${apiMessage ? `: ${apiMessage}` : ''}`,
			description: said('The call was accepted but Wildberries did not carry it out.'),
		};
	}
	return {
		...base,
		message: `Wildberries answered with status ${statusCode}${apiMessage ? `: ${apiMessage}` : ''}`,
		description: said('Check the request and try again.'),
	};
}
