import { z } from 'zod';

// OpenAI-compatible chat completions, asked for a JSON object. Only request and response shapes live here; the
// node sends them through n8n's authenticated HTTP helper.

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

export interface ChatCompletionRequest {
	model: string;
	messages: ChatMessage[];
	temperature: number;
	response_format: { type: 'json_object' };
	max_tokens?: number;
}

export function chatCompletionRequest(model: string, messages: ChatMessage[], options: { temperature?: number; maxTokens?: number } = {}): ChatCompletionRequest {
	if (!model.trim()) throw new Error('model is empty: set it in the AgentIQ LLM API credential');
	const request: ChatCompletionRequest = {
		model: model.trim(),
		messages,
		temperature: options.temperature ?? 0,
		response_format: { type: 'json_object' },
	};
	if (options.maxTokens !== undefined) request.max_tokens = options.maxTokens;
	return request;
}

const completionSchema = z.object({
	choices: z
		.array(
			z.object({
				message: z.object({ content: z.string().nullable().optional() }).passthrough(),
			}).passthrough(),
		)
		.min(1),
}).passthrough();

export class LlmAnswerError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LlmAnswerError';
	}
}

/** The JSON object in the first choice, validated with `schema`; any deviation is an LlmAnswerError. */
export function parseJsonAnswer<S extends z.ZodTypeAny>(body: unknown, schema: S): z.infer<S> {
	const parsedBody = typeof body === 'string' ? tryParseJson(body) : body;
	if (parsedBody === undefined) throw new LlmAnswerError('the LLM server answered with a body that is not JSON');
	const completion = completionSchema.safeParse(parsedBody);
	if (!completion.success) throw new LlmAnswerError('the LLM server answered without choices[0].message.content');
	const content = completion.data.choices[0].message.content ?? '';
	const json = extractJsonObject(content);
	if (json === undefined) throw new LlmAnswerError(`the LLM answer is not a JSON object: ${content.slice(0, 120)}`);
	const result = schema.safeParse(json);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new LlmAnswerError(`the LLM answer does not match the expected shape at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
	}
	return result.data as z.infer<S>;
}

function tryParseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

// Some compatible servers wrap JSON in a code fence even in JSON mode.
function extractJsonObject(content: string): unknown {
	const trimmed = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
	try {
		const value = JSON.parse(trimmed);
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
	} catch {
		return undefined;
	}
}
