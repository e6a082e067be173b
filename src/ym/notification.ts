import { z } from 'zod';

// Market's push notifications (shared/specs/ym/notification-api): Market POSTs `<your URL>/notification` with
// `{notificationType, …}`. A PING must be answered within 1 s, others within 10 s, with 200 and
// `{version, name, time}`; a bad notification with 400 and `{error: {type, message}}`. Payloads carry ids only.
// The spec names are used (CHAT_MESSAGE_SENT, GOODS_FEEDBACK_CREATED, …), and `messageId` is a string there.

export const NOTIFICATION_TYPES = [
	'PING',
	'ORDER_CREATED',
	'ORDER_CANCELLED',
	'ORDER_STATUS_UPDATED',
	'ORDER_RETURN_CREATED',
	'ORDER_CANCELLATION_REQUEST',
	'ORDER_RETURN_STATUS_UPDATED',
	'ORDER_UPDATED',
	'GOODS_FEEDBACK_CREATED',
	'GOODS_FEEDBACK_COMMENT_CREATED',
	'CHAT_CREATED',
	'CHAT_MESSAGE_SENT',
	'CHAT_ARBITRAGE_STARTED',
	'CHAT_ARBITRAGE_FINISHED',
	'QUESTION_CREATED',
	'QUESTION_ANSWER_CREATED',
	'QUESTION_COMMENT_CREATED',
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

const id = z.number().int().positive();
const dateTime = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'must be an ISO date-time');

const schemas = {
	PING: z.object({ notificationType: z.literal('PING'), time: dateTime.optional() }).passthrough(),
	GOODS_FEEDBACK_CREATED: z
		.object({ notificationType: z.literal('GOODS_FEEDBACK_CREATED'), feedbackId: id, businessId: id, createdAt: dateTime, publishedAt: dateTime })
		.passthrough(),
	GOODS_FEEDBACK_COMMENT_CREATED: z
		.object({ notificationType: z.literal('GOODS_FEEDBACK_COMMENT_CREATED'), commentId: id, businessId: id, createdAt: dateTime })
		.passthrough(),
	CHAT_CREATED: z.object({ notificationType: z.literal('CHAT_CREATED'), chatId: id, businessId: id, createdAt: dateTime }).passthrough(),
	CHAT_MESSAGE_SENT: z
		.object({
			notificationType: z.literal('CHAT_MESSAGE_SENT'),
			chatId: id,
			// a string in the notification spec, an int64 in the Partner API
			messageId: z.union([z.string().regex(/^\d+$/, 'must be digits'), id]).transform(String),
			businessId: id,
			sentAt: dateTime,
		})
		.passthrough(),
	QUESTION_CREATED: z.object({ notificationType: z.literal('QUESTION_CREATED'), questionId: id, businessId: id, createdAt: dateTime }).passthrough(),
};

export type HandledType = keyof typeof schemas;
export type Notification = { [K in HandledType]: z.infer<(typeof schemas)[K]> }[HandledType];

export type ParsedNotification =
	| { kind: 'notification'; notification: Notification; key: string }
	/** A valid type this package does not turn into items (orders, arbitrage, answers to questions). */
	| { kind: 'ignored'; type: NotificationType }
	| { kind: 'invalid'; message: string };

/** The event's identity, so a notification Market sends twice is recognised. */
export function notificationKey(n: Notification): string {
	switch (n.notificationType) {
		case 'PING':
			return `PING:${n.time ?? ''}`;
		case 'GOODS_FEEDBACK_CREATED':
			return `GOODS_FEEDBACK_CREATED:${n.feedbackId}`;
		case 'GOODS_FEEDBACK_COMMENT_CREATED':
			return `GOODS_FEEDBACK_COMMENT_CREATED:${n.commentId}`;
		case 'CHAT_CREATED':
			return `CHAT_CREATED:${n.chatId}`;
		case 'CHAT_MESSAGE_SENT':
			return `CHAT_MESSAGE_SENT:${n.chatId}:${n.messageId}`;
		case 'QUESTION_CREATED':
			return `QUESTION_CREATED:${n.questionId}`;
	}
}

export function parseNotification(body: unknown): ParsedNotification {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		return { kind: 'invalid', message: 'The notification body must be a JSON object' };
	}
	const type = (body as { notificationType?: unknown }).notificationType;
	if (typeof type !== 'string' || !type) return { kind: 'invalid', message: 'notificationType is missing' };
	if (!(NOTIFICATION_TYPES as readonly string[]).includes(type)) return { kind: 'invalid', message: `Unknown notificationType "${type.slice(0, 60)}"` };
	const schema = (schemas as Record<string, z.ZodTypeAny>)[type];
	if (!schema) return { kind: 'ignored', type: type as NotificationType };
	const r = schema.safeParse(body);
	if (!r.success) {
		const issue = r.error.issues[0];
		const field = issue.path.join('.') || '(root)';
		const reason =
			issue.code === z.ZodIssueCode.invalid_type && issue.received === 'undefined' ? `missing (expected ${issue.expected})` : issue.message;
		return { kind: 'invalid', message: `${type}: ${field}: ${reason}` };
	}
	const notification = r.data as Notification;
	return { kind: 'notification', notification, key: notificationKey(notification) };
}

export interface NotificationAnswer {
	status: 200 | 400 | 500;
	body: Record<string, unknown>;
}

/** 200 `{version, name, time}`: each string 1..100 characters, time in UTC. */
export function successAnswer(name: string, version: string, now: Date): NotificationAnswer {
	const cut = (s: string, fallback: string) => (s.trim() || fallback).slice(0, 100);
	return { status: 200, body: { version: cut(version, '1'), name: cut(name, 'AgentIQ'), time: now.toISOString() } };
}

export function errorAnswer(status: 400 | 500, type: 'UNKNOWN' | 'WRONG_EVENT_FORMAT' | 'DUPLICATED_EVENT', message: string): NotificationAnswer {
	return { status, body: { error: { type, message } } };
}
