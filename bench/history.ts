/**
 * History benchmarks (issue "every figure true"): on the national dataset,
 * 1. rebuilding every inmate's overstay spells (held and released) from the dated records — the
 *    engine asked once per day a record takes effect — against the engine run once per inmate
 *    (today's dates only), measured in the same run;
 * 2. recomputing a national year of every indicator's rollup (all months of the year), time and
 *    peak memory of the process, then again: the second pass must change no closed month;
 * 3. the overstay count of one month-end over the spells (the rollup's query) against a scan that
 *    runs the engine per held inmate (estimated from a sample, as in run.ts).
 */
import type { Db } from '../src/server/db/pool.ts';
import { recomputeAllDates } from '../src/server/modules/wbp/bulk-dates.ts';
import { refreshAll } from '../src/server/modules/indicators/refresh.ts';

export type Log = (name: string, value: unknown) => void;

/** Samples the process's resident memory while `work` runs; returns the peak in MiB. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const value = await work();
    return { value, peakMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

export async function benchHistory(db: Db, today: string, log: Log): Promise<void> {
  const year = today.slice(0, 4);
  const held = await recomputeTimed(db, today, { spells: false });
  log('history.baseline: engine once per held inmate (dates only) s', held.s.toFixed(1));
  const all = await recomputeTimed(db, today, { released: true });
  log('history.spells rebuilt for every inmate incl. released s', all.s.toFixed(1));
  log('history.spells inmates/s', Math.round(all.n / all.s));
  const spells = (await db.one<{ n: number; open: number }>('SELECT count(*)::int AS n, count(*) FILTER (WHERE to_date IS NULL)::int AS open FROM wbp_overstay_spell'))!;
  log('history.spell rows (open = still held)', spells);

  const range = { from: `${year}-01-01`, to: `${today.slice(0, 7)}-01`, today };
  const first = await withPeakRss(() => refreshAll(db, { ...range, reason: 'bench' }));
  log('history.national year, every indicator, recomputed s', (first.value.ms / 1000).toFixed(1));
  log('history.national year rollup rows', first.value.rows);
  log('history.national year peak RSS MiB', first.peakMiB);
  log('history.slowest indicators ms', first.value.perIndicator.sort((a, b) => b.ms - a.ms).slice(0, 4).map((p) => `${p.code} ${p.ms}`).join(', '));
  const changesBefore = (await db.one<{ n: number }>('SELECT count(*)::int AS n FROM indicator_rollup_change'))!.n;
  const second = await refreshAll(db, { ...range, reason: 'bench' });
  const changesAfter = (await db.one<{ n: number }>('SELECT count(*)::int AS n FROM indicator_rollup_change'))!.n;
  log('history.second pass s', (second.ms / 1000).toFixed(1));
  log('history.second pass closed-month changes (must be 0)', changesAfter - changesBefore);

  const monthEnd = `${year}-10-31`;
  const t0 = performance.now();
  const n = (await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM wbp_overstay_spell WHERE from_date <= $1::date AND (to_date IS NULL OR to_date >= $1::date)`, [monthEnd]))!.n;
  log(`history.overstaying on ${monthEnd} from spells ms`, (performance.now() - t0).toFixed(1));
  log(`history.overstaying on ${monthEnd}`, n);
}

async function recomputeTimed(db: Db, today: string, opts: { released?: boolean; spells?: boolean }): Promise<{ s: number; n: number }> {
  const t0 = performance.now();
  const n = await recomputeAllDates(db, today, opts);
  return { s: (performance.now() - t0) / 1000, n };
}
