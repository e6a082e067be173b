import { asPhrase, optionsFor } from '../render';
import type { Block, Flag, ToneOptions } from '../template-types';
import { TONES, type Tone } from '../types';

/** A block whose options all carry extra conditions (e.g. one closing for reviews, another for questions). */
export function gate(block: Block, when: readonly Flag[] = [], unless: readonly Flag[] = []): ToneOptions {
	const out = {} as Record<Tone, ToneOptions[Tone]>;
	for (const tone of TONES) {
		out[tone] = optionsFor(block, tone).map((o) => {
			const p = asPhrase(o);
			return { ...p, when: [...(p.when ?? []), ...when], unless: [...(p.unless ?? []), ...unless] };
		});
	}
	return out;
}

/** Options of several blocks side by side. */
export function combine(...blocks: Block[]): ToneOptions {
	const out = {} as Record<Tone, ToneOptions[Tone]>;
	for (const tone of TONES) out[tone] = blocks.flatMap((b) => optionsFor(b, tone));
	return out;
}

// Blocks most replies share. The name is only ever used in address, so it is never inflected.

export const GREETINGS: Block = {
	formal: [
		{ text: 'Здравствуйте, {name}!', when: ['name'] },
		{ text: '{name}, здравствуйте!', when: ['name'] },
		{ text: 'Добрый день, {name}!', when: ['name'] },
		{ text: 'Здравствуйте!', unless: ['name'] },
		{ text: 'Добрый день!', unless: ['name'] },
	],
	empathetic: [
		{ text: '{name}, здравствуйте!', when: ['name'] },
		{ text: 'Здравствуйте, {name}!', when: ['name'] },
		{ text: '{name}, добрый день!', when: ['name'] },
		{ text: 'Здравствуйте!', unless: ['name'] },
		{ text: 'Добрый день!', unless: ['name'] },
	],
	friendly: [
		{ text: '{name}, добрый день!', when: ['name'] },
		{ text: '{name}, здравствуйте!', when: ['name'] },
		{ text: 'Приветствуем, {name}!', when: ['name'], unless: ['upset', 'negative'] },
		{ text: 'Добрый день!', unless: ['name'] },
		{ text: 'Здравствуйте!', unless: ['name'] },
		{ text: 'Приветствуем!', unless: ['name', 'upset', 'negative'] },
	],
};

/** After praise: an invitation to come back. */
export const CLOSE_POSITIVE: Block = {
	formal: [
		'Будем рады видеть вас снова!',
		'Ждём вас [снова|вновь] в нашем магазине!',
		'Благодарим, что выбираете нас.',
		'Всего доброго!',
		'Желаем вам [хорошего|отличного] дня!',
		'Будем рады вашим [новым заказам|следующим покупкам].',
		'Надеемся на [новые встречи|новые покупки]!',
		'До новых встреч!',
		'Всегда рады видеть вас среди наших покупателей.',
		'Ждём вас за новыми покупками!',
		'Хорошего вам дня и приятных покупок!',
	],
	empathetic: [
		'Пусть покупки приносят вам только радость!',
		'Будем [очень|искренне] рады видеть вас снова!',
		'Спасибо, что вы с нами!',
		'Желаем вам [прекрасного|чудесного] настроения!',
		'С теплом ждём вас снова!',
		'Пусть каждый день будет таким же приятным, как эта покупка!',
		'Берегите себя, до новых встреч!',
		'Нам очень приятно, что вы с нами.',
		'Ждём вас снова — всегда рады!',
		'Пусть у вас всё будет хорошо!',
	],
	friendly: [
		'Заглядывайте к нам ещё!',
		'До новых покупок!',
		'Ждём вас снова!',
		'Хорошего дня!',
		'Отличного [вам|] настроения!',
		'Приятных покупок!',
		'До скорых встреч!',
		'Будем рады новым встречам!',
		'Всего самого доброго!',
		'Ждём вас за новыми покупками!',
	],
};

/** After a problem: thanks for telling and, in a chat, an open door. */
export const CLOSE_PROBLEM: Block = {
	formal: [
		'Благодарим за обратную связь.',
		'Спасибо, что сообщили нам об этом.',
		'Благодарим за понимание.',
		{ text: 'Всего доброго.', unless: ['upset'] },
		{ text: 'Если возникнут вопросы, пишите в этот чат.', when: ['chat'] },
		{ text: 'Мы на связи и готовы помочь.', when: ['chat'] },
		{ text: 'Ваш отзыв помогает нам работать лучше.', when: ['review'] },
	],
	empathetic: [
		'Спасибо, что рассказали нам об этом, — это очень важно.',
		{ text: 'Надеемся, что следующая покупка принесёт только радость.', unless: ['chat'] },
		'Спасибо за терпение и понимание.',
		{ text: 'Мы рядом, если понадобится помощь.', when: ['chat'] },
		{ text: 'Пишите, если что-то будет непонятно, — поможем.', when: ['chat'] },
		{ text: 'Нам правда важно, чтобы покупки вас радовали.', when: ['review'] },
	],
	friendly: [
		'Спасибо, что написали!',
		'Спасибо, что рассказали!',
		{ text: 'Надеемся, дальше всё будет только хорошо!', unless: ['angry'] },
		{ text: 'Если что — пишите, мы на связи!', when: ['chat'] },
		{ text: 'Будем рады помочь, если появятся вопросы!', when: ['chat'] },
		{ text: 'Спасибо, что помогаете нам стать лучше!', when: ['review'] },
	],
};

/** After an answer to a question. */
export const CLOSE_INFO: Block = {
	formal: [
		{ text: 'Будем рады помочь с выбором.', unless: ['review'] },
		'Если у вас остались вопросы, задавайте — с удовольствием ответим.',
		{ text: 'Благодарим за интерес к нашему магазину.', unless: ['review'] },
		'Хорошего дня!',
		'Всего доброго!',
	],
	empathetic: [
		'Надеемся, ответ был полезен.',
		{ text: 'Будем рады, если покупка вас порадует!', unless: ['review'] },
		'Если появятся сомнения, спрашивайте — поможем.',
		'Хорошего вам дня!',
		'Очень надеемся, что смогли помочь.',
	],
	friendly: [
		'Обращайтесь, если появятся вопросы!',
		'Приятных покупок!',
		'Хорошего дня!',
		'Будем рады помочь!',
		'Спрашивайте, если что-то ещё интересно!',
	],
};

/** After practical help with an order (status, return, cancellation, use). */
export const CLOSE_SERVICE: Block = {
	formal: [
		'Если возникнут вопросы, мы на связи.',
		'Всего доброго!',
		'Хорошего дня!',
		'Будем рады помочь, если понадобится.',
		'Благодарим за обращение.',
	],
	empathetic: [
		'Надеемся, ответ был полезен.',
		'Очень надеемся, что смогли помочь.',
		'Хорошего вам дня!',
		'Если что-то останется непонятным, мы рядом.',
	],
	friendly: ['Обращайтесь, если появятся вопросы!', 'Хорошего дня!', 'Будем рады помочь!', 'Всего доброго!'],
};

/** A question-like intent inside a public review ("отличное платье, будут ли другие цвета?"). */
export const REVIEW_ACK: Block = {
	formal: ['Благодарим за отзыв.', 'Спасибо, что поделились впечатлениями.', 'Благодарим за ваш отзыв и вопрос.'],
	empathetic: ['Спасибо, что нашли время написать отзыв.', 'Спасибо за отзыв — нам важно ваше мнение.', 'Спасибо, что поделились с нами.'],
	friendly: ['Спасибо за отзыв!', 'Спасибо, что поделились!', 'Спасибо, что написали!'],
};

/** Question acknowledgements, with the review variant for the review channel. */
export function questionAck(question: Block): ToneOptions {
	return combine(gate(question, [], ['review']), gate(REVIEW_ACK, ['review']));
}
