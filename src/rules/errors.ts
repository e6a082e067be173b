// Errors of the rules module. A team edits the rules in the n8n UI, so every message names the rule set, the rule
// and the exact place in the JSON, the way a person reading the editor would look for it.

/** Invalid rules: `ruleName` is null when the error is about the whole rule set (not JSON, not a list). */
export class RulesError extends Error {
	readonly label: string;
	readonly ruleName: string | null;
	readonly path: string;
	readonly reason: string;

	constructor(label: string, ruleName: string | null, path: string, reason: string) {
		const where = ruleName === null ? path : `rule "${ruleName}" at ${path}`;
		super(`${label}: ${where}: ${reason}`);
		this.name = 'RulesError';
		this.label = label;
		this.ruleName = ruleName;
		this.path = path;
		this.reason = reason;
	}
}

/** Input that cannot be turned into facts: `field` is where it was found, e.g. `interaction.createdAt`. */
export class FactsError extends Error {
	readonly field: string;
	readonly reason: string;

	constructor(field: string, reason: string, itemId?: string) {
		super(`${itemId === undefined ? '' : `Interaction "${itemId}": `}field "${field}" ${reason}`);
		this.name = 'FactsError';
		this.field = field;
		this.reason = reason;
	}
}
