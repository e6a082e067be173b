import { z } from 'zod';

// The product's contract (shared/reference/taxonomy.md): every trigger emits one Interaction per item,
// whatever the marketplace, so Classify, Draft and every template work unchanged.

export const MARKETPLACES = ['wb', 'ozon', 'ym'] as const;
export const CHANNELS = ['review', 'question', 'chat'] as const;

export const marketplaceSchema = z.enum(MARKETPLACES);
export const channelSchema = z.enum(CHANNELS);

export type Marketplace = z.infer<typeof marketplaceSchema>;
export type Channel = z.infer<typeof channelSchema>;

export const historyEntrySchema = z.object({
	from: z.enum(['buyer', 'seller']),
	text: z.string(),
	at: z.string(),
});

export const interactionSchema = z.object({
	id: z.string().min(1),
	marketplace: marketplaceSchema,
	channel: channelSchema,
	externalId: z.string().min(1),
	text: z.string(),
	rating: z.number().int().min(1).max(5).optional(),
	productId: z.string().optional(),
	productName: z.string().optional(),
	buyerId: z.string().optional(),
	buyerName: z.string().optional(),
	chatId: z.string().optional(),
	orderNumber: z.string().optional(),
	createdAt: z.string(),
	answered: z.boolean(),
	history: z.array(historyEntrySchema).optional(),
	raw: z.unknown(),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type Interaction = z.infer<typeof interactionSchema>;

/** `wb:review:123` — unique across marketplaces and channels. */
export function interactionId(marketplace: Marketplace, channel: Channel, externalId: string): string {
	return `${marketplace}:${channel}:${externalId}`;
}
