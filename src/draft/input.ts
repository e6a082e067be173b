import { z } from 'zod';
import { EMOTIONS, INTENTS, SENTIMENTS } from '../classify/types';
import { channelSchema, marketplaceSchema } from '../interaction';
import { TONES, type DraftInput, type UpsellInput } from './types';

// Drafts are built from data a workflow passes in by hand as often as from the nodes, so a wrong field gets an
// error that names the field and the item instead of a broken text.

const text = (max: number) => z.string().max(max);

const characteristicSchema = z.object({ name: text(200).min(1), value: text(2000) });

const sizeTableSchema = z
	.object({
		columns: z.array(text(100)).min(1).max(30),
		rows: z.array(z.object({ size: text(40).min(1), values: z.array(text(100)) })).max(100),
	})
	.superRefine((t, ctx) => {
		t.rows.forEach((row, i) => {
			if (row.values.length !== t.columns.length) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['rows', i, 'values'],
					message: `has ${row.values.length} values for ${t.columns.length} columns`,
				});
			}
		});
	});

export const draftInputSchema = z.object({
	interaction: z.object({
		id: z.string().min(1),
		marketplace: marketplaceSchema,
		channel: channelSchema,
		text: z.string(),
		rating: z.number().int().min(1).max(5).optional(),
		productName: text(500).optional(),
		buyerName: text(200).optional(),
		orderNumber: text(60).optional(),
	}),
	classification: z.object({
		intent: z.enum(INTENTS),
		emotion: z.enum(EMOTIONS),
		sentiment: z.enum(SENTIMENTS),
		signals: z
			.object({
				churnRisk: z.boolean().optional(),
				repeatContact: z.number().int().min(0).optional(),
				orderNumber: z.string().nullable().optional(),
			})
			.passthrough()
			.optional(),
	}),
	tone: z.enum(TONES),
	product: z
		.object({
			name: text(500).optional(),
			characteristics: z.array(characteristicSchema).max(300).optional(),
			sizeTable: sizeTableSchema.nullable().optional(),
		})
		.optional(),
	order: z
		.object({
			number: z.string().min(1).max(60),
			productName: text(500).optional(),
			size: text(40).optional(),
			status: text(100).optional(),
		})
		.optional(),
	signature: text(200).optional(),
	maxLength: z.number().int().min(60).optional(),
	recentReplies: z.array(z.string()).max(1000).optional(),
	seed: z.string().min(1).optional(),
});

const upsellSchema = draftInputSchema.extend({
	relatedProducts: z
		.array(
			z.object({
				name: text(300).min(1),
				nmId: z.union([z.string().regex(/^\d{3,15}$/, 'must be digits'), z.number().int().positive()]).optional(),
			}),
		)
		.min(1)
		.max(20),
	// A code, not a sentence or an address: letters, digits, "-" and "_" only.
	promoCode: z
		.string()
		.regex(/^[\p{L}\p{N}_-]{2,40}$/u, 'must be 2..40 letters, digits, "-" or "_"')
		.optional(),
});

function describe(error: z.ZodError, raw: unknown, fn: string): string {
	const id = (raw as { interaction?: { id?: unknown } } | null)?.interaction?.id;
	const item = typeof id === 'string' && id ? ` (item ${id})` : '';
	const issues = error.issues.slice(0, 3).map((i) => `"${i.path.join('.') || 'input'}" ${i.message}`);
	return `${fn}${item}: ${issues.join('; ')}`;
}

export function parseDraftInput(raw: unknown, fn: string): DraftInput {
	const r = draftInputSchema.safeParse(raw);
	if (!r.success) throw new TypeError(describe(r.error, raw, fn));
	return r.data as DraftInput;
}

export function parseUpsellInput(raw: unknown, fn: string): UpsellInput {
	const r = upsellSchema.safeParse(raw);
	if (!r.success) throw new TypeError(describe(r.error, raw, fn));
	return r.data as UpsellInput;
}
