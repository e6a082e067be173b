'use strict';
// The WB in-memory model: records are kept in the API's own shapes (as the spec lists the fields)
// plus internal fields whose names start with "_" (timestamps in ms, statuses the API shows elsewhere).
// `publicView` strips those, so what a handler returns is exactly the spec shape.

const { utcSeconds, utcMillis, moscowWithOffset, moscowLocal } = require('../core/time');

function publicView(record) {
	const out = {};
	for (const [k, v] of Object.entries(record)) if (!k.startsWith('_')) out[k] = v;
	return out;
}

function productByKey(wb, key) {
	return wb.products.find((p) => p.key === key);
}

function productByNm(wb, nmId) {
	return wb.products.find((p) => p.nmId === nmId);
}

function sizeOf(product, techSize) {
	return product.sizes.find((s) => s.techSize === techSize) || product.sizes[0];
}

function photoLinks(shkId, count) {
	if (!count) return null;
	const links = [];
	for (let k = 0; k < count; k++) {
		const photoId = (shkId % 900000000) + 100000000 + k;
		const base = `https://feedback0${1 + (photoId % 4)}.wbbasket.ru/vol${Math.floor(photoId / 1e5)}/part${Math.floor(photoId / 1e3)}/${photoId}/photos`;
		links.push({ fullSize: `${base}/fs.webp`, miniSize: `${base}/ms.webp` });
	}
	return links;
}

/** A feedback (GET /api/v1/feedbacks item). */
function makeFeedback(wb, f) {
	const p = f.product;
	const size = sizeOf(p, f.size);
	const sized = !(p.sizes.length === 1 && p.sizes[0].techSize === '0');
	return {
		id: f.id,
		text: f.text || '',
		pros: f.pros || '',
		cons: f.cons || '',
		productValuation: f.rating,
		createdDate: moscowWithOffset(f.createdMs),
		answer: f.answer ? { text: f.answer.text, state: 'wbRu', editable: f.answer.editable } : null,
		state: f.answer ? 'wbRu' : 'none',
		productDetails: {
			imtId: p.imtId,
			nmId: p.nmId,
			productName: p.name,
			supplierArticle: p.supplierArticle,
			supplierName: wb.seller.supplierName,
			brandName: p.brand,
			size: size.techSize,
		},
		video: null,
		wasViewed: Boolean(f.wasViewed),
		photoLinks: photoLinks(f.shkId, f.photos),
		userName: f.userName,
		orderStatus: f.orderStatus || 'buyout',
		matchingSize: sized ? f.matchingSize || 'ok' : '',
		isAbleSupplierFeedbackValuation: true,
		supplierFeedbackValuation: 0,
		isAbleSupplierProductValuation: true,
		supplierProductValuation: 0,
		isAbleReturnProductOrders: Boolean(f.isAbleReturnProductOrders),
		returnProductOrdersDate: null,
		bables: f.bables || null,
		lastOrderShkId: f.shkId,
		lastOrderCreatedAt: moscowWithOffset(f.orderCreatedMs),
		color: p.color,
		subjectId: p.subjectId,
		subjectName: p.subjectName,
		parentFeedbackId: null,
		childFeedbackId: null,
		_createdMs: f.createdMs,
		_answeredMs: f.answer ? f.answer.answeredMs : null,
		_source: f.source || null,
	};
}

/** A question (GET /api/v1/questions item). */
function makeQuestion(wb, q) {
	const p = q.product;
	return {
		id: q.id,
		text: q.text,
		createdDate: utcMillis(q.createdMs),
		state: q.state || 'suppliersPortalSynch',
		answer: q.answer ? { text: q.answer.text, editable: q.answer.editable, createDate: utcMillis(q.answer.answeredMs) } : null,
		productDetails: {
			nmId: p.nmId,
			imtId: p.imtId,
			productName: p.name,
			supplierArticle: p.supplierArticle,
			supplierName: wb.seller.supplierName,
			brandName: p.brand,
		},
		wasViewed: Boolean(q.wasViewed),
		isWarned: Boolean(q.isWarned),
		_createdMs: q.createdMs,
		_answeredMs: q.answer ? q.answer.answeredMs : null,
		_source: q.source || null,
	};
}

/** A chat event (GET /api/v1/seller/events item). replySign appears only on the event that opens a chat. */
function makeEvent(chat, e) {
	const event = {
		chatID: chat.chatID,
		eventID: e.eventID,
		eventType: 'message',
		isNewChat: Boolean(e.isNewChat),
		message: { text: e.text },
		source: e.source,
		addTimestamp: e.ms,
		addTime: utcSeconds(e.ms),
		sender: e.sender,
	};
	// WB's events feed carries the chat's order card (Listing) on the first event of a new chat, as the spec's
	// example shows; later events of the chat have only what the message itself attached.
	const goodCard = e.isNewChat && chat.goodCard ? { goodCard: { ...chat.goodCard } } : undefined;
	if (goodCard || e.attachments) event.message.attachments = { ...goodCard, ...e.attachments };
	if (e.isNewChat) event.replySign = chat.replySign;
	if (e.sender === 'client') event.clientName = chat.clientName;
	return event;
}

/**
 * Appends an event keeping the feed ordered with unique timestamps, so that a client following
 * `next = last addTimestamp + 1` never skips one and always sees a new one.
 */
function appendEvent(wb, chat, e) {
	const last = wb.events.length ? wb.events[wb.events.length - 1].addTimestamp : -Infinity;
	const ms = Math.max(e.ms, last + 1);
	const event = makeEvent(chat, { ...e, ms });
	wb.events.push(event);
	if (!chat.lastMessage || chat.lastMessage.addTimestamp <= ms) chat.lastMessage = { text: e.text, addTimestamp: ms };
	return event;
}

function pricesOf(product, spp) {
	const priceWithDisc = product.price;
	const finishedPrice = Math.round(priceWithDisc * (1 - spp / 100));
	return { totalPrice: product.fullPrice, discountPercent: product.discount, spp, priceWithDisc, finishedPrice };
}

/** An FBS assembly order (GET /api/v3/orders item) with its statuses as internal fields. */
function makeOrder(wb, o) {
	const p = o.product;
	const size = sizeOf(p, o.size);
	const prices = pricesOf(p, o.spp);
	const order = {
		address: null,
		scanPrice: null,
		deliveryType: 'fbs',
		orderUid: o.orderUid,
		article: p.supplierArticle,
		colorCode: '',
		rid: o.rid,
		createdAt: utcSeconds(o.createdMs),
		offices: wb.seller.offices.slice(),
		skus: [size.barcode],
		id: o.id,
		warehouseId: wb.seller.warehouseId,
		officeId: wb.seller.officeId,
		nmId: p.nmId,
		chrtId: size.chrtId,
		price: prices.finishedPrice * 100,
		convertedPrice: prices.finishedPrice * 100,
		currencyCode: 643,
		convertedCurrencyCode: 643,
		cargoType: p.cargoType,
		crossBorderType: 0,
		comment: o.comment || '',
		isZeroOrder: false,
		options: { isB2B: false },
		_createdMs: o.createdMs,
		_lastChangeMs: o.lastChangeMs,
		_supplierStatus: o.supplierStatus,
		_wbStatus: o.wbStatus,
		_isCancel: Boolean(o.isCancel),
		_sticker: o.sticker,
		_gNumber: o.gNumber,
		_spp: o.spp,
		_regionName: o.regionName,
		_oblastOkrugName: o.oblastOkrugName,
		_techSize: size.techSize,
	};
	if (o.supplyId) order.supplyId = o.supplyId;
	return order;
}

const NEVER = '0001-01-01T00:00:00';

/** A statistics row (GET /api/v1/supplier/orders item). */
function makeStatsRow(wb, r) {
	const p = r.product;
	const size = sizeOf(p, r.size);
	return {
		date: moscowLocal(r.createdMs),
		lastChangeDate: moscowLocal(r.lastChangeMs),
		warehouseName: r.warehouseName,
		warehouseType: r.fbs ? 'Склад продавца' : 'Склад WB',
		countryName: 'Россия',
		oblastOkrugName: r.oblastOkrugName,
		regionName: r.regionName,
		supplierArticle: p.supplierArticle,
		nmId: p.nmId,
		barcode: size.barcode,
		category: p.subjectRootName,
		subject: p.subjectName,
		brand: p.brand,
		techSize: size.techSize,
		incomeID: r.incomeID || 0,
		isSupply: false,
		isRealization: true,
		...pricesOf(p, r.spp),
		isCancel: Boolean(r.isCancel),
		cancelDate: r.isCancel ? moscowLocal(r.cancelMs) : NEVER,
		sticker: r.sticker || '',
		gNumber: r.gNumber,
		srid: r.srid,
		_dateMs: r.createdMs,
		_lastChangeMs: r.lastChangeMs,
	};
}

function statsRowFromOrder(wb, order) {
	return makeStatsRow(wb, {
		product: productByNm(wb, order.nmId),
		size: order._techSize,
		createdMs: order._createdMs,
		lastChangeMs: order._lastChangeMs,
		warehouseName: wb.seller.warehouseName,
		fbs: true,
		regionName: order._regionName,
		oblastOkrugName: order._oblastOkrugName,
		spp: order._spp,
		isCancel: order._isCancel,
		cancelMs: order._lastChangeMs,
		sticker: order._sticker,
		gNumber: order._gNumber,
		srid: order.rid,
	});
}

module.exports = {
	publicView,
	productByKey,
	productByNm,
	sizeOf,
	makeFeedback,
	makeQuestion,
	makeEvent,
	appendEvent,
	makeOrder,
	makeStatsRow,
	statsRowFromOrder,
};
