import { E, type Doc, type Finding } from '../doc';
import { lazyScanner, PatternSet } from '../patternSet';

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
	'киз',
	'гтд',
	'кгт',
	'дрр',
	'юнит[ -]?экономик[а-я]*',
];

const MESSAGE = 'internal marketplace jargon; say it in the buyer\'s words';

export const JARGON_PATTERNS = new PatternSet(
	'jargon',
	TERMS.map((source) => ({ source: `(?:${source})${E}`, message: MESSAGE })),
);
const SCANNER = lazyScanner([JARGON_PATTERNS]);

export function checkJargon(doc: Doc): Finding[] {
	const out: Finding[] = [];
	SCANNER.scan(doc, out);
	return out;
}
