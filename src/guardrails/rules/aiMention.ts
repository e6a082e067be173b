import { E, type Doc, type Finding } from '../doc';
import { lazyScanner, PatternSet } from '../patternSet';

// The reply must not say it was written by a machine. Whole words with their inflections only: "работа",
// "суббота", "ботинки", "гарантии", "продукции", "серии" contain the letters of "бот"/"ИИ" but are clean.
// "ИИ"/"AI" are also product features ("камера с ИИ-обработкой"), so before a tech noun, or when the buyer asked
// about that feature, they count only if the reply speaks about itself; a "робот" is a product unless it is the
// one answering ("робот-пылесос" is clean, "вам отвечает робот-консультант" is not).

const ALWAYS = [
	'(?:чат[ -]?|телеграм[ -]?|telegram[ -]?)?бот(?:а|у|ом|е)?',
	// Plural "боты" are also rubber boots: only as chat bots.
	'(?:чат[ -]?|телеграм[ -]?|telegram[ -]?)бот(?:ы|ов|ам|ами|ах)',
	'(?:chat)?bots?',
	'чатбот[а-я]*',
	'нейросет[а-я]*',
	'нейро[ -]?сет[а-я]*',
	'нейронн[а-я]*\\s+сет[а-я]*',
	'нейронк[а-я]*',
	'нейро(?:[ -]?(?:помощник|ассистент|консультант|менеджер|оператор|продавец|модел))[а-я]*',
	'джипити',
	'чат[ -]?gpt|чат[ -]?джипити|чатгпт',
	'гпт',
	'gigachat|гигачат[а-я]*',
	'deepseek|дипсик[а-я]*',
	'openai|llm|ллм',
	'claude|gemini|copilot|алиса\\s+gpt',
	'искусственн[а-я]*\\s+интеллект[а-я]*',
	'сгенерир[а-я]*',
	'сгенерова[а-я]*',
	'генеративн[а-я]*',
	'автоматическ[а-я]*\\s+(?:ответ|сообщени)[а-я]*',
	'автоответ[а-я]*',
	'автоматизированн[а-я]*\\s+(?:систем|ответ|помощник|консультант)[а-я]*',
	'я\\s+(?:[а-я]+\\s+)?(?:не\\s+человек|программа)',
	'(?:сформирова|сгенерирова|составл|написа|подготовл|созда|отправл)[а-я]*\\s+автоматически',
	'автоматически\\s+(?:сформирова|составл|написа|подготовл|созда)[а-я]*',
	'виртуальн[а-я]*\\s+(?:помощник|ассистент|консультант|менеджер|оператор|сотрудник)[а-я]*',
	'цифров[а-я]*\\s+(?:помощник|ассистент|консультант|сотрудник)[а-я]*',
	'робот[а-я]*[ -](?:консультант|помощник|ассистент|оператор|менеджер|продавец)[а-я]*',
	'(?:я|вам\\s+отвечает|с\\s+вами\\s+(?:на\\s+связи\\s+)?|на\\s+связи|ответ\\s+(?:подготовил|написал|дал)|это)\\s+(?:[а-я]+\\s+)?робот',
	'(?:ответ|текст|сообщение)\\s+(?:[а-я]+\\s+)?(?:от\\s+)?робот[а-я]*',
];

const TECH_NOUN =
	/^[\s-]*(?:speaker|camera|chip|mode|engine|lens|photo|камер|фото|обработ|шумопод|функци|режим|чип|процессор|технолог|алгоритм|улучш|стабилиз|фильтр|сенсор|распознав|видео|звук|съемк|автофокус|подсветк|настройк|датчик|модул|оптимиз|анализ|уборк|карт[аы])/;
const SELF_REFERENCE =
	/(?<![а-яa-z])(?:я|меня|мной|ответ[а-я]*|текст[а-я]*|сообщени[а-я]*|подготов[а-я]*|написа[а-я]*|составл[а-я]*|созда[а-я]*|отвечает|отвечаю|с\s+вами|помощник[а-я]*|ассистент[а-я]*|консультант[а-я]*|оператор[а-я]*|менеджер[а-я]*|сотрудник[а-я]*)(?![а-яa-z])/;
const BUYER_AI = /(?<![a-zа-я0-9])(?:ии|ai|искусственн)/;

const MESSAGE = 'says the reply comes from an AI or a bot';

export const AI_MENTION_PATTERNS = new PatternSet('ai_mention', [
	{ source: `(?:${ALWAYS.join('|')})${E}`, message: MESSAGE },
	// "ChatGPT", "YandexGPT", "GPT-4o": any Latin word around "gpt".
	{ source: `[a-z]*gpt[a-z0-9-]*${E}`, hint: 'gpt', message: MESSAGE },
	{
		source: `(?:ии|ai|аі|іі)${E}`,
		when: (sentence, before, m, doc) => {
			const rest = sentence.slice(before.length + m[0].length);
			const productTalk = TECH_NOUN.test(rest.slice(0, 20)) || BUYER_AI.test(doc.buyer);
			return !productTalk || SELF_REFERENCE.test(before + ' ' + rest);
		},
		message: MESSAGE,
	},
]);
const SCANNER = lazyScanner([AI_MENTION_PATTERNS]);

export function checkAiMention(doc: Doc): Finding[] {
	const out: Finding[] = [];
	SCANNER.scan(doc, out);
	return out;
}
