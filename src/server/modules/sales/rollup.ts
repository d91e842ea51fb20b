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
