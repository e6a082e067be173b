import { WB_DEFAULT_BASE_URLS, wbBaseUrl as hostBaseUrl } from './hosts';

// Which base URL and which token a WB request uses, from the credential's fields. WB scopes tokens by API
// category and a seller may hold one token for all categories or one per category; the request's host decides.

export type WbApiCategory = 'feedbacks' | 'chat' | 'marketplace' | 'statistics' | 'content';

export const WB_API_CATEGORIES: readonly WbApiCategory[] = ['feedbacks', 'chat', 'marketplace', 'statistics', 'content'];

/** Production hosts, as the API modules know them (src/wb/hosts.ts). */
export const WB_PRODUCTION_BASE_URLS: Readonly<Record<WbApiCategory | 'card', string>> = WB_DEFAULT_BASE_URLS;

/** Names the credential's fields use for each category (the card CDN has no token). */
export const WB_CATEGORY_LABELS: Record<WbApiCategory, string> = {
	feedbacks: 'Feedbacks and Questions',
	chat: 'Buyers Chat',
	marketplace: 'Marketplace (FBS Orders)',
	statistics: 'Statistics',
	content: 'Content',
};

type CredentialData = Record<string, unknown>;

function trimSlash(url: string): string {
	return url.replace(/\/+$/, '');
}

export function capitalise(key: string): string {
	return key.charAt(0).toUpperCase() + key.slice(1);
}

/**
 * The base URL in force: the override only counts while "Custom Base URLs" is on. The card host needs the basket
 * number that replaces {basket}.
 */
export function wbBaseUrl(credentials: CredentialData, host: WbApiCategory | 'card', basket?: string): string {
	const override = credentials.customBaseUrls ? String(credentials[`${host}BaseUrl`] ?? '') : '';
	return hostBaseUrl(host, { baseUrls: { [host]: override }, basket });
}

/** The API category a full request URL belongs to, or undefined for any other host (then no token is sent). */
export function wbCategoryForUrl(credentials: CredentialData, url: string): WbApiCategory | undefined {
	let best: { category: WbApiCategory; length: number } | undefined;
	for (const category of WB_API_CATEGORIES) {
		const base = wbBaseUrl(credentials, category);
		if ((url === base || url.startsWith(base + '/') || url.startsWith(base + '?')) && (!best || base.length > best.length)) {
			best = { category, length: base.length };
		}
	}
	return best?.category;
}

export function wbTokenForCategory(credentials: CredentialData, category: WbApiCategory): string {
	if (credentials.perCategory) {
		const specific = String(credentials[`token${capitalise(category)}`] ?? '').trim();
		if (specific) return specific;
	}
	return String(credentials.token ?? '').trim();
}

export function joinUrl(base: string, path: string): string {
	return trimSlash(base) + (path.startsWith('/') ? path : `/${path}`);
}
