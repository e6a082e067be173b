/* Types for the JS test context (see n8n-context.js). */
export interface TestContextOptions {
	parameters?: Record<string, unknown> | ((name: string, itemIndex: number) => unknown);
	credentials?: Record<string, Record<string, unknown>>;
	credentialTypes?: Record<string, unknown>;
	items?: Array<{ json: Record<string, unknown> }>;
	mode?: 'trigger' | 'manual';
	staticData?: Record<string, unknown>;
	continueOnFail?: boolean;
	processed?: Map<string, boolean>;
	nodeName?: string;
	nodeType?: string;
}
export interface TestContext {
	logs: Array<{ level: string; message: string; meta?: unknown }>;
	requests: Array<Record<string, unknown>>;
	staticData: Record<string, unknown>;
	processed: Map<string, boolean>;
	[key: string]: unknown;
}
export function createContext(options: TestContextOptions): TestContext;
export function httpRequest(options: Record<string, unknown>): Promise<unknown>;
