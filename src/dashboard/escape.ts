// Every string that reaches the page goes through here: product names, review quotes and topic labels come from
// buyers and sellers, so they are data, never markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A share 0..1 as a percentage with one decimal ("87.5%"); "—" when unknown. */
export function percent(share: number | null | undefined): string {
	if (share === null || share === undefined || !Number.isFinite(share)) return '—';
	return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** Minutes as "<1 min", "45 min", "3.5 h" or "2.1 d"; "—" when unknown. */
export function duration(minutes: number | null | undefined): string {
	if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
	if (minutes < 1) return '<1 min';
	if (minutes < 60) return `${Math.round(minutes)} min`;
	if (minutes < 1440) return `${(Math.round((minutes / 60) * 10) / 10).toFixed(1)} h`;
	return `${(Math.round((minutes / 1440) * 10) / 10).toFixed(1)} d`;
}
