// Recent replies reach the nodes in whatever shape a workflow has them: a list of strings, a list of rows from a
// Data Table ({ text } or { reply }), JSON text of either, or one reply per line.
export function readRecentReplies(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (trimmed.startsWith('[')) {
			try {
				return readRecentReplies(JSON.parse(trimmed) as unknown);
			} catch {
				// Not JSON after all: fall through to one reply per line.
			}
		}
		return trimmed.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
	}
	if (Array.isArray(value)) {
		const out: string[] = [];
		for (const entry of value) {
			if (typeof entry === 'string') out.push(entry);
			else if (entry && typeof entry === 'object') {
				const row = entry as Record<string, unknown>;
				const text = row.text ?? row.reply ?? row.replyText ?? (row.draft as Record<string, unknown> | undefined)?.text;
				if (typeof text === 'string') out.push(text);
			}
		}
		return out.filter((s) => s.trim() !== '');
	}
	throw new Error(`recent replies must be a list of texts or rows with "text" (got ${typeof value})`);
}
