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
 * Inmates due by a date: a detainee's current order end (stored only while the engine finds no
 * final verdict), else the sentence's expiry. wbp_dates holds only inmates still held, and the
 * two branches use their own partial indexes, so only the few due rows are read.
 */
function dueRows(extraCond: string): string {
  return `
  SELECT d.wbp_id, d.upt_id, d.kanwil_id, 'detention' AS kind, d.detention_end AS due_date, d.next_step, d.next_step_en
    FROM wbp_dates d WHERE d.detention_end IS NOT NULL AND d.detention_end <= $1::date + $2::int ${extraCond}
  UNION ALL
  SELECT d.wbp_id, d.upt_id, d.kanwil_id, 'expiry', d.expiry, d.next_step, d.next_step_en
    FROM wbp_dates d WHERE d.detention_end IS NULL AND d.expiry <= $1::date + $2::int ${extraCond}`;
}

export async function listDue(db: Queryable, q: DueQuery, scope: UserScope, today: string): Promise<{ items: DueItem[]; total: number }> {
  const params: unknown[] = [today, q.withinDays];
  const conds = [scopeCondition(scope, { kanwil: 'd.kanwil_id', upt: 'd.upt_id' }, params)];
  if (q.uptId) {
    params.push(q.uptId);
    conds.push(`d.upt_id = $${params.length}`);
  }
  if (q.fromDays !== undefined) {
    params.push(q.fromDays);
    conds.push(`COALESCE(d.detention_end, d.expiry) >= $1::date + $${params.length}::int`);
  }
  const due = dueRows(`AND ${conds.join(' AND ')}`);
  const kindCond = q.kind === 'all' ? '' : `WHERE x.kind = '${q.kind === 'detention' ? 'detention' : 'expiry'}'`;
  const total = await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM (${due}) x ${kindCond}`, params);
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows = await db.query<{
    wbp_id: number; upt_id: number; upt_name: string; no_register: string; name: string; status: string;
    kind: 'detention' | 'expiry'; due_date: string; days_left: number; next_step: string | null; next_step_en: string | null; verdict_document: boolean;
  }>(
    `SELECT x.*, (x.due_date - $1::date) AS days_left, u.name AS upt_name, w.no_register, w.name, w.status, w.verdict_document
       FROM (SELECT * FROM (${due}) y ${kindCond.replace('x.', 'y.')} ORDER BY y.due_date, y.wbp_id LIMIT $${params.length - 1} OFFSET $${params.length}) x
       JOIN wbp w ON w.id = x.wbp_id JOIN upt u ON u.id = x.upt_id
      ORDER BY x.due_date, x.wbp_id`,
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
      nextStepEn: r.next_step_en,
      verdictDocument: r.verdict_document,
    })),
  };
}

/** Counts per UPT in scope: overstays (both kinds) and orders ending at each warning threshold. */
export async function overstaySummary(db: Queryable, scope: UserScope, today: string): Promise<OverstaySummary> {
  const days = await warningDays(db);
  const [d0 = 0, d1 = 3, d2 = 10] = [...days].sort((a, b) => a - b);
  const params: unknown[] = [today, d2, d0, d1];
  const cond = scopeCondition(scope, { kanwil: 'd.kanwil_id', upt: 'd.upt_id' }, params);
  const rows = await db.query<{
    kanwil_id: number; kanwil_name: string; upt_id: number; upt_name: string;
    overstay_detention: number; overstay_expiry: number; due0: number; due3: number; due10: number;
  }>(
    `SELECT x.kanwil_id, k.name AS kanwil_name, x.upt_id, u.name AS upt_name,
            count(*) FILTER (WHERE x.kind = 'detention' AND x.due_date < $1::date)::int AS overstay_detention,
            count(*) FILTER (WHERE x.kind = 'expiry' AND x.due_date < $1::date)::int AS overstay_expiry,
            count(*) FILTER (WHERE x.kind = 'detention' AND x.due_date - $1::date BETWEEN 0 AND $3)::int AS due0,
            count(*) FILTER (WHERE x.kind = 'detention' AND x.due_date - $1::date BETWEEN 0 AND $4)::int AS due3,
            count(*) FILTER (WHERE x.kind = 'detention' AND x.due_date - $1::date BETWEEN 0 AND $2)::int AS due10
       FROM (${dueRows(`AND ${cond}`)}) x JOIN kanwil k ON k.id = x.kanwil_id JOIN upt u ON u.id = x.upt_id
      GROUP BY x.kanwil_id, k.name, x.upt_id, u.name
      ORDER BY (count(*) FILTER (WHERE x.due_date < $1::date)) DESC, k.name, u.name`,
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
