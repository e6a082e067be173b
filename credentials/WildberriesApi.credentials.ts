import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	WB_API_CATEGORIES,
	WB_CATEGORY_LABELS,
	WB_PRODUCTION_BASE_URLS,
	capitalise,
	joinUrl,
	wbCategoryForUrl,
	wbTokenForCategory,
} from '../src/wb/credential-routing';

// WB issues tokens per API category. One token may cover several categories, or a seller may keep one token per
// category; the request's host decides which token is sent. The public product-card CDN gets no token at all,
// so a seller token never leaves WB's API hosts.
const HOSTS = WB_API_CATEGORIES.map((key) => ({ key, label: WB_CATEGORY_LABELS[key], url: WB_PRODUCTION_BASE_URLS[key] }));

const CARD_DEFAULT = WB_PRODUCTION_BASE_URLS.card;

const tokenFields: INodeProperties[] = HOSTS.map((host) => ({
	displayName: `${host.label} Token`,
	name: `token${capitalise(host.key)}`,
	type: 'string' as const,
	typeOptions: { password: true },
	default: '',
	description: `Token with the "${host.label}" category. Leave empty to use the main token for this category.`,
	displayOptions: { show: { perCategory: [true] } },
}));

const baseUrlFields: INodeProperties[] = HOSTS.map((host) => ({
	displayName: `${host.label} Base URL`,
	name: `${host.key}BaseUrl`,
	type: 'string' as const,
	default: host.url,
	description: `Base URL of the ${host.label} API host. Change it only for a proxy or the AgentIQ sandbox.`,
	displayOptions: { show: { customBaseUrls: [true] } },
}));

export class WildberriesApi implements ICredentialType {
	name = 'wildberriesApi';

	displayName = 'Wildberries API';

	icon: Icon = { light: 'file:wildberries.svg', dark: 'file:wildberries.dark.svg' };

	documentationUrl = 'https://dev.wildberries.ru/openapi/api-information';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Seller API token from the WB seller portal (Settings → Access to API). Give it the categories you use: Feedbacks and Questions, Buyers Chat, Marketplace, Statistics.',
		},
		{
			displayName: 'Separate Token per Category',
			name: 'perCategory',
			type: 'boolean',
			default: false,
			description: 'Whether some categories use their own token instead of the main one',
		},
		...tokenFields,
		{
			displayName: 'Custom Base URLs',
			name: 'customBaseUrls',
			type: 'boolean',
			default: false,
			description: 'Whether to send requests to other hosts than WB production (a proxy or the AgentIQ sandbox)',
		},
		...baseUrlFields,
		{
			displayName: 'Product Card Base URL',
			name: 'cardBaseUrl',
			type: 'string',
			default: CARD_DEFAULT,
			description:
				'Public product card host. {basket} is replaced by the basket number computed from the article (nmId). No token is sent there.',
			displayOptions: { show: { customBaseUrls: [true] } },
		},
		{
			displayName: 'Min Interval for Feedbacks and Questions (Ms)',
			name: 'feedbacksIntervalMs',
			type: 'number',
			default: 1000,
			typeOptions: { minValue: 0 },
			description:
				'Pause kept between two requests to the Feedbacks and Questions API. WB blocks bursts; personal tokens allow 3 requests per second, base tokens 5 per hour.',
		},
		{
			displayName: 'Min Interval for Other WB APIs (Ms)',
			name: 'otherIntervalMs',
			type: 'number',
			default: 1000,
			typeOptions: { minValue: 0 },
			description: 'Pause kept between two requests to the chat, marketplace and content APIs',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// n8n's HTTP Request node passes the address as the legacy `uri` instead of `url`.
		const target = requestOptions.url ?? (requestOptions as { uri?: string }).uri;
		if (typeof target !== 'string') return requestOptions;
		const url = requestOptions.baseURL ? joinUrl(requestOptions.baseURL, target) : target;
		const category = wbCategoryForUrl(credentials, url);
		if (!category) return requestOptions;
		const token = wbTokenForCategory(credentials, category);
		if (!token) return requestOptions;
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), Authorization: token } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ ($credentials.customBaseUrls && $credentials.feedbacksBaseUrl ? $credentials.feedbacksBaseUrl : "https://feedbacks-api.wildberries.ru").replace(/\\/+$/, "") }}',
			url: '/api/v1/feedbacks/count-unanswered',
			method: 'GET',
		},
	};
}
