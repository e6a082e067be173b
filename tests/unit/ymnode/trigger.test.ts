import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { YandexMarketTrigger } from '../../../nodes/YandexMarket/YandexMarketTrigger.node';
import { context, startSandbox, type SandboxHandle } from './helpers';

const trigger = new YandexMarketTrigger();

interface Poller {
	poll: () => Promise<IDataObject[]>;
	requests: () => number;
	staticData: Record<string, unknown>;
}

function poller(h: SandboxHandle, parameters: IDataObject, staticData: Record<string, unknown> = {}, credentialExtra: IDataObject = {}): Poller {
	let count = 0;
	return {
		staticData,
		requests: () => count,
		poll: async () => {
			const ctx = context(h.apiBase, { parameters: { onlyUnanswered: true, firstRun: 'includeExisting', options: {}, ...parameters }, staticData, credentialExtra });
			const out = await trigger.poll.call(ctx as unknown as IPollFunctions);
			count = ctx.requests.length;
			return out ? out[0].map((i) => i.json) : [];
		},
	};
}

describe('Yandex Market Trigger (polling) against the sandbox', () => {
	let h: SandboxHandle;
	beforeEach(async () => {
		h = await startSandbox();
	});
	afterEach(async () => h.sb.stop());

	it('reviews: backlog first, then 1 request when nothing is new, each new review exactly once, also after a restart', async () => {
		const p = poller(h, { event: 'newReview' });
		const backlog = await p.poll();
		expect(backlog).toHaveLength(16);
		expect(backlog.every((i) => i.marketplace === 'ym' && i.channel === 'review' && i.answered === false)).toBe(true);
		expect(await p.poll()).toEqual([]);
		expect(p.requests()).toBe(1);
		const added = await h.control('feedbacks', { text: 'Пришёл мятый, но работает', rating: 3 });
		const next = await p.poll();
		expect(next.map((i) => i.externalId)).toEqual([String((added.feedback as IDataObject).feedbackId)]);
		expect(next[0].text).toBe('Пришёл мятый, но работает');
		// a restart: the same static data (as n8n stores it) in a fresh context
		const restarted = poller(h, { event: 'newReview' }, JSON.parse(JSON.stringify(p.staticData)));
		expect(await restarted.poll()).toEqual([]);
	});

	it('reviews with faults on (420s, 5xx, duplicate pages, small page budget): every new review exactly once', async () => {
		const p = poller(h, { event: 'newReview', options: { maxPagesPerPoll: 1 } });
		const seen: string[] = [];
		const take = async () => seen.push(...(await p.poll()).map((i) => String(i.externalId)));
		await take();
		const expected = h.sb.state.ym.feedbacks.filter((f) => f.needReaction).map((f) => String(f.feedbackId));
		for (let i = 0; i < 60; i++) await h.control('feedbacks', {});
		expected.push(...h.sb.state.ym.feedbacks.slice(-60).map((f) => String(f.feedbackId)));
		h.sb.setFaults({ rate429: 0.15, rate5xx: 0.15, duplicatePages: true, duplicateCount: 3, seed: 7 });
		for (let i = 0; i < 8; i++) await take();
		h.sb.setFaults({});
		await take();
		const faults = h.sb.state.requests.map((r) => r.fault).filter(Boolean);
		expect(faults.length).toBeGreaterThan(0);
		expect(seen.length).toBe(new Set(seen).size);
		expect(new Set(seen)).toEqual(new Set(expected));
	}, 60_000);

	it('start from now: the backlog is not emitted, new reviews are', async () => {
		const p = poller(h, { event: 'newReview', firstRun: 'startFromNow' });
		expect(await p.poll()).toEqual([]);
		await sleep(1100);
		await h.control('feedbacks', {});
		expect(await p.poll()).toHaveLength(1);
	});

	it('questions: unanswered backlog, 1 request when nothing is new, new ones once', async () => {
		const p = poller(h, { event: 'newQuestion' });
		const first = await p.poll();
		expect(first).toHaveLength(6);
		expect(first[0]).toMatchObject({ marketplace: 'ym', channel: 'question', answered: false });
		expect(await p.poll()).toEqual([]);
		expect(p.requests()).toBe(1);
		await h.control('questions', { text: 'Подойдёт к кофеварке Bosch?' });
		const next = await p.poll();
		expect(next.map((q) => q.text)).toEqual(['Подойдёт к кофеварке Bosch?']);
	});

	it('chats: buyer messages waiting for the seller, then 1 request when nothing is new, follow-ups with history', async () => {
		const p = poller(h, { event: 'newChatMessage' });
		const first = await p.poll();
		expect(first).toHaveLength(4);
		expect(first.every((m) => m.channel === 'chat' && m.answered === false && typeof m.chatId === 'string')).toBe(true);
		expect(await p.poll()).toEqual([]);
		expect(p.requests()).toBe(1);
		const chatId = Number(first[0].chatId);
		await h.control('chat-messages', { chatId, text: 'Ау, ответьте пожалуйста' });
		const direct = await h.control('chat-messages', { text: 'Есть ли размер 44?' });
		const next = await p.poll();
		expect(next.map((m) => m.text)).toEqual(['Ау, ответьте пожалуйста', 'Есть ли размер 44?']);
		expect(next[0].history).toEqual([{ from: 'buyer', text: first[0].text, at: first[0].createdAt }]);
		expect((next[0].raw as IDataObject).repeatContact).toBe(2);
		expect(((next[1].raw as IDataObject).context as IDataObject).type).toBe('DIRECT');
		expect(next[1].chatId).toBe(String(((direct.chat as IDataObject).chatId)));
		expect(await p.poll()).toEqual([]);
	});

	it('a failing first poll throws a clear error; a later failure keeps the cursor', async () => {
		await expect(poller(h, { event: 'newReview' }, {}, { apiKey: 'wrong' }).poll()).rejects.toThrow('The Yandex Market API key was rejected (401)');
		const p = poller(h, { event: 'newReview' });
		await p.poll();
		const before = JSON.stringify(p.staticData);
		h.sb.setFaults({ script: [{ type: '500' }, { type: '500' }, { type: '500' }, { type: '500' }] });
		expect(await p.poll()).toEqual([]);
		expect(JSON.stringify(p.staticData)).toBe(before);
	}, 20_000);

	it('manual mode shows one sample item', async () => {
		const ctx = context(h.apiBase, { parameters: { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: {} }, mode: 'manual' });
		const out = await trigger.poll.call(ctx as unknown as IPollFunctions);
		expect(out![0]).toHaveLength(1);
		expect(out![0][0].json).toMatchObject({ marketplace: 'ym', channel: 'chat' });
	});
});
