import type { RealisationSource } from './types.ts';

const rollup = (column: 'trained' | 'certified') =>
  `SELECT upt_id, month, ${column}::bigint AS value, NULL::bigint AS denominator
     FROM training_month_rollup WHERE month BETWEEN $1::date AND $2::date AND ${column} <> 0 AND $3::text IS NOT NULL AND $4::int IS NOT NULL`;

/** Inmates who completed a skills programme (KPI training), from the training module's rollup. */
export const trainedSource: RealisationSource = {
  key: 'trained',
  unit: 'orang',
  describe: { id: 'WBP yang menyelesaikan pelatihan keterampilan (bulan selesai).', en: 'Inmates who completed skills training (month of completion).' },
  sql: rollup('trained'),
  records: `SELECT p.id AS "programmeId", p.name, p.skill, tp.completed_on AS "completedOn", count(*)::int AS participants
              FROM training_participant tp JOIN training_programme p ON p.id = tp.programme_id
             WHERE p.upt_id = $1 AND tp.completed_on BETWEEN $2::date AND $3::date AND $4::int IS NOT NULL
             GROUP BY p.id, p.name, p.skill, tp.completed_on ORDER BY tp.completed_on DESC LIMIT 200`,
};

/** Inmates certified competent (Resolusi 2020 point 07, KPI certification): BNSP certificates by test month. */
export const certifiedSource: RealisationSource = {
  key: 'certified',
  unit: 'orang',
  describe: { id: 'WBP dinyatakan kompeten (sertifikat BNSP) menurut bulan uji.', en: 'Inmates found competent (BNSP certificate) by test month.' },
  sql: rollup('certified'),
  records: `SELECT t.test_date AS "testDate", t.scheme, t.lsp_name AS "lsp", t.certificate_number AS "certificateNumber"
              FROM competency_test t WHERE t.upt_id = $1 AND t.result = 'kompeten' AND t.test_date BETWEEN $2::date AND $3::date AND $4::int IS NOT NULL
             ORDER BY t.test_date DESC LIMIT 200`,
};
