import type { RealisationSource } from './types.ts';

/**
 * PNBP deposited (Resolusi 2020 point 11, KPI PNBP): NTPN payments net of reversals, by the month
 * the PNBP is for — the same `sales_month_rollup` figures the PNBP pages show, so the cockpit and
 * the finance officer's reconciliation never disagree.
 */
export const pnbpSource: RealisationSource = {
  key: 'pnbp',
  unit: 'rupiah',
  describe: { id: 'PNBP disetor (NTPN, setelah pembatalan) menurut bulan PNBP.', en: 'PNBP deposited (NTPN, net of reversals) by the month it is for.' },
  sql: `SELECT upt_id, month, pnbp_paid_rupiah::bigint AS value, NULL::bigint AS denominator
          FROM sales_month_rollup WHERE month BETWEEN $1::date AND $2::date AND pnbp_paid_rupiah <> 0 AND $3::text IS NOT NULL AND $4::int IS NOT NULL`,
  records: `SELECT b.kode_billing AS "kodeBilling", b.period_month AS "month", p.ntpn, p.paid_on AS "paidOn", p.amount_rupiah AS "amountRupiah"
              FROM pnbp_payment p JOIN pnbp_billing b ON b.id = p.billing_id
             WHERE p.upt_id = $1 AND b.period_month BETWEEN date_trunc('month', $2::date)::date AND $3::date AND $4::int IS NOT NULL
             ORDER BY p.paid_on DESC, p.id DESC LIMIT 200`,
};
