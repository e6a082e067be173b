'use strict';
// Hand-written parts of the default seed: seller answers, chat threads, the mapping of dev-set texts
// to the seed catalogue. Buyer texts themselves come from /work/shared/data (see README.md);
// only seller-side texts and a few buyer follow-ups are written here.

// Buyer names shown as userName (reviews) and clientName (chats).
const BUYER_NAMES = [
	'Анна', 'Екатерина', 'Мария', 'Ольга', 'Татьяна', 'Наталья', 'Елена', 'Ирина', 'Светлана', 'Юлия',
	'Дарья', 'Алёна', 'Ксения', 'Виктория', 'Марина', 'Людмила', 'Галина', 'Полина', 'Вера', 'Надежда',
	'Александр', 'Дмитрий', 'Сергей', 'Андрей', 'Алексей', 'Михаил', 'Иван', 'Николай', 'Евгений', 'Павел',
	'Владимир', 'Артём', 'Роман', 'Константин', 'Игорь', 'Олег', 'Максим', 'Денис', 'Виталий', 'Юрий',
];

// Seller answers to reviews by star band: the seed picks one per answered review.
const REVIEW_ANSWERS = {
	5: [
		'Здравствуйте! Спасибо за отзыв и высокую оценку. Рады, что покупка вам понравилась, будем ждать вас снова!',
		'Благодарим за отзыв! Приятно, что вы выбрали нас. Хорошего дня и приятных покупок!',
		'Спасибо, что нашли время оценить товар. Рады, что всё пришло в порядке!',
		'Здравствуйте! Спасибо за тёплые слова. Мы стараемся, чтобы каждый заказ приходил аккуратно упакованным.',
		'Спасибо за покупку и отзыв! Будем рады видеть вас снова.',
	],
	4: [
		'Здравствуйте! Спасибо за отзыв. Если что-то помешало поставить пять звёзд, напишите в вопросах к товару — мы учтём.',
		'Спасибо за оценку! Передали ваши замечания команде, чтобы следующие поставки были ещё лучше.',
	],
	3: [
		'Здравствуйте! Спасибо, что поделились впечатлениями. Ваши замечания передали в отдел качества.',
		'Благодарим за честный отзыв. Нам жаль, что товар не полностью оправдал ожидания, — разберёмся с упаковкой и качеством партии.',
	],
	low: [
		'Здравствуйте. Нам очень жаль, что так вышло. Мы передали ваш отзыв в отдел контроля качества и проверим партию. Если товар с браком, оформите возврат через личный кабинет WB в разделе «Покупки».',
		'Здравствуйте! Приносим извинения за неудобства. Такие случаи мы разбираем с производителем. Вернуть товар с браком можно через личный кабинет WB.',
	],
	lowFilter: [
		'Здравствуйте. Жаль, что фильтры подвели. Они рассчитаны на капельные кофеварки с воронкой: если заливать кипяток в фильтр, надетый на кружку, дно может не выдержать. Отзыв передали производителю для проверки партии.',
	],
};

// Written WB reviews of intents-dev.jsonl that fit a product of the catalogue (id -> product key),
// with optional pros/cons as WB's review form has them.
const WRITTEN_REVIEWS = {
	id001: { product: 'dress', size: 'M', pros: 'Фасон, сидит идеально', cons: 'Молния' },
	id008: { product: 'earbuds' },
	id017: { product: 'jacket', size: '50', orderStatus: 'notSpecified' },
	id024: { product: 'petbed', size: 'M', orderStatus: 'returned' },
	id028: { product: 'dress', size: 'S', pros: 'Плотная ткань, не просвечивает', cons: 'Нет' },
	id036: { product: 'hoodie', size: 'XL', matchingSize: 'smaller' },
	id055: { product: 'watch', pros: 'Красивые, удобный ремешок', cons: '' },
	id057: { product: 'hoodie', size: 'S', matchingSize: 'bigger' },
	id063: { product: 'dress', size: 'L', orderStatus: 'returned' },
	id071: { product: 'filter2' },
	id072: { product: 'petbed', size: 'S' },
	id091: { product: 'capsules' },
	id120: { product: 'dress', size: 'M', matchingSize: 'ok' },
	id127: { product: 'pajama', size: 'M' },
	id129: { product: 'capsules' },
	id150: { product: 'hoodie', size: 'L', orderStatus: 'returned' },
	id151: { product: 'pajama', size: 'S' },
	id155: { product: 'earbuds', pros: 'Быстрая доставка', cons: 'Нет' },
	id167: { product: 'pajama', size: 'L', pros: 'Ткань приятная, красивый кант', cons: 'Мало цветов' },
	id190: { product: 'pan' },
	id213: { product: 'dress', size: 'M', matchingSize: 'smaller' },
	id231: { product: 'jacket', size: '52', orderStatus: 'returned' },
	id232: { product: 'dress', size: 'L', matchingSize: 'smaller' },
	id237: { product: 'capsules' },
	id259: { product: 'watch' },
	id281: { product: 'hoodie', size: 'M' },
	id284: { product: 'sneakers', size: '39', pros: 'Лёгкие, удобные', cons: 'Подошва' },
	id287: { product: 'sneakers', size: '38', matchingSize: 'bigger' },
	id288: { product: 'case' },
	id295: { product: 'watch' },
};

// WB questions of intents-dev.jsonl that fit the catalogue. `answer` marks the ones the seed shows as
// answered, `reject` the ones the seller rejected (state "none"); the rest start unanswered.
const QUESTIONS = {
	id011: { product: 'petbed' },
	id013: { product: 'hoodie' },
	id018: {
		product: 'case',
		answer: 'Здравствуйте! Да, чехол сделан именно под Redmi Note 13 Pro 4G: вокруг блока камер бортик выше линз на 1,5 мм, так что камера не касается стола. Для версии 5G он не подойдёт.',
	},
	id047: { product: 'petbed' },
	id048: { product: 'pajama' },
	id050: { product: 'watch' },
	id054: { product: 'dress', reject: 'Вопрос не относится к товару.', isWarned: true },
	id056: { product: 'capsules' },
	id076: { product: 'sneakers' },
	id077: { product: 'jacket' },
	id078: {
		product: 'capsules',
		answer: 'Здравствуйте! Капсулы подходят только для кофемашин Nespresso Original Line. В машины Vertuo они не встанут: у этой системы другой размер и форма капсулы.',
	},
	id094: {
		product: 'jacket',
		answer: 'Здравствуйте! Размер 46 временно закончился. Добавьте модель в «Лист ожидания» — WB пришлёт уведомление, как только размер появится.',
	},
	id103: {
		product: 'sneakers',
		answer: 'Здравствуйте! Верх кроссовок — дышащая сетка, накладки на мыске и пятке из экокожи. Натуральной кожи в модели нет.',
	},
	id138: { product: 'sneakers' },
	id146: { product: 'dress' },
	id147: { product: 'filter4' },
	id160: { product: 'sneakers' },
	id170: {
		product: 'dress',
		answer: 'Здравствуйте! Гладить при средней температуре, лучше с изнанки или через влажную ткань.',
	},
	id178: { product: 'earbuds' },
	id183: { product: 'earbuds', isWarned: true },
	id192: {
		product: 'sneakers',
		answer: 'Здравствуйте! Размер соответствует российскому, ориентируйтесь на длину стопы в таблице размеров. Самый большой размер этой модели — 41 (длина стопы 26,5 см).',
	},
	id195: { product: 'watch' },
	id197: { product: 'dress' },
	id202: { product: 'earbuds', reject: 'Вопрос не относится к товару.', isWarned: true },
	id211: { product: 'jacket' },
	id227: {
		product: 'filter4',
		answer: 'Здравствуйте! Фильтры №4 рассчитаны на капельные кофеварки с конусной воронкой. Если надевать фильтр на кружку и лить крутой кипяток без опоры, дно может не выдержать. В кофеварке фильтр служит без проблем.',
	},
	id233: { product: 'hoodie' },
	id238: { product: 'jacket' },
	id247: { product: 'sneakers' },
	id257: { product: 'earbuds' },
	id263: { product: 'petbed' },
	id268: {
		product: 'pajama',
		answer: 'Здравствуйте! Состав — 100% вискоза. Ткань гладкая, лёгкая и хорошо пропускает воздух.',
	},
	id291: { product: 'capsules' },
	id292: { product: 'watch' },
	id293: {
		product: 'dress',
		answer: 'Здравствуйте! Длина платья в размере S — 112 см по спинке.',
	},
	id297: { product: 'pan' },
};
// The ids the seed shows (the others go to the corpus for live traffic).
const SEED_QUESTION_IDS = [
	'id018', 'id078', 'id094', 'id103', 'id170', 'id192', 'id268', 'id293', 'id227', 'id054', 'id202',
	'id013', 'id011', 'id048', 'id056', 'id138', 'id195', 'id211', 'id147', 'id178', 'id183',
];

// Orders that chats point to (by goodCard.rid or by a number the buyer typed).
// kind "fbs": FBS assembly order (marketplace API and statistics); "fbo": statistics only.
const NAMED_ORDERS = [
	{ ref: 'hoodie-delivered', kind: 'fbs', product: 'hoodie', size: 'M', ageHours: 150, supplierStatus: 'complete', wbStatus: 'sold' },
	{ ref: 'pan-delivered', kind: 'fbs', product: 'pan', size: '0', ageHours: 216, supplierStatus: 'complete', wbStatus: 'sold' },
	{ ref: 'cancel-new', kind: 'fbs', product: 'dress', size: 'M', ageHours: 0.7, supplierStatus: 'new', wbStatus: 'waiting' },
	{ ref: 'in-transit', kind: 'fbs', product: 'jacket', size: '50', ageHours: 120, supplierStatus: 'complete', wbStatus: 'sorted' },
	{ ref: 'watch-fbo', kind: 'fbo', product: 'watch', size: '0', ageHours: 290 },
	{ ref: 'late-fbo', kind: 'fbo', product: 'sneakers', size: '38', ageHours: 245 },
];

// Chat threads. Buyer lines name an intents-dev id (`intent`) or are written here (`text`);
// `{order:ref}` inside a text is replaced by that order's id, and an intents text's own order number
// is replaced by `orderNumberFrom` so that the number the buyer quotes exists in the sandbox.
const CHAT_THREADS = [
	{
		goodCardFrom: 'hoodie-delivered',
		events: [{ sender: 'client', intent: 'id075', orderNumberFrom: 'hoodie-delivered', agoHours: 5 }],
	},
	{
		goodCardFrom: 'watch-fbo',
		events: [
			{ sender: 'client', intent: 'id132', agoHours: 50 },
			{
				sender: 'seller',
				agoHours: 49,
				text: 'Здравствуйте! Жаль, что часы так себя ведут. Проверьте, пожалуйста, что для приложения часов в настройках телефона отключена оптимизация батареи, затем удалите часы из списка Bluetooth-устройств и подключите заново через приложение. Если перезагрузки продолжатся, оформите возврат через личный кабинет WB.',
			},
			{ sender: 'client', intent: 'id269', agoHours: 26 },
		],
	},
	{
		events: [
			{ sender: 'client', intent: 'id222', agoHours: 30 },
			{
				sender: 'seller',
				agoHours: 28,
				text: 'Здравствуйте! Куртка утеплена биопухом 300 г/м² и рассчитана на температуру до −30°C. Для долгих прогулок в сильный мороз советуем добавить под неё тёплый свитер.',
			},
		],
	},
	{
		goodCardFrom: 'pan-delivered',
		events: [{ sender: 'client', intent: 'id230', agoHours: 3 }],
	},
	{
		events: [
			{ sender: 'client', intent: 'id131', agoHours: 98 },
			{ sender: 'seller', agoHours: 96, text: 'Здравствуйте! Подскажите, пожалуйста, номер заказа — проверим, на каком он этапе.' },
			{ sender: 'client', text: 'Номер заказа {order:in-transit}', agoHours: 0.8 },
		],
	},
	{
		goodCardFrom: 'cancel-new',
		events: [{ sender: 'client', intent: 'id141', orderNumberFrom: 'cancel-new', agoHours: 0.4 }],
	},
	{
		goodCardFrom: 'late-fbo',
		events: [{ sender: 'client', intent: 'id158', agoHours: 6 }],
	},
	{
		events: [
			{ sender: 'client', intent: 'id280', agoHours: 150 },
			{
				sender: 'seller',
				agoHours: 147,
				text: 'Здравствуйте! Деньги за возврат поступают после того, как товар примут на складе. Статус возврата виден в личном кабинете WB в разделе «Покупки».',
			},
			{ sender: 'client', text: 'Спасибо, деньги пришли сегодня', agoHours: 100 },
		],
	},
];

// WB chat texts of intents-dev.jsonl used for new buyer chats in live traffic (any product).
const CHAT_CORPUS_IDS = [
	'id034', 'id065', 'id085', 'id114', 'id119', 'id133', 'id143', 'id145', 'id171', 'id185', 'id187',
	'id200', 'id204', 'id234', 'id240', 'id242', 'id249', 'id286', 'id089', 'id255',
];

// Opening line of the deliberately over-long review (a bad-input case); real buyer texts follow it.
const LONG_REVIEW_INTRO =
	'Пишу подробный отзыв, потому что беру эти фильтры уже третий год и раньше всё устраивало. Ниже собрала всё, что накопилось за последние заказы, пусть продавец прочитает до конца.';

module.exports = {
	BUYER_NAMES,
	REVIEW_ANSWERS,
	WRITTEN_REVIEWS,
	QUESTIONS,
	SEED_QUESTION_IDS,
	NAMED_ORDERS,
	CHAT_THREADS,
	CHAT_CORPUS_IDS,
	LONG_REVIEW_INTRO,
};
