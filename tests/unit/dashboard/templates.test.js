// Templates 4 (product quality alert) and 9 (analytics dashboard) do what their sticky notes say. They run end to end
// in tests/e2e/dashboard.test.js; here the wiring and parameters the notes promise are checked without n8n.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..', '..');
const load = (file) => JSON.parse(fs.readFileSync(path.join(root, 'workflows', file), 'utf8'));
const byName = (wf, name) => wf.nodes.find((n) => n.name === name);
const note = (wf) => wf.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => n.parameters.content).join('\n');
const query = (node) => Object.fromEntries(node.parameters.queryParameters.parameters.map((p) => [p.name, p.value]));
const next = (wf, name) => ((wf.connections[name] || { main: [[]] }).main[0] || []).map((c) => c.node);
const codeNodes = (wf) => wf.nodes.filter((n) => n.type === 'n8n-nodes-base.code');

describe('wb-product-quality-alert.json', () => {
	const wf = load('wb-product-quality-alert.json');
	it('reads answered and unanswered reviews of two periods with the Wildberries credential', () => {
		const reads = ['Unanswered reviews', 'Answered reviews'].map((name) => byName(wf, name));
		expect(reads.map((n) => query(n).isAnswered)).toEqual(['false', 'true']);
		for (const n of reads) {
			expect(n.parameters.url).toMatch(/\/api\/v1\/feedbacks$/);
			expect(n.parameters.nodeCredentialType).toBe('wildberriesApi');
			expect(Object.keys(n.credentials)).toEqual(['wildberriesApi']);
			expect(query(n).dateFrom).toContain("2 * $('Settings').first().json.periodDays");
			expect(query(n).take).toBe('5000');
		}
		expect(byName(wf, 'Settings').parameters.assignments.assignments.find((a) => a.name === 'feedbacksApi').value).toBe('https://feedbacks-api.wildberries.ru');
	});
	it('alerts once per period with the thresholds the note names, then notifies with the evidence', () => {
		const detect = byName(wf, 'Detect Spikes');
		expect(detect.parameters).toMatchObject({ operation: 'detectSpikes', threshold: 0.3, minReviews: 10, oncePerPeriod: true, options: { confidence: '0.95' } });
		expect(next(wf, 'As interactions')).toEqual(['Detect Spikes']);
		const notify = 'Notify (replace with Telegram / e-mail / Slack)';
		expect(next(wf, 'Detect Spikes')).toEqual([notify]);
		const message = byName(wf, notify).parameters.assignments.assignments.find((a) => a.name === 'message').value;
		for (const field of ['summary', 'reviews', 'negative', 'negativeShare', 'previousShare', 'topTopics', 'quotes']) expect(message).toContain(`$json.${field}`);
		const text = note(wf);
		expect(text).toMatch(/30 %/);
		expect(text).toMatch(/at least 10 reviews/);
		expect(text).toMatch(/at most once per period/);
		expect(text).toMatch(/answered and unanswered/);
		expect(text).toContain('Telegram');
		expect(codeNodes(wf)).toEqual([]);
	});
});

describe('wb-analytics-dashboard.json', () => {
	const wf = load('wb-analytics-dashboard.json');
	it('serves the page built by AgentIQ Dashboard from a GET webhook as text/html', () => {
		expect(byName(wf, 'Open the dashboard').parameters).toMatchObject({ httpMethod: 'GET', responseMode: 'responseNode' });
		expect(next(wf, 'AgentIQ Dashboard')).toEqual(['Respond with the page']);
		const respond = byName(wf, 'Respond with the page').parameters;
		expect(respond.responseBody).toBe('={{ $json.html }}');
		expect(respond.options.responseHeaders.entries).toEqual([{ name: 'Content-Type', value: 'text/html; charset=utf-8' }]);
		expect(codeNodes(wf)).toEqual([]);
	});
	it('reads reviews and questions, answered and unanswered, and keeps the answer time of questions', () => {
		const reads = ['Unanswered reviews', 'Answered reviews', 'Unanswered questions', 'Answered questions'].map((name) => byName(wf, name));
		expect(reads.map((n) => [n.parameters.url.replace(/^.*\}\}/, ''), query(n).isAnswered])).toEqual([
			['/api/v1/feedbacks', 'false'],
			['/api/v1/feedbacks', 'true'],
			['/api/v1/questions', 'false'],
			['/api/v1/questions', 'true'],
		]);
		const mapped = byName(wf, 'As interactions').parameters.assignments.assignments.find((a) => a.name === 'repliedAt');
		expect(mapped.value).toContain('$json.answer.createDate');
	});
	it('measures SLA on questions and quality on reviews, with alert dedupe off for display', () => {
		expect(next(wf, 'AgentIQ Classify').sort()).toEqual(['Questions', 'Reviews']);
		expect(next(wf, 'Questions')).toEqual(['AgentIQ Metrics']);
		expect(next(wf, 'Reviews').sort()).toEqual(['Detect Spikes (display)', 'Top Problem Products']);
		expect(byName(wf, 'Detect Spikes (display)').parameters).toMatchObject({ operation: 'detectSpikes', oncePerPeriod: false });
		expect(byName(wf, 'Top Problem Products').parameters).toMatchObject({ operation: 'topProblemProducts' });
		const merged = ['AgentIQ Metrics', 'Top Problem Products', 'Detect Spikes (display)'].map((name) => wf.connections[name].main[0][0]);
		expect(merged).toEqual([0, 1, 2].map((index) => ({ node: 'Merge', type: 'main', index })));
		expect(byName(wf, 'Merge').parameters.numberInputs).toBe(3);
		const text = note(wf);
		expect(text).toMatch(/Metrics\*\* on questions/);
		expect(text).toMatch(/Alert Once per Period off/);
		expect(text).toMatch(/no scripts and loads nothing from the internet/);
	});
});
