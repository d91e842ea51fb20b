import type { RealisationSource } from './types.ts';

/** Remission granted (grants not reversed), counted per grant in the month of its occasion. Resolusi 2020 point 02. */
export const remissionSource: RealisationSource = {
  key: 'remission',
  unit: 'orang',
  describe: { id: 'Pemberian remisi yang tercatat (tidak dibatalkan), per bulan hari remisi.', en: 'Remission grants recorded (not reversed), by month of the occasion.' },
  sql: `SELECT w.upt_id, date_trunc('month', g.occasion_date)::date AS month, count(*)::bigint AS value, NULL::bigint AS denominator
          FROM remission_grant g JOIN wbp w ON w.id = g.wbp_id
         WHERE g.reversed_by IS NULL AND g.days > 0
           AND NOT EXISTS (SELECT 1 FROM remission_grant r WHERE r.reversed_by = g.id)
           AND g.occasion_date BETWEEN $1::date AND ($2::date + interval '1 month' - interval '1 day')::date
           AND $3::text IS NOT NULL AND $4::int IS NOT NULL
         GROUP BY w.upt_id, 2`,
  records: `SELECT g.occasion_date AS date, g.kind, g.decree_number AS "decreeNumber", count(*)::int AS grants
              FROM remission_grant g JOIN wbp w ON w.id = g.wbp_id
             WHERE w.upt_id = $1 AND g.reversed_by IS NULL AND g.occasion_date BETWEEN $2::date AND $3::date AND $4::int IS NOT NULL
             GROUP BY g.occasion_date, g.kind, g.decree_number ORDER BY g.occasion_date DESC LIMIT 200`,
};
