import { escapeHtml } from './escape';

// Inline SVG charts: no script, no external file, so the page works on an n8n without internet access and in any
// browser. Sizes are fixed in the viewBox and the SVG scales to its container.

export interface Bar {
	label: string;
	value: number;
	/** Text printed above the bar (e.g. "12" or "87.5%"). */
	caption: string;
	/** Optional colour; the default is the accent blue. */
	color?: string;
}

const WIDTH = 480;
const HEIGHT = 240;
const PAD = { top: 28, right: 12, bottom: 40, left: 12 };

/** A vertical bar chart. `max` fixes the scale (1 for shares); by default the largest value fills the height. */
export function barChart(title: string, bars: Bar[], options: { max?: number; id?: string } = {}): string {
	const max = options.max ?? Math.max(0, ...bars.map((b) => b.value));
	const plotW = WIDTH - PAD.left - PAD.right;
	const plotH = HEIGHT - PAD.top - PAD.bottom;
	const slot = bars.length > 0 ? plotW / bars.length : plotW;
	const barW = Math.min(72, slot * 0.6);
	const parts: string[] = [];
	bars.forEach((bar, i) => {
		const h = max > 0 ? Math.max(0, Math.min(1, bar.value / max)) * plotH : 0;
		const x = PAD.left + i * slot + (slot - barW) / 2;
		const y = PAD.top + plotH - h;
		const cx = x + barW / 2;
		parts.push(
			`<g class="bar" data-label="${escapeHtml(bar.label)}" data-value="${bar.value}">` +
				`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${Math.max(h, 1).toFixed(1)}" rx="3" fill="${escapeHtml(bar.color ?? '#1f6feb')}"/>` +
				`<text x="${cx.toFixed(1)}" y="${(y - 6).toFixed(1)}" text-anchor="middle" class="caption">${escapeHtml(bar.caption)}</text>` +
				`<text x="${cx.toFixed(1)}" y="${(HEIGHT - PAD.bottom + 18).toFixed(1)}" text-anchor="middle" class="axis">${escapeHtml(bar.label)}</text>` +
				`</g>`,
		);
	});
	const baseline = `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}" stroke="#8b949e" stroke-width="1"/>`;
	const empty = bars.length === 0 ? `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle" class="axis">No data</text>` : '';
	const id = options.id ? ` id="${escapeHtml(options.id)}"` : '';
	return (
		`<svg${id} class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">` +
		`<title>${escapeHtml(title)}</title>${baseline}${parts.join('')}${empty}</svg>`
	);
}

/** A small horizontal interval (0..1 scale) with the point estimate, for confidence intervals in a table cell. */
export function intervalBar(point: number | null, ci: { low: number; high: number } | null): string {
	const w = 120;
	const h = 14;
	if (point === null || ci === null) return '';
	const x = (v: number): string => (Math.max(0, Math.min(1, v)) * w).toFixed(1);
	return (
		`<svg class="interval" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">` +
		`<rect x="0" y="6" width="${w}" height="2" fill="#d0d7de"/>` +
		`<rect x="${x(ci.low)}" y="3" width="${(Math.max(0, Math.min(1, ci.high) - Math.max(0, ci.low)) * w).toFixed(1)}" height="8" rx="2" fill="#9ecbff"/>` +
		`<circle cx="${x(point)}" cy="7" r="3.5" fill="#1f6feb"/></svg>`
	);
}
