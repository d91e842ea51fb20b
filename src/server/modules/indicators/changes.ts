import type { Queryable } from '../../db/pool.ts';
import { scopeCondition, type UserScope } from '../../../shared/access/scope.ts';

export interface RollupChange {
  indicatorId: number;
  code: string;
  uptId: number;
  uptName: string;
  month: string;
  valueBefore: number | null;
  valueAfter: number | null;
  denominatorBefore: number | null;
  denominatorAfter: number | null;
  changedAt: string;
  reason: string;
}

/**
 * Closed months whose figure changed after the month ended (a record dated in it was added or
 * corrected), newest first, within the caller's scope: what a leader needs to know before trusting
 * a figure signed earlier.
 */
export async function listChanges(
  q: Queryable,
  scope: UserScope,
  f: { year: number; indicatorId?: number | undefined; kanwilId?: number | undefined; uptId?: number | undefined },
): Promise<RollupChange[]> {
  const params: unknown[] = [`${f.year}-01-01`, `${f.year}-12-01`];
  const conds = ['c.month BETWEEN $1::date AND $2::date', scopeCondition(scope, { kanwil: 'c.kanwil_id', upt: 'c.upt_id' }, params)];
  if (f.indicatorId) conds.push(`c.indicator_id = $${params.push(f.indicatorId)}`);
  if (f.kanwilId) conds.push(`c.kanwil_id = $${params.push(f.kanwilId)}`);
  if (f.uptId) conds.push(`c.upt_id = $${params.push(f.uptId)}`);
  const rows = await q.query<{
    indicator_id: number; code: string; upt_id: number; upt_name: string; month: string; value_before: string | null; value_after: string | null;
    denominator_before: string | null; denominator_after: string | null; changed_at: Date | string; reason: string;
  }>(
    `SELECT c.*, i.code, u.name AS upt_name FROM indicator_rollup_change c JOIN indicator i ON i.id = c.indicator_id JOIN upt u ON u.id = c.upt_id
      WHERE ${conds.join(' AND ')} ORDER BY c.changed_at DESC, c.id DESC LIMIT 500`,
    params,
  );
  const num = (v: string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    code: r.code,
    uptId: r.upt_id,
    uptName: r.upt_name,
    month: String(r.month).slice(0, 10),
    valueBefore: num(r.value_before),
    valueAfter: num(r.value_after),
    denominatorBefore: num(r.denominator_before),
    denominatorAfter: num(r.denominator_after),
    changedAt: r.changed_at instanceof Date ? r.changed_at.toISOString() : String(r.changed_at),
    reason: r.reason,
  }));
}
