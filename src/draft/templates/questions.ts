import type { ReplyTemplate } from '../template-types';
import { CLOSE_INFO, CLOSE_PROBLEM, CLOSE_SERVICE, combine, gate, questionAck } from './shared';

// Questions about the product. Answers quote the product card (characteristics, size chart) and never invent
// a property; when the card does not answer, the buyer is asked what exactly they need (in a chat or a
// question, where they can answer). Ozon accepts answers about the product only, so these stay on it.

const Q_ACK_FORMAL = ['Благодарим за вопрос!', 'Спасибо за интерес к {p.dat}.', 'Благодарим за интерес к нашему товару.'];
const Q_ACK_FRIENDLY = ['Спасибо за вопрос!', 'С радостью расскажем!', 'Хороший вопрос!'];

// In a review these intents are complaints ("не подошёл к моему телефону"), elsewhere questions.
const CLOSE_BY_CHANNEL = combine(gate(CLOSE_INFO, [], ['review']), gate(CLOSE_PROBLEM, ['review']));

export const AVAILABILITY: ReplyTemplate = {
	id: 'availability',
	acknowledgement: questionAck({
		formal: ['Благодарим за интерес к {p.dat}!', 'Спасибо за вопрос!', 'Благодарим за обращение.'],
		empathetic: [
			'Понимаем, как хочется получить именно нужный вариант.',
			'Рады, что {p.nom} вам приглянулся!',
			'Понимаем, как обидно, когда нужного варианта нет под рукой.',
		],
		friendly: ['Спасибо, что заглянули!', 'Рады вашему интересу!', 'Здорово, что {p.nom} вам понравился!'],
	}),
	body: [
		{ text: 'Размер {size.asked} есть в размерной сетке модели; доступен ли он сейчас, видно при выборе размера в карточке товара.', when: ['sizeInChart'], prefer: true },
		'Актуальное наличие размеров и цветов показано в карточке товара: если вариант [доступен|есть в наличии], его можно выбрать при заказе.',
		'Сейчас в наличии то, что можно выбрать в карточке товара; точных сроков пополнения мы, к сожалению, назвать не можем.',
		'Наличие обновляется в карточке товара: если нужного варианта сейчас нет, сроки его появления назвать заранее не можем.',
	],
	nextStep: [
		'Следите за карточкой: добавьте товар в избранное, чтобы не пропустить [пополнение|поступление].',
		'Добавьте товар в избранное — так проще заметить, когда нужный вариант появится.',
		'',
	],
	closing: CLOSE_INFO,
};

export const COMPATIBILITY: ReplyTemplate = {
	id: 'compatibility',
	acknowledgement: {
		formal: [...Q_ACK_FORMAL, { text: 'Сожалеем, что товар не подошёл.', when: ['review'], prefer: true }],
		empathetic: [
			'Понимаем, важно убедиться в совместимости заранее.',
			'Хорошо, что уточняете заранее.',
			'Понимаем, никому не хочется ошибиться с покупкой.',
			{ text: 'Жаль, что товар не подошёл, — понимаем, как это огорчает.', when: ['review'], prefer: true },
		],
		friendly: [...Q_ACK_FRIENDLY, 'Давайте разберёмся!', { text: 'Жаль, что не подошло!', when: ['review'], prefer: true }],
	},
	body: [
		{ text: 'Да, в характеристиках товара указана совместимость {compat.with}: «{compat.value}».', when: ['compatListed'] },
		{ text: 'Да, {compat.nom} названа в характеристиках товара: «{compat.value}».', when: ['compatListed'] },
		{ text: 'По карточке товара — да: в характеристиках указано «{compat.value}».', when: ['compatListed'] },
		{
			text: 'В характеристиках совместимость указана так: «{compat.value}», и {compat.nom} там отдельно не названа, поэтому советуем сверить модель перед покупкой.',
			when: ['compatUnlisted'],
		},
		{
			text: 'В карточке указана совместимость: «{compat.value}». В этом списке нет {compat.gen} — уточните, пожалуйста, точное название модели, и мы подскажем.',
			when: ['compatUnlisted'],
			unless: ['review'],
		},
		{ text: 'В характеристиках указана совместимость: «{compat.value}».', when: ['compat'], unless: ['compatModel'] },
		{ text: '[В характеристиках товара указано|Согласно карточке товара]: {spec.list}.', when: ['spec'], unless: ['compat'] },
		{
			text: 'В характеристиках товара совместимость {compat.with} отдельно не указана, поэтому точно подтвердить её не можем.',
			when: ['compatModel'],
			unless: ['compat', 'spec', 'review'],
		},
		{
			text: 'Сведений о совместимости {compat.with} в карточке товара нет, поэтому, к сожалению, подтвердить её не можем.',
			when: ['compatModel'],
			unless: ['compat', 'spec', 'review'],
		},
		{
			text: 'Чтобы ответить точно, уточните, пожалуйста, с какой именно моделью вы планируете использовать товар.',
			unless: ['compat', 'compatModel', 'spec', 'review', 'numbers'],
		},
		{
			text: 'Подскажите, пожалуйста, точное название модели — сверим его с характеристиками товара.',
			unless: ['compat', 'compatModel', 'spec', 'review', 'numbers'],
		},
		{
			text: 'Сведений, чтобы ответить точно, в карточке товара пока нет — уточним у производителя и дополним описание.',
			when: ['numbers'],
			unless: ['compat', 'compatModel', 'spec', 'review'],
		},
		{
			text: 'В карточке товара таких данных пока нет: уточним их у производителя и дополним описание.',
			when: ['numbers'],
			unless: ['compat', 'compatModel', 'spec', 'review'],
		},
		{ text: 'Передадим информацию, чтобы уточнить список совместимых моделей в карточке.', when: ['review'], unless: ['compatListed'] },
	],
	nextStep: [
		{ text: 'Если возникнут сомнения, напишите модель — подскажем.', when: ['compat'], unless: ['review', 'compatModel'] },
		{ text: 'Если расскажете подробнее, как планируете использовать товар, подскажем, что учесть.', when: ['compatModel'], unless: ['review', 'compatListed'] },
		{ text: 'Если товар не подошёл, его можно вернуть {mp.accountReturns}.', when: ['review'] },
		{ text: '', unless: ['review'] },
	],
	closing: CLOSE_BY_CHANNEL,
};

export const PRODUCT_SPEC: ReplyTemplate = {
	id: 'product_spec',
	acknowledgement: questionAck({
		formal: Q_ACK_FORMAL,
		empathetic: ['Понимаем, перед покупкой важно знать все подробности.', 'Хорошо, что уточняете заранее.', 'С радостью поможем разобраться.'],
		friendly: [...Q_ACK_FRIENDLY, 'Отличный вопрос!'],
	}),
	body: [
		{ text: '[В характеристиках товара указано|Согласно карточке товара|По данным карточки товара]: {spec.list}.', when: ['spec'] },
		{ text: 'В карточке указаны основные характеристики: {spec.some}.', when: ['specs'], unless: ['spec', 'review'] },
		{ text: 'Уточните, пожалуйста, какая именно характеристика вас интересует, — ответим подробно.', unless: ['specs', 'specAsked', 'review'] },
		{ text: 'Напишите, пожалуйста, что именно хотите узнать о товаре, — подскажем.', unless: ['specs', 'specAsked', 'review'] },
		{ text: 'Точных сведений об этом в карточке товара сейчас нет — уточним у производителя и дополним описание.', when: ['specAsked'], unless: ['spec', 'review'] },
		{ text: 'Этих данных пока нет в карточке товара: уточним их у производителя и дополним описание.', when: ['specAsked'], unless: ['spec', 'review'] },
		{ text: 'Спасибо за замечание о характеристиках: проверим, чтобы описание в карточке было точным.', when: ['review'], unless: ['spec'] },
	],
	nextStep: [
		{ text: 'Если нужной информации здесь нет, уточните, что именно вас интересует, — подскажем.', when: ['specs'], unless: ['spec', 'review'] },
		{ text: '', unless: ['specs'] },
		{ text: '', when: ['spec'] },
		{ text: '', when: ['review'] },
	],
	closing: CLOSE_BY_CHANNEL,
};

export const USAGE: ReplyTemplate = {
	id: 'usage_howto',
	acknowledgement: questionAck({
		formal: ['Благодарим за вопрос!', 'Спасибо за обращение.', 'Благодарим, что написали.'],
		empathetic: ['Понимаем, с новой вещью не сразу всё очевидно.', 'С радостью поможем разобраться.', 'Хорошо, что спросили, — поможем.'],
		friendly: ['Сейчас подскажем!', 'С удовольствием поможем разобраться!', 'Спасибо за вопрос!'],
	}),
	body: [
		{ text: 'Вот что указано в карточке товара: {spec.list}.', when: ['spec'] },
		{ text: '[Рекомендации|Сведения] из карточки товара: {spec.list}.', when: ['spec'] },
		{ text: 'Подробные рекомендации по использованию и уходу обычно указаны на упаковке, в инструкции или на этикетке изделия.', unless: ['spec'] },
		{ text: 'Рекомендации по использованию и уходу[ обычно|, как правило,] есть на этикетке или в инструкции к товару.', unless: ['spec'] },
	],
	nextStep: [
		{ text: 'Если что-то остаётся непонятным, опишите, на каком шаге возникла сложность, — подскажем.', when: ['chat'] },
		{ text: 'Если остались вопросы, задайте их здесь — ответим.', when: ['question'] },
		{ text: 'Надеемся, товар будет служить вам долго.', when: ['review'] },
		{ text: '', when: ['review'] },
	],
	closing: CLOSE_SERVICE,
};

export const PRE_PURCHASE: ReplyTemplate = {
	id: 'pre_purchase',
	acknowledgement: questionAck({
		formal: ['Благодарим за интерес к {p.dat}!', 'Спасибо за вопрос!', 'Благодарим за внимание к нашему магазину.'],
		empathetic: [
			'Понимаем, перед покупкой хочется быть уверенным в выборе.',
			'Рады, что вы присматриваетесь к нашему товару.',
			'Хорошо, что уточняете заранее, — так спокойнее.',
		],
		friendly: ['Рады вашему интересу!', 'Спасибо, что присматриваетесь к нам!', 'Спасибо за вопрос!'],
	}),
	body: [
		{ text: '[В характеристиках указано|Согласно характеристикам товара|По карточке товара]: {spec.list}.', when: ['spec'] },
		{ text: 'С радостью ответим на любые вопросы о товаре: о характеристиках, комплектации или размерах.', unless: ['spec'] },
		{ text: 'Условия доставки, оплаты и возврата определяет {mp.name}: их видно при оформлении заказа.', unless: ['spec'] },
	],
	nextStep: [
		{ text: 'Если остались вопросы, задавайте — ответим.', unless: ['review'] },
		{ text: 'Оформить заказ можно прямо в карточке товара {mp.on}.', unless: ['review'] },
		'',
	],
	closing: CLOSE_INFO,
};
