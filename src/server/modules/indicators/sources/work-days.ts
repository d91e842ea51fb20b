import type { RealisationSource } from './types.ts';

/** Inmate-days worked: attendance marked present, from the work module's monthly rollup. */
export const workDaysSource: RealisationSource = {
  key: 'work_days',
  unit: 'hari',
  describe: { id: 'Hari kerja WBP (absensi hadir) dari kegiatan kerja.', en: 'Inmate work days (attendance present) from work activities.' },
  sql: `SELECT upt_id, month, sum(present_rows)::bigint AS value, NULL::bigint AS denominator
          FROM work_month_rollup WHERE month BETWEEN $1::date AND $2::date AND $3::text IS NOT NULL AND $4::int IS NOT NULL
         GROUP BY upt_id, month`,
  records: `SELECT a.id, a.name AS activity, a.category, count(*) FILTER (WHERE t.reason = 'hadir')::int AS present, count(*)::int AS rows
              FROM attendance t JOIN work_activity a ON a.id = t.activity_id
             WHERE t.upt_id = $1 AND t.date BETWEEN $2::date AND $3::date AND $4::int IS NOT NULL
             GROUP BY a.id, a.name, a.category ORDER BY present DESC LIMIT 200`,
};
