import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { describeOzonError, ozonRetryAfterMs } from '../../../src/ozon/errors';
import { parseOzonJson, stringifyOzonJson } from '../../../src/ozon/json';
import { OZON_PRODUCTION_BASE_URL, type OzonRequest } from '../../../src/ozon/requests';
import { backoffMs, isTransientNetworkError, paced } from '../../shared/pacing';

type Context = IExecuteFunctions | IPollFunctions;

export const OZON_CREDENTIAL = 'ozonSellerApi';

export interface OzonCallOptions {
	itemIndex?: number;
	/**
	 * For a write: after a 5xx, time-out or dropped connection, tells whether the write took effect anyway. When
	 * given, the write is retried only if it did not, so an ambiguous failure neither loses nor doubles a reply.
	 */
	verifyWrite?: () => Promise<boolean>;
	/** 404 answers come back as `undefined` instead of an error (FBS → FBO posting fallback). */
	allowNotFound?: boolean;
}

const MAX_RATE_LIMIT_RETRIES = 5;
const MAX_SERVER_ERROR_RETRIES = 3;
const REQUEST_TIMEOUT_MS = 30_000;

function parseBody(raw: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
	if (raw === undefined || raw === null || raw === '') return { ok: true, value: null };
	if (Buffer.isBuffer(raw)) return parseBody(raw.toString('utf8'));
	if (typeof raw !== 'string') return { ok: true, value: raw };
	try {
		return { ok: true, value: parseOzonJson(raw) };
	} catch (error) {
		return { ok: false, error: (error as Error).message };
	}
}

export function ozonBaseUrl(credentials: Record<string, unknown>): string {
	const custom = credentials.customBaseUrl === true && typeof credentials.baseUrl === 'string' && credentials.baseUrl.trim() !== '';
	return (custom ? String(credentials.baseUrl).trim() : OZON_PRODUCTION_BASE_URL).replace(/\/+$/, '');
}

/**
 * One Ozon Seller API call: paced per credential, 429 retried with back-off, reads retried on 5xx, time-outs and
 * malformed bodies, writes retried only when `verifyWrite` proves they did not land, and every failure turned into a
 * NodeApiError that says what to do (a missing subscription is named as such, not as a bare 403).
 */
export async function ozonRequest(this: Context, request: OzonRequest, options: OzonCallOptions = {}): Promise<unknown> {
	const credentials = (await this.getCredentials(OZON_CREDENTIAL)) as Record<string, unknown>;
	const base = ozonBaseUrl(credentials);
	const intervalMs = Math.max(0, Number(credentials.intervalMs ?? 100) || 0);
	const laneKey = `${base}|${String(credentials.clientId ?? '')}`;
	const retryServer = request.read || options.verifyWrite !== undefined;
	const writeLanded = async (): Promise<boolean> => {
		if (request.read || !options.verifyWrite) return false;
		try {
			return await options.verifyWrite();
		} catch {
			return false;
		}
	};
	const http: IHttpRequestOptions = {
		method: 'POST',
		url: `${base}${request.path}`,
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		body: stringifyOzonJson(request.body),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		encoding: 'text',
		json: false,
		timeout: REQUEST_TIMEOUT_MS,
	};

	let rateLimited = 0;
	let serverErrors = 0;
	for (;;) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await paced(laneKey, intervalMs, async () =>
				this.helpers.httpRequestWithAuthentication.call(this, OZON_CREDENTIAL, http),
			)) as IN8nHttpFullResponse;
		} catch (error) {
			if (retryServer && isTransientNetworkError(error) && serverErrors < MAX_SERVER_ERROR_RETRIES) {
				await sleep(backoffMs(serverErrors++));
				if (await writeLanded()) return null;
				continue;
			}
			throw new NodeApiError(this.getNode(), error as JsonObject, {
				itemIndex: options.itemIndex,
				message: `Ozon ${request.path} failed: ${(error as Error).message}`,
			});
		}
		const status = response.statusCode;
		const parsed = parseBody(response.body);
		if (status >= 200 && status < 300) {
			if (parsed.ok) return parsed.value;
			if (!request.read) {
				// The write was accepted; repeating it because its receipt is garbled would send it twice.
				this.logger.warn(`Ozon accepted ${request.path} but its response body is not valid JSON`);
				return null;
			}
			if (serverErrors < MAX_SERVER_ERROR_RETRIES) {
				await sleep(backoffMs(serverErrors++));
				continue;
			}
			throw new NodeApiError(this.getNode(), { body: String(response.body).slice(0, 500) } as JsonObject, {
				itemIndex: options.itemIndex,
				httpCode: String(status),
				message: `Ozon returned a malformed response to ${request.path}`,
				description: `The body is not valid JSON (${parsed.error}). Nothing was changed on our side; the call can be repeated.`,
			});
		}
		if (status === 404 && options.allowNotFound) return undefined;
		const body = parsed.ok ? parsed.value : String(response.body ?? '').slice(0, 500);
		if (status === 429 && rateLimited < MAX_RATE_LIMIT_RETRIES) {
			rateLimited++;
			const wait = ozonRetryAfterMs(response.headers as Record<string, unknown>) ?? backoffMs(rateLimited - 1);
			this.logger.warn(`Ozon rate limit on ${request.path}: waiting ${wait} ms before retry ${rateLimited}`);
			await sleep(wait);
			continue;
		}
		if (status >= 500 && retryServer && serverErrors < MAX_SERVER_ERROR_RETRIES) {
			await sleep(backoffMs(serverErrors++));
			if (await writeLanded()) return null;
			continue;
		}
		const described = describeOzonError(status, body, request);
		throw new NodeApiError(this.getNode(), (typeof body === 'object' && body ? body : { body }) as JsonObject, {
			itemIndex: options.itemIndex,
			httpCode: String(status),
			message: described.message,
			description: described.description,
		});
	}
}
