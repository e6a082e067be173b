// Every template in workflows/ is importable as it stands: valid JSON with the keys n8n expects, node types that
// exist (ours from package.json's n8n section, or n8n's built-ins), connections between existing nodes, credentials
// of our own types only, no secrets, and a sticky note that explains it in English and Russian.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const ourTypes = new Set();
for (const file of pkg.n8n.nodes) {
	const src = fs.readFileSync(path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')), 'utf8');
	const name = /\bname: '([A-Za-z]+)'/.exec(src)[1];
	ourTypes.add(`${pkg.name}.${name}`);
}
const ourCredentials = new Set(
	pkg.n8n.credentials.map((file) => /\bname = '([A-Za-z]+)'/.exec(fs.readFileSync(path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')), 'utf8'))[1]),
);
const files = fs.readdirSync(path.join(root, 'workflows')).filter((f) => f.endsWith('.json'));

describe('template workflows', () => {
	it('exist', () => expect(files.length).toBeGreaterThan(0));

	describe.each(files)('%s', (file) => {
		const text = fs.readFileSync(path.join(root, 'workflows', file), 'utf8');
		const wf = JSON.parse(text);

		it('has the keys n8n imports and no id or active flag', () => {
			expect(typeof wf.name).toBe('string');
			expect(Array.isArray(wf.nodes)).toBe(true);
			expect(typeof wf.connections).toBe('object');
			expect(wf.settings).toMatchObject({ executionOrder: 'v1' });
			expect(wf.active).toBeUndefined();
		});

		it('uses node types that exist and unique node names and ids', () => {
			for (const node of wf.nodes) {
				const ok = ourTypes.has(node.type) || node.type.startsWith('n8n-nodes-base.');
				expect([node.name, node.type, ok]).toEqual([node.name, node.type, true]);
			}
			expect(new Set(wf.nodes.map((n) => n.name)).size).toBe(wf.nodes.length);
			expect(new Set(wf.nodes.map((n) => n.id)).size).toBe(wf.nodes.length);
		});

		it('connects only existing nodes', () => {
			const names = new Set(wf.nodes.map((n) => n.name));
			for (const [from, byType] of Object.entries(wf.connections)) {
				expect(names.has(from)).toBe(true);
				for (const outputs of Object.values(byType)) for (const output of outputs) for (const c of output || []) expect(names.has(c.node)).toBe(true);
			}
		});

		it('references only our credential types and carries no secrets', () => {
			for (const node of wf.nodes) for (const type of Object.keys(node.credentials || {})) expect(ourCredentials.has(type)).toBe(true);
			expect(text).not.toMatch(/wb-sandbox-|sk-[A-Za-z0-9]{10,}|"token"\s*:|"apiKey"\s*:/);
		});

		it('explains itself in a sticky note in English and Russian', () => {
			const notes = wf.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => n.parameters.content).join('\n');
			expect(notes).toMatch(/Set up/i);
			expect(notes).toMatch(/[А-Яа-яЁё]{4,}/);
			expect(notes).toMatch(/Настройка/);
		});
	});
});

describe('template wiring', () => {
	describe.each(files)('%s', (file) => {
		const wf = JSON.parse(fs.readFileSync(path.join(root, 'workflows', file), 'utf8'));
		const targets = new Set();
		for (const byType of Object.values(wf.connections)) for (const outputs of Object.values(byType)) for (const output of outputs) for (const c of output || []) targets.add(c.node);

		it('leaves no node unconnected (sticky notes aside)', () => {
			for (const node of wf.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote')) {
				const connected = targets.has(node.name) || Boolean(wf.connections[node.name]);
				expect([node.name, connected]).toEqual([node.name, true]);
			}
		});

		it('keeps "Skip If Already Sent" on for every Wildberries write', () => {
			const writes = wf.nodes.filter((n) => n.type === `${pkg.name}.wildberries` && ['reply', 'answer', 'sendMessage'].includes(n.parameters.operation));
			for (const node of writes) expect([node.name, node.parameters.skipIfSent]).toEqual([node.name, true]);
		});
	});
});

// What the sticky notes of the WB scenario templates promise, checked against the nodes.
describe('WB scenario templates do what their sticky notes say', () => {
	const load = (file) => JSON.parse(fs.readFileSync(path.join(root, 'workflows', file), 'utf8'));
	const byName = (wf, name) => wf.nodes.find((n) => n.name === name);
	const note = (wf) => wf.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => n.parameters.content).join('\n');
	const writesToWb = (wf) => wf.nodes.filter((n) => n.type === `${pkg.name}.wildberries` && ['reply', 'answer', 'sendMessage', 'editReply', 'reject'].includes(n.parameters.operation));

	it('negative review rescue: 1–2★ only, empathetic drafts, the auto rule it names, the paid chat explained', () => {
		const wf = load('wb-negative-review-rescue.json');
		const trigger = byName(wf, 'New 1–2★ review');
		expect(trigger.parameters).toMatchObject({ event: 'newReview', onlyUnanswered: true, options: { minRating: 1, maxRating: 2 } });
		for (const name of ['Empathetic reply', 'Draft for approval', 'Draft for a manager']) expect(byName(wf, name).parameters.tone).toBe('empathetic');
		const rules = JSON.parse(byName(wf, 'Classify').parameters.routingRules).rules;
		const rescue = rules.find((r) => r.name === 'auto-rescue-calm-size-complaint');
		expect(rescue.event.params.route).toBe('auto_reply');
		expect(note(wf)).toContain('auto-rescue-calm-size-complaint');
		expect(note(wf)).toMatch(/move the review to chat/);
		expect(note(wf)).toMatch(/перевести отзыв в чат/);
		// The only write is the reply behind the Guard's Pass output.
		expect(writesToWb(wf).map((n) => n.name)).toEqual(['Reply on WB']);
		expect(wf.connections.Guard.main[0].map((c) => c.node)).toEqual(['Reply on WB']);
	});

	it('question → answer: the card before Classify, the answer behind the Guard, the 10-minute SLA alarm', () => {
		const wf = load('wb-question-answer.json');
		expect(wf.connections['Product card'].main[0].map((c) => c.node)).toEqual(['Classify']);
		expect(writesToWb(wf).map((n) => n.name)).toEqual(['Answer on WB']);
		expect(wf.connections.Guard.main[0].map((c) => c.node)).toEqual(['Answer on WB']);
		const condition = byName(wf, 'Due within 10 min?').parameters.conditions.conditions[0];
		expect(condition).toMatchObject({ rightValue: 10, operator: { type: 'number', operation: 'lte' } });
		expect(condition.leftValue).toContain('classification.dueAt');
		expect(note(wf)).toMatch(/`10` in \*Due within 10 min\?\*/);
	});

	it('sizing FAQ: waits 2 minutes by default, re-reads the question, answers with the guarded draft', () => {
		const wf = load('wb-sizing-faq.json');
		expect(byName(wf, 'Wait before answering').parameters).toMatchObject({ amount: 2, unit: 'minutes' });
		expect(note(wf)).toMatch(/default \*\*2 minutes\*\*/);
		expect(note(wf)).toMatch(/по умолчанию \*\*2 минуты\*\*/);
		expect(wf.connections['Wait before answering'].main[0].map((c) => c.node)).toEqual(['Question now']);
		expect(writesToWb(wf).map((n) => n.name)).toEqual(['Answer on WB']);
		expect(byName(wf, 'Answer on WB').parameters.text).toContain("$('Guard')");
	});

	it('churn prevention: reads the chat product\'s reviews of the Match window with Get Many, no review trigger or table', () => {
		const wf = load('wb-churn-prevention-chat.json');
		const reviews = byName(wf, 'Reviews of this product');
		expect(reviews.type).toBe(`${pkg.name}.wildberries`);
		expect(reviews.parameters).toMatchObject({ resource: 'review', operation: 'getMany', answered: 'all', returnAll: true });
		expect(reviews.parameters.filters.nmId).toContain('$json.productId');
		// The read window is the window Match Buyer Reviews scores in.
		const days = Number(/minus\(\{ days: (\d+) \}\)/.exec(reviews.parameters.filters.dateFrom)[1]);
		expect(days).toBe(byName(wf, 'Match buyer reviews').parameters.options.windowDays);
		expect(reviews.alwaysOutputData).toBe(true);
		// Only a known product is read (an empty nmID would mean every product); the rest is matched against nothing.
		expect(wf.connections['Add the ask'].main[0].map((c) => c.node)).toEqual(['Product known?']);
		expect(wf.connections['Product known?'].main.map((out) => out.map((c) => c.node).sort())).toEqual([['Reviews of this product', 'Wait for reviews'], ['Match buyer reviews']]);
		expect(byName(wf, 'Match buyer reviews').parameters.reviews).toContain("$('Reviews of this product').isExecuted");
		expect(wf.nodes.filter((n) => n.type === `${pkg.name}.wildberriesTrigger`).map((n) => n.name)).toEqual(['New chat message']);
		expect(JSON.stringify(wf)).not.toContain('agentiq_buyer_reviews');
		expect(note(wf)).toMatch(/answered before the workflow started count too/);
		expect(note(wf)).toMatch(/отвеченные до запуска сценария/);
	});

	it('5★ upsell: drafts fiveStarUpsell, checks it by the chat rules and sends nothing to WB', () => {
		const wf = load('wb-five-star-upsell.json');
		expect(byName(wf, 'New 5★ review').parameters.options).toMatchObject({ minRating: 5 });
		expect(byName(wf, 'Thank-you with offer').parameters.kind).toBe('fiveStarUpsell');
		expect(byName(wf, 'Guard (chat rules)').parameters.channel).toBe('chat');
		expect(writesToWb(wf)).toEqual([]);
		expect(note(wf)).toMatch(/no method to open that chat/);
		expect(note(wf)).toMatch(/в API WB нет метода/);
	});
});
