import { TONES, type Tone } from './types';

// Template drafts must vary by themselves (marketplaces punish copy-paste answers) yet stay reproducible: the
// same interaction always gets the same draft, so a re-run or a retry does not change what a person approved.
// Every choice is a hash of the seed and the name of the choice point, so the choices are independent of each
// other and of the order in which a template asks for them.

/** FNV-1a over UTF-16 code units, finished with the murmur3 mixer so nearby seeds spread over all buckets. */
export function hashString(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** Picks one of `n` options for the choice point `key`. */
export type Chooser = (key: string, n: number) => number;

export function makeChooser(seed: string): Chooser {
	return (key, n) => {
		if (!Number.isInteger(n) || n < 1) throw new RangeError(`variation: cannot choose among ${n} options (${key})`);
		return n === 1 ? 0 : hashString(`${seed}\u0001${key}`) % n;
	};
}

/** A stable A/B split: the same seed (e.g. the interaction id) always gets the same tone. */
export function chooseTone(seed: string, tones: readonly Tone[] = TONES): Tone {
	if (tones.length === 0) throw new RangeError('chooseTone: "tones" is empty');
	return tones[hashString(`tone\u0001${seed}`) % tones.length];
}
