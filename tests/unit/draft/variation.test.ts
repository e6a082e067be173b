import { draftFromTemplate, MAX_ATTEMPTS } from '../../../src/draft/template-draft';
import type { DraftInput, Tone } from '../../../src/draft/types';
import { chooseTone, hashString, makeChooser } from '../../../src/draft/variation';
import { check } from '../../../src/guardrails/check';
import { DEFAULT_SIMILARITY_THRESHOLD, replySimilarity } from '../../../src/guardrails/rules/repetition';
import { DRESS, TONE_LIST } from './helpers';

// Marketplaces punish copy-paste (Ozon restricts sellers who repeat answers): a run of five-star thank-yous for
// one product must read as different answers, while one interaction keeps one draft.

function fiveStar(i: number, tone: Tone, extra: Partial<DraftInput> = {}): DraftInput {
	return {
		interaction: { id: `wb:review:${200000 + i * 13}`, marketplace: 'wb', channel: 'review', text: 'Отличное платье, всё супер!', rating: 5 },
		classification: { intent: 'thanks', emotion: 'happy', sentiment: 'positive' },
		tone,
		product: DRESS,
		...extra,
	};
}

function pairStats(texts: string[]): { over: number; pairs: number } {
	let over = 0;
	let pairs = 0;
	for (let i = 0; i < texts.length; i++)
		for (let j = i + 1; j < texts.length; j++) {
			pairs++;
			if (replySimilarity(texts[i], texts[j]) >= DEFAULT_SIMILARITY_THRESHOLD) over++;
		}
	return { over, pairs };
}

describe('variation', () => {
	test('the same interaction always gets the same draft', () => {
		for (const tone of TONE_LIST) {
			const a = draftFromTemplate(fiveStar(1, tone));
			const b = draftFromTemplate(fiveStar(1, tone));
			expect(b).toEqual(a);
		}
	});

	test('a different seed redraws the same interaction', () => {
		const texts = new Set(Array.from({ length: 10 }, (_, i) => draftFromTemplate({ ...fiveStar(1, 'formal'), seed: `redraw-${i}` }).text));
		expect(texts.size).toBeGreaterThanOrEqual(9);
	});

	test.each(TONE_LIST)('100 five-star thank-yous for one product are 100 different texts (%s)', (tone) => {
		const texts = Array.from({ length: 100 }, (_, i) => draftFromTemplate(fiveStar(i, tone)).text);
		expect(new Set(texts).size).toBe(100);
		// Without any history most pairs are already far apart; near-copies are rare.
		const { over, pairs } = pairStats(texts);
		expect(over / pairs).toBeLessThan(0.01);
	});

	test.each(TONE_LIST)('with recent replies given, no thank-you in a run of 100 is a near-copy of the last 50 (%s)', (tone) => {
		const sent: string[] = [];
		for (let i = 0; i < 100; i++) {
			const recentReplies = sent.slice(-50);
			const d = draftFromTemplate(fiveStar(i, tone, { recentReplies }));
			const g = check(d.text, { marketplace: 'wb', channel: 'review', recentReplies });
			expect(g.violations.filter((v) => v.rule === 'repetition')).toEqual([]);
			sent.push(d.text);
		}
		expect(new Set(sent).size).toBe(100);
	});

	test('recent replies steer away from a copy and say which attempt was taken', () => {
		const first = draftFromTemplate(fiveStar(7, 'friendly'));
		const again = draftFromTemplate(fiveStar(7, 'friendly', { recentReplies: [first.text] }));
		expect(again.text).not.toBe(first.text);
		expect(replySimilarity(again.text, first.text)).toBeLessThan(DEFAULT_SIMILARITY_THRESHOLD);
		expect(again.variant).toMatch(/#\d+$/);
		expect(Number(again.variant.split('#')[1])).toBeLessThan(MAX_ATTEMPTS);
	});

	test('variant names the option of each block', () => {
		const d = draftFromTemplate(fiveStar(3, 'formal'));
		expect(d.variant).toMatch(/^g\d+\.a\d+\.b\d+\.x\d+\.c\d+$/);
		expect(d.templateId).toBe('thanks.review.formal');
		expect(d.source).toBe('template');
	});

	test('choices are stable and spread', () => {
		const choose = makeChooser('wb:review:1');
		expect(choose('k', 7)).toBe(makeChooser('wb:review:1')('k', 7));
		const counts = new Array(5).fill(0);
		for (let i = 0; i < 5000; i++) counts[makeChooser(`id${i}`)('block', 5)]++;
		for (const c of counts) expect(c).toBeGreaterThan(850);
		expect(() => choose('k', 0)).toThrow(/cannot choose among 0/);
		expect(hashString('a')).not.toBe(hashString('b'));
	});

	test('the A/B tone is stable per id and covers all tones', () => {
		expect(chooseTone('wb:review:1')).toBe(chooseTone('wb:review:1'));
		const seen = new Set(Array.from({ length: 60 }, (_, i) => chooseTone(`ozon:chat:${i}`)));
		expect([...seen].sort()).toEqual(['empathetic', 'formal', 'friendly']);
		expect(chooseTone('x', ['friendly'])).toBe('friendly');
	});
});
