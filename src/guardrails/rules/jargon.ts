import { B, E, eachMatch, type Doc, type Finding } from '../doc';

// Marketplace back-office words a buyer should not see. Whole words only: "шкаф", "школьный" and "Skullcandy"
// start like "ШК" and "SKU" but are clean.

const TERMS = [
	'(?:real)?fb[swoy]',
	'rfbs',
	'db[sw]',
	'(?:реал[ -]?)?фб[соwвy]',
	'рфбс',
	'дб[сw]',
	'skus?',
	'ску',
	'шк',
	'тз',
	'пересорт[а-я]*',
	'отгрузк[а-я]*',
	'отгруж[а-я]*',
	'отгрузи[а-я]*',
	'отгрузочн[а-я]*',
	'баркод[а-я]*',
	'barcode',
	'сборочн[а-я]*\\s+задани[а-я]*',
	'поставк[а-я]*\\s+(?:на\\s+склад|fbo|фбо)',
	'фулфил+мент[а-я]*',
	'fulfil+ment',
	'кросс[ -]?докинг[а-я]*',
	'cross[ -]?docking',
	'nm[ -]?id',
	'нм[ -]?ид',
	'srid',
	'chrt[ -]?id',
	'остатк[а-я]*\\s+на\\s+(?:fbo|fbs|фбо|фбс|складе\\s+(?:wb|вб|ozon|озон))',
	'спп',
	'дрр',
	'юнит[ -]?экономик[а-я]*',
];
const JARGON = new RegExp(`${B}(?:${TERMS.join('|')})${E}`, 'g');

const MESSAGE = 'internal marketplace jargon; say it in the buyer\'s words';

export function checkJargon(doc: Doc): Finding[] {
	const out: Finding[] = [];
	eachMatch(JARGON, doc.text, (m) => out.push({ rule: 'jargon', start: m.index, end: m.index + m[0].length, message: MESSAGE }));
	return out;
}
