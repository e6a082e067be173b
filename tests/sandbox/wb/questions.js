'use strict';
// feedbacks-api.wildberries.ru, questions part (09-communications.yaml, tag "Вопросы").
// Question states: suppliersPortalSynch = new, wbRu = answered and published, none = rejected by the seller.

const { parseJsonBody } = require('../core/http');
const { DAY, moscowDayStart } = require('../core/time');
const { feedbacksError } = require('./errors');
const { boolParam, intParam, enumParam, offsetPage } = require('./params');
const { publicView } = require('./model');
const { ok, paramError, sortByDate, inPeriod, charCount } = require('./feedbacks');

const EDIT_WINDOW_MS = 60 * DAY;
const MAX_WINDOW = 10000;
const ANSWER_MIN = 2;
const ANSWER_MAX = 5000;

function isOpen(q) {
	return q.state === 'suppliersPortalSynch';
}

function listQuestions(ctx) {
	let isAnswered, take, skip, nmId, order, dateFrom, dateTo;
	try {
		isAnswered = boolParam(ctx.query, 'isAnswered', { required: true });
		take = intParam(ctx.query, 'take', { required: true, min: 1, max: MAX_WINDOW });
		skip = intParam(ctx.query, 'skip', { required: true, min: 0, max: MAX_WINDOW });
		nmId = intParam(ctx.query, 'nmId', { min: 1 });
		order = enumParam(ctx.query, 'order', ['dateAsc', 'dateDesc'], { defaultValue: 'dateDesc' });
		dateFrom = intParam(ctx.query, 'dateFrom', { min: 0 });
		dateTo = intParam(ctx.query, 'dateTo', { min: 0 });
	} catch (e) {
		return paramError(e);
	}
	if (take + skip > MAX_WINDOW) {
		return feedbacksError(400, 'Плохой формат take', [`take + skip must not exceed ${MAX_WINDOW} (got ${take} + ${skip})`]);
	}
	const all = ctx.wb.questions;
	const matching = all.filter(
		(q) => isOpen(q) !== isAnswered && (nmId === undefined || q.productDetails.nmId === nmId) && inPeriod(q, dateFrom, dateTo),
	);
	const page = offsetPage(sortByDate(matching, order), skip, take, ctx.duplicate);
	return ok({
		countUnanswered: all.filter(isOpen).length,
		countArchive: all.filter((q) => !isOpen(q)).length,
		questions: page.map(publicView),
	});
}

function countUnanswered(ctx) {
	const today = moscowDayStart(ctx.now());
	const open = ctx.wb.questions.filter(isOpen);
	return ok({ countUnanswered: open.length, countUnansweredToday: open.filter((q) => q._createdMs >= today).length });
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
	return ok(ctx.wb.questions.filter((q) => isOpen(q) !== isAnswered && inPeriod(q, dateFrom, dateTo)).length);
}

function getOne(ctx) {
	const id = ctx.query.id;
	const q = id && ctx.wb.questions.find((x) => x.id === id);
	if (!q) return feedbacksError(422, 'Невозможно получить вопрос по id', id ? null : ['id: required']);
	return ok(publicView(q));
}

function newFeedbacksQuestions(ctx) {
	return ok({
		hasNewQuestions: ctx.wb.questions.some((q) => !q.wasViewed),
		hasNewFeedbacks: ctx.wb.feedbacks.some((f) => !f.wasViewed),
	});
}

const cannotEdit = (reason) => feedbacksError(422, 'Не удалось отредактировать вопрос', [reason]);

function patchQuestion(ctx) {
	const parsed = parseJsonBody(ctx.body);
	if (parsed.error) return feedbacksError(400, 'failed to decode JSON request.', [parsed.error]);
	const body = parsed.value;
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return feedbacksError(400, 'Неправильный запрос', ['a JSON object is expected']);
	}
	if (typeof body.id !== 'string' || !body.id) return feedbacksError(400, 'Неправильный запрос', ['id: required (string)']);
	const q = ctx.wb.questions.find((x) => x.id === body.id);

	if (body.answer === undefined && body.state === undefined) {
		if (typeof body.wasViewed !== 'boolean') {
			return feedbacksError(400, 'Неправильный запрос', [
				`question ${body.id}: send {id, wasViewed} to mark it viewed or {id, answer: {text}, state} to answer or reject it`,
			]);
		}
		if (!q) return feedbacksError(404, 'Не найден вопрос', [`id: ${body.id}`]);
		q.wasViewed = body.wasViewed;
		return ok(null);
	}

	if (body.state !== 'wbRu' && body.state !== 'none') {
		return feedbacksError(400, 'Неправильный запрос', [`state: must be "wbRu" or "none" (question ${body.id})`]);
	}
	if (!body.answer || typeof body.answer !== 'object' || typeof body.answer.text !== 'string') {
		return feedbacksError(400, 'Неправильный запрос', [`answer.text: required (string) (question ${body.id})`]);
	}
	const text = body.answer.text;
	const n = charCount(text);
	if (body.state === 'wbRu' && (n < ANSWER_MIN || n > ANSWER_MAX || !text.trim())) {
		return feedbacksError(400, 'Неправильный запрос', [
			`answer.text: must be ${ANSWER_MIN}..${ANSWER_MAX} characters (got ${n}) (question ${body.id})`,
		]);
	}
	if (n > ANSWER_MAX) {
		return feedbacksError(400, 'Неправильный запрос', [`answer.text: at most ${ANSWER_MAX} characters (got ${n}) (question ${body.id})`]);
	}
	if (!q) return feedbacksError(404, 'Не найден вопрос', [`id: ${body.id}`]);
	const now = ctx.now();

	if (body.state === 'none') {
		if (!isOpen(q)) return cannotEdit(`question ${q.id} is already ${q.state === 'wbRu' ? 'answered' : 'rejected'}`);
		q.state = 'none';
		q.answer = { text, editable: false, createDate: new Date(now).toISOString() };
		q.wasViewed = true;
		q._answeredMs = now;
		ctx.recordReply('questionReject', q.id, text);
		return ok(null);
	}
	if (q.state === 'none') return cannotEdit(`question ${q.id} was rejected`);
	if (q.state === 'wbRu') {
		if (!q.answer || !q.answer.editable) return cannotEdit(`the answer to question ${q.id} was already edited once`);
		if (q._answeredMs != null && now - q._answeredMs > EDIT_WINDOW_MS) {
			return cannotEdit(`the answer to question ${q.id} is older than 60 days`);
		}
		q.answer = { ...q.answer, text, editable: false };
		ctx.recordReply('questionAnswer', q.id, text, { edit: true });
		return ok(null);
	}
	q.state = 'wbRu';
	q.answer = { text, editable: true, createDate: new Date(now).toISOString() };
	q.wasViewed = true;
	q._answeredMs = now;
	ctx.recordReply('questionAnswer', q.id, text, { edit: false });
	return ok(null);
}

const routes = [
	{ method: 'GET', path: '/api/v1/new-feedbacks-questions', handler: newFeedbacksQuestions },
	{ method: 'GET', path: '/api/v1/questions/count-unanswered', handler: countUnanswered },
	{ method: 'GET', path: '/api/v1/questions/count', handler: count },
	{ method: 'GET', path: '/api/v1/questions', handler: listQuestions },
	{ method: 'PATCH', path: '/api/v1/questions', handler: patchQuestion },
	{ method: 'GET', path: '/api/v1/question', handler: getOne },
];

module.exports = { routes, isOpen };
