import type { Queryable } from '../../db/pool.ts';
import { effectiveSource, loadIndicators } from '../indicators/catalogue.ts';
import { SALES_ROLLUP_FROM_RECORDS } from '../sales/rollup.ts';
import { TRAINING_ROLLUP_FROM_RECORDS } from '../training/queries.ts';
import { WORK_ROLLUP_FROM_RECORDS } from '../work/rollup.ts';

/** One figure a stored rollup holds that its records do not give (or the other way round). */
export interface RollupDifference {
  rollup: string;
  key: string;
  column: string;
  stored: number;
  recomputed: number;
}

interface ModuleRollup { table: string; keys: readonly string[]; columns: readonly string[]; fromRecords: string }

/** The rollups writes keep current by differences, each with its from-scratch definition (owned by its module). */
const MODULE_ROLLUPS: readonly ModuleRollup[] = [
  { table: 'work_month_rollup', keys: ['upt_id', 'month', 'category'], columns: ['attendance_rows', 'present_rows', 'paid_rows'], fromRecords: WORK_ROLLUP_FROM_RECORDS },
  { table: 'sales_month_rollup', keys: ['upt_id', 'month'], columns: ['revenue_rupiah', 'receipts', 'pnbp_due_rupiah', 'premi_shared_rupiah', 'pnbp_billed_rupiah', 'pnbp_paid_rupiah'], fromRecords: SALES_ROLLUP_FROM_RECORDS },
  { table: 'training_month_rollup', keys: ['upt_id', 'month'], columns: ['trained', 'tested', 'certified'], fromRecords: TRAINING_ROLLUP_FROM_RECORDS },
];

/** Stored vs recomputed, joined on the key; a missing row counts as zeros. */
async function compareModuleRollup(q: Queryable, r: ModuleRollup): Promise<RollupDifference[]> {
  const cols = r.columns.map((c) => `coalesce(s.${c}, 0)::text AS "s_${c}", coalesce(f.${c}, 0)::text AS "f_${c}"`).join(', ');
  const differs = r.columns.map((c) => `coalesce(s.${c}, 0) <> coalesce(f.${c}, 0)`).join(' OR ');
  const rows = await q.query<Record<string, string>>(
    `SELECT concat_ws('|', ${r.keys.map((k) => `${k}::text`).join(', ')}) AS key, ${cols}
       FROM (SELECT * FROM ${r.table}) s FULL JOIN (${r.fromRecords}) f USING (${r.keys.join(', ')})
      WHERE ${differs} ORDER BY 1`,
  );
  return rows.flatMap((row) => r.columns
    .filter((c) => row[`s_${c}`] !== row[`f_${c}`])
    .map((c) => ({ rollup: r.table, key: row.key!, column: c, stored: Number(row[`s_${c}`]), recomputed: Number(row[`f_${c}`]) })));
}

/**
 * Every indicator's stored months (the range of its last refresh) against its source run again
 * from scratch as of `today`, and each Kanwil row against the sum of its UPTs. Run it on the day
 * of the refresh: the current month of a stock (overstays on the last day) is "as of today".
 */
async function compareIndicatorRollups(q: Queryable, today: string): Promise<RollupDifference[]> {
  const out: RollupDifference[] = [];
  const month = `${today.slice(0, 7)}-01`;
  for (const ind of await loadIndicators(q)) {
    const range = await q.one<{ from_month: string; to_month: string }>('SELECT from_month::text, to_month::text FROM indicator_refresh WHERE indicator_id = $1', [ind.id]);
    if (!range) continue;
    const source = effectiveSource(ind);
    const [from, to] = source.snapshot ? [month, month] : [range.from_month, range.to_month];
    const rows = await q.query<{ key: string; s_value: string; f_value: string; s_den: string | null; f_den: string | null }>(
      `SELECT concat_ws('|', upt_id::text, month::text) AS key, s.value::text AS s_value, f.value::text AS f_value, s.denominator::text AS s_den, f.denominator::text AS f_den
         FROM (SELECT upt_id, month, value, denominator FROM indicator_rollup WHERE indicator_id = $4 AND month BETWEEN $1::date AND $2::date) s
         FULL JOIN (SELECT upt_id, month, value, denominator FROM (${source.sql}) x WHERE x.value <> 0 OR x.denominator IS NOT NULL) f USING (upt_id, month)
        WHERE s.value IS DISTINCT FROM f.value OR s.denominator IS DISTINCT FROM f.denominator ORDER BY 1`,
      [from, to, today, ind.id],
    );
    for (const r of rows) {
      const at = { rollup: `indicator_rollup:${ind.code}`, key: r.key };
      if (r.s_value !== r.f_value) out.push({ ...at, column: 'value', stored: Number(r.s_value ?? 0), recomputed: Number(r.f_value ?? 0) });
      if (r.s_den !== r.f_den) out.push({ ...at, column: 'denominator', stored: Number(r.s_den ?? 0), recomputed: Number(r.f_den ?? 0) });
    }
    const kanwil = await q.query<{ key: string; stored: string | null; summed: string | null }>(
      `SELECT concat_ws('|', kanwil_id::text, month::text) AS key, k.value::text AS stored, u.value::text AS summed
         FROM (SELECT kanwil_id, month, value FROM indicator_rollup_kanwil WHERE indicator_id = $1) k
         FULL JOIN (SELECT kanwil_id, month, sum(value) AS value FROM indicator_rollup WHERE indicator_id = $1 GROUP BY 1, 2) u USING (kanwil_id, month)
        WHERE k.value IS DISTINCT FROM u.value ORDER BY 1`,
      [ind.id],
    );
    for (const r of kanwil) out.push({ rollup: `indicator_rollup_kanwil:${ind.code}`, key: r.key, column: 'value', stored: Number(r.stored ?? 0), recomputed: Number(r.summed ?? 0) });
  }
  return out;
}

/**
 * Recomputes every rollup from the dated records it summarises and lists where the stored figure
 * differs: the module rollups writes keep by differences, then the indicator rollups dashboards
 * and reports read. Empty means every stored month equals its records.
 */
export async function checkRollups(q: Queryable, today: string): Promise<RollupDifference[]> {
  const out: RollupDifference[] = [];
  for (const r of MODULE_ROLLUPS) out.push(...(await compareModuleRollup(q, r)));
  out.push(...(await compareIndicatorRollups(q, today)));
  return out;
}
