// Smoke test of the built package in a real n8n, for each supported n8n version: every node and credential listed in
// package.json → n8n loads under the community-package name `n8n-nodes-agentiq.<name>`, in the CLI (export:nodes)
// and in the running server (the types the editor is served).
'use strict';
const fs = require('fs');
const path = require('path');
const { ensureN8n } = require('./n8n-install');
const { startN8n, exportNodes, versionsUnderTest, REPO_ROOT } = require('./n8n-harness');

const INSTALL_TIMEOUT_MS = 20 * 60 * 1000;
const TEST_TIMEOUT_MS = 4 * 60 * 1000;
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

// The names n8n registers come from each compiled class (description.name / credential name), not from file names.
function declaredTypes() {
	const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter((file) => !fs.existsSync(path.join(REPO_ROOT, file)));
	if (missing.length) throw new Error(`the package is not built, missing: ${missing.join(', ')} (run \`npm run build\`)`);
	const instances = (file) => Object.values(require(path.join(REPO_ROOT, file))).filter((v) => typeof v === 'function').map((Cls) => new Cls());
	return {
		nodes: pkg.n8n.nodes.flatMap(instances).map((node) => (node.description || node.baseDescription).name),
		credentials: pkg.n8n.credentials.flatMap(instances).map((credential) => credential.name),
	};
}

describe.each(versionsUnderTest())('package smoke test on n8n %s', (version) => {
	let declared;

	beforeAll(async () => {
		await ensureN8n(version);
	}, INSTALL_TIMEOUT_MS);

	test('the package is built and declares the Wildberries nodes and credential', () => {
		declared = declaredTypes();
		expect(declared.nodes).toEqual(expect.arrayContaining(['wildberries', 'wildberriesTrigger']));
		expect(declared.credentials).toEqual(expect.arrayContaining(['wildberriesApi']));
	});

	test(
		'n8n export:nodes lists every node of the package under its community-package name',
		async () => {
			declared = declared || declaredTypes();
			const nodes = await exportNodes(version);
			const ours = nodes.filter((node) => node.name.startsWith(`${pkg.name}.`));
			const names = ours.map((node) => node.name);
			expect(names).toEqual(expect.arrayContaining([`${pkg.name}.wildberries`, `${pkg.name}.wildberriesTrigger`]));
			expect(names).toEqual(expect.arrayContaining(declared.nodes.map((name) => `${pkg.name}.${name}`)));
			const trigger = ours.find((node) => node.name === `${pkg.name}.wildberriesTrigger`);
			expect(trigger.group).toContain('trigger');
			expect((trigger.credentials || []).map((c) => c.name)).toContain('wildberriesApi');
		},
		TEST_TIMEOUT_MS,
	);

	test(
		'the running server loads the package node and credential types',
		async () => {
			declared = declared || declaredTypes();
			const n8n = await startN8n({ version });
			try {
				const types = await n8n.loadedTypes();
				expect(types.nodes).toEqual(expect.arrayContaining(declared.nodes.map((name) => `${pkg.name}.${name}`)));
				expect(types.credentials).toEqual(expect.arrayContaining(declared.credentials));
			} finally {
				await n8n.stop();
			}
		},
		TEST_TIMEOUT_MS,
	);
});
