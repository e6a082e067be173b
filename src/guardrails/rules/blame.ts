import { B, E, eachMatch, type Doc, type Finding } from '../doc';

// Blaming the buyer: "вы"/"сами" with a verb of misuse or error, "ваша вина/ошибка/невнимательность",
// reproaches ("надо было читать описание", "если бы вы посмотрели таблицу"), and a defect explained by what the
// buyer did ("сгорел, потому что вы включили…"). Care advice in the imperative ("стирайте при 30 °C") and
// conditionals ("если вы не получили заказ") are not blame.

const MISUSE =
	'виноват[а-я]*|ошиблись|ошибались|перепутали|сломали|повредили|испортили|порвали|разбили|уронили|залили|' +
	'перегрели|перегрузили|натягивали|натянули|растянули|поцарапали|неправильно|неверно|некорректно|небрежно|' +
	'неаккуратно|невнимательно|не\\s+умеете|не\\s+так|не\\s+по\\s+назначению|нарушили|проигнорировали|пренебрегли|поторопились|' +
	'не\\s+(?:прочитали|прочли|читали|посмотрели|смотрели|проверили|учли|заметили|изучили|уточнили|соблюдали|соблюли|следовали|обратили|разобрались|дочитали)';
const YOU_MISUSE = new RegExp(`${B}(?:вы|сами)[\\s,]+(?:(?!не\\s)[а-я]+[\\s,]+)?(?:сами\\s+|же\\s+|и\\s+)?(?:${MISUSE})${E}`, 'g');
const OTHER_SUBJECT = /(?<![а-я])(?:мы|они|он|она|я|курьер[а-я]*|продав[а-я]*|сотрудник[а-я]*|склад[а-я]*|производител[а-я]*)[\s,]*$/;
const CONDITIONAL_BEFORE = /(?<![а-я])(?:если|ли|когда|пока|чтобы|возможно|вдруг)[\s,]*(?:[а-я]+\s+)?$/;

const YOUR_FAULT = new RegExp(
	`${B}(?:(?:ваша|вашей|вашу)\\s+(?:[а-я]+\\s+)?(?:вина|вине|вину|ошибк[а-я]*|невнимательност[а-я]*|небрежност[а-я]*|неаккуратност[а-я]*|оплошност[а-я]*|халатност[а-я]*)|` +
		`по\\s+(?:вашей\\s+)?(?:вине\\s+покупател[а-я]*|невнимательност[а-я]*|небрежност[а-я]*)|вина\\s+(?:[а-я]+\\s+)?на\\s+вас|виноват[а-я]*\\s+(?:вы|сами)|` +
		`(?:будьте|быть)\\s+внимательнее|внимательнее\\s+(?:читайте|смотрите|выбирайте|изучайте|надо|нужно)|вините\\s+себя)${E}`,
	'g',
);
// "надо было внимательно читать", "следовало бы уточнить", "стоило посмотреть".
const SHOULD_HAVE = new RegExp(
	`${B}(?:надо|нужно|следовало|стоило)\\s+(?:было|бы)\\s+(?:[а-я]+\\s+){0,2}?[а-я]+(?:ть|ти|чь)(?:ся)?${E}`,
	'g',
);
const IF_YOU_HAD = new RegExp(`${B}если\\s+бы\\s+вы\\s+(?:[а-я]+\\s+){0,2}?[а-я]+(?:ли|лись)${E}`, 'g');
// A defect blamed on the buyer's action: "разошёлся потому, что вы натягивали", "сгорел из-за того, что вы включили".
const BECAUSE_YOU = new RegExp(
	`${B}(?:потому,?\\s+что|из-за\\s+того,?\\s+что|так\\s+как|поскольку|ведь|т\\.\\s?к\\.)\\s+(?:именно\\s+)?вы\\s+(?:сами\\s+)?(?:[а-я]+\\s+)?[а-я]+(?:ли|лись)${E}`,
	'g',
);
const YOU_DID_SO = new RegExp(`${B}вы\\s+(?:сами\\s+)?(?:[а-я]+\\s+)?[а-я]+(?:ли|лись)${E}[^.!?]{0,80}?(?:поэтому|отсюда|вот\\s+и|из-за\\s+этого|в\\s+результате|оттого)`, 'g');
const DAMAGE =
	/(?<![а-я])(?:слома|сгорел|разош|порвал|тресн|деформир|сел[аио]?(?![а-я])|сели(?![а-я])|полинял|линя|скрип|испорт|поврежд|катышк|пятн(?:о|а|ами|ышк)|дыр|затяжк|вышел из строя|не работает|перестал|брак|дефект|облез|выцвел|растянул|лопнул|отклеил|протек|оторвал|разбил|погнул|ржавч|не включается|не заряжается|царапин|скол)/;
// Reproachful instructions after the fact: "изучайте характеристики перед заказом".
const READ_FIRST = new RegExp(
	`${B}(?:читайте|изучайте|смотрите|проверяйте|сверяйтесь)\\s+(?:[а-я]+\\s+){0,3}?(?:описани|карточк|характеристик|таблиц|инструкци|размерн)[а-я]*\\s+(?:[а-я]+\\s+){0,2}?перед\\s+(?:покупкой|заказом|оформлением)${E}`,
	'g',
);
const MISUSE_NOUN = new RegExp(
	`${B}(?:неправильн|неправиль|ненадлежащ|некорректн)[а-я]*\\s+(?:эксплуатаци|использовани|уход|хранени|установк|сборк|подключени|стирк|обращени)[а-я]*${E}`,
	'g',
);
const AVOIDING = /(?<![а-я])(?:избежать|избегайте|не\s+допускайте|во\s+избежание|чтобы\s+не|предотвратить)[^.!?]{0,25}$/;

const MESSAGE = 'blames the buyer; marketplaces forbid negative remarks about the buyer';

export function checkBlame(doc: Doc): Finding[] {
	const text = doc.text;
	const out: Finding[] = [];
	const add = (m: RegExpExecArray) => out.push({ rule: 'blame', start: m.index, end: m.index + m[0].length, message: MESSAGE });
	const sentence = (pos: number) => {
		const [s, e] = doc.sentence(pos);
		return text.slice(s, e);
	};
	eachMatch(YOU_MISUSE, text, (m) => {
		const [s] = doc.sentence(m.index);
		const before = text.slice(s, m.index);
		if (CONDITIONAL_BEFORE.test(before)) return;
		// "мы сами виноваты", "курьеры сами повредили": "сами" is about someone else.
		if (m[0].startsWith('сами') && OTHER_SUBJECT.test(before)) return;
		add(m);
	});
	eachMatch(YOUR_FAULT, text, add);
	eachMatch(SHOULD_HAVE, text, (m) => {
		const [s] = doc.sentence(m.index);
		const before = text.slice(s, m.index);
		if (/(?<![а-я])(?:если|ли)[\s,]*(?:[а-я]+\s+)?$/.test(before) || /(?<![а-я])(?:нам|мне|мы|я)\s+$/.test(before)) return;
		// "стоило бы добавить это в описание, мы учтём" is the seller's self-criticism.
		if (/(?<![а-я])(?:мы|нам)(?![а-я])/.test(before)) return;
		add(m);
	});
	eachMatch(IF_YOU_HAD, text, add);
	eachMatch(BECAUSE_YOU, text, (m) => {
		if (DAMAGE.test(sentence(m.index))) add(m);
	});
	eachMatch(YOU_DID_SO, text, (m) => {
		if (DAMAGE.test(sentence(m.index))) add(m);
	});
	eachMatch(READ_FIRST, text, add);
	eachMatch(MISUSE_NOUN, text, (m) => {
		const [s] = doc.sentence(m.index);
		if (!AVOIDING.test(text.slice(s, m.index))) add(m);
	});
	return out;
}
