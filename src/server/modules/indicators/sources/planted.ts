import type { RealisationSource } from './types.ts';

/** Area of food crops planted (m²; the indicator shows hectares). Resolusi 2020 point 08. */
export const plantedSource: RealisationSource = {
  key: 'planted_area',
  unit: 'm2',
  describe: { id: 'Luas tanam tanaman pangan dari catatan penanaman.', en: 'Area planted with food crops, from planting records.' },
  sql: `SELECT upt_id, date_trunc('month', planted_on)::date AS month, sum(area_m2)::bigint AS value, NULL::bigint AS denominator
          FROM planting WHERE sector = 'farming' AND planted_on BETWEEN $1::date AND ($2::date + interval '1 month' - interval '1 day')::date
           AND $3::text IS NOT NULL AND $4::int IS NOT NULL
         GROUP BY upt_id, 2`,
  records: `SELECT p.id, p.planted_on AS date, p.crop, l.name AS plot, p.area_m2 AS value
              FROM planting p JOIN land_plot l ON l.id = p.plot_id
             WHERE p.upt_id = $1 AND p.sector = 'farming' AND p.planted_on BETWEEN $2::date AND $3::date AND $4::int IS NOT NULL
             ORDER BY p.planted_on DESC LIMIT 200`,
};
