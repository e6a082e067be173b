import type { IDataObject } from 'n8n-workflow';

import { YandexMarketApi } from '../../../credentials/YandexMarketApi.credentials';
import { createContext, type TestContext, type TestContextOptions } from '../../support/n8n-context';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSandbox } = require('../../sandbox/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ymSandbox = require('../../sandbox/ym');

export const BUSINESS = String(ymSandbox.businessId);
export const CAMPAIGN = String(ymSandbox.campaignId);
export const KEY = ymSandbox.tokens.all as string;
export const NOCK_BASE = 'http://ym.test';

const credentialType = new YandexMarketApi();

/** n8n's generic authentication: `={{$credentials.x}}` headers filled from the credential. */
const genericAuth = {
	authenticate: async (data: IDataObject, options: IDataObject) => {
		const headers: Record<string, string> = {};
		for (const [name, template] of Object.entries(credentialType.authenticate.properties.headers ?? {})) {
			headers[name] = String(template).replace(/^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/, (_, k: string) => String(data[k] ?? ''));
		}
		return { ...options, headers: { ...((options.headers as IDataObject) ?? {}), ...headers } };
	},
};

export function credentials(baseUrl: string, extra: IDataObject = {}): IDataObject {
	return { apiKey: KEY, businessId: BUSINESS, campaignId: '', customBaseUrl: true, baseUrl, minIntervalMs: 0, ...extra };
}

export function context(baseUrl: string, options: TestContextOptions & { credentialExtra?: IDataObject }): TestContext {
	const { credentialExtra, ...rest } = options;
	return createContext({
		credentials: { yandexMarketApi: credentials(baseUrl, credentialExtra) },
		credentialTypes: { yandexMarketApi: genericAuth },
		...rest,
	});
}

export interface SandboxHandle {
	sb: {
		state: { ym: IDataObject & { feedbacks: IDataObject[]; chats: IDataObject[]; questions: IDataObject[]; orders: IDataObject[]; messages: IDataObject[] }; replies: IDataObject[]; requests: IDataObject[] };
		setFaults: (f: unknown) => void;
		stop: () => Promise<void>;
		addFeedback?: unknown;
		requestLog: { total: number; since: (n: number) => IDataObject[] };
	};
	url: string;
	apiBase: string;
	control: (path: string, body?: unknown) => Promise<IDataObject>;
}

export async function startSandbox(seed = 'default'): Promise<SandboxHandle> {
	const sb = createSandbox({ seed });
	const { url } = await sb.start(0);
	const control = async (path: string, body: unknown = {}) => {
		const res = await fetch(`${url}/__control/ym/${path}`, { method: 'POST', body: JSON.stringify(body) });
		return (await res.json()) as IDataObject;
	};
	return { sb, url, apiBase: `${url}/ym/api`, control };
}
