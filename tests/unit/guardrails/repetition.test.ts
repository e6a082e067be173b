import { check } from '../../../src/guardrails/check';
import { DEFAULT_SIMILARITY_THRESHOLD, replySimilarity } from '../../../src/guardrails/rules/repetition';
import { ctx } from './helpers';

const recent = [
	'Здравствуйте! Спасибо за отзыв и высокую оценку. Рады, что куртка подошла по размеру. Ждём вас снова!',
	'Здравствуйте! Заказ передан в доставку, статус виден в личном кабинете.',
	'Здравствуйте! Состав ткани — 95% хлопок, 5% эластан.',
];

describe('repetition', () => {
	test.each([
		['punctuation and closing changed', 'Здравствуйте! Спасибо за отзыв и высокую оценку! Рады, что куртка подошла по размеру. Будем рады видеть вас снова!'],
		['only an emoji and "!!" added', 'Здравствуйте!! Спасибо за отзыв и высокую оценку 🙂 Рады, что куртка подошла по размеру. Ждём вас снова!'],
		['sentences reordered', 'Здравствуйте! Рады, что куртка подошла по размеру. Спасибо за отзыв и высокую оценку. Ждём вас снова!'],
		['a name added', 'Анна, здравствуйте! Спасибо за отзыв и высокую оценку. Рады, что куртка подошла по размеру. Ждём вас снова!'],
	])('near-copy: %s', (_name, text) => {
		const r = check(text, ctx({ recentReplies: recent }));
		const v = r.violations.find((x) => x.rule === 'repetition');
		expect(v).toBeDefined();
		// The excerpt names the reply it resembles; the span is the whole draft.
		expect(v?.excerpt).toBe(recent[0]);
		expect(v?.message).toMatch(/recent reply #1/);
		expect([v?.start, v?.end]).toEqual([0, text.length]);
	});

	test.each([
		'Здравствуйте! Спасибо за отзыв. Жаль, что подошва жёсткая: обычно она разнашивается за неделю носки.',
		'Здравствуйте! При росте 182 см подойдёт размер 52, рукав у модели длинный.',
		'Благодарим за фото в интерьере! Плед лучше стирать при 30 °C без отжима.',
	])('different reply: %s', (text) => {
		expect(check(text, ctx({ recentReplies: recent })).violations.map((v) => v.rule)).not.toContain('repetition');
	});

	test('threshold is configurable', () => {
		const text = 'Здравствуйте! Заказ передан в доставку, отслеживайте статус в приложении.';
		const score = replySimilarity(text, recent[1]);
		expect(score).toBeGreaterThan(0.5);
		expect(score).toBeLessThan(1);
		const rules = (t: number) => check(text, ctx({ recentReplies: recent, similarityThreshold: t })).violations.map((v) => v.rule);
		expect(rules(score - 0.01)).toContain('repetition');
		expect(rules(score + 0.01)).not.toContain('repetition');
	});

	test('similarity basics', () => {
		expect(replySimilarity('Спасибо за отзыв!', 'спасибо, за отзыв')).toBeCloseTo(1, 5);
		expect(replySimilarity('Спасибо', '')).toBe(0);
		expect(DEFAULT_SIMILARITY_THRESHOLD).toBeGreaterThan(0.5);
		expect(DEFAULT_SIMILARITY_THRESHOLD).toBeLessThan(1);
	});

	test('no recent replies, no repetition', () => {
		expect(check(recent[0], ctx({ recentReplies: [] })).ok).toBe(true);
		expect(check(recent[0], ctx()).ok).toBe(true);
	});
});
