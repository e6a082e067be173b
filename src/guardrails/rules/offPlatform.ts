import type { Marketplace } from '../../interaction';
import { B, E, eachMatch, type Doc, type Finding } from '../doc';
import { MARKETPLACE_NAMES, OTHER_PLATFORMS } from '../lexicon';

// Invitations to buy or talk outside the marketplace. The seller's own shop ON the marketplace is fine
// ("Будем рады видеть вас снова в нашем магазине!", "промокод на товары нашего бренда на Wildberries"), so
// "наш магазин" needs an outside cue (an address, "напрямую", "дешевле", another platform), while the seller's
// own site, app or showroom, other platforms, direct payment and asking for the buyer's contacts are flagged
// as they are.

const POSSESSIVE = '(?:наш|наша|наше|наши|нашего|нашей|нашему|нашем|нашим|нашими|наших|нашу)';
const OWN_CHANNEL = new RegExp(
	`${B}(?:${POSSESSIVE}|фирменн[а-я]*|официальн[а-я]*|собственн[а-я]*)` +
		`\\s+(?:[а-я]+\\s+)?(?:интернет[ -]?магазин[а-я]*|сайт[а-я]*|веб[ -]?сайт[а-я]*|лендинг[а-я]*|` +
		`шоу[ -]?рум[а-я]*|салон[а-я]*|бутик[а-я]*|офлайн[а-я -]*магазин[а-я]*|оффлайн[а-я -]*магазин[а-я]*|` +
		`розничн[а-я]*\\s+магазин[а-я]*|точк[а-я]*\\s+продаж|пункт[а-я]*\\s+самовывоз[а-я]*)${E}`,
	'g',
);
// "у нас на сайте", "у нас в шоуруме".
const AT_OURS = new RegExp(
	`${B}у\\s+нас\\s+(?:[а-я]+\\s+)?(?:на|в)\\s+(?:[а-я]+\\s+)?(?:сайте|интернет[ -]?магазине|шоу[ -]?руме|салоне|бутике|офлайн[а-я -]*магазине|розничн[а-я]*\\s+магазине)${E}`,
	'g',
);
// "интернет-магазин бренда", "сайт производителя", "шоурум на Садовой": an outside shop, whoever owns it.
const OUTSIDE_SHOP = new RegExp(
	`${B}(?:интернет[ -]?магазин[а-я]*|шоу[ -]?рум[а-я]*|сайт[а-я]*\\s+(?:бренда|производителя|фабрики|компании|магазина|продавца|мастерской))${E}`,
	'g',
);
// "наш магазин", "наш офис", "наш склад": only with a cue in the same sentence.
// The seller's app: a product's companion app is "наше приложение" too, so only with a buying cue.
const OWN_APP = new RegExp(`${B}${POSSESSIVE}\\s+(?:[а-я]+\\s+)?приложени[а-я]*${E}`, 'g');
const BUYING_CUE =
	/(?<![а-яa-z])(?:заказ[а-я]*|закаж[а-я]*|купи[а-я]*|покупк[а-я]*|скидк[а-я]*|промокод[а-я]*|код[а-я]*|купон[а-я]*|бонус[а-я]*|балл[а-я]*|дешевле|выгоднее|цен[аеуы])(?![а-яa-z])/;
const OWN_PLACE = new RegExp(
	`${B}${POSSESSIVE}\\s+(?:[а-я]+\\s+)?(?:магазин[а-я]*|офис[а-я]*|склад[а-я]*|точк[а-я]*|студи[а-я]*|мастерск[а-я]*|производств[а-я]*)${E}`,
	'g',
);
const OUTSIDE_CUE =
	/(?<![а-яa-z])(?:приезжайте|заезжайте|приходите|подъезжайте|самовывоз[а-я]*|заберете|забрать|по адресу|адрес[а-я]*|улиц[а-я]*|ул\.|в центре|тц|торгов[а-я]* центр[а-я]*|напрямую|дешевле|выгоднее|без наценк[а-я]*|без комисси[а-я]*|оплат[а-я]* на месте|наличн[а-я]*)(?![а-яa-z])/;

// Direct dealing.
const DIRECT = new RegExp(`${B}напрямую${E}`, 'g');
const DIRECT_DEAL =
	/(?<![а-яa-z])(?:заказ[а-я]*|закаж[а-я]*|куп[а-я]*|покуп[а-я]*|прода[а-я]*|оформ[а-я]*|приобре[а-я]*|отправ[а-я]*|оплат[а-я]*|дешевл[а-я]*|выгодн[а-я]*|скидк[а-я]*|цен[аеуы]|общени[а-я]*|общаться|свяж[а-я]*|связ[а-я]*|пиш[а-я]*|напиш[а-я]*|обращ[а-я]*|контакт[а-я]*|у нас|с нами|к нам|нам|без [а-я]+)(?![а-яa-z])/;
const DIRECT_SUPPLY = /^\s*(?:у|с|со|от|из)\s+(?:[а-я]+\s+)?(?:фабрик|производител|завод|поставщик|бренд|изготовител|мастерск|фермер|импортер|дистрибьютор)/;
const STRONG = new RegExp(
	`${B}(?:` +
		[
			'без\\s+(?:наценк|комисси|посредник)[а-я]*',
			'(?:вне|минуя|в обход|помимо|за пределами)\\s+(?:[а-я]+\\s+)?(?:площадк|маркетплейс|платформ|сайта)[а-я]*',
			'(?:дешевле|выгоднее|ниже|меньше),?\\s+чем\\s+(?:здесь|тут|на\\s+(?:площадк|маркетплейс|сайте|wb|вб|ozon|озон|маркет|wildberries|витрин)[а-я]*)',
			'(?:перевод(?:ом)?|оплат[а-я]*|предоплат[а-я]*)\\s+(?:[а-я]+\\s+)?(?:на\\s+(?:карт[а-я]*|сбер[а-я]*|тинькофф|т-банк|счет|кошел[а-я]*)|по\\s+(?:сбп|номеру\\s+(?:карты|телефона))|переводом|наличн[а-я]*|на месте|при встрече)',
			'(?:наш|мой)[а-я]*\\s+менеджер[а-я]*\\s+(?:сам[а-я]*\\s+)?(?:вам\\s+)?(?:позвонит|перезвонит|наберет|напишет)',
			'(?:позвоним|перезвоним|наберем|созвонимся)(?:\\s+вам)?',
			'(?:продолж|перенес|переведем|перейдем)[а-я]*\\s+(?:наше\\s+)?(?:общени|разговор|переписк|диалог)[а-я]*\\s+(?:напрямую|вне|в\\s+(?:мессенджер|телеграм|whatsapp|личк)|по\\s+телефону)',
			'(?:заказ[а-я]*|оформ[а-я]*|куп[а-я]*|приобре[а-я]*|прода[а-я]*)\\s+(?:[а-я]+\\s+)?(?:по телефону|через (?:менеджер|нас(?![а-я])|наш))',
		].join('|') +
		`)`,
	'g',
);
// Asking for the buyer's contacts moves the conversation off the marketplace.
const ASK_CONTACT = new RegExp(
	`${B}(?:оставьте|пришлите|напишите|продиктуйте|сообщите|скиньте|дайте|укажите|отправьте|присылайте)` +
		`(?:\\s+[а-я,]+){0,3}?\\s+(?:свой|свои|ваш|ваши|личн[а-я]*)?\\s*(?:контакт[а-я]*|номер[а-я]*\\s+(?:телефон|мобильн)[а-я]*|` +
		`телефон[а-я]*|мобильн[а-я]*|почт[а-я]*|e-?mail|емейл|имейл|электронн[а-я]*\\s+почт[а-я]*|` +
		`(?:свой|ваш)\\s+номер(?!\\s+(?:заказа|отправлени|артикул|посылк|трек|договор|парти|чека|обращени|сборочн))[а-я]*)${E}`,
	'g',
);
const NEGATED = /(?<![а-я])(?:не нужно|не надо|не требуется|не присылайте|не пишите|не оставляйте|не сообщайте|не указывайте|нельзя)(?![а-я])/;

const platformRegexes = new Map<Marketplace, { other: RegExp; bypassOwn: RegExp }>();
function platformRegex(marketplace: Marketplace) {
	let r = platformRegexes.get(marketplace);
	if (!r) {
		const others = (Object.keys(MARKETPLACE_NAMES) as Marketplace[])
			.filter((m) => m !== marketplace)
			.map((m) => MARKETPLACE_NAMES[m]);
		r = {
			other: new RegExp(`${B}(?:${[...others, OTHER_PLATFORMS].join('|')})${E}`, 'g'),
			bypassOwn: new RegExp(`${B}(?:без|минуя|в обход|кроме)\\s+(?:${MARKETPLACE_NAMES[marketplace]}|маркетплейс[а-я]*|площадк[а-я]*)${E}`, 'g'),
		};
		platformRegexes.set(marketplace, r);
	}
	return r;
}
const OWN_NAME = (Object.keys(MARKETPLACE_NAMES) as Marketplace[]).reduce(
	(acc, m) => acc.set(m, new RegExp(`${B}(?:${MARKETPLACE_NAMES[m]})${E}`)),
	new Map<Marketplace, RegExp>(),
);

const MESSAGE = 'invites the buyer to buy or talk outside the marketplace';

export function checkOffPlatform(doc: Doc): Finding[] {
	const text = doc.text;
	const out: Finding[] = [];
	const add = (start: number, end: number, message = MESSAGE) => out.push({ rule: 'off_platform', start, end, message });
	const sentenceOf = (pos: number) => {
		const [s, e] = doc.sentence(pos);
		return text.slice(s, e);
	};
	eachMatch(OWN_CHANNEL, text, (m) => add(m.index, m.index + m[0].length));
	eachMatch(AT_OURS, text, (m) => add(m.index, m.index + m[0].length));
	eachMatch(OWN_APP, text, (m) => {
		if (BUYING_CUE.test(sentenceOf(m.index))) add(m.index, m.index + m[0].length);
	});
	eachMatch(OUTSIDE_SHOP, text, (m) => {
		const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
		if (OWN_NAME.get(doc.marketplace)?.test(after)) return;
		add(m.index, m.index + m[0].length);
	});
	eachMatch(OWN_PLACE, text, (m) => {
		const sentence = sentenceOf(m.index);
		if (OUTSIDE_CUE.test(sentence)) add(m.index, m.index + m[0].length);
	});
	eachMatch(DIRECT, text, (m) => {
		const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
		if (DIRECT_SUPPLY.test(after)) return;
		const sentence = sentenceOf(m.index).replace(m[0], ' ');
		if (DIRECT_DEAL.test(sentence)) add(m.index, m.index + m[0].length);
	});
	eachMatch(STRONG, text, (m) => add(m.index, m.index + m[0].length));
	eachMatch(ASK_CONTACT, text, (m) => {
		if (!NEGATED.test(sentenceOf(m.index))) add(m.index, m.index + m[0].length, 'asks for the buyer\'s contacts to talk outside the marketplace');
	});
	const { other, bypassOwn } = platformRegex(doc.marketplace);
	eachMatch(other, text, (m) => add(m.index, m.index + m[0].length, 'names another selling platform'));
	eachMatch(bypassOwn, text, (m) => add(m.index, m.index + m[0].length));
	return out;
}
