import { buildCueIndex } from '../../../src/classify/classifier';
import { CueIndex, correctTypo, expandPattern } from '../../../src/classify/matcher';
import { normalizeText } from '../../../src/classify/normalize';

describe('cue patterns', () => {
	test('phrase groups are multiplied out, token groups stay regular expressions', () => {
		expect(expandPattern('не (то|тот) (на фото|в описании)')).toEqual(['не (то|тот) на фото', 'не (то|тот) в описании']);
		expect(expandPattern('есть (ли )?синий')).toEqual(['есть ли синий', 'есть синий']);
		expect(expandPattern('сколько (еще|можно)? ждать')).toEqual(['сколько еще ждать', 'сколько можно ждать', 'сколько ждать']);
		expect(expandPattern('брак|дефект*')).toEqual(['брак', 'дефект*']);
	});

	test('matches whole words only: "суд" is not found in "посуда"', () => {
		const index = new CueIndex([[{ p: 'суд', e: 'angry' }]], {});
		expect(index.match(normalizeText('Посуда пришла целая').tokens)).toHaveLength(0);
		expect(index.match(normalizeText('Подам в суд').tokens)).toHaveLength(1);
	});

	test('prefix, stem and gap patterns', () => {
		const index = new CueIndex(
			[
				[
					{ p: 'рвут*', i: 'defect_not_working' },
					{ p: 'размер~', i: 'sizing_fit' },
					{ p: 'прислал* +2 не (то|тот)', i: 'wrong_item' },
				],
			],
			{},
		);
		const labels = (text: string) => index.match(normalizeText(text).tokens).map((m) => m.cue.label);
		expect(labels('рвутся сразу')).toEqual(['рвут*']);
		expect(labels('размеры маленькие')).toEqual(['размер~']);
		expect(labels('прислали мне опять не тот')).toEqual(['прислал* +2 не (то|тот)']);
		expect(labels('прислали мне опять совсем не тот')).toEqual([]);
	});

	test('a gap never crosses a sentence end unless the cue allows it', () => {
		const index = new CueIndex([[{ p: 'заказ +3 пришел', i: 'wrong_item' }]], {});
		expect(index.match(normalizeText('заказ. пришел').tokens)).toHaveLength(0);
		expect(index.match(normalizeText('заказ вчера пришел').tokens)).toHaveLength(1);
	});

	test('one typo in a known stem is corrected', () => {
		expect(correctTypo('отчличные', ['отличн'])).toBe('отличные');
		expect(correctTypo('разачарована', ['разочаров'])).toBe('разочарована');
		expect(correctTypo('совсем', ['отличн'])).toBeNull();
	});

	test('a group of phrases glued to a word is an authoring error, not a silent split', () => {
		expect(() => expandPattern('хотел(ось бы)? лучше')).toThrow('whole words');
		expect(expandPattern('(первой )?стирк*')).toEqual(['первой стирк*', 'стирк*']);
	});

	test('an unknown macro is a clear error', () => {
		expect(() => new CueIndex([[{ p: '@nope', i: 'other' }]], {})).toThrow('unknown macro @nope');
	});

	test('the default lexicons compile', () => {
		expect(buildCueIndex().cues.length).toBeGreaterThan(500);
	});
});
