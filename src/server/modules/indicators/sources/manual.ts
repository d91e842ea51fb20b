import type { RealisationSource } from './types.ts';

/** Entered by the UPT with evidence (note, optional link); the latest entry of a month counts. */
export const manualSource: RealisationSource = {
  key: 'manual',
  unit: 'unit',
  describe: { id: 'Diisi manual oleh UPT dengan bukti (catatan dan tautan).', en: 'Entered by the unit with evidence (note and link).' },
  sql: `SELECT DISTINCT ON (upt_id, month) upt_id, month, value, NULL::bigint AS denominator
          FROM indicator_manual_value
         WHERE indicator_id = $4 AND month BETWEEN $1::date AND $2::date AND $3::text IS NOT NULL
         ORDER BY upt_id, month, id DESC`,
  records: `SELECT m.id, m.month AS date, m.value, m.note, m.link, a.username AS "enteredBy", m.created_at AS "enteredAt"
              FROM indicator_manual_value m LEFT JOIN app_user a ON a.id = m.created_by
             WHERE m.upt_id = $1 AND m.month BETWEEN $2::date AND $3::date AND m.indicator_id = $4
             ORDER BY m.month, m.id DESC`,
};
