import type { Queryable } from '../../../db/pool.ts';

/**
 * A realisation source: how an indicator's realisation is computed from operational records.
 *
 * One file per source in this folder, listed in `index.ts`. A source is SQL over the records a
 * module keeps; the rollup refresh runs it for a range of months and stores one row per
 * UPT × month:
 *
 *   sql:      parameters $1 = first month ('YYYY-MM-01'), $2 = last month ('YYYY-MM-01'),
 *             $3 = today ('YYYY-MM-DD'), $4 = the indicator id (for sources that read per-indicator
 *             data, like `manual`). Returns columns `upt_id integer, month date, value bigint,
 *             denominator bigint` (denominator NULL unless `ratio`). Values are integers in the
 *             indicator's base unit (m², grams, rupiah, people…).
 *   records:  the records behind one figure (drill-down): $1 = upt_id, $2 = first day, $3 = last
 *             day of the period, $4 = indicator id. No personal data: ids, dates, amounts.
 *   snapshot: true when the source can only say what holds today (e.g. the Pokmas register): the refresh
 *             then writes only the current month and keeps earlier months as they were.
 *
 * To add a source after merging (pnbp, sales, trained, certified, pokmas): write its file here,
 * add it to SOURCES, and point an indicator's `source_key` at it (a migration or the catalogue).
 */
export interface RealisationSource {
  key: string;
  /** Base unit of `value`. */
  unit: string;
  ratio?: boolean;
  snapshot?: boolean;
  describe: { id: string; en: string };
  sql: string;
  records: string;
}

export interface SourceRow {
  upt_id: number;
  month: string;
  value: number;
  denominator: number | null;
  [key: string]: unknown;
}

/** Runs a source for a range of months (what the refresh inserts, as rows). */
export function compute(q: Queryable, source: RealisationSource, range: { from: string; to: string; today: string; indicatorId: number }): Promise<SourceRow[]> {
  return q.query<SourceRow>(`SELECT * FROM (${source.sql}) s ORDER BY month, upt_id`, [range.from, range.to, range.today, range.indicatorId]);
}
