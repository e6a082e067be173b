import type { Marketplace } from '../../interaction';
import { B, E, type Doc, type Finding } from '../doc';
import { lazyScanner, PatternSet, type PatternSpec } from '../patternSet';
import { MARKETPLACE_NAMES, OTHER_PLATFORMS } from '../lexicon';
import { originalSpan } from '../normalize';

// Invitations to buy or talk outside the marketplace. The seller's own shop ON the marketplace is fine
// ("Будем рады видеть вас снова в нашем магазине!", "промокод на товары нашего бренда на Wildberries"), so
// "наш магазин" needs an outside cue (an address, "напрямую", "дешевле", another platform), while the seller's
// own site, app or showroom, other platforms, direct payment and asking for the buyer's contacts are flagged
// as they are.

const POSSESSIVE = '(?:наш|наша|наше|наши|нашего|нашей|нашему|нашем|нашим|нашими|наших|нашу)';
const OWN_CHANNEL =
	`(?:${POSSESSIVE}|фирменн[а-я]*|официальн[а-я]*|собственн[а-я]*)` +
		`\\s+(?:[а-я]+\\s+)?(?:интернет[ -]?магазин[а-я]*|сайт[а-я]*|веб[ -]?сайт[а-я]*|лендинг[а-я]*|` +
		`шоу[ -]?рум[а-я]*|салон[а-я]*|бутик[а-я]*|офлайн[а-я -]*магазин[а-я]*|оффлайн[а-я -]*магазин[а-я]*|` +
		`розничн[а-я]*\\s+магазин[а-я]*|точк[а-я]*\\s+продаж|пункт[а-я]*\\s+самовывоз[а-я]*)${E}`;
// "у нас на сайте", "у нас в шоуруме".
const AT_OURS =
	`у\\s+нас\\s+(?:[а-я]+\\s+)?(?:на|в)\\s+(?:[а-я]+\\s+)?(?:сайте|интернет[ -]?магазине|шоу[ -]?руме|салоне|бутике|офлайн[а-я -]*магазине|розничн[а-я]*\\s+магазине)${E}`;
// "интернет-магазин бренда", "сайт производителя", "шоурум на Садовой": an outside shop, whoever owns it.
const OUTSIDE_SHOP =
	`(?:интернет[ -]?магазин[а-я]*|шоу[ -]?рум[а-я]*|фирменн[а-я]*\\s+(?:[а-я]+\\s+)?магазин[а-я]*|сайт[а-я]*\\s+(?:бренда|производителя|фабрики|компании|магазина|продавца|мастерской))${E}`;
// "наш магазин", "наш офис", "наш склад": only with a cue in the same sentence.
// The seller's app: a product's companion app is "наше приложение" too, so only with a buying cue.
const OWN_APP = `${POSSESSIVE}\\s+(?:[а-я]+\\s+)?приложени[а-я]*${E}`;
const BUYING_CUE =
	/(?<![а-яa-z])(?:заказ[а-я]*|закаж[а-я]*|купи[а-я]*|покупк[а-я]*|скидк[а-я]*|промокод[а-я]*|код[а-я]*|купон[а-я]*|бонус[а-я]*|балл[а-я]*|дешевле|выгоднее|цен[аеуы])(?![а-яa-z])/;
const OWN_PLACE =
	`${POSSESSIVE}\\s+(?:[а-я]+\\s+)?(?:магазин[а-я]*|офис[а-я]*|склад[а-я]*|пункт[а-я]*|точк[а-я]*|студи[а-я]*|мастерск[а-я]*|производств[а-я]*)${E}`;
const OUTSIDE_CUE =
	/(?<![а-яa-z])(?:приезжайте|заезжайте|приходите|подъезжайте|самовывоз[а-я]*|заберете|забрать|по адресу|адрес[а-я]*|улиц[а-я]*|ул\.|в центре|тц|торгов[а-я]* центр[а-я]*|напрямую|дешевле|выгоднее|без наценк[а-я]*|без комисси[а-я]*|оплат[а-я]* на месте|наличн[а-я]*)(?![а-яa-z])/;

// Direct dealing.
const DIRECT = `напрямую${E}`;
const DIRECT_DEAL =
	/(?<![а-яa-z])(?:заказ[а-я]*|закаж[а-я]*|куп[а-я]*|покуп[а-я]*|прода[а-я]*|оформ[а-я]*|приобре[а-я]*|отправ[а-я]*|оплат[а-я]*|дешевл[а-я]*|выгодн[а-я]*|скидк[а-я]*|цен[аеуы]|общени[а-я]*|общаться|свяж[а-я]*|связ[а-я]*|пиш[а-я]*|напиш[а-я]*|обращ[а-я]*|контакт[а-я]*|у нас|с нами|к нам|нам|без [а-я]+)(?![а-яa-z])/;
const DIRECT_SUPPLY = /^\s*(?:у|с|со|от|из)\s+(?:[а-я]+\s+)?(?:фабрик|производител|завод|поставщик|бренд|изготовител|мастерск|фермер|импортер|дистрибьютор)/;
const STRONG =
	`(?:` +
		[
			'без\\s+(?:наценк|комисси|посредник)[а-я]*',
			'не\\s+(?:через|на)\\s+(?:площадк|маркетплейс|платформ|wb|вб|ozon|озон|маркет|wildberries|вайлдберриз)[а-я]*',
			'наложенн[а-я]*\\s+платеж[а-я]*',
			'(?:на|в|во)\\s+(?:других|другом|других\\s+[а-я]+|всех|любом|разных)\\s+(?:маркетплейс|площадк|интернет[ -]?магазин)[а-я]*',
			'(?:приезжайте|подъезжайте|заезжайте)\\s+(?:[а-я]+\\s+)?(?:к\\s+нам|в|на|за)',
			'(?:приходите|заходите)\\s+(?:к\\s+нам\\s+)?(?:в\\s+(?:наш[а-я]*\\s+)?(?:офис|шоу[ -]?рум|салон|бутик|пункт|мастерск)|на\\s+склад|по\\s+адресу)',
			'(?:позвоните|звоните|наберите|перезвоните)\\s+(?:нам|нашему|менеджеру|мастеру|технологу|в\\s+(?:офис|сервис|магазин|отдел))',
			'(?:свяж[а-я]+|связаться)\\s+(?:с\\s+(?:вами|нами)\\s+)?(?:по\\s+(?:телефону|почте|e-?mail|смс|sms)|в\\s+(?:мессенджер|личк|директ)[а-я]*)',
			'(?:вне|минуя|в обход|помимо|за пределами)\\s+(?:[а-я]+\\s+)?(?:площадк|маркетплейс|платформ|сайта)[а-я]*',
			'(?:дешевле|выгоднее|ниже|меньше),?\\s+чем\\s+(?:здесь|тут|на\\s+(?:площадк|маркетплейс|сайте|wb|вб|ozon|озон|маркет|wildberries|витрин)[а-я]*)',
			'(?:перевод(?:ом)?|оплат[а-я]*|предоплат[а-я]*)\\s+(?:[а-я]+\\s+)?(?:на\\s+(?:карт[а-я]*|сбер[а-я]*|тинькофф|т-банк|счет|кошел[а-я]*)|по\\s+(?:сбп|номеру\\s+(?:карты|телефона))|переводом|наличн[а-я]*|на месте|при встрече)',
			'(?:наш|мой)[а-я]*\\s+менеджер[а-я]*\\s+(?:сам[а-я]*\\s+)?(?:вам\\s+)?(?:позвонит|перезвонит|наберет|напишет)',
			'(?:позвоним|перезвоним|наберем|созвонимся)(?:\\s+вам)?',
			'(?:продолж|перенес|переведем|перейдем)[а-я]*\\s+(?:наше\\s+)?(?:общени|разговор|переписк|диалог)[а-я]*\\s+(?:напрямую|вне|в\\s+(?:мессенджер|телеграм|whatsapp|личк)|по\\s+телефону)',
			'(?:заказ[а-я]*|оформ[а-я]*|куп[а-я]*|приобре[а-я]*|прода[а-я]*)\\s+(?:[а-я]+\\s+)?(?:по телефону|через (?:менеджер|нас(?![а-я])|наш))',
		].join('|') +
		`)`;
// Asking for the buyer's contacts moves the conversation off the marketplace.
const ASK_CONTACT =
	`(?:оставьте|пришлите|напишите|продиктуйте|сообщите|скиньте|дайте|укажите|отправьте|присылайте)` +
		`(?:[\\s,]+[а-я]+){0,3}?[\\s,]+(?:свой|свои|ваш|ваши|личн[а-я]*)?\\s*(?:контакт[а-я]*|номер[а-я]*\\s+(?:телефон|мобильн)[а-я]*|` +
		`телефон[а-я]*|мобильн[а-я]*|почт[а-я]*|e-?mail|емейл|имейл|электронн[а-я]*\\s+почт[а-я]*|` +
		`(?:свой|ваш)\\s+номер(?!\\s+(?:заказа|отправлени|артикул|посылк|трек|договор|парти|чека|обращени|сборочн))[а-я]*)${E}`;
const NEGATED = /(?<![а-я])(?:не нужно|не надо|не требуется|не присылайте|не пишите|не оставляйте|не сообщайте|не указывайте|нельзя)(?![а-я])/;

const OWN_NAME = (Object.keys(MARKETPLACE_NAMES) as Marketplace[]).reduce(
	(acc, m) => acc.set(m, new RegExp(`${B}(?:${MARKETPLACE_NAMES[m]})${E}`)),
	new Map<Marketplace, RegExp>(),
);

// Platform names that are also ordinary words ("озон"/"озона" is ozone, "амазонит" a stone, "маркет" a shop)
// count only when written with a capital, as a name, or as a place ("на озоне").
const COMMON_WORD_PLATFORM = /^(?:озон|амазон|маркет)/;
function startsUpperCase(doc: Doc, index: number): boolean {
	const [s] = originalSpan(doc.norm, index, index + 1);
	const ch = doc.norm.original[s];
	return ch !== ch.toLowerCase();
}

const MESSAGE = 'invites the buyer to buy or talk outside the marketplace';

const after = (sentence: string, before: string, m: RegExpExecArray) => sentence.slice(before.length + m[0].length);

const COMMON: PatternSpec[] = [
	{ source: OWN_CHANNEL, message: MESSAGE },
	{ source: AT_OURS, message: MESSAGE },
	{ source: OWN_APP, when: (s) => BUYING_CUE.test(s), message: MESSAGE },
	// "интернет-магазин Wildberries" is the marketplace itself.
	{
		source: OUTSIDE_SHOP,
		when: (s, b, m, doc) => !(OWN_NAME.get(doc.marketplace) as RegExp).test(after(s, b, m).slice(0, 30)),
		message: MESSAGE,
	},
	{ source: OWN_PLACE, when: (s) => OUTSIDE_CUE.test(s), message: MESSAGE },
	{
		source: DIRECT,
		when: (s, b, m) => !DIRECT_SUPPLY.test(after(s, b, m)) && DIRECT_DEAL.test(b + ' ' + after(s, b, m)),
		message: MESSAGE,
	},
	{ source: STRONG, message: MESSAGE },
	{ source: ASK_CONTACT, when: (s) => !NEGATED.test(s), message: "asks for the buyer's contacts to talk outside the marketplace" },
];

/** Which platforms are "other" depends on the marketplace the reply is for. */
function platformPatterns(marketplace: Marketplace): PatternSpec[] {
	const others = (Object.keys(MARKETPLACE_NAMES) as Marketplace[]).filter((m) => m !== marketplace).map((m) => MARKETPLACE_NAMES[m]);
	return [
		{
			source: `(?:${[...others, OTHER_PLATFORMS].join('|')})${E}`,
			when: (s, b, m, doc) => !COMMON_WORD_PLATFORM.test(m[0]) || startsUpperCase(doc, m.index) || /(?:^|\s)(?:на|в|во|через)\s+$/.test(b),
			message: 'names another selling platform',
		},
		{
			source: `(?:без|минуя|в обход|кроме)\\s+(?:${MARKETPLACE_NAMES[marketplace]}|маркетплейс[а-я]*|площадк[а-я]*)${E}`,
			message: MESSAGE,
		},
	];
}

export const OFF_PLATFORM_PATTERNS = [
	new PatternSet('off_platform', COMMON),
	...(Object.keys(MARKETPLACE_NAMES) as Marketplace[]).map((m) => new PatternSet('off_platform', platformPatterns(m), undefined, m)),
];
const SCANNER = lazyScanner(OFF_PLATFORM_PATTERNS);

export function checkOffPlatform(doc: Doc): Finding[] {
	const out: Finding[] = [];
	SCANNER.scan(doc, out);
	return out;
}
