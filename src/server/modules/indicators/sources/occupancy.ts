import type { RealisationSource } from './types.ts';

/**
 * Occupancy at the end of each month (Resolusi 2020 point 10, overcrowding): occupants from the
 * inmate registry (admitted on or before the month's end, not released by then) over the UPT's
 * capacity. A ratio: Kanwil and national figures are Σ occupants / Σ capacity. Capacities in the
 * demo are generated sample data (upt.capacity_source says so). A UPT with no one in the registry
 * (its SDP data not imported yet) is left out rather than counted as empty.
 */
export const occupancySource: RealisationSource = {
  key: 'occupancy',
  unit: 'orang',
  ratio: true,
  describe: { id: 'Penghuni akhir bulan (registrasi WBP) dibanding kapasitas UPT; UPT tanpa data registrasi tidak dihitung.', en: 'Occupants at month end (inmate registry) against the unit’s capacity; units with no registry data are left out.' },
  // One pass over the registry: each inmate counts in every month-end they were held at.
  sql: `WITH m AS (
          SELECT g::date AS month, (g + interval '1 month' - interval '1 day')::date AS last_day
            FROM generate_series($1::date, $2::date, interval '1 month') g
           WHERE g::date <= $3::date AND $4::int IS NOT NULL),
        occ AS (
          SELECT w.upt_id, m.month, count(*)::bigint AS value
            FROM wbp w JOIN m ON COALESCE(w.admitted_on, w.detention_start, '1900-01-01'::date) <= m.last_day
                             AND (w.released_on IS NULL OR w.released_on > m.last_day)
           WHERE w.status <> 'klien'
           GROUP BY w.upt_id, m.month)
        SELECT o.upt_id, o.month, o.value, u.capacity::bigint AS denominator
          FROM occ o JOIN upt u ON u.id = o.upt_id
         WHERE u.active AND u.capacity > 0 AND u.type NOT IN ('bapas','rupbasan','rs')`,
  records: `SELECT w.status, count(*)::int AS occupants
              FROM wbp w WHERE w.upt_id = $1 AND w.status <> 'klien' AND $2::date IS NOT NULL AND $4::int IS NOT NULL
               AND COALESCE(w.admitted_on, w.detention_start, '1900-01-01'::date) <= $3::date AND (w.released_on IS NULL OR w.released_on > $3::date)
             GROUP BY w.status ORDER BY w.status`,
};
