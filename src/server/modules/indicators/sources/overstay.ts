import type { RealisationSource } from './types.ts';

/**
 * Inmates overstaying on the last day of each month (on today for the current month): zero
 * overstaying, Resolusi 2020 point 09. A stock, not a flow. Counted from the overstay spells the wbp
 * module keeps from the dated records (detention orders, verdicts, remission grants, transfers,
 * releases), so a past month says what held at its end; for today it is the overstay list's count.
 */
export const overstaySource: RealisationSource = {
  key: 'overstay',
  unit: 'orang',
  describe: {
    id: 'WBP yang overstay pada akhir bulan (bulan berjalan: hari ini), dari surat penahanan, putusan, remisi, mutasi dan pembebasan yang tercatat.',
    en: 'Inmates overstaying on the last day of the month (current month: today), from the recorded detention orders, verdicts, remissions, transfers and releases.',
  },
  sql: `WITH m AS (
          SELECT g::date AS month, LEAST((g + interval '1 month' - interval '1 day')::date, $3::date) AS as_of
            FROM generate_series($1::date, $2::date, interval '1 month') g
           WHERE g::date <= $3::date AND $4::int IS NOT NULL)
        SELECT s.upt_id, m.month, count(*)::bigint AS value, NULL::bigint AS denominator
          FROM m JOIN wbp_overstay_spell s ON s.from_date <= m.as_of AND (s.to_date IS NULL OR s.to_date >= m.as_of)
         GROUP BY s.upt_id, m.month`,
  // $3 is the period's last day; for the current month the caller passes today.
  records: `SELECT s.wbp_id AS "wbpId", w.no_register AS "noRegister", s.kind, s.due_date AS "dueDate", s.from_date AS "from", s.to_date AS "to"
              FROM wbp_overstay_spell s JOIN wbp w ON w.id = s.wbp_id
             WHERE s.upt_id = $1 AND $2::date IS NOT NULL AND $4::int IS NOT NULL
               AND s.from_date <= $3::date AND (s.to_date IS NULL OR s.to_date >= $3::date)
             ORDER BY w.no_register LIMIT 200`,
};
