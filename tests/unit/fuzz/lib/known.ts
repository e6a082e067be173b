// Problems the sweep found in code this suite may not change (src/classify, src/rules and src/guardrails are being
// reworked by their owners). Each is reported to them with the failing case; it is tolerated here only while it
// looks exactly like this, so any other failure of the same target still turns the suite red. Remove an entry
// when its fix lands: the suite then checks that case like every other.

export interface KnownIssue {
	target: RegExp;
	problem: RegExp;
	/** what to fix, for the owner */
	note: string;
}

export const KNOWN_ISSUES: KnownIssue[] = [
	{
		target: /^classifyText$/,
		problem: /got \[object Object\]|Error message is \d+ characters long: classifyText: field "(channel|rating)"/,
		note: 'src/classify/classifier.ts validate(): String(value) prints "[object Object]" for an object channel or rating, and a 1 MB channel or rating text whole; show the type, or the value clipped',
	},
	{
		target: /^guardrails check$/,
		problem: /TypeError message is \d+ characters long: guardrails: "(marketplace|channel|maxLength|similarityThreshold)"/,
		note: 'src/guardrails/check.ts validate(): JSON.stringify(value) quotes a 1 MB text (1 MB message) or a nested list (6 KB) whole; clip it',
	},
	{
		target: /^(validate (SLA|Routing) rules|facts|Classify node|Classify input)$/,
		problem: /(RulesError|FactsError) message is \d+ characters long|NodeOperationError message is \d+ characters long: Interaction "[^"]*": field "createdAt"/,
		note: 'src/rules/schema.ts show() and the FactsError texts in build-facts.ts / apply-sla.ts quote the bad value whole (JSON.stringify): a 1 MB value gives a 1 MB message, a deeply nested one 6-18 KB; clip the quoted value (e.g. 60 characters)',
	},
	{
		target: /^Draft node$/,
		problem: /NodeOperationError message is \d+ characters long: draftFromTemplate \(item [^)]*\): "classification\.(intent|emotion|sentiment)" Invalid enum value/,
		note: 'src/draft/input.ts describe(): zod\'s enum message quotes the received value whole; a 1 MB intent gives a 1 MB message (clip it)',
	},
	// Ozon and Yandex.Market (src/ozon, src/ym) are another helper's; the sweep reports, it does not fix.
	{
		target: /^ym parseHistoryPage → normaliseChatMessage$|^ym parse\w+Page/,
		problem: /YmResponseError message is \d+ characters long: Unexpected Yandex Market response: status: expected "OK", received/,
		note: 'src/ym/parse.ts resultOf(): JSON.stringify(envelope.status) quotes a 1 MB status whole; clip it',
	},
];

/** The failures that are not known issues of `target`. */
export function unexpected(target: string, lines: string[]): string[] {
	return lines.filter((line) => !KNOWN_ISSUES.some((k) => k.target.test(target) && k.problem.test(line)));
}
