import {
	WB_CATEGORY_BY_HOST,
	WB_DEFAULT_BASE_URLS,
	WB_HOSTS,
	WB_SANDBOX_BASE_URLS,
	wbBaseUrl,
} from '../../../src/wb/hosts';
import { WbInputError } from '../../../src/wb/validation';

describe('WB hosts', () => {
	it('has the production host of every spec', () => {
		expect(WB_DEFAULT_BASE_URLS).toEqual({
			feedbacks: 'https://feedbacks-api.wildberries.ru',
			chat: 'https://buyer-chat-api.wildberries.ru',
			marketplace: 'https://marketplace-api.wildberries.ru',
			statistics: 'https://statistics-api.wildberries.ru',
			content: 'https://content-api.wildberries.ru',
			card: 'https://basket-{basket}.wbbasket.ru',
		});
	});

	it('names the token category of every host, none for the public card CDN', () => {
		expect(WB_CATEGORY_BY_HOST.feedbacks).toBe('Feedbacks and questions');
		expect(WB_CATEGORY_BY_HOST.chat).toBe('Buyers chat');
		expect(WB_CATEGORY_BY_HOST.marketplace).toBe('Marketplace');
		expect(WB_CATEGORY_BY_HOST.statistics).toBe('Statistics');
		expect(WB_CATEGORY_BY_HOST.content).toBe('Content');
		expect(WB_CATEGORY_BY_HOST.card).toBeNull();
		expect(Object.keys(WB_CATEGORY_BY_HOST).sort()).toEqual([...WB_HOSTS].sort());
	});

	it('knows that the buyers chat has no sandbox', () => {
		expect(WB_SANDBOX_BASE_URLS.chat).toBeUndefined();
		expect(WB_SANDBOX_BASE_URLS.feedbacks).toBe('https://feedbacks-api-sandbox.wildberries.ru');
	});

	it('prefers an override and strips the trailing slash', () => {
		expect(wbBaseUrl('feedbacks')).toBe('https://feedbacks-api.wildberries.ru');
		expect(wbBaseUrl('feedbacks', { baseUrls: { feedbacks: 'http://127.0.0.1:4010/wb/' } })).toBe('http://127.0.0.1:4010/wb');
		expect(wbBaseUrl('chat', { baseUrls: { chat: '  ' } })).toBe('https://buyer-chat-api.wildberries.ru');
	});

	it('fills the basket into the card host and insists on one', () => {
		expect(wbBaseUrl('card', { basket: '18' })).toBe('https://basket-18.wbbasket.ru');
		expect(wbBaseUrl('card', { basket: '18', baseUrls: { card: 'http://localhost:9/cdn/{basket}' } })).toBe('http://localhost:9/cdn/18');
		expect(() => wbBaseUrl('card')).toThrow(WbInputError);
		expect(() => wbBaseUrl('card', { basket: '1' })).toThrow(/basket must be a two- or three-digit basket number/);
	});
});
