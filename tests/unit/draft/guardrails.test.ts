import { INTENTS } from '../../../src/classify/types';
import { analyse, flagsOf, varsOf, type Facts } from '../../../src/draft/context';
import { eligible, render } from '../../../src/draft/render';
import { askOrderNumberDraft, fiveStarUpsellDraft, sizeAnswerDraft } from '../../../src/draft/special-drafts';
import { BLOCK_NAMES, type ReplyTemplate } from '../../../src/draft/template-types';
import { draftFromTemplate } from '../../../src/draft/template-draft';
import { GREETINGS, INTENT_TEMPLATES, SPECIAL_TEMPLATES } from '../../../src/draft/templates';
import type { DraftResult } from '../../../src/draft/types';
import { makeChooser } from '../../../src/draft/variation';
import { check } from '../../../src/guardrails/check';
import { REPLY_LIMITS } from '../../../src/guardrails/limits';
import { CHANNELS, expansions, inputFor, MARKETPLACES, SCENARIOS, TONE_LIST } from './helpers';

// Every draft the templates can produce must pass the product's own guardrails: a template that needs a
// person to fix it is no offline default. Two sweeps: whole drafts for every intent × channel × tone ×
// marketplace × context (several seeds each), and every option of every block with every synonym, rendered
// in each context that selects it.

function failures(text: string, ctx: Parameters<typeof check>[1]): string[] {
	return check(text, ctx).violations.map((v) => `${v.rule}: «${v.excerpt}» in: ${text}`);
}

describe('template drafts pass the guardrails', () => {
	test('every intent × channel × tone × marketplace × context, three seeds each', () => {
		const bad: string[] = [];
		let total = 0;
		for (const scenario of SCENARIOS)
			for (const intent of INTENTS)
				for (const marketplace of MARKETPLACES)
					for (const channel of CHANNELS)
						for (const tone of TONE_LIST)
							for (const seed of ['a', 'b', 'c']) {
								const input = { ...inputFor(scenario, intent, { marketplace, channel, tone }), seed: `${scenario.name}/${seed}` };
								const draft = draftFromTemplate(input);
								total++;
								bad.push(...failures(draft.text, { marketplace, channel, buyerText: scenario.text }));
							}
		expect(total).toBe(SCENARIOS.length * INTENTS.length * 3 * 3 * 3 * 3);
		expect(bad).toEqual([]);
	});

	test('every option of every block, with every synonym, in every context that selects it', () => {
		const templates: ReplyTemplate[] = [...Object.values(INTENT_TEMPLATES), ...Object.values(SPECIAL_TEMPLATES)];
		const seen = new Set<string>();
		const bad: string[] = [];
		const extras = { related: [{ name: 'Подушка декоративная', nmId: 123456789 }, { name: 'Наволочка' }], promoCode: 'LETO-15' };
		for (const scenario of SCENARIOS)
			for (const marketplace of MARKETPLACES)
				for (const channel of CHANNELS)
					for (const withExtras of [false, true]) {
						const facts: Facts = analyse(inputFor(scenario, 'other', { marketplace, channel }), withExtras ? extras : {});
						const flags = flagsOf(facts);
						const vars = varsOf(facts, 6);
						const choose = makeChooser('sweep');
						for (const template of templates)
							for (const tone of TONE_LIST)
								for (const name of BLOCK_NAMES) {
									const block = name === 'greeting' ? (template.greeting ?? GREETINGS) : template[name];
									if (!block) continue;
									for (const phrase of eligible(block, tone, flags))
										for (const text of expansions(phrase.text)) {
											const sentence = render(text, vars, choose, template.id);
											const key = `${marketplace}|${channel}|${sentence}`;
											if (!sentence || seen.has(key)) continue;
											seen.add(key);
											bad.push(...failures(sentence, { marketplace, channel }));
										}
								}
					}
		expect(seen.size).toBeGreaterThan(3000);
		expect(bad).toEqual([]);
	});

	test('special drafts pass in every marketplace and tone', () => {
		const bad: string[] = [];
		const drafts: Array<[DraftResult, string]> = [];
		for (const scenario of SCENARIOS)
			for (const marketplace of MARKETPLACES)
				for (const tone of TONE_LIST)
					for (const seed of ['a', 'b']) {
						const chat = { ...inputFor(scenario, 'delivery_status', { marketplace, channel: 'chat', tone }), seed };
						drafts.push([askOrderNumberDraft(chat), marketplace]);
						const review = { ...inputFor(scenario, 'thanks', { marketplace, channel: 'review', tone }), seed };
						review.interaction.rating = 5;
						drafts.push([fiveStarUpsellDraft({ ...review, relatedProducts: [{ name: 'Подушка', nmId: 1234567 }], promoCode: 'SALE10' }), marketplace]);
						drafts.push([fiveStarUpsellDraft({ ...review, relatedProducts: [{ name: 'Подушка' }, { name: 'Плед' }] }), marketplace]);
						if (scenario.product?.sizeTable) {
							for (const channel of CHANNELS) drafts.push([sizeAnswerDraft({ ...inputFor(scenario, 'sizing_fit', { marketplace, channel, tone }), seed }), marketplace]);
						}
					}
		for (const [d, marketplace] of drafts) bad.push(...failures(d.text, { marketplace: marketplace as 'wb', channel: d.channel }));
		expect(drafts.length).toBeGreaterThan(500);
		expect(bad).toEqual([]);
	});

	test('drafts fit the channel limits of the specs with room to spare', () => {
		for (const marketplace of MARKETPLACES)
			for (const channel of CHANNELS)
				for (const intent of INTENTS) {
					const d = draftFromTemplate(inputFor(SCENARIOS[1], intent, { marketplace, channel }));
					expect(d.text.length).toBeLessThanOrEqual(REPLY_LIMITS[marketplace][channel].max);
					expect(d.text.length).toBeGreaterThan(60);
				}
	});
});
