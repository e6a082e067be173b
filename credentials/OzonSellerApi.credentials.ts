import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

// Ozon authenticates every Seller API call with two headers: Client-Id (the seller's id) and Api-Key.
export class OzonSellerApi implements ICredentialType {
	name = 'ozonSellerApi';

	displayName = 'Ozon Seller API';

	icon: Icon = { light: 'file:ozon.svg', dark: 'file:ozon.dark.svg' };

	documentationUrl = 'https://docs.ozon.ru/api/seller/#tag/Auth';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '123456',
			description: 'Client ID from the Ozon seller cabinet (Settings → Seller API)',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'API key generated in Settings → Seller API. Keys expire after 6 months.',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'boolean',
			default: false,
			description: 'Whether to send requests to another host than Ozon production (a proxy or the AgentIQ sandbox)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api-seller.ozon.ru',
			description: 'Base URL of the Ozon Seller API. Change it only for a proxy or the AgentIQ sandbox.',
			displayOptions: { show: { customBaseUrl: [true] } },
		},
		{
			displayName: 'Min Interval Between Requests (Ms)',
			name: 'intervalMs',
			type: 'number',
			default: 100,
			typeOptions: { minValue: 0 },
			description: 'Pause kept between two requests. Ozon allows at most 50 requests per second per Client ID, and less for some methods.',
		},
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...(requestOptions.headers ?? {}),
				'Client-Id': String(credentials.clientId ?? '').trim(),
				'Api-Key': String(credentials.apiKey ?? '').trim(),
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ ($credentials.customBaseUrl && $credentials.baseUrl ? $credentials.baseUrl : "https://api-seller.ozon.ru").replace(/\\/+$/, "") }}',
			url: '/v3/chat/list',
			method: 'POST',
			body: { filter: { chat_status: 'ALL', unread_only: false }, limit: 1 },
		},
	};
}
