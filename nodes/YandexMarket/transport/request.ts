import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { describeYmError, isRateLimited } from '../../../src/ym/errors';
import type { YmRequest } from '../../../src/ym/requests';
import { backoffMs, isTransientNetworkError, paced } from '../../shared/pacing';

type Context = IExecuteFunctions | IPollFunctions | IWebhookFunctions;

export const YM_CREDENTIAL = 'yandexMarketApi';
export const YM_PRODUCTION_URL = 'https://api.partner.market.yandex.ru';

export interface YmCallOptions {
	itemIndex?: number;
	/**
	 * For a write: after a 5xx, time-out or dropped connection, tells whether the write took effect anyway. When
	 * given, the write is retried only if it did not, so an ambiguous failure neither loses nor doubles a reply.
	 */
	verifyWrite?: () => Promise<boolean>;
	/** What the call is about, for error messages ("goods feedback"). */
	what?: string;
}

export interface YmAccount {
	businessId: string;
	campaignId?: string;
	baseUrl: string;
	minIntervalMs: number;
}

const MAX_RATE_LIMIT_RETRIES = 4;
const MAX_SERVER_ERROR_RETRIES = 3;
const MAX_WAIT_MS = 65_000;
const REQUEST_TIMEOUT_MS = 30_000;

export async function ymAccount(this: Context): Promise<YmAccount> {
	const c = await this.getCredentials(YM_CREDENTIAL);
	const base = c.customBaseUrl && c.baseUrl ? String(c.baseUrl) : YM_PRODUCTION_URL;
	const campaignId = String(c.campaignId ?? '').trim();
	return {
		businessId: String(c.businessId ?? '').trim(),
		...(campaignId ? { campaignId } : {}),
		baseUrl: base.replace(/\/+$/, ''),
		minIntervalMs: Number(c.minIntervalMs ?? 300),
	};
}

function parseBody(raw: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
	if (raw === undefined || raw === null || raw === '') return { ok: true, value: null };
	if (typeof raw !== 'string') {
		if (Buffer.isBuffer(raw)) return parseBody(raw.toString('utf8'));
		return { ok: true, value: raw };
	}
	try {
		return { ok: true, value: JSON.parse(raw) };
	} catch (error) {
		return { ok: false, error: (error as Error).message };
	}
}

function retryAfter(headers: Record<string, unknown>): number | undefined {
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	const seconds = Number(Array.isArray(raw) ? raw[0] : raw);
	return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * One Partner API call: paced per key, 420/429 retried after Retry-After (or a back-off), reads retried on 5xx,
 * time-outs and malformed bodies, writes only when `verifyWrite` says they did not land; every failure becomes a
 * NodeApiError that says what to do.
 */
export async function ymRequest(this: Context, request: YmRequest, options: YmCallOptions = {}): Promise<unknown> {
	const account = await ymAccount.call(this);
	const url = `${account.baseUrl}${request.path}`;
	const laneKey = `${account.baseUrl}|${this.getNode().credentials?.[YM_CREDENTIAL]?.id ?? ''}`;
	const isRead = !request.write;
	const retryServer = isRead || options.verifyWrite !== undefined;
	const what = options.what ?? request.path;
	const writeLanded = async (): Promise<boolean> => {
		if (isRead || !options.verifyWrite) return false;
		try {
			return await options.verifyWrite();
		} catch {
			return false;
		}
	};
	const http: IHttpRequestOptions = {
		method: request.method as IHttpRequestMethods,
		url,
		qs: request.qs as IDataObject | undefined,
		headers: { Accept: 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		encoding: 'text',
		json: false,
		timeout: REQUEST_TIMEOUT_MS,
	};
	if (request.body !== undefined) {
		http.body = JSON.stringify(request.body);
		http.headers = { ...http.headers, 'Content-Type': 'application/json' };
	}

	let rateLimited = 0;
	let serverErrors = 0;
	for (;;) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await paced(laneKey, account.minIntervalMs, async () =>
				this.helpers.httpRequestWithAuthentication.call(this, YM_CREDENTIAL, http),
			)) as IN8nHttpFullResponse;
		} catch (error) {
			if (retryServer && isTransientNetworkError(error) && serverErrors < MAX_SERVER_ERROR_RETRIES) {
				await sleep(backoffMs(serverErrors++));
				if (await writeLanded()) return null;
				continue;
			}
			throw new NodeApiError(this.getNode(), error as JsonObject, {
				itemIndex: options.itemIndex,
				message: `Yandex Market ${request.method} ${request.path} failed: ${(error as Error).message}`,
			});
		}
		const status = response.statusCode;
		const parsed = parseBody(response.body);
		if (status >= 200 && status < 300) {
			if (parsed.ok) return parsed.value;
			if (!isRead) {
				// The write was accepted; repeating it because its receipt is garbled would send it twice.
				this.logger.warn(`Yandex Market accepted ${request.method} ${request.path} but its response body is not valid JSON`);
				return null;
			}
			if (serverErrors < MAX_SERVER_ERROR_RETRIES) {
				await sleep(backoffMs(serverErrors++));
				continue;
			}
			throw new NodeApiError(this.getNode(), { body: String(response.body).slice(0, 500) } as JsonObject, {
				itemIndex: options.itemIndex,
				httpCode: String(status),
				message: `Yandex Market returned a malformed response to ${request.method} ${request.path}`,
				description: `The body is not valid JSON (${parsed.error}). Nothing was changed; the call can be repeated.`,
			});
		}
		const body = parsed.ok ? parsed.value : String(response.body ?? '').slice(0, 500);
		const headers = (response.headers ?? {}) as Record<string, unknown>;
		if (isRateLimited(status) && rateLimited < MAX_RATE_LIMIT_RETRIES) {
			rateLimited++;
			const wait = Math.min(retryAfter(headers) ?? backoffMs(rateLimited), MAX_WAIT_MS);
			this.logger.warn(`Yandex Market rate limit on ${request.path}: waiting ${wait} ms before retry ${rateLimited}`);
			await sleep(wait);
			continue;
		}
		if (status >= 500 && retryServer && serverErrors < MAX_SERVER_ERROR_RETRIES) {
			await sleep(backoffMs(serverErrors++));
			if (await writeLanded()) return null;
			continue;
		}
		const described = describeYmError(status, body, what);
		throw new NodeApiError(this.getNode(), (typeof body === 'object' && body ? body : { body }) as JsonObject, {
			itemIndex: options.itemIndex,
			httpCode: String(status),
			message: described.message,
			description: described.description,
		});
	}
}
