import { describeWbError, retryAfterMs, wbErrorText } from '../../../src/wb/errors';
import { ERRORS } from './fixtures';

describe('wbErrorText', () => {
	it('reads every host shape', () => {
		expect(wbErrorText(ERRORS.feedbacks403)).toBe('Ошибка авторизации');
		expect(wbErrorText(ERRORS.answer400)).toBe('content-type header not specified');
		expect(wbErrorText(ERRORS.gateway401)).toMatch(/^token problem; token is malformed/);
		expect(wbErrorText(ERRORS.chatInvalidSignature)).toBe('Invalid signature');
		expect(wbErrorText(ERRORS.marketplaceAccessDenied)).toBe('Доступ запрещён');
		expect(wbErrorText(ERRORS.statisticsDateFrom)).toBe('dateFrom: field required');
		expect(wbErrorText(ERRORS.statisticsDateFromString)).toBe('dateFrom: Value not validated');
		expect(
			wbErrorText({ title: 'AccessDenied', detail: '', errors: [{ location: 'orders', message: 'too many', value: 0 }] }),
		).toBe('orders: too many');
	});

	it('reads JSON text, ignores HTML pages and empty bodies', () => {
		expect(wbErrorText(JSON.stringify(ERRORS.feedbacks404))).toBe('Не найден отзыв');
		expect(wbErrorText('<html><body>502 Bad Gateway</body></html>')).toBeUndefined();
		expect(wbErrorText('')).toBeUndefined();
		expect(wbErrorText(undefined)).toBeUndefined();
		expect(wbErrorText({ error: true, errorText: '' })).toBeUndefined();
	});
});

describe('describeWbError', () => {
	it('403 on the feedbacks host names the category and what to do', () => {
		const described = describeWbError(403, ERRORS.feedbacks403, 'feedbacks');
		expect(described.message).toBe("The Wildberries token has no access to the 'Feedbacks and questions' category");
		expect(described.description).toContain("Create a token with the 'Feedbacks and questions' category");
		expect(described.description).toContain("set a per-category token for 'Feedbacks and questions' in the credential");
		expect(described.description).toContain('Wildberries said: "Ошибка авторизации"');
		expect(described.description).toContain('Request ID: 734c9ea8-39e5-45c9-8cad-f03c13f733e9');
		expect(described.category).toBe('Feedbacks and questions');
	});

	it('403 on the marketplace host names Marketplace', () => {
		const described = describeWbError(403, ERRORS.marketplaceAccessDenied, 'marketplace');
		expect(described.message).toBe("The Wildberries token has no access to the 'Marketplace' category");
		expect(described.apiMessage).toBe('Доступ запрещён');
	});

	it('401 says the token was rejected, unless WB says the scope is missing', () => {
		const rejected = describeWbError(401, ERRORS.gateway401, 'chat');
		expect(rejected.message).toBe('The Wildberries token was rejected (401 Unauthorized)');
		expect(rejected.description).toContain('token is malformed');
		expect(rejected.requestId).toBe('7b80742415072fe8b6b7f7761f1d1211');
		const scope = describeWbError(401, { ...ERRORS.gateway401, detail: 'token scope not allowed' }, 'statistics');
		expect(scope.message).toBe("The Wildberries token has no access to the 'Statistics' category");
	});

	it('402 explains the business-solutions balance', () => {
		const described = describeWbError(402, ERRORS.gateway402, 'feedbacks');
		expect(described.message).toMatch(/payment/i);
		expect(described.description).toContain('top up the balance');
	});

	it('429 quotes the limits of the host and the wait from the headers', () => {
		const described = describeWbError(429, ERRORS.gateway429, 'feedbacks', { 'X-Ratelimit-Retry': '2' });
		expect(described.message).toBe("Wildberries rate limit reached for the 'Feedbacks and questions' API (429 Too Many Requests)");
		expect(described.retryAfterSeconds).toBe(2);
		expect(described.description).toContain('3 requests per second');
		expect(described.description).toContain('Wait 2 s before retrying.');
		const chat = describeWbError(429, ERRORS.gateway429, 'chat');
		expect(chat.retryAfterSeconds).toBeUndefined();
		expect(chat.description).toContain('10 requests per 10 seconds');
		expect(describeWbError(429, ERRORS.gateway429, 'marketplace').description).toContain('every 4xx answer counts as 10 requests');
	});

	it('400 on the chat host explains a bad reply signature and a bad cursor', () => {
		const signature = describeWbError(400, ERRORS.chatInvalidSignature, 'chat');
		expect(signature.message).toBe('Wildberries rejected the request (400 Bad Request): Invalid signature');
		expect(signature.description).toContain('replySign');
		expect(signature.description).toContain('the chat ID is not a signature');
		expect(describeWbError(400, ERRORS.chatInvalidNext, 'chat').description).toContain('milliseconds');
	});

	it('400 on the feedbacks and statistics hosts passes WB text on', () => {
		expect(describeWbError(400, ERRORS.feedbacksDateFrom400, 'feedbacks').message).toBe(
			'Wildberries rejected the request (400 Bad Request): Плохой формат dateFrom',
		);
		expect(describeWbError(400, ERRORS.statisticsDateFrom, 'statistics').description).toContain('Check the dates');
	});

	it('404 differs between an API and the card CDN', () => {
		expect(describeWbError(404, ERRORS.feedbacks404, 'feedbacks').description).toContain('Не найден отзыв');
		expect(describeWbError(404, '', 'card').message).toBe('No product card on this Wildberries basket host (404)');
		expect(describeWbError(404, '', 'card').category).toBeUndefined();
	});

	it('422, 451, 5xx, a 200 error envelope and anything else', () => {
		expect(
			describeWbError(422, { data: null, error: true, errorText: 'Не удалось отредактировать вопрос' }, 'feedbacks').message,
		).toBe('Wildberries could not process the request (422): Не удалось отредактировать вопрос');
		expect(describeWbError(451, { status: 451, title: 'Unavailable For Legal Reasons', detail: 'moderation error' }, 'chat').message).toMatch(
			/moderation/,
		);
		const server = describeWbError(503, '<html>503</html>', 'statistics');
		expect(server.message).toBe('Wildberries server error (503)');
		expect(server.apiMessage).toBeUndefined();
		expect(describeWbError(200, { data: null, error: true, errorText: 'Ошибка' }, 'feedbacks').message).toBe(
			'Wildberries reported an error: Ошибка',
		);
		expect(describeWbError(409, ERRORS.marketplaceIncorrectParameter, 'marketplace').message).toMatch(/409 Conflict/);
		expect(describeWbError(418, null, 'content').message).toBe('Wildberries answered with status 418');
	});
});

describe('retryAfterMs', () => {
	it('reads X-Ratelimit-Retry first, case-insensitively', () => {
		expect(retryAfterMs({ 'x-ratelimit-retry': '3', 'retry-after': '30' })).toBe(3000);
		expect(retryAfterMs({ 'X-RATELIMIT-RETRY': 1.5 })).toBe(1500);
		expect(retryAfterMs({ 'X-Ratelimit-Retry': ['4'] })).toBe(4000);
	});

	it('falls back to Retry-After, then X-Ratelimit-Reset', () => {
		expect(retryAfterMs({ 'Retry-After': '7' })).toBe(7000);
		expect(retryAfterMs({ 'X-Ratelimit-Reset': '5', 'X-Ratelimit-Limit': '6' })).toBe(5000);
		expect(retryAfterMs({ 'X-Ratelimit-Retry': 'soon', 'X-Ratelimit-Reset': '5' })).toBe(5000);
	});

	it('reads an HTTP date only when told the time', () => {
		const headers = { 'Retry-After': 'Wed, 19 Aug 2026 10:00:10 GMT' };
		expect(retryAfterMs(headers)).toBeUndefined();
		expect(retryAfterMs(headers, { nowMs: Date.UTC(2026, 7, 19, 10, 0, 0) })).toBe(10000);
		expect(retryAfterMs(headers, { nowMs: Date.UTC(2026, 7, 19, 11, 0, 0) })).toBe(0);
	});

	it('caps the wait (a base token may be told to wait an hour)', () => {
		expect(retryAfterMs({ 'X-Ratelimit-Retry': '3600' })).toBe(60000);
		expect(retryAfterMs({ 'X-Ratelimit-Retry': '3600' }, { maxMs: 5000 })).toBe(5000);
		expect(retryAfterMs({ 'X-Ratelimit-Retry': '3600' }, { maxMs: Infinity })).toBe(3600000);
	});

	it('is undefined without a usable header', () => {
		expect(retryAfterMs(undefined)).toBeUndefined();
		expect(retryAfterMs({})).toBeUndefined();
		expect(retryAfterMs({ 'Retry-After': '', 'X-Ratelimit-Retry': '-1' })).toBeUndefined();
	});
});
