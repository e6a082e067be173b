import { addressName } from '../draft/buyer-name';
import { MARKETPLACE_PHRASES } from '../draft/marketplace-phrases';
import { orderStatusPhrase } from '../draft/order-status';
import { shortProductName } from '../draft/product-name';
import { tidy } from '../draft/render';
import { makeChooser } from '../draft/variation';
import type { Marketplace } from '../interaction';
import type { LinkedOrder } from './fetched-order';

// The answer to the message that gave the order number: the buyer sees at once that the seller found their
// order ("Вижу, это заказ № … — «Кроссовки беговые», размер 42, сейчас в пути"), or is told the number was
// not found and where to look for the right one. Nothing is promised: no dates, no refund, no replacement.

export interface LinkedOrderReplyInput {
	/** Seed of the variation: the same message always gets the same text. */
	id: string;
	marketplace: Marketplace;
	buyerName?: string;
	/** The number the buyer gave. */
	orderNumber: string;
	/** The fetched order, or null when the marketplace has no order with that number. */
	order: LinkedOrder | null;
}

export interface LinkedOrderReply {
	text: string;
	templateId: 'linked_order.chat' | 'order_not_found.chat';
	variant: string;
}

const pick = (choose: ReturnType<typeof makeChooser>, key: string, options: readonly string[]) => {
	const i = choose(key, options.length);
	return { text: options[i], i };
};

export function linkedOrderReply(input: LinkedOrderReplyInput): LinkedOrderReply {
	const choose = makeChooser(input.id);
	const name = addressName(input.buyerName);
	const greeting = pick(choose, 'g', name ? [`${name}, здравствуйте!`, `Здравствуйте, ${name}!`] : ['Здравствуйте!', 'Добрый день!']);
	const parts: string[] = [greeting.text];
	const variant: string[] = [`g${greeting.i}`];

	if (!input.order) {
		const where = MARKETPLACE_PHRASES[input.marketplace].orderNumberWhere;
		const ack = pick(choose, 'a', ['Спасибо, что прислали номер.', 'Благодарим за номер заказа.']);
		const body = pick(choose, 'b', [
			`К сожалению, заказ № ${input.orderNumber} не нашёлся среди заказов нашего магазина.`,
			`Заказа с номером ${input.orderNumber} мы у себя, к сожалению, не видим.`,
		]);
		const next = pick(choose, 'n', [
			`Проверьте, пожалуйста, номер: его видно ${where}.`,
			`Пожалуйста, уточните номер — он указан ${where}.`,
		]);
		parts.push(ack.text, body.text, next.text);
		variant.push(`a${ack.i}`, `b${body.i}`, `n${next.i}`);
		return { text: tidy(parts.join(' ')), templateId: 'order_not_found.chat', variant: variant.join('.') };
	}

	const order = input.order;
	const product = shortProductName(order.productName);
	const ack = pick(choose, 'a', ['Спасибо, заказ нашли.', 'Спасибо за номер заказа.', 'Благодарим, заказ нашёлся.']);
	const what = [product ? `«${product}»` : undefined, order.size ? `размер ${order.size}` : undefined].filter(Boolean).join(', ');
	const body = pick(
		choose,
		'b',
		what
			? [`Вижу, это заказ № ${order.number}: ${what}.`, `Это заказ № ${order.number} — ${what}.`]
			: [`Вижу ваш заказ № ${order.number}.`, `Заказ № ${order.number} у нас перед глазами.`],
	);
	parts.push(ack.text, body.text);
	variant.push(`a${ack.i}`, `b${body.i}`);
	const status = orderStatusPhrase(order.status);
	if (status) {
		const s = pick(choose, 's', [`Сейчас он ${status}.`, `По нашим данным, сейчас он ${status}.`]);
		parts.push(s.text);
		variant.push(`s${s.i}`);
	}
	const next = pick(choose, 'n', [
		'Расскажите, пожалуйста, что случилось с заказом, — поможем разобраться.',
		'Напишите, пожалуйста, что именно не так, — разберёмся вместе.',
		'Опишите, пожалуйста, ваш вопрос по заказу — поможем.',
	]);
	parts.push(next.text);
	variant.push(`n${next.i}`);
	return { text: tidy(parts.join(' ')), templateId: 'linked_order.chat', variant: variant.join('.') };
}
