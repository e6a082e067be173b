import { MARKETPLACES, type Marketplace } from '../interaction';
import { normalizeOrderText, originalSpan, type NormalizedOrderText } from './normalize-order-text';
import { readLeftContext, readRightContext, type LeftContext, type RightContext } from './order-context';

// Buyers type order numbers into chats in every shape, and the same messages carry article numbers, phones,
// pickup codes, barcodes, tracks, prices and dates. The earlier system had no extraction at all (it waited
// for API fields that chats do not carry), so this is the only bridge from a chat line to the Orders API.
// Formats per marketplace (shared/reference/marketplace-apis.md, checked against the specs):
//   WB:   FBS order id (integer), rid/srid strings ("v5o_7143225816503318733.0.0",
//         "11.rf9ef11fce1684117b0nhj96222982382.3.0", 32 hex), orderUid ("165918930_<32 hex>"), gNumber (20 digits)
//   Ozon: order number NNNNNNNN-NNNN, posting number NNNNNNNN-NNNN-N (first block 8–10 digits)
//   YM:   integer order id, 8–11 digits

export type OrderNumberKind =
	| 'wb_order_id'
	| 'wb_srid'
	| 'wb_order_uid'
	| 'wb_gnumber'
	| 'ozon_order'
	| 'ozon_posting'
	| 'ozon_order_id'
	| 'ym_order';

export interface OrderNumberCandidate {
	/** Canonical form: digits only; Ozon numbers hyphenated; WB string ids as written. */
	number: string;
	/** Offsets into the original text, end exclusive. */
	start: number;
	end: number;
	/** The characters the buyer typed for it. */
	raw: string;
	kind: OrderNumberKind;
	/** 0..1: how sure the label and the shape make it an order number. */
	confidence: number;
}

const CONFIDENCE = {
	labelledString: 0.97,
	bareString: 0.88,
	labelledAdjacent: 0.95,
	labelled: 0.9,
	labelledAfter: 0.9,
	phoneShapedButLabelled: 0.7,
	neutral: 0.75,
	bare: 0.6,
	bareWeak: 0.5,
} as const;
// With several candidates the buyer's first one wins, unless it is much weaker than a later, labelled one.
const FIRST_WINS_MARGIN = 0.3;

// -- shapes that are never order numbers, found first and masked so no digit pattern can see them --------

const URL = /(?:https?:\/\/|www\.)\S+|(?<![\p{L}\p{Nd}-])[\p{L}\p{Nd}-]+\.(?:ru|com|net|org|su|рф|ру)(?![\p{L}\p{Nd}])(?:\/\S*)?/giu;
const PHONE_INTL = /\+ ?7[\s-]*\(?\s*\d{3}\s*\)?[\s-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/g;
const PHONE_TRUNK = /(?<![\p{L}\d+])[78][\s-]*\(?\s*\d{3}\s*\)?[\s-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/gu;
const PHONE_LOCAL = /(?<![\p{L}\d+])(?:\(\s*9\d{2}\s*\)|9\d{2})[\s-]*\d{3}[\s-]+\d{2}[\s-]+\d{2}(?!\d)/gu;
const DATE = /(?<![\d.])(?:\d{1,2}[./]\d{1,2}(?:[./](?:\d{4}|\d{2}))?|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?![\d])/g;

// -- WB string ids ------------------------------------------------------------------------------------------

const WB_STRING_IDS: ReadonlyArray<[RegExp, OrderNumberKind]> = [
	[/(?<![0-9A-Za-z_])\d{5,12}_[0-9a-fA-F]{32}(?![0-9A-Za-z_])/g, 'wb_order_uid'],
	[/(?<![0-9A-Za-z_.])[A-Za-z]\d{0,2}[A-Za-z]{0,2}_\d{8,30}(?:\.\d{1,3}){1,3}(?![0-9A-Za-z_]|\.\d)/g, 'wb_srid'],
	[/(?<![0-9A-Za-z_.])[0-9A-Za-z]{1,5}\.[A-Za-z][0-9A-Za-z]{15,40}(?:\.\d{1,3}){1,3}(?![0-9A-Za-z_]|\.\d)/g, 'wb_srid'],
	[/(?<![0-9A-Za-z_.])\d{12,30}(?:\.\d{1,3}){2}(?![0-9A-Za-z_]|\.\d)/g, 'wb_srid'],
	[/(?<![0-9A-Za-z_-])[0-9a-fA-F]{32}(?![0-9A-Za-z_-])/g, 'wb_srid'],
];

// -- Ozon ----------------------------------------------------------------------------------------------------

// "0132112277-0101-1", "0132112277-0101", also typed with spaces or " - " instead of hyphens.
const OZON_NUMBER =
	/(?<![A-Za-z\d])(?<!\d-)(\d{8,10})(-| ?- ?| +)(\d{4})(?:(-| ?- ?| +)(\d{1,2}))?(?![A-Za-z\d])(?!-\d)(?![.,]\d)/g;
// A unit, a year or a count after a space-separated block means the block was a quantity, not part of the number.
const AFTER_SPACED_BLOCK = /^\s*(?:(?:шт|кг|г|гр|см|мм|м|мл|л|р|руб|лет)(?![\p{L}])|[₽%]|штук|год|позиц|товар)/u;

// -- digit runs (WB and YM order ids, Ozon only when labelled) ---------------------------------------------

const DIGIT_RUN = /(?<![A-Za-z\d])(?<![A-Za-z]-)(?<!\d[.,/])\d+(?:[ -]\d+)*/g;
const MASK = '\uE000';

interface Range {
	minLabelled: number;
	maxLabelled: number;
	minBare: number;
	maxBare: number;
}

const DIGIT_RANGES: Record<Marketplace, Range> = {
	// FBS order ids are 9–11 digits today (12 leaves room for growth; 13+ are barcodes and tracks);
	// labelled shorter ones are still taken at the buyer's word.
	wb: { minLabelled: 7, maxLabelled: 12, minBare: 9, maxBare: 12 },
	// Ozon buyers see hyphenated numbers; bare digits there are SKUs unless the buyer calls them the order.
	ozon: { minLabelled: 8, maxLabelled: 12, minBare: Infinity, maxBare: 0 },
	ym: { minLabelled: 8, maxLabelled: 12, minBare: 8, maxBare: 11 },
};

interface Found {
	number: string;
	start: number;
	end: number;
	kind: OrderNumberKind;
	confidence: number;
}

function assertInput(text: unknown, marketplace: unknown): asserts marketplace is Marketplace {
	if (typeof text !== 'string') {
		throw new TypeError(`order number: "text" must be a string (got ${text === null ? 'null' : typeof text})`);
	}
	if (typeof marketplace !== 'string' || !(MARKETPLACES as readonly string[]).includes(marketplace)) {
		throw new TypeError(
			`order number: "marketplace" must be one of ${MARKETPLACES.join(', ')} (got ${typeof marketplace === 'string' ? JSON.stringify(marketplace.slice(0, 40)) : marketplace === null || marketplace === undefined ? String(marketplace) : typeof marketplace})`,
		);
	}
}

function mask(chars: string[], start: number, end: number): void {
	for (let i = start; i < end; i++) if (chars[i] !== '\n') chars[i] = MASK;
}

function each(pattern: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
	pattern.lastIndex = 0;
	for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
		visit(m);
		if (m[0].length === 0) pattern.lastIndex++;
	}
}

function isFree(work: string[], start: number, end: number): boolean {
	for (let i = start; i < end; i++) if (work[i] === MASK) return false;
	return true;
}

/** Formatted phones are always phones; an unformatted 11-digit run is one only in its mobile shape. */
function maskPhones(text: string, work: string[]): void {
	each(PHONE_INTL, text, (m) => mask(work, m.index, m.index + m[0].length));
	each(PHONE_TRUNK, text, (m) => {
		const formatted = /[\s()-]/.test(m[0]);
		if (formatted && isFree(work, m.index, m.index + m[0].length)) mask(work, m.index, m.index + m[0].length);
	});
	each(PHONE_LOCAL, text, (m) => {
		if (isFree(work, m.index, m.index + m[0].length)) mask(work, m.index, m.index + m[0].length);
	});
}

function stringLabelVerdict(left: LeftContext): 'reject' | 'labelled' | 'bare' {
	if (left.lookalike && left.lookalike.distance === 0 && left.lookalike.kind !== 'price') {
		// A posting number is also what Ozon shows as the track: "трек 12345678-0001-1" is still the order.
		return left.lookalike.kind === 'track' ? 'bare' : 'reject';
	}
	return left.order || left.neutral ? 'labelled' : 'bare';
}

function findWbStrings(norm: NormalizedOrderText, work: string[], out: Found[]): void {
	for (const [pattern, kind] of WB_STRING_IDS) {
		each(pattern, norm.text, (m) => {
			const start = m.index;
			const end = start + m[0].length;
			if (!isFree(work, start, end)) return;
			if (!/\d/.test(m[0])) return;
			if (kind === 'wb_srid' && /^[0-9a-fA-F]{32}$/.test(m[0]) && !/[a-fA-F]/.test(m[0])) return;
			mask(work, start, end);
			const verdict = stringLabelVerdict(readLeftContext(norm.lower, start));
			if (verdict === 'reject') return;
			const confidence = verdict === 'labelled' ? CONFIDENCE.labelledString : CONFIDENCE.bareString;
			out.push({ number: m[0], start, end, kind, confidence });
		});
	}
}

function findOzonNumbers(norm: NormalizedOrderText, work: string[], out: Found[]): void {
	each(OZON_NUMBER, norm.text, (m) => {
		const start = m.index;
		let end = start + m[0].length;
		if (!isFree(work, start, end)) return;
		const [, head, firstSep, block, secondSep, suffix] = m;
		const left = readLeftContext(norm.lower, start);
		const spacedBlock = /^ +$/.test(firstSep);
		let withSuffix = suffix !== undefined;
		if (withSuffix && / /.test(secondSep) && AFTER_SPACED_BLOCK.test(norm.lower.slice(end))) {
			// "заказ 80640025 0011 2 шт": the 2 is a quantity, not a posting suffix.
			withSuffix = false;
			end = start + head.length + firstSep.length + block.length;
		}
		if (spacedBlock) {
			// Without a hyphen, "12345678 2024 года" or "артикул 2279818939 1234" must not become an order.
			if (AFTER_SPACED_BLOCK.test(norm.lower.slice(start + head.length + firstSep.length + block.length))) return;
			if (!(block.startsWith('0') || withSuffix || left.order)) return;
		}
		const verdict = stringLabelVerdict(left);
		mask(work, start, end);
		if (verdict === 'reject') return;
		const number = withSuffix ? `${head}-${block}-${suffix}` : `${head}-${block}`;
		const labelled = verdict === 'labelled' || readRightContext(norm.lower, end).order !== undefined;
		out.push({
			number,
			start,
			end,
			kind: withSuffix ? 'ozon_posting' : 'ozon_order',
			confidence: labelled ? CONFIDENCE.labelledString : CONFIDENCE.bareString,
		});
	});
}

interface Group {
	digits: string;
	start: number;
	end: number;
}

function splitRun(text: string, start: number, run: string): { groups: Group[]; separators: string[] } {
	const groups: Group[] = [];
	const separators: string[] = [];
	const part = /\d+|[ -]/g;
	for (let m = part.exec(run); m; m = part.exec(run)) {
		if (/\d/.test(m[0])) groups.push({ digits: m[0], start: start + m.index, end: start + m.index + m[0].length });
		else separators.push(m[0]);
	}
	return { groups, separators };
}

function isThousandsGrouping(groups: Group[], separators: string[]): boolean {
	return (
		groups.length >= 2 &&
		separators.every((s) => s === ' ') &&
		groups[0].digits.length <= 3 &&
		groups.slice(1).every((g) => g.digits.length === 3)
	);
}

function isDateShape(groups: Group[]): boolean {
	const lengths = groups.map((g) => g.digits.length).join('-');
	const n = groups.map((g) => Number(g.digits));
	if (lengths === '4-2-2') return n[1] >= 1 && n[1] <= 12 && n[2] >= 1 && n[2] <= 31;
	if (lengths === '2-2-4' || lengths === '2-2-2' || lengths === '1-2-4' || lengths === '2-1-4') {
		return n[0] >= 1 && n[0] <= 31 && n[1] >= 1 && n[1] <= 12;
	}
	return false;
}

function isPassportShape(groups: Group[], separators: string[]): boolean {
	const lengths = groups.map((g) => g.digits.length).join('-');
	return separators.every((s) => s === ' ') && (lengths === '4-6' || lengths === '2-2-6');
}

interface Reading {
	left: LeftContext;
	right: RightContext;
}

function read(norm: NormalizedOrderText, start: number, end: number): Reading {
	return { left: readLeftContext(norm.lower, start), right: readRightContext(norm.lower, end) };
}

function isOrderLabelled({ left, right }: Reading): boolean {
	return left.order !== undefined || right.order !== undefined;
}

/** The confidence of a digit candidate in its context, or null when it is not an order number. */
function judgeDigits(digits: string, reading: Reading, marketplace: Marketplace, joined: boolean): number | null {
	const { left, right } = reading;
	if (right.postfix) return null;
	if (left.lookalike) return null;
	const adjacentOrder = left.order !== undefined && left.order.distance === 0;
	if (right.lookalike && !adjacentOrder) return null;
	const labelled = isOrderLabelled(reading);
	const range = DIGIT_RANGES[marketplace];
	const length = digits.length;
	const gNumber = marketplace === 'wb' && labelled && (length === 19 || length === 20);
	if (!gNumber) {
		if (labelled || left.neutral) {
			if (length < range.minLabelled || length > range.maxLabelled) return null;
		} else if (length < range.minBare || length > range.maxBare) {
			return null;
		}
	}
	if (marketplace === 'ozon' && !labelled) return null;
	// An unformatted mobile number: 8 9xx xxx xx xx, or 9xx xxx xx xx introduced as "мой номер".
	const mobile = (length === 11 && /^[78]9/.test(digits)) || (length === 10 && digits.startsWith('9') && left.possessiveNumber);
	if (mobile) {
		const nearOrder = left.order !== undefined && left.order.distance <= 1;
		return nearOrder ? CONFIDENCE.phoneShapedButLabelled : null;
	}
	if (labelled) {
		if (adjacentOrder) return CONFIDENCE.labelledAdjacent;
		return left.order ? CONFIDENCE.labelled : CONFIDENCE.labelledAfter;
	}
	if (left.neutral) return CONFIDENCE.neutral;
	if (joined) return CONFIDENCE.bareWeak;
	// 9 digits is also an nmId on WB, 12 is past today's ids, 8 is short for YM: kept, but yield to a labelled one.
	const weakLength = marketplace === 'ym' ? length === 8 : length === 9 || length === 12;
	return weakLength ? CONFIDENCE.bareWeak : CONFIDENCE.bare;
}

function digitKind(marketplace: Marketplace, digits: string): OrderNumberKind {
	if (marketplace === 'ozon') return 'ozon_order_id';
	if (marketplace === 'ym') return 'ym_order';
	return digits.length >= 19 ? 'wb_gnumber' : 'wb_order_id';
}

/**
 * A run like "659 066 002" or "3360-0861-120" is one number typed in groups; "38662057 3" is a number and a
 * quantity. Join only when the grouping looks deliberate and the first group is no order number by itself.
 */
function joinedReading(groups: Group[], separators: string[], reading: Reading, range: Range): boolean {
	if (groups.length < 2) return false;
	const labelled = isOrderLabelled(reading);
	const first = groups[0].digits.length;
	const firstAlone = labelled
		? first >= range.minLabelled && first <= range.maxLabelled
		: first >= range.minBare && first <= range.maxBare;
	if (firstAlone) return false;
	if (!separators.every((s) => s === separators[0])) return false;
	if (isDateShape(groups)) return false;
	if (isThousandsGrouping(groups, separators)) return true;
	const lengths = groups.map((g) => g.digits.length);
	if (!lengths.every((n) => n >= 2)) return false;
	if (separators[0] === '-') return true;
	// Other space-separated groupings ("28530 475587") are too easily two numbers; only a label joins them.
	if (isPassportShape(groups, separators)) return labelled;
	return labelled || reading.left.neutral;
}

function findDigitRuns(norm: NormalizedOrderText, work: string[], marketplace: Marketplace, out: Found[]): void {
	const workText = work.join('');
	const range = DIGIT_RANGES[marketplace];
	const passportMentioned = /паспорт/.test(norm.lower);
	each(DIGIT_RUN, workText, (m) => {
		const runStart = m.index;
		const runEnd = runStart + m[0].length;
		// Decimals ("17,5"), fractions and model numbers ("EP2231/40") and ids glued to Latin letters.
		if (/^[.,/]\d|^[A-Za-z]/.test(workText.slice(runEnd, runEnd + 2))) return;
		const { groups, separators } = splitRun(workText, runStart, m[0]);
		const shortest = Math.min(range.minLabelled, range.minBare);
		if (groups.reduce((n, g) => n + g.digits.length, 0) < shortest) return;
		const whole = read(norm, runStart, runEnd);
		if (joinedReading(groups, separators, whole, range)) {
			const digits = groups.map((g) => g.digits).join('');
			const passport = isPassportShape(groups, separators) && passportMentioned;
			const confidence = passport ? null : judgeDigits(digits, whole, marketplace, !isOrderLabelled(whole));
			if (confidence !== null) {
				out.push({ number: digits, start: runStart, end: runEnd, kind: digitKind(marketplace, digits), confidence });
				return;
			}
			if (whole.left.lookalike || whole.right.postfix) return;
		}
		// Groups of a hyphenated code that is not one number ("57195475-0050-3" on YM) are no order ids.
		if (separators.includes('-')) return;
		for (const group of groups) {
			if (group.digits.length < shortest) continue;
			const confidence = judgeDigits(group.digits, read(norm, group.start, group.end), marketplace, false);
			if (confidence === null) continue;
			out.push({
				number: group.digits,
				start: group.start,
				end: group.end,
				kind: digitKind(marketplace, group.digits),
				confidence,
			});
		}
	});
}

/**
 * Every order number in the text, in text order, look-alikes (articles, phones, codes, barcodes, tracks,
 * prices, dates, sizes, documents) already rejected.
 */
export function findOrderNumbers(text: string, marketplace: Marketplace): OrderNumberCandidate[] {
	assertInput(text, marketplace);
	const norm = normalizeOrderText(text);
	const work = norm.text.split('');
	each(URL, norm.text, (m) => mask(work, m.index, m.index + m[0].length));
	const found: Found[] = [];
	if (marketplace === 'wb') findWbStrings(norm, work, found);
	maskPhones(norm.text, work);
	if (marketplace === 'ozon') findOzonNumbers(norm, work, found);
	each(DATE, work.join(''), (m) => mask(work, m.index, m.index + m[0].length));
	findDigitRuns(norm, work, marketplace, found);
	return found
		.sort((a, b) => a.start - b.start)
		.map((f) => {
			const [start, end] = originalSpan(norm, f.start, f.end);
			return { number: f.number, start, end, raw: text.slice(start, end), kind: f.kind, confidence: f.confidence };
		});
}

/** The order number the buyer gave (the first one when there are several), or null. */
export function extractOrderNumber(text: string, marketplace: Marketplace): string | null {
	const candidates = findOrderNumbers(text, marketplace);
	if (candidates.length === 0) return null;
	const best = Math.max(...candidates.map((c) => c.confidence));
	const chosen = candidates.find((c) => c.confidence >= best - FIRST_WINS_MARGIN - 1e-9);
	return chosen ? chosen.number : null;
}
