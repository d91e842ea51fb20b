import { addMonths } from '../../../domain/calendar/date.ts';
import type { Db, Queryable } from '../../db/pool.ts';

import { effectiveSource, loadIndicators, type IndicatorRow } from './catalogue.ts';

export interface RefreshResult {
  indicators: number;
  rows: number;
  ms: number;
  perIndicator: Array<{ code: string; rows: number; ms: number }>;
}

/**
 * Recomputes the rollups of one indicator for the months from..to, in one transaction: the rows
 * of those months are replaced by what the source computes now (idempotent: running it twice
 * gives the same rows), then the Kanwil rollup is rebuilt from them. A snapshot source only
 * knows today, so only the current month is replaced.
 */
export async function refreshIndicator(tx: Queryable, ind: IndicatorRow, from: string, to: string, today: string, reason = 'refresh'): Promise<number> {
  const source = effectiveSource(ind);
  const month = `${today.slice(0, 7)}-01`;
  const [f, t] = source.snapshot ? [month, month] : [from, to];
  if (source.snapshot && (month < from || month > to)) return 0;
  // Serialise refreshes of the same indicator (the daily job and an on-demand refresh together).
  await tx.query('SELECT pg_advisory_xact_lock(7245014, $1)', [ind.id]);
  // Months already closed at the previous refresh and recomputed now: a change there is logged.
  const prev = await tx.one<{ from_month: string; to_month: string }>('SELECT from_month::text, to_month::text FROM indicator_refresh WHERE indicator_id = $1', [ind.id]);
  const logged = prev ? { from: prev.from_month > f ? prev.from_month : f, to: [prev.to_month, month, addMonths(t, 1)].sort()[0]! } : null;
  const closedBefore = logged ? await closedMonths(tx, ind.id, logged.from, logged.to) : new Map<string, Figure>();
  await tx.query('DELETE FROM indicator_rollup WHERE indicator_id = $1 AND month BETWEEN $2::date AND $3::date', [ind.id, f, t]);
  const inserted = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO indicator_rollup (indicator_id, upt_id, kanwil_id, month, value, denominator, refreshed_at)
       SELECT $4::int, s.upt_id, u.kanwil_id, s.month, s.value, s.denominator, now()
         FROM (${source.sql}) s JOIN upt u ON u.id = s.upt_id
        WHERE s.value <> 0 OR s.denominator IS NOT NULL
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [f, t, today, ind.id],
  );
  await tx.query('DELETE FROM indicator_rollup_kanwil WHERE indicator_id = $1 AND month BETWEEN $2::date AND $3::date', [ind.id, f, t]);
  await tx.query(
    `INSERT INTO indicator_rollup_kanwil (indicator_id, kanwil_id, month, value, denominator, upts, refreshed_at)
     SELECT indicator_id, kanwil_id, month, sum(value)::bigint, sum(denominator)::bigint, count(*)::int, now()
       FROM indicator_rollup WHERE indicator_id = $1 AND month BETWEEN $2::date AND $3::date
      GROUP BY indicator_id, kanwil_id, month`,
    [ind.id, f, t],
  );
  if (logged) await logClosedChanges(tx, ind.id, closedBefore, await closedMonths(tx, ind.id, logged.from, logged.to), reason);
  return inserted[0]?.n ?? 0;
}

type Figure = { upt_id: number; kanwil_id: number; month: string; value: number; denominator: number | null };

/** The stored figures of the months from `from` up to (not including) `before`. */
async function closedMonths(tx: Queryable, indicatorId: number, from: string, before: string): Promise<Map<string, Figure>> {
  const rows = await tx.query<Figure>(
    `SELECT upt_id, kanwil_id, month, value, denominator FROM indicator_rollup
      WHERE indicator_id = $1 AND month >= $2::date AND month < $3::date`,
    [indicatorId, from, before],
  );
  return new Map(rows.map((r) => [`${r.upt_id}|${String(r.month).slice(0, 10)}`, r]));
}

/** Keeps every closed month's figure that the refresh changed: before, after, when and why. */
async function logClosedChanges(tx: Queryable, indicatorId: number, before: Map<string, Figure>, after: Map<string, Figure>, reason: string): Promise<void> {
  const changed: Array<{ b: Figure | undefined; a: Figure | undefined }> = [];
  for (const [k, b] of before) {
    const a = after.get(k);
    if (!a || Number(a.value) !== Number(b.value) || (a.denominator === null ? null : Number(a.denominator)) !== (b.denominator === null ? null : Number(b.denominator))) changed.push({ b, a });
  }
  for (const [k, a] of after) if (!before.has(k)) changed.push({ b: undefined, a });
  if (changed.length === 0) return;
  const key = (c: (typeof changed)[number]) => (c.a ?? c.b)!;
  await tx.query(
    `INSERT INTO indicator_rollup_change (indicator_id, upt_id, kanwil_id, month, value_before, denominator_before, value_after, denominator_after, reason)
     SELECT $1, u, k, m::date, vb, db, va, da, $2
       FROM unnest($3::int[], $4::int[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[]) AS x(u, k, m, vb, db, va, da)`,
    [
      indicatorId, reason,
      changed.map((c) => key(c).upt_id), changed.map((c) => key(c).kanwil_id), changed.map((c) => String(key(c).month).slice(0, 10)),
      changed.map((c) => c.b?.value ?? null), changed.map((c) => c.b?.denominator ?? null),
      changed.map((c) => c.a?.value ?? null), changed.map((c) => c.a?.denominator ?? null),
    ],
  );
}

/** Refreshes every active indicator (each in its own transaction) over a range of months. */
export async function refreshAll(db: Db, opts: { from: string; to: string; today: string; indicatorIds?: number[]; reason?: string }): Promise<RefreshResult> {
  const started = Date.now();
  const all = await loadIndicators(db);
  const list = opts.indicatorIds ? all.filter((i) => opts.indicatorIds!.includes(i.id)) : all;
  const perIndicator: RefreshResult['perIndicator'] = [];
  let rows = 0;
  for (const ind of list) {
    const t0 = Date.now();
    const n = await db.tx(async (tx) => {
      const count = await refreshIndicator(tx, ind, opts.from, opts.to, opts.today, opts.reason);
      await tx.query(
        `INSERT INTO indicator_refresh (indicator_id, refreshed_at, from_month, to_month, rows, duration_ms) VALUES ($1, now(), $2, $3, $4, $5)
         ON CONFLICT (indicator_id) DO UPDATE SET refreshed_at = now(), from_month = EXCLUDED.from_month, to_month = EXCLUDED.to_month,
           rows = EXCLUDED.rows, duration_ms = EXCLUDED.duration_ms`,
        [ind.id, opts.from, opts.to, count, Date.now() - t0],
      );
      return count;
    });
    rows += n;
    perIndicator.push({ code: ind.code, rows: n, ms: Date.now() - t0 });
  }
  return { indicators: list.length, rows, ms: Date.now() - started, perIndicator };
}

/** The default range: January of last year to the current month (late entries for last year still count). */
export function defaultRange(today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  return { from: `${y - 1}-01-01`, to: `${today.slice(0, 7)}-01` };
}

