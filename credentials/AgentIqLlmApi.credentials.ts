import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

// Any OpenAI-compatible chat-completions server: OpenAI itself, or a local or self-hosted one.
export class AgentIqLlmApi implements ICredentialType {
	name = 'agentIqLlmApi';

	displayName = 'AgentIQ LLM API';

	icon: Icon = { light: 'file:agentiq.svg', dark: 'file:agentiq.dark.svg' };

	documentationUrl = 'https://platform.openai.com/docs/api-reference/chat';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.openai.com/v1',
			description: 'Base URL of an OpenAI-compatible API (the part before /chat/completions)',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Sent as a Bearer token. A local server that needs none can take any value.',
		},
		{
			displayName: 'Model',
			name: 'model',
			type: 'string',
			default: 'gpt-4o-mini',
			description: 'Model name as the server knows it',
		},
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const key = String(credentials.apiKey ?? '').trim();
		if (!key) return requestOptions;
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${key}` } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.baseUrl || "https://api.openai.com/v1").replace(/\\/+$/, "") }}',
			url: '/models',
			method: 'GET',
		},
	};
}
