// Regression: the Ozon chat poll at scale. Hundreds of chats get buyer messages over several polls, more than one
// poll's page budget can read, under faults (5xx, pages repeating items), with the seller answering what was emitted
// (which moves those chats back to the top of /v3/chat/list) and the n8n clock moving 15 s per poll. Every buyer
// message must be emitted exactly once; a poll with nothing new still costs one request.
// The old trigger stopped paging at the first chat with nothing new and dropped chats cut by the budget: chats
// below the first page were never read, and new chats read late counted their messages as older than the poll.
import type { IPollFunctions } from 'n8n-workflow';

import { OzonTrigger } from '../../../nodes/Ozon/OzonTrigger.node';
import { context } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSandbox } = require('../../sandbox/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nextMessageId } = require('../../sandbox/ozon/seed');

type Json = Record<string, unknown>;
interface SbChat {
	chat_id: string;
	chat_type: string;
	messages: Array<{ message_id: string; user: { type: string }; data: string[]; _createdMs: number; is_read: boolean }>;
}

const trigger = new OzonTrigger();
const KEY = 'ozon-sandbox-premium';
const POLL_MS = 15_000;
let clock = Date.parse('2026-03-02T10:00:00Z');
let sb: { start: (p: number) => Promise<{ url: string }>; stop: () => Promise<void>; setFaults: (f: unknown) => void; state: Json };
let base = '';
let control = '';

beforeAll(async () => {
	sb = createSandbox({ seed: 'default', now: () => clock });
	const { url } = await sb.start(0);
	base = `${url}/ozon/seller`;
	control = `${url}/__control/ozon`;
	jest.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterAll(async () => {
	jest.restoreAllMocks();
	await sb.stop();
});

const oz = () => sb.state.ozon as { chats: SbChat[]; sellerId: number };

async function buyerWrites(body: Json): Promise<string> {
	const res = await fetch(`${control}/chat-messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	const out = (await res.json()) as { message: { message_id: string } };
	return String(out.message.message_id);
}

/** The seller answers in the chat (as the inbox workflow does after an emitted message): the chat moves to the top. */
function sellerAnswers(chatId: string) {
	const chat = oz().chats.find((c) => c.chat_id === chatId)!;
	chat.messages.push({ message_id: nextMessageId(oz()), user: { type: 'Seller' }, data: ['Здравствуйте! Уже проверяем.'], _createdMs: clock, is_read: false });
}

async function poll(staticData: Json, maxPagesPerPoll: number) {
	clock += POLL_MS;
	const ctx = context({ baseUrl: base, apiKey: KEY, staticData, parameters: { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: { maxPagesPerPoll } } });
	const out = await trigger.poll.call(ctx as unknown as IPollFunctions);
	return { items: (out?.[0] ?? []).map((i) => i.json as Json), requests: ctx.requests.length };
}

it('350 chats with new buyer messages over several polls, a small page budget and faults: each message once, none lost', async () => {
	const staticData: Json = {};
	const emitted: Json[] = [];
	emitted.push(...(await poll(staticData, 50)).items); // the backlog
	const quiet = await poll(staticData, 50);
	expect(quiet.items).toEqual([]);
	expect(quiet.requests).toBe(1);

	const expected = new Set<string>();
	const existing = oz().chats.filter((c) => c.chat_type === 'BUYER_SELLER').map((c) => c.chat_id);
	sb.setFaults({ rate5xx: 0.03, duplicatePages: true, seed: 11 });
	// Five waves of 70: new chats and follow-ups in chats seen before, each wave during one poll interval.
	for (let wave = 0; wave < 5; wave++) {
		for (let i = 0; i < 70; i++) {
			const inExisting = i % 3 === 0 && existing.length > 0;
			const text = `Волна ${wave}, сообщение ${i}: где мой заказ?`;
			expected.add(await buyerWrites(inExisting ? { chat_id: existing[(wave * 70 + i) % existing.length], text } : { text }));
			clock += 100;
		}
		const { items } = await poll(staticData, 12);
		emitted.push(...items);
		for (const item of items) sellerAnswers(String(item.chatId));
	}
	// Drain: polls until one is quiet (nothing emitted, one request), bounded, with faults and the seller answering.
	for (let i = 0; i < 40; i++) {
		const { items, requests } = await poll(staticData, 12);
		emitted.push(...items);
		for (const item of items) sellerAnswers(String(item.chatId));
		if (!items.length && requests === 1) break;
	}
	sb.setFaults({});

	const ids = emitted.map((i) => String((i.raw as Json).message_id ?? i.externalId));
	expect(new Set(ids).size).toBe(ids.length); // none twice
	const missing = [...expected].filter((id) => !ids.includes(id));
	expect(missing).toEqual([]); // none lost
	const last = await poll(staticData, 12);
	expect(last.items).toEqual([]);
	expect(last.requests).toBe(1);
}, 120_000);
