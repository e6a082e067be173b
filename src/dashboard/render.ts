import { barChart, intervalBar, type Bar } from './charts';
import { duration, escapeHtml, percent } from './escape';
import type { DashboardData, DashboardProblem, DashboardSpike } from './input';

// The whole dashboard as one self-contained HTML page: inline CSS and SVG, no script, no external request. Every
// number on it comes from the Metrics summary and the Quality Alert items; every string is escaped.

export interface RenderOptions {
	title: string;
	/** ISO date-time printed as "generated at". */
	generatedAt: string;
	/** Reviews fetched for the period, when the workflow counts them (Metrics may see only a part). */
	reviewCount?: number;
	/** What the SLA and response-time figures are measured on, printed under them (e.g. "questions"). */
	measuredOn?: string;
}

const TOPIC_LABELS: Record<string, string> = {
	defect: 'defect',
	wrong_item: 'wrong item',
	quality: 'quality',
	smell: 'smell',
	size: 'size',
	delivery: 'delivery',
	packaging: 'packaging',
	return: 'return',
	other: 'other',
};

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f8fa}
header{background:#0d1117;color:#f0f6fc;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#9da7b3}
main{padding:20px 28px;display:grid;gap:20px}section{background:#fff;border:1px solid #d0d7de;border-radius:10px;padding:16px 20px}
h2{margin:0 0 12px;font-size:16px}.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.kpi{background:#fff;border:1px solid #d0d7de;border-radius:10px;padding:12px 16px}.kpi .label{color:#656d76;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.kpi .value{font-size:26px;font-weight:600}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:20px}
svg.chart{width:100%;height:auto;max-width:560px}svg .caption{font-size:13px;font-weight:600;fill:#1f2328}svg .axis{font-size:12px;fill:#656d76}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}th{color:#656d76;font-weight:600;font-size:12px}
td.num{text-align:right;font-variant-numeric:tabular-nums}.tag{display:inline-block;background:#eaeef2;border-radius:10px;padding:0 8px;margin:0 4px 2px 0;font-size:12px}
.spike{color:#cf222e;font-weight:600}.alert{border-left:4px solid #cf222e;padding:6px 12px;margin:0 0 12px}.alert blockquote{margin:4px 0;color:#424a53;font-style:italic}
.muted{color:#656d76}.note{color:#656d76;font-size:12px;margin:8px 0 0}
`;

function kpi(key: string, label: string, value: string): string {
	return `<div class="kpi" data-kpi="${escapeHtml(key)}"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div></div>`;
}

function productLabel(p: { productId: string; productName?: string }): string {
	return p.productName ? `${escapeHtml(p.productName)} <span class="muted">(${escapeHtml(p.productId)})</span>` : escapeHtml(p.productId);
}

function topics(list: Array<{ topic: string; count: number }>): string {
	return list.map((t) => `<span class="tag">${escapeHtml(TOPIC_LABELS[t.topic] ?? t.topic)} · ${t.count}</span>`).join('');
}

function problemsTable(rows: DashboardProblem[]): string {
	if (rows.length === 0) return '<p class="muted">No product has enough reviews in the period.</p>';
	const body = rows
		.map(
			(p) =>
				`<tr data-product-id="${escapeHtml(p.productId)}"><td class="num">${p.rank}</td><td>${productLabel(p)}${p.spike ? ' <span class="spike">spike</span>' : ''}</td>` +
				`<td class="num">${p.reviews}</td><td class="num">${p.negative}</td><td class="num">${percent(p.negativeShare)}</td>` +
				`<td class="num">${percent(p.previousShare)}</td><td>${topics(p.topTopics)}</td></tr>`,
		)
		.join('');
	return (
		'<table id="problems"><thead><tr><th>#</th><th>Product</th><th>Reviews</th><th>Negative</th><th>Negative share</th>' +
		`<th>Previous period</th><th>Top complaints</th></tr></thead><tbody>${body}</tbody></table>`
	);
}

function alertsList(spikes: DashboardSpike[]): string {
	if (spikes.length === 0) return '<p class="muted" id="alerts">No product’s negative share jumped in this period.</p>';
	return (
		'<div id="alerts">' +
		spikes
			.map(
				(a) =>
					`<div class="alert" data-product-id="${escapeHtml(a.productId)}"><strong>${productLabel(a)}</strong>: ${escapeHtml(a.summary)}` +
					`<div>${topics(a.topTopics)}</div>` +
					a.quotes.map((q) => `<blockquote>${q.rating !== undefined ? `${q.rating}★ ` : ''}«${escapeHtml(q.text)}»</blockquote>`).join('') +
					'</div>',
			)
			.join('') +
		'</div>'
	);
}

function abTable(data: DashboardData): string {
	const rows = (['tone', 'template'] as const).flatMap((dimension) =>
		data.summary.abTests[dimension].map(
			(v) =>
				`<tr data-dimension="${dimension}" data-variant="${escapeHtml(v.variant)}"><td>${dimension}</td><td>${escapeHtml(v.variant)}</td>` +
				`<td class="num">${v.n}</td><td class="num">${v.wins}</td><td class="num">${percent(v.winRate)}</td>` +
				`<td class="num">${v.ci95 ? `${percent(v.ci95.low)} – ${percent(v.ci95.high)}` : '—'}</td><td>${intervalBar(v.winRate, v.ci95)}</td>` +
				`<td class="num">${v.withoutOutcome}</td></tr>`,
		),
	);
	if (rows.length === 0) return '<p class="muted" id="ab">No reply carries a tone or template in this period.</p>';
	return (
		'<table id="ab"><thead><tr><th>Dimension</th><th>Variant</th><th>With outcome</th><th>Wins</th><th>Win rate</th><th>95% Wilson interval</th><th></th>' +
		`<th>Without outcome</th></tr></thead><tbody>${rows.join('')}</tbody></table>` +
		'<p class="note">A win is a recorded outcome, else a review whose rating rose after the reply. Overlapping intervals mean the difference may be chance.</p>'
	);
}

export function renderDashboard(data: DashboardData, options: RenderOptions): string {
	const s = data.summary;
	const rt = s.responseTimeMinutes;
	const timingBars: Bar[] = s.timing.map((t) => ({ label: t.bucket, value: t.count, caption: String(t.count) }));
	const slaBars: Bar[] = s.sla.byPriority.map((p) => ({
		label: p.priority,
		value: p.compliance ?? 0,
		caption: percent(p.compliance),
		color: p.compliance === null ? '#d0d7de' : p.compliance >= 0.9 ? '#2da44e' : p.compliance >= 0.7 ? '#bf8700' : '#cf222e',
	}));
	const period = `${s.period.start ? escapeHtml(s.period.start.slice(0, 10)) : 'all time'} – ${escapeHtml(s.period.end.slice(0, 10))}`;
	const measured = options.measuredOn ? `<p class="note">Measured on ${escapeHtml(options.measuredOn)}.</p>` : '';
	const kpis = [
		...(options.reviewCount !== undefined ? [kpi('reviews', 'Reviews', String(options.reviewCount))] : []),
		kpi('interactions', 'Interactions measured', String(s.interactions)),
		kpi('replied', 'Replied', String(s.replied)),
		kpi('unreplied', 'Unreplied', String(s.unreplied)),
		kpi('sla-compliance', 'SLA compliance', percent(s.sla.compliance)),
		kpi('sla-breached', 'SLA breached', String(s.sla.breached)),
		kpi('median-response', 'Median response', duration(rt?.median)),
		kpi('p90-response', 'p90 response', duration(rt?.p90)),
		kpi('alerts', 'Quality alerts', String(data.spikes.length)),
	].join('');
	return (
		'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
		`<title>${escapeHtml(options.title)}</title><style>${CSS}</style></head><body>` +
		`<header><h1>${escapeHtml(options.title)}</h1><p>Period ${period} · generated ${escapeHtml(options.generatedAt)}</p></header><main>` +
		`<div class="kpis">${kpis}</div>` +
		'<div class="charts">' +
		`<section><h2>Response times</h2>${barChart('Replies by response time', timingBars, { id: 'chart-timing' })}${measured}</section>` +
		`<section><h2>SLA compliance by priority</h2>${barChart('SLA compliance by priority', slaBars, { max: 1, id: 'chart-sla' })}${measured}</section>` +
		'</div>' +
		`<section><h2>Top problem products</h2>${problemsTable(data.problems)}</section>` +
		`<section><h2>Quality alerts</h2>${alertsList(data.spikes)}</section>` +
		`<section><h2>A/B tests</h2>${abTable(data)}</section>` +
		'</main></body></html>'
	);
}
