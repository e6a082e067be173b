import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AgentIqLinkOrder } from '../../../nodes/AgentIqLinkOrder/AgentIqLinkOrder.node';
import { check } from '../../../src/guardrails';
import { createContext } from '../../support/n8n-context';

// The node as n8n runs it: parameters that are expressions in a workflow are resolved per item here the same way
// ({{ $json }}, {{ $json.link }} …), and the four outputs are checked item by item.

const node = new AgentIqLinkOrder();
const OUT = { found: 0, ask: 1, alreadyLinked: 2, alreadyAsked: 3 };

type Json = Record<string, unknown>;

function run(operation: string, items: Json[], extra: Record<string, unknown> = {}, ctxExtra: Record<string, unknown> = {}) {
	const defaults: Record<string, (json: Json) => unknown> = {
		interaction: (json) => json,
		storedLink: (json) => json.link,
		fetchedOrder: (json) => json.order,
		product: (json) => json.product,
		reviews: (json) => json.reviews,
	};
	const ctx = createContext({
		items: items.map((json) => ({ json })),
		parameters: (name: string, i: number) => {
			if (name === 'operation') return operation;
			if (name in extra) return typeof extra[name] === 'function' ? (extra[name] as (j: Json) => unknown)(items[i]) : extra[name];
			if (defaults[name]) return defaults[name](items[i]);
			if (name === 'tone') return 'empathetic';
			if (name === 'options') return {};
			return undefined;
		},
		...ctxExtra,
	});
	return node.execute.call(ctx as unknown as IExecuteFunctions);
}

const chat = (id: string, text: string, extra: Json = {}): Json => ({
	id: `wb:chat:${id}`,
	marketplace: 'wb',
	channel: 'chat',
	externalId: id,
	text,
	chatId: `chat-${id}`,
	buyerName: 'Ирина',
	createdAt: '2026-11-25T10:00:00.000Z',
	answered: false,
	raw: { replySign: 'sign' },
	...extra,
});

const jsons = (out: INodeExecutionData[]) => out.map((i) => i.json as Json);

describe('AgentIQ Link Order: Find Order Number', () => {
	it('has four named outputs for this operation and one for the others', () => {
		const outputs = node.description.outputs as string;
		expect(outputs).toContain('"displayName": "Found"');
		expect(outputs).toContain('"displayName": "Already Asked"');
		expect(node.description.usableAsTool).toBe(true);
	});

	it('routes found, ask, already linked and already asked, keeping pairedItem', async () => {
		const outputs = await run('link', [
			chat('1', 'Номер заказа 1191231355'),
			chat('2', 'Здравствуйте, пришёл брак'),
			chat('3', 'Когда придёт?', { link: { chatId: 'chat-3', orderNumber: '2745123369', productName: 'Кроссовки беговые', size: '42', orderStatus: 'sorted' } }),
			chat('4', 'Ну что там?', { link: { chatId: 'chat-4', askedAt: '2026-11-25T09:00:00Z' } }),
		]);
		expect(outputs.map((o) => o.map((i) => i.pairedItem))).toEqual([[{ item: 0 }], [{ item: 1 }], [{ item: 2 }], [{ item: 3 }]]);
		const [found] = jsons(outputs[OUT.found]);
		expect(found).toMatchObject({ orderNumber: '1191231355', orderLink: { outcome: 'found', orderNumber: '1191231355', source: 'text' } });
		expect((found.orderLink as Json).candidates).toEqual([expect.objectContaining({ number: '1191231355', kind: 'wb_order_id' })]);

		const [ask] = jsons(outputs[OUT.ask]);
		const draft = ask.draft as { text: string; templateId: string; guardrails: { ok: boolean }; needsApproval: boolean };
		expect(draft.templateId).toBe('ask_order_number.chat.empathetic');
		expect(draft.text).toMatch(/номер/);
		expect(draft.text).toMatch(/Ирина/);
		expect([draft.guardrails.ok, draft.needsApproval]).toEqual([true, false]);
		expect(check(draft.text, { marketplace: 'wb', channel: 'chat' }).ok).toBe(true);
		expect((ask.link as Json).askedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect((ask.link as Json).chatId).toBe('chat-2');

		const [linked] = jsons(outputs[OUT.alreadyLinked]);
		expect(linked).toMatchObject({
			orderNumber: '2745123369',
			productName: 'Кроссовки беговые',
			order: { number: '2745123369', productName: 'Кроссовки беговые', size: '42', status: 'sorted' },
		});
		expect(linked.draft).toBeUndefined();
		const [asked] = jsons(outputs[OUT.alreadyAsked]);
		expect(asked.link).toEqual({ chatId: 'chat-4', askedAt: '2026-11-25T09:00:00Z', orderNumber: '', linkedAt: '', productName: '', size: '', orderStatus: '' });
		expect(asked.draft).toBeUndefined();
	});

	it('asks once when two messages of one new chat arrive in the same run', async () => {
		const outputs = await run('link', [chat('1', 'Здравствуйте', { chatId: 'same' }), chat('2', 'Пришёл брак', { chatId: 'same' })]);
		expect(outputs[OUT.ask]).toHaveLength(1);
		expect(outputs[OUT.alreadyAsked]).toHaveLength(1);
	});

	it.each([
		['wb', 'вот номер: 3360 0861 120', '33600861120'],
		['ozon', 'Номер отправления 0132112277-0101-1', '0132112277-0101-1'],
		['ym', 'Заказ № 54729183 не доставлен', '54729183'],
	])('finds a %s order number in "%s"', async (marketplace, text, number) => {
		const outputs = await run('link', [chat('1', text, { marketplace })]);
		expect(jsons(outputs[OUT.found]).map((j) => j.orderNumber)).toEqual([number]);
	});

	it.each([
		['wb', 'Артикул 248901714, мой телефон 8 912 345-67-89'],
		['wb', 'Заплатила 3 450 р 12.11.2026, размер 44'],
		['ozon', 'SKU 1456789012, цена 2 990 ₽'],
		['ym', '+7 (912) 345-67-89, штрихкод 4607012345678'],
	])('takes no look-alike for a %s order number: "%s"', async (marketplace, text) => {
		const outputs = await run('link', [chat('1', text, { marketplace })]);
		expect(outputs[OUT.found]).toHaveLength(0);
		expect(jsons(outputs[OUT.ask])[0].orderLink).toMatchObject({ outcome: 'ask', candidates: [] });
	});

	it('reads the stored record from a Data Table row passed as the parameter, and the interaction from the trigger', async () => {
		const row = { id: 3, createdAt: '2026-11-25T09:00:00.000Z', updatedAt: '2026-11-25T09:00:00.000Z', chatId: 'chat-1', askedAt: '2026-11-25T09:00:00.000Z', orderNumber: null };
		const interaction = chat('1', 'Я уже писала');
		const outputs = await run('link', [row], { interaction: () => interaction, storedLink: (json: Json) => json });
		const [asked] = jsons(outputs[OUT.alreadyAsked]);
		expect(asked).toMatchObject({ id: 'wb:chat:1', chatId: 'chat-1', text: 'Я уже писала' });
		expect(asked.createdAt).toBe('2026-11-25T10:00:00.000Z');
	});

	it('names the bad field and item, or passes the item on with the error when continuing on fail', async () => {
		await expect(run('link', [chat('1', 'x', { chatId: undefined })])).rejects.toThrow(/"chatId" is missing in item 0/);
		await expect(run('link', [chat('1', 'x', { channel: 'review' })])).rejects.toThrow(/"channel" must be "chat" in item 0/);
		await expect(run('link', [chat('1', 'x', { marketplace: 'amazon' })])).rejects.toThrow(/"marketplace" must be one of wb, ozon, ym in item 0/);
		await expect(run('link', [chat('1', 'x', { link: { chatId: 'other' } })])).rejects.toThrow(/"storedLink.chatId" is "other"/);
		await expect(run('link', [chat('1', 'x')], { interaction: 'plain text' })).rejects.toThrow(/"interaction" must be an object in item 0/);
		const outputs = await run('link', [chat('1', 'x', { chatId: '' }), chat('2', 'Номер заказа 1191231355')], {}, { continueOnFail: true });
		expect(jsons(outputs[OUT.alreadyAsked])[0].error).toMatch(/chatId/);
		expect(outputs[OUT.found]).toHaveLength(1);
	});
});

describe('AgentIQ Link Order: Attach Fetched Order', () => {
	const wbMatch = {
		order: { number: '3104277203', source: 'fbs', orderId: 3104277203, nmId: 121998450, status: 'sorted', createdAt: '2026-11-01T00:00:00Z', raw: {} },
		matchedBy: 'orderId',
		candidates: [],
	};

	it('merges the fetched order into the interaction and replies with its context', async () => {
		const item = {
			...chat('1', 'Номер заказа 3104277203'),
			orderNumber: '3104277203',
			orderFound: true,
			order: wbMatch,
			product: { nmId: 121998450, name: 'Кроссовки беговые мужские, белые, дышащие, на каждый день', subject: 'Кроссовки' },
			link: { chatId: 'chat-1', askedAt: '2026-11-25T09:00:00Z', orderNumber: '', linkedAt: '', productName: '', size: '', orderStatus: '' },
		};
		const [[out]] = await run('attachOrder', [item]);
		const json = out.json as Json;
		expect(out.pairedItem).toEqual({ item: 0 });
		expect(json).toMatchObject({
			orderNumber: '3104277203',
			orderFound: true,
			productName: 'Кроссовки беговые мужские, белые, дышащие, на каждый день',
			order: { number: '3104277203', status: 'sorted', productName: 'Кроссовки беговые мужские, белые, дышащие, на каждый день', productId: '121998450' },
			link: { chatId: 'chat-1', askedAt: '2026-11-25T09:00:00Z', orderNumber: '3104277203', productName: 'Кроссовки беговые мужские, белые, дышащие, на каждый день', size: '', orderStatus: 'sorted' },
		});
		const draft = json.draft as { text: string; templateId: string; guardrails: { ok: boolean } };
		expect(draft.templateId).toBe('linked_order.chat');
		expect(draft.text).toContain('№ 3104277203');
		expect(draft.text).toContain('«Кроссовки беговые мужские»');
		expect(draft.text).toContain('в пути');
		expect(draft.guardrails.ok).toBe(true);
	});

	it('links nothing when the marketplace did not find the number, and says so', async () => {
		const item = { ...chat('1', 'заказ 1111111111'), orderNumber: '1111111111', orderFound: false, order: null, link: { chatId: 'chat-1' } };
		const [[out]] = await run('attachOrder', [item]);
		const json = out.json as Json;
		expect(json).toMatchObject({ orderFound: false, order: null, link: { orderNumber: '', askedAt: expect.stringMatching(/^\d{4}-/) } });
		expect((json.draft as { text: string; templateId: string }).templateId).toBe('order_not_found.chat');
		expect((json.draft as { text: string }).text).toContain('1111111111');
	});

	it('asks for the order number when none is on the item', async () => {
		await expect(run('attachOrder', [{ ...chat('1', 'x'), order: null }])).rejects.toThrow(/"orderNumber" is missing in item 0/);
	});
});

describe('AgentIQ Link Order: Match Buyer Reviews', () => {
	it('adds the likely reviews and the summary line', async () => {
		const reviews = [
			{ id: 'wb:review:r1', marketplace: 'wb', channel: 'review', productId: '121998450', productName: 'Кроссовки', rating: 1, createdAt: '2026-11-23T09:00:00Z', buyerName: 'Ирина' },
			{ id: 'wb:review:r2', marketplace: 'wb', channel: 'review', productId: '5', rating: 5, createdAt: '2026-11-23T09:00:00Z' },
		];
		const [[out]] = await run('matchReviews', [{ ...chat('1', 'Верните деньги'), productId: '121998450', reviews }]);
		const br = (out.json as Json).buyerReviews as { matches: Array<{ reviewId: string }>; summary: { ru: string; en: string } };
		expect(br.matches.map((m) => m.reviewId)).toEqual(['wb:review:r1']);
		expect(br.summary.ru).toMatch(/отзыв 1★ на «Кроссовки» 2 дня назад/);
		expect(br.summary.en).toMatch(/1★ review on «Кроссовки» 2 days ago/);
	});

	it('gives no summary without a match and names a bad review', async () => {
		const [[out]] = await run('matchReviews', [{ ...chat('1', 'x'), reviews: [] }]);
		expect((out.json as Json).buyerReviews).toEqual({ matches: [] });
		await expect(run('matchReviews', [{ ...chat('1', 'x'), reviews: [{ id: 'r', marketplace: 'wb', createdAt: 'never' }] }])).rejects.toThrow(/"reviews.0.createdAt" must be a date-time/);
	});
});

