import type { Channel } from '../interaction';
import { addressName } from './buyer-name';
import {
	asksAboutProperty,
	compatibility,
	describeCharacteristics,
	matchCharacteristics,
	quoteValue,
	type Compatibility,
} from './characteristics';
import { MARKETPLACE_PHRASES } from './marketplace-phrases';
import { orderStatusPhrase } from './order-status';
import { productCases, shortProductName } from './product-name';
import {
	describeMeasurements,
	describeRow,
	describeTable,
	joinRu,
	matchSizeRows,
	readMeasurements,
	sizeLabel,
	type SizeMatch,
} from './size-table';
import type { Flag } from './template-types';
import type { Vars } from './render';
import type { Characteristic, DraftInput, RelatedProduct, SizeTable } from './types';

// Everything a template may say about this interaction, worked out once: flags choose the phrases, vars fill
// them. List-like values (size chart, characteristics) are rendered for a "detail" level, so a reply that is
// too long for its channel can be rebuilt with fewer rows instead of being cut.

export interface Facts {
	input: DraftInput;
	channel: Channel;
	name?: string;
	product?: string;
	table?: SizeTable;
	size?: SizeMatch;
	/** The size match rests only on a size label the buyer named or ordered. */
	sizeByLabel: boolean;
	specs: Characteristic[];
	matched: Characteristic[];
	compat: Compatibility;
	orderStatus?: string;
	related: RelatedProduct[];
	promoCode?: string;
}

export interface Extras {
	/** Overrides the interaction's channel (the five-star upsell answers a review in the chat). */
	channel?: Channel;
	related?: RelatedProduct[];
	promoCode?: string;
}

export function analyse(input: DraftInput, extras: Extras = {}): Facts {
	const { interaction, product, order } = input;
	const table = product?.sizeTable && product.sizeTable.rows.length > 0 ? product.sizeTable : undefined;
	let size: SizeMatch | undefined;
	let sizeByLabel = false;
	if (table) {
		const fromBuyer = readMeasurements(interaction.text);
		size = matchSizeRows(table, fromBuyer);
		// No numbers from the buyer: the size they ordered still says which row they wear.
		if (!size && order?.size) {
			const label = order.size.trim();
			const value = /^\d+(?:[.,]\d)?$/.test(label) ? Number(label.replace(',', '.')) : label.toUpperCase();
			size = matchSizeRows(table, [{ kind: 'size', value }]);
		}
		if (size && !size.exact && size.basis.every((m) => m.kind === 'size')) size = undefined;
		sizeByLabel = !!size && size.basis.every((m) => m.kind === 'size');
	}
	const specs = (product?.characteristics ?? []).filter((c) => c.name.trim() && c.value.trim());
	return {
		input,
		channel: extras.channel ?? interaction.channel,
		name: addressName(interaction.buyerName),
		product: shortProductName(product?.name ?? order?.productName ?? interaction.productName),
		table,
		size,
		sizeByLabel,
		specs,
		matched: matchCharacteristics(interaction.text, specs),
		compat: compatibility(interaction.text, specs),
		orderStatus: orderStatusPhrase(order?.status),
		related: extras.related ?? [],
		promoCode: extras.promoCode,
	};
}

export function flagsOf(f: Facts): Set<Flag> {
	const { interaction, classification, order } = f.input;
	const flags = new Set<Flag>([f.channel, interaction.marketplace]);
	const add = (flag: Flag, on: unknown) => {
		if (on) flags.add(flag);
	};
	add('name', f.name);
	add('product', f.product);
	add('order', orderNumberOf(f.input));
	// A status is private: it is only told in a chat.
	add('orderStatus', order && f.orderStatus && f.channel === 'chat');
	add('sizeTable', f.table);
	// Only when there is something to say: a chart of bare size labels has no measures to quote.
	add('sizeRow', sizeFit(f, 6) !== undefined);
	add('sizeInChart', f.size && f.sizeByLabel && f.size.exact);
	add('specs', f.specs.length > 0);
	add('spec', f.matched.length > 0);
	add('specAsked', asksAboutProperty(interaction.text));
	add('compat', f.compat.item);
	add('compatModel', f.compat.model);
	add('compatListed', f.compat.model && f.compat.listed);
	add('compatUnlisted', f.compat.model && f.compat.item && !f.compat.listed);
	const { emotion, sentiment } = classification;
	add('upset', emotion === 'angry' || emotion === 'frustrated');
	add('angry', emotion === 'angry');
	add('happy', emotion === 'happy');
	add('negative', sentiment === 'negative' || (interaction.rating !== undefined && interaction.rating <= 2));
	add('positive', sentiment === 'positive' && !(interaction.rating !== undefined && interaction.rating <= 3));
	add('r5', interaction.rating === 5);
	add('high', interaction.rating !== undefined && interaction.rating >= 4);
	add('low', interaction.rating !== undefined && interaction.rating <= 2);
	// repeatContact counts the message itself: 1 is a first message, 2 and more a buyer writing again unanswered.
	add('repeat', (classification.signals?.repeatContact ?? 0) > 1);
	add('churn', classification.signals?.churnRisk);
	add('numbers', /\d/.test(interaction.text));
	add('asksExchange', /обмен|поменя|заменить|другой\s+размер|другой\s+цвет/i.test(interaction.text));
	add('related', f.related.length > 0);
	add('relatedMany', f.related.length > 1);
	add('relatedArticles', f.related.some((r) => r.nmId !== undefined));
	add('promo', f.promoCode);
	return flags;
}

/** The order a reply may name: the linked one, else the number the buyer wrote. */
function orderNumberOf(input: DraftInput): string | undefined {
	return input.order?.number ?? input.interaction.orderNumber ?? input.classification.signals?.orderNumber ?? undefined;
}

function sizeFit(f: Facts, detail: number): string | undefined {
	const match = f.size;
	const table = f.table;
	if (!match || !table || match.rows.length === 0) return undefined;
	const rows = match.rows;
	if (f.sizeByLabel) {
		const d = describeRow(table, rows[0]);
		return d ? `размер ${sizeLabel(rows[0])} соответствует таким меркам: ${d}` : undefined;
	}
	const basis = `для ваших параметров (${describeMeasurements(match.basis.filter((m) => m.kind !== 'size'))})`;
	const hint = match.unusedColumn ? `. Окончательно выбрать поможет параметр «${match.unusedColumn}»` : '';
	if (rows.length === 1) {
		const d = describeRow(table, rows[0]);
		return `${basis} ${match.exact ? 'подойдёт' : 'ближе всего'} размер ${sizeLabel(rows[0])}${d ? `: ${d}` : ''}`;
	}
	// Many rows fit equally (a height range shared by the whole chart): naming them all says nothing.
	if (rows.length > 3 || detail < 2) {
		return `${basis} подходят сразу несколько размеров — с ${sizeLabel(rows[0])} по ${sizeLabel(rows[rows.length - 1])}${hint}`;
	}
	const labels = joinRu(rows.map(sizeLabel));
	const lines = rows.map((r) => `${sizeLabel(r)} — ${describeRow(table, r)}`).join('; ');
	return `${basis} ${match.exact ? 'подходят' : 'ближе всего'} размеры ${labels} (${lines})${hint}`;
}

function relatedList(f: Facts, detail: number): string {
	return f.related
		.slice(0, Math.max(1, Math.min(4, detail)))
		.map((r) => {
			const name = shortProductName(r.name) ?? r.name;
			return r.nmId !== undefined ? `«${name}» (артикул ${r.nmId})` : `«${name}»`;
		})
		.join(', ');
}

export function varsOf(f: Facts, detail: number): Vars {
	const { interaction } = f.input;
	const mp = MARKETPLACE_PHRASES[interaction.marketplace];
	const p = productCases(f.product);
	const compatItem = f.compat.listedIn ?? f.compat.item;
	// A Latin model name reads the same in every case; a Cyrillic one is the buyer's own inflected words
	// ("к Шевроле Ниву"), so it is referred to, not repeated.
	const latin = !!f.compat.model && !/[а-яё]/i.test(f.compat.model);
	const asked = f.size && f.sizeByLabel ? f.size.rows.map(sizeLabel) : [];
	return {
		name: f.name,
		product: f.product ? `«${f.product}»` : undefined,
		'p.nom': p.nom,
		'p.gen': p.gen,
		'p.dat': p.dat,
		'p.acc': p.acc,
		'p.ins': p.ins,
		'p.pre': p.pre,
		'mp.name': mp.name,
		'mp.gen': mp.gen,
		'mp.on': mp.on,
		'mp.account': mp.account,
		'mp.orders': mp.orders,
		'mp.accountOrders': `${mp.account} (${mp.orders.replace(/^в разделе/, 'раздел')})`,
		'mp.accountReturns': `${mp.account} (${mp.returns.replace(/^в разделе/, 'раздел')})`,
		'mp.returns': mp.returns,
		'mp.ordersSection': mp.orders.replace(/^в разделе/, 'раздел'),
		'mp.returnsSection': mp.returns.replace(/^в разделе/, 'раздел'),
		'mp.orderNumberWhere': mp.orderNumberWhere,
		'order.number': orderNumberOf(f.input),
		'order.status': f.orderStatus,
		'size.fit': sizeFit(f, detail),
		'size.table': f.table ? describeTable(f.table, Math.max(1, detail)) : undefined,
		'size.asked': asked.length ? joinRu(asked) : undefined,
		'spec.list': f.matched.length ? describeCharacteristics(f.matched, Math.min(3, detail)) : undefined,
		'spec.some': f.specs.length ? describeCharacteristics(f.specs, Math.min(4, detail), 80) : undefined,
		'compat.with': f.compat.model ? (latin ? `с ${f.compat.model}` : 'с указанной вами моделью') : undefined,
		'compat.nom': f.compat.model ? (latin ? `модель ${f.compat.model}` : 'указанная вами модель') : undefined,
		'compat.gen': f.compat.model ? (latin ? `модели ${f.compat.model}` : 'указанной вами модели') : undefined,
		'compat.value': compatItem ? quoteValue(compatItem, 40 + 40 * Math.min(4, detail)) : undefined,
		related: f.related.length ? relatedList(f, detail) : undefined,
		promo: f.promoCode,
	};
}
