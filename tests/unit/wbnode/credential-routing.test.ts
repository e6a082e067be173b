import { WildberriesApi } from '../../../credentials/WildberriesApi.credentials';
import { wbBaseUrl, wbCategoryForUrl, wbTokenForCategory } from '../../../src/wb/credential-routing';

describe('WB credential routing', () => {
	const creds = {
		token: 'main-token',
		perCategory: true,
		tokenChat: 'chat-token',
		tokenFeedbacks: '',
		customBaseUrls: true,
		feedbacksBaseUrl: 'http://127.0.0.1:8787/wb/feedbacks/',
		chatBaseUrl: 'http://127.0.0.1:8787/wb/chat',
		cardBaseUrl: 'http://127.0.0.1:8787/wb/basket',
	};

	it('uses overrides only while custom base URLs are on', () => {
		expect(wbBaseUrl(creds, 'feedbacks')).toBe('http://127.0.0.1:8787/wb/feedbacks');
		expect(wbBaseUrl({ ...creds, customBaseUrls: false }, 'feedbacks')).toBe('https://feedbacks-api.wildberries.ru');
		expect(wbBaseUrl({}, 'card', '07')).toBe('https://basket-07.wbbasket.ru');
		expect(wbBaseUrl(creds, 'card', '18')).toBe('http://127.0.0.1:8787/wb/basket');
	});

	it('maps a URL to its category and picks the category token, falling back to the main one', () => {
		expect(wbCategoryForUrl(creds, 'http://127.0.0.1:8787/wb/chat/api/v1/seller/events')).toBe('chat');
		expect(wbCategoryForUrl(creds, 'http://127.0.0.1:8787/wb/basket/vol1/part1/1/info/ru/card.json')).toBeUndefined();
		expect(wbTokenForCategory(creds, 'chat')).toBe('chat-token');
		expect(wbTokenForCategory(creds, 'feedbacks')).toBe('main-token');
		expect(wbTokenForCategory({ ...creds, perCategory: false }, 'chat')).toBe('main-token');
	});

	it('authenticate sends the category token to API hosts and nothing to the card CDN', async () => {
		const credential = new WildberriesApi();
		const api = await credential.authenticate(creds, { url: 'http://127.0.0.1:8787/wb/chat/api/v1/seller/chats' });
		expect(api.headers).toEqual({ Authorization: 'chat-token' });
		const viaBase = await credential.authenticate(creds, { baseURL: 'http://127.0.0.1:8787/wb/feedbacks', url: '/api/v1/feedbacks/count-unanswered' });
		expect(viaBase.headers).toEqual({ Authorization: 'main-token' });
		const card = await credential.authenticate(creds, { url: 'http://127.0.0.1:8787/wb/basket/vol1/part1/100/info/ru/card.json' });
		expect(card.headers).toBeUndefined();
		const prodCard = await credential.authenticate({ token: 't' }, { url: 'https://basket-01.wbbasket.ru/vol1/part1/100/info/ru/card.json' });
		expect(prodCard.headers).toBeUndefined();
	});

	it('authenticate also reads the legacy `uri` that n8n\'s HTTP Request node passes instead of `url`', async () => {
		const credential = new WildberriesApi();
		const options = { uri: 'http://127.0.0.1:8787/wb/chat/api/v1/seller/chats', method: 'GET' } as unknown as Parameters<WildberriesApi['authenticate']>[1];
		const viaUri = await credential.authenticate(creds, options);
		expect(viaUri.headers).toEqual({ Authorization: 'chat-token' });
		const none = await credential.authenticate(creds, {} as Parameters<WildberriesApi['authenticate']>[1]);
		expect(none.headers).toBeUndefined();
	});
});
