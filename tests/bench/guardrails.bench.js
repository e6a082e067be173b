// Guardrail checks and template drafts per second, on one core (issue 4: goal >= 50,000 replies/s for checks).
'use strict';
const path = require('path');
const { performance } = require('perf_hooks');

const dist = path.join(__dirname, '..', '..', 'dist', 'src');

async function run({ print }) {
	const { check } = require(path.join(dist, 'guardrails', 'index.js'));
	const { draftFromTemplate } = require(path.join(dist, 'draft', 'index.js'));
	const { classifyText } = require(path.join(dist, 'classify', 'index.js'));
	const seed = require('../sandbox/seed/wb-default.json');
	const buyer = seed.feedbacks.filter((f) => f.text).map((f, k) => ({ id: `wb:review:b${k}`, marketplace: 'wb', channel: 'review', text: f.text, rating: f.rating, productName: 'Фильтр-пакеты для кофе' }));
	const labelled = buyer.map((i) => ({ interaction: i, classification: classifyText(i) }));

	// Replies to check: the sellers' own answers in the seed, template drafts, and a few violating ones.
	const replies = [];
	for (const f of seed.feedbacks) if (f.answer && f.answer.text) replies.push(f.answer.text);
	for (const { interaction, classification } of labelled.slice(0, 100)) replies.push(draftFromTemplate({ interaction, classification, tone: 'empathetic' }).text);
	replies.push('Напишите нам в WhatsApp +7 999 123-45-67, вернём деньги.', 'Подробнее на нашем сайте shop-best . ru', 'Вы сами сломали товар, это не наши проблемы.');
	const avgLen = Math.round(replies.reduce((a, r) => a + r.length, 0) / replies.length);

	const ctx = { marketplace: 'wb', channel: 'review' };
	for (let i = 0; i < 5000; i++) check(replies[i % replies.length], ctx);
	let N = 200_000;
	let t = performance.now();
	let flagged = 0;
	for (let i = 0; i < N; i++) if (!check(replies[i % replies.length], ctx).ok) flagged++;
	let ms = performance.now() - t;
	print(`guardrail checks (${replies.length} replies, avg ${avgLen} chars, goal >= 50,000)`, Math.round(N / (ms / 1000)).toLocaleString('en-US'), 'replies/s');
	print('  of which flagged', `${((100 * flagged) / N).toFixed(1)}%`, '');

	const recent = replies.slice(0, 20);
	N = 20_000;
	t = performance.now();
	for (let i = 0; i < N; i++) check(replies[i % replies.length], { ...ctx, recentReplies: recent });
	ms = performance.now() - t;
	print('guardrail checks with 20 recent replies (repetition rule)', Math.round(N / (ms / 1000)).toLocaleString('en-US'), 'replies/s');

	N = 50_000;
	t = performance.now();
	for (let i = 0; i < N; i++) {
		const { interaction, classification } = labelled[i % labelled.length];
		draftFromTemplate({ interaction: { ...interaction, id: `${interaction.id}:${i}` }, classification, tone: 'friendly' });
	}
	ms = performance.now() - t;
	print('template drafts', Math.round(N / (ms / 1000)).toLocaleString('en-US'), 'drafts/s');

	N = 5_000;
	t = performance.now();
	for (let i = 0; i < N; i++) {
		const { interaction, classification } = labelled[i % labelled.length];
		draftFromTemplate({ interaction: { ...interaction, id: `${interaction.id}:r${i}` }, classification, tone: 'formal', recentReplies: recent });
	}
	ms = performance.now() - t;
	print('template drafts steered away from 20 recent replies', Math.round(N / (ms / 1000)).toLocaleString('en-US'), 'drafts/s');
}

module.exports = { run };
