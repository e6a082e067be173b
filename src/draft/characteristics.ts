import type { Characteristic } from './types';

// Answers about the product quote its own card: the characteristic whose name matches what the buyer asks
// ("из чего сделан?" → «Состав»), and for "подойдёт ли к iPhone 15?" the compatibility value with a check
// whether that model is named in it. Nothing is invented: without a matching characteristic the draft asks
// the buyer to clarify instead.

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е');
const words = (s: string) => norm(s).match(/[a-zа-я0-9]+/g) ?? [];

// What the buyer says → words of the characteristic names that answer it.
const CONCEPTS: Array<{ asks: RegExp; names: RegExp }> = [
	{
		asks: /состав|ткан|материал|из\s+чего|сделан|хлоп|синтет|натуральн|полиэстер|шерст|кож[аиу]|пластик|металл/,
		names: /состав|материал|ткан|верх|подклад|наполнител|покрыти/,
	},
	{ asks: /длин|длинн/, names: /длин/ },
	{ asks: /ширин|широк/, names: /ширин/ },
	{ asks: /высот|высок/, names: /высот/ },
	{ asks: /габарит|какого\s+размера|размеры\s+(?:товара|изделия|коробки|упаковки)|сколько\s+(?:см|сантиметр)/, names: /габарит|размер|длин|ширин|высот/ },
	{ asks: /(?<![а-я])вес(?:ит|а|е)?(?![а-я])|тяжел|легк(?:ий|ая|ое)/, names: /(?<![а-я])вес/ },
	{ asks: /стран|производств|где\s+(?:сделан|произвед)|произвед|китай|росси/, names: /стран|производ/ },
	{ asks: /цвет|оттен/, names: /цвет/ },
	{ asks: /объем|литр|(?<![а-я])мл(?![а-я])/, names: /объем|емкост/ },
	{ asks: /мощност|ватт|(?<![а-я])вт(?![а-я])/, names: /мощност/ },
	{ asks: /батаре|аккумулятор|заряд|мач|автономн|сколько\s+работает/, names: /аккумулятор|батаре|емкост|врем[яи]\s+работ|автономн/ },
	{ asks: /гарант/, names: /гарант/ },
	{ asks: /комплект|в\s+наборе|что\s+входит|в\s+коробке/, names: /комплект/ },
	{ asks: /совмест|подойдет|подходит|подойдут|для\s+(?:модели|телефона|устройства)/, names: /совмест|модел|назначени|для\s+(?:модели|устройств)/ },
	{ asks: /стир|уход|чист|мыть|гладить|сушить/, names: /уход|стирк|чистк/ },
	{ asks: /собрать|сборк|установ|монтаж|подключ|инструкц/, names: /сборк|установк|монтаж|инструкц|подключ/ },
	{ asks: /примен|использ|пользоваться|наносить/, names: /применени|использовани|инструкц|способ/ },
	{ asks: /сезон|зим|летн|лето|демисезон/, names: /сезон|температур/ },
	{ asks: /теплая|теплый|утепл|греет|мороз/, names: /утеплител|наполнител|температур/ },
	{ asks: /бренд|оригинал|производител|фирм/, names: /бренд|производител|стран/ },
	{ asks: /срок\s+годност|годен/, names: /срок\s+годност/ },
	{ asks: /размер\s+(?:экрана|дисплея)|диагонал/, names: /диагонал|экран|дисплей/ },
	{ asks: /памят|гб|gb/, names: /памят/ },
];

const STOP = new Set([
	'какой', 'какая', 'какое', 'какие', 'каким', 'какого', 'есть', 'ли', 'это', 'этот', 'эта', 'товар', 'товара', 'вас', 'для',
	'подскажите', 'пожалуйста', 'скажите', 'здравствуйте', 'добрый', 'день', 'спасибо', 'можно', 'будет', 'нужно', 'хочу',
	'сколько', 'как', 'что', 'где', 'или', 'там', 'тут', 'его', 'она', 'они', 'оно', 'если', 'тоже', 'также', 'очень',
]);

function sharesWord(a: string, b: string): boolean {
	const short = Math.min(a.length, b.length);
	if (short < 4) return a === b;
	let p = 0;
	while (p < short && a[p] === b[p]) p++;
	return p >= Math.min(5, short - 1);
}

/** Characteristics that answer the buyer's text, best first (at most `max`). */
export function matchCharacteristics(text: string, characteristics: readonly Characteristic[], max = 3): Characteristic[] {
	const t = norm(text);
	const asked = words(text).filter((w) => !STOP.has(w) && !/^\d+$/.test(w));
	const concepts = CONCEPTS.filter((c) => c.asks.test(t));
	const scored = characteristics.map((c, i) => {
		const name = norm(c.name);
		let score = 0;
		for (const concept of concepts) if (concept.names.test(name)) score += 2;
		const nameWords = words(c.name);
		for (const w of asked) if (nameWords.some((n) => sharesWord(w, n))) score += 1;
		return { c, i, score };
	});
	return scored
		.filter((s) => s.score > 0 && s.c.value.trim())
		.sort((a, b) => b.score - a.score || a.i - b.i)
		.slice(0, max)
		.map((s) => s.c);
}

/** The buyer names a property the card could answer ("состав", "срок годности", "какая длина"). */
export function asksAboutProperty(text: string): boolean {
	const t = norm(text);
	return CONCEPTS.some((c) => c.asks.test(t));
}

const COMPAT_NAME = /совмест|модел[ьи]\s+(?:устройств|телефон|смартфон)|для\s+модел|подходит\s+для|совместимые/;

/** "iPhone 15 Pro" from "подойдёт ли к iPhone 15 Pro?": a Latin model name, with its numbers. */
export function askedModel(text: string): string | undefined {
	const m =
		/(?:^|[\s(])(?:к|для|с|со|на|под)\s+([A-Za-z][\w+-]*(?:\s+(?:[A-Za-z][\w+-]*|\d{1,4}[A-Za-z+]*)){0,4})/.exec(text) ??
		/(?:^|[\s(])([A-Za-z][\w+-]*(?:\s+(?:[A-Za-z][\w+-]*|\d{1,4}[A-Za-z+]*)){0,4})/.exec(text) ??
		// Models written in Cyrillic ("на редми ноут 13 про"): words ending in a number, with a usual suffix.
		/(?:^|[\s(])(?:к|для|на|под)\s+((?:[а-яё]+\s+){1,2}\d{1,4}[а-яё]?(?:\s+(?:про|плюс|макс|ультра|мини|лайт|pro|plus|max|ultra|mini|lite))?)(?![а-яё\d])/i.exec(text);
	if (!m) return undefined;
	const model = m[1].trim().replace(/[?!.,]+$/, '');
	// One short Latin word ("ok", "USB") is not a model.
	return model.length >= 3 && (/\d/.test(model) || /\s/.test(model)) ? model : undefined;
}

export interface Compatibility {
	model?: string;
	/** The characteristic that lists compatible models. */
	item?: Characteristic;
	/** The asked model is named in a characteristic. */
	listed?: boolean;
	/** The characteristic that names it. */
	listedIn?: Characteristic;
}

const squash = (s: string) => norm(s).replace(/[^a-zа-я0-9]/g, '');

export function compatibility(text: string, characteristics: readonly Characteristic[]): Compatibility {
	const model = askedModel(text);
	const item = characteristics.find((c) => COMPAT_NAME.test(norm(c.name)) && c.value.trim());
	if (!model) return { item };
	const key = squash(model);
	const listedIn = key ? characteristics.find((c) => squash(c.value).includes(key)) : undefined;
	return { model, item, listed: !!listedIn, listedIn };
}

function clip(s: string, max: number): string {
	const t = s.replace(/\s+/g, ' ').trim();
	if (t.length <= max) return t;
	const cut = t.slice(0, max);
	const at = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf(' '));
	return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[,;:\s]+$/, '')}…`;
}

export function characteristicLabel(name: string): string {
	const n = name.replace(/\s+/g, ' ').trim().replace(/[:.]+$/, '');
	const lower = n.length > 1 && n[1] !== n[1].toUpperCase();
	return lower ? n[0].toLowerCase() + n.slice(1) : n;
}

/** "состав — 95% хлопок, 5% эластан; страна производства — Китай" */
export function describeCharacteristics(items: readonly Characteristic[], max: number, valueMax = 160): string {
	return items
		.slice(0, Math.max(1, max))
		.map((c) => `${characteristicLabel(c.name)} — ${clip(c.value, valueMax)}`)
		.join('; ');
}

export const quoteValue = (c: Characteristic, max = 200) => clip(c.value.replace(/[«»]/g, '"'), max);
