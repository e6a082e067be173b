// A product name goes into a reply in quotes after a noun that carries the case ("о товаре «Куртка зимняя»"),
// so the name itself stays in the nominative and no name can break the grammar. Marketplace titles are often
// long lists ("Смартфон Apple iPhone 15 128 ГБ, черный, eSIM"): the part before the first comma is enough.

const MAX = 80;

export function shortProductName(raw: string | undefined): string | undefined {
	if (!raw) return undefined;
	let name = raw
		.replace(/[\u200b-\u200d\ufeff]/g, '')
		.replace(/[«»"“”„]/g, '')
		.replace(/[[\]{}]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[.,;:!?-]+$/, '')
		.trim();
	if (!name) return undefined;
	if (name.length > 40 && name.includes(',')) {
		const head = name.slice(0, name.indexOf(',')).trim();
		if (head.length >= 8) name = head;
	}
	if (name.length > MAX) {
		const cut = name.slice(0, MAX + 1);
		const space = cut.lastIndexOf(' ');
		name = (space > 20 ? cut.slice(0, space) : cut.slice(0, MAX)).replace(/[.,;:-]+$/, '');
	}
	return name;
}

/** "товар «X»" in each case, or the bare noun when the product is unknown. */
export function productCases(name: string | undefined): Record<'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'pre', string> {
	const q = name ? ` «${name}»` : '';
	return {
		nom: `товар${q}`,
		gen: `товара${q}`,
		dat: `товару${q}`,
		acc: `товар${q}`,
		ins: `товаром${q}`,
		pre: `товаре${q}`,
	};
}
