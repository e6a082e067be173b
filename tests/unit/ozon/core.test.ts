import { applyChatBatches, newOzonChatCursor, planChatReads, queueReads, type PendingChat } from '../../../src/ozon/chat-poll';
import { describeOzonError, isSubscriptionError } from '../../../src/ozon/errors';
import { compareIds, parseOzonJson } from '../../../src/ozon/json';
import { chatSender, normaliseQuestion, normaliseReview } from '../../../src/ozon/normalise';
import { ipInNetworks, OZON_PUSH_NETWORKS } from '../../../src/ozon/push';
import { chatHistory, listReviews } from '../../../src/ozon/requests';
import { interactionSchema } from '../../../src/interaction';
import { requirePostingNumber } from '../../../src/ozon/validation';
import type { RawChatInfo, RawChatMessage } from '../../../src/ozon/schemas';

describe('Ozon core', () => {
	it('keeps 64-bit message ids exact and compares them as numbers', () => {
		const body = parseOzonJson('{"messages":[{"message_id":3000000000817031942,"x":1}],"last_message_id": 18446744073709551615}') as {
			messages: Array<{ message_id: string }>;
			last_message_id: string;
		};
		expect(body.messages[0].message_id).toBe('3000000000817031942');
		expect(body.last_message_id).toBe('18446744073709551615');
		expect(compareIds('3000000000817031943', '3000000000817031942')).toBe(1);
		expect(compareIds('999', '1000')).toBe(-1);
	});

	it('builds v2 review requests within the spec\'s bounds', () => {
		expect(listReviews({ status: 'NEW', limit: 100 })).toMatchObject({ path: '/v2/review/list', body: { filters: { status: 'NEW' }, limit: 100 }, gate: 'reviews' });
		expect(() => listReviews({ limit: 10 })).toThrow(/from 20 to 100/);
		expect(() => chatHistory('c', { direction: 'Forward' })).toThrow(/From Message ID is required/);
		expect(chatHistory('c', { direction: 'Forward', fromMessageId: '3000000000817031942' }).body.from_message_id).toBe('3000000000817031942');
	});

	it('normalises reviews and questions into valid Interactions', () => {
		const review = normaliseReview({ id: 'r', sku: '5', text: ' Хорошо ', published_at: '2026-01-01T00:00:00Z', rating: 4, status: 'PROCESSED' });
		expect(interactionSchema.parse(review)).toMatchObject({ id: 'ozon:review:r', text: 'Хорошо', rating: 4, answered: true, productId: '5' });
		const q = normaliseQuestion({ id: 'q', sku: '5', text: 'Есть?', published_at: '2026-01-01T00:00:00Z', status: 'NEW', answers_count: 0, author_name: 'Покупатель' });
		expect(interactionSchema.parse(q)).toMatchObject({ answered: false });
		expect(q.buyerName).toBeUndefined();
		expect(chatSender('Сustomer')).toBe('buyer');
		expect(chatSender('Support')).toBe('other');
	});

	it('names the missing subscription, and tells a role or key problem apart', () => {
		expect(isSubscriptionError(403, { code: 7, message: 'denied' }, 'questions')).toBe(true);
		expect(isSubscriptionError(403, { code: 7, message: 'Api-Key is missing a required role for a method' }, 'questions')).toBe(false);
		expect(describeOzonError(403, { code: 7, message: 'x' }, { path: '/v2/review/list', gate: 'reviews' }).description).toMatch(/Review management.*Premium Pro/);
		expect(describeOzonError(401, { code: 16, message: 'Invalid Api-Key, please check the key and try again' }, { path: '/v3/chat/list' }).message).toMatch(/Client ID or API key/);
	});

	it('checks posting numbers and sender networks', () => {
		expect(requirePostingNumber('P', ' 12345678-0001-1 ')).toBe('12345678-0001-1');
		expect(() => requirePostingNumber('P', '12345678-0001')).toThrow(/order number/);
		expect(ipInNetworks('91.223.93.7', OZON_PUSH_NETWORKS)).toBe(true);
		expect(ipInNetworks('::ffff:195.34.21.200', OZON_PUSH_NETWORKS)).toBe(true);
		expect(ipInNetworks('185.73.196.1', OZON_PUSH_NETWORKS)).toBe(false);
	});
});

describe('Ozon chat cursor', () => {
	const chat = (id: string, last: string, unread = 0, type = 'BUYER_SELLER'): RawChatInfo => ({ chat: { chat_id: id, chat_type: type }, last_message_id: last, unread_count: unread, ...(unread ? { first_unread_message_id: last } : {}) });
	const msg = (id: string, type: string, text: string, at: string): RawChatMessage => ({ message_id: id, user: { id: '1', type }, created_at: at, data: [text] });

	it('reads only chats whose last message moved, stops at the first quiet one, emits each message once', () => {
		const t0 = Date.parse('2026-03-10T09:00:00Z');
		let cursor = newOzonChatCursor(t0);
		const first = planChatReads(cursor, [chat('a', '10', 1), chat('b', '5'), chat('s', '20', 3, 'SELLER_SUPPORT')], { isFirst: true, includeExisting: true });
		expect(first.reads.map((r) => r.chatId)).toEqual(['a']);
		let applied = applyChatBatches(cursor, [{ chatId: 'a', read: first.reads[0], messages: [msg('10', 'Customer', 'Привет', '2026-03-10T08:59:00Z'), msg('9', 'Seller', 'Старое', '2026-03-10T08:00:00Z')] }], first.remember, t0);
		expect(applied.messages.map((m) => m.messageId)).toEqual(['10']);
		cursor = applied.cursor;

		const quiet = planChatReads(cursor, [chat('a', '10'), chat('b', '5')], { isFirst: false, includeExisting: true });
		expect(quiet).toMatchObject({ reads: [], stop: true });

		const moved = planChatReads(cursor, [chat('c', '12'), chat('a', '11'), chat('b', '5')], { isFirst: false, includeExisting: true });
		expect(moved.reads.map((r) => [r.chatId, r.after])).toEqual([['c', undefined], ['a', '10']]);
		applied = applyChatBatches(
			cursor,
			[
				{ chatId: 'c', read: moved.reads[0], messages: [msg('12', 'Customer', 'Новый чат', '2026-03-10T09:05:00Z')] },
				// a repeated page and the boundary message itself: nothing twice
				{ chatId: 'a', read: moved.reads[1], messages: [msg('10', 'Customer', 'Привет', '2026-03-10T08:59:00Z'), msg('11', 'Customer', 'Ау?', '2026-03-10T09:06:00Z'), msg('11', 'Customer', 'Ау?', '2026-03-10T09:06:00Z')] },
			],
			moved.remember,
			t0 + 600_000,
		);
		expect(applied.messages.map((m) => [m.messageId, m.repeatContact])).toEqual([['12', 1], ['11', 2]]);
		expect(applied.messages[1].history.map((h) => h.text)).toEqual(['Привет']);
		expect(applied.cursor.last).toMatchObject({ a: '11', b: '5', c: '12' });
	});
	it('a chat queued for reading stops paging only while its last message is the one it was queued with', () => {
		const t0 = Date.parse('2026-03-10T09:00:00Z');
		const cursor = { ...newOzonChatCursor(t0), last: { a: '10', b: '5' } };
		// b moved, c is new: both queued; a has nothing new and stops the walk.
		const plan = planChatReads(cursor, [chat('c', '14', 1), chat('b', '13', 1), chat('a', '10')], { isFirst: false, includeExisting: true });
		expect(plan.stop).toBe(true);
		const pending: Record<string, PendingChat> = {};
		queueReads(pending, plan.reads);
		expect(pending).toEqual({ c: { seen: '14', unread: 1, sinceMs: t0 - 60_000 }, b: { seen: '13', unread: 1, after: '5' } });

		// Next poll, nothing read yet: c and b still at the queued message count as dealt with, so the walk stops at c.
		const later = { ...cursor, polledAt: t0 + 600_000, pending };
		const again = planChatReads(later, [chat('c', '14', 1), chat('b', '13', 1), chat('a', '10')], { isFirst: false, includeExisting: true });
		expect(again).toMatchObject({ reads: [], stop: true });
		// b spoke again: re-planned, but the queue keeps where to read from; c still counts from when it was first seen.
		const moved = planChatReads(later, [chat('b', '15', 2), chat('c', '14', 1)], { isFirst: false, includeExisting: true });
		queueReads(pending, moved.reads);
		expect(pending.b).toEqual({ seen: '15', unread: 2, after: '5' });
		const applied = applyChatBatches(later, [{ chatId: 'c', read: { chatId: 'c', ...pending.c }, messages: [msg('14', 'Customer', 'Где заказ?', '2026-03-10T08:59:30Z')] }], {}, t0 + 1_200_000);
		// read 20 minutes after it was written, c's message is still new; b stays queued
		expect(applied.messages.map((m) => m.messageId)).toEqual(['14']);
		expect(Object.keys(applied.cursor.pending ?? {})).toEqual(['b']);
		expect(applied.cursor.last).toMatchObject({ a: '10', b: '5', c: '14' });
	});
});
