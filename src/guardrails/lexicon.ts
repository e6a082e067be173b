// Word lists shared by several rules. Everything here is written for the NORMALISED text: lower case, "ё" as "е",
// hyphens as "-".

import type { Marketplace } from '../interaction';

/** Top-level domains a plain "name.tld" is read as an address for (generic, Russian and common country codes). */
export const LATIN_TLDS = [
	'ru', 'su', 'com', 'net', 'org', 'info', 'biz', 'pro', 'name', 'mobi', 'app', 'dev', 'io', 'ai', 'me', 'tv', 'cc',
	'co', 'ly', 'gl', 'be', 'ws', 'fm', 'gg', 'la', 'by', 'kz', 'ua', 'uz', 'kg', 'tj', 'md', 'ge', 'az', 'am', 'lv',
	'lt', 'ee', 'pl', 'de', 'fr', 'es', 'nl', 'ch', 'se', 'fi', 'dk', 'cz', 'sk', 'hu', 'ro', 'bg', 'rs', 'hr', 'si',
	'gr', 'tr', 'il', 'cn', 'jp', 'kr', 'us', 'uk', 'eu', 'ca', 'au', 'nz', 'br', 'mx', 'ae', 'vn', 'th', 'sg', 'hk',
	'tw', 'shop', 'store', 'online', 'site', 'club', 'xyz', 'top', 'link', 'click', 'space', 'website', 'tech',
	'market', 'moscow', 'spb', 'art', 'blog', 'live', 'life', 'world', 'today', 'news', 'media', 'digital', 'studio',
	'center', 'group', 'team', 'company', 'agency', 'fashion', 'style', 'design', 'beauty', 'fit', 'kids', 'family',
	'home', 'house', 'cafe', 'games', 'fun', 'buzz', 'icu', 'vip', 'best', 'plus', 'zone', 'cloud', 'host', 'email',
	'page', 'sale', 'deals', 'discount', 'boutique', 'clothing', 'shoes', 'bio', 'eco', 'expert', 'guru', 'ink',
	'red', 'pink', 'gold', 'land', 'tel', 'travel', 'wiki', 'work', 'run', 'dress', 'to', 'in', 'it', 'is', 'so', 'at',
	'ee', 'cz', 'id', 'ms', 'sh', 'ac', 'im', 'nu', 'xn--p1ai',
];

/** Cyrillic top-level domains, written with a dot ("вкусно.рф", "магазин.ру"). */
export const CYRILLIC_TLDS = ['рф', 'рус', 'онлайн', 'сайт', 'орг', 'ком', 'ру', 'бел', 'укр'];

/** A top-level domain spelled as a word after "точка"/"dot" ("сайт точка ру", "case-mir dot com"). */
export const SPELLED_TLDS = [
	'ру', 'ru', 'рф', 'rf', 'ком', 'com', 'нет', 'net', 'орг', 'org', 'инфо', 'info', 'шоп', 'shop', 'су', 'su',
	'про', 'pro', 'онлайн', 'online', 'ио', 'io', 'ми', 'me', 'бай', 'by', 'кз', 'kz', 'стор', 'store', 'сайт', 'site',
];

export function alternation(words: readonly string[]): string {
	return [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
}

/** Names of each marketplace as sellers and buyers write them. */
export const MARKETPLACE_NAMES: Record<Marketplace, string> = {
	wb: 'wildberries|вайлдберриз|вайлдбериз|валдберис|валберис|вайлдберис|wb|вб',
	ozon: 'ozon|озон[а-я]{0,3}',
	ym: 'яндекс[ -]?маркет[а-я]{0,2}|yandex[ -]?market|маркет(?:е|а|у|ом)?',
};

/** Other places to buy: naming them sends the buyer away from the marketplace. */
export const OTHER_PLATFORMS =
	'avito|авито|aliexpress|алиэкспресс[а-я]*|али[ -]?экспресс[а-я]*|lamoda|ламод[аеуы]|мегамаркет[а-я]*|megamarket|' +
	'сбер[ -]?мегамаркет[а-я]*|kazanexpress|казань[ -]?экспресс[а-я]*|магнит[ -]маркет[а-я]*|joom|amazon|амазон(?:е|а|у|ом)?|etsy|' +
	'ebay|temu|shein';
