import type { Intent } from '../../../src/classify/types';
import type { DraftInput, DraftProduct, Tone } from '../../../src/draft/types';
import type { Channel, Marketplace } from '../../../src/interaction';

export const MARKETPLACES: Marketplace[] = ['wb', 'ozon', 'ym'];
export const CHANNELS: Channel[] = ['review', 'question', 'chat'];
export const TONE_LIST: Tone[] = ['formal', 'empathetic', 'friendly'];

/** A WB clothing card as content-api returns it (characteristics), with the seller's size chart. */
export const DRESS: DraftProduct = {
	name: 'Платье женское летнее из льна',
	characteristics: [
		{ name: 'Состав', value: 'лён 70%; хлопок 30%' },
		{ name: 'Страна производства', value: 'Россия' },
		{ name: 'Уход за вещами', value: 'деликатная стирка при 30 °C, не отбеливать' },
		{ name: 'Длина изделия по спинке', value: '112 см' },
		{ name: 'Сезон', value: 'лето' },
	],
	sizeTable: {
		columns: ['Российский размер', 'Обхват груди, см', 'Обхват талии, см', 'Обхват бедер, см', 'Рост, см'],
		rows: [
			{ size: '42', values: ['42', '82-86', '62-66', '88-92', '158-164'] },
			{ size: '44', values: ['44', '86-90', '66-70', '92-96', '164-170'] },
			{ size: '46', values: ['46', '90-94', '70-74', '96-100', '164-170'] },
			{ size: '48', values: ['48', '94-98', '74-78', '100-104', '170-176'] },
			{ size: '50', values: ['50', '98-102', '78-82', '104-108', '170-176'] },
		],
	},
};

/** An Ozon accessory card: compatibility as a characteristic. */
export const CASE: DraftProduct = {
	name: 'Чехол-книжка для смартфона Apple iPhone 15, 15 Pro, черный, магнитный',
	characteristics: [
		{ name: 'Совместимые модели', value: 'Apple iPhone 15, Apple iPhone 15 Pro' },
		{ name: 'Материал', value: 'экокожа, поликарбонат' },
		{ name: 'Цвет', value: 'черный' },
	],
};

export const CHARGER: DraftProduct = {
	name: 'Зарядное устройство USB-C 65 Вт',
	characteristics: [
		{ name: 'Мощность', value: '65 Вт' },
		{ name: 'Совместимость', value: 'MacBook Air M2, iPad Pro, смартфоны с USB-C' },
		{ name: 'Гарантийный срок', value: '12 месяцев' },
		{ name: 'Комплектация', value: 'зарядное устройство, кабель USB-C 1 м' },
	],
};

export interface Scenario {
	name: string;
	text: string;
	rating?: number;
	buyerName?: string;
	emotion: DraftInput['classification']['emotion'];
	sentiment: DraftInput['classification']['sentiment'];
	signals?: DraftInput['classification']['signals'];
	product?: DraftProduct;
	order?: DraftInput['order'];
	signature?: string;
}

/** Contexts that switch every flag of the templates on at least once. */
export const SCENARIOS: Scenario[] = [
	{ name: 'bare', text: 'Здравствуйте', emotion: 'neutral', sentiment: 'neutral' },
	{
		name: 'dress, upset repeat buyer with an order',
		text: 'Третий раз пишу!!! Рост 168, ОГ 88, какой размер брать? Хочу поменять на другой размер',
		rating: 1,
		buyerName: 'Ирина',
		emotion: 'angry',
		sentiment: 'negative',
		signals: { churnRisk: true, repeatContact: 3, orderNumber: null },
		product: DRESS,
		order: { number: '1234567890', productName: 'Платье женское летнее из льна', size: '46', status: 'sorted' },
	},
	{
		name: 'case, happy, listed model',
		text: 'Подойдёт к iPhone 15? Спасибо, всё супер 😍',
		rating: 5,
		buyerName: 'Константин',
		emotion: 'happy',
		sentiment: 'positive',
		product: CASE,
	},
	{ name: 'case, unlisted model', text: 'подойдет к Samsung Galaxy S24?', emotion: 'neutral', sentiment: 'neutral', product: CASE },
	{ name: 'charger, spec asked', text: 'Какая мощность и что в комплекте?', rating: 4, emotion: 'neutral', sentiment: 'positive', product: CHARGER },
	{ name: 'Cyrillic model, no card', text: 'на редми ноут 13 про подойдет?', emotion: 'frustrated', sentiment: 'neutral' },
	{ name: 'numbers, no card', text: 'Подойдет на матрас 160х200 высотой 25 см?', emotion: 'neutral', sentiment: 'neutral' },
	{ name: 'spec asked, no card', text: 'Какой состав?', rating: 3, emotion: 'neutral', sentiment: 'neutral' },
	{
		name: 'placeholder name, long Ozon title, ordered size',
		text: 'маломерит, взяла свой обычный',
		rating: 2,
		buyerName: 'Покупатель',
		emotion: 'frustrated',
		sentiment: 'negative',
		product: { ...DRESS, name: 'Платье женское летнее из льна миди с поясом и карманами, оверсайз, бежевое, большие размеры' },
		order: { number: '28374610-0009', size: '46', status: 'delivered' },
		signature: 'С уважением, команда «Лён и хлопок»',
	},
	{
		name: 'Ozon order, cancelled',
		text: 'где мой заказ 28374610-0009?',
		emotion: 'neutral',
		sentiment: 'neutral',
		signals: { orderNumber: '28374610-0009', repeatContact: 1 },
		order: { number: '28374610-0009', status: 'cancelled' },
	},
];

export function inputFor(
	scenario: Scenario,
	intent: Intent,
	opts: { marketplace?: Marketplace; channel?: Channel; tone?: Tone; id?: string } = {},
): DraftInput {
	const marketplace = opts.marketplace ?? 'wb';
	const channel = opts.channel ?? 'review';
	return {
		interaction: {
			id: opts.id ?? `${marketplace}:${channel}:${scenario.name}`,
			marketplace,
			channel,
			text: scenario.text,
			rating: channel === 'review' ? scenario.rating : undefined,
			buyerName: scenario.buyerName,
		},
		classification: { intent, emotion: scenario.emotion, sentiment: scenario.sentiment, signals: scenario.signals },
		tone: opts.tone ?? 'formal',
		product: scenario.product,
		order: scenario.order,
		signature: scenario.signature,
	};
}

/** A plain input for one intent. */
export function simple(intent: Intent, over: Partial<DraftInput['interaction']> = {}, rest: Partial<DraftInput> = {}): DraftInput {
	return {
		interaction: { id: 'wb:question:1', marketplace: 'wb', channel: 'question', text: '', ...over },
		classification: { intent, emotion: 'neutral', sentiment: 'neutral' },
		tone: 'formal',
		...rest,
	};
}

/** Every text a "[a|b]" pattern can produce. */
export function expansions(pattern: string): string[] {
	const m = /\[([^[\]]*)\]/.exec(pattern);
	if (!m) return [pattern];
	return m[1].split('|').flatMap((alt) => expansions(pattern.slice(0, m.index) + alt + pattern.slice(m.index + m[0].length)));
}
