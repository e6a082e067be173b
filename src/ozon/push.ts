import { z } from 'zod';

import type { Interaction } from '../interaction';
import { idString } from './json';
import { chatSender, isBuyerChat, normaliseChatMessage } from './normalise';

// Ozon push notifications (shared/specs/ozon/push-notifications.md): Ozon POSTs JSON with `message_type` to the
// URL the seller registers. TYPE_PING must get 200 {version, name, time}; every other accepted notification
// 200 {result: true}; a failure 4xx/5xx {error: {code, message, details}} with code ERROR_UNKNOWN,
// ERROR_PARAMETER_VALUE_MISSED or ERROR_REQUEST_DUPLICATED. Ozon signs nothing, so what can be checked is the
// shape, the seller id and (optionally) the sender's address: notifications come from 195.34.21.0/24,
// 185.73.192.0/22 and 91.223.93.0/24.

export const OZON_PUSH_NETWORKS = ['195.34.21.0/24', '185.73.192.0/22', '91.223.93.0/24'] as const;

export type PushErrorCode = 'ERROR_UNKNOWN' | 'ERROR_PARAMETER_VALUE_MISSED' | 'ERROR_REQUEST_DUPLICATED';

export interface PushError {
	status: number;
	body: { error: { code: PushErrorCode; message: string; details: string | null } };
}

export type PushOutcome =
	| { kind: 'ping'; body: { version: string; name: string; time: string } }
	| { kind: 'message'; interaction: Interaction; messageId: string }
	| { kind: 'ignored'; reason: string; body: { result: true } }
	| { kind: 'invalid'; error: PushError };

export function pushError(status: number, code: PushErrorCode, message: string, details: string | null = null): PushError {
	return { status, body: { error: { code, message, details } } };
}

const idLike = z.union([z.string().min(1), z.number()]).transform((v) => String(v));

// seller_id is int64 in the table and a string in the examples ("7"): both are accepted.
const newMessageSchema = z.object({
	message_type: z.literal('TYPE_NEW_MESSAGE'),
	chat_id: z.string().min(1),
	chat_type: z.string().min(1),
	message_id: idLike,
	created_at: z.string().refine((s) => Number.isFinite(Date.parse(s)), 'must be a date-time'),
	user: z.object({ id: idLike.optional(), type: z.string().min(1) }).passthrough(),
	data: z.array(z.string()),
	seller_id: idLike.optional(),
	context: z.object({ order_number: z.string().nullish(), sku: idLike.nullish() }).passthrough().nullish(),
}).passthrough();

function describeIssue(error: z.ZodError): string {
	const first = error.issues[0];
	return first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'invalid body';
}

export interface PushOptions {
	/** When set, notifications for another seller are refused. */
	sellerId?: string;
	appName: string;
	appVersion: string;
	now: () => Date;
}

/**
 * Reads one push request body (already parsed JSON, or the raw text when it did not parse) and says what to do.
 * Only new buyer messages become Interactions; everything else is acknowledged quietly.
 */
export function handlePush(body: unknown, options: PushOptions): PushOutcome {
	if (typeof body === 'string' || body === undefined || body === null) {
		return { kind: 'invalid', error: pushError(400, 'ERROR_PARAMETER_VALUE_MISSED', 'The request body must be a JSON object with message_type') };
	}
	if (typeof body !== 'object' || Array.isArray(body)) {
		return { kind: 'invalid', error: pushError(400, 'ERROR_PARAMETER_VALUE_MISSED', 'The request body must be a JSON object with message_type') };
	}
	const record = body as Record<string, unknown>;
	const type = record.message_type;
	if (typeof type !== 'string' || !type) {
		return { kind: 'invalid', error: pushError(400, 'ERROR_PARAMETER_VALUE_MISSED', 'message_type is missing') };
	}
	if (type === 'TYPE_PING') {
		if (typeof record.time !== 'string' || !Number.isFinite(Date.parse(record.time))) {
			return { kind: 'invalid', error: pushError(400, 'ERROR_PARAMETER_VALUE_MISSED', 'TYPE_PING needs time as a date-time') };
		}
		return { kind: 'ping', body: { version: options.appVersion, name: options.appName, time: options.now().toISOString() } };
	}
	if (options.sellerId !== undefined && options.sellerId !== '' && record.seller_id !== undefined) {
		const got = idString(record.seller_id) ?? String(record.seller_id);
		if (got !== options.sellerId) {
			return { kind: 'invalid', error: pushError(403, 'ERROR_UNKNOWN', `The notification is for seller ${got}, not for ${options.sellerId}`) };
		}
	}
	if (type !== 'TYPE_NEW_MESSAGE') return { kind: 'ignored', reason: `${type} is not a new buyer message`, body: { result: true } };
	const parsed = newMessageSchema.safeParse(body);
	if (!parsed.success) {
		return { kind: 'invalid', error: pushError(400, 'ERROR_PARAMETER_VALUE_MISSED', `TYPE_NEW_MESSAGE is malformed: ${describeIssue(parsed.error)}`) };
	}
	const n = parsed.data;
	if (!isBuyerChat(n.chat_type.replace(/[-\s]/g, '_'))) return { kind: 'ignored', reason: `chat type ${n.chat_type} is not a buyer chat`, body: { result: true } };
	if (chatSender(n.user.type) !== 'buyer') return { kind: 'ignored', reason: `sender ${n.user.type} is not the buyer`, body: { result: true } };
	const messageId = idString(n.message_id) ?? n.message_id;
	const interaction = normaliseChatMessage(
		{
			message_id: messageId,
			user: { ...n.user, type: 'Customer' },
			created_at: n.created_at,
			data: n.data,
			...(n.context ? { context: n.context } : {}),
		},
		{ chatId: n.chat_id, answered: false, extraRaw: { push: body } },
	);
	return { kind: 'message', interaction, messageId };
}

function ipv4ToInt(ip: string): number | undefined {
	const m = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip.trim());
	if (!m) return undefined;
	const parts = m.slice(1).map(Number);
	if (parts.some((p) => p > 255)) return undefined;
	return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

/** Whether an IPv4 address (also IPv4-mapped IPv6) is in one of the CIDR networks. */
export function ipInNetworks(ip: string, networks: readonly string[]): boolean {
	const value = ipv4ToInt(ip);
	if (value === undefined) return false;
	return networks.some((cidr) => {
		const [base, bitsText] = cidr.split('/');
		const start = ipv4ToInt(base);
		const bits = Number(bitsText);
		if (start === undefined || !(bits >= 0 && bits <= 32)) return false;
		const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
		return ((value & mask) >>> 0) === ((start & mask) >>> 0);
	});
}
