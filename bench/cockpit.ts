/**
 * Cockpit benchmarks (issue #7: national cockpit):
 * 1. the full national rollup refresh (every indicator, January of last year to this month);
 * 2. every dashboard API call (national, one Kanwil, one UPT; trend, map, occupancy) over HTTP:
 *    p50/p95, against computing the same figures by raw scans of the records in the same run;
 * 3. the national consolidated monthly report as XLSX and PDF: seconds and peak memory.
 */
import type { Db } from '../src/server/db/pool.ts';
import { dashboard } from '../src/server/modules/indicators/figures.ts';
import { compute, SOURCES } from '../src/server/modules/indicators/sources/index.ts';
import { loadIndicators, effectiveSource } from '../src/server/modules/indicators/catalogue.ts';
import { defaultRange, refreshAll } from '../src/server/modules/indicators/refresh.ts';

export type Log = (name: string, value: unknown) => void;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, p50: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s[s.length - 1]!.toFixed(1) };
}

/** The targets of the year, as the demo seeds them, if the database has none yet. */
export async function prepareCockpit(db: Db, today: string): Promise<void> {
  if (await db.one('SELECT 1 FROM indicator_target LIMIT 1')) return;
  const { seedCockpitTargets } = await import('../src/server/seed/cockpit.ts');
  await db.tx((tx) => seedCockpitTargets(tx, { today }));
}

export async function benchRollupRefresh(db: Db, today: string, log: Log): Promise<void> {
  const r = await refreshAll(db, { ...defaultRange(today), today });
  log('cockpit.rollup refresh national s', (r.ms / 1000).toFixed(1));
  log('cockpit.rollup rows', r.rows);
  log('cockpit.rollup slowest indicators ms', r.perIndicator.sort((a, b) => b.ms - a.ms).slice(0, 4).map((p) => `${p.code} ${p.ms}`).join(', '));
  await db.query('ANALYZE indicator_rollup; ANALYZE indicator_rollup_kanwil; ANALYZE indicator_target');
}

/**
 * The raw scan: the same national realisation figures computed from the records at request
 * time (each source over the year, then summed), as a dashboard would without rollups.
 */
async function rawNational(db: Db, today: string): Promise<number> {
  const year = today.slice(0, 4);
  let total = 0;
  for (const ind of await loadIndicators(db)) {
    const rows = await compute(db, effectiveSource(ind), { from: `${year}-01-01`, to: `${today.slice(0, 7)}-01`, today, indicatorId: ind.id });
    total += rows.reduce((s, r) => s + Number(r.value), 0);
  }
  return total;
}

export async function benchDashboards(db: Db, base: string, cookie: string, today: string, log: Log, rounds = 40): Promise<void> {
  const year = Number(today.slice(0, 4));
  const kanwil = (await db.one<{ id: number }>(`SELECT id FROM kanwil WHERE raw_name = 'Jawa Tengah'`))!.id;
  const upt = (await db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`))!.id;
  const harvest = (await db.one<{ id: number }>(`SELECT id FROM indicator WHERE code = 'KPI-KERJA-HARI'`))!.id;
  const occ = (await db.one<{ id: number }>(`SELECT id FROM indicator WHERE code = 'RP20-10'`))!.id;
  const calls: Array<[string, string]> = [
    ['dashboard national', `/api/v1/cockpit/dashboard?year=${year}`],
    ['dashboard Kanwil', `/api/v1/cockpit/dashboard?year=${year}&kanwilId=${kanwil}`],
    ['dashboard UPT', `/api/v1/cockpit/dashboard?year=${year}&uptId=${upt}`],
    ['trend national', `/api/v1/cockpit/trend?year=${year}&indicatorId=${harvest}`],
    ['map by province', `/api/v1/cockpit/map?year=${year}&indicatorId=${occ}`],
    ['occupancy national', `/api/v1/occupancy`],
    ['indicators catalogue', `/api/v1/indicators`],
  ];
  // Raw scan baseline, a few rounds (each takes seconds at national scale).
  const raw: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await rawNational(db, today);
    raw.push(performance.now() - t0);
  }
  const rawStats = stats(raw);
  log('cockpit.raw scan national figures ms', rawStats);
  // In-process rollup read of the same national dashboard, for the like-for-like ratio.
  const inproc: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await dashboard(db, { level: 'national' }, year, today);
    inproc.push(performance.now() - t0);
  }
  log('cockpit.dashboard national (in-process, rollups) ms', stats(inproc));
  for (const [name, path] of calls) {
    const ms: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      ms.push(performance.now() - t0);
    }
    const s = stats(ms);
    log(`cockpit.http ${name} ms`, { ...s, rawScanRatio: +(rawStats.p50 / s.p50).toFixed(0) });
  }
  void SOURCES;
}

/** The national consolidated report for last month, XLSX then PDF, with the server's peak memory. */
export async function benchConsolidated(base: string, cookie: string, today: string, log: Log): Promise<void> {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  const month = d.toISOString().slice(0, 10);
  for (const format of ['xlsx', 'pdf'] as const) {
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/reports/consolidated?month=${month}&format=${format}`, { headers: { cookie } });
    const bytes = (await res.arrayBuffer()).byteLength;
    const s = (performance.now() - t0) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    log(`cockpit.consolidated national ${format}`, { status: res.status, seconds: +s.toFixed(2), bytes, peakRssMiB: Math.round(peak / 2 ** 20) });
  }
}
