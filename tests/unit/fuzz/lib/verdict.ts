// What a fuzz case may end in: a value that passes the target's own check, or one of the project's documented
// errors whose message names where the problem is. Anything else (a TypeError from reading a property of null, a
// RangeError from an invalid Date, a stack overflow) is a crash and fails the case, with its label.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ErrorClass = abstract new (...args: any[]) => Error;

export interface Allowed {
	type: ErrorClass;
	/** The message must match, e.g. name the field; checked on the error, not on its class name. */
	names?: (error: Error) => boolean;
}

// Messages of JavaScript's own failures: never acceptable, whatever class carries them.
const NATIVE =
	/Cannot read propert|Cannot set propert|Cannot convert|is not a function|is not iterable|is not defined|Invalid time value|Invalid array length|Maximum call stack|undefined is not|null is not|toISOString|\[object Object\]/;

/** Longest acceptable error message. */
export const MAX_MESSAGE = 2000;

export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function attempt(fn: () => unknown): Outcome {
	try {
		return { ok: true, value: fn() };
	} catch (error) {
		return { ok: false, error };
	}
}

export async function attemptAsync(fn: () => Promise<unknown>): Promise<Outcome> {
	try {
		return { ok: true, value: await fn() };
	} catch (error) {
		return { ok: false, error };
	}
}

/** null when `error` is acceptable, else why not. */
export function judgeError(error: unknown, allowed: readonly Allowed[]): string | null {
	if (!(error instanceof Error)) return `threw a non-Error: ${String(error)}`;
	const message = error.message ?? '';
	if (NATIVE.test(message)) return `crashed: ${error.name}: ${message.slice(0, 200)}`;
	const match = allowed.find((a) => error instanceof a.type);
	if (!match) return `undocumented error ${error.name}: ${message.slice(0, 200)}`;
	if (match.names && !match.names(error)) return `${error.name} does not name the field: ${message.slice(0, 200)}`;
	// a clear error quotes the bad value briefly; one that echoes a 1 MB input is unreadable in n8n's error panel
	if (message.length > MAX_MESSAGE) return `${error.name} message is ${message.length} characters long: ${message.slice(0, 120)}…`;
	return null;
}

export interface Failure {
	label: string;
	problem: string;
}

/** Collects failures of many cases, keeping each distinct problem once (with its first label) so reports stay short. */
export class Findings {
	readonly failures: Failure[] = [];
	private seen = new Set<string>();
	cases = 0;
	outcomes = { value: 0, error: 0 };

	count(outcome: Outcome): void {
		this.cases++;
		if (outcome.ok) this.outcomes.value++;
		else this.outcomes.error++;
	}

	fail(label: string, problem: string): void {
		const key = problem.replace(/\d+/g, 'N').slice(0, 160);
		if (this.seen.has(key)) return;
		this.seen.add(key);
		this.failures.push({ label, problem });
	}

	/** For `expect(...).toEqual([])`: readable lines. */
	report(): string[] {
		return this.failures.slice(0, 25).map((f) => `${f.label} → ${f.problem}`);
	}
}

/** FUZZ_REPORT=1 prints the number of cases per target (for the README and the issue). */
export function reportCount(target: string, findings: Findings): void {
	// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- a test switch, not shipped code
	if (process.env.FUZZ_REPORT) {
		// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals
		process.stdout.write(`FUZZ ${target}: ${findings.cases} cases (${findings.outcomes.value} values, ${findings.outcomes.error} errors)\n`);
	}
}
