import type { ReplyTemplate } from '../template-types';
import { CLOSE_POSITIVE, gate } from './shared';

// Drafts for a purpose rather than an intent.

/** In a chat: ask for the order number and say where the marketplace's app shows it. */
export const ASK_ORDER_NUMBER: ReplyTemplate = {
	id: 'ask_order_number',
	acknowledgement: {
		formal: [
			'Благодарим за обращение!',
			'Спасибо, что написали.',
			{ text: 'Сожалеем, что возникла такая ситуация, — поможем разобраться.', when: ['upset'], prefer: true },
		],
		empathetic: [
			'Понимаем, и хотим помочь как можно скорее.',
			'Спасибо, что написали, — разберёмся вместе.',
			{ text: 'Нам очень жаль, что так вышло, — обязательно разберёмся.', when: ['upset'], prefer: true },
		],
		friendly: [
			'Спасибо, что написали!',
			'Сейчас разберёмся!',
			{ text: 'Жаль, что так вышло, — давайте разбираться!', when: ['upset'], prefer: true },
		],
	},
	body: [
		'Чтобы [проверить заказ|разобраться в ситуации], пришлите, пожалуйста, номер заказа.',
		'Подскажите, пожалуйста, номер вашего заказа — так мы быстрее найдём его и проверим.',
		'Напишите, пожалуйста, номер заказа, чтобы мы могли всё проверить.',
	],
	nextStep: [
		'Номер можно найти {mp.orderNumberWhere}.',
		'Его видно {mp.orderNumberWhere}.',
		{ text: 'Номер можно найти {mp.orderNumberWhere}. Если не получается, пришлите скриншот карточки заказа.', unless: ['ozon'] },
	],
	closing: {
		formal: ['Как только получим номер, проверим заказ.', 'Будем ждать вашего ответа.', 'Благодарим за помощь.'],
		empathetic: ['Как только получим номер, сразу займёмся вашим вопросом.', 'Будем ждать вашего ответа.', 'Спасибо за терпение.'],
		friendly: ['Ждём номер — и сразу проверим!', 'Будем ждать вашего ответа!', 'Спасибо!'],
	},
};

/**
 * WB's paid "chat with a buyer who left a review": thanks for a good review, related products by name and
 * article (searchable on the marketplace, no links) and the seller's marketplace promo code as given.
 */
export const FIVE_STAR_UPSELL: ReplyTemplate = {
	id: 'five_star_upsell',
	acknowledgement: {
		formal: [
			{ text: 'Благодарим за пять звёзд и отзыв о {p.pre}!', when: ['r5'] },
			{ text: 'Благодарим за отзыв и высокую оценку {p.gen}!', when: ['high'] },
			'Спасибо, что оставили отзыв о {p.pre}, — нам очень приятно.',
			'Благодарим за [тёплый|добрый] отзыв о {p.pre}.',
		],
		empathetic: [
			'Ваш отзыв о {p.pre} нас очень порадовал — спасибо!',
			'Так приятно читать ваш отзыв о {p.pre}!',
			'Спасибо, что поделились впечатлениями о {p.pre}, — это очень ценно для нас.',
		],
		friendly: [
			{ text: 'Спасибо за отзыв и пять звёзд!', when: ['r5'] },
			'Спасибо за отзыв о {p.pre} — [это лучший повод для улыбки|отличное начало дня] для нашей команды!',
			'Спасибо [большое|огромное] за отзыв о {p.pre}!',
		],
	},
	body: gate({
		formal: [
			{ text: 'Возможно, вам [понравятся|пригодятся] и другие наши товары: {related}.', when: ['relatedMany'] },
			{ text: 'Позвольте порекомендовать и другие наши товары: {related}.', when: ['relatedMany'] },
			{ text: 'Если захотите дополнить покупку, обратите внимание на эти товары: {related}.', when: ['relatedMany'] },
			{ text: 'Возможно, вам [понравится|пригодится] и другой наш товар — {related}.', unless: ['relatedMany'] },
			{ text: 'Позвольте порекомендовать и ещё один наш товар — {related}.', unless: ['relatedMany'] },
		],
		empathetic: [
			{ text: 'Нам кажется, вам могут понравиться и эти товары: {related}.', when: ['relatedMany'] },
			{ text: 'Мы подобрали то, что может вас порадовать: {related}.', when: ['relatedMany'] },
			{ text: 'Возможно, вас заинтересуют и эти товары: {related}.', when: ['relatedMany'] },
			{ text: 'Нам кажется, вам может понравиться и этот товар — {related}.', unless: ['relatedMany'] },
			{ text: 'Мы подобрали то, что может вас порадовать, — {related}.', unless: ['relatedMany'] },
		],
		friendly: [
			{ text: 'Кстати, присмотритесь и к этим товарам: {related}.', when: ['relatedMany'] },
			{ text: 'Вам могут понравиться и эти наши товары: {related}.', when: ['relatedMany'] },
			{ text: 'Если захочется ещё чего-то приятного, вот наши товары: {related}.', when: ['relatedMany'] },
			{ text: 'Кстати, присмотритесь и к этому товару — {related}.', unless: ['relatedMany'] },
			{ text: 'Вам может понравиться и этот наш товар — {related}.', unless: ['relatedMany'] },
		],
	}, ['related']),
	nextStep: [
		{ text: 'Для следующего заказа дарим вам промокод {promo}: его можно ввести при оформлении заказа {mp.on}.', when: ['promo'] },
		{ text: 'Специально для вас — промокод {promo} на следующую покупку {mp.on}.', when: ['promo'] },
		{ text: 'Ваш промокод на следующий заказ {mp.on}: {promo}.', when: ['promo'] },
		{ text: 'Их легко найти по артикулу в поиске {mp.gen}.', when: ['relatedArticles', 'relatedMany'], unless: ['promo'] },
		{ text: 'Его легко найти по артикулу в поиске {mp.gen}.', when: ['relatedArticles'], unless: ['promo', 'relatedMany'] },
		{ text: 'Их можно найти по названию в нашем магазине {mp.on}.', when: ['relatedMany'], unless: ['relatedArticles', 'promo'] },
		{ text: 'Его можно найти по названию в нашем магазине {mp.on}.', when: ['related'], unless: ['relatedArticles', 'promo', 'relatedMany'] },
	],
	closing: CLOSE_POSITIVE,
};
