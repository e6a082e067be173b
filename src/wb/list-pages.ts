// Paging of WB's review and question lists (`take`/`skip`), for "get many" reads. WB pages by offset, so an item
// that arrives while we page shifts the older ones one place later: pages are read newest first and ids are
// deduplicated, which repeats an item at worst and never skips one.

import { WbInputError } from './validation';

export type AnsweredFilter = 'all' | 'unanswered' | 'answered';
export type ListKind = 'review' | 'question';

/** Largest page the spec allows per kind; reviews also cap `skip`, questions cap `take + skip`. */
const LIMITS: Record<ListKind, { take: number; window: number }> = {
	review: { take: 5000, window: 199990 + 5000 },
	question: { take: 10000, window: 10000 },
};

/** A page size that keeps a single answer small enough for n8n's memory; the spec allows more. */
export const DEFAULT_PAGE_SIZE = 1000;

/** One read of a list: the working list with `isAnswered`, or (reviews only) WB's archive. */
export type ListPass = { source: 'list'; isAnswered: boolean } | { source: 'archive' };

/**
 * WB lists answered and unanswered items separately (`isAnswered` is required), and moves reviews that were
 * answered, left unanswered for 30 days, or have no text and photo into an archive that the working list no longer
 * shows: a complete read of reviews needs the archive too. Unanswered-only means the ones a seller can still act
 * on, i.e. the working list.
 */
export function listPasses(kind: ListKind, filter: unknown): ListPass[] {
	const archive: ListPass[] = kind === 'review' ? [{ source: 'archive' }] : [];
	if (filter === 'all') return [{ source: 'list', isAnswered: false }, { source: 'list', isAnswered: true }, ...archive];
	if (filter === 'unanswered') return [{ source: 'list', isAnswered: false }];
	if (filter === 'answered') return [{ source: 'list', isAnswered: true }, ...archive];
	throw new WbInputError('answered', `answered must be "all", "unanswered" or "answered" (got ${JSON.stringify(filter)})`);
}

/** The archive has no date filter: the caller keeps items inside the range, and stops once pages are older. */
export function inDateRange(createdMs: number, range: { dateFrom?: number; dateTo?: number }): boolean {
	if (range.dateFrom !== undefined && createdMs < range.dateFrom * 1000) return false;
	if (range.dateTo !== undefined && createdMs > range.dateTo * 1000) return false;
	return true;
}

export interface PageRequest {
	take: number;
	skip: number;
}

/**
 * The next page to ask for, or null when the pass is done. `remaining` is how many more items the caller wants
 * (Infinity for all). Throws when the items go on past what WB lets one range return, so a caller never
 * believes a cut-off list is complete.
 */
export function nextPage(kind: ListKind, previous: { skip: number; take: number; received: number } | null, remaining: number, pageSize = DEFAULT_PAGE_SIZE): PageRequest | null {
	if (remaining <= 0) return null;
	const limits = LIMITS[kind];
	const skip = previous ? previous.skip + previous.take : 0;
	if (previous && previous.received < previous.take) return null;
	const room = limits.window - skip;
	if (room <= 0) {
		throw new WbInputError(
			'dateFrom',
			`more than ${skip} ${kind === 'review' ? 'reviews' : 'questions'} match: Wildberries returns at most ${skip} per query, narrow the date range`,
		);
	}
	return { skip, take: Math.max(1, Math.min(pageSize, limits.take, room, remaining)) };
}
