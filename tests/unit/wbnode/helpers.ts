import { WildberriesApi } from '../../../credentials/WildberriesApi.credentials';
import { createContext, type TestContext, type TestContextOptions } from '../../support/n8n-context';

export const BASE = 'http://wb.test';

export const credentials = {
	token: 'test-token',
	perCategory: false,
	customBaseUrls: true,
	feedbacksBaseUrl: `${BASE}/feedbacks`,
	chatBaseUrl: `${BASE}/chat`,
	marketplaceBaseUrl: `${BASE}/marketplace`,
	statisticsBaseUrl: `${BASE}/statistics`,
	contentBaseUrl: `${BASE}/content`,
	cardBaseUrl: `${BASE}/basket-{basket}`,
	feedbacksIntervalMs: 0,
	otherIntervalMs: 0,
};

export function context(options: TestContextOptions): TestContext {
	return createContext({
		credentials: { wildberriesApi: credentials },
		credentialTypes: { wildberriesApi: new WildberriesApi() },
		...options,
	});
}

export function feedback(id: string, createdDate: string, extra: Record<string, unknown> = {}) {
	return {
		id,
		text: `Отзыв ${id}: ткань тонкая, но сидит хорошо`,
		pros: '',
		cons: '',
		productValuation: 4,
		createdDate,
		answer: null,
		state: 'none',
		productDetails: { imtId: 1, nmId: 146972802, productName: 'Платье летнее', supplierArticle: 'PL-01', supplierName: 'ИП Тест', brandName: 'Тест', size: '44' },
		photoLinks: null,
		video: null,
		wasViewed: false,
		userName: 'Анна',
		...extra,
	};
}

export function feedbackPage(items: unknown[]) {
	return { data: { countUnanswered: items.length, countArchive: 0, feedbacks: items }, error: false, errorText: '', additionalErrors: null };
}
