export function startReceiver(
	handle: (body: unknown, path: string) => Promise<{ status: number; body: unknown }>,
): Promise<{ url: string; close: () => Promise<void> }>;
