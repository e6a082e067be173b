'use strict';
// buyer-chat-api.wildberries.ru (09-communications.yaml, tag "Чат с покупателями").

const { json } = require('../core/http');
const { parseMultipart, MultipartError } = require('../core/multipart');
const { chatError } = require('./errors');
const { appendEvent } = require('./model');

const MESSAGE_MAX = 1000;
const REPLY_SIGN_MAX = 255;
const FILE_MAX = 5 * 1024 * 1024;
const FILES_TOTAL_MAX = 30 * 1024 * 1024;
const FILE_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };
const BY_EXTENSION = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

function listChats(ctx) {
	const chats = ctx.wb.chats
		.slice()
		.sort((a, b) => (b.lastMessage ? b.lastMessage.addTimestamp : 0) - (a.lastMessage ? a.lastMessage.addTimestamp : 0));
	return json(200, { result: chats.map((c) => JSON.parse(JSON.stringify(c))), errors: null });
}

/** First index whose addTimestamp >= ms (the feed is sorted with unique timestamps). */
function lowerBound(events, ms) {
	let lo = 0;
	let hi = events.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (events[mid].addTimestamp < ms) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function listEvents(ctx) {
	const raw = ctx.query.next;
	let next;
	if (raw !== undefined && raw !== '') {
		if (!/^\d+$/.test(raw)) return chatError(400, 'Invalid number', { title: 'Bad Request' });
		next = Number(raw);
		if (next === 0) return chatError(400, 'Invalid value for "next"', { title: 'Bad Request' });
	}
	const events = ctx.wb.events;
	let start = next === undefined ? 0 : lowerBound(events, next);
	if (ctx.duplicate > 0 && next !== undefined && start < events.length) start = Math.max(0, start - ctx.duplicate);
	const page = JSON.parse(JSON.stringify(events.slice(start, start + ctx.eventsPageSize)));
	const result = { next: next === undefined ? ctx.now() : next };
	if (page.length) {
		// The cursor moves past the last returned event; with nothing new it stays where it was.
		result.next = page[page.length - 1].addTimestamp + 1;
		result.newestEventTime = page[page.length - 1].addTime;
		result.oldestEventTime = page[0].addTime;
	}
	result.totalEvents = page.length;
	result.events = page;
	return json(200, { result, errors: null });
}

const bad = (detail) => chatError(400, detail, { asProblem: true, title: 'Bad Request' });

function fileCode(ctx) {
	return ctx.rng.chars('0123456789ABCDEF', 11);
}

function sendMessage(ctx) {
	let form;
	try {
		form = parseMultipart(ctx.body, ctx.headers['content-type']);
	} catch (e) {
		if (e instanceof MultipartError) return bad(`Invalid request: ${e.message}`);
		throw e;
	}
	const replySign = (form.fields.replySign || [])[0];
	if (!replySign || replySign.length > REPLY_SIGN_MAX) return bad('Invalid value for "replySign"');
	const chat = ctx.wb.chats.find((c) => c.replySign === replySign);
	if (!chat) return bad('Invalid signature');
	const message = (form.fields.message || [])[0] || '';
	const files = form.files.filter((f) => f.field === 'file');
	if (Array.from(message).length > MESSAGE_MAX) return bad('Invalid value for "message"');
	if (!message.trim() && !files.length) return bad('Invalid value for "message"');
	let total = 0;
	for (const f of files) {
		const declared = f.contentType.split(';')[0].trim().toLowerCase();
		const ext = (f.filename.split('.').pop() || '').toLowerCase();
		f.type = FILE_TYPES[declared] ? declared : declared === 'application/octet-stream' ? BY_EXTENSION[ext] : undefined;
		if (!f.type) return bad(`${fileCode(ctx)}: "${f.filename}" has unsupported mime type`);
		if (f.data.length > FILE_MAX) return bad(`${fileCode(ctx)}: attachment too big. Max size: 5MiB`);
		total += f.data.length;
	}
	if (total > FILES_TOTAL_MAX) return bad(`${fileCode(ctx)}: attachments too big. Max total size: 30MiB`);

	const now = ctx.now();
	let attachments;
	if (files.length) {
		attachments = {};
		for (const f of files) {
			const downloadID = ctx.rng.uuid();
			ctx.wb.files[downloadID] = { contentType: f.type, name: f.filename, data: f.data };
			const url = `${ctx.baseUrl}/wb/chat/api/v1/seller/download/${downloadID}`;
			const date = new Date(now).toISOString();
			if (f.type === 'application/pdf') {
				(attachments.files = attachments.files || []).push({
					contentType: f.type,
					date,
					downloadID,
					name: f.filename,
					url,
					size: f.data.length,
				});
			} else {
				(attachments.images = attachments.images || []).push({ date, downloadID, url });
			}
		}
	}
	const event = appendEvent(ctx.wb, chat, {
		eventID: ctx.rng.uuid(),
		sender: 'seller',
		source: 'seller-public-api',
		text: message,
		ms: now,
		isNewChat: false,
		attachments,
	});
	ctx.recordReply('chatMessage', chat.chatID, message, files.length ? { files: files.map((f) => f.filename) } : {});
	return json(200, { result: { addTime: event.addTimestamp, chatID: chat.chatID, sign: chat.replySign }, errors: [] });
}

function download(ctx) {
	const file = ctx.wb.files[ctx.params.id];
	if (!file) return chatError(400, 'invalid fileID', { title: 'invalid fileID' });
	return { status: 200, raw: file.data, contentType: file.contentType };
}

const routes = [
	{ method: 'GET', path: '/api/v1/seller/chats', handler: listChats },
	{ method: 'GET', path: '/api/v1/seller/events', handler: listEvents },
	{ method: 'POST', path: '/api/v1/seller/message', handler: sendMessage },
	{ method: 'GET', path: /^\/api\/v1\/seller\/download\/(?<id>[^/]+)$/, handler: download },
];

module.exports = { routes, lowerBound };
