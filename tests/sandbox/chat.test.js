'use strict';
const { startSandbox, fakeClock, TOKENS } = require('./test-utils');

const BASE = '/wb/chat/api/v1/seller';

let t;
let clock;
beforeAll(async () => {
	clock = fakeClock();
	t = await startSandbox({ now: clock.now });
});
afterAll(() => t.sb.stop());
beforeEach(() => t.sb.reset('default'));

const events = (next) => t.call('GET', `${BASE}/events${next === undefined ? '' : `?next=${next}`}`);

function form(fields, files = []) {
	const fd = new FormData();
	for (const [k, v] of Object.entries(fields)) if (v !== undefined) fd.append(k, v);
	for (const f of files) fd.append('file', new Blob([f.data], { type: f.type }), f.name);
	return fd;
}

test('chat list: spec fields only (no clientID), newest activity first', async () => {
	const res = await t.call('GET', `${BASE}/chats`);
	expect(res.status).toBe(200);
	expect(res.data.errors).toBeNull();
	const chats = res.data.result;
	expect(chats.length).toBe(8);
	for (const c of chats) {
		for (const key of Object.keys(c)) expect(['chatID', 'replySign', 'clientName', 'goodCard', 'lastMessage']).toContain(key);
		expect(c.chatID).toMatch(/^1:[0-9a-f-]{36}$/);
		expect(c.replySign.startsWith(`${c.chatID}:`)).toBe(true);
		expect(c.replySign.length).toBeLessThanOrEqual(255);
		if (c.goodCard) expect(Object.keys(c.goodCard).sort()).toEqual(['nmID', 'price', 'priceCurrency', 'rid', 'size']);
	}
	const times = chats.map((c) => c.lastMessage.addTimestamp);
	expect(times).toEqual(times.slice().sort((a, b) => b - a));
	expect(chats.filter((c) => c.goodCard && c.goodCard.rid).length).toBeGreaterThanOrEqual(3);
});

describe('events feed', () => {
	test('first call without next returns the feed in time order; replySign only when isNewChat', async () => {
		const res = await events();
		expect(res.status).toBe(200);
		const { result } = res.data;
		const list = result.events;
		expect(result.totalEvents).toBe(list.length);
		expect(list.length).toBe(t.sb.state.wb.events.length);
		const ts = list.map((e) => e.addTimestamp);
		expect(ts).toEqual(ts.slice().sort((a, b) => a - b));
		expect(result.next).toBe(ts[ts.length - 1] + 1);
		expect(result.oldestEventTime).toBe(list[0].addTime);
		expect(result.newestEventTime).toBe(list[list.length - 1].addTime);
		const chats = (await t.call('GET', `${BASE}/chats`)).data.result;
		const newChatEvents = list.filter((e) => e.isNewChat);
		expect(newChatEvents.length).toBe(chats.length);
		for (const e of list) {
			expect(e.eventType).toBe('message');
			expect(['client', 'seller', 'wb']).toContain(e.sender);
			expect(e.addTime).toBe(new Date(e.addTimestamp).toISOString().replace(/\.\d{3}Z$/, 'Z'));
			if (e.isNewChat) expect(e.replySign).toBe(chats.find((c) => c.chatID === e.chatID).replySign);
			else expect(e).not.toHaveProperty('replySign');
			if (e.sender === 'client') expect(typeof e.clientName).toBe('string');
			expect(e).not.toHaveProperty('clientID');
		}
	});

	test("the first event of a new chat carries the chat's goodCard (the order's rid), later events do not", async () => {
		const chats = (await t.call('GET', `${BASE}/chats`)).data.result;
		const list = (await events()).data.result.events;
		const withCard = chats.filter((c) => c.goodCard);
		expect(withCard.length).toBeGreaterThanOrEqual(3);
		for (const c of chats) {
			const own = list.filter((e) => e.chatID === c.chatID);
			const [first, ...rest] = own;
			expect(first.isNewChat).toBe(true);
			if (c.goodCard) expect(first.message.attachments).toEqual({ goodCard: c.goodCard });
			else expect(first.message).not.toHaveProperty('attachments');
			for (const e of rest) expect(e.message.attachments && e.message.attachments.goodCard).toBeUndefined();
		}
		// A chat a buyer opens from an order: the card is on its first event, with the FBS order's rid.
		const order = t.sb.state.wb.orders[0];
		const { next } = (await events()).data.result;
		const opened = t.sb.addChatMessage({ text: 'Здравствуйте, товар пришёл с браком', orderId: order.id });
		t.sb.addChatMessage({ chatID: opened.chat.chatID, text: 'Шов разошёлся' });
		const page = (await events(next)).data.result.events;
		expect(page.map((e) => e.isNewChat)).toEqual([true, false]);
		expect(page[0].message.attachments.goodCard).toMatchObject({ nmID: order.nmId, rid: order.rid, priceCurrency: 'RUB' });
		expect(page[1].message).not.toHaveProperty('attachments');
	});

	test('with the returned next and nothing new: totalEvents 0 and the same next', async () => {
		const { next } = (await events()).data.result;
		const again = (await events(next)).data.result;
		expect(again).toMatchObject({ next, totalEvents: 0, events: [] });
	});

	test('small pages walk the whole feed once, in order', async () => {
		const small = await startSandbox({ now: clock.now, eventsPageSize: 4 });
		try {
			const seen = [];
			let next;
			for (let i = 0; i < 20; i++) {
				const { result } = (await small.call('GET', `${BASE}/events${next ? `?next=${next}` : ''}`)).data;
				if (result.totalEvents === 0) break;
				expect(result.events.length).toBeLessThanOrEqual(4);
				seen.push(...result.events.map((e) => e.eventID));
				next = result.next;
			}
			expect(seen).toEqual(small.sb.state.wb.events.map((e) => e.eventID));
		} finally {
			await small.sb.stop();
		}
	});

	test('a new buyer message after the cursor is returned by the next call', async () => {
		const { next } = (await events()).data.result;
		const { chat, event } = t.sb.addChatMessage({ text: 'Здравствуйте, когда отправите заказ?' });
		const page = (await events(next)).data.result;
		expect(page.totalEvents).toBe(1);
		expect(page.events[0]).toMatchObject({ eventID: event.eventID, chatID: chat.chatID, isNewChat: true, replySign: chat.replySign, sender: 'client' });
	});

	test.each([
		['0', 'Invalid value for "next"'],
		['abc', 'Invalid number'],
	])('next=%s is a 400 in the chat shape', async (next, detail) => {
		const res = await events(next);
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ status: 400, title: 'Bad Request', origin: 'proxy-chats', detail, requestId: expect.any(String), error: detail });
	});
});

describe('POST /api/v1/seller/message (multipart/form-data)', () => {
	test('a message is appended to the feed as sender seller and updates lastMessage', async () => {
		const { next } = (await events()).data.result;
		const target = (await t.call('GET', `${BASE}/chats`)).data.result[0];
		clock.advance(60 * 1000);
		const res = await t.call('POST', `${BASE}/message`, {
			body: form({ replySign: target.replySign, message: 'Здравствуйте! Заказ передан в доставку, ожидайте уведомление.' }),
		});
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ result: { addTime: clock.t, chatID: target.chatID, sign: target.replySign }, errors: [] });
		const page = (await events(next)).data.result;
		expect(page.totalEvents).toBe(1);
		expect(page.events[0]).toMatchObject({
			chatID: target.chatID,
			sender: 'seller',
			source: 'seller-public-api',
			isNewChat: false,
			addTimestamp: clock.t,
			message: { text: 'Здравствуйте! Заказ передан в доставку, ожидайте уведомление.' },
		});
		expect(page.events[0]).not.toHaveProperty('replySign');
		const chat = (await t.call('GET', `${BASE}/chats`)).data.result.find((c) => c.chatID === target.chatID);
		expect(chat.lastMessage).toEqual({ text: 'Здравствуйте! Заказ передан в доставку, ожидайте уведомление.', addTimestamp: clock.t });
		expect(t.sb.state.replies).toEqual([
			expect.objectContaining({ kind: 'chatMessage', targetId: target.chatID, token: TOKENS.all, at: clock.t }),
		]);
	});

	test('files: an image is stored and can be downloaded; other types are refused', async () => {
		const target = t.sb.state.wb.chats[0];
		const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
		const res = await t.call('POST', `${BASE}/message`, {
			body: form({ replySign: target.replySign }, [{ data: png, type: 'image/png', name: 'фото.png' }]),
		});
		expect(res.status).toBe(200);
		const event = t.sb.state.wb.events[t.sb.state.wb.events.length - 1];
		const image = event.message.attachments.images[0];
		const file = await t.call('GET', new URL(image.url).pathname);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('image/png');
		expect(file.buffer.equals(png)).toBe(true);

		const bad = await t.call('POST', `${BASE}/message`, {
			body: form({ replySign: target.replySign }, [{ data: Buffer.from('hello'), type: 'text/plain', name: 'note.txt' }]),
		});
		expect(bad.status).toBe(400);
		expect(bad.data.detail).toMatch(/"note.txt" has unsupported mime type/);
		expect((await t.call('GET', `${BASE}/download/no-such-file`)).status).toBe(400);
	});

	test.each([
		['unknown replySign', { replySign: '1:00000000-0000-4000-8000-000000000000:1:ff', message: 'Здравствуйте' }, 'Invalid signature'],
		['no replySign', { replySign: undefined, message: 'Здравствуйте' }, 'Invalid value for "replySign"'],
		['message over 1000 characters', { message: 'я'.repeat(1001) }, 'Invalid value for "message"'],
		['empty message without files', { message: '   ' }, 'Invalid value for "message"'],
	])('%s -> 400 problem+json, nothing recorded', async (_, fields, detail) => {
		const target = t.sb.state.wb.chats[0];
		const before = t.sb.state.wb.events.length;
		const res = await t.call('POST', `${BASE}/message`, { body: form({ replySign: target.replySign, ...fields }) });
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect(res.data).toMatchObject({ status: 400, origin: 'proxy-chats', detail, error: detail });
		expect(t.sb.state.wb.events.length).toBe(before);
		expect(t.sb.state.replies).toHaveLength(0);
	});

	test('exactly 1000 characters is accepted', async () => {
		const target = t.sb.state.wb.chats[0];
		const res = await t.call('POST', `${BASE}/message`, { body: form({ replySign: target.replySign, message: 'я'.repeat(1000) }) });
		expect(res.status).toBe(200);
	});

	test('a JSON body instead of multipart is a 400', async () => {
		const target = t.sb.state.wb.chats[0];
		const res = await t.call('POST', `${BASE}/message`, { body: { replySign: target.replySign, message: 'Здравствуйте' } });
		expect(res.status).toBe(400);
		expect(res.data.detail).toMatch(/multipart/);
	});
});
