'use strict';
// The public product-card CDN (basket-NN.wbbasket.ru): GET /vol<V>/part<P>/<nmId>/info/ru/card.json, no auth.
// V = floor(nmId / 100000), P = floor(nmId / 1000); a path whose V or P does not match the nmId is a 404, as there.

const { json, text } = require('../core/http');
const { hashString } = require('../core/prng');
const { productByNm } = require('./model');

const TRANSLIT = {
	а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
	о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '',
	э: 'e', ю: 'yu', я: 'ya',
};

function slugOf(name) {
	return Array.from(name.toLowerCase())
		.map((c) => (c in TRANSLIT ? TRANSLIT[c] : /[a-z0-9]/.test(c) ? c : '-'))
		.join('')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '');
}

function notFound() {
	return text(
		404,
		'<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
		'text/html',
	);
}

function cardJson(wb, p) {
	const card = {
		imt_id: p.imtId,
		nm_id: p.nmId,
		imt_name: p.name,
		slug: slugOf(p.name),
		subj_name: p.subjectName,
		subj_root_name: p.subjectRootName,
		vendor_code: p.supplierArticle,
		description: p.card.description,
		options: p.card.options.map((o) => ({ ...o })),
		compositions: p.card.compositions.map((c) => ({ ...c })),
	};
	if (p.card.sizes_table) card.sizes_table = JSON.parse(JSON.stringify(p.card.sizes_table));
	Object.assign(card, {
		contents: p.card.contents,
		nm_colors_names: p.color === 'colorless' ? '' : p.color,
		colors: [{ nm_id: p.nmId }],
		full_colors: [{ nm_id: p.nmId }],
		selling: {
			no_return_map: 0,
			brand_name: p.brand,
			brand_hash: hashString(p.brand).toString(16).toUpperCase().padStart(8, '0'),
			supplier_id: wb.seller.supplierId,
		},
		media: { has_video: false, photo_count: 6 },
		data: { subject_id: p.subjectId, subject_root_id: p.subjectRootId, chrt_ids: p.sizes.map((s) => s.chrtId) },
	});
	return card;
}

function getCard(ctx) {
	const { vol, part, nm } = ctx.params;
	const nmId = Number(nm);
	if (Math.floor(nmId / 1e5) !== Number(vol) || Math.floor(nmId / 1e3) !== Number(part)) return notFound();
	const p = productByNm(ctx.wb, nmId);
	if (!p) return notFound();
	return json(200, cardJson(ctx.wb, p));
}

const routes = [
	{ method: 'GET', path: /^\/vol(?<vol>\d+)\/part(?<part>\d+)\/(?<nm>\d+)\/info\/ru\/card\.json$/, handler: getCard },
];

module.exports = { routes, cardJson, slugOf, notFound };
