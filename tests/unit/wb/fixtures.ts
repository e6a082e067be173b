// Payloads adapted from the examples in shared/specs/wb (09-communications, 03-orders-fbs, 12-reports) and,
// for the public card, the shape of a real card.json. Each call returns a fresh copy so tests can mutate it.

function copy<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

// The spec's own example feedback (GET /api/v1/feedbacks)
const SPEC_FEEDBACK = {
	id: 'YX52RZEBhH9mrcYdEJuD',
	text: 'Спасибо, всё подошло',
	pros: 'Удобный',
	cons: 'Нет',
	productValuation: 5,
	createdDate: '2024-09-26T10:20:48+03:00',
	answer: { text: 'Пожалуйста. Ждём вас снова!', state: 'wbRu', editable: false },
	state: 'wbRu',
	productDetails: {
		imtId: 123456789,
		nmId: 987654321,
		productName: 'ВАЗ',
		supplierArticle: 'DP02/черный',
		supplierName: 'ГП Реклама и услуги',
		brandName: 'Бест Трикотаж',
		size: '0',
	},
	video: {
		previewImage: 'https://videofeedback01.wbbasket.ru/8defc853-7f62-4d6d-b236-8a16cfb63128/preview.webp',
		link: 'https://videofeedback01.wbbasket.ru/8defc853-7f62-4d6d-b236-8a16cfb63128/index.m3u8',
		durationSec: 10,
	},
	wasViewed: true,
	photoLinks: [
		{
			fullSize: 'https://feedback04.wbbasket.ru/vol1333/part133337/123456789/photos/fs.webp',
			miniSize: 'https://feedback04.wbbasket.ru/vol1333/part133337/123456789/photos/ms.webp',
		},
	],
	userName: 'Николай',
	orderStatus: 'buyout',
	matchingSize: 'ok',
	isAbleSupplierFeedbackValuation: false,
	supplierFeedbackValuation: 1,
	isAbleSupplierProductValuation: false,
	supplierProductValuation: 2,
	isAbleReturnProductOrders: false,
	returnProductOrdersDate: '2024-08-20T16:39:49Z',
	bables: ['цена'],
	lastOrderShkId: 123456789,
	lastOrderCreatedAt: '2024-08-12T10:20:48+03:00',
	color: 'colorless',
	subjectId: 219,
	subjectName: 'Футболки-поло',
	parentFeedbackId: null,
	childFeedbackId: 'bIjTCZDvJni7NGnLbUlf',
};

// An unanswered complaint in the style of real WB reviews, with pros and cons
const COMPLAINT_FEEDBACK = {
	...SPEC_FEEDBACK,
	id: 'kQ7bRZEBhH9mrcYd11aa',
	text: 'Заливаю кофе кипятком, оставляю на 5 мин и достаю, и тут дно рвется и вся гуща в чашке. Может мне брак попался',
	pros: 'Недорого',
	cons: 'Рвутся на дне',
	productValuation: 1,
	createdDate: '2026-08-17T21:05:11+03:00',
	answer: null,
	state: 'none',
	productDetails: {
		imtId: 201234567,
		nmId: 182736455,
		productName: 'Фильтр-пакеты для кофе',
		supplierArticle: null,
		supplierName: null,
		brandName: null,
		size: '0',
	},
	video: null,
	photoLinks: null,
	wasViewed: false,
	userName: 'Алёна',
	orderStatus: 'buyout',
	bables: null,
	childFeedbackId: null,
};

// Stars only: no text, no pros, no cons, and WB's generic name
const RATING_ONLY_FEEDBACK = {
	...SPEC_FEEDBACK,
	id: 'mZ2cRZEBhH9mrcYd22bb',
	text: '',
	pros: '',
	cons: '',
	productValuation: 4,
	createdDate: '2026-08-18T09:00:00+03:00',
	answer: null,
	state: 'none',
	userName: 'Покупатель',
	video: null,
	photoLinks: null,
};

export function feedback(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { ...copy(SPEC_FEEDBACK), ...overrides };
}

export function complaintFeedback(): Record<string, unknown> {
	return copy(COMPLAINT_FEEDBACK);
}

export function ratingOnlyFeedback(): Record<string, unknown> {
	return copy(RATING_ONLY_FEEDBACK);
}

export function feedbacksEnvelope(data: unknown): Record<string, unknown> {
	return { data, error: false, errorText: '', additionalErrors: null };
}

export function feedbackListBody(feedbacks: unknown[] = [feedback(), complaintFeedback(), ratingOnlyFeedback()]) {
	return feedbacksEnvelope({ countUnanswered: 52, countArchive: 1000, feedbacks });
}

// GET /api/v1/question example
const SPEC_QUESTION = {
	id: 'TfWOp5QBfEYrrd0AMJau',
	text: 'Хороший карандаш? Когда еще поставите?',
	createdDate: '2025-01-27T11:38:21.202143857Z',
	state: 'wbRu',
	answer: { text: 'На следующей неделе', editable: true, createDate: '2025-07-28T08:24:37.187113704Z' },
	productDetails: {
		imtId: 202306781,
		nmId: 224747484,
		productName: 'Карандаш с ластиком',
		supplierArticle: '12113156uw',
		supplierName: '',
		brandName: 'Brand',
	},
	wasViewed: true,
	isWarned: false,
};

// GET /api/v1/questions example item (a new question)
const NEW_QUESTION = {
	id: '2ncBtX4B9I0UHoornoqG',
	text: 'Какой размер взять на рост 170 и обхват груди 96?',
	createdDate: '2022-02-01T11:18:08.769513469Z',
	state: 'suppliersPortalSynch',
	answer: null,
	productDetails: {
		imtId: 11157265,
		nmId: 14917842,
		productName: 'Coffee',
		supplierArticle: '123401',
		supplierName: ' ГП Реклама и услуги',
		brandName: 'Nescafe',
	},
	wasViewed: false,
	isWarned: false,
};

export function question(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { ...copy(SPEC_QUESTION), ...overrides };
}

export function newQuestion(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { ...copy(NEW_QUESTION), ...overrides };
}

export function questionListBody(questions: unknown[] = [newQuestion(), question()]) {
	return feedbacksEnvelope({ countUnanswered: 24, countArchive: 508, questions });
}

// GET /api/v1/seller/events example (all four events)
const SPEC_EVENTS = {
	result: {
		next: 1698045576000,
		newestEventTime: '2023-10-23T07:19:36Z',
		oldestEventTime: '2023-10-23T05:02:20Z',
		totalEvents: 4,
		events: [
			{
				chatID: '1:1e265a58-a120-b178-008c-60af2460207c',
				eventID: '55adee45-11f0-33b6-a847-6ccc7c78b2ec',
				eventType: 'message',
				isNewChat: true,
				message: {
					attachments: {
						goodCard: {
							nmID: 12345678,
							price: 500,
							priceCurrency: 'RUB',
							rid: '2fb52cd9e25e52538a5f05994e688ae5',
							size: '0',
						},
						files: [
							{
								contentType: 'application/pdf',
								date: '2023-10-23T08:02:19.594Z',
								downloadID: 'ecaeb056-a4ee-45b4-ae45-666811755d38',
								name: 'Чек.pdf',
								url: 'https://chat-basket-01.wbbasket.ru/vol0/part3265/fb25c9e9-cae8-52db-b68e-736c1896a3f5/pdf/0380e781-281e-41b5-8ae1-ce281f15a4a7.pdf',
								size: 1046143,
							},
						],
						images: [
							{
								date: '2023-10-23T08:02:20.717Z',
								downloadID: 'fd6be4e3-5447-41d7-a1e6-b2d3e06c3b05',
								url: 'https://chat-basket-01.wbbasket.ru/vol0/part2345/fb89c9e9-cae8-52db-b68e-736c1466a3f5/jpg/0823ff24-821e-40e9-8cdf-0a2b5fd86a32.jpg',
							},
						],
					},
					text: 'Здравствуйте! У меня вопрос по товару "Альбом, бренд Эконом, артикул 13480414, товар получен 18.10.2023"',
				},
				source: 'rusite',
				addTimestamp: 1698037340000,
				addTime: '2023-10-23T05:02:20Z',
				replySign:
					'1:1e265a58-a120-b178-008c-60af2460207c:66f136e919a8207e136757754f253189bfb9ae1ad9da9170c9d5c478626663908888c370216525bef51c0ca8d77952e05c9c17f9b63ab00374c5555b42efc07d',
				sender: 'client',
				clientName: 'Алёна',
			},
			{
				chatID: '1:1e265a58-a120-b178-008c-60af2460207c',
				eventID: 'cef95d3c-0345-4dc9-b6df-4c8c57a176a9',
				eventType: 'message',
				message: { text: 'Здравствуйте! Пришёл не тот цвет. Можно вернуть и заказать другой товар?' },
				source: 'rusite',
				addTimestamp: 1698037387000,
				addTime: '2023-10-23T05:03:07Z',
				sender: 'client',
				clientName: 'Алёна',
			},
			{
				chatID: '1:1e265a58-a120-b178-008c-60af2460207c',
				eventID: 'fd22e5bf-64fd-43f7-b3a0-ad29uu027f97',
				eventType: 'message',
				message: { text: 'Здравствуйте. Да, сейчас оформим возврат.' },
				source: 'seller-public-api',
				addTimestamp: 1698038124000,
				addTime: '2023-10-23T05:15:24Z',
				sender: 'seller',
			},
			{
				chatID: '1:1e265a58-a120-b178-008c-60af2460207c',
				eventID: 'cef95d3c-0345-4dc9-b6df-4c8c75a176a7',
				eventType: 'message',
				addTimestamp: 1698045576000,
				addTime: '2023-10-23T07:19:36Z',
				sender: 'seller',
			},
		],
	},
	errors: null,
};

export function chatEventsBody(): { result: { next: number; totalEvents: number; events: Record<string, unknown>[] } & Record<string, unknown>; errors: null } {
	return copy(SPEC_EVENTS);
}

export function chatEvent(index: number): Record<string, unknown> {
	return copy(SPEC_EVENTS.result.events[index]) as Record<string, unknown>;
}

// GET /api/v1/seller/chats (Chat schema examples)
export function chatsBody() {
	return {
		result: [
			{
				chatID: '1:4019cd7d-cca8-4e90-8b11-f78afbea42e3',
				replySign:
					'1:4019cd7d-cca8-4e90-8b11-f78afbea42e3:54828159:bc3a4c04079f5956cff170b25e73523aa1208b5c0bd7aea1e520a64ae3e212b1ebae6712661f3afd27520fa785fa3042254e8a3100ce00644322054ae7cfcd0e',
				clientName: 'Иван',
				goodCard: { nmID: 12345678, price: 500, priceCurrency: 'RUB', rid: 'f884001e44e511edb8780242ac120002', size: '0' },
				lastMessage: { text: 'Можно заказать 100 штук?', addTimestamp: 1766138234889 },
			},
			{
				chatID: '1:1e265a58-a120-b178-008c-60af2460207c',
				replySign: '1:1e265a58-a120-b178-008c-60af2460207c:66f136e919a8207e',
				clientName: 'Алёна',
			},
		],
		errors: null,
	};
}

// GET /api/v3/orders (Order schema examples)
export function fbsOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		address: null,
		scanPrice: null,
		deliveryType: 'fbs',
		supplyId: 'WB-GI-92937123',
		orderUid: '165918930_629fbc924b984618a44354475ca58675',
		article: 'one-ring-7548',
		colorCode: 'RAL 3017',
		rid: 'f884001e44e511edb8780242ac120002',
		createdAt: '2022-05-04T07:56:29Z',
		offices: ['Калуга'],
		skus: ['6665956397512'],
		id: 13833711,
		warehouseId: 658434,
		officeId: 123,
		nmId: 12345678,
		chrtId: 987654321,
		price: 1014,
		convertedPrice: 28322,
		currencyCode: 933,
		convertedCurrencyCode: 643,
		cargoType: 1,
		crossBorderType: 0,
		comment: 'Упакуйте в плёнку, пожалуйста',
		isZeroOrder: false,
		options: { isB2B: false },
		...overrides,
	};
}

export function fbsOrdersBody(orders: unknown[] = [fbsOrder()]) {
	return { next: 13833711, orders };
}

// GET /api/v1/supplier/orders example row
export function supplierOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		date: '2022-03-04T18:08:31',
		lastChangeDate: '2022-03-06T10:11:07',
		warehouseName: 'Подольск',
		warehouseType: 'Склад продавца',
		countryName: 'Россия',
		oblastOkrugName: 'Центральный федеральный округ',
		regionName: 'Московская',
		supplierArticle: '12345',
		nmId: 1234567,
		barcode: '123453559000',
		category: 'Бытовая техника',
		subject: 'Мультистайлеры',
		brand: 'Тест',
		techSize: '0',
		incomeID: 56735459,
		isSupply: false,
		isRealization: true,
		totalPrice: 1887,
		discountPercent: 18,
		spp: 26,
		finishedPrice: 1145,
		priceWithDisc: 1547,
		isCancel: true,
		cancelDate: '2022-03-09T00:00:00',
		sticker: '926912515',
		gNumber: '34343462218572569531',
		srid: '11.rf9ef11fce1684117b0nhj96222982382.3.0',
		...overrides,
	};
}

// A public card.json in WB's shape (abridged)
export function cardBody(): Record<string, unknown> {
	return {
		imt_id: 361904004,
		nm_id: 287700029,
		imt_name: 'Пальто шерстяное натуральное',
		slug: 'palto-sherstyanoe-naturalnoe',
		subj_name: 'Пальто',
		subj_root_name: 'Одежда',
		vendor_code: '4412726',
		description: 'Черное пальто женское. Состав: 100% шерсть натуральная.\n\nВерхняя одежда имеет прямой силуэт.',
		options: [
			{ name: 'Состав', value: 'шерсть натуральная 100%', charc_type: 1 },
			{ name: 'Цвет', value: 'черный', is_variable: true, charc_type: 1, variable_values: ['черный'] },
			{ name: 'Рост модели на фото', value: '175 см', charc_type: 4 },
			{ name: 'Страна производства', value: 'Россия', charc_type: 1 },
		],
		compositions: [{ name: 'шерсть натуральная 100%' }],
		sizes_table: {
			details_props: ['RU', 'Обхват бедер, в см', 'Обхват талии, в см', 'Обхват груди, в см'],
			values: [
				{ tech_size: 'XS', chrt_id: 439778161, details: ['42', '90-94', '62-66', '82-86'] },
				{ tech_size: 'S', chrt_id: 439778162, details: ['44', '94-98', '66-70', '86-90'] },
				{ tech_size: 'M', chrt_id: 439778163, details: ['46', '98-102', '70-74', '90-94'] },
			],
		},
		certificate: {},
		nm_colors_names: 'черный',
		contents: '1 шт',
		selling: { brand_name: 'MAISON DAVID', brand_hash: '74D276D603DADCF9', supplier_id: 528630 },
		media: { has_video: true, photo_count: 5 },
		data: { subject_id: 170, subject_root_id: 1 },
	};
}

// Error bodies per host, from the specs' examples
export const ERRORS = {
	feedbacks403: {
		data: null,
		error: true,
		errorText: 'Ошибка авторизации',
		additionalErrors: null,
		requestId: '734c9ea8-39e5-45c9-8cad-f03c13f733e9',
	},
	feedbacks404: {
		data: null,
		error: true,
		errorText: 'Не найден отзыв',
		additionalErrors: null,
		requestId: '734c9ea8-39e5-45c9-8cad-f03c13f733e9',
	},
	feedbacksDateFrom400: {
		data: null,
		error: true,
		errorText: 'Плохой формат dateFrom',
		additionalErrors: null,
		requestId: '734c9ea8-39e5-45c9-8cad-f03c13f733e9',
	},
	answer400: {
		title: 'bad request',
		requestId: 'e6c4100223db8bf5818b2e5f12705891',
		origin: 'fbapi',
		detail: 'content-type header not specified',
	},
	gateway401: {
		title: 'unauthorized',
		detail: 'token problem; token is malformed: could not base64 decode signature: illegal base64 data at input byte 84',
		code: '07e4668e--a53a3d31f8b0-[UK-oWaVDUqNrKG]; 03bce=277; 84bd353bf-75',
		requestId: '7b80742415072fe8b6b7f7761f1d1211',
		origin: 's2s-api-auth-catalog',
		status: 401,
		statusText: 'Unauthorized',
		timestamp: '2024-09-30T06:52:38Z',
	},
	gateway402: {
		title: 'payment required',
		detail:
			"wb solution for business has insufficient funds on its balance. please top up the balance in the company's personal account https://dev.wildberries.ru/company",
	},
	gateway429: {
		title: 'too many requests',
		detail: 'limited by c122a060-a7fb-4bb4-abb0-32fd4e18d489',
		code: '07e4668e-ac2242c5c8c5-[UK-4dx7JUdskGZ]',
		requestId: '9d3c02cc698f8b041c661a7c28bed293',
		origin: 's2s-api-auth-catalog',
		status: 429,
		statusText: 'Too Many Requests',
		timestamp: '2024-09-30T06:52:38Z',
	},
	chatInvalidSignature: {
		status: 400,
		title: 'Bad Request',
		origin: 'proxy-chats',
		detail: 'Invalid signature',
		requestId: '1b21cad4833a0c9244dc294a000f6149',
		error: 'Invalid signature',
	},
	chatInvalidNext: {
		status: 400,
		title: 'Bad Request',
		origin: 'proxy-chats',
		detail: 'Invalid value for "next"',
		requestId: '62f59a4ce21064f20b1bbc28c85f38d8',
		error: 'Invalid value for "next"',
	},
	marketplaceAccessDenied: { code: 'AccessDenied', message: 'Доступ запрещён' },
	marketplaceIncorrectParameter: { code: 'IncorrectParameter', message: 'Передан некорректный параметр' },
	statisticsDateFrom: { errors: ['dateFrom: field required'] },
	statisticsDateFromString: { errors: 'dateFrom: Value not validated' },
};
