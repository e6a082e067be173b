// Templates 4 (product quality alert) and 9 (analytics dashboard) do what their sticky notes say. They run end to end
// in tests/e2e/dashboard.test.js; here the wiring and parameters the notes promise are checked without n8n.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..', '..');
const load = (file) => JSON.parse(fs.readFileSync(path.join(root, 'workflows', file), 'utf8'));
const byName = (wf, name) => wf.nodes.find((n) => n.name === name);
const note = (wf) => wf.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => n.parameters.content).join('\n');
const next = (wf, name) => ((wf.connections[name] || { main: [[]] }).main[0] || []).map((c) => c.node);
const codeNodes = (wf) => wf.nodes.filter((n) => n.type === 'n8n-nodes-base.code');

describe('wb-product-quality-alert.json', () => {
	const wf = load('wb-product-quality-alert.json');
	it('reads every review of two periods (answered, unanswered, archived) with Wildberries → Review → Get Many', () => {
		const read = byName(wf, 'Reviews of two periods');
		expect(read.type).toBe('n8n-nodes-agentiq.wildberries');
		expect(read.parameters).toMatchObject({ resource: 'review', operation: 'getMany', answered: 'all', returnAll: true });
		expect(read.parameters.filters.dateFrom).toContain("2 * $('Settings').first().json.periodDays");
		expect(Object.keys(read.credentials)).toEqual(['wildberriesApi']);
		expect(next(wf, 'Settings')).toEqual(['Reviews of two periods']);
		expect(next(wf, 'Reviews of two periods')).toEqual(['Detect Spikes']);
		// No hand-made WB requests left: the node pages, reads the archive and normalises.
		expect(wf.nodes.filter((n) => n.type === 'n8n-nodes-base.httpRequest')).toEqual([]);
		expect(byName(wf, 'Settings').parameters.assignments.assignments.map((a) => a.name)).toEqual(['periodDays']);
	});
	it('alerts once per period with the thresholds the note names, then notifies with the evidence', () => {
		const detect = byName(wf, 'Detect Spikes');
		expect(detect.parameters).toMatchObject({ operation: 'detectSpikes', threshold: 0.3, minReviews: 10, oncePerPeriod: true, options: { confidence: '0.95' } });
				const notify = 'Notify (replace with Telegram / e-mail / Slack)';
		expect(next(wf, 'Detect Spikes')).toEqual([notify]);
		const message = byName(wf, notify).parameters.assignments.assignments.find((a) => a.name === 'message').value;
		for (const field of ['summary', 'reviews', 'negative', 'negativeShare', 'previousShare', 'topTopics', 'quotes']) expect(message).toContain(`$json.${field}`);
		const text = note(wf);
		expect(text).toMatch(/30 %/);
		expect(text).toMatch(/at least 10 reviews/);
		expect(text).toMatch(/at most once per period/);
		expect(text).toMatch(/answered and unanswered/);
		expect(text).toMatch(/archive/);
		expect(text).toMatch(/архив/);
		expect(text).toContain('**Reviews of two periods**');
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
	it('reads reviews and questions, answered and unanswered, with Get Many and keeps the answer time of questions', () => {
		const reviews = byName(wf, 'Reviews of two periods');
		const questions = byName(wf, 'Questions of the period');
		expect([reviews, questions].map((n) => [n.type, n.parameters.resource, n.parameters.operation, n.parameters.answered, n.parameters.returnAll])).toEqual([
			['n8n-nodes-agentiq.wildberries', 'review', 'getMany', 'all', true],
			['n8n-nodes-agentiq.wildberries', 'question', 'getMany', 'all', true],
		]);
		expect(reviews.parameters.filters.dateFrom).toContain("2 * $('Settings').first().json.periodDays");
		expect(questions.parameters.filters.dateFrom).toContain("{ days: $('Settings').first().json.periodDays }");
		expect(next(wf, 'Settings').sort()).toEqual(['Questions of the period', 'Reviews of two periods']);
		expect([wf.connections['Reviews of two periods'].main[0][0], wf.connections['Questions of the period'].main[0][0]]).toEqual([
			{ node: 'Reviews and questions', type: 'main', index: 0 },
			{ node: 'Reviews and questions', type: 'main', index: 1 },
		]);
		expect(next(wf, 'Reviews and questions')).toEqual(['Answer time']);
		expect(next(wf, 'Answer time')).toEqual(['AgentIQ Classify']);
		const answerTime = byName(wf, 'Answer time').parameters;
		expect(answerTime.includeOtherFields).toBe(true);
		expect(answerTime.assignments.assignments.map((a) => a.name)).toEqual(['repliedAt']);
		expect(answerTime.assignments.assignments[0].value).toContain('$json.raw.answer.createDate');
		expect(wf.nodes.filter((n) => n.type === 'n8n-nodes-base.httpRequest')).toEqual([]);
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
		expect(text).toContain('`raw.answer.createDate`');
	});
});
