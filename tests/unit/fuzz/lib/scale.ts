// How much of the sweep runs. By default a seeded sample of every target's cases, so the unit suite stays fast;
// FUZZ_DEEP=1 runs every case (`FUZZ_DEEP=1 FUZZ_REPORT=1 npx jest tests/unit/fuzz --selectProjects unit`).

import { rng } from './prng';

// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- a test switch, not shipped code
export const DEEP = process.env.FUZZ_DEEP === '1';

/** The same seeded share of `cases` on every run (all of them with FUZZ_DEEP=1). */
export function thin<T>(cases: readonly T[], seed: string, share: number): T[] {
	if (DEEP) return [...cases];
	const r = rng(`thin/${seed}`);
	return cases.filter(() => r.next() < share);
}

/** A test's time limit: the sampled sweep is quick; the full one (FUZZ_DEEP=1) gets ten times as long. */
export function limit(ms: number): number {
	return DEEP ? ms * 10 : ms;
}
