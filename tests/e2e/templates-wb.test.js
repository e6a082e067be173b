// The four WB scenario templates of workflows/ in a real n8n against the sandbox, one n8n per version: each template
// is imported as shipped (only the parameters its sticky note says to fill or shorten are changed), published on its
// own, and judged by what the sandbox received and by what n8n's executions carried on each branch.
//   1. wb-negative-review-rescue: 1–2★ reviews only; replies exactly to the reviews Classify routed to auto_reply
//      (a calm size complaint, by the template's own rule), none to approval/escalation; a second poll answers only
//      the new review.
//   2. wb-question-answer: questions answered only on the auto route (size question + size table), the rest wait for
//      approval; the SLA alarm gets exactly the waiting items whose dueAt is within 10 minutes of the run.
//   3. wb-sizing-faq: only size questions with a size table are answered, after the Wait node (shortened to 10 s
//      here as its sticky note says; see WAIT_SECONDS); a question a person answered during the wait is left alone.
//   4. wb-five-star-upsell: pure 5★ thank-yous get an upsell message (related products, promo code, clean by the chat
//      rules) handed to the seller; nothing at all is sent to WB.
'use strict';
const path = require('path');
const { createSandbox, TOKENS } = require('../sandbox/server');
const { ensureN8n } = require('./n8n-install');
const { startN8n, versionsUnderTest } = require('./n8n-harness');
const { wbSandboxCredential, loadTemplate, countBy, REPO_ROOT } = require('./support');

const IDS = { rescue: 'agentiqTplRescue01', question: 'agentiqTplQuestion01', sizing: 'agentiqTplSizing01', upsell: 'agentiqTplUpsell01' };
// 10 s keeps the run short (n8n waits in memory below 65 s); AGENTIQ_SIZING_WAIT_SECONDS=70 runs the template's
// stored-wait path (n8n saves the execution as waiting and resumes it), which its default of 2 minutes uses.
const WAIT_SECONDS = Number(process.env.AGENTIQ_SIZING_WAIT_SECONDS || 10);
const { check } = require(path.join(REPO_ROOT, 'dist', 'src', 'guardrails', 'index.js'));

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function node(workflow, name) {
	const found = workflow.nodes.find((n) => n.name === name);
	if (!found) throw new Error(`template ${workflow.name} has no node "${name}"`);
	return found;
}

function templates() {
	const rescue = loadTemplate('wb-negative-review-rescue.json', IDS.rescue);
	const question = loadTemplate('wb-question-answer.json', IDS.question);
	const sizing = loadTemplate('wb-sizing-faq.json', IDS.sizing);
	// The sticky note: "the delay in Wait before answering (Amount and Unit)".
	Object.assign(node(sizing, 'Wait before answering').parameters, { amount: WAIT_SECONDS, unit: 'seconds' });
	const upsell = loadTemplate('wb-five-star-upsell.json', IDS.upsell);
	// The sticky note: "Before activating fill Related Products and Promo Code" — real articles of the sandbox seed.
	Object.assign(node(upsell, 'Thank-you with offer').parameters, {
		relatedProducts: JSON.stringify([
			{ name: 'Худи мужское оверсайз с капюшоном', nmId: 203344871 },
			{ name: 'Пижама женская с шортами', nmId: 121998450 },
		]),
		promoCode: 'SPASIBO10',
	});
	return { rescue, question, sizing, upsell };
}

/** Items (json) that node `name` put on `output` in any run of any of the executions. */
function itemsOf(executions, name, output = 0) {
	const out = [];
	for (const e of executions) {
		const runs = (e.data && e.data.resultData && e.data.resultData.runData && e.data.resultData.runData[name]) || [];
		for (const run of runs) for (const item of (run.data && run.data.main && run.data.main[output]) || []) out.push(item.json);
	}
	return out;
}

const ids = (items) => items.map((i) => i.externalId);

function writes(sb, kind) {
	return sb.state.replies.filter((r) => !kind || r.kind === kind);
}

function expectOnceEach(replies) {
	expect([...countBy(replies.map((r) => `${r.kind}:${r.targetId}`))].filter(([, n]) => n > 1)).toEqual([]);
}

function expectClean(texts, channel) {
	for (const text of texts) expect([text, check(text, { marketplace: 'wb', channel }).violations]).toEqual([text, []]);
}

async function wbGet(sb, route) {
	const res = await fetch(`${sb.url}/wb/feedbacks${route}`, { headers: { Authorization: TOKENS.all } });
	if (res.status !== 200) throw new Error(`GET ${route}: HTTP ${res.status}`);
	return (await res.json()).data;
}

describe.each(versionsUnderTest())('n8n %s: the WB scenario templates', (version) => {
	let sb;
	let n8n;
	const wf = templates();

	// Every execution of a workflow has ended (none running or waiting) and there are at least `min` of them.
	async function settled(id, min = 1) {
		return n8n.waitFor(
			async () => {
				const all = await n8n.executions(id);
				return all.length >= min && all.every((e) => e.status === 'success' || e.status === 'error' || e.status === 'crashed') ? all : null;
			},
			{ timeoutMs: 120_000, intervalMs: 1000, what: `executions of ${id} to end` },
		);
	}

	async function finishedExecutions(id) {
		const all = await n8n.executions(id, { includeData: true });
		for (const e of all) expect([e.id, e.status]).toEqual([e.id, 'success']);
		return all;
	}

	beforeAll(async () => {
		await ensureN8n(version);
		sb = createSandbox({ seed: 'default' });
		await sb.start(0);
		n8n = await startN8n({ version, credentials: [wbSandboxCredential(sb.url)], workflows: Object.values(wf) });
	}, 20 * 60 * 1000);

	afterAll(async () => {
		if (n8n) await n8n.stop();
		if (sb) await sb.stop();
	}, 90_000);

	it('negative review rescue: replies only on the auto route, once, clean; approval and escalation get drafts', async () => {
		const calm = sb.addFeedback({ text: 'Маломерит на размер, пришлось отдать сестре', productValuation: 2, nmId: 199540712 }).id;
		const angry = sb.addFeedback({ text: 'Брак! Молния сломалась сразу, это обман, верните деньги!!!', productValuation: 1, nmId: 199540712 }).id;
		const quality = sb.addFeedback({ text: 'Ткань тонкая, после первой стирки появились катышки', productValuation: 1, nmId: 203344871 }).id;
		const high = sb.addFeedback({ text: 'Маломерит на размер, в остальном всё хорошо', productValuation: 4, nmId: 203344871 }).id;
		const feedbacks = (await wbGet(sb, '/api/v1/feedbacks?isAnswered=false&take=5000&skip=0')).feedbacks;
		const hasText = (f) => [f.text, f.pros, f.cons].some((t) => t && t.trim());
		const low = feedbacks.filter((f) => f.productValuation <= 2 && hasText(f)).map((f) => f.id);
		expect(low.length).toBeGreaterThan(10);

		await n8n.activate(IDS.rescue);
		await n8n.waitFor(() => writes(sb).some((r) => r.targetId === calm), { timeoutMs: 120_000, what: 'the reply to the calm size complaint' });
		await settled(IDS.rescue);
		let executions = await finishedExecutions(IDS.rescue);

		// The trigger passes exactly the 1–2★ reviews with text; Classify puts each on one route.
		const routed = [0, 1, 2, 3].map((o) => ids(itemsOf(executions, 'Classify', o)));
		expect(routed.flat().sort()).toEqual([...low].sort());
		expect(routed.flat()).not.toContain(high);
		expect(routed[0]).toContain(calm);
		expect(routed[1]).toContain(quality);
		expect(routed[2]).toContain(angry);
		expect(itemsOf(executions, 'Classify', 0).find((i) => i.externalId === calm).classification.tags).toContain('auto_rescue');

		// WB received replies for exactly the auto-route reviews that passed the Guard, once each, all clean.
		const passed = ids(itemsOf(executions, 'Guard', 0));
		expect(passed).toContain(calm);
		expect(new Set(writes(sb).map((r) => r.targetId))).toEqual(new Set(passed));
		expect(writes(sb).every((r) => r.kind === 'feedbackAnswer')).toBe(true);
		expectOnceEach(writes(sb));
		expectClean(writes(sb).map((r) => r.text), 'review');
		expect(writes(sb).find((r) => r.targetId === calm).text).toMatch(/размер/i);

		// Approval and escalation: an empathetic, clean draft for every one, and nothing sent.
		const waiting = itemsOf(executions, 'Needs approval (connect your channel)');
		expect(ids(waiting)).toEqual(expect.arrayContaining([quality, ...routed[1]]));
		const escalated = itemsOf(executions, 'Escalate to a manager (connect your channel)');
		expect(ids(escalated).sort()).toEqual([...routed[2]].sort());
		for (const item of [...itemsOf(executions, 'Draft for approval'), ...escalated]) {
			expect([item.externalId, item.draft.tone, item.draft.guardrails.ok]).toEqual([item.externalId, 'empathetic', true]);
		}
		expect(writes(sb).map((r) => r.targetId)).not.toEqual(expect.arrayContaining([angry]));
		expect(writes(sb).map((r) => r.targetId)).not.toEqual(expect.arrayContaining([quality]));

		// The next poll (a re-activation polls at once) answers only the new review.
		const before = writes(sb).length;
		const executionsBefore = executions.length;
		const later = sb.addFeedback({ text: 'Большемерит на размер, пришлось отдать маме', productValuation: 2, nmId: 203344871 }).id;
		await n8n.deactivate(IDS.rescue);
		await n8n.activate(IDS.rescue);
		await n8n.waitFor(() => writes(sb).some((r) => r.targetId === later), { timeoutMs: 120_000, what: 'the reply to the review added later' });
		await settled(IDS.rescue, executionsBefore + 1);
		expect(writes(sb).length).toBe(before + 1);
		expectOnceEach(writes(sb));
		executions = await finishedExecutions(IDS.rescue);
		expect(ids(itemsOf(executions.slice(executionsBefore), 'New 1–2★ review'))).toEqual([later]);
		await n8n.deactivate(IDS.rescue);
	}, 6 * 60 * 1000);

	it('question → answer: auto answers from the card, approval for the rest, SLA alarm for items due within 10 minutes', async () => {
		const start = writes(sb).length;
		const now = Date.now();
		const size = sb.addQuestion({ text: 'Какой размер взять на рост 180 и вес 80?', nmId: 199540712 }).id;
		const dueSoon = sb.addQuestion({ text: 'Это оригинал?', nmId: 232117845, createdDate: new Date(now - 12 * 60_000).toISOString() }).id;
		const fresh = sb.addQuestion({ text: 'Из какой ткани сделано?', nmId: 203344871 }).id;
		const unanswered = (await wbGet(sb, '/api/v1/questions?isAnswered=false&take=10000&skip=0')).questions.map((q) => q.id);

		await n8n.activate(IDS.question);
		await n8n.waitFor(() => writes(sb).some((r) => r.targetId === size), { timeoutMs: 120_000, what: 'the answer to the size question' });
		await settled(IDS.question);
		const executions = await finishedExecutions(IDS.question);
		const startedAt = Math.min(...executions.map((e) => Date.parse(e.startedAt)));

		const routed = [0, 1, 2, 3].map((o) => itemsOf(executions, 'Classify', o));
		expect(ids(routed.flat()).sort()).toEqual([...unanswered].sort());
		const sizeItem = routed[0].find((i) => i.externalId === size);
		expect(sizeItem.product.sizeTable.rows.length).toBeGreaterThan(0);
		expect(ids(routed[1])).toEqual(expect.arrayContaining([dueSoon, fresh]));

		const answers = writes(sb).slice(start);
		expect(answers.every((r) => r.kind === 'questionAnswer')).toBe(true);
		expect(new Set(answers.map((r) => r.targetId))).toEqual(new Set(ids(itemsOf(executions, 'Guard', 0))));
		expect(ids(routed[0])).toEqual(expect.arrayContaining(answers.map((r) => r.targetId)));
		expectOnceEach(answers);
		expectClean(answers.map((r) => r.text), 'question');
		expect(answers.find((r) => r.targetId === size).text).toMatch(/размер/i);

		// Everything not answered waits for a person with a draft; the alarm gets exactly those due within 10 minutes.
		const waiting = [...itemsOf(executions, 'Needs approval (connect your channel)'), ...itemsOf(executions, 'Escalate to a manager (connect your channel)')];
		const ignored = ids(routed[3]);
		expect(ids(waiting).sort()).toEqual(unanswered.filter((id) => !answers.some((r) => r.targetId === id) && !ignored.includes(id)).sort());
		const alarmed = ids(itemsOf(executions, 'SLA alarm (connect your channel)'));
		expect(alarmed).toContain(dueSoon);
		expect(alarmed).not.toContain(fresh);
		for (const item of waiting) {
			const minutesLeft = (Date.parse(item.classification.dueAt) - startedAt) / 60_000;
			if (Math.abs(minutesLeft - 10) < 1) continue; // too close to the margin to judge from outside
			expect([item.externalId, minutesLeft <= 10]).toEqual([item.externalId, alarmed.includes(item.externalId)]);
		}
		expect([...countBy(alarmed)].filter(([, n]) => n > 1)).toEqual([]);
		await n8n.deactivate(IDS.question);
	}, 6 * 60 * 1000);

	it('sizing FAQ: answers size questions with a size table after the wait, once, and skips one a person answered meanwhile', async () => {
		const start = writes(sb).length;
		const size = sb.addQuestion({ text: 'Какой размер брать на рост 175, обычно ношу M?', nmId: 203344871 }).id;
		const byPerson = sb.addQuestion({ text: 'Подскажите размер на обхват груди 92 и талии 74', nmId: 156023894 }).id;
		const noTable = sb.addQuestion({ text: 'Какой размер ремешка, подойдёт на тонкое запястье?', nmId: 245019336 }).id;
		const other = sb.addQuestion({ text: 'Будет ли другой цвет?', nmId: 211784560 }).id;

		await n8n.activate(IDS.sizing);
		// The person answers while the workflow waits: right after the workflow read that card.
		await n8n.waitFor(() => sb.state.requests.some((r) => r.host === 'basket' && r.status === 200 && r.path.includes('/156023894/')), {
			timeoutMs: 120_000,
			intervalMs: 200,
			what: 'the card of the question a person answers',
		});
		await sleep(1000);
		const personText = 'Здравствуйте! На обхват груди 92 см подойдёт размер 46, ориентируйтесь на таблицу размеров в карточке.';
		const patch = await fetch(`${sb.url}/wb/feedbacks/api/v1/questions`, {
			method: 'PATCH',
			headers: { Authorization: TOKENS.all, 'content-type': 'application/json' },
			body: JSON.stringify({ id: byPerson, answer: { text: personText }, state: 'wbRu' }),
		});
		expect(patch.status).toBe(200);
		await n8n.waitFor(() => writes(sb).some((r) => r.targetId === size), { timeoutMs: WAIT_SECONDS * 1000 + 120_000, what: 'the size answer after the wait' });
		await settled(IDS.sizing);
		const executions = await finishedExecutions(IDS.sizing);

		const answers = writes(sb).slice(start);
		const byWorkflow = answers.filter((r) => r.text !== personText);
		expect(byWorkflow.map((r) => r.targetId)).toContain(size);
		expect(answers.filter((r) => r.targetId === byPerson).map((r) => r.text)).toEqual([personText]);
		expect(byWorkflow.map((r) => r.targetId)).not.toEqual(expect.arrayContaining([noTable]));
		expect(byWorkflow.map((r) => r.targetId)).not.toEqual(expect.arrayContaining([other]));
		expectOnceEach(answers);
		expectClean(byWorkflow.map((r) => r.text), 'question');
		// Only size questions with a size table went to the answer branch; every answer came after the wait.
		const chosen = itemsOf(executions, 'Size question with a size table?', 0);
		for (const item of chosen) expect([item.externalId, item.classification.intent, item.product.sizeTable.rows.length > 0]).toEqual([item.externalId, 'sizing_fit', true]);
		expect(new Set(byWorkflow.map((r) => r.targetId))).toEqual(new Set(ids(itemsOf(executions, 'Still unanswered?', 0))));
		expect(ids(itemsOf(executions, 'Answered meanwhile'))).toEqual([byPerson]);
		expect(ids(itemsOf(executions, 'Other questions'))).toEqual(expect.arrayContaining([noTable, other]));
		const cardRead = Math.max(...sb.state.requests.filter((r) => r.host === 'basket' && r.status === 200 && r.path.includes('/203344871/')).map((r) => r.at));
		const sent = answers.find((r) => r.targetId === size).at;
		expect(sent - cardRead).toBeGreaterThanOrEqual(WAIT_SECONDS * 1000 - 50);
		await n8n.deactivate(IDS.sizing);
	}, 6 * 60 * 1000 + WAIT_SECONDS * 1000);

	it('5★ upsell: a clean thank-you with related products and the promo code for the seller; nothing sent to WB', async () => {
		const start = writes(sb).length;
		// Starts from now: the first poll at activation only sets the cursor.
		await n8n.activate(IDS.upsell);
		const thanks = sb.addFeedback({ text: 'Отличная куртка, очень тёплая, спасибо!', productValuation: 5, nmId: 199540712 }).id;
		const complaint = sb.addFeedback({ text: 'Хорошая куртка, но маломерит на размер', productValuation: 5, nmId: 199540712 }).id;
		const four = sb.addFeedback({ text: 'Хорошая куртка, спасибо', productValuation: 4, nmId: 199540712 }).id;
		await sleep(1100); // the trigger's cursor has second resolution
		await n8n.deactivate(IDS.upsell);
		await n8n.activate(IDS.upsell);
		const [execution] = await n8n.waitFor(
			async () => {
				const all = await n8n.executions(IDS.upsell);
				return all.length >= 1 && all.every((e) => e.status !== 'running' && e.status !== 'new') ? all : null;
			},
			{ timeoutMs: 120_000, what: 'the upsell execution' },
		);
		expect(execution).toBeDefined();
		const executions = await finishedExecutions(IDS.upsell);
		expect(ids(itemsOf(executions, 'New 5★ review')).sort()).toEqual([thanks, complaint].sort());
		expect(ids(itemsOf(executions, 'Not a pure thank-you'))).toEqual([complaint]);
		const handed = itemsOf(executions, 'Send to the seller (connect your channel)');
		expect(ids(handed)).toEqual([thanks]);
		const { upsell, draft } = handed[0];
		expect(upsell.reviewId).toBe(thanks);
		expect(upsell.message).toBe(draft.text);
		expect(upsell.message).toContain('SPASIBO10');
		expect(upsell.message).toMatch(/Худи мужское оверсайз с капюшоном|Пижама женская с шортами/);
		expect(upsell.howToSend).toMatch(/Написать покупателю/);
		expectClean([upsell.message], 'chat');
		expect(ids(itemsOf(executions, 'New 5★ review'))).not.toContain(four);
		expect(writes(sb).slice(start)).toEqual([]);
		await n8n.deactivate(IDS.upsell);
	}, 6 * 60 * 1000);
});
