// Real WB payloads to mutate: the spec examples (tests/unit/wb/fixtures.ts, adapted from shared/specs/wb) and the
// answers of the WB sandbox serving its default seed (tests/sandbox/seed/wb-default.json) at a fixed clock, so
// the same bytes come back on every run.

import * as spec from '../../wb/fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSandbox, TOKENS } = require('../../../sandbox/server') as {
	createSandbox: (o: Record<string, unknown>) => { start(port: number): Promise<{ url: string }>; stop(): Promise<void> };
	TOKENS: Record<string, string>;
};

/** 2026-11-25 12:00 UTC: the seed's relative times become fixed dates. */
export const FIXED_NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

export interface WbPayloads {
	feedbackList: Array<[string, unknown]>;
	questionList: Array<[string, unknown]>;
	chatEvents: Array<[string, unknown]>;
	chats: Array<[string, unknown]>;
	fbsOrders: Array<[string, unknown]>;
	orderStatuses: Array<[string, unknown]>;
	supplierOrders: Array<[string, unknown]>;
	card: Array<[string, unknown]>;
	feedback: Array<[string, unknown]>;
	question: Array<[string, unknown]>;
	unansweredCount: Array<[string, unknown]>;
	newFeedbacksQuestions: Array<[string, unknown]>;
	sendMessage: Array<[string, unknown]>;
}

export async function loadWbPayloads(): Promise<WbPayloads> {
	const sandbox = createSandbox({ seed: 'default', now: () => FIXED_NOW, log: false });
	const { url } = await sandbox.start(0);
	const get = async (path: string, init: RequestInit = {}): Promise<unknown> => {
		const res = await fetch(url + path, { ...init, headers: { Authorization: TOKENS.all, 'Content-Type': 'application/json' } });
		if (res.status !== 200) throw new Error(`sandbox ${path}: ${res.status}`);
		return JSON.parse(await res.text()) as unknown;
	};
	try {
		const dateFrom = Math.floor(FIXED_NOW / 1000) - 25 * 86400;
		const fbs = (await get(`/wb/marketplace/api/v3/orders?limit=3&next=0&dateFrom=${dateFrom}`)) as { orders: Array<{ id: number }> };
		const statsFrom = new Date(FIXED_NOW - 20 * 86400_000).toISOString().slice(0, 19);
		const stats = (await get(`/wb/statistics/api/v1/supplier/orders?dateFrom=${statsFrom}`)) as unknown[];
		const feedbacks = (await get('/wb/feedbacks/api/v1/feedbacks?isAnswered=false&take=2&skip=0')) as { data: { feedbacks: Array<{ id: string }> } };
		const questions = (await get('/wb/feedbacks/api/v1/questions?isAnswered=false&take=2&skip=0')) as { data: { questions: Array<{ id: string }> } };
		const events = (await get('/wb/chat/api/v1/seller/events')) as { result: { events: unknown[] } };
		events.result.events = events.result.events.slice(0, 6);
		return {
			feedbackList: [
				['sandbox unanswered reviews', feedbacks],
				['sandbox answered reviews', await get('/wb/feedbacks/api/v1/feedbacks?isAnswered=true&take=2&skip=0')],
				['spec reviews', spec.feedbackListBody()],
			],
			questionList: [
				['sandbox unanswered questions', questions],
				['spec questions', spec.questionListBody()],
			],
			chatEvents: [
				['sandbox chat events', events],
				['spec chat events', spec.chatEventsBody()],
			],
			chats: [
				['sandbox chats', await get('/wb/chat/api/v1/seller/chats')],
				['spec chats', spec.chatsBody()],
			],
			fbsOrders: [
				['sandbox FBS orders', fbs],
				['spec FBS orders', spec.fbsOrdersBody()],
			],
			orderStatuses: [
				['sandbox order statuses', await get('/wb/marketplace/api/v3/orders/status', { method: 'POST', body: JSON.stringify({ orders: fbs.orders.map((o) => o.id) }) })],
			],
			supplierOrders: [
				['sandbox statistics orders', stats.slice(0, 3)],
				['spec statistics orders', [spec.supplierOrder()]],
			],
			card: [
				['sandbox card', await get('/wb/basket/vol1784/part178456/178456213/info/ru/card.json')],
				['spec-shaped card', spec.cardBody()],
			],
			feedback: [['sandbox review by id', await get(`/wb/feedbacks/api/v1/feedback?id=${feedbacks.data.feedbacks[0].id}`)]],
			question: [['sandbox question by id', await get(`/wb/feedbacks/api/v1/question?id=${questions.data.questions[0].id}`)]],
			unansweredCount: [['sandbox unanswered count', await get('/wb/feedbacks/api/v1/feedbacks/count-unanswered')]],
			newFeedbacksQuestions: [['sandbox new feedbacks/questions', await get('/wb/feedbacks/api/v1/new-feedbacks-questions')]],
			sendMessage: [['send-message result (spec shape)', { result: { addTime: 1712848270018, chatID: '1:641b623c-5c0e-295b-db03-3d5b4d484c32' }, errors: [] }]],
		};
	} finally {
		await sandbox.stop();
	}
}
