// The labelled development set of buyer texts (WB, Ozon, Market; numbers and look-alikes) lives beside the
// repository; where it is present, the node must send every text out of the right output with the right number.
'use strict';
const fs = require('fs');
const path = require('path');
const { AgentIqLinkOrder } = require('../../../nodes/AgentIqLinkOrder/AgentIqLinkOrder.node');
const { createContext } = require('../../support/n8n-context');

const DEV_SET = path.join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'order-numbers-dev.jsonl');
const rows = fs.existsSync(DEV_SET)
	? fs
			.readFileSync(DEV_SET, 'utf8')
			.split('\n')
			.filter((l) => l.trim())
			.map((l) => JSON.parse(l))
	: [];

(rows.length ? describe : describe.skip)('AgentIQ Link Order on the order-number development set', () => {
	it('sends each text to Found with the labelled number, or to Ask when it has none', async () => {
		const items = rows.map((r) => ({
			json: { id: `${r.marketplace}:chat:${r.id}`, marketplace: r.marketplace, channel: 'chat', externalId: r.id, text: r.text, chatId: `chat-${r.id}`, createdAt: '2026-11-25T10:00:00Z', answered: false, raw: {} },
		}));
		const parameters = (name, i) => ({ operation: 'link', interaction: items[i].json, storedLink: undefined, tone: 'formal', options: {} })[name];
		const [found, ask, linked, asked] = await new AgentIqLinkOrder().execute.call(createContext({ items, parameters }));
		const got = new Map();
		for (const { json } of found) got.set(json.externalId, json.orderNumber);
		for (const { json } of ask) got.set(json.externalId, null);
		expect(linked.length + asked.length).toBe(0);
		expect(rows.filter((r) => got.get(r.id) !== r.gold.orderNumber).map((r) => [r.id, r.gold.orderNumber, got.get(r.id)])).toEqual([]);
		expect(got.size).toBe(rows.length);
	});
});
