import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { buildMultipart } from '../../../src/http/multipart';
import { type WbApiCategory, joinUrl, wbBaseUrl } from '../../../src/wb/credential-routing';
import { describeWbError, retryAfterMs } from '../../../src/wb/errors';
import type { WbRequest } from '../../../src/wb/requests';
import { backoffMs, isTransientNetworkError, paced } from '../../shared/pacing';

type Context = IExecuteFunctions | IPollFunctions;

export const WB_CREDENTIAL = 'wildberriesApi';

export interface WbCallOptions {
	itemIndex?: number;
	/**
	 * For a write: after a 5xx, time-out or dropped connection, tells whether the write took effect anyway. When
	 * given, the write is retried only if it did not, so an ambiguous failure neither loses nor doubles a reply.
	 * Reads are always retried.
	 */
	verifyWrite?: () => Promise<boolean>;
	/** 404 answers come back as `undefined` instead of an error (used when trying card hosts). */
	allowNotFound?: boolean;
}

const MAX_RATE_LIMIT_RETRIES = 5;
const MAX_SERVER_ERROR_RETRIES = 3;
const MAX_WAIT_MS = 65_000;
const REQUEST_TIMEOUT_MS = 30_000;

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

/**
 * One WB API call: paced per host and credential, 429 retried after WB's retry header, reads retried on 5xx,
 * timeouts and malformed bodies, and every failure turned into a NodeApiError that says what to do.
 */
export async function wbRequest(this: Context, request: WbRequest, options: WbCallOptions = {}): Promise<unknown> {
	const credentials = await this.getCredentials(WB_CREDENTIAL);
	const host = request.host as WbApiCategory | 'card';
	const base = wbBaseUrl(credentials, host, request.basket);
	const url = joinUrl(base, request.path);
	const intervalMs = Number(host === 'feedbacks' ? credentials.feedbacksIntervalMs ?? 1000 : credentials.otherIntervalMs ?? 1000);
	const laneKey = `${host}|${base}|${this.getNode().credentials?.[WB_CREDENTIAL]?.id ?? ''}`;
	const isRead = request.method === 'GET';
	const retryServer = isRead || options.verifyWrite !== undefined;
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
	if (request.form) {
		const boundary = `agentiq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
		const multipart = buildMultipart(request.form, boundary);
		http.body = multipart.body;
		http.headers = { ...http.headers, 'Content-Type': multipart.contentType };
	} else if (request.body !== undefined) {
		http.body = JSON.stringify(request.body);
		http.headers = { ...http.headers, 'Content-Type': 'application/json' };
	}

	let rateLimited = 0;
	let serverErrors = 0;
	for (;;) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await paced(laneKey, host === 'card' ? 0 : intervalMs, async () =>
				this.helpers.httpRequestWithAuthentication.call(this, WB_CREDENTIAL, http),
			)) as IN8nHttpFullResponse;
		} catch (error) {
			if (retryServer && isTransientNetworkError(error) && serverErrors < MAX_SERVER_ERROR_RETRIES) {
				await sleep(backoffMs(serverErrors++));
				if (await writeLanded()) return null;
				continue;
			}
			throw new NodeApiError(this.getNode(), error as JsonObject, {
				itemIndex: options.itemIndex,
				message: `Wildberries ${request.method} ${request.path} failed: ${(error as Error).message}`,
			});
		}
		const status = response.statusCode;
		const parsed = parseBody(response.body);
		if (status >= 200 && status < 300) {
			if (parsed.ok) return parsed.value;
			if (!isRead) {
				// The write was accepted; repeating it because its receipt is garbled would send it twice.
				this.logger.warn(`Wildberries accepted ${request.method} ${request.path} but its response body is not valid JSON`);
				return null;
			}
			if (retryServer && serverErrors < MAX_SERVER_ERROR_RETRIES) {
				await sleep(backoffMs(serverErrors++));
				continue;
			}
			throw new NodeApiError(this.getNode(), { body: String(response.body).slice(0, 500) } as JsonObject, {
				itemIndex: options.itemIndex,
				httpCode: String(status),
				message: `Wildberries returned a malformed response to ${request.method} ${request.path}`,
				description: `The body is not valid JSON (${parsed.error}). Nothing was changed on our side; the call can be repeated.`,
			});
		}
		if (status === 404 && options.allowNotFound) return undefined;
		const body = parsed.ok ? parsed.value : String(response.body ?? '').slice(0, 500);
		const headers = (response.headers ?? {}) as Record<string, string | string[] | undefined>;
		if (status === 429 && rateLimited < MAX_RATE_LIMIT_RETRIES) {
			rateLimited++;
			const wait = Math.min(retryAfterMs(headers) ?? backoffMs(rateLimited), MAX_WAIT_MS);
			this.logger.warn(`Wildberries rate limit on ${request.path}: waiting ${wait} ms before retry ${rateLimited}`);
			await sleep(wait);
			continue;
		}
		if (status >= 500 && retryServer && serverErrors < MAX_SERVER_ERROR_RETRIES) {
			await sleep(backoffMs(serverErrors++));
			if (await writeLanded()) return null;
			continue;
		}
		const described = describeWbError(status, body, host);
		throw new NodeApiError(this.getNode(), (typeof body === 'object' && body ? body : { body }) as JsonObject, {
			itemIndex: options.itemIndex,
			httpCode: String(status),
			message: described.message,
			description: described.description,
		});
	}
}
