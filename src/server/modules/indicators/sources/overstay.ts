import type { RealisationSource } from './types.ts';

/**
 * Overstays today (zero overstaying, Resolusi 2020 point 09): held inmates whose detention order
 * has ended with nothing recorded, or sentenced inmates past their expiry date — the same
 * stored dates the overstay lists read. Only today is known, so this is a snapshot source.
 */
export const overstaySource: RealisationSource = {
  key: 'overstay',
  unit: 'orang',
  snapshot: true,
  describe: { id: 'WBP overstay hari ini (dari tanggal yang dihitung mesin).', en: 'Inmates overstaying today (from the engine’s stored dates).' },
  sql: `SELECT w.upt_id, date_trunc('month', $3::date)::date AS month, count(*)::bigint AS value, NULL::bigint AS denominator
          FROM wbp w JOIN wbp_dates d ON d.wbp_id = w.id
         WHERE w.released_on IS NULL AND $4::int IS NOT NULL
           AND date_trunc('month', $3::date)::date BETWEEN $1::date AND $2::date
           AND ((w.status = 'tahanan' AND d.detention_end < $3::date) OR (w.status IN ('narapidana','anak') AND d.expiry < $3::date))
         GROUP BY w.upt_id`,
  records: `SELECT w.id AS "wbpId", w.no_register AS "noRegister", w.status, d.detention_end AS "detentionEnd", d.expiry
              FROM wbp w JOIN wbp_dates d ON d.wbp_id = w.id
             WHERE w.upt_id = $1 AND w.released_on IS NULL AND $2::date IS NOT NULL AND $4::int IS NOT NULL
               AND ((w.status = 'tahanan' AND d.detention_end < $3::date) OR (w.status IN ('narapidana','anak') AND d.expiry < $3::date))
             ORDER BY w.no_register LIMIT 200`,
};
