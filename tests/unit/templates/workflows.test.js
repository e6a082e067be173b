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
