// The bad-input sweep over marketplace payloads: every row of the target tables (tests/unit/fuzz/targets) gets its
// real payloads mutated (fields dropped, wrong types, 1 MB text, odd Unicode, odd numbers and dates, deep nesting,
// duplicated ids, cut JSON text), and every case must end in a valid result or a documented error naming the field.

import { sweep, type BodyTarget } from './lib/body-target';
import { limit } from './lib/scale';
import { unexpected } from './lib/known';
import { reportCount } from './lib/verdict';
import { OZON_TARGETS } from './targets/ozon';
import { WB_TARGETS } from './targets/wb';
import { YM_TARGETS } from './targets/ym';

// Another marketplace plugs in with a table of its own rows (see targets/*.ts).
const TARGETS: BodyTarget[] = [...WB_TARGETS, ...OZON_TARGETS, ...YM_TARGETS];

describe.each(TARGETS.map((t) => [`${t.marketplace} ${t.name}`, t] as const))('bad input: %s', (title, target) => {
	it('ends every mutated payload in a valid result or an error that names the field', async () => {
		const findings = await sweep(target);
		reportCount(title, findings);
		expect(findings.cases).toBeGreaterThan(20);
		expect(unexpected(title, findings.report())).toEqual([]);
	}, limit(20_000));
});
