import type { RealisationSource } from './types.ts';

/**
 * Pokmas Lipas groups active today at each Bapas (Resolusi 2020 point 12; Kepdirjenpas
 * PAS-06.OT.02.02/2020). The register says what holds now, so this is a snapshot source.
 */
export const pokmasSource: RealisationSource = {
  key: 'pokmas',
  unit: 'kelompok',
  snapshot: true,
  describe: { id: 'Kelompok Pokmas Lipas aktif di Bapas (hari ini).', en: 'Active Pokmas Lipas groups at each Bapas (today).' },
  sql: `SELECT upt_id, date_trunc('month', $3::date)::date AS month, count(*)::bigint AS value, NULL::bigint AS denominator
          FROM pokmas_group WHERE active AND formed_on <= $3::date AND $4::int IS NOT NULL
           AND date_trunc('month', $3::date)::date BETWEEN $1::date AND $2::date
         GROUP BY upt_id`,
  records: `SELECT g.id AS "groupId", g.name, g.field, g.formed_on AS "formedOn", g.decree_number AS "decree"
              FROM pokmas_group g WHERE g.upt_id = $1 AND g.active AND g.formed_on <= $3::date AND $2::date IS NOT NULL AND $4::int IS NOT NULL
             ORDER BY g.name LIMIT 200`,
};
