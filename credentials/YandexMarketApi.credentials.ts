import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

// Market's Partner API takes the key in the `Api-Key` header. The business id (cabinet) addresses feedback,
// questions, chats and orders; the campaign id (shop) only narrows order look-ups.
export class YandexMarketApi implements ICredentialType {
	name = 'yandexMarketApi';

	displayName = 'Yandex Market API';

	icon: Icon = { light: 'file:yandexMarket.svg', dark: 'file:yandexMarket.dark.svg' };

	documentationUrl = 'https://yandex.ru/dev/market/partner-api/doc/ru/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Api-Key from the Market seller cabinet (Settings → API and modules). Give it access to buyer communication (reviews, questions, chats) and to orders.',
		},
		{
			displayName: 'Business ID',
			name: 'businessId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '11000001',
			description: 'The cabinet (business) ID shown in the seller cabinet URL and in API settings',
		},
		{
			displayName: 'Campaign ID',
			name: 'campaignId',
			type: 'string',
			default: '',
			description: 'Optional shop (campaign) ID; when set, order look-ups are limited to this shop',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'boolean',
			default: false,
			description: 'Whether to send requests to another host than Market production (a proxy or the AgentIQ sandbox)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.partner.market.yandex.ru',
			displayOptions: { show: { customBaseUrl: [true] } },
		},
		{
			displayName: 'Min Interval Between Requests (Ms)',
			name: 'minIntervalMs',
			type: 'number',
			default: 300,
			typeOptions: { minValue: 0 },
			description:
				'Pause kept between two requests with this key. Market limits each method per hour (for example 5,000 feedback or chat list calls, 1,000 comments) and answers 420 when a limit is reached.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'Api-Key': '={{$credentials.apiKey}}' } },
	};

	// A one-item feedback read checks the key, the business id and the communication scope at once.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ ($credentials.customBaseUrl && $credentials.baseUrl ? $credentials.baseUrl : "https://api.partner.market.yandex.ru").replace(/\\/+$/, "") }}',
			url: '=/v2/businesses/{{ String($credentials.businessId).trim() }}/goods-feedback?limit=1',
			method: 'POST',
			body: {},
		},
	};
}
