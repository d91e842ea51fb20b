import type { Queryable } from '../../db/pool.ts';

/** The columns of `sales_month_rollup` a write may move. */
export interface SalesRollupDelta {
  revenueRupiah?: number;
  receipts?: number;
  pnbpDueRupiah?: number;
  premiSharedRupiah?: number;
  pnbpBilledRupiah?: number;
  pnbpPaidRupiah?: number;
}

/** First day of the month of a calendar date ('2026-11-25' → '2026-11-01'). */
export const monthOf = (date: string): string => `${date.slice(0, 7)}-01`;

/**
 * Adds a write's effect to its UPT's month, in the caller's transaction: the rollup can never
 * disagree with the ledgers it sums (a reversal passes negative deltas).
 */
export async function bumpSalesRollup(tx: Queryable, at: { uptId: number; kanwilId: number; month: string }, d: SalesRollupDelta): Promise<void> {
  await tx.query(
    `INSERT INTO sales_month_rollup (upt_id, kanwil_id, month, revenue_rupiah, receipts, pnbp_due_rupiah, premi_shared_rupiah, pnbp_billed_rupiah, pnbp_paid_rupiah)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (upt_id, month) DO UPDATE SET
       revenue_rupiah = sales_month_rollup.revenue_rupiah + EXCLUDED.revenue_rupiah,
       receipts = sales_month_rollup.receipts + EXCLUDED.receipts,
       pnbp_due_rupiah = sales_month_rollup.pnbp_due_rupiah + EXCLUDED.pnbp_due_rupiah,
       premi_shared_rupiah = sales_month_rollup.premi_shared_rupiah + EXCLUDED.premi_shared_rupiah,
       pnbp_billed_rupiah = sales_month_rollup.pnbp_billed_rupiah + EXCLUDED.pnbp_billed_rupiah,
       pnbp_paid_rupiah = sales_month_rollup.pnbp_paid_rupiah + EXCLUDED.pnbp_paid_rupiah`,
    [
      at.uptId, at.kanwilId, monthOf(at.month),
      d.revenueRupiah ?? 0, d.receipts ?? 0, d.pnbpDueRupiah ?? 0, d.premiSharedRupiah ?? 0, d.pnbpBilledRupiah ?? 0, d.pnbpPaidRupiah ?? 0,
    ],
  );
}

/**
 * `sales_month_rollup` computed from scratch from the ledgers its writes bump: payments (a
 * reversal is a negative payment dated the day it was made), proceeds splits (a reversal is a
 * negative split of the same month), PNBP billings and NTPN payments by the month they are for.
 * The rollup check (ops) compares the two.
 */
export const SALES_ROLLUP_FROM_RECORDS = `
  SELECT upt_id, kanwil_id, month, sum(revenue)::bigint AS revenue_rupiah, sum(receipts)::bigint AS receipts,
         sum(pnbp_due)::bigint AS pnbp_due_rupiah, sum(premi_shared)::bigint AS premi_shared_rupiah,
         sum(billed)::bigint AS pnbp_billed_rupiah, sum(paid)::bigint AS pnbp_paid_rupiah
    FROM (
      SELECT upt_id, kanwil_id, date_trunc('month', date)::date AS month, amount_rupiah AS revenue, sign(amount_rupiah) AS receipts, 0 AS pnbp_due, 0 AS premi_shared, 0 AS billed, 0 AS paid FROM sale_payment
      UNION ALL SELECT upt_id, kanwil_id, month, 0, 0, pnbp_rupiah, premi_rupiah, 0, 0 FROM proceeds_split
      UNION ALL SELECT upt_id, kanwil_id, period_month, 0, 0, 0, 0, amount_rupiah, 0 FROM pnbp_billing
      UNION ALL SELECT p.upt_id, p.kanwil_id, b.period_month, 0, 0, 0, 0, 0, p.amount_rupiah FROM pnbp_payment p JOIN pnbp_billing b ON b.id = p.billing_id
    ) s
   GROUP BY 1, 2, 3`;
