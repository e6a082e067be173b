import { classifyText } from '../../../src/classify/classifier';
import type { ClassifyInput } from '../../../src/classify/types';

const review = (text: string, rating?: number) => classifyText({ text, channel: 'review', rating });
const chat = (text: string) => classifyText({ text, channel: 'chat' });
const question = (text: string) => classifyText({ text, channel: 'question' });

describe('negation', () => {
	test('"не работает" is a defect, "всё работает" is praise', () => {
		expect(review('Колонка не работает').intent).toBe('defect_not_working');
		const ok = review('Колонка пришла, всё работает');
		expect(ok.intent).toBe('thanks');
		expect(ok.sentiment).toBe('positive');
	});

	test('"без брака", "брака нет", "дефектов не обнаружила" are not defects', () => {
		for (const text of ['Пришло без брака, спасибо', 'Брака нет, всё целое', 'Дефектов не обнаружила, хорошие']) {
			const r = review(text, 5);
			expect(r.intent).toBe('thanks');
			expect(r.sentiment).toBe('positive');
		}
	});

	test('"ни один не порвался" and "не рвутся" are praise', () => {
		expect(review('Ни один фильтр не порвался').sentiment).toBe('positive');
		expect(review('Плотные, не рвутся, рекомендую').intent).toBe('thanks');
	});

	test('"не подошёл размер" is a sizing problem, "размер подошёл" is praise', () => {
		expect(chat('Не подошёл размер, как обменять?').intent).toBe('sizing_fit');
		expect(review('Размер подошёл, ткань приятная').intent).toBe('thanks');
	});

	test('"не маломерит" is not a sizing complaint', () => {
		expect(review('Не маломерит, сидит отлично').intent).toBe('thanks');
	});

	test('"не плохо" reads positive, "не рекомендую" negative', () => {
		expect(review('Очень даже не плохо').sentiment).toBe('positive');
		const r = review('Тонкие, не рекомендую');
		expect(r.sentiment).toBe('negative');
	});

	test('"запаха нет" and "без посторонних запахов" are not quality complaints', () => {
		expect(review('Запаха нет, сидит хорошо').intent).toBe('thanks');
		expect(review('Без посторонних запахов, удобные').sentiment).toBe('positive');
	});

	test('negation stays inside its clause', () => {
		expect(review('Не дорого, но рвутся сразу').intent).toBe('defect_not_working');
	});
});

describe('mixed praise and problem', () => {
	test('the problem wins the intent and sentiment is neutral', () => {
		const r = review('Куртка тёплая и красивая, но молния сломалась через неделю', 5);
		expect(r.intent).toBe('defect_not_working');
		expect(r.sentiment).toBe('neutral');
	});

	test('a 5★ sizing remark is sizing_fit, not thanks', () => {
		const r = review('Отличные джинсы, но маломерят на размер', 5);
		expect(r.intent).toBe('sizing_fit');
		expect(r.sentiment).toBe('neutral');
	});

	test('a pure complaint is negative', () => {
		expect(review('Подошва отклеилась через неделю').sentiment).toBe('negative');
	});

	test('a question without evaluation is neutral', () => {
		expect(question('Какая длина шнура?').sentiment).toBe('neutral');
	});
});

describe('typos, ё and Latin look-alikes', () => {
	test('a Latin "a" inside "брак" still reads as a defect', () => {
		expect(review('Пришёл брaк').intent).toBe('defect_not_working');
	});

	test('ё and е are the same letter', () => {
		expect(review('Рвётся сразу').intent).toBe(review('Рвется сразу').intent);
	});

	test('a one-letter typo in a praise word still counts', () => {
		expect(review('Отчличные носки').sentiment).toBe('positive');
		expect(review('Хорошые').sentiment).toBe('positive');
	});

	test('stretched letters are collapsed', () => {
		expect(review('Спасибооо, всё супеер').sentiment).toBe('positive');
	});
});

describe('emotion cues', () => {
	test('😡 and insults are angry, a calm complaint is neutral', () => {
		expect(chat('Пришло 3 штуки вместо 5 😡').emotion).toBe('angry');
		expect(chat('Мошенники, прислали пустую коробку').emotion).toBe('angry');
		expect(chat('Пришёл брак, ручка не крутится').emotion).toBe('neutral');
	});

	test('CAPS shouting in a complaint is angry, in praise it is joy', () => {
		expect(chat('ГДЕ МОЙ ЗАКАЗ ВЫ ИЗДЕВАЕТЕСЬ').emotion).toBe('angry');
		expect(review('СУПЕР ПРОСТО ЛУЧШИЕ!!!').emotion).toBe('happy');
	});

	test('sad emoticons, "опять", "сколько можно" are frustrated', () => {
		expect(review('Ткань просвечивает((').emotion).toBe('frustrated');
		expect(chat('Опять перенесли доставку').emotion).toBe('frustrated');
		expect(chat('Сколько можно ждать заказ?').emotion).toBe('frustrated');
		expect(review('Шов разошёлся 😭').emotion).toBe('frustrated');
	});

	test('joy emoji and thanks are happy; plain praise and 👍 are neutral', () => {
		expect(review('Платье 😍').emotion).toBe('happy');
		expect(review('Спасибо, всё пришло').emotion).toBe('happy');
		expect(review('Хорошее качество').emotion).toBe('neutral');
		const thumbs = review('👍');
		expect(thumbs.emotion).toBe('neutral');
		expect(thumbs.sentiment).toBe('positive');
	});

	test('"норм" is positive sentiment with neutral emotion', () => {
		const r = review('норм');
		expect(r.sentiment).toBe('positive');
		expect(r.emotion).toBe('neutral');
	});

	test('strong adjectives and "не рекомендую" alone are not emotion', () => {
		expect(review('Отвратительное качество, не рекомендую').emotion).toBe('neutral');
	});

	test('a calm suspicion of a fake is neutral', () => {
		expect(review('Похоже на подделку, шрифт на коробке другой').emotion).toBe('neutral');
	});
});

describe('rating is evidence, not the answer', () => {
	test('a 5★ review that says the item runs small is sizing_fit', () => {
		expect(review('Маломерит на размер', 5).intent).toBe('sizing_fit');
	});

	test('a 1★ review saying "Отлично" is read from its text', () => {
		const r = review('Отлично, всем советую', 1);
		expect(r.intent).toBe('thanks');
		expect(r.sentiment).toBe('positive');
	});

	test('sentiment works on text alone', () => {
		expect(review('Рвутся при первом же использовании').sentiment).toBe('negative');
		expect(review('Отличные фильтры, беру постоянно').sentiment).toBe('positive');
	});

	test('with weak text the rating tips the balance', () => {
		const text = 'Немного маловаты, но норм';
		expect(review(text, 5).sentiment).toBe('positive');
		expect(review(text, 1).sentiment).not.toBe('positive');
	});
});

describe('tie-breaks of the taxonomy', () => {
	test('cause over remedy', () => {
		expect(chat('Пришёл брак, хочу вернуть деньги').intent).toBe('defect_not_working');
		expect(chat('Не подошёл размер, как обменять?').intent).toBe('sizing_fit');
		expect(chat('Как оформить возврат?').intent).toBe('refund_exchange');
		expect(chat('Передумала, отмените заказ').intent).toBe('cancel_request');
		expect(chat('Не понравилось, верну').intent).toBe('refund_exchange');
	});

	test('a different size than ordered is wrong_item; the ordered size that does not fit is sizing_fit', () => {
		expect(chat('Заказывала 44, пришёл 50').intent).toBe('wrong_item');
		expect(chat('Заказывала свой 44, но он мне мал').intent).toBe('sizing_fit');
	});

	test('broken is a defect, merely poor is quality', () => {
		expect(review('Ручка отломилась').intent).toBe('defect_not_working');
		expect(review('Пластик тонкий и гнётся').intent).toBe('quality_complaint');
		expect(review('Качество плохое, и крышка треснула').intent).toBe('defect_not_working');
	});

	test('a late order is delivery_delay even when asked "где"', () => {
		expect(chat('Где мой заказ? Жду уже две недели, обещали за три дня').intent).toBe('delivery_delay');
		expect(chat('Где мой заказ?').intent).toBe('delivery_status');
	});

	test('stock question vs size choice', () => {
		expect(question('Есть ли 44 размер?').intent).toBe('availability');
		expect(question('Какой размер взять на 44?').intent).toBe('sizing_fit');
	});

	test('compatibility vs spec vs how-to', () => {
		expect(question('Подойдёт к телефону Honor 90?').intent).toBe('compatibility');
		expect(question('Какая ёмкость аккумулятора?').intent).toBe('product_spec');
		expect(question('Как заряжать аккумулятор?').intent).toBe('usage_howto');
	});

	test('thanks only when nothing needs doing', () => {
		expect(review('Всё отлично, спасибо! Подскажите, как поменять насадку?', 5).intent).toBe('usage_howto');
		expect(review('Всё отлично, спасибо!', 5).intent).toBe('thanks');
	});

	test('delivery time before ordering is pre_purchase, after ordering it is status', () => {
		expect(question('Сколько идёт доставка до Омска?').intent).toBe('pre_purchase');
		expect(question('Заказала вчера, сколько идёт доставка до Омска?').intent).toBe('delivery_status');
	});

	test('own mistake is not a wrong item', () => {
		expect(chat('Выбрала по ошибке не тот цвет, отмените пожалуйста').intent).toBe('cancel_request');
	});

	test('problems read in other reviews do not count', () => {
		expect(question('Стоит ли брать? В отзывах пишут, что рвутся').intent).toBe('pre_purchase');
	});
});

describe('other', () => {
	test('empty, punctuation-only and gibberish texts are other', () => {
		for (const text of ['', '   ', '...', 'фывапролдж']) {
			const r = review(text);
			expect(r.intent).toBe('other');
			expect(r.sentiment).toBe('neutral');
		}
	});

	test('an empty text is surely other', () => {
		expect(review('').confidence).toBeGreaterThan(0.9);
	});

	test('a greeting alone is other', () => {
		expect(chat('Добрый день!').intent).toBe('other');
	});
});

describe('signals', () => {
	test('churn risk on return intent or never again', () => {
		expect(review('Больше не куплю у этого продавца').signals.churnRisk).toBe(true);
		expect(chat('Брак, хочу вернуть').signals.churnRisk).toBe(true);
		expect(review('Отличный товар').signals.churnRisk).toBe(false);
	});

	test('repeatContact counts buyer messages since the last seller reply, plus this one', () => {
		const base: ClassifyInput = { text: 'Ответьте уже', channel: 'chat' };
		expect(classifyText(base).signals.repeatContact).toBe(1);
		const history: ClassifyInput['history'] = [
			{ from: 'buyer', text: 'Где заказ?', at: '2025-03-01T10:00:00Z' },
			{ from: 'seller', text: 'Уточняем', at: '2025-03-01T11:00:00Z' },
			{ from: 'buyer', text: 'Есть новости?', at: '2025-03-02T10:00:00Z' },
			{ from: 'buyer', text: 'Алло', at: '2025-03-03T10:00:00Z' },
		];
		expect(classifyText({ ...base, history }).signals.repeatContact).toBe(3);
	});

	test('orderNumber comes from the order-number extractor of the item\'s marketplace', () => {
		const ozon = classifyText({ text: 'Заказ 45812937-0024 пришёл разбитый', channel: 'chat', marketplace: 'ozon' });
		expect(ozon.signals.orderNumber).toBe('45812937-0024');
		expect(classifyText({ text: 'Где мой заказ 58213467?', channel: 'chat', marketplace: 'ym' }).signals.orderNumber).toBe('58213467');
		expect(classifyText({ text: 'Где мой заказ 58213467?', channel: 'chat' }).signals.orderNumber).toBeNull();
		expect(classifyText({ text: 'Где мой заказ?', channel: 'chat', marketplace: 'wb' }).signals.orderNumber).toBeNull();
	});

	test('engine, confidence range and evidence', () => {
		const r = chat('Пришла разбитая тарелка');
		expect(r.engine).toBe('offline');
		expect(r.confidence).toBeGreaterThan(0);
		expect(r.confidence).toBeLessThanOrEqual(1);
		expect(r.evidence?.some((e) => e.startsWith('defect_not_working:'))).toBe(true);
	});

	test('a clear text is more confident than a vague one', () => {
		expect(chat('Отмените заказ пожалуйста').confidence).toBeGreaterThan(chat('ну такое').confidence);
	});
});

describe('input validation', () => {
	test('names the bad field', () => {
		expect(() => classifyText({ text: 5 as unknown as string, channel: 'chat' })).toThrow('"text"');
		expect(() => classifyText({ text: 'x', channel: 'email' as unknown as 'chat' })).toThrow('"channel"');
		expect(() => classifyText({ text: 'x', channel: 'review', rating: 7 })).toThrow('"rating"');
	});
});
