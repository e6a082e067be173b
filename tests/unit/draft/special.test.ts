import { askOrderNumberDraft, fiveStarUpsellDraft, sizeAnswerDraft } from '../../../src/draft/special-drafts';
import type { DraftInput } from '../../../src/draft/types';
import { check } from '../../../src/guardrails/check';
import { DRESS, MARKETPLACES, simple, TONE_LIST } from './helpers';

const review = (over: Partial<DraftInput['interaction']> = {}): DraftInput => ({
	interaction: { id: 'wb:review:9f8e7d', marketplace: 'wb', channel: 'review', text: 'Плед мягкий, теплый, спасибо!', rating: 5, buyerName: 'Ольга', ...over },
	classification: { intent: 'thanks', emotion: 'happy', sentiment: 'positive' },
	tone: 'formal',
	product: { name: 'Плед флисовый 150х200' },
});

describe('askOrderNumberDraft', () => {
	test('asks for the number and says where the marketplace shows it', () => {
		const where = { wb: /«Доставки».*«Покупки»/, ozon: /«Заказы».*12345678-0001/, ym: /«Заказы»/ };
		for (const marketplace of MARKETPLACES)
			for (const tone of TONE_LIST) {
				const d = askOrderNumberDraft({ ...simple('delivery_status', { marketplace, channel: 'chat', text: 'где заказ?' }), tone });
				expect(d.text).toMatch(/номер[а-я]* (?:вашего )?заказа/);
				expect(d.text).toMatch(where[marketplace]);
				expect(d.templateId).toBe(`ask_order_number.chat.${tone}`);
				expect(check(d.text, { marketplace, channel: 'chat' }).ok).toBe(true);
			}
	});

	test('refuses a public channel', () => {
		expect(() => askOrderNumberDraft(simple('delivery_status', { channel: 'question' }))).toThrow(/"interaction.channel" must be "chat"/);
	});
});

describe('fiveStarUpsellDraft', () => {
	test('thanks, names the related products with articles and quotes the promo code as given, for the chat', () => {
		for (const tone of TONE_LIST) {
			const d = fiveStarUpsellDraft({
				...review(),
				tone,
				relatedProducts: [{ name: 'Подушка декоративная 40х40', nmId: 123456789 }, { name: 'Наволочка бархатная', nmId: '987654321' }],
				promoCode: 'PLED-10',
			});
			expect(d.channel).toBe('chat');
			expect(d.text).toContain('Ольга');
			expect(d.text).toContain('«Подушка декоративная 40х40» (артикул 123456789)');
			expect(d.text).toContain('«Наволочка бархатная» (артикул 987654321)');
			expect(d.text).toContain('PLED-10');
			expect(d.text).toMatch(/[Сс]пасибо|[Бб]лагодар|порадовал|приятно/);
			expect(d.text.length).toBeLessThanOrEqual(1000);
			expect(check(d.text, { marketplace: 'wb', channel: 'chat' })).toEqual({ ok: true, violations: [] });
		}
	});

	test('without a promo code and articles it says where to find the products by name; one product is singular', () => {
		const d = fiveStarUpsellDraft({ ...review(), relatedProducts: [{ name: 'Подушка' }] });
		expect(d.text).not.toMatch(/промокод/);
		expect(d.text).toMatch(/Его можно найти по названию/);
		expect(d.text).not.toMatch(/другие наши товары|эти товары/);
	});

	test('many related products are cut to fit the chat limit', () => {
		const relatedProducts = Array.from({ length: 20 }, (_, i) => ({ name: `Очень длинное название сопутствующего товара номер ${i + 1} для дома и дачи`, nmId: 100000000 + i }));
		const d = fiveStarUpsellDraft({ ...review(), relatedProducts, promoCode: 'DOM2024' });
		expect(d.text.length).toBeLessThanOrEqual(1000);
		expect(d.text).toContain('DOM2024');
	});

	test('bad input is named', () => {
		expect(() => fiveStarUpsellDraft({ ...review(), relatedProducts: [] })).toThrow(/fiveStarUpsellDraft \(item wb:review:9f8e7d\): "relatedProducts"/);
		expect(() => fiveStarUpsellDraft({ ...review(), relatedProducts: [{ name: 'A' }], promoCode: 'shop.ru/sale' })).toThrow(/"promoCode" must be/);
		expect(() => fiveStarUpsellDraft({ ...review({ rating: 2 }), relatedProducts: [{ name: 'A' }] })).toThrow(/"interaction.rating" is 2/);
	});
});

describe('sizeAnswerDraft', () => {
	test('answers from the chart row that fits the buyer', () => {
		const d = sizeAnswerDraft({ ...simple('sizing_fit', { channel: 'question', text: 'Рост 175, обхват груди 96, какой размер?' }), product: DRESS });
		expect(d.text).toContain('размер 48');
		expect(d.text).toContain('обхват груди 94–98 см');
		expect(d.templateId).toBe('size_answer.question.formal');
	});

	test('without numbers it lays out the chart', () => {
		const d = sizeAnswerDraft({ ...simple('sizing_fit', { channel: 'chat', text: 'Какой размер выбрать?' }), product: DRESS });
		expect(d.text).toMatch(/42 — обхват груди 82–86 см.*50 — обхват груди 98–102 см/);
	});

	test('a chart of bare size labels still gives a draft', () => {
		const product = { sizeTable: { columns: ['Размер'], rows: [{ size: '44', values: ['44'] }, { size: '46', values: ['46'] }] } };
		const d = sizeAnswerDraft({ ...simple('sizing_fit', { channel: 'chat', text: 'ношу 44' }), product });
		expect(d.text).toMatch(/44/);
		expect(check(d.text, { marketplace: 'wb', channel: 'chat' }).ok).toBe(true);
	});

	test('needs a chart', () => {
		expect(() => sizeAnswerDraft(simple('sizing_fit', { channel: 'chat' }))).toThrow(/"product.sizeTable" with at least one row is required/);
	});
});
