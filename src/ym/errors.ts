// Market's error answers `{status: "ERROR", errors: [{code, message}]}` → a message and a hint that say what to do.
// Throttling is 420 in the spec (429 is treated the same, as proxies answer it).

export interface YmErrorDescription {
	message: string;
	description: string;
}

export function isRateLimited(status: number): boolean {
	return status === 420 || status === 429;
}

/** `CODE: message; CODE2: message2` from an error body, or undefined. */
export function ymErrorText(body: unknown): string | undefined {
	let value = body;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			const raw = String(body).trim();
			return raw ? raw.slice(0, 300) : undefined;
		}
	}
	const errors = (value as { errors?: unknown } | null)?.errors;
	if (!Array.isArray(errors) || !errors.length) return undefined;
	const parts = errors
		.map((e) => {
			const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
			const c = typeof code === 'string' ? code : '';
			const m = typeof message === 'string' ? message : '';
			return c && m ? `${c}: ${m}` : c || m;
		})
		.filter(Boolean);
	return parts.length ? parts.join('; ') : undefined;
}

export function describeYmError(status: number, body: unknown, what: string): YmErrorDescription {
	const text = ymErrorText(body);
	const said = text ? ` Market says: ${text}` : '';
	switch (true) {
		case status === 401:
			return {
				message: 'The Yandex Market API key was rejected (401)',
				description: `Check the Api-Key in the Yandex Market API credential; it may be revoked or mistyped.${said}`,
			};
		case status === 403:
			return {
				message: `The Yandex Market API key has no access to ${what} (403)`,
				description: `Give the key the needed scope in the seller cabinet (Settings → API and modules), and check the business id.${said}`,
			};
		case status === 404:
			return { message: `Yandex Market did not find ${what} (404)`, description: `Check the ids (business, chat, review, question, order).${said}` };
		case isRateLimited(status):
			return {
				message: `Yandex Market rate limit reached for ${what} (${status})`,
				description: `Market limits each method per hour; wait or poll less often.${said}`,
			};
		case status === 400:
			return { message: `Yandex Market rejected the request to ${what} (400)`, description: text ?? 'The request does not match what Market accepts.' };
		case status >= 500:
			return {
				message: `Yandex Market failed on ${what} (${status})`,
				description: `A temporary failure at Market; the call can be repeated later.${said}`,
			};
		default:
			return { message: `Yandex Market answered ${status} to ${what}`, description: text ?? 'Unexpected status.' };
	}
}
