import type { RealisationSource } from './types.ts';

/** Production batches completed (each batch of goods made in a UPT's workshop). */
export const productionSource: RealisationSource = {
  key: 'production_batches',
  unit: 'batch',
  describe: { id: 'Batch produksi yang selesai (industri Lapas).', en: 'Production batches completed (prison industry).' },
  sql: `SELECT upt_id, date_trunc('month', date)::date AS month, count(*)::bigint AS value, NULL::bigint AS denominator
          FROM production_batch WHERE date BETWEEN $1::date AND ($2::date + interval '1 month' - interval '1 day')::date
           AND $3::text IS NOT NULL AND $4::int IS NOT NULL
         GROUP BY upt_id, 2`,
  records: `SELECT b.id, b.number, b.date, p.name AS product, b.output_qty AS "outputQty", b.total_cost_rupiah AS "costRupiah"
              FROM production_batch b JOIN product p ON p.id = b.product_id
             WHERE b.upt_id = $1 AND b.date BETWEEN $2::date AND $3::date AND $4::int IS NOT NULL ORDER BY b.date DESC LIMIT 200`,
};
