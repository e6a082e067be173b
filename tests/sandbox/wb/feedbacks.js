'use strict';
// feedbacks-api.wildberries.ru, reviews part (09-communications.yaml, tag "Отзывы").

const { json, noContent, parseJsonBody } = require('../core/http');
const { DAY, moscowDayStart } = require('../core/time');
const { feedbacksError, feedbacksBadRequest } = require('./errors');
const { ParamError, boolParam, intParam, enumParam, offsetPage } = require('./params');
const { publicView } = require('./model');

const ARCHIVE_AFTER_MS = 30 * DAY;
const EDIT_WINDOW_MS = 60 * DAY;
const ANSWER_MIN = 2;
const ANSWER_MAX = 5000;

function ok(data) {
	return json(200, { data, error: false, errorText: '', additionalErrors: null });
}

function paramError(e) {
	if (!(e instanceof ParamError)) throw e;
	return feedbacksError(400, `Плохой формат ${e.param}`, [e.message]);
}

function hasContent(f) {
	return Boolean(f.text || f.pros || f.cons || (f.photoLinks && f.photoLinks.length) || f.video);
}

/** Unanswered and still in the working list: WB archives a feedback after 30 days, or at once when it has no text or photo. */
function isUnanswered(f, now) {
	return !f.answer && now - f._createdMs <= ARCHIVE_AFTER_MS && hasContent(f);
}

function isArchived(f, now) {
	return Boolean(f.answer) || now - f._createdMs > ARCHIVE_AFTER_MS || !hasContent(f);
}

function sortByDate(items, order) {
	const dir = order === 'dateAsc' ? 1 : -1;
	return items.slice().sort((a, b) => dir * (a._createdMs - b._createdMs) || (a.id < b.id ? -1 : 1));
}

function inPeriod(item, dateFrom, dateTo) {
	if (dateFrom !== undefined && item._createdMs < dateFrom * 1000) return false;
	if (dateTo !== undefined && item._createdMs > dateTo * 1000) return false;
	return true;
}

function countsOf(ctx) {
	const now = ctx.now();
	const all = ctx.wb.feedbacks;
	return {
		countUnanswered: all.filter((f) => isUnanswered(f, now)).length,
		countArchive: all.filter((f) => f.answer).length,
	};
}

function listFeedbacks(ctx) {
	let isAnswered, take, skip, nmId, order, dateFrom, dateTo;
	try {
		isAnswered = boolParam(ctx.query, 'isAnswered', { required: true });
		take = intParam(ctx.query, 'take', { required: true, min: 1, max: 5000 });
		skip = intParam(ctx.query, 'skip', { required: true, min: 0, max: 199990 });
		nmId = intParam(ctx.query, 'nmId', { min: 1 });
		order = enumParam(ctx.query, 'order', ['dateAsc', 'dateDesc'], { defaultValue: 'dateDesc' });
		dateFrom = intParam(ctx.query, 'dateFrom', { min: 0 });
		dateTo = intParam(ctx.query, 'dateTo', { min: 0 });
	} catch (e) {
		return paramError(e);
	}
	const now = ctx.now();
	const matching = ctx.wb.feedbacks.filter(
		(f) =>
			(isAnswered ? Boolean(f.answer) : isUnanswered(f, now)) &&
			(nmId === undefined || f.productDetails.nmId === nmId) &&
			inPeriod(f, dateFrom, dateTo),
	);
	const page = offsetPage(sortByDate(matching, order), skip, take, ctx.duplicate);
	return ok({ ...countsOf(ctx), feedbacks: page.map(publicView) });
}

function listArchive(ctx) {
	let take, skip, nmId, order;
	try {
		take = intParam(ctx.query, 'take', { required: true, min: 1, max: 5000 });
		skip = intParam(ctx.query, 'skip', { required: true, min: 0 });
		nmId = intParam(ctx.query, 'nmId', { min: 1 });
		order = enumParam(ctx.query, 'order', ['dateAsc', 'dateDesc'], { defaultValue: 'dateDesc' });
	} catch (e) {
		return paramError(e);
	}
	const now = ctx.now();
	const matching = ctx.wb.feedbacks.filter((f) => isArchived(f, now) && (nmId === undefined || f.productDetails.nmId === nmId));
	const page = offsetPage(sortByDate(matching, order), skip, take, ctx.duplicate);
	return ok({ feedbacks: page.map(publicView) });
}

function countUnanswered(ctx) {
	const now = ctx.now();
	const today = moscowDayStart(now);
	const open = ctx.wb.feedbacks.filter((f) => isUnanswered(f, now));
	return ok({ countUnanswered: open.length, countUnansweredToday: open.filter((f) => f._createdMs >= today).length });
}

function count(ctx) {
	let isAnswered, dateFrom, dateTo;
	try {
		dateFrom = intParam(ctx.query, 'dateFrom', { min: 0 });
		dateTo = intParam(ctx.query, 'dateTo', { min: 0 });
		isAnswered = boolParam(ctx.query, 'isAnswered', { defaultValue: true });
	} catch (e) {
		return paramError(e);
	}
	const now = ctx.now();
	const n = ctx.wb.feedbacks.filter(
		(f) => (isAnswered ? Boolean(f.answer) : isUnanswered(f, now)) && inPeriod(f, dateFrom, dateTo),
	).length;
	return ok(n);
}

function getOne(ctx) {
	const id = ctx.query.id;
	const f = id && ctx.wb.feedbacks.find((x) => x.id === id);
	if (!f) return feedbacksError(422, 'Невозможно получить отзыв по id', id ? null : ['id: required']);
	return ok(publicView(f));
}

function charCount(s) {
	return Array.from(s).length;
}

/** Reads {id, text} of the answer methods; returns { value } or { response } (a 400 in the standardized shape). */
function readAnswerBody(ctx) {
	const contentType = ctx.headers['content-type'];
	if (!contentType) return { response: feedbacksBadRequest('content-type header not specified') };
	if (!/^application\/json\s*(;|$)/i.test(contentType)) {
		return { response: feedbacksBadRequest(`not a json content-type: ${contentType.split(';')[0].trim()}`) };
	}
	const parsed = parseJsonBody(ctx.body);
	if (parsed.error) return { response: feedbacksBadRequest('Неверный синтаксис JSON') };
	const body = parsed.value;
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return { response: feedbacksBadRequest('invalid request body: a JSON object {id, text} is expected') };
	}
	if (typeof body.id !== 'string' || !body.id) {
		return { response: feedbacksBadRequest('invalid request body: field "id" is required (string)') };
	}
	if (typeof body.text !== 'string') {
		return { response: feedbacksBadRequest(`invalid request body: field "text" is required (string) for feedback ${body.id}`) };
	}
	const n = charCount(body.text);
	if (n < ANSWER_MIN || n > ANSWER_MAX || !body.text.trim()) {
		return {
			response: feedbacksBadRequest(
				`invalid request body: field "text" must be ${ANSWER_MIN}..${ANSWER_MAX} characters (got ${n}) for feedback ${body.id}`,
			),
		};
	}
	return { value: body };
}

function postAnswer(ctx) {
	const { value, response } = readAnswerBody(ctx);
	if (response) return response;
	const f = ctx.wb.feedbacks.find((x) => x.id === value.id);
	if (!f) {
		// WB does not validate the id here (spec: "ID отзыва не валидируется"): 204 and nothing happens.
		ctx.recordReply('feedbackAnswer', value.id, value.text, { applied: false });
		return noContent();
	}
	if (f.answer) {
		return feedbacksBadRequest(`feedback ${f.id} already has an answer: edit it with PATCH /api/v1/feedbacks/answer`);
	}
	const now = ctx.now();
	f.answer = { text: value.text, state: 'wbRu', editable: true };
	f.state = 'wbRu';
	f.wasViewed = true;
	f._answeredMs = now;
	ctx.recordReply('feedbackAnswer', f.id, value.text, { applied: true });
	return noContent();
}

function patchAnswer(ctx) {
	const { value, response } = readAnswerBody(ctx);
	if (response) return response;
	const f = ctx.wb.feedbacks.find((x) => x.id === value.id);
	// The spec: the ID is not validated, a wrong ID gets no error (and changes nothing).
	if (!f) {
		ctx.recordReply('feedbackAnswerEdit', value.id, value.text, { applied: false });
		return noContent();
	}
	if (!f.answer) return feedbacksError(422, 'Не удалось отредактировать ответ на отзыв', [`feedback ${f.id} has no answer to edit`]);
	if (!f.answer.editable) {
		return feedbacksError(422, 'Не удалось отредактировать ответ на отзыв', [`the answer to feedback ${f.id} was already edited once`]);
	}
	if (f._answeredMs != null && ctx.now() - f._answeredMs > EDIT_WINDOW_MS) {
		return feedbacksError(422, 'Не удалось отредактировать ответ на отзыв', [`the answer to feedback ${f.id} is older than 60 days`]);
	}
	f.answer = { text: value.text, state: 'wbRu', editable: false };
	ctx.recordReply('feedbackAnswerEdit', f.id, value.text, { applied: true });
	return noContent();
}

const routes = [
	{ method: 'GET', path: '/api/v1/feedbacks', handler: listFeedbacks },
	{ method: 'GET', path: '/api/v1/feedbacks/archive', handler: listArchive },
	{ method: 'GET', path: '/api/v1/feedbacks/count-unanswered', handler: countUnanswered },
	{ method: 'GET', path: '/api/v1/feedbacks/count', handler: count },
	{ method: 'GET', path: '/api/v1/feedback', handler: getOne },
	{ method: 'POST', path: '/api/v1/feedbacks/answer', handler: postAnswer },
	{ method: 'PATCH', path: '/api/v1/feedbacks/answer', handler: patchAnswer },
];

module.exports = { routes, ok, paramError, isUnanswered, isArchived, sortByDate, inPeriod, charCount };
