import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { z } from 'zod';

import { type ChatMessage, chatCompletionRequest, parseJsonAnswer } from '../../src/llm/chat-completion';

export const LLM_CREDENTIAL = 'agentIqLlmApi';

export interface LlmCallOptions {
	timeoutMs: number;
	/** Extra attempts after the first; the contract is one retry. */
	retries?: number;
	maxTokens?: number;
	temperature?: number;
}

/**
 * One JSON answer from an OpenAI-compatible server, validated with `schema`. Throws the last error after the
 * retries; callers fall back to their offline result.
 */
export async function llmJson<S extends z.ZodTypeAny>(
	this: IExecuteFunctions,
	messages: ChatMessage[],
	schema: S,
	options: LlmCallOptions,
): Promise<z.infer<S>> {
	const credentials = await this.getCredentials(LLM_CREDENTIAL);
	const base = String(credentials.baseUrl || 'https://api.openai.com/v1').replace(/\/+$/, '');
	const body = chatCompletionRequest(String(credentials.model ?? ''), messages, {
		maxTokens: options.maxTokens,
		temperature: options.temperature,
	});
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: `${base}/chat/completions`,
		body: JSON.stringify(body),
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		encoding: 'text',
		json: false,
		timeout: options.timeoutMs,
	};
	let lastError: Error = new Error('LLM call not attempted');
	for (let attempt = 0; attempt <= (options.retries ?? 1); attempt++) {
		try {
			const answer: unknown = await this.helpers.httpRequestWithAuthentication.call(this, LLM_CREDENTIAL, request);
			return parseJsonAnswer(answer, schema);
		} catch (error) {
			lastError = error as Error;
		}
	}
	throw lastError;
}
