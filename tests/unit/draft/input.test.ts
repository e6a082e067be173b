import { draftFromTemplate } from '../../../src/draft/template-draft';
import type { DraftInput } from '../../../src/draft/types';
import { DRESS, simple } from './helpers';

describe('input and length', () => {
	test('a wrong field is named with the item', () => {
		const bad = { ...simple('thanks'), tone: 'casual' } as unknown as DraftInput;
		expect(() => draftFromTemplate(bad)).toThrow(/draftFromTemplate \(item wb:question:1\): "tone"/);
		const noMarket = { ...simple('thanks'), interaction: { id: 'x', channel: 'chat', text: '' } } as unknown as DraftInput;
		expect(() => draftFromTemplate(noMarket)).toThrow(/"interaction.marketplace"/);
		const table = { ...simple('sizing_fit'), product: { sizeTable: { columns: ['Рост'], rows: [{ size: '44', values: ['164', '170'] }] } } };
		expect(() => draftFromTemplate(table)).toThrow(/"product.sizeTable.rows.0.values" has 2 values for 1 columns/);
	});

	test('a full Interaction from a trigger is accepted as it is', () => {
		const interaction = {
			id: 'wb:review:aBc123',
			marketplace: 'wb',
			channel: 'review',
			externalId: 'aBc123',
			text: 'Отличный плед',
			rating: 5,
			productName: 'Плед флисовый',
			buyerName: 'Покупатель',
			createdAt: '2026-08-01T10:00:00Z',
			answered: false,
			raw: { id: 'aBc123' },
		} as DraftInput['interaction'];
		const d = draftFromTemplate({ ...simple('thanks'), interaction });
		expect(d.text).toMatch(/Здравствуйте|Добрый день/);
	});

	test('maxLength below the channel limit is respected by dropping detail, then whole blocks', () => {
		const input = { ...simple('sizing_fit', { channel: 'chat', text: 'Подскажите по размеру' }), product: DRESS };
		const full = draftFromTemplate(input);
		for (const maxLength of [400, 250, 150, 80]) {
			const d = draftFromTemplate({ ...input, maxLength });
			expect(d.text.length).toBeLessThanOrEqual(maxLength);
			expect(d.text.length).toBeLessThanOrEqual(full.text.length);
			expect(d.text).toMatch(/^(Здравствуйте|Добрый день)!/);
			expect(d.text).toMatch(/[.!?…]$/);
		}
		expect(() => draftFromTemplate({ ...input, maxLength: 20 })).toThrow(/"maxLength"/);
	});

	test('a signature stays on its own line within the limit', () => {
		const d = draftFromTemplate({ ...simple('defect_not_working', { channel: 'chat' }), signature: 'С уважением, команда «Лён и хлопок»', maxLength: 200 });
		expect(d.text.endsWith('\nС уважением, команда «Лён и хлопок»')).toBe(true);
		expect(d.text.length).toBeLessThanOrEqual(200);
	});
});
