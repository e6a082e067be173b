import { INTENTS, type Intent } from '../../../src/classify/types';
import { draftFromTemplate } from '../../../src/draft/template-draft';
import type { DraftInput } from '../../../src/draft/types';
import { CASE, CHARGER, CHANNELS, DRESS, MARKETPLACES, simple, TONE_LIST } from './helpers';

// Each intent gets a reply that does the intent's job, in every tone and on several seeds: the assertions are
// about content (the right chart row, the quoted characteristic, the marketplace's own flow), not wording.

function drafts(input: DraftInput, seeds = ['s1', 's2', 's3', 's4']): string[] {
	return TONE_LIST.flatMap((tone) => seeds.map((seed) => draftFromTemplate({ ...input, tone, seed }).text));
}

const forAll = (texts: string[], re: RegExp) => texts.filter((t) => !re.test(t));

describe('per-intent content', () => {
	test('defect in a chat: apology, a photo asked for here, the return flow in the marketplace account', () => {
		const texts = drafts(simple('defect_not_working', { channel: 'chat', text: 'Пришёл брак, молния не застёгивается' }));
		expect(forAll(texts, /извин|жаль|сожале|простите|сочувству/i)).toEqual([]);
		expect(forAll(texts, /фото/)).toEqual([]);
		expect(forAll(texts, /в личном кабинете Wildberries/)).toEqual([]);
		expect(forAll(texts, /«Покупки»/)).toEqual([]);
	});

	test('defect in a public review: no request the buyer cannot answer, quality control and the return flow', () => {
		const texts = drafts(simple('defect_not_working', { channel: 'review', text: 'Сломался через день', rating: 1 }));
		expect(texts.filter((t) => /пришлите|приложите к сообщению|в этот чат/i.test(t))).toEqual([]);
		expect(forAll(texts, /контрол[а-я]* качества|производств/)).toEqual([]);
		expect(forAll(texts, /[Вв]озврат|[Вв]ернуть/)).toEqual([]);
	});

	test('wrong item points to the return flow of each marketplace', () => {
		for (const marketplace of MARKETPLACES) {
			const texts = drafts(simple('wrong_item', { marketplace, channel: 'chat', text: 'Прислали не тот цвет' }));
			const where = { wb: /Wildberries \(раздел «Покупки»\)|раздел «Покупки» в личном кабинете Wildberries/, ozon: /Ozon/, ym: /Яндекс Маркета/ }[marketplace];
			expect(forAll(texts, where)).toEqual([]);
			expect(forAll(texts, /[Вв]озврат|[Вв]ернуть/)).toEqual([]);
		}
	});

	test('sizing: the row matching the buyer\'s numbers is quoted from the size chart', () => {
		const input = simple('sizing_fit', { text: 'Какой размер взять на рост 168 и обхват груди 92?' }, { product: DRESS });
		for (const t of drafts(input)) {
			expect(t).toContain('размер 46');
			expect(t).toContain('обхват груди 90–94 см');
			expect(t).toContain('рост 164–170 см');
			expect(t).not.toMatch(/размер 44|размер 48/);
		}
	});

	test('sizing without numbers describes the chart; without a chart it gives general advice', () => {
		const described = drafts(simple('sizing_fit', { channel: 'chat', text: 'Подскажите по размеру' }, { product: DRESS }));
		expect(described.filter((t) => /42 — обхват груди 82–86 см/.test(t)).length).toBeGreaterThan(0);
		const general = drafts(simple('sizing_fit', { channel: 'chat', text: 'Подскажите по размеру' }));
		expect(forAll(general, /мерк|размерн[а-я]* сетк|таблиц/)).toEqual([]);
	});

	test('a sizing complaint in a review with the ordered size quotes that size\'s row', () => {
		const texts = drafts(
			simple('sizing_fit', { channel: 'review', text: 'маломерит', rating: 3 }, { product: DRESS, order: { number: '1234567890', size: '46' } }),
		);
		expect(forAll(texts, /размер 46 соответствует таким меркам: обхват груди 90–94 см/)).toEqual([]);
	});

	test('delivery: the marketplace tracking, never a date; a linked order\'s status in a chat', () => {
		for (const intent of ['delivery_delay', 'delivery_status'] as Intent[]) {
			const texts = drafts(simple(intent, { channel: 'question', text: 'Когда придёт заказ?' }));
			expect(forAll(texts, /«Доставки»/)).toEqual([]);
			expect(texts.filter((t) => /завтра|\d+ дн|через неделю/.test(t))).toEqual([]);
		}
		const chat = drafts(simple('delivery_status', { channel: 'chat', text: 'где заказ?' }, { order: { number: '1234567890', status: 'sorted' } }));
		expect(forAll(chat, /заказ № 1234567890 сейчас в пути/)).toEqual([]);
	});

	test('an order number and status are not repeated in a public answer', () => {
		const texts = drafts(simple('delivery_delay', { channel: 'review', text: 'Долго везли', rating: 2 }, { order: { number: '1234567890', status: 'sorted' } }));
		expect(texts.filter((t) => t.includes('1234567890'))).toEqual([]);
	});

	test('refund, exchange and cancel go through the marketplace\'s own flow', () => {
		const refund = drafts(simple('refund_exchange', { channel: 'chat', text: 'Как вернуть?', marketplace: 'ozon' }));
		expect(forAll(refund, /Ozon/)).toEqual([]);
		expect(forAll(refund, /[Вв]озврат|[Вв]ернуть/)).toEqual([]);
		const exchange = drafts(simple('refund_exchange', { channel: 'chat', text: 'Можно обменять на другой размер?' }));
		expect(forAll(exchange, /Обмена как такового на маркетплейсе нет/)).toEqual([]);
		const cancel = drafts(simple('cancel_request', { channel: 'chat', text: 'Отмените заказ', marketplace: 'ym' }));
		expect(forAll(cancel, /[Оо]тмен[а-я]+ .*в личном кабинете Яндекс Маркета/)).toEqual([]);
	});

	test('availability: honest "watch the card", no restock date; a size in the chart is confirmed as such', () => {
		const texts = drafts(simple('availability', { text: 'Будет ли розовый цвет?' }));
		expect(forAll(texts, /карточк/)).toEqual([]);
		expect(texts.filter((t) => /поступит|появится (?:через|в течение|к )/.test(t))).toEqual([]);
		const size = drafts(simple('availability', { text: 'А 44 размер есть?' }, { product: DRESS }));
		expect(forAll(size, /Размер 44 есть в размерной сетке модели/)).toEqual([]);
	});

	test('compatibility quotes the compatibility characteristic and says whether the model is in it', () => {
		const listed = drafts(simple('compatibility', { text: 'Подойдёт к iPhone 15 Pro?', marketplace: 'ozon' }, { product: CASE }));
		expect(forAll(listed, /Apple iPhone 15, Apple iPhone 15 Pro/)).toEqual([]);
		expect(forAll(listed, /^(?!.*не названа)/s)).toEqual([]);
		const unlisted = drafts(simple('compatibility', { text: 'Подойдёт к Samsung Galaxy S24?', marketplace: 'ozon' }, { product: CASE }));
		expect(forAll(unlisted, /Apple iPhone 15, Apple iPhone 15 Pro/)).toEqual([]);
		expect(forAll(unlisted, /Samsung Galaxy S24/)).toEqual([]);
		const unknown = drafts(simple('compatibility', { text: 'А к моему телефону подойдёт?' }));
		expect(forAll(unknown, /модел/)).toEqual([]);
	});

	test('a Cyrillic model name is referred to, not echoed in the buyer\'s case', () => {
		const texts = drafts(simple('compatibility', { text: 'На Шевроле Ниву 2012 встанут коврики?' }));
		expect(texts.filter((t) => /Ниву/.test(t))).toEqual([]);
		expect(forAll(texts, /указанной вами моделью/)).toEqual([]);
	});

	test('product spec quotes the matching characteristic', () => {
		const texts = drafts(simple('product_spec', { text: 'Какой состав ткани?' }, { product: DRESS }));
		expect(forAll(texts, /состав — лён 70%; хлопок 30%/)).toEqual([]);
		const power = drafts(simple('product_spec', { text: 'Какая мощность?' }, { product: CHARGER }));
		expect(forAll(power, /мощность — 65 Вт/)).toEqual([]);
		expect(power.filter((t) => /гарантийный срок/.test(t))).toEqual([]);
	});

	test('product spec without an answer in the card asks to clarify or promises only to complete the card', () => {
		const vague = drafts(simple('product_spec', { channel: 'chat', text: 'А подскажите ещё кое-что' }));
		expect(forAll(vague, /[Уу]точните|[Нн]апишите/)).toEqual([]);
		const asked = drafts(simple('product_spec', { channel: 'question', text: 'Какой срок годности?' }));
		expect(forAll(asked, /уточним .*дополним/)).toEqual([]);
	});

	test('usage quotes the care characteristic when the card has one', () => {
		const texts = drafts(simple('usage_howto', { text: 'Как стирать?' }, { product: DRESS }));
		expect(forAll(texts, /деликатная стирка при 30 °C/)).toEqual([]);
	});

	test('thanks: warm, with the product in quotes and its name intact', () => {
		const texts = drafts(
			simple('thanks', { channel: 'review', text: 'Отличное платье!', rating: 5 }, { product: DRESS }),
			Array.from({ length: 20 }, (_, i) => `t${i}`),
		);
		expect(forAll(texts, /[Сс]пасибо|[Бб]лагодар|[Пп]ризнательн|порадовал|радост|приятн|поднял настроение/)).toEqual([]);
		expect(texts.filter((t) => t.includes('«Платье женское летнее из льна»')).length).toBeGreaterThan(10);
		// Never two mentions of the product in one reply.
		expect(texts.filter((t) => t.split('«Платье').length > 2)).toEqual([]);
	});

	test('a thank-you on a low rating does not speak of a high one', () => {
		const texts = drafts(simple('thanks', { channel: 'review', text: 'норм', rating: 3 }), Array.from({ length: 20 }, (_, i) => `r${i}`));
		expect(texts.filter((t) => /высок[а-я]* оценк|пять звёзд/.test(t))).toEqual([]);
	});

	test('"other" follows the mood: regret on a bare 1★, thanks on a bare 5★', () => {
		const low = drafts({ ...simple('other', { channel: 'review', text: '', rating: 1 }), classification: { intent: 'other', emotion: 'neutral', sentiment: 'negative' } });
		expect(forAll(low, /жаль|сожале|разочарован|не всё понравилось/i)).toEqual([]);
		const high = drafts({ ...simple('other', { channel: 'review', text: '', rating: 5 }), classification: { intent: 'other', emotion: 'neutral', sentiment: 'positive' } });
		expect(forAll(high, /[Сс]пасибо|[Бб]лагодар/)).toEqual([]);
		expect(high.filter((t) => /жаль|сожале/i.test(t))).toEqual([]);
	});

	test('a buyer writing again is acknowledged as such', () => {
		const texts = drafts({
			...simple('defect_not_working', { channel: 'chat', text: 'Опять пишу, ответьте' }),
			classification: { intent: 'defect_not_working', emotion: 'frustrated', sentiment: 'negative', signals: { repeatContact: 3 } },
		});
		expect(forAll(texts, /повторно|ещё раз/)).toEqual([]);
	});

	test('tones differ visibly', () => {
		const base = simple('thanks', { channel: 'review', text: 'Всё отлично', rating: 5 });
		const by = (tone: 'formal' | 'empathetic' | 'friendly') =>
			Array.from({ length: 30 }, (_, i) => draftFromTemplate({ ...base, tone, seed: `tone${i}` }).text);
		const formal = by('formal');
		const friendly = by('friendly');
		expect(formal.filter((t) => /Благодарим|Признательны/.test(t)).length).toBeGreaterThan(10);
		expect(friendly.filter((t) => /Благодарим|Признательны/.test(t))).toEqual([]);
		expect(friendly.filter((t) => /!.*!/.test(t)).length).toBeGreaterThan(20);
		const empathetic = by('empathetic');
		expect(empathetic.filter((t) => /радост|приятн|тепл|душ|согрел|вдохновля/i.test(t)).length).toBeGreaterThan(20);
	});

	test('every intent has a non-trivial draft in every channel', () => {
		for (const intent of INTENTS)
			for (const channel of CHANNELS) {
				const t = draftFromTemplate(simple(intent, { channel, text: 'текст' })).text;
				expect(t.split(/[.!?]\s/).length).toBeGreaterThanOrEqual(3);
				expect(t).toMatch(/^(Здравствуйте|Добрый день)/);
			}
	});
});
