import {
	columnKind,
	columnParts,
	describeRow,
	describeTable,
	matchSizeRows,
	parseRange,
	readMeasurements,
} from '../../../src/draft/size-table';
import type { SizeTable } from '../../../src/draft/types';
import { DRESS } from './helpers';

const TABLE = DRESS.sizeTable as SizeTable;

const SHOES: SizeTable = {
	columns: ['Длина стопы, см', 'EU'],
	rows: [
		{ size: '37', values: ['23.5', '37'] },
		{ size: '38', values: ['24', '38'] },
		{ size: '39', values: ['25', '39'] },
	],
};

describe('reading the buyer\'s measurements', () => {
	test.each([
		['рост 168, ОГ 92', [{ kind: 'height', value: 168 }, { kind: 'chest', value: 92 }]],
		['Какой размер на рост 1,70 и вес 60 кг?', [{ kind: 'height', value: 170 }, { kind: 'weight', value: 60 }]],
		['обхват груди 96 см, талия 78, бедра 104', [{ kind: 'chest', value: 96 }, { kind: 'waist', value: 78 }, { kind: 'hips', value: 104 }]],
		['ОТ 70 ОБ 98', [{ kind: 'waist', value: 70 }, { kind: 'hips', value: 98 }]],
		['обычно ношу 46, иногда 48', [{ kind: 'size', value: 46 }]],
		['ношу M', [{ kind: 'size', value: 'M' }]],
		['у меня 44 размер', [{ kind: 'size', value: 44 }]],
		['длина стопы 24,5', [{ kind: 'foot', value: 24.5 }]],
		['комбинезон на рост 80?', [{ kind: 'height', value: 80 }]],
	])('%s', (text, expected) => {
		expect(readMeasurements(text)).toEqual(expected);
	});

	test('"от 70 до 80" in lower case is a range, not a waist', () => {
		expect(readMeasurements('цена от 70 до 80')).toEqual([]);
	});

	test('bare numbers are not guessed', () => {
		expect(readMeasurements('170 и 60, что брать?')).toEqual([]);
	});
});

describe('the chart', () => {
	test('columns are recognised by their headers', () => {
		expect(TABLE.columns.map(columnKind)).toEqual(['size', 'chest', 'waist', 'hips', 'height']);
		expect(columnKind('Длина стопы, см')).toBe('foot');
		expect(columnKind('Цвет')).toBeUndefined();
	});

	test('cells are ranges', () => {
		expect(parseRange('86-90')).toEqual([86, 90]);
		expect(parseRange('86 – 90 см')).toEqual([86, 90]);
		expect(parseRange('до 60')).toEqual([-Infinity, 60]);
		expect(parseRange('110+')).toEqual([110, Infinity]);
		expect(parseRange('23,5')).toEqual([23.5, 23.5]);
		expect(parseRange('—')).toBeUndefined();
	});

	test('headers become label and unit', () => {
		expect(columnParts('Обхват груди, см')).toEqual({ label: 'обхват груди', unit: 'см' });
		expect(columnParts('Рост (см)')).toEqual({ label: 'рост', unit: 'см' });
		expect(columnParts('EU')).toEqual({ label: 'EU', unit: '' });
	});

	test('the row closest to all numbers wins', () => {
		const m = matchSizeRows(TABLE, readMeasurements('рост 168, ОГ 92, ОТ 72'));
		expect(m?.rows.map((r) => r.size)).toEqual(['46']);
		expect(m?.exact).toBe(true);
	});

	test('height alone fits two rows; the unused column is named for the choice', () => {
		const m = matchSizeRows(TABLE, readMeasurements('рост 166'));
		expect(m?.rows.map((r) => r.size)).toEqual(['44', '46']);
		expect(m?.unusedColumn).toBe('обхват груди');
	});

	test('a measure outside every row gives the nearest row, not an exact one', () => {
		const m = matchSizeRows(TABLE, readMeasurements('ОГ 104'));
		expect(m?.rows.map((r) => r.size)).toEqual(['50']);
		expect(m?.exact).toBe(false);
	});

	test('a named size matches its row; an unknown one matches nothing exactly', () => {
		expect(matchSizeRows(TABLE, [{ kind: 'size', value: 48 }])?.rows.map((r) => r.size)).toEqual(['48']);
		expect(matchSizeRows(SHOES, readMeasurements('стопа 24'))?.rows.map((r) => r.size)).toEqual(['38']);
		expect(matchSizeRows(TABLE, readMeasurements('вес 60'))).toBeUndefined();
	});

	test('a row reads in the chart\'s own words, nominative throughout', () => {
		expect(describeRow(TABLE, TABLE.rows[2])).toBe('обхват груди 90–94 см, обхват талии 70–74 см, обхват бедер 96–100 см, рост 164–170 см');
	});

	test('a long chart is shown end to end within the row budget', () => {
		const t = describeTable(TABLE, 3);
		expect(t.startsWith('размеры с 42 по 50, например: 42 — ')).toBe(true);
		expect(t).toContain('; 46 — ');
		expect(t).toContain('; 50 — ');
		expect(describeTable(TABLE, 8).split('; ').length).toBe(5);
	});
});
