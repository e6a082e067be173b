// A seeded pseudo-random generator (mulberry32) so every fuzz run feeds exactly the same inputs: a failing case
// is replayed by its label alone, and the suite never turns red by chance.

export interface Rng {
	next(): number;
	int(maxExclusive: number): number;
	pick<T>(list: readonly T[]): T;
	sample<T>(list: readonly T[], count: number): T[];
}

function hash(text: string): number {
	let h = 2166136261 >>> 0;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
	return h;
}

export function rng(seed: string | number): Rng {
	let a = (typeof seed === 'string' ? hash(seed) : seed) >>> 0;
	const next = (): number => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (max: number) => Math.floor(next() * max);
	return {
		next,
		int,
		pick: (list) => list[int(list.length)],
		sample: (list, count) => {
			const copy = [...list];
			for (let i = copy.length - 1; i > 0; i--) {
				const j = int(i + 1);
				[copy[i], copy[j]] = [copy[j], copy[i]];
			}
			return copy.slice(0, count);
		},
	};
}
