// Which part of what the marketplace calls the buyer may be used to address them. The earlier system cut names
// by surname endings and so lost Ирина, Марина, Кристина, Константин; here a name is used as it is given unless
// it is a placeholder ("Покупатель"), a nickname, or clearly "Surname Name". The name is never inflected: it
// only appears in address ("Ирина, здравствуйте!"), where Russian keeps the nominative.

const PLACEHOLDERS = new Set([
	'покупатель',
	'покупательница',
	'клиент',
	'клиентка',
	'пользователь',
	'пользовательница',
	'аноним',
	'анонимно',
	'анонимный',
	'гость',
	'имя',
	'нет',
	'скрыто',
	'неизвестно',
	'неизвестный',
	'user',
	'buyer',
	'customer',
	'client',
	'guest',
	'anonymous',
	'anon',
	'noname',
	'unknown',
	'name',
	'wildberries',
	'ozon',
	'озон',
	'маркет',
]);

// Only unmistakable surname endings; "-ин/-ина" are left out because they end Константин, Ирина, Марина.
const SURNAME = /(?:ов|ова|ев|ева|ёв|ёва|ский|ская|цкий|цкая|енко|чук|швили|дзе)$/i;
const WORD = /^(?:[А-ЯЁа-яё]{2,20}(?:-[А-ЯЁа-яё]{2,20})?|[A-Za-z]{2,20}(?:-[A-Za-z]{2,20})?)$/;
const INITIAL = /^[А-ЯЁA-Z]\.?$|^[А-ЯЁA-Z]\.[А-ЯЁA-Z]\.?$/;

function properCase(word: string): string {
	// "ИРИНА" and "ирина" are the same name written carelessly; "МакКуин" keeps its own capitals.
	if (word === word.toLocaleUpperCase('ru-RU') || word === word.toLocaleLowerCase('ru-RU')) {
		return word
			.split('-')
			.map((w) => w.charAt(0).toLocaleUpperCase('ru-RU') + w.slice(1).toLocaleLowerCase('ru-RU'))
			.join('-');
	}
	return word;
}

/** The first name to address the buyer by, or undefined when none can be used safely. */
export function addressName(raw: string | undefined): string | undefined {
	if (!raw) return undefined;
	const tokens = raw
		.normalize('NFC')
		.replace(/[\u200b-\u200d\ufeff]/g, '')
		.trim()
		.split(/\s+/)
		.filter((t) => t && !INITIAL.test(t));
	if (tokens.length === 0 || tokens.length > 3) return undefined;
	if (!tokens.every((t) => WORD.test(t))) return undefined;
	if (tokens.some((t) => PLACEHOLDERS.has(t.toLocaleLowerCase('ru-RU')))) return undefined;
	let name = tokens[0];
	// "Иванова Ирина (Петровна)": surname first.
	if (tokens.length > 1 && tokens[0].length > 4 && SURNAME.test(tokens[0]) && !SURNAME.test(tokens[1])) name = tokens[1];
	return properCase(name);
}
