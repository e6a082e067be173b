export interface FakeLlmStep {
	type: 'ok' | 'broken' | 'timeout' | '500' | 'not-json';
	ms?: number;
}
export interface FakeLlmRequest {
	headers: Record<string, string | string[] | undefined>;
	body: { model: string; messages: Array<{ role: string; content: string }>; [key: string]: unknown };
}
export interface FakeLlm {
	url?: string;
	requests: FakeLlmRequest[];
	script: FakeLlmStep[];
	start(port?: number): Promise<{ url: string }>;
	stop(): Promise<void>;
}
export function createFakeLlm(options?: {
	answer?: (request: FakeLlmRequest['body']) => unknown;
	script?: FakeLlmStep[];
	apiKey?: string;
}): FakeLlm;
export function userData(request: FakeLlmRequest['body']): Record<string, unknown>;
