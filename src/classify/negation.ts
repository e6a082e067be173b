// Negation scope for one cue match: "не подошёл", "ни один не порвался", "без брака", "запаха нет",
// "дефектов не обнаружила". Scope never leaves the clause, so in "не дорого, но рвётся" the tear still counts.

import type { Token } from './normalize';

/** Negators that work right before the word or with a word or two of degree in between. */
const NOT = new Set(['не', 'ни', 'нет', 'нету', 'ничуть', 'нисколько']);
/** Negators of a noun phrase that allow one adjective in between ("без посторонних запахов"). */
const NOUN_NEGATORS = new Set(['без', 'нет', 'никакого', 'никакой', 'никаких', 'никакая', 'никакое', 'никакую', 'ни', 'нету']);
/** Words that may stand between "не" and the negated word without ending its scope. */
const DEGREE = new Set([
	'очень', 'совсем', 'вообще', 'особо', 'сильно', 'так', 'уж', 'даже', 'то', 'еще', 'уже', 'абсолютно', 'прям', 'прямо',
	'сразу', 'бы', 'же', 'совершенно', 'особенно', 'практически', 'почти', 'слишком', 'настолько', 'точно', 'толком',
	'никогда', 'нигде', 'ничем', 'разу', 'один', 'одна', 'одного', 'ничего', 'всегда', 'больше', 'сильно', 'было', 'была',
	'был', 'были', 'стал', 'стала', 'стали', 'ни', 'капли', 'капельки', 'нисколько', 'ещё', 'пока', 'вовсе', 'сколько',
]);
/** "X нет", "X не было", "X не обнаружено": negation placed after a noun. */
const AFTER_NEGATORS = new Set(['нет', 'нету', 'отсутствует', 'отсутствуют', 'отсутствовал', 'отсутствовали']);
const AFTER_NOT_VERBS =
	/^(обнаруж|встреча|встретил|наблюда|замеч|замет|чувству|ощуща|было|был|была|были|нашл|нашел|выявлен|возник|оказалось|имеется|имеет|ощутил|почувствовал|увидел|видно|заметно|впитыва|остается|остаются|осталось)/;

/** Verbs that may stand between "не" and a negated noun: "не оставляет запаха", "не имеет дефектов". */
const LINK_VERBS = new Set([
	'имеет', 'имеют', 'дает', 'дают', 'оставляет', 'оставляют', 'остается', 'остаются', 'осталось', 'издает', 'издают',
	'чувствуется', 'ощущается', 'видно', 'заметно', 'обнаружила', 'обнаружил', 'заметила', 'заметил', 'нашла', 'нашел',
	'увидела', 'увидел', 'встретила', 'встретил', 'выявлено', 'было', 'наблюдается', 'почувствовала', 'почувствовал',
]);

export function isNegated(tokens: readonly Token[], start: number, end: number): boolean {
	const clause = tokens[start].clause;
	let adjectives = 0;
	let verbs = 0;
	for (let j = start - 1, distance = 1; j >= 0 && distance <= 4; j--, distance++) {
		const t = tokens[j];
		if (t.clause !== clause) break;
		if (NOT.has(t.norm)) return true;
		if (distance - verbs <= 2 && NOUN_NEGATORS.has(t.norm)) return true;
		if (DEGREE.has(t.norm)) continue;
		// An adjective may stand between "без"/"никакого" and the noun, never between "не" and its word.
		if (adjectives === 0 && isModifierLike(t.norm) && nounNegatorAhead(tokens, j, clause)) {
			adjectives++;
			continue;
		}
		if (verbs === 0 && LINK_VERBS.has(t.norm)) {
			verbs++;
			continue;
		}
		break;
	}
	for (let j = end + 1, distance = 1; j < tokens.length && distance <= 3; j++, distance++) {
		const t = tokens[j];
		if (t.clause !== clause) break;
		if (AFTER_NEGATORS.has(t.norm) && distance <= 2) return true;
		if (t.norm === 'почти' || t.norm === 'совсем' || t.norm === 'вообще') continue;
		if (t.norm === 'не' && j + 1 < tokens.length && tokens[j + 1].clause === clause && AFTER_NOT_VERBS.test(tokens[j + 1].norm)) {
			return true;
		}
	}
	return false;
}

function nounNegatorAhead(tokens: readonly Token[], j: number, clause: number): boolean {
	for (let k = j - 1; k >= 0 && k >= j - 2; k--) {
		if (tokens[k].clause !== clause) return false;
		if (NOUN_NEGATORS.has(tokens[k].norm)) return true;
	}
	return false;
}

/** An adjective or pronoun that may sit between "без"/"никакого" and its noun. */
function isModifierLike(word: string): boolean {
	return /(ых|их|ого|его|ой|ей|ую|юю|ые|ие|ый|ий|ая|яя|ое|ее|ым|им)$/.test(word) || word === 'каких' || word === 'всяких';
}
