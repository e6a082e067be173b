// The table format of the sweep. A marketplace plugs in by adding rows: a parser or normaliser, the payloads to
// mutate, the errors it may throw, and what a successful result must satisfy.

import { type Case, type Path, get, listMutations, mutations, textMutations } from './mutate';
import { rng } from './prng';
import { thin } from './scale';
import { type Allowed, Findings, attempt, judgeError as judgeOf } from './verdict';

export interface ListSpec {
	/** where the list is in the payload, e.g. ['data', 'feedbacks'] */
	path: Path;
	/** the item's id key, for duplicated-id cases */
	idKey: string;
}

export interface BodyTarget {
	marketplace: string;
	/** the function under test, as the table shows it: `parseFeedbackListLenient` */
	name: string;
	/** real payloads: [where it comes from, body] */
	seeds: () => Promise<Array<[string, unknown]>> | Array<[string, unknown]>;
	/** lists inside the payload: their items are mutated one by one and as lists */
	lists?: ListSpec[];
	/** false when the function takes parsed values only (no JSON text cases) */
	text?: boolean;
	run: (body: unknown) => unknown;
	allowed: Allowed[];
	/** Invariants of a successful result; a string says what is wrong. */
	check?: (result: unknown, body: unknown) => string | null;
}

/** Every case for one seed: envelope mutations, item mutations of one item of each list, list and text cases. */
export function casesFor(target: BodyTarget, seedName: string, body: unknown): Case[] {
	const r = rng(`${target.marketplace}/${target.name}/${seedName}`);
	const lists = target.lists ?? [];
	const cases: Case[] = [];
	const envelopeDepth = lists.length ? Math.max(...lists.map((l) => l.path.length)) + 1 : 5;
	cases.push(...mutations(body, r, { maxDepth: envelopeDepth }));
	for (const list of lists) {
		const items = get(body, list.path);
		if (!Array.isArray(items)) continue;
		if (items.length > 0) cases.push(...mutations(body, r, { under: [...list.path, r.int(items.length)] }));
		cases.push(...listMutations(body, list.path, list.idKey));
	}
	if (target.text !== false) cases.push(...textMutations(body, r));
	return cases.map((c) => ({ label: `${seedName}: ${c.label}`, value: c.value }));
}

export async function sweep(target: BodyTarget): Promise<Findings> {
	const findings = new Findings();
	for (const [seedName, body] of await target.seeds()) {
		// the unmutated payload must parse: otherwise the mutations test nothing
		const clean = attempt(() => target.run(structuredClone(body)));
		if (!clean.ok) findings.fail(`${seedName}: unmutated`, `the real payload does not pass: ${String((clean.error as Error)?.message ?? clean.error)}`);
		const cases = casesFor(target, seedName, body);
		// small payloads run whole; the big ones run a seeded fifth (all with FUZZ_DEEP=1)
		for (const c of cases.length > 300 ? thin(cases, `${target.name}/${seedName}`, 0.2) : cases) {
			const outcome = attempt(() => target.run(c.value));
			findings.count(outcome);
			if (!outcome.ok) {
				const problem = judgeOf(outcome.error, target.allowed);
				if (problem) findings.fail(c.label, problem);
				continue;
			}
			const wrong = target.check?.(outcome.value, c.value) ?? null;
			if (wrong) findings.fail(c.label, wrong);
		}
	}
	return findings;
}
