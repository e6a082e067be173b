// Real Ozon and Yandex.Market payloads to mutate: the sandbox's answers for its default seed at a fixed clock
// (tests/sandbox/ozon, tests/sandbox/ym, built from the official specs) and the push examples of the specs
// (shared/specs/ozon/push-notifications.md, shared/specs/ym/notification-api).

import { parseOzonJson } from '../../../../src/ozon/json';
import { FIXED_NOW } from './wb-payloads';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSandbox } = require('../../../sandbox/server') as {
	createSandbox: (o: Record<string, unknown>) => { start(port: number): Promise<{ url: string }>; stop(): Promise<void> };
};

export const YM_BUSINESS = 11000001;

export interface MarketplacePayloads {
	ozonReviews: unknown;
	ozonQuestions: unknown;
	ozonChats: unknown;
	ozonHistory: unknown;
	ymFeedbacks: unknown;
	ymQuestions: unknown;
	ymChats: unknown;
	ymHistory: unknown;
	ymOrders: unknown;
}

/** Ozon's TYPE_NEW_MESSAGE example (push-notifications.md) and a ping. */
export const OZON_PUSH_EXAMPLES: Array<[string, unknown]> = [
	[
		'spec TYPE_NEW_MESSAGE',
		{
			message_type: 'TYPE_NEW_MESSAGE',
			chat_id: 'b646d975-0c9c-4872-9f41-8b1e57181063',
			chat_type: 'Buyer_Seller',
			message_id: '3000000000817031942',
			created_at: '2022-07-18T20:58:04.528Z',
			user: { id: '115568', type: 'Сustomer' },
			data: ['Текст сообщения'],
			seller_id: '7',
		},
	],
	['spec TYPE_PING', { message_type: 'TYPE_PING', time: '2019-08-24T14:15:22Z' }],
];

/** Market's notification examples (notification-api): a new chat message and a new review. */
export const YM_NOTIFICATION_EXAMPLES: Array<[string, unknown]> = [
	['spec CHAT_MESSAGE_SENT', { notificationType: 'CHAT_MESSAGE_SENT', businessId: YM_BUSINESS, chatId: 940000006, messageId: '950000007', sentAt: '2026-11-24T12:00:00.000Z' }],
	['spec GOODS_FEEDBACK_CREATED', { notificationType: 'GOODS_FEEDBACK_CREATED', businessId: YM_BUSINESS, feedbackId: 900000024, createdAt: '2026-11-23T21:36:00.000Z', publishedAt: '2026-11-23T21:40:00.000Z' }],
	['spec PING', { notificationType: 'PING', time: '2026-11-24T12:00:00Z' }],
];

let loaded: Promise<MarketplacePayloads> | undefined;

export function marketplacePayloads(): Promise<MarketplacePayloads> {
	loaded ??= load();
	return loaded;
}

async function load(): Promise<MarketplacePayloads> {
	const sandbox = createSandbox({ seed: 'default', now: () => FIXED_NOW, log: false });
	const { url } = await sandbox.start(0);
	const post = async (path: string, headers: Record<string, string>, body: unknown, parse: (t: string) => unknown = JSON.parse): Promise<unknown> => {
		const res = await fetch(url + path, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		const text = await res.text();
		if (res.status !== 200) throw new Error(`sandbox ${path}: ${res.status} ${text.slice(0, 200)}`);
		return parse(text);
	};
	const ozon = { 'Client-Id': '100001', 'Api-Key': 'ozon-sandbox-premium' };
	const ym = { 'Api-Key': 'ym-sandbox-all' };
	const ymPath = (version: string, tail: string) => `/ym/api/${version}/businesses/${YM_BUSINESS}${tail}`;
	try {
		const chats = (await post('/ozon/seller/v3/chat/list', ozon, { limit: 3 }, parseOzonJson)) as { chats: Array<{ chat: { chat_id: string } }> };
		const ymChats = (await post(ymPath('v2', '/chats?limit=3'), ym, {})) as { result: { chats: Array<{ chatId: number }> } };
		return {
			ozonReviews: await post('/ozon/seller/v2/review/list', ozon, { limit: 20 }).then((b) => ({ ...(b as object), reviews: (b as { reviews: unknown[] }).reviews.slice(0, 3) })),
			ozonQuestions: await post('/ozon/seller/v1/question/list', ozon, {}).then((b) => ({ ...(b as object), questions: (b as { questions: unknown[] }).questions.slice(0, 3) })),
			ozonChats: chats,
			ozonHistory: await post('/ozon/seller/v3/chat/history', ozon, { chat_id: chats.chats[0].chat.chat_id, limit: 5 }, parseOzonJson),
			ymFeedbacks: await post(ymPath('v2', '/goods-feedback?limit=3'), ym, {}),
			ymQuestions: await post(ymPath('v1', '/goods-questions?limit=3'), ym, {}),
			ymChats,
			ymHistory: await post(ymPath('v2', `/chats/history?chatId=${ymChats.result.chats[0].chatId}&limit=5`), ym, {}),
			ymOrders: await post(ymPath('v1', '/orders?limit=2'), ym, {}),
		};
	} finally {
		await sandbox.stop();
	}
}
