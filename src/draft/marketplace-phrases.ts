import type { Marketplace } from '../interaction';

// Where things are in each marketplace's buyer account. The seller cannot refund, replace, cancel or deliver by
// itself, so every next step points here. Section names as the buyer apps show them: WB keeps orders in transit
// under «Доставки» and received ones under «Покупки» (returns start there); Ozon and Market keep both under
// «Заказы».

export interface MarketplacePhrases {
	/** "Wildberries" */
	name: string;
	/** "Wildberries", "Яндекс Маркета": after "поддержку", "правилам". */
	gen: string;
	/** "на Wildberries" */
	on: string;
	/** "в личном кабинете Wildberries" */
	account: string;
	/** The section with orders on their way. */
	orders: string;
	/** The section where a return starts. */
	returns: string;
	/** Where a buyer finds the order number, as a clause. */
	orderNumberWhere: string;
}

export const MARKETPLACE_PHRASES: Record<Marketplace, MarketplacePhrases> = {
	wb: {
		name: 'Wildberries',
		gen: 'Wildberries',
		on: 'на Wildberries',
		account: 'в личном кабинете Wildberries',
		orders: 'в разделе «Доставки»',
		returns: 'в разделе «Покупки»',
		orderNumberWhere: 'в личном кабинете Wildberries: в разделе «Доставки», если заказ ещё в пути, или в разделе «Покупки», если он уже получен, — в карточке товара',
	},
	ozon: {
		name: 'Ozon',
		gen: 'Ozon',
		on: 'на Ozon',
		account: 'в личном кабинете Ozon',
		orders: 'в разделе «Заказы»',
		returns: 'в разделе «Заказы»',
		orderNumberWhere: 'в личном кабинете Ozon, в разделе «Заказы»: он выглядит как 12345678-0001 и указан в карточке заказа',
	},
	ym: {
		name: 'Яндекс Маркет',
		gen: 'Яндекс Маркета',
		on: 'на Яндекс Маркете',
		account: 'в личном кабинете Яндекс Маркета',
		orders: 'в разделе «Заказы»',
		returns: 'в разделе «Заказы»',
		orderNumberWhere: 'в личном кабинете Яндекс Маркета, в разделе «Заказы», — в карточке нужного заказа',
	},
};
