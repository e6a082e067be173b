// The order-linking template and the node agree: the store's columns are the node's LINK_COLUMNS, both Data
// Table nodes use the table the sticky notes tell the user to create, and every column is named there.
'use strict';
const fs = require('fs');
const path = require('path');
const { LINK_COLUMNS } = require('../../../src/linking');

const wf = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'workflows', 'wb-order-number-linking.json'), 'utf8'));
const byName = (name) => wf.nodes.find((n) => n.name === name);
const notes = wf.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => n.parameters.content);

describe('template wb-order-number-linking', () => {
	it('stores every column of the link record, from the item the node put out', () => {
		const save = byName('Save chat link');
		expect(Object.keys(save.parameters.columns.value)).toEqual([...LINK_COLUMNS]);
		for (const c of LINK_COLUMNS) expect(save.parameters.columns.value[c]).toBe(`={{ $json.link.${c} }}`);
		expect(save.parameters.filters.conditions).toEqual([{ keyName: 'chatId', condition: 'eq', keyValue: '={{ $json.link.chatId }}' }]);
	});

	it('reads and writes one table, the one both notes name with all its columns', () => {
		const tables = wf.nodes.filter((n) => n.type === 'n8n-nodes-base.dataTable').map((n) => n.parameters.dataTableId);
		expect(tables).toHaveLength(2);
		for (const t of tables) expect(t).toEqual({ __rl: true, mode: 'name', value: 'agentiq_chat_links' });
		expect(notes).toHaveLength(2);
		for (const note of notes) {
			expect(note).toContain('`agentiq_chat_links`');
			for (const c of LINK_COLUMNS) expect(note).toContain(`\`${c}\``);
		}
	});

	it('routes the four outputs of Link Order: fetch, ask through the guard, draft for the rest', () => {
		const link = byName('Link Order');
		expect(link.parameters).toMatchObject({ operation: 'link', interaction: "={{ $('New chat message').item.json }}", storedLink: '={{ $json }}' });
		expect(wf.connections['Link Order'].main.map((out) => out.map((c) => c.node))).toEqual([['Get order'], ['Guard'], ['Draft reply'], ['Draft reply']]);
		expect(wf.connections['Send on WB'].main[0].map((c) => c.node)).toEqual(['Save chat link']);
		expect(byName('Send on WB').parameters.skipIfSent).toBe(true);
	});
});
