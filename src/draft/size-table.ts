import type { SizeTable } from './types';

// Answering "какой размер взять?" from the product's own size chart: the buyer's numbers (рост 170, ОГ 92,
// вес 60, "ношу 44") are read with the word that names them, each chart column is recognised by its header, and
// the row closest to all the numbers is chosen. Numbers without a word are only compared with size labels:
// a bare "170" could be anything.

export type MeasureKind = 'height' | 'weight' | 'chest' | 'waist' | 'hips' | 'foot' | 'head' | 'size';

export interface Measurement {
	kind: MeasureKind;
	/** A number, or a letter size ("M", "XL") for kind `size`. */
	value: number | string;
}

export type SizeRow = SizeTable['rows'][number];

export interface SizeMatch {
	rows: SizeRow[];
	/** Every used number lies inside the chosen rows' ranges. */
	exact: boolean;
	/** The buyer's numbers the choice rests on. */
	basis: Measurement[];
	/** A column none of the numbers covered: the one to check when several rows fit. */
	unusedColumn?: string;
}

const LETTER_SIZE = '(?:[2-5]?x{1,3}[sl]|xxs|xs|s|m|l)';
const NUM = '(\\d{2,3}(?:[.,]\\d)?)';
const GAP = '\\s*(?:[:=—-]\\s*)?(?:примерно\\s+|около\\s+|где-?то\\s+)?';

const READERS: Array<{ kind: MeasureKind; re: RegExp; caseSensitive?: boolean }> = [
	// Children's heights start at 50 cm, so two digits count after the word.
	{ kind: 'height', re: new RegExp(`(?<![а-я])(?:рост(?:ом|е|а)?)${GAP}(\\d[.,]\\d{2}|\\d{2,3})(?![\\d])`, 'g') },
	{ kind: 'height', re: /(?<![\d.,])(1[4-9]\d)\s*(?:см\s*)?(?:рост)/g },
	{ kind: 'weight', re: new RegExp(`(?<![а-я])(?:вес(?:ом|е)?|вешу|весит)${GAP}${NUM}`, 'g') },
	{ kind: 'weight', re: /(?<![\d.,])(\d{2,3}(?:[.,]\d)?)\s*кг(?![а-я])/g },
	{ kind: 'chest', re: new RegExp(`(?<![а-я])(?:ог|обхват\\s+груди|объ[её]м\\s+груди|грудь|груди)${GAP}${NUM}`, 'g') },
	{ kind: 'waist', re: new RegExp(`(?<![а-я])(?:обхват\\s+талии|талия|талии)${GAP}${NUM}`, 'g') },
	// "от 70" is also "from 70": the abbreviation counts only in capitals.
	{ kind: 'waist', re: /(?<![А-Яа-яЁё])ОТ\s*(?:[:=—-]\s*)?(\d{2,3})/g, caseSensitive: true },
	{ kind: 'hips', re: new RegExp(`(?<![а-я])(?:обхват\\s+бедер|бедра|бедер)${GAP}${NUM}`, 'g') },
	{ kind: 'hips', re: /(?<![А-Яа-яЁё])ОБ\s*(?:[:=—-]\s*)?(\d{2,3})/g, caseSensitive: true },
	{ kind: 'foot', re: /(?<![а-я])(?:длина\s+стопы|стопа|стопы|стельк[аи])\s*(?:[:=—-]\s*)?(?:примерно\s+|около\s+)?(\d{2}(?:[.,]\d)?)/g },
	{ kind: 'head', re: /(?<![а-я])(?:обхват\s+головы|голов[аы])\s*(?:[:=—-]\s*)?(\d{2})/g },
	{
		kind: 'size',
		re: new RegExp(`(?<![а-я])(?:размер[а-я]*|р-р|ношу|носим|носит|беру|брала|брал)\\s*(?:[:=—-]\\s*)?(\\d{2}(?:[.,]5)?|${LETTER_SIZE})(?![a-zа-я\\d])`, 'g'),
	},
	{ kind: 'size', re: new RegExp(`(?<![\\d.,a-z])(\\d{2}(?:[.,]5)?|${LETTER_SIZE})(?:-?(?:й|ой|го|ого))?\\s+размер`, 'g') },
];

function toNumber(kind: MeasureKind, raw: string): number | string {
	const n = Number(raw.replace(',', '.'));
	if (Number.isNaN(n)) return raw.toUpperCase();
	// "рост 1,70" is metres.
	if (kind === 'height' && n < 3) return Math.round(n * 100);
	return n;
}

/** The measurements a buyer wrote, first mention of each kind (several sizes are kept). */
export function readMeasurements(text: string): Measurement[] {
	const lower = text.toLowerCase().replace(/ё/g, 'е');
	const found: Array<Measurement & { at: number }> = [];
	for (const { kind, re, caseSensitive } of READERS) {
		re.lastIndex = 0;
		const source = caseSensitive ? text : lower;
		let m: RegExpExecArray | null;
		while ((m = re.exec(source)) !== null) {
			if (kind !== 'size' && found.some((f) => f.kind === kind)) break;
			const value = toNumber(kind, m[1]);
			if (!found.some((f) => f.kind === kind && f.value === value)) found.push({ kind, value, at: m.index });
		}
	}
	return found.sort((a, b) => a.at - b.at).map(({ kind, value }) => ({ kind, value }));
}

export function columnKind(header: string): MeasureKind | undefined {
	const h = header.toLowerCase().replace(/ё/g, 'е');
	if (/рост/.test(h)) return 'height';
	if (/(?<![а-я])вес/.test(h)) return 'weight';
	if (/груд|(?<![а-я])ог(?![а-я])/.test(h)) return 'chest';
	if (/тали|(?<![а-я])от(?![а-я])/.test(h)) return 'waist';
	if (/бедр|бедер|(?<![а-я])об(?![а-я])/.test(h)) return 'hips';
	if (/стоп|стельк/.test(h)) return 'foot';
	if (/голов/.test(h)) return 'head';
	if (/размер|российск|(?<![a-z])(?:ru|rus|рф)(?![a-z])/.test(h)) return 'size';
	return undefined;
}

type Range = [number, number];

export function parseRange(cell: string): Range | undefined {
	const c = cell.toLowerCase().replace(/[–—−]/g, '-').replace(/,/g, '.').trim();
	let m = /^(?:от\s*)?(\d+(?:\.\d+)?)\s*(?:-|\/|до)\s*(\d+(?:\.\d+)?)/.exec(c);
	if (m) {
		const a = Number(m[1]);
		const b = Number(m[2]);
		return a <= b ? [a, b] : [b, a];
	}
	m = /^(?:до|<|≤)\s*(\d+(?:\.\d+)?)/.exec(c);
	if (m) return [-Infinity, Number(m[1])];
	m = /^(?:от|>|≥)\s*(\d+(?:\.\d+)?)|^(\d+(?:\.\d+)?)\s*\+/.exec(c);
	if (m) return [Number(m[1] ?? m[2]), Infinity];
	m = /^(\d+(?:\.\d+)?)(?:\s*[a-zа-я.]*)?$/.exec(c);
	if (m) return [Number(m[1]), Number(m[1])];
	return undefined;
}

const distance = (v: number, [lo, hi]: Range) => (v < lo ? lo - v : v > hi ? v - hi : 0);

/** Typical distance between neighbouring rows of a column, to weigh "2 cm off" against "2 kg off". */
function step(ranges: Array<Range | undefined>): number {
	const mids = ranges
		.filter((r): r is Range => !!r && Number.isFinite(r[0]) && Number.isFinite(r[1]))
		.map(([a, b]) => (a + b) / 2);
	const diffs: number[] = [];
	for (let i = 1; i < mids.length; i++) if (mids[i] !== mids[i - 1]) diffs.push(Math.abs(mids[i] - mids[i - 1]));
	if (diffs.length === 0) return 4;
	diffs.sort((a, b) => a - b);
	return diffs[diffs.length >> 1];
}

const normLabel = (s: string) => s.toLowerCase().replace(/[\s–—−]/g, '').replace(/,/g, '.');

/** How far a size the buyer named is from a row (0 = the row is that size). */
function sizeDistance(value: number | string, row: SizeRow, sizeColumns: number[]): number {
	const labels = [row.size, ...sizeColumns.map((i) => row.values[i])];
	let best = Infinity;
	for (const label of labels) {
		if (!label) continue;
		if (typeof value === 'string') {
			if (normLabel(label) === normLabel(value)) return 0;
			continue;
		}
		const r = parseRange(label);
		if (r) best = Math.min(best, distance(value, r) / 2);
	}
	return best;
}

export function matchSizeRows(table: SizeTable, measurements: Measurement[]): SizeMatch | undefined {
	if (table.rows.length === 0) return undefined;
	const kinds = table.columns.map(columnKind);
	const sizeColumns = kinds.flatMap((k, i) => (k === 'size' ? [i] : []));
	const usable = measurements.filter((m) => m.kind === 'size' || kinds.includes(m.kind));
	if (usable.length === 0) return undefined;
	const ranges = table.columns.map((_, i) => table.rows.map((r) => parseRange(r.values[i] ?? '')));
	const steps = ranges.map(step);
	const scores = table.rows.map((row, ri) => {
		let score = 0;
		for (const m of usable) {
			if (m.kind === 'size') {
				score += sizeDistance(m.value, row, sizeColumns);
				continue;
			}
			const col = kinds.indexOf(m.kind);
			const r = ranges[col][ri];
			score += r && typeof m.value === 'number' ? distance(m.value, r) / steps[col] : 1;
		}
		return score;
	});
	const best = Math.min(...scores);
	if (!Number.isFinite(best) || best > usable.length * 2) return undefined;
	const rows = table.rows.filter((_, i) => Math.abs(scores[i] - best) < 1e-9);
	const used = new Set(usable.map((m) => m.kind));
	const unusedIndex = kinds.findIndex((k) => k !== undefined && k !== 'size' && !used.has(k));
	return {
		rows,
		exact: best === 0,
		basis: usable,
		unusedColumn: unusedIndex >= 0 ? columnParts(table.columns[unusedIndex]).label : undefined,
	};
}

/** "Обхват груди, см" → { label: "обхват груди", unit: "см" }. */
export function columnParts(header: string): { label: string; unit: string } {
	const h = header.replace(/\s+/g, ' ').trim();
	const m = /^(.*?)(?:\s*,\s*|\s*\(\s*)(см|мм|кг|г|м|дюйм[а-я]*|″|")\s*\)?$/i.exec(h);
	const label = (m ? m[1] : h).trim();
	const unit = m ? m[2] : '';
	// "Обхват груди" → "обхват груди", but "RU", "ОГ" and "EU размер" keep their capitals.
	const lowered = label.length > 1 && label[1] === label[1].toLowerCase() && label[1] !== label[1].toUpperCase();
	return { label: lowered ? label[0].toLowerCase() + label.slice(1) : label, unit };
}

const dash = (s: string) => s.trim().replace(/(\d)\s*[-–—−]\s*(\d)/g, '$1–$2');

/** "обхват груди 90–94 см, рост 164–170 см" — a row in the chart's own words, nominative throughout. */
export function describeRow(table: SizeTable, row: SizeRow): string {
	const kinds = table.columns.map(columnKind);
	const parts: string[] = [];
	table.columns.forEach((header, i) => {
		const value = (row.values[i] ?? '').trim();
		if (!value || (kinds[i] === 'size' && normLabel(value) === normLabel(row.size))) return;
		const { label, unit } = columnParts(header);
		const hasUnit = unit && new RegExp(`${unit}\\.?$`, 'i').test(value);
		parts.push(`${label} ${dash(value)}${unit && !hasUnit ? ` ${unit}` : ''}`);
	});
	return parts.join(', ');
}

export const sizeLabel = (row: SizeRow) => dash(row.size);

/** The chart as text, at most `maxRows` rows: "42 — обхват груди 82–86 см; 44 — …". */
export function describeTable(table: SizeTable, maxRows: number): string {
	const rows = table.rows;
	if (rows.length === 0) return '';
	const line = (r: SizeRow) => {
		const d = describeRow(table, r);
		return d ? `${sizeLabel(r)} — ${d}` : sizeLabel(r);
	};
	if (rows.length <= maxRows) return rows.map(line).join('; ');
	// Spread the shown rows over the chart so both ends are covered.
	const picked: SizeRow[] = [];
	for (let i = 0; i < maxRows; i++) {
		const r = rows[Math.round((i * (rows.length - 1)) / Math.max(1, maxRows - 1))];
		if (!picked.includes(r)) picked.push(r);
	}
	return `размеры с ${sizeLabel(rows[0])} по ${sizeLabel(rows[rows.length - 1])}, например: ${picked.map(line).join('; ')}`;
}

const MEASURE_WORDS: Record<MeasureKind, [string, string]> = {
	height: ['рост', 'см'],
	weight: ['вес', 'кг'],
	chest: ['обхват груди', 'см'],
	waist: ['обхват талии', 'см'],
	hips: ['обхват бёдер', 'см'],
	foot: ['длина стопы', 'см'],
	head: ['обхват головы', 'см'],
	size: ['обычный размер', ''],
};

/** "рост 170 см, обхват груди 92 см" */
export function describeMeasurements(ms: Measurement[]): string {
	return ms
		.map((m) => {
			const [word, unit] = MEASURE_WORDS[m.kind];
			return `${word} ${m.value}${unit ? ` ${unit}` : ''}`;
		})
		.join(', ');
}

export function joinRu(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} и ${items[items.length - 1]}`;
}
