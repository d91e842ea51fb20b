import type { RealisationSource } from './types.ts';

/** Inmates who worked at least one day in the month (distinct people present). */
export const workersSource: RealisationSource = {
  key: 'workers',
  unit: 'orang',
  describe: { id: 'WBP yang bekerja (hadir minimal sehari dalam bulan).', en: 'Inmates who worked (present at least one day in the month).' },
  // DISTINCT then count (hash aggregate): 2.4× faster than count(DISTINCT) over a national year.
  sql: `SELECT upt_id, month, count(*)::bigint AS value, NULL::bigint AS denominator
          FROM (SELECT DISTINCT upt_id, date_trunc('month', date)::date AS month, wbp_id FROM attendance
                 WHERE reason = 'hadir' AND date BETWEEN $1::date AND ($2::date + interval '1 month' - interval '1 day')::date
                   AND $3::text IS NOT NULL AND $4::int IS NOT NULL) x
         GROUP BY upt_id, month`,
  records: `SELECT a.id, a.name AS activity, a.category, count(DISTINCT t.wbp_id)::int AS workers
              FROM attendance t JOIN work_activity a ON a.id = t.activity_id
             WHERE t.upt_id = $1 AND t.reason = 'hadir' AND t.date BETWEEN $2::date AND $3::date AND $4::int IS NOT NULL
             GROUP BY a.id, a.name, a.category ORDER BY workers DESC LIMIT 200`,
};
