// Bugs the bad-input sweep found, each pinned by the smallest case that showed it.

import nock from 'nock';
import type { IExecuteFunctions, IPollFunctions, INodeExecutionData } from 'n8n-workflow';

import { AgentIqGuard } from '../../../nodes/AgentIqGuard/AgentIqGuard.node';
import { WildberriesTrigger } from '../../../nodes/Wildberries/WildberriesTrigger.node';
import { InputFieldError, readProcessingInput } from '../../../src/interaction-input';
import { WbResponseError, normaliseChatEvent, parseChatEvents, parseChatEventsLenient } from '../../../src/wb';
import * as normaliseModule from '../../../src/wb/normalise';
import { createContext } from '../../support/n8n-context';
import { chatEventsBody } from '../wb/fixtures';
import { BASE, context } from '../wbnode/helpers';
import { MB_TEXT } from './lib/mutate';

describe('WB chat events: times a Date cannot hold', () => {
	it('skips an event whose addTimestamp is past the Date range instead of crashing the normaliser (RangeError: Invalid time value)', () => {
		const body = chatEventsBody();
		body.result.events[0].addTimestamp = 8.64e15 + 1;
		const page = parseChatEventsLenient(body);
		expect(page.skipped).toEqual([expect.objectContaining({ index: 0, reason: expect.stringMatching(/^addTimestamp: not a date-time in Unix ms/) })]);
		expect(page.events).toHaveLength(body.result.events.length - 1);
		for (const event of page.events) expect(() => normaliseChatEvent(event)).not.toThrow();
	});

	it('skips an event whose addTime is a valid ISO text beyond the Date range', () => {
		const body = chatEventsBody();
		delete (body.result.events[0] as Record<string, unknown>).addTimestamp;
		body.result.events[0].addTime = '+275760-09-13T00:00:00.001Z';
		expect(parseChatEventsLenient(body).skipped[0]).toEqual(expect.objectContaining({ index: 0, reason: expect.stringMatching(/^addTime: /) }));
	});

	it('refuses a next cursor that is not a safe integer, naming result.next', () => {
		const body = chatEventsBody();
		body.result.next = 2 ** 53 + 2;
		expect(() => parseChatEvents(body)).toThrow(WbResponseError);
		expect(() => parseChatEvents(body)).toThrow(/result\.next/);
		body.result.next = -5;
		expect(() => parseChatEvents(body)).toThrow(/result\.next/);
	});
});

describe('Wildberries Trigger: a chat poll that fails half-way keeps its cursor', () => {
	beforeAll(() => nock.disableNetConnect());
	afterAll(() => nock.enableNetConnect());
	afterEach(() => nock.cleanAll());
	const params = { event: 'newChatMessage', onlyUnanswered: true, firstRun: 'includeExisting', options: {} };
	const T = Date.now() - 600_000;
	const event = (eventID: string, ts: number) => ({ chatID: `c-${eventID}`, eventID, eventType: 'message', message: { text: eventID }, addTimestamp: ts, sender: 'client', isNewChat: true, replySign: `s-${eventID}` });
	const page = (events: unknown[], next: number) => JSON.stringify({ result: { next, totalEvents: events.length, events }, errors: null });

	it('emits the good message and logs the bad one; the next poll emits nothing again', async () => {
		const staticData: Record<string, unknown> = {};
		nock(BASE).get('/chat/api/v1/seller/events').query(true).reply(200, page([event('e0', T)], T + 1)).get('/chat/api/v1/seller/events').query(true).reply(200, page([], T + 1));
		await (trigger().poll.call(context({ parameters: params, staticData }) as unknown as IPollFunctions));
		nock(BASE)
			.get('/chat/api/v1/seller/events')
			.query(true)
			.reply(200, page([{ ...event('bad', T + 1000), addTimestamp: 8.64e15 + 1 }, event('good', T + 2000)], T + 2001))
			.get('/chat/api/v1/seller/events')
			.query(true)
			.reply(200, page([], T + 2001));
		const ctx = context({ parameters: params, staticData });
		const out = (await trigger().poll.call(ctx as unknown as IPollFunctions)) as INodeExecutionData[][];
		expect(out[0].map((i) => i.json.externalId)).toEqual(['good']);
		expect(ctx.logs.some((l) => l.level === 'warn' && /malformed chat event \(item 0, id bad\): addTimestamp/.test(l.message))).toBe(true);
		expect((staticData.cursors as Record<string, { next: number }>).newChatMessage.next).toBe(T + 2001);
	});

	it('a normaliser failure after the events were read leaves the cursor as it was, so the next poll emits the message', async () => {
		const staticData: Record<string, unknown> = {};
		nock(BASE).get('/chat/api/v1/seller/events').query(true).reply(200, page([event('e0', T)], T + 1)).get('/chat/api/v1/seller/events').query(true).reply(200, page([], T + 1));
		await (trigger().poll.call(context({ parameters: params, staticData }) as unknown as IPollFunctions));
		const before = JSON.stringify(staticData);
		const spy = jest.spyOn(normaliseModule, 'normaliseChatEvent').mockImplementationOnce(() => {
			throw new WbResponseError('createdAt', 'unexpected');
		});
		const reply = () => nock(BASE).get('/chat/api/v1/seller/events').query(true).reply(200, page([event('m1', T + 1000)], T + 1001)).get('/chat/api/v1/seller/events').query(true).reply(200, page([], T + 1001));
		reply();
		const ctx = context({ parameters: params, staticData });
		expect(await trigger().poll.call(ctx as unknown as IPollFunctions)).toBeNull();
		expect(ctx.logs.some((l) => l.level === 'error' && /cursor kept/.test(l.message))).toBe(true);
		expect(JSON.stringify(staticData)).toBe(before);
		spy.mockRestore();
		nock.cleanAll();
		reply();
		const again = (await trigger().poll.call(context({ parameters: params, staticData }) as unknown as IPollFunctions)) as INodeExecutionData[][];
		expect(again[0].map((i) => i.json.externalId)).toEqual(['m1']);
	});
});

function trigger() {
	return new WildberriesTrigger();
}

describe('readProcessingInput: wrong types are errors that name the field and the item', () => {
	it('does not read true, [3] or an object as a star rating', () => {
		expect(() => readProcessingInput({ text: 'ok', channel: 'review', rating: true }, 2)).toThrow('"rating" must be a whole number from 1 to 5 in item 2 (got true)');
		expect(() => readProcessingInput({ text: 'ok', channel: 'review', rating: [3] }, 2)).toThrow('(got a list)');
		expect(() => readProcessingInput({ text: 'ok', channel: 'review', rating: { stars: 4 } }, 2)).toThrow('(got an object)');
		expect(readProcessingInput({ text: 'ok', channel: 'review', rating: '4' }, 0).rating).toBe(4);
	});

	it('names a broken history entry instead of crashing in the classifier (Cannot read properties of null)', () => {
		const error = (history: unknown) => {
			try {
				readProcessingInput({ text: 'ok', channel: 'chat', history }, 7);
			} catch (e) {
				return e as InputFieldError;
			}
			throw new Error('no error');
		};
		expect(error([null]).message).toBe('"history[0]" must be an object { from, text, at } in item 7 (got null)');
		expect(error([{ from: 'bot', text: 'x' }]).field).toBe('history[0].from');
		expect(error('два сообщения').message).toBe('"history" must be a list of { from, text, at } in item 7 (got "два сообщения")');
		expect(readProcessingInput({ text: 'ok', channel: 'chat', history: null }, 0).history).toBeUndefined();
	});

	it('ignores a repeatContact that is not a count', () => {
		for (const repeatContact of [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY, '3']) {
			expect(readProcessingInput({ text: 'ok', channel: 'chat', raw: { repeatContact } }, 0).repeatContact).toBeUndefined();
		}
		expect(readProcessingInput({ text: 'ok', channel: 'chat', raw: { repeatContact: 3 } }, 0).repeatContact).toBe(3);
	});

	it('quotes a 1 MB channel briefly', () => {
		expect(() => readProcessingInput({ text: 'ok', channel: MB_TEXT }, 1)).toThrow(/^"channel" must be one of review, question, chat in item 1 \(got "ж{58}…\)$/);
	});
});

describe('AgentIQ Guard: odd marketplace and channel values', () => {
	const run = (marketplace: unknown, channel: unknown) =>
		new AgentIqGuard().execute.call(
			createContext({ items: [{ json: {} }], parameters: { text: 'Спасибо!', marketplace, channel, options: {} } }) as unknown as IExecuteFunctions,
		);
	it('says what it got instead of [object Object], and does not echo 1 MB', async () => {
		await expect(run({}, 'chat')).rejects.toThrow('Marketplace must be wb, ozon or ym in item 0 (got an object)');
		await expect(run('wb', ['chat'])).rejects.toThrow('Channel must be review, question or chat in item 0 (got a list)');
		const error = await run(MB_TEXT, 'chat').catch((e: Error) => e);
		expect((error as Error).message.length).toBeLessThan(200);
	});
});
