import type { RealisationSource } from './types.ts';

/** Premi earned by inmates (earnings net of reversals and adjustments, proceeds shares), rupiah. */
export const premiSource: RealisationSource = {
  key: 'premi',
  unit: 'rupiah',
  describe: { id: 'Premi yang diperoleh WBP (buku premi, setelah koreksi).', en: 'Premi earned by inmates (premi ledger, after corrections).' },
  sql: `SELECT upt_id, date_trunc('month', date)::date AS month, sum(amount_rupiah)::bigint AS value, NULL::bigint AS denominator
          FROM premi_entry WHERE kind IN ('earning','reversal','adjustment','proceeds_share')
           AND date BETWEEN $1::date AND ($2::date + interval '1 month' - interval '1 day')::date AND $3::text IS NOT NULL AND $4::int IS NOT NULL
         GROUP BY upt_id, 2`,
  records: `SELECT p.date, p.kind, count(*)::int AS entries, sum(p.amount_rupiah)::bigint AS value
              FROM premi_entry p WHERE p.upt_id = $1 AND p.date BETWEEN $2::date AND $3::date AND $4::int IS NOT NULL
               AND p.kind IN ('earning','reversal','adjustment','proceeds_share')
             GROUP BY p.date, p.kind ORDER BY p.date DESC LIMIT 200`,
};
