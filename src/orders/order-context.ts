// What the words around a number say it is. Buyers label numbers both ways ("заказ 123…", "123… это номер
// заказа", "2262688160 артикул"), so both sides are read; the nearest label wins, because one message often
// names several numbers ("заказ 1191231355, размер 44, артикул 248901714").

export type LookalikeKind =
	| 'article'
	| 'phone'
	| 'code'
	| 'barcode'
	| 'track'
	| 'price'
	| 'document'
	| 'address'
	| 'ticket'
	| 'size'
	| 'serial'
	| 'unit'
	| 'disclaimed';

type WordClass =
	| { type: 'order' }
	| { type: 'lookalike'; kind: LookalikeKind }
	| { type: 'postfix'; kind: LookalikeKind }
	| { type: 'neutral' }
	| { type: 'filler' }
	| { type: 'preposition' }
	| { type: 'negation' }
	| { type: 'other' };

export interface LeftContext {
	/** The nearest order label before the number, if nothing closer labels it otherwise. */
	order?: { distance: number };
	/** The nearest look-alike label before the number, if closer than any order label. */
	lookalike?: { kind: LookalikeKind; distance: number };
	/** "номер", "№", "#": the buyer points at a number without saying which. */
	neutral: boolean;
	/** "мой номер …", "мой …": in a chat that is how a phone number is introduced. */
	possessiveNumber: boolean;
}

export interface RightContext {
	/** A unit or currency straight after the number ("3 450 р", "41 кг"). */
	postfix?: LookalikeKind;
	order?: { distance: number };
	lookalike?: { kind: LookalikeKind; distance: number };
}

const ORDER_WORD =
	/^(?:заказ(?:а|е|у|ом|ы|ов|ам|ами|ах)?|ордер\S*|отправлени(?:е|я|ю|ем|и|й)|order|orders|posting|покупк(?:а|и|е|у|ой)|сборочн\S*|srid|rid|gnumber|стикер\S*)$/;

const LOOKALIKE_WORDS: ReadonlyArray<[RegExp, LookalikeKind]> = [
	[/^(?:арт|артикул\S*|sku|ску|nm|nmid|нм|номенклатур\S*|модел\S*|карточк\S*|наличи\S*|поиск\S*|offer|оффер\S*|вендор\S*)$/, 'article'],
	[
		/^(?:тел|телефон\S*|моб|мобильн\S*|сотов\S*|звонит\S*|звони|звонок|позвон\S*|перезвон\S*|набер\S*|набрать|наберу|whatsapp|ватсап\S*|вотсап\S*|вацап\S*|viber|вайбер\S*|telegram|телеграм\S*|тг)$/,
		'phone',
	],
	[/^(?:код|кода|коду|кодом|пин|pin|пин-код\S*|смс|sms|смс-код\S*|пароль|промокод\S*|купон\S*)$/, 'code'],
	[
		/^(?:штрихкод\S*|штрих-код\S*|шк|баркод\S*|barcode|ean|ean-13|gtin|upc|маркировк\S*|datamatrix|qr|qr-код\S*)$/,
		'barcode',
	],
	[/^(?:трек\S*|track\S*|шпи|rpo|сдэк\S*|cdek|boxberry|боксберри|накладн\S*|почта|почты|почте|почту|почтой|почтов\S*)$/, 'track'],
	[/^(?:цен\S*|стоимост\S*|сумм\S*|стоит|стоил\S*|списал\S*|списани\S*|заплатил\S*|переплат\S*|оплатил\S*)$/, 'price'],
	[
		/^(?:паспорт\S*|серия|серии|снилс\S*|инн|огрн\S*|бик|кпп|полис\S*|счет\S*|сч|карта|карты|карте|карту|картой|картою|договор\S*|лицев\S*)$/,
		'document',
	],
	[/^(?:индекс\S*|дом|кв|квартир\S*|улиц\S*|ул|корпус\S*|корп|подъезд\S*|этаж\S*|офис\S*|пвз)$/, 'address'],
	[/^(?:обращени\S*|заявк\S*|тикет\S*|претензи\S*|чек|чека|чеке|чеку|фн|фд|фпд)$/, 'ticket'],
	[/^(?:серийн\S*|imei|имей|sn|s\/n|мак|mac)$/, 'serial'],
	[/^(?:размер\S*|рост\S*|вес|веса|весом|обхват\S*|длин\S*|ширин\S*|высот\S*)$/, 'size'],
];

// Units and currencies label the number before them, never the one after. Single letters that also open
// an address ("г. Казань", "м. Сокол") are left out: an order-length number is never grams or metres.
const POSTFIX_WORD =
	/^(?:шт|штук\S*|кг|гр|грамм\S*|см|мм|мл|литр\S*|вт|мач|mah|гб|gb|тб|мб|коп|х|x|р|руб\S*|рубл\S*|тыс\S*|млн|₽|\$|€|%|год\S*|лет)$/;
// Words that speak about the product without introducing a number of their own ("есть в наличии 48?").
const TOPIC_WORD = /^(?:наличи\S*|поиск\S*)$/;
const NEUTRAL_WORD = /^(?:номер|номера|номеру|№|#|n|no|nr|num|id|ид)$/;
const FILLER_WORD =
	/^(?:это|вот|такой|такая|такое|мой|моего|моя|мои|моем|ваш|вашего|наш|у|меня|мне|вас|же|был|была|было|там|тут|и|а|или|держите|ловите|пожалуйста|оба|обе|все)$/;
const PREPOSITION = /^(?:в|во|на|из|по|с|со|о|об|к|ко|от|для|при|до|за)$/;
const POSSESSIVE = /^(?:мой|моего|моя|мои|мое)$/;
// "номера заказа нет", "номер заказа не помню": whatever number follows is something else.
const UNKNOWN_VERB = /^(?:помню|знаю|нашла|нашел|нашли|вижу|найду|найти|могу|сохранила|сохранил|записала|записал)$/;
// "номер заказа скину позже": the number that follows is not the order's.
const LATER = /^(?:скину|пришлю|напишу|отправлю|уточню|позже|потом)$/;
const ARTICLE_HEAD = /^(?:код|номер|id|ид|артикул|арт)$/;
// A dot after these is an abbreviation, not the end of a sentence ("арт. 248901714", "599 р. 89128560-9221-2").
const ABBREVIATION = /^(?:арт|тел|моб|д|ул|кв|корп|р|руб|шт|г|гр|см|мм|стр|no|nr|тыс|коп|зак)$/;

type TokenType = 'word' | 'num' | 'break' | 'punct' | 'space';

interface Token {
	type: TokenType;
	text: string;
}

const TOKEN =
	/([\p{L}][\p{L}\p{Nd}]*(?:-[\p{L}\p{Nd}]+)*)|(\p{Nd}+)|([!?;]+|\.(?!\p{Nd}))|([№#₽$€%])|(\s+)|([\s\S])/gu;

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	TOKEN.lastIndex = 0;
	for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
		if (m[1] !== undefined) tokens.push({ type: 'word', text: m[1] });
		else if (m[2] !== undefined) tokens.push({ type: 'num', text: m[2] });
		else if (m[3] !== undefined) {
			const previous = tokens[tokens.length - 1];
			const abbreviation = m[3] === '.' && previous?.type === 'word' && ABBREVIATION.test(previous.text);
			tokens.push({ type: abbreviation ? 'punct' : 'break', text: m[3] });
		} else if (m[4] !== undefined) tokens.push({ type: 'word', text: m[4] });
		else if (m[5] !== undefined) tokens.push({ type: 'space', text: m[5] });
		else tokens.push({ type: 'punct', text: m[6] });
	}
	return tokens;
}

function classify(word: string, previousWord: string | undefined): WordClass {
	if (ORDER_WORD.test(word)) return { type: 'order' };
	if (/^товар\S*$/.test(word) && previousWord !== undefined && ARTICLE_HEAD.test(previousWord)) {
		return { type: 'lookalike', kind: 'article' };
	}
	for (const [pattern, kind] of LOOKALIKE_WORDS) {
		if (pattern.test(word)) return { type: 'lookalike', kind };
	}
	if (NEUTRAL_WORD.test(word)) return { type: 'neutral' };
	if (word === 'не') return { type: 'negation' };
	if (POSTFIX_WORD.test(word)) return { type: 'postfix', kind: /^(?:р|руб|рубл|тыс|млн|₽|\$|€|коп)/.test(word) ? 'price' : 'unit' };
	if (FILLER_WORD.test(word)) return { type: 'filler' };
	if (PREPOSITION.test(word)) return { type: 'preposition' };
	return { type: 'other' };
}

/** Whether the words right after an order label disown it ("заказа нет", "номер заказа не помню"). */
function isDisowned(tokens: Token[], index: number): boolean {
	let seen = 0;
	let negated = false;
	for (let i = index + 1; i < tokens.length && seen < 4; i++) {
		const token = tokens[i];
		if (token.type === 'space' || token.type === 'punct') continue;
		if (token.type !== 'word') return false;
		seen++;
		const word = token.text;
		if (word === 'нет' || /^потерял/.test(word) || LATER.test(word)) return true;
		if (word === 'не') negated = true;
		else if (negated) return UNKNOWN_VERB.test(word);
		else if (!/^(?:я|еще|уже|у|меня|мой|моего|своего|номер|номера)$/.test(word)) return false;
	}
	return false;
}

function previousWordOf(tokens: Token[], index: number): string | undefined {
	for (let i = index - 1; i >= 0; i--) {
		if (tokens[i].type === 'word') return tokens[i].text;
		if (tokens[i].type !== 'space') return undefined;
	}
	return undefined;
}

const LEFT_WINDOW = 120;
const RIGHT_WINDOW = 80;
const ORDER_REACH = 3;
const LOOKALIKE_REACH = 2;
// Sizes, prices and addresses introduce their value at once ("размер 44"); a word or more away
// ("не тот размер прислали 47720581936") they are the topic of the message, not the number's label.
const SHORT_VALUE_KINDS: ReadonlySet<LookalikeKind> = new Set(['size', 'price', 'address']);

/** Reads leftwards from the number until a label, a sentence break or a short number (a value of its own). */
export function readLeftContext(lower: string, start: number): LeftContext {
	const tokens = tokenize(lower.slice(Math.max(0, start - LEFT_WINDOW), start));
	const result: LeftContext = { neutral: false, possessiveNumber: false };
	let distance = 0;
	for (let i = tokens.length - 1; i >= 0; i--) {
		const token = tokens[i];
		if (token.type === 'space' || token.type === 'punct') continue;
		if (token.type === 'break') break;
		if (token.type === 'num') {
			// "артикулом 187654321 вместо 187654322": a long number just before shares its label.
			if (token.text.length >= 6 && distance <= 1) {
				distance++;
				continue;
			}
			break;
		}
		const previous = previousWordOf(tokens, i);
		const cls = classify(token.text, previous);
		if (cls.type === 'order') {
			if (previous === 'не' || isDisowned(tokens, i)) result.lookalike = { kind: 'disclaimed', distance };
			else if (distance <= ORDER_REACH) result.order = { distance };
			break;
		}
		if (cls.type === 'lookalike') {
			const reach = SHORT_VALUE_KINDS.has(cls.kind) ? 0 : LOOKALIKE_REACH;
			if (distance <= reach) result.lookalike = { kind: cls.kind, distance };
			break;
		}
		if (cls.type === 'neutral') {
			if (distance <= ORDER_REACH) result.neutral = true;
			if (previous !== undefined && POSSESSIVE.test(previous) && distance === 0) result.possessiveNumber = true;
			continue;
		}
		if (cls.type === 'other' && distance === 0 && /^товар\S*$/.test(token.text) && !(previous && ORDER_WORD.test(previous))) {
			// "товар № 187654321", "товар 187654321": the product's number, i.e. its article.
			result.lookalike = { kind: 'article', distance };
			break;
		}
		if (cls.type === 'filler' && distance === 0 && POSSESSIVE.test(token.text)) result.possessiveNumber = true;
		if (cls.type === 'filler' || cls.type === 'preposition') {
			// "за 3 450" is a price; "за заказ" has already returned above.
			if (token.text === 'за' && distance === 0) {
				result.lookalike = { kind: 'price', distance };
				break;
			}
			continue;
		}
		distance++;
		if (distance > ORDER_REACH) break;
	}
	return result;
}

function nextSignificant(tokens: Token[], index: number): Token | undefined {
	for (let i = index + 1; i < tokens.length; i++) {
		const t = tokens[i];
		if (t.type === 'space' || t.type === 'punct') continue;
		if (t.type === 'word' && NEUTRAL_WORD.test(t.text)) continue;
		return t;
	}
	return undefined;
}

/**
 * Reads rightwards from the number. A label that is itself followed by a number belongs to that number
 * ("заказ 111841801, размер 44"), so it is ignored.
 */
export function readRightContext(lower: string, end: number): RightContext {
	const tokens = tokenize(lower.slice(end, end + RIGHT_WINDOW));
	const result: RightContext = {};
	let distance = 0;
	let negated = false;
	// Only a unit written straight after the number is its unit: "3 450р", "41 кг", but not "123, кг".
	let first = true;
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i];
		if (token.type === 'space') continue;
		const wasFirst = first;
		first = false;
		if (token.type === 'punct') continue;
		if (token.type === 'break') break;
		if (token.type === 'num') {
			// "44446895 и 44446896 — оба заказа": a list of numbers shares the label after it.
			if (distance === 0 && token.text.length >= 6) continue;
			break;
		}
		const cls = classify(token.text, previousWordOf(tokens, i));
		if (cls.type === 'postfix') {
			if (wasFirst) {
				result.postfix = cls.kind;
				break;
			}
			distance++;
			continue;
		}
		if (cls.type === 'order' || cls.type === 'lookalike') {
			const next = nextSignificant(tokens, i);
			if (next?.type === 'num' && !TOPIC_WORD.test(token.text)) break;
			if (cls.type === 'order' && !negated) {
				if (distance <= 1) result.order = { distance };
			} else if (cls.type === 'lookalike' && SHORT_VALUE_KINDS.has(cls.kind)) {
				// "2745123369 - не тот размер": a size or price word after a long number is the topic, not its label.
			} else if (distance <= LOOKALIKE_REACH) {
				result.lookalike = { kind: cls.type === 'lookalike' ? cls.kind : 'disclaimed', distance };
			}
			break;
		}
		if (cls.type === 'negation') {
			negated = true;
			continue;
		}
		if (cls.type === 'neutral' || cls.type === 'filler' || cls.type === 'preposition') continue;
		distance++;
		if (distance > LOOKALIKE_REACH) break;
	}
	return result;
}
