// Snowball Russian stemmer (snowballstem.org/algorithms/russian), written out so the classifier needs no
// runtime dependency. Input is expected lower-case with ё already folded to е (see normalize.ts).

const VOWELS = 'аеиоуыэюя';

const PERFECTIVE_GERUND_1 = ['вшись', 'вши', 'в'];
const PERFECTIVE_GERUND_2 = ['ившись', 'ывшись', 'ивши', 'ывши', 'ив', 'ыв'];
const REFLEXIVE = ['ся', 'сь'];
const ADJECTIVE = [
	'ими', 'ыми', 'его', 'ого', 'ему', 'ому',
	'ее', 'ие', 'ые', 'ое', 'ей', 'ий', 'ый', 'ой', 'ем', 'им', 'ым', 'ом', 'их', 'ых', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею',
];
const PARTICIPLE_1 = ['ем', 'нн', 'вш', 'ющ', 'щ'];
const PARTICIPLE_2 = ['ивш', 'ывш', 'ующ'];
const VERB_1 = ['ете', 'йте', 'ешь', 'нно', 'ла', 'на', 'ли', 'ем', 'ло', 'но', 'ет', 'ют', 'ны', 'ть', 'й', 'л', 'н'];
const VERB_2 = [
	'ейте', 'уйте', 'ила', 'ыла', 'ена', 'ите', 'или', 'ыли', 'ило', 'ыло', 'ено', 'ует', 'уют', 'ены', 'ить', 'ыть', 'ишь',
	'ей', 'уй', 'ил', 'ыл', 'им', 'ым', 'ен', 'ят', 'ит', 'ыт', 'ую', 'ю',
];
const NOUN = [
	'иями', 'ями', 'ами', 'ией', 'иям', 'ием', 'иях',
	'ев', 'ов', 'ие', 'ье', 'еи', 'ии', 'ей', 'ой', 'ий', 'ям', 'ем', 'ам', 'ом', 'ах', 'ях', 'ию', 'ью', 'ия', 'ья',
	'а', 'е', 'и', 'й', 'о', 'у', 'ы', 'ь', 'ю', 'я',
];
const DERIVATIONAL = ['ость', 'ост'];
const SUPERLATIVE = ['ейше', 'ейш'];

const byLength = (list: string[]): string[] => [...list].sort((a, b) => b.length - a.length);
const PG1 = byLength(PERFECTIVE_GERUND_1);
const PG2 = byLength(PERFECTIVE_GERUND_2);
const ADJ = byLength(ADJECTIVE);
const PART1 = byLength(PARTICIPLE_1);
const PART2 = byLength(PARTICIPLE_2);
const V1 = byLength(VERB_1);
const V2 = byLength(VERB_2);
const N = byLength(NOUN);

function isVowel(ch: string): boolean {
	return VOWELS.includes(ch);
}

/** RV starts after the first vowel; R2 is the standard Snowball R2 (R1 of R1). */
function regions(word: string): { rv: number; r2: number } {
	let rv = word.length;
	for (let i = 0; i < word.length; i++) {
		if (isVowel(word[i])) {
			rv = i + 1;
			break;
		}
	}
	const r1 = nextRegion(word, 0);
	const r2 = nextRegion(word, r1);
	return { rv, r2 };
}

function nextRegion(word: string, from: number): number {
	for (let i = from + 1; i < word.length; i++) {
		if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
	}
	return word.length;
}

/**
 * Longest suffix from `list` lying inside [limit, end). With `afterAYa`, the suffix must follow а or я,
 * itself inside the region (the algorithm's "group 1" endings).
 */
function findSuffix(word: string, limit: number, list: string[], afterAYa: boolean): string | null {
	for (const suffix of list) {
		const start = word.length - suffix.length;
		if (start < limit || !word.endsWith(suffix)) continue;
		if (afterAYa) {
			const prev = start - 1;
			if (prev < limit) continue;
			const ch = word[prev];
			if (ch !== 'а' && ch !== 'я') continue;
		}
		return suffix;
	}
	return null;
}

function removeFirst(word: string, limit: number, groups: Array<[string[], boolean]>): string | null {
	let best: string | null = null;
	for (const [list, afterAYa] of groups) {
		const found = findSuffix(word, limit, list, afterAYa);
		if (found !== null && (best === null || found.length > best.length)) best = found;
	}
	return best === null ? null : word.slice(0, word.length - best.length);
}

export function stemRussian(input: string): string {
	let word = input;
	const { rv, r2 } = regions(word);
	if (rv >= word.length) return word;

	// Step 1
	const gerund = removeFirst(word, rv, [
		[PG1, true],
		[PG2, false],
	]);
	if (gerund !== null) {
		word = gerund;
	} else {
		const reflexive = removeFirst(word, rv, [[REFLEXIVE, false]]);
		if (reflexive !== null) word = reflexive;
		const adjective = removeFirst(word, rv, [[ADJ, false]]);
		if (adjective !== null) {
			word = adjective;
			const participle = removeFirst(word, rv, [
				[PART1, true],
				[PART2, false],
			]);
			if (participle !== null) word = participle;
		} else {
			const verb = removeFirst(word, rv, [
				[V1, true],
				[V2, false],
			]);
			if (verb !== null) {
				word = verb;
			} else {
				const noun = removeFirst(word, rv, [[N, false]]);
				if (noun !== null) word = noun;
			}
		}
	}

	// Step 2
	if (word.length > rv && word.endsWith('и')) word = word.slice(0, -1);

	// Step 3
	const derivational = findSuffix(word, Math.max(r2, rv), DERIVATIONAL, false);
	if (derivational !== null) word = word.slice(0, word.length - derivational.length);

	// Step 4
	if (word.length - 2 >= rv && word.endsWith('нн')) return word.slice(0, -1);
	const superlative = findSuffix(word, rv, SUPERLATIVE, false);
	if (superlative !== null) {
		word = word.slice(0, word.length - superlative.length);
		if (word.length - 2 >= rv && word.endsWith('нн')) word = word.slice(0, -1);
		return word;
	}
	if (word.length > rv && word.endsWith('ь')) word = word.slice(0, -1);
	return word;
}
