import type { Queryable } from '../../db/pool.ts';
import { scopeCondition, type UserScope } from '../../../shared/access/scope.ts';
import type { DueItem, DueQuery, OverstaySummary } from '../../../shared/schemas/overstay.ts';

/** Warning thresholds before a detention order ends (days); configurable per installation. */
export const DEFAULT_WARNING_DAYS = [10, 3, 0];

export async function warningDays(db: Queryable): Promise<number[]> {
  const row = await db.one<{ value: number[] }>(`SELECT value FROM app_setting WHERE key = 'detention_warning_days'`);
  return row?.value ?? DEFAULT_WARNING_DAYS;
}

/**
 * The date an inmate is due: a detainee's current order end (stored only while the engine finds
 * no final verdict), else the sentence's expiry. Only inmates still held count.
 */
const DUE = `
  SELECT w.id AS wbp_id, w.upt_id, u.name AS upt_name, w.kanwil_id, w.no_register, w.name, w.status, w.verdict_document,
         CASE WHEN d.detention_end IS NOT NULL THEN 'detention' ELSE 'expiry' END AS kind,
         COALESCE(d.detention_end, d.expiry) AS due_date,
         d.next_step
    FROM wbp w JOIN wbp_dates d ON d.wbp_id = w.id JOIN upt u ON u.id = w.upt_id
   WHERE w.released_on IS NULL`;

export async function listDue(db: Queryable, q: DueQuery, scope: UserScope, today: string): Promise<{ items: DueItem[]; total: number }> {
  const params: unknown[] = [today, q.withinDays];
  const where = [scopeCondition(scope, { kanwil: 'x.kanwil_id', upt: 'x.upt_id' }, params), 'x.due_date IS NOT NULL', 'x.due_date - $1::date <= $2'];
  if (q.uptId) {
    params.push(q.uptId);
    where.push(`x.upt_id = $${params.length}`);
  }
  if (q.kind !== 'all') {
    params.push(q.kind);
    where.push(`x.kind = $${params.length}`);
  }
  const base = `FROM (${DUE}) x WHERE ${where.join(' AND ')}`;
  const total = await db.one<{ n: number }>(`SELECT count(*)::int AS n ${base}`, params);
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows = await db.query<{
    wbp_id: number; upt_id: number; upt_name: string; no_register: string; name: string; status: string;
    kind: 'detention' | 'expiry'; due_date: string; days_left: number; next_step: string | null; verdict_document: boolean;
  }>(
    `SELECT x.*, (x.due_date - $1::date) AS days_left ${base} ORDER BY x.due_date, x.wbp_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      wbpId: r.wbp_id,
      uptId: r.upt_id,
      uptName: r.upt_name,
      noRegister: r.no_register,
      name: r.name,
      status: r.status,
      kind: r.kind,
      dueDate: r.due_date,
      daysLeft: r.days_left,
      nextStep: r.next_step,
      verdictDocument: r.verdict_document,
    })),
  };
}

/** Counts per UPT in scope: overstays (both kinds) and orders ending at each warning threshold. */
export async function overstaySummary(db: Queryable, scope: UserScope, today: string): Promise<OverstaySummary> {
  const days = await warningDays(db);
  const [d0 = 0, d1 = 3, d2 = 10] = [...days].sort((a, b) => a - b);
  const params: unknown[] = [today, d0, d1, d2];
  const cond = scopeCondition(scope, { kanwil: 'x.kanwil_id', upt: 'x.upt_id' }, params);
  const rows = await db.query<{
    kanwil_id: number; kanwil_name: string; upt_id: number; upt_name: string;
    overstay_detention: number; overstay_expiry: number; due0: number; due3: number; due10: number;
  }>(
    `SELECT x.kanwil_id, k.name AS kanwil_name, x.upt_id, x.upt_name,
            count(*) FILTER (WHERE x.kind = 'detention' AND x.due_date < $1::date)::int AS overstay_detention,
            count(*) FILTER (WHERE x.kind = 'expiry' AND x.due_date < $1::date)::int AS overstay_expiry,
            count(*) FILTER (WHERE x.kind = 'detention' AND x.due_date - $1::date BETWEEN 0 AND $2)::int AS due0,
            count(*) FILTER (WHERE x.kind = 'detention' AND x.due_date - $1::date BETWEEN 0 AND $3)::int AS due3,
            count(*) FILTER (WHERE x.kind = 'detention' AND x.due_date - $1::date BETWEEN 0 AND $4)::int AS due10
       FROM (${DUE}) x JOIN kanwil k ON k.id = x.kanwil_id
      WHERE ${cond} AND x.due_date IS NOT NULL AND x.due_date - $1::date <= $4
      GROUP BY x.kanwil_id, k.name, x.upt_id, x.upt_name
      ORDER BY (count(*) FILTER (WHERE x.due_date < $1::date)) DESC, k.name, x.upt_name`,
    params,
  );
  const out = rows.map((r) => ({
    kanwilId: r.kanwil_id,
    kanwilName: r.kanwil_name,
    uptId: r.upt_id,
    uptName: r.upt_name,
    overstayDetention: r.overstay_detention,
    overstayExpiry: r.overstay_expiry,
    due0: r.due0,
    due3: r.due3,
    due10: r.due10,
  }));
  const sum = (f: (r: (typeof out)[number]) => number) => out.reduce((s, r) => s + f(r), 0);
  return {
    today,
    warningDays: days,
    totals: {
      overstay: sum((r) => r.overstayDetention + r.overstayExpiry),
      overstayDetention: sum((r) => r.overstayDetention),
      overstayExpiry: sum((r) => r.overstayExpiry),
      dueSoon: sum((r) => r.due10),
    },
    rows: out,
  };
}
