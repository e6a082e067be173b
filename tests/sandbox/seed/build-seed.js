#!/usr/bin/env node
// Builds tests/sandbox/seed/wb-default.json ONCE from the shared dev data; the output is committed so
// that a fresh clone runs the sandbox without /work/shared. Deterministic: same inputs, same file.
//   node tests/sandbox/seed/build-seed.js [--data /work/shared/data] [--out tests/sandbox/seed/wb-default.json]
// Times in the output are seconds before sandbox start (`agoSec`); the sandbox turns them into dates.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRng } = require('../core/prng');
const hand = require('./hand-written');

const HOUR = 3600;
const DAY = 24 * HOUR;

function parseArgs(argv) {
	const out = { data: '/work/shared/data', out: path.join(__dirname, 'wb-default.json') };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--data') out.data = argv[++i];
		else if (argv[i] === '--out') out.out = argv[++i];
	}
	return out;
}

// RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes).
function parseCsv(text) {
	const rows = [];
	let row = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	const [header, ...body] = rows.filter((r) => r.length > 1);
	return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function readJsonl(file) {
	return fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map((l, i) => {
			try {
				return JSON.parse(l);
			} catch (e) {
				throw new Error(`${file}:${i + 1}: ${e.message}`);
			}
		});
}

function requireText(byId, id, what) {
	const item = byId.get(id);
	if (!item) throw new Error(`intents-dev.jsonl has no ${what} with id ${id} (hand-written.js refers to it)`);
	return item;
}

function build({ dataDir }) {
	const rng = createRng('agentiq-wb-seed-v1');
	const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, 'products.json'), 'utf8'));
	const products = new Map(catalogue.products.map((p) => [p.key, p]));
	const product = (key) => {
		const p = products.get(key);
		if (!p) throw new Error(`unknown product key "${key}" in hand-written.js`);
		return p;
	};
	const isSized = (p) => !(p.sizes.length === 1 && p.sizes[0].techSize === '0');
	const names = hand.BUYER_NAMES;

	const csvRows = parseCsv(fs.readFileSync(path.join(dataDir, 'reviews-stars-dev.csv'), 'utf8'));
	const seen = new Set();
	const realWb = [];
	for (const r of csvRows) {
		if (r.marketplace !== 'wb' || !r.text || seen.has(r.text)) continue;
		seen.add(r.text);
		realWb.push({ source: r.id, text: r.text, rating: Number(r.rating), hasMedia: r.has_media === '1' });
	}
	const intents = readJsonl(path.join(dataDir, 'intents-dev.jsonl'));
	const intentById = new Map(intents.filter((r) => r.marketplace === 'wb').map((r) => [r.id, r]));

	// ---- reviews -------------------------------------------------------------------------------
	const byRating = { 1: [], 2: [], 3: [], 4: [], 5: [] };
	for (const r of rng.shuffle(realWb)) byRating[r.rating].push(r);
	const take = { 5: 78, 4: 12, 3: 12, 2: 8, 1: 18 };
	const chosenReal = [];
	for (const stars of [5, 4, 3, 2, 1]) chosenReal.push(...byRating[stars].splice(0, take[stars]));
	const unusedReal = [1, 2, 3, 4, 5].flatMap((s) => byRating[s]);

	// The over-long review: an intro plus unused real complaints, kept at most 5000 characters.
	const longParts = [hand.LONG_REVIEW_INTRO];
	const complaints = unusedReal.filter((r) => r.rating <= 4).sort((a, b) => b.text.length - a.text.length);
	const usedInLong = new Set();
	for (const c of complaints) {
		const next = [...longParts, c.text].join(' ');
		if (next.length > 5000) continue;
		longParts.push(c.text);
		usedInLong.add(c.source);
	}
	const longText = longParts.join(' ');

	const feedbacks = [];
	const bablesPool = ['качество', 'цена', 'внешний вид', 'соответствие описанию', 'упаковка'];
	function makeFeedback(spec) {
		const p = product(spec.product);
		const sized = isSized(p);
		const size = spec.size || (sized ? rng.pick(p.sizes).techSize : '0');
		if (!p.sizes.some((s) => s.techSize === size)) throw new Error(`size ${size} not in product ${p.key}`);
		const rating = spec.rating;
		let bables = null;
		if (rating === 5 && rng.chance(0.3)) bables = rng.shuffle(bablesPool).slice(0, rng.int(1, 2));
		const fb = {
			id: rng.alnum(20),
			source: spec.source,
			product: p.key,
			nmId: p.nmId,
			size,
			text: spec.text,
			pros: spec.pros || '',
			cons: spec.cons || '',
			rating,
			agoSec: spec.agoSec,
			userName: rng.pick(names),
			orderStatus: spec.orderStatus || (rating <= 2 && rng.chance(0.25) ? 'returned' : 'buyout'),
			matchingSize: sized ? spec.matchingSize || 'ok' : '',
			photos: spec.photos != null ? spec.photos : spec.hasMedia ? rng.int(1, 3) : 0,
			bables,
			wasViewed: false,
			isAbleReturnProductOrders: rating <= 2 && rng.chance(0.5),
			shkId: Number(rng.digits(11)),
			orderAgoSec: spec.agoSec + rng.int(2 * DAY, 20 * DAY),
			answer: null,
		};
		feedbacks.push(fb);
		return fb;
	}
	function randomAge() {
		return rng.int(15 * 60, 14 * DAY);
	}
	for (const r of chosenReal) {
		makeFeedback({
			source: `reviews-stars-dev:${r.source}`,
			product: rng.chance(0.7) ? 'filter4' : 'filter2',
			text: r.text,
			rating: r.rating,
			hasMedia: r.hasMedia,
			agoSec: randomAge(),
		});
	}
	// A few old ones, for the archive (answered, or left unanswered for more than 30 days).
	for (let i = 0; i < 4; i++) {
		const r = unusedReal.find((x) => x.rating >= 4 && !usedInLong.has(x.source) && !x.takenOld);
		r.takenOld = true;
		const fb = makeFeedback({
			source: `reviews-stars-dev:${r.source}`,
			product: 'filter4',
			text: r.text,
			rating: r.rating,
			hasMedia: r.hasMedia,
			agoSec: rng.int(31 * DAY, 60 * DAY),
		});
		fb.old = i < 3 ? 'answered' : 'unanswered';
	}
	for (const [id, spec] of Object.entries(hand.WRITTEN_REVIEWS)) {
		const item = requireText(intentById, id, 'WB review');
		makeFeedback({ ...spec, source: `intents-dev:${id}`, text: item.text, rating: item.rating, agoSec: randomAge() });
	}
	// Rating-only reviews: with photos (stays in the unanswered list) and without (WB archives those).
	makeFeedback({ source: 'hand:rating-only-photo', product: 'filter4', text: '', rating: 5, photos: 2, agoSec: 20 * HOUR });
	makeFeedback({ source: 'hand:rating-only', product: 'filter2', text: '', rating: 4, photos: 0, agoSec: 60 * HOUR });
	makeFeedback({ source: 'hand:long-text', product: 'filter4', text: longText, rating: 2, hasMedia: true, agoSec: 9 * HOUR });

	for (const fb of feedbacks) {
		const badInput = fb.source.startsWith('hand:') || /id288|id129|id091/.test(fb.source);
		let p = fb.agoSec > 3 * DAY ? 0.7 : fb.agoSec > DAY ? 0.45 : 0.1;
		if (fb.old) p = fb.old === 'answered' ? 1 : 0;
		if (badInput || !rng.chance(p)) {
			fb.wasViewed = rng.chance(0.35);
			delete fb.old;
			continue;
		}
		delete fb.old;
		const answerAgo = fb.agoSec - rng.int(HOUR, 30 * HOUR);
		if (answerAgo < 120) {
			fb.wasViewed = rng.chance(0.35);
			continue;
		}
		const band = fb.rating >= 3 ? String(fb.rating) : fb.product.startsWith('filter') && rng.chance(0.6) ? 'lowFilter' : 'low';
		fb.answer = { text: rng.pick(hand.REVIEW_ANSWERS[band]), agoSec: answerAgo, editable: rng.chance(0.85) };
		fb.wasViewed = true;
	}
	feedbacks.sort((a, b) => b.agoSec - a.agoSec);

	// ---- questions -----------------------------------------------------------------------------
	const questions = hand.SEED_QUESTION_IDS.map((id) => {
		const spec = hand.QUESTIONS[id];
		const item = requireText(intentById, id, 'WB question');
		const p = product(spec.product);
		const processed = Boolean(spec.answer || spec.reject);
		const agoSec = processed ? rng.int(2 * DAY, 20 * DAY) : rng.int(10 * 60, 5 * DAY);
		const q = {
			id: rng.alnum(20),
			source: `intents-dev:${id}`,
			product: p.key,
			nmId: p.nmId,
			text: item.text,
			agoSec,
			wasViewed: processed || rng.chance(0.3),
			isWarned: Boolean(spec.isWarned),
			state: spec.answer ? 'wbRu' : spec.reject ? 'none' : 'suppliersPortalSynch',
			answer: null,
		};
		if (processed) {
			q.answer = {
				text: spec.answer || spec.reject,
				agoSec: Math.max(60, agoSec - rng.int(HOUR, 20 * HOUR)),
				editable: Boolean(spec.answer) && rng.chance(0.8),
			};
		}
		return q;
	});
	questions.sort((a, b) => b.agoSec - a.agoSec);

	// ---- orders --------------------------------------------------------------------------------
	const regions = [
		['Москва', 'Центральный федеральный округ'],
		['Московская', 'Центральный федеральный округ'],
		['Санкт-Петербург', 'Северо-Западный федеральный округ'],
		['Свердловская', 'Уральский федеральный округ'],
		['Новосибирская', 'Сибирский федеральный округ'],
		['Краснодарский', 'Южный федеральный округ'],
		['Татарстан', 'Приволжский федеральный округ'],
		['Нижегородская', 'Приволжский федеральный округ'],
	];
	const productWeights = [
		['filter4', 6], ['filter2', 4], ['capsules', 3], ['sneakers', 3], ['dress', 3], ['hoodie', 3], ['pajama', 2],
		['jacket', 2], ['earbuds', 3], ['watch', 2], ['case', 2], ['petbed', 2], ['pan', 1],
	];
	function fbsStatus(ageHours) {
		if (ageHours < 1) return ['new', 'waiting'];
		if (ageHours < 24) return ['confirm', 'waiting'];
		if (ageHours < 72) return ['complete', 'sorted'];
		if (ageHours < 144) return ['complete', 'ready_for_pickup'];
		return ['complete', 'sold'];
	}
	const buyer = () => `${rng.int(10000000, 299999999)}_${rng.hex(32)}`;
	const fbsSpecs = hand.NAMED_ORDERS.filter((o) => o.kind === 'fbs').map((o) => ({ ...o }));
	for (let i = 0; fbsSpecs.length < 40; i++) {
		const key = rng.weighted(productWeights);
		const p = product(key);
		let ageHours = rng.int(2, 29 * 24 + 12);
		if (i < 3) ageHours = rng.int(5, 55) / 60;
		else if (i < 6) ageHours = rng.int(2, 20);
		else if (i >= 8 && i < 10) ageHours = rng.int(80, 25 * 24);
		let [supplierStatus, wbStatus] = fbsStatus(ageHours);
		if (i === 6) [supplierStatus, wbStatus] = ['new', 'declined_by_client'];
		else if (i === 7) [supplierStatus, wbStatus] = ['cancel', 'canceled'];
		else if (i >= 8 && i < 10) [supplierStatus, wbStatus] = ['complete', 'canceled_by_client'];
		fbsSpecs.push({ product: key, size: rng.pick(p.sizes).techSize, ageHours, supplierStatus, wbStatus });
	}
	fbsSpecs.sort((a, b) => b.ageHours - a.ageHours);
	let nextId = 3104000000 + rng.int(0, 99999);
	let prevUid = null;
	const supplies = new Map();
	const orders = fbsSpecs.map((o) => {
		nextId += rng.int(20000, 900000);
		const p = product(o.product);
		const agoSec = Math.round(o.ageHours * HOUR);
		// Every seventh order shares the previous buyer's basket: same orderUid and gNumber.
		const sameBasket = prevUid && !o.ref && rng.chance(1 / 7);
		const orderUid = sameBasket ? prevUid.orderUid : buyer();
		const gNumber = sameBasket ? prevUid.gNumber : rng.digits(20);
		prevUid = { orderUid, gNumber };
		const day = Math.floor(agoSec / DAY);
		if (o.supplierStatus !== 'new' && !supplies.has(day)) supplies.set(day, `WB-GI-${rng.digits(8)}`);
		const region = rng.pick(regions);
		const cancelled = ['canceled', 'canceled_by_client', 'declined_by_client'].includes(o.wbStatus);
		const lastChangeAgoSec =
			o.wbStatus === 'waiting' ? agoSec : Math.max(60, agoSec - rng.int(HOUR, Math.min(agoSec - 60, 5 * DAY)));
		return {
			ref: o.ref || null,
			id: nextId,
			rid: rng.hex(32),
			orderUid,
			gNumber,
			sticker: rng.digits(10),
			product: p.key,
			nmId: p.nmId,
			size: o.size,
			agoSec,
			lastChangeAgoSec,
			supplierStatus: o.supplierStatus,
			wbStatus: o.wbStatus,
			isCancel: cancelled,
			supplyId: o.supplierStatus === 'complete' || o.supplierStatus === 'confirm' ? supplies.get(day) || null : null,
			spp: rng.int(5, 27),
			regionName: region[0],
			oblastOkrugName: region[1],
			comment: rng.chance(0.1) ? rng.pick(['Упакуйте, пожалуйста, в плёнку', 'Подарок, без чека в коробке, пожалуйста']) : '',
		};
	});

	const wbWarehouses = ['Коледино', 'Электросталь', 'Подольск', 'Казань', 'Екатеринбург - Испытателей 14г', 'Новосибирск', 'Краснодар'];
	const fboSpecs = hand.NAMED_ORDERS.filter((o) => o.kind === 'fbo').map((o) => ({ ...o }));
	while (fboSpecs.length < 16) {
		const key = rng.weighted(productWeights);
		fboSpecs.push({ product: key, size: rng.pick(product(key).sizes).techSize, ageHours: rng.int(3, 29 * 24) });
	}
	const fboOrders = fboSpecs
		.sort((a, b) => b.ageHours - a.ageHours)
		.map((o) => {
			const p = product(o.product);
			const agoSec = Math.round(o.ageHours * HOUR);
			const isCancel = !o.ref && rng.chance(0.1);
			const region = rng.pick(regions);
			return {
				ref: o.ref || null,
				srid: `${rng.int(1, 99)}.r${rng.chars('0123456789abcdefghijklmnopqrstuvwxyz', 33)}.${rng.int(0, 9)}.0`,
				gNumber: rng.digits(20),
				product: p.key,
				nmId: p.nmId,
				size: o.size,
				agoSec,
				lastChangeAgoSec: Math.max(60, agoSec - rng.int(HOUR, Math.min(agoSec - 60, 3 * DAY))),
				warehouseName: rng.pick(wbWarehouses),
				incomeID: Number(rng.digits(8)),
				spp: rng.int(5, 27),
				isCancel,
				cancelAgoSec: isCancel ? Math.max(60, agoSec - rng.int(HOUR, 2 * DAY)) : null,
				regionName: region[0],
				oblastOkrugName: region[1],
			};
		});
	const orderByRef = new Map([...orders, ...fboOrders].filter((o) => o.ref).map((o) => [o.ref, o]));

	// ---- chats ---------------------------------------------------------------------------------
	const chats = hand.CHAT_THREADS.map((thread) => {
		const chatID = `1:${rng.uuid()}`;
		const replySign = `${chatID}:${rng.digits(8)}:${rng.hex(128)}`;
		let goodCard = null;
		if (thread.goodCardFrom) {
			const o = orderByRef.get(thread.goodCardFrom);
			const p = product(o.product);
			const size = p.sizes.find((s) => s.techSize === o.size);
			goodCard = { nmID: p.nmId, price: p.price, priceCurrency: 'RUB', rid: o.rid || o.srid, size: size.wbSize || '0' };
		}
		const clientSource = rng.pick(['rusite', 'android', 'ios']);
		const events = thread.events.map((e) => {
			let text = e.text;
			if (e.intent) text = requireText(intentById, e.intent, 'WB chat').text;
			if (e.orderNumberFrom) {
				const o = orderByRef.get(e.orderNumberFrom);
				if (!/\d{9,}/.test(text)) throw new Error(`chat text ${e.intent} has no order number to replace`);
				text = text.replace(/\d{9,}/, String(o.id));
			}
			text = text.replace(/\{order:([a-z-]+)\}/g, (_, ref) => String(orderByRef.get(ref).id));
			return {
				eventID: rng.uuid(),
				source: e.intent ? `intents-dev:${e.intent}` : 'hand',
				sender: e.sender,
				from: e.sender === 'client' ? clientSource : 'seller-portal',
				text,
				agoSec: Math.round(e.agoHours * HOUR) + rng.int(0, 59),
			};
		});
		return { chatID, replySign, clientName: rng.pick(names), goodCard, events };
	});

	// ---- corpus for control-created items and live traffic ---------------------------------------
	const corpusReviews = unusedReal
		.filter((r) => !usedInLong.has(r.source) && !r.takenOld)
		.map((r) => ({ text: r.text, rating: r.rating, product: rng.chance(0.7) ? 'filter4' : 'filter2', pros: '', cons: '' }));
	for (const [id, spec] of Object.entries(hand.WRITTEN_REVIEWS)) {
		const item = intentById.get(id);
		corpusReviews.push({ text: item.text, rating: item.rating, product: spec.product, pros: spec.pros || '', cons: spec.cons || '' });
	}
	const corpusQuestions = Object.entries(hand.QUESTIONS).map(([id, spec]) => ({
		text: requireText(intentById, id, 'WB question').text,
		product: spec.product,
	}));
	const corpusChats = hand.CHAT_CORPUS_IDS.map((id) => ({ text: requireText(intentById, id, 'WB chat').text }));

	return {
		about:
			'Default WB seed of the AgentIQ marketplace sandbox. Generated by build-seed.js from products.json, hand-written.js and /work/shared/data (see README.md for sources and licences). agoSec = seconds before sandbox start.',
		feedbacks,
		questions,
		chats,
		orders,
		fboOrders,
		corpus: { reviews: corpusReviews, questions: corpusQuestions, chats: corpusChats, names },
	};
}

if (require.main === module) {
	const args = parseArgs(process.argv.slice(2));
	const seed = build({ dataDir: args.data });
	fs.writeFileSync(args.out, JSON.stringify(seed, null, '\t') + '\n');
	const answered = seed.feedbacks.filter((f) => f.answer).length;
	process.stdout.write(
		`wrote ${args.out}: ${seed.feedbacks.length} feedbacks (${answered} answered), ${seed.questions.length} questions, ` +
			`${seed.chats.length} chats, ${seed.orders.length} FBS + ${seed.fboOrders.length} FBO orders, ` +
			`corpus ${seed.corpus.reviews.length}/${seed.corpus.questions.length}/${seed.corpus.chats.length}\n`,
	);
}

module.exports = { build, parseCsv };
