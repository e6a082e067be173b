// `npm run --silent agentiq -- order-number [--candidates] < in.jsonl > out.jsonl`
// Each line { text, marketplace } comes back with `orderNumber` (string or null); with --candidates also
// `orderNumberCandidates` (every accepted candidate with its offsets, kind and confidence) for debugging.
'use strict';
const path = require('path');

const MARKETPLACES = ['wb', 'ozon', 'ym'];

function itemName(obj) {
	return obj && obj.id !== undefined ? `item ${JSON.stringify(obj.id)}` : 'item without id';
}

module.exports = {
	describe: 'extract the order number from { text, marketplace } lines (adds orderNumber)',

	prepare(options) {
		const modulePath = path.join(__dirname, '..', '..', '..', 'dist', 'src', 'orders', 'order-number.js');
		let orders;
		try {
			orders = require(modulePath);
		} catch (e) {
			throw new Error(`cannot load ${modulePath} (run \`npm run build\` first): ${e.message}`);
		}
		return { orders, candidates: Boolean(options.candidates) };
	},

	processLine(obj, ctx) {
		if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
			throw new Error('each line must be a JSON object with "text" and "marketplace"');
		}
		if (typeof obj.text !== 'string') {
			throw new Error(`${itemName(obj)}: field "text" must be a string (got ${obj.text === null ? 'null' : typeof obj.text})`);
		}
		if (!MARKETPLACES.includes(obj.marketplace)) {
			throw new Error(
				`${itemName(obj)}: field "marketplace" must be one of ${MARKETPLACES.join(', ')} (got ${JSON.stringify(obj.marketplace)})`,
			);
		}
		const out = { ...obj, orderNumber: ctx.orders.extractOrderNumber(obj.text, obj.marketplace) };
		if (ctx.candidates) out.orderNumberCandidates = ctx.orders.findOrderNumbers(obj.text, obj.marketplace);
		return out;
	},
};
