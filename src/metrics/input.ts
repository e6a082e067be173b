import { CHANNELS, type Channel } from '../interaction';
import { InputFieldError } from '../interaction-input';

// One interaction of the period with what happened to it, read from the fields the other nodes write:
//   createdAt                                   — when the buyer wrote (required)
//   classification.{intent, emotion, priority, slaMinutes, dueAt}   — from AgentIQ Classify
//   draft.{text, tone, templateId}              — from AgentIQ Draft
//   reply.{sentAt | at, text, status, mode?}    — from the Wildberries node (reply.status "skipped" = no reply);
//                                                 a flat `repliedAt` works too
//   rating, ratingAfter                         — the review's stars when it came and after the reply
//   outcome.win (boolean)                       — an explicit A/B outcome when the team records one
// Fields that are absent leave their metric out; fields that are present but malformed are an error naming them.

export const REPLY_MODES = ['auto', 'edited', 'manual'] as const;
export type ReplyMode = (typeof REPLY_MODES)[number];

export interface MetricsRecord {
	channel?: Channel;
	createdAt: number;
	intent?: string;
	emotion?: string;
	priority?: string;
	slaMinutes?: number;
	/** Milliseconds; from classification.dueAt, else createdAt + slaMinutes. */
	dueAt?: number;
	repliedAt?: number;
	/** How the reply was written; `unknown` when a reply has neither a mode nor a text to compare. */
	mode?: ReplyMode | 'unknown';
	tone?: string;
	template?: string;
	rating?: number;
	ratingAfter?: number;
	win?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function time(value: unknown, field: string, itemIndex: number): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
	if (!Number.isFinite(ms)) throw new InputFieldError(field, `"${field}" must be an ISO date-time in item ${itemIndex} (got ${JSON.stringify(value)})`);
	return ms;
}

function stars(value: unknown, field: string, itemIndex: number): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const r = Number(value);
	if (!Number.isInteger(r) || r < 1 || r > 5) throw new InputFieldError(field, `"${field}" must be a whole number from 1 to 5 in item ${itemIndex} (got ${JSON.stringify(value)})`);
	return r;
}

function label(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

// Whitespace and letter case do not make a draft "edited".
const same = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

export function readMetricsRecord(json: Record<string, unknown>, itemIndex: number): MetricsRecord {
	const createdAt = time(json.createdAt, 'createdAt', itemIndex);
	if (createdAt === undefined) throw new InputFieldError('createdAt', `"createdAt" is missing in item ${itemIndex}`);
	const channel = json.channel;
	if (channel !== undefined && !(CHANNELS as readonly unknown[]).includes(channel)) {
		throw new InputFieldError('channel', `"channel" must be one of ${CHANNELS.join(', ')} in item ${itemIndex} (got ${JSON.stringify(channel)})`);
	}
	const c = isRecord(json.classification) ? json.classification : {};
	const draft = isRecord(json.draft) ? json.draft : undefined;
	const reply = isRecord(json.reply) && json.reply.status !== 'skipped' ? json.reply : undefined;
	const record: MetricsRecord = { createdAt, channel: channel as Channel | undefined };
	record.intent = label(c.intent);
	record.emotion = label(c.emotion);
	record.priority = label(c.priority);
	if (c.slaMinutes !== undefined && c.slaMinutes !== null) {
		const m = Number(c.slaMinutes);
		if (!Number.isFinite(m) || m < 0) throw new InputFieldError('classification.slaMinutes', `"classification.slaMinutes" must be a number of minutes in item ${itemIndex} (got ${JSON.stringify(c.slaMinutes)})`);
		record.slaMinutes = m;
	}
	record.dueAt = time(c.dueAt, 'classification.dueAt', itemIndex) ?? (record.slaMinutes !== undefined ? createdAt + record.slaMinutes * 60_000 : undefined);

	const replyTimeField = reply ? (reply.sentAt !== undefined ? 'reply.sentAt' : 'reply.at') : 'repliedAt';
	record.repliedAt = time(reply ? (reply.sentAt ?? reply.at) : json.repliedAt, replyTimeField, itemIndex);
	if (reply && record.repliedAt === undefined) {
		throw new InputFieldError('reply.sentAt', `"reply.sentAt" (when the reply was sent) is missing in item ${itemIndex}`);
	}
	if (record.repliedAt !== undefined && record.repliedAt < createdAt) {
		throw new InputFieldError(replyTimeField, `"${replyTimeField}" is before "createdAt" in item ${itemIndex}`);
	}
	if (record.repliedAt !== undefined) {
		const mode = reply?.mode ?? json.replyMode;
		if (mode !== undefined) {
			if (!(REPLY_MODES as readonly unknown[]).includes(mode)) {
				throw new InputFieldError('reply.mode', `"reply.mode" must be one of ${REPLY_MODES.join(', ')} in item ${itemIndex} (got ${JSON.stringify(mode)})`);
			}
			record.mode = mode as ReplyMode;
		} else if (!draft || typeof draft.text !== 'string') record.mode = 'manual';
		else if (reply && typeof reply.text === 'string') record.mode = same(reply.text, draft.text) ? 'auto' : 'edited';
		else record.mode = 'unknown';
	}
	record.tone = label(draft?.tone) ?? label(reply?.tone);
	record.template = label(draft?.templateId) ?? label(draft?.template) ?? label(reply?.template);
	record.rating = stars(json.rating, 'rating', itemIndex);
	record.ratingAfter = stars(json.ratingAfter, 'ratingAfter', itemIndex);
	const outcome = isRecord(json.outcome) ? json.outcome : undefined;
	if (outcome && outcome.win !== undefined) {
		if (typeof outcome.win !== 'boolean') throw new InputFieldError('outcome.win', `"outcome.win" must be true or false in item ${itemIndex} (got ${JSON.stringify(outcome.win)})`);
		record.win = outcome.win;
	}
	return record;
}
