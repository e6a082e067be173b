import { OzonSellerApi } from '../../../credentials/OzonSellerApi.credentials';
import { createContext, type TestContext, type TestContextOptions } from '../../support/n8n-context';

export const BASE = 'http://ozon.test';

export function credentialsFor(baseUrl: string, apiKey = 'test-key', clientId = '100001') {
	return { clientId, apiKey, customBaseUrl: true, baseUrl, intervalMs: 0 };
}

export function context(options: TestContextOptions & { baseUrl?: string; apiKey?: string; clientId?: string }): TestContext {
	const { baseUrl, apiKey, clientId, ...rest } = options;
	return createContext({
		credentials: { ozonSellerApi: credentialsFor(baseUrl ?? BASE, apiKey, clientId) },
		credentialTypes: { ozonSellerApi: new OzonSellerApi() },
		...rest,
	});
}
