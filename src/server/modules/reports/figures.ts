import type { Queryable } from '../../db/pool.ts';
import { dashboard, type Unit } from '../indicators/figures.ts';

/** The last day of a month 'YYYY-MM-01'. */
export function monthEnd(month: string): string {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

export interface ReportLine {
  code: string;
  name: { id: string; en: string };
  unit: string;
  scale: number;
  ratio: boolean;
  direction: string;
  manual: boolean;
  /** The month's own figure (ratio indicators: basis points). */
  month: number | null;
  /** Year to date (sum) or the level at the month's end. */
  toDate: number | null;
  target: number | null;
  expected: number | null;
  attainmentBp: number | null;
  light: string;
}

export interface ReportFigures {
  unitName: string;
  month: string;
  refreshedAt: string | null;
  lines: ReportLine[];
}

/**
 * A unit's figures for a month, from the rollups: the month's own value and the year to the
 * month's end against the year's target. Used live for drafts and frozen at submission.
 */
export async function reportFigures(q: Queryable, unit: Unit, month: string, today: string): Promise<ReportFigures> {
  const end = monthEnd(month);
  const asOf = end < today ? end : today;
  const dash = await dashboard(q, unit, Number(month.slice(0, 4)), asOf);
  const monthDash = await dashboardOfMonth(q, unit, month);
  return {
    unitName: dash.unit.name,
    month,
    refreshedAt: dash.refreshedAt,
    lines: dash.items.map((it) => {
      const m = monthDash.get(it.indicator.id);
      const monthValue = m === undefined ? 0 : it.indicator.ratio ? (m.den > 0 ? Math.round((m.value * 10_000) / m.den) : null) : m.value;
      return {
        code: it.indicator.code,
        name: it.indicator.name,
        unit: it.indicator.unit,
        scale: it.indicator.scale,
        ratio: it.indicator.ratio,
        direction: it.indicator.direction,
        manual: it.manual,
        month: monthValue,
        toDate: it.realised,
        target: it.target,
        expected: it.expected,
        attainmentBp: it.attainmentBp,
        light: it.light,
      };
    }),
  };
}

async function dashboardOfMonth(q: Queryable, unit: Unit, month: string): Promise<Map<number, { value: number; den: number }>> {
  const params: unknown[] = [month];
  const sql =
    unit.level === 'national'
      ? 'SELECT indicator_id, sum(value)::bigint AS value, COALESCE(sum(denominator), 0)::bigint AS den FROM indicator_rollup_kanwil WHERE month = $1 GROUP BY indicator_id'
      : unit.level === 'kanwil'
        ? `SELECT indicator_id, value, COALESCE(denominator, 0) AS den FROM indicator_rollup_kanwil WHERE month = $1 AND kanwil_id = $${params.push(unit.kanwilId)}`
        : `SELECT indicator_id, value, COALESCE(denominator, 0) AS den FROM indicator_rollup WHERE month = $1 AND upt_id = $${params.push(unit.uptId)}`;
  const rows = await q.query<{ indicator_id: number; value: number; den: number }>(sql, params);
  return new Map(rows.map((r) => [r.indicator_id, { value: Number(r.value), den: Number(r.den) }]));
}
