// Builders of review and question items for the quality tests: explicit classifications, so each test states
// exactly which reviews are negative.
export const REF = Date.parse('2026-11-23T12:00:00.000Z'); // a Monday
export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** createdAt `daysAgo` days before REF (fractions allowed). */
export const at = (daysAgo: number): string => new Date(REF - daysAgo * DAY).toISOString();

let seq = 0;

export function review(
	productId: string,
	daysAgo: number,
	o: { negative?: boolean; intent?: string; text?: string; rating?: number; sentiment?: string } = {},
): Record<string, unknown> {
	seq++;
	const negative = o.negative ?? false;
	return {
		id: `wb:review:${seq}`,
		marketplace: 'wb',
		channel: 'review',
		externalId: String(seq),
		productId,
		text: o.text ?? (negative ? 'Пришёл брак, молния сломана' : 'Отличная вещь, спасибо'),
		rating: o.rating ?? (negative ? 1 : 5),
		createdAt: at(daysAgo),
		answered: false,
		classification: {
			intent: o.intent ?? (negative ? 'defect_not_working' : 'thanks'),
			sentiment: o.sentiment ?? (negative ? 'negative' : 'positive'),
		},
	};
}

/** `n` reviews of a product spread over a window (current: 0..7 days ago, previous: 7..14), the first `neg` negative. */
export function reviews(productId: string, window: 'current' | 'previous', n: number, neg: number, o: { intent?: string; text?: string } = {}) {
	const base = window === 'current' ? 0 : 7;
	return Array.from({ length: n }, (_, i) => review(productId, base + 0.01 + (i * 6.9) / Math.max(1, n), i < neg ? { negative: true, ...o } : {}));
}

export function question(productId: string, daysAgo: number, intent: string, text = 'Вопрос'): Record<string, unknown> {
	seq++;
	return {
		id: `wb:question:${seq}`,
		marketplace: 'wb',
		channel: 'question',
		externalId: String(seq),
		productId,
		text,
		createdAt: at(daysAgo),
		answered: false,
		classification: { intent, sentiment: 'neutral' },
	};
}
