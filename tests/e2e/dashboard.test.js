// Templates 4 and 9 in a real n8n against the WB sandbox (empty seed + reviews and questions added with dates):
// - wb-analytics-dashboard.json: published, its webhook opened in headless Chromium (playwright-core driving the
//   Debian `chromium`); the page must show the figures that follow from what the test put into the sandbox — the
//   number of reviews in the period, SLA compliance of the questions, the top problem product — and draw its charts
//   without console errors. A screenshot goes to tests/.artifacts/dashboard-<version>.png.
// - wb-product-quality-alert.json: one product's negative share jumps from 10 % to 60 %, another stays at 20 %:
//   exactly one alert, for that product, and none on a second run in the same period. Its Schedule trigger is
//   swapped for a webhook of the same name so the test can fire it.
// The templates read WB's review and question lists with Wildberries → Review/Question → Get Many (paged, the review
// archive included, deduplicated), the hosts coming from the sandbox credential. Some reviews of the period are
// answered (so WB lists them as answered and in its archive, each must count once) and some are rating-only (WB
// archives those at once, so only the archive has them).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { createSandbox, TOKENS } = require('../sandbox/server');
const { ensureN8n } = require('./n8n-install');
const { startN8n, versionsUnderTest } = require('./n8n-harness');
const { wbSandboxCredential, loadTemplate, REPO_ROOT } = require('./support');

const CHROMIUM = '/usr/bin/chromium';
const DAY = 86_400_000;
const GOOD = 'Отличное качество, всё понравилось, рекомендую';
const BAD = 'Пришёл брак, молния сломана, не работает';

function output(execution, name) {
	const runs = execution.data.resultData.runData[name];
	if (!runs) throw new Error(`node "${name}" did not run (ran: ${Object.keys(execution.data.resultData.runData).join(', ')})`);
	const main = runs[runs.length - 1].data && runs[runs.length - 1].data.main;
	return ((main && main[0]) || []).map((item) => item.json);
}

async function wb(sb, method, apiPath, body) {
	const res = await fetch(`${sb.url}/wb/feedbacks${apiPath}`, {
		method,
		headers: { Authorization: TOKENS.all, 'Content-Type': 'application/json' },
		body: body ? JSON.stringify(body) : undefined,
	});
	if (res.status >= 300) throw new Error(`${method} ${apiPath}: ${res.status} ${await res.text()}`);
}

/** Reviews of two weeks: `spiking` goes from 2 to 12 negative of 20, `steady` stays at 4 of 20. Returns the numbers. */
async function seedReviews(sb) {
	const [spiking, steady] = [sb.state.wb.products[3], sb.state.wb.products[4]];
	const now = Date.now();
	const add = (product, daysAgo, bad) =>
		sb.addFeedback({ nmId: product.nmId, text: bad ? BAD : GOOD, pros: '', cons: '', productValuation: bad ? 1 : 5, createdDate: new Date(now - daysAgo * DAY).toISOString() });
	for (let i = 0; i < 20; i++) add(spiking, 8 + i * 0.25, i < 2);
	for (let i = 0; i < 20; i++) add(spiking, 0.5 + i * 0.25, i < 12);
	for (let i = 0; i < 20; i++) add(steady, 8 + i * 0.25, i < 4);
	const answered = [];
	for (let i = 0; i < 20; i++) {
		// Five 5★ reviews without any text: WB moves them to the archive at once, never to the working lists.
		const fb = i >= 15
			? sb.addFeedback({ nmId: steady.nmId, text: '', pros: '', cons: '', productValuation: 5, createdDate: new Date(now - (0.5 + i * 0.25) * DAY).toISOString() })
			: add(steady, 0.5 + i * 0.25, i < 4);
		if (i >= 10 && i < 15) answered.push(fb.id);
	}
	// Answered reviews leave WB's unanswered list for the answered list and the archive: read once each.
	for (const id of answered) await wb(sb, 'POST', '/api/v1/feedbacks/answer', { id, text: 'Спасибо за отзыв!' });
	// Older than the two periods: the archive is read newest first and must stop before these.
	for (let i = 0; i < 3; i++) add(steady, 40 + i, true);
	return { spiking, steady, reviewsInPeriod: 40 };
}

async function waitExecutions(n8n, id, count) {
	return n8n.waitFor(
		async () => {
			const list = await n8n.executions(id, { includeData: true });
			return list.length >= count && list.every((e) => e.finished || e.status === 'error' || e.status === 'success') && list;
		},
		{ timeoutMs: 120_000, what: `execution ${count} of ${id}` },
	);
}

describe.each(versionsUnderTest())('n8n %s: dashboard and quality alert templates', (version) => {
	let n8n;
	let sb;
	let browser;
	let profile;

	beforeAll(async () => {
		await ensureN8n(version);
	}, 20 * 60 * 1000);

	afterAll(async () => {
		if (browser) await browser.close();
		if (profile) fs.rmSync(profile, { recursive: true, force: true });
		if (n8n) await n8n.stop();
		if (sb) await sb.stop();
	}, 90_000);

	it('serves the analytics dashboard with the sandbox figures and a product quality alert once per period', async () => {
		sb = createSandbox({ seed: 'empty' });
		await sb.start(0);
		const seeded = await seedReviews(sb);
		// Questions: 6 answered within seconds (SLA met whatever the priority), 4 unanswered for three days (breached).
		const now = Date.now();
		for (let i = 0; i < 6; i++) {
			const q = sb.addQuestion({ nmId: seeded.steady.nmId, text: `Какой размер выбрать при росте 18${i} см?`, createdDate: new Date(now - 20_000).toISOString() });
			await wb(sb, 'PATCH', '/api/v1/questions', { id: q.id, answer: { text: 'Рекомендуем ваш обычный размер.' }, state: 'wbRu' });
		}
		for (let i = 0; i < 4; i++) sb.addQuestion({ nmId: seeded.spiking.nmId, text: `Есть ли другие цвета? (${i})`, createdDate: new Date(now - 3 * DAY).toISOString() });
		const expectedCompliance = `${((6 / 10) * 100).toFixed(1)}%`;

		const dashboard = loadTemplate('wb-analytics-dashboard.json', 'agentiqDashboardE2e1');
		const alert = loadTemplate('wb-product-quality-alert.json', 'agentiqQualityTplE2e1');
		const trigger = alert.nodes.find((n) => n.name === 'Every day at 09:00');
		Object.assign(trigger, { type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: '2b7e0c4a-8f1d-4e3b-9a6c-5d2f1e0b7c31', parameters: { httpMethod: 'POST', path: 'agentiq-quality-tpl', responseMode: 'onReceived', options: {} } });

		n8n = await startN8n({ version, credentials: [wbSandboxCredential(sb.url)], workflows: [dashboard, alert], publish: [dashboard.id, alert.id] });

		// --- the dashboard in a browser
		profile = fs.mkdtempSync(path.join(os.tmpdir(), 'agentiq-chromium-'));
		browser = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			viewport: { width: 1280, height: 1600 },
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		const page = await browser.newPage();
		const consoleErrors = [];
		page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
		page.on('pageerror', (e) => consoleErrors.push(e.message));
		const external = [];
		page.on('request', (r) => !r.url().startsWith(n8n.baseUrl) && external.push(r.url()));
		const response = await page.goto(n8n.webhookUrl('agentiq-dashboard'), { waitUntil: 'load', timeout: 120_000 });
		if (!/text\/html/.test(response.headers()['content-type'] || '')) {
			const [run] = (await n8n.executions(dashboard.id, { includeData: true })).slice(-1);
			const error = run && run.data && run.data.resultData.error;
			throw new Error(`the dashboard answered ${response.status()} ${await response.text()}; execution: ${JSON.stringify(error && { message: error.message, node: error.node && error.node.name, description: error.description })}`);
		}
		expect(response.status()).toBe(200);
		const kpi = (key) => page.locator(`[data-kpi="${key}"] .value`).innerText();
		expect(await kpi('reviews')).toBe(String(seeded.reviewsInPeriod));
		expect(await kpi('interactions')).toBe('10');
		expect(await kpi('replied')).toBe('6');
		expect(await kpi('sla-compliance')).toBe(expectedCompliance);
		expect(await kpi('sla-breached')).toBe('4');
		expect(await kpi('alerts')).toBe('1');
		const firstProblem = page.locator('#problems tbody tr').first();
		expect(await firstProblem.getAttribute('data-product-id')).toBe(String(seeded.spiking.nmId));
		expect(await firstProblem.innerText()).toContain(seeded.spiking.name);
		expect(await firstProblem.innerText()).toMatch(/\b12\b[\s\S]*60\.0%[\s\S]*10\.0%/);
		expect(await page.locator(`#alerts .alert[data-product-id="${seeded.spiking.nmId}"]`).count()).toBe(1);
		// Charts: both SVGs laid out with a size, one bar per timing bucket (all six replies under an hour).
		const charts = await page.$$eval('svg.chart', (els) => els.map((e) => ({ id: e.id, w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height })));
		expect(charts.map((c) => c.id)).toEqual(['chart-timing', 'chart-sla']);
		for (const c of charts) expect(c.w * c.h).toBeGreaterThan(10_000);
		const bars = await page.$$eval('#chart-timing g.bar', (els) => els.map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-value')), g.querySelector('rect').getBoundingClientRect().height]));
		expect(bars.map(([label, value]) => [label, value])).toEqual([['<1h', 6], ['1-4h', 0], ['4-24h', 0], ['>24h', 0]]);
		expect(bars[0][2]).toBeGreaterThan(50);
		expect(await page.locator('#chart-sla g.bar').count()).toBeGreaterThan(0);
		expect(consoleErrors).toEqual([]);
		expect(external).toEqual([]);
		fs.mkdirSync(path.join(REPO_ROOT, 'tests', '.artifacts'), { recursive: true });
		await page.screenshot({ path: path.join(REPO_ROOT, 'tests', '.artifacts', `dashboard-${version}.png`), fullPage: true });

		// --- the quality alert template, twice in the same period
		expect((await n8n.http('POST', n8n.webhookUrl('agentiq-quality-tpl'), { body: {} })).status).toBe(200);
		const [first] = await waitExecutions(n8n, alert.id, 1);
		expect(first.status).toBe('success');
		const read = output(first, 'Reviews of two periods');
		expect(read).toHaveLength(80);
		expect(new Set(read.map((r) => r.id)).size).toBe(80);
		expect(read.filter((r) => r.answered)).toHaveLength(5);
		expect(read.filter((r) => r.text === '')).toHaveLength(5);
		expect(read.every((r) => r.marketplace === 'wb' && r.channel === 'review')).toBe(true);
		const alerts = output(first, 'Detect Spikes');
		expect(alerts.map((a) => a.productId)).toEqual([String(seeded.spiking.nmId)]);
		expect(alerts[0]).toMatchObject({ type: 'quality_spike', reviews: 20, negative: 12, negativeShare: 0.6, previousShare: 0.1 });
		const [notice] = output(first, 'Notify (replace with Telegram / e-mail / Slack)');
		expect(notice.subject).toBe(`Quality alert: ${seeded.spiking.name}`);
		expect(notice.message).toContain(alerts[0].summary);
		expect(notice.message).toContain('негативных: 12 (60%, было 10%)');
		expect(notice.message).toContain(`«${BAD}»`);
		expect((await n8n.http('POST', n8n.webhookUrl('agentiq-quality-tpl'), { body: {} })).status).toBe(200);
		const [, second] = await waitExecutions(n8n, alert.id, 2);
		expect(second.status).toBe('success');
		expect(output(second, 'Detect Spikes')).toEqual([]);
		expect(second.data.resultData.runData['Notify (replace with Telegram / e-mail / Slack)']).toBeUndefined();
	}, 15 * 60 * 1000);
});
