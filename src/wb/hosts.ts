import { WbInputError } from './validation';

// WB splits its seller API over one host per token category; a token works only on the hosts of the
// categories it was created with, which is why errors name the category (see errors.ts).
export type WbHost = 'feedbacks' | 'chat' | 'marketplace' | 'statistics' | 'content' | 'card';

export const WB_HOSTS: readonly WbHost[] = ['feedbacks', 'chat', 'marketplace', 'statistics', 'content', 'card'];

/** Production hosts. `card` is the public product-card CDN, a template filled with a basket number. */
export const WB_DEFAULT_BASE_URLS: Readonly<Record<WbHost, string>> = {
	feedbacks: 'https://feedbacks-api.wildberries.ru',
	chat: 'https://buyer-chat-api.wildberries.ru',
	marketplace: 'https://marketplace-api.wildberries.ru',
	statistics: 'https://statistics-api.wildberries.ru',
	content: 'https://content-api.wildberries.ru',
	card: 'https://basket-{basket}.wbbasket.ru',
};

/** Official sandbox hosts from the specs' `servers` lists; the buyers chat has none. */
export const WB_SANDBOX_BASE_URLS: Readonly<Partial<Record<WbHost, string>>> = {
	feedbacks: 'https://feedbacks-api-sandbox.wildberries.ru',
	marketplace: 'https://marketplace-api-sandbox.wildberries.ru',
	statistics: 'https://statistics-api-sandbox.wildberries.ru',
};

/** The token category as the seller portal names it; `null` where no token is needed. */
export const WB_CATEGORY_BY_HOST: Readonly<Record<WbHost, string | null>> = {
	feedbacks: 'Feedbacks and questions',
	chat: 'Buyers chat',
	marketplace: 'Marketplace',
	statistics: 'Statistics',
	content: 'Content',
	card: null,
};

export const BASKET_PLACEHOLDER = '{basket}';

/**
 * The base URL for a host, without a trailing slash: an override (a sandbox or a test server) wins over
 * the default. The card host needs the basket number (see basket.ts).
 */
export function wbBaseUrl(
	host: WbHost,
	options: { baseUrls?: Partial<Record<WbHost, string>>; basket?: string } = {},
): string {
	const override = options.baseUrls?.[host];
	const base = (override && override.trim() !== '' ? override.trim() : WB_DEFAULT_BASE_URLS[host]).replace(/\/+$/, '');
	if (!base.includes(BASKET_PLACEHOLDER)) return base;
	if (options.basket === undefined || !/^\d{2,3}$/.test(options.basket)) {
		throw new WbInputError(
			'basket',
			`basket must be a two- or three-digit basket number such as "01" to build ${base} (got ${JSON.stringify(options.basket)})`,
		);
	}
	return base.split(BASKET_PLACEHOLDER).join(options.basket);
}
