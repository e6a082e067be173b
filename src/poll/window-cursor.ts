// Exactly-once intake for list APIs that filter by creation date (WB feedbacks and questions).
//
// Marketplaces publish items late (moderation) and clocks drift, so a cursor of "newest date seen" skips items.
// Instead every poll re-reads a look-back window before the last complete poll and drops what it has already
// emitted, by id (a boundary set, as n8n's Gmail trigger keeps, widened to the whole window). Ids older than the
// window can never be returned again, so the set stays bounded by the traffic of one window.

export interface WindowCursor {
	v: 1;
	/** Unix seconds when the last poll that read everything started. */
	lastPollAt?: number;
	/** Set when a poll stopped at its page budget: the next one continues from this creation time. */
	resumeFrom?: number;
	/** "Start from now": items created before this are never emitted. */
	notBefore?: number;
	/** Emitted (or deliberately skipped) ids with their creation time, unix seconds. */
	seen: Record<string, number>;
}

export interface WindowItem<T> {
	id: string;
	createdAt: number;
	item: T;
}

export function newWindowCursor(startFromNow: boolean, now: number): WindowCursor {
	return startFromNow ? { v: 1, notBefore: now, seen: {} } : { v: 1, seen: {} };
}

export function isWindowCursor(value: unknown): value is WindowCursor {
	const c = value as WindowCursor;
	return !!c && typeof c === 'object' && c.v === 1 && !!c.seen && typeof c.seen === 'object';
}

/** The `dateFrom` of the next request, or undefined for "everything" (first poll, include existing items). */
export function windowQueryStart(cursor: WindowCursor, windowSeconds: number): number | undefined {
	if (cursor.resumeFrom !== undefined) return cursor.resumeFrom;
	if (cursor.lastPollAt !== undefined) return Math.max(0, cursor.lastPollAt - windowSeconds);
	if (cursor.notBefore !== undefined) return Math.max(0, cursor.notBefore - windowSeconds);
	return undefined;
}

/** New items in creation order: not seen before, not duplicated across pages, not older than `notBefore`. */
export function selectNew<T>(cursor: WindowCursor, items: Array<WindowItem<T>>): Array<WindowItem<T>> {
	const picked = new Map<string, WindowItem<T>>();
	for (const entry of items) {
		if (entry.id in cursor.seen || picked.has(entry.id)) continue;
		if (cursor.notBefore !== undefined && entry.createdAt < cursor.notBefore) continue;
		picked.set(entry.id, entry);
	}
	return [...picked.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The cursor after a poll. `handled` are the ids emitted or skipped on purpose; `complete` says whether the poll
 * read every page (otherwise it resumes from the newest creation time it read).
 */
export function advanceWindow(
	cursor: WindowCursor,
	handled: Array<{ id: string; createdAt: number }>,
	poll: { startedAt: number; complete: boolean; newestReadAt?: number; windowSeconds: number },
): WindowCursor {
	const seen: Record<string, number> = { ...cursor.seen };
	for (const h of handled) seen[h.id] = h.createdAt;
	const next: WindowCursor = { v: 1, seen };
	if (cursor.notBefore !== undefined) next.notBefore = cursor.notBefore;
	if (poll.complete) {
		next.lastPollAt = poll.startedAt;
	} else {
		if (cursor.lastPollAt !== undefined) next.lastPollAt = cursor.lastPollAt;
		next.resumeFrom = poll.newestReadAt ?? cursor.resumeFrom ?? windowQueryStart(cursor, poll.windowSeconds);
	}
	const from = windowQueryStart(next, poll.windowSeconds);
	if (from !== undefined) {
		// A minute of slack: the API compares creation times at its own resolution.
		const horizon = from - 60;
		for (const id of Object.keys(seen)) if (seen[id] < horizon) delete seen[id];
	}
	return next;
}
