import { B, E, type Doc, type Finding } from '../doc';
import { lazyScanner, PatternSet } from '../patternSet';

// A messenger or social network is a violation when it is offered as a way to reach the seller; the same names
// as product features ("часы показывают уведомления из WhatsApp") are clean. So a name counts only when its
// sentence also carries a contact cue: an imperative or first-person contact verb ("напишите", "пришлю",
// "подписывайтесь"), the seller's possessive ("в нашем Telegram"), a channel/group/handle word, a number or an
// "@handle". Private-message words ("в личку", "в директ") and "@handle" are contact routes by themselves.

// Names with their inflections; spelling variants and slang included.
const NAMES = [
	// WhatsApp
	"what'?s[ -]?app[a-z]*",
	'wh?ats?ap+[a-z]*',
	'v?vat[sc]ap+[a-z]*',
	'vot?sap+[a-z]*',
	'wa\\.me',
	'wa',
	'(?:в|у)?(?:а|о)т[сц]ап+[а-я]*',
	'вацап+[а-я]*',
	'ватс(?:е|у|ом)?',
	'в[ао]тс[ -]ап+[а-я]*',
	// Telegram
	'telegra[a-z]*',
	'teleg[ae]',
	'tg',
	'телеграм+[а-я]*',
	// Latin "l"/"g" have no Cyrillic look-alike to fold into.
	'те[лl]е[гg]рам+[а-я]*',
	'инста[гg]рам+[а-я]*',
	'телег(?:а|е|у|ой|и)',
	'тг',
	'тгк',
	// Viber
	'viber[a-z]*',
	'v[ai]iber',
	'вайбер[а-я]*',
	'вибер[а-я]*',
	// VK, Odnoklassniki
	'vk',
	'вк',
	'vkontakte',
	'вконтакт[а-я]*',
	'одноклассник[а-я]*',
	'ok\\.ru',
	// Instagram, Facebook and others
	'instagram[a-z]*',
	'insta',
	'инстаграм+[а-я]*',
	'инст(?:а|у|е|ой|ы)?',
	'facebook',
	'фейсбук[а-я]*',
	'фб',
	'tiktok',
	'тик[ -]?ток[а-я]*',
	'youtube',
	'ютуб[а-я]*',
	'skype',
	'скайп[а-я]*',
	'discord',
	'дискорд[а-я]*',
	'wechat',
	'icq',
	'аськ[а-я]*',
	'threads',
	'дзен[а-я]*',
	'dzen',
	'rutube',
	'рутуб[а-я]*',
	'pinterest',
	'пинтерест[а-я]*',
	'мессенджер[а-я]*',
	'месседжер[а-я]*',
	'соцсет[а-я]*',
	'социальн[а-я]*\\s+сет[а-я]*',
].join('|');
const NAME = `(?:${NAMES})${E}`;

// MAX (VK's messenger) is a common word ("Pro Max", "макс. нагрузка"): only after "в/через/мессенджер".
const MAX = `(?:в|во|через|мессенджер[а-я]*)\\s+(?:max|макс(?:е|у|ом)?|мах(?:е|у)?)${E}(?!\\s?[.\\d])`;

// Long names spelled with gaps ("W h a t s A p p", "т.е.л.е.г.р.а.м"): an obfuscation, flagged without a cue.
const spaced = (word: string) => word.split('').join('[\\s._*·|/\\\\-]{1,2}');
const SPACED =
	`(?:${['whatsapp', 'telegram', 'instagram', 'viber', 'вотсап', 'ватсап', 'телеграм', 'инстаграм', 'вайбер', 'вконтакте'].map(spaced).join('|')})`;

// Contact routes by themselves.
const PRIVATE =
	`(?:личк[а-я]*|(?:в|во)\\s+лс|лс(?:ку|ке)?|директ(?:е|у|а)?|direct|(?:в|in)\\s+(?:dm|пм)|личн(?:ые|ых|ым|ое|ом)\\s+(?:сообщени|переписк)[а-я]*)(?![a-zа-я0-9-])`;
const HANDLE = '(?<![a-zа-я0-9._%+-])@[a-z0-9_][a-z0-9_.]{2,}[a-z0-9_]';
const NICK = `(?:ник|никнейм|логин|юзернейм|username)[а-я]*\\s*[:—-]?\\s*[a-z0-9_.]*_[a-z0-9_.]+`;

const CONTACT_CUE = new RegExp(
	`${B}(?:` +
		[
			'напиш[а-я]*',
			'пиш(?:ите|и|ем|у)',
			'написать',
			'черкните',
			'свяж[а-я]*',
			'связыва[а-я]*',
			'связаться',
			'для\\s+(?:быстрой\\s+)?связи',
			'прислать',
			'переслать',
			'позвонить',
			'задать',
			'задавайте',
			'спрашивайте',
			'уточните',
			'уточнить',
			'на связи',
			'обращайтесь',
			'обратитесь',
			'отправ(?:ьте|ляйте|им|лю|ите|ить)',
			'пришл(?:ите|ю|ем|ем)',
			'присыл(?:айте|ать)',
			'вышл(?:ю|ем)',
			'скин(?:ьте|ем|у|уть)',
			'скидыва[а-я]*',
			'кида(?:йте|ть)',
			'киньте',
			'перешл(?:ите|ю)',
			'подпис(?:ывайтесь|ывайся|аться)',
			'подписчик[а-я]*',
			'подпишитесь',
			'добавля(?:йтесь|йте)',
			'добавьте',
			'вступа(?:йте)',
			'присоедин(?:яйтесь)',
			'заходите',
			'переходите',
			'ищите',
			'найд(?:ите|ете)',
			'звон(?:ите)',
			'позвон(?:ите|им)',
			'наберите',
			'ответ(?:им|ит|ят|ю)',
			'отвеча(?:ем|ет|ют)',
			'подскаж(?:ем|у)',
			'проконсультир[а-я]*',
			'консультир(?:уем|ую)',
			'обсуд(?:им|ить)',
			'пообща[а-я]*',
			'общ(?:аемся|аться)',
			'продолж(?:им|ить)',
			'наш(?:а|е|и|его|ей|ему|ем|им|ими|их|у)?',
			'мы',
			'нам',
			'нас',
			'мне',
			'меня',
			'канал[а-я]*',
			'групп[а-я]*',
			'сообществ[а-я]*',
			'паблик[а-я]*',
			'аккаунт[а-я]*',
			'профил[а-я]*',
			'страниц[а-я]*',
			'ник(?:а|у|ом|е|нейм[а-я]*)?',
			'бот[а-я]{0,2}',
			'контакт[а-я]*',
			'номер[а-я]*',
			'телефон[а-я]*',
		].join('|') +
		`)${E}|@|\\+\\s?\\d|\\d[\\d\\s()-]{8,}\\d`,
);

const MESSAGE = 'messenger or social network offered as a contact route; marketplaces forbid moving buyers off the platform';

// The sentence around a name, without the name itself.
const hasCue = (sentence: string, before: string, m: RegExpExecArray) =>
	CONTACT_CUE.test(before + ' ' + sentence.slice(before.length + m[0].length));

export const MESSENGER_PATTERNS = new PatternSet('messenger', [
	{ source: NAME, when: hasCue, message: MESSAGE },
	{ source: MAX, when: hasCue, message: MESSAGE },
	{ source: SPACED, message: MESSAGE },
	{ source: PRIVATE, message: MESSAGE },
	{ source: HANDLE, message: MESSAGE },
	{ source: NICK, message: MESSAGE },
]);
const SCANNER = lazyScanner([MESSENGER_PATTERNS]);

export function checkMessenger(doc: Doc): Finding[] {
	const out: Finding[] = [];
	SCANNER.scan(doc, out);
	return out;
}
