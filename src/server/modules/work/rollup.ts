import type { Queryable } from '../../db/pool.ts';

/**
 * `work_month_rollup` computed from scratch from the attendance rows: what the sheet saves keep
 * current by differences. The rollup check (ops) compares the two.
 */
export const WORK_ROLLUP_FROM_RECORDS = `
  SELECT w.upt_id, w.kanwil_id, date_trunc('month', a.date)::date AS month, w.category,
         count(*)::bigint AS attendance_rows, count(*) FILTER (WHERE a.reason = 'hadir')::bigint AS present_rows,
         count(*) FILTER (WHERE a.paid)::bigint AS paid_rows
    FROM attendance a JOIN work_activity w ON w.id = a.activity_id
   GROUP BY 1, 2, 3, 4`;

/**
 * An activity moved to another category carries its attendance with it: the months it was worked
 * leave the old category's rollup and join the new one, in the caller's transaction (a
 * recategorised activity once left its history counted under the old category).
 */
export async function moveActivityCategory(tx: Queryable, activityId: number, from: string, to: string): Promise<void> {
  const months = `SELECT w.upt_id, w.kanwil_id, date_trunc('month', a.date)::date AS month, count(*)::bigint AS n,
                         count(*) FILTER (WHERE a.reason = 'hadir')::bigint AS present, count(*) FILTER (WHERE a.paid)::bigint AS paid
                    FROM attendance a JOIN work_activity w ON w.id = a.activity_id WHERE a.activity_id = $1 GROUP BY 1, 2, 3`;
  await tx.query(
    `UPDATE work_month_rollup r SET attendance_rows = r.attendance_rows - m.n, present_rows = r.present_rows - m.present, paid_rows = r.paid_rows - m.paid
       FROM (${months}) m WHERE r.upt_id = m.upt_id AND r.month = m.month AND r.category = $2`,
    [activityId, from],
  );
  await tx.query(
    `INSERT INTO work_month_rollup (upt_id, kanwil_id, month, category, attendance_rows, present_rows, paid_rows)
     SELECT m.upt_id, m.kanwil_id, m.month, $2, m.n, m.present, m.paid FROM (${months}) m
     ON CONFLICT (upt_id, month, category) DO UPDATE SET attendance_rows = work_month_rollup.attendance_rows + EXCLUDED.attendance_rows,
       present_rows = work_month_rollup.present_rows + EXCLUDED.present_rows, paid_rows = work_month_rollup.paid_rows + EXCLUDED.paid_rows`,
    [activityId, to],
  );
}
