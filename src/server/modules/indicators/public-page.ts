import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { occupancy } from '../../../domain/indicators/index.ts';
import type { Queryable } from '../../db/pool.ts';
import { declarePlainRoute, publicRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { defaultSharedDataDir } from '../../seed/reference-data.ts';
import { lastRefresh } from './figures.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
const num = (n: number, digits = 0) => n.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Published national occupants per month 2012–2021 (shared/data/occupancy), for the historical chart. */
let history: Array<{ month: string; total: number }> | null = null;
function publishedHistory(): Array<{ month: string; total: number }> {
  if (history) return history;
  try {
    const text = readFileSync(path.join(defaultSharedDataDir(), 'occupancy', 'national-monthly-2012-2021.csv'), 'utf8');
    history = text.trim().split(/\r?\n/).slice(1).map((l) => {
      const [month, , , total] = l.split(',');
      return { month: month!, total: Number(total) };
    }).filter((r) => Number.isFinite(r.total));
  } catch {
    history = [];
  }
  return history;
}

/** A small inline SVG line chart (no script, no library). */
function lineChart(points: Array<{ label: string; value: number }>, title: string): string {
  if (points.length === 0) return '';
  const W = 640;
  const H = 180;
  const pad = 30;
  const max = Math.max(...points.map((p) => p.value));
  const min = Math.min(...points.map((p) => p.value));
  const x = (i: number) => pad + ((W - pad * 2) * i) / Math.max(1, points.length - 1);
  const y = (v: number) => H - pad - ((H - pad * 2) * (v - min)) / Math.max(1, max - min);
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}" width="100%" style="max-width:720px">
<path d="${d}" fill="none" stroke="#1c7ed6" stroke-width="2"/>
<text x="${pad}" y="14" font-size="11">${num(max)}</text><text x="${pad}" y="${H - 4}" font-size="11">${esc(points[0]!.label)}</text>
<text x="${W - pad}" y="${H - 4}" font-size="11" text-anchor="end">${esc(points[points.length - 1]!.label)}</text></svg>`;
}

function barChart(points: Array<{ label: string; value: number }>, title: string): string {
  const W = 640;
  const H = 160;
  const pad = 24;
  const max = Math.max(1, ...points.map((p) => p.value));
  const bw = (W - pad * 2) / Math.max(1, points.length);
  const bars = points.map((p, i) => {
    const h = ((H - pad * 2) * p.value) / max;
    return `<rect x="${(pad + bw * i + 3).toFixed(1)}" y="${(H - pad - h).toFixed(1)}" width="${(bw - 6).toFixed(1)}" height="${h.toFixed(1)}" fill="#2f9e44"/><text x="${(pad + bw * i + bw / 2).toFixed(1)}" y="${H - 6}" font-size="10" text-anchor="middle">${esc(p.label)}</text>`;
  });
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}" width="100%" style="max-width:720px">${bars.join('')}</svg>`;
}

interface Headline { code: string; name: string; value: number; denominator: number | null; scale: number; ratio: boolean; unit: string }

/** National figures of the year to date from the rollups (sums; ratios of sums; levels at the latest month). */
export async function publicFigures(q: Queryable, today: string) {
  const year = today.slice(0, 4);
  const rows = await q.query<{ code: string; name: string; scale: number; ratio: boolean; unit: string; time_aggregate: string; month: string; value: number; denominator: number | null }>(
    `SELECT i.code, i.name_id AS name, i.scale, i.ratio, i.unit, i.time_aggregate, r.month, sum(r.value)::bigint AS value, sum(r.denominator)::bigint AS denominator
       FROM indicator_rollup_kanwil r JOIN indicator i ON i.id = r.indicator_id
      WHERE i.active AND i.code = ANY($1::text[]) AND r.month BETWEEN $2::date AND $3::date
      GROUP BY i.code, i.name_id, i.scale, i.ratio, i.unit, i.time_aggregate, r.month ORDER BY r.month`,
    [['KPI-PANGAN-PANEN', 'RP20-08', 'KPI-KERJA-HARI', 'KPI-PREMI', 'RP20-02', 'RP20-09', 'RP20-10', 'KPI-PRODUKSI'], `${year}-01-01`, `${today.slice(0, 7)}-01`],
  );
  const byCode = new Map<string, typeof rows>();
  for (const r of rows) (byCode.get(r.code) ?? byCode.set(r.code, []).get(r.code)!).push(r);
  const headlines: Headline[] = [...byCode.entries()].map(([code, rs]) => {
    const last = rs[rs.length - 1]!;
    const use = last.time_aggregate === 'last' ? [last] : rs;
    return { code, name: last.name, scale: last.scale, ratio: last.ratio, unit: last.unit, value: use.reduce((s, r) => s + Number(r.value), 0), denominator: last.ratio ? use.reduce((s, r) => s + Number(r.denominator ?? 0), 0) : null };
  });
  const harvestByMonth = (byCode.get('KPI-PANGAN-PANEN') ?? []).map((r) => ({ label: r.month.slice(5, 7), value: Number(r.value) / 1000 }));
  return { year, headlines, harvestByMonth, refreshedAt: await lastRefresh(q) };
}

function headlineText(h: Headline): string {
  if (h.ratio) {
    const o = occupancy(h.value, h.denominator ?? 0);
    if (o.ratioBasisPoints === null) return '–';
    return `rasio hunian ${num(o.ratioBasisPoints / 100, 2)}% · overcrowding ${num(o.overcrowdingBasisPoints! / 100, 2)}%`;
  }
  if (h.unit === 'rupiah') return `Rp ${num(h.value)}`;
  if (h.scale > 1) return `${num(h.value / h.scale, h.scale >= 10_000 ? 2 : 1)} ${h.unit}`;
  return `${num(h.value)} ${h.unit}`;
}

/**
 * The public transparency page: headline national figures from the rollups (no personal data),
 * the published historical occupancy series with its source, server-rendered HTML with inline
 * SVG, cacheable for an hour. Refreshed daily with the rollups.
 */
export function publicPageRoutes(app: OpenAPIHono<AppEnv>) {
  declarePlainRoute('GET', '/transparansi', publicRoute('public transparency page: national aggregates only, no personal data'));
  app.get('/transparansi', async (c) => {
    const { db, clock } = c.get('services');
    const f = await publicFigures(db, clock.today());
    const hist = publishedHistory();
    const refreshed = f.refreshedAt ? new Date(f.refreshedAt).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' }) + ' WIB' : 'belum pernah';
    const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Transparansi Pemasyarakatan — Giatja</title>
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:960px;padding:16px;color:#212529}h1{font-size:1.5rem}ul.tiles{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px}ul.tiles li{border:1px solid #ced4da;border-radius:6px;padding:10px}.v{font-size:1.2rem;font-weight:700}.note{color:#495057;font-size:.85rem}</style></head>
<body><main><h1>Transparansi Pemasyarakatan — angka nasional ${esc(f.year)}</h1>
<p class="note">Dihitung dari catatan petugas di seluruh UPT (tanpa data pribadi). Pembaruan terakhir: ${esc(refreshed)}. Kapasitas UPT pada instalasi demo adalah data contoh.</p>
<h2>Angka utama tahun berjalan</h2>
<ul class="tiles">${f.headlines.map((h) => `<li data-code="${esc(h.code)}"><div class="v">${esc(headlineText(h))}</div><div>${esc(h.name)}</div></li>`).join('')}</ul>
${f.harvestByMonth.length ? `<h2>Panen ketahanan pangan per bulan (kg)</h2>${barChart(f.harvestByMonth, 'Panen per bulan')}` : ''}
${hist.length ? `<h2>Penghuni Lapas/Rutan nasional 2012–2021 (angka terbitan)</h2>${lineChart(hist.map((h) => ({ label: h.month, value: h.total })), 'Penghuni nasional per bulan 2012–2021')}
<p class="note">Sumber: sdppublik.ditjenpas.go.id (analisis bulanan), melalui data terbuka yang disalin di <code>shared/data/occupancy/national-monthly-2012-2021.csv</code>. Terakhir: ${esc(hist[hist.length - 1]!.month)} — ${num(hist[hist.length - 1]!.total)} penghuni.</p>` : ''}
</main></body></html>`;
    return c.html(html, 200, { 'cache-control': 'public, max-age=3600' });
  });
}
