import type { RealisationSource } from './types.ts';

/** Harvest of every sector (farming, fisheries, livestock), grams; the indicator shows kilograms. */
export const harvestSource: RealisationSource = {
  key: 'harvest',
  unit: 'g',
  describe: { id: 'Hasil panen (pertanian, perikanan, peternakan) dari catatan panen.', en: 'Harvest (farming, fisheries, livestock) from harvest records.' },
  sql: `SELECT upt_id, date_trunc('month', harvested_on)::date AS month, sum(qty_grams)::bigint AS value, NULL::bigint AS denominator
          FROM harvest WHERE harvested_on BETWEEN $1::date AND ($2::date + interval '1 month' - interval '1 day')::date
           AND $3::text IS NOT NULL AND $4::int IS NOT NULL
         GROUP BY upt_id, 2`,
  records: `SELECT h.id, h.harvested_on AS date, h.sector, h.commodity, h.qty_grams AS value
              FROM harvest h WHERE h.upt_id = $1 AND h.harvested_on BETWEEN $2::date AND $3::date AND $4::int IS NOT NULL
             ORDER BY h.harvested_on DESC LIMIT 200`,
};
