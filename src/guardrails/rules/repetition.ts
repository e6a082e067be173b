import type { GuardrailViolation } from '../types';

// Marketplaces penalise copy-paste answers (Ozon restricts sellers for repeated identical answers), and a reply
// with a new name, other punctuation, an emoji or reordered sentences is still a copy. Similarity is the cosine of
// character trigram counts over the words of both texts (lower case, "ё" → "е", punctuation and emoji dropped):
// robust to inflection, reordering and small edits. On the development set near-copies score ≥ 0.92 and
// different replies sharing only a greeting and closing formula ≤ 0.44; the default threshold 0.8 sits between,
// closer to the copies so a paraphrase of one phrase still counts.

export const DEFAULT_SIMILARITY_THRESHOLD = 0.8;

function trigrams(text: string): Map<string, number> {
	const words = text.toLowerCase().replace(/ё/g, 'е').match(/[a-zа-я0-9]+/g) ?? [];
	const s = ` ${words.join(' ')} `;
	const grams = new Map<string, number>();
	for (let i = 0; i + 3 <= s.length; i++) {
		const g = s.slice(i, i + 3);
		grams.set(g, (grams.get(g) ?? 0) + 1);
	}
	return grams;
}

function norm(grams: Map<string, number>): number {
	let sum = 0;
	for (const v of grams.values()) sum += v * v;
	return Math.sqrt(sum);
}

/** Cosine similarity (0..1) of two texts' character trigram profiles. */
export function replySimilarity(a: string, b: string): number {
	const ga = trigrams(a);
	const gb = trigrams(b);
	return cosine(ga, norm(ga), gb);
}

function cosine(ga: Map<string, number>, na: number, gb: Map<string, number>): number {
	const nb = norm(gb);
	if (na === 0 || nb === 0) return 0;
	let dot = 0;
	for (const [g, v] of ga) {
		const w = gb.get(g);
		if (w !== undefined) dot += v * w;
	}
	return dot / (na * nb);
}

export function checkRepetition(text: string, recentReplies: readonly string[], threshold: number): GuardrailViolation[] {
	const grams = trigrams(text);
	const n = norm(grams);
	if (n === 0) return [];
	let best = -1;
	let bestScore = 0;
	recentReplies.forEach((reply, i) => {
		const score = cosine(grams, n, trigrams(reply));
		if (score > bestScore) {
			bestScore = score;
			best = i;
		}
	});
	if (best < 0 || bestScore < threshold) return [];
	const reply = recentReplies[best];
	return [
		{
			rule: 'repetition',
			excerpt: reply.length > 120 ? `${reply.slice(0, 119)}…` : reply,
			start: 0,
			end: text.length,
			message: `${Math.round(bestScore * 100)}% similar to recent reply #${best + 1}; vary the wording`,
		},
	];
}
