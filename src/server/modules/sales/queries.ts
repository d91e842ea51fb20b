import type { z } from 'zod';
import { possibleSteps, type SaleStatus } from '../../../domain/sales/order-flow.ts';
import type { Sale, SaleSummary } from '../../../shared/schemas/sales.ts';
import type { Queryable } from '../../db/pool.ts';
import { notFound } from '../../http/errors.ts';

export interface SaleRow {
  id: number; upt_id: number; upt_name: string; kanwil_id: number; channel: Sale['channel']; status: SaleStatus; date: string;
  buyer_kind: Sale['buyerKind']; buyer_name: string | null; buyer_institution: string | null; buyer_contact: string | null;
  external_reference: string | null; order_request_id: number | null; location_id: number; location_name: string;
  quotation_number: string | null; invoice_number: string | null; total_rupiah: number; paid_rupiah: number; cost_rupiah: number | null;
  ordered_on: string | null; delivered_on: string | null; invoiced_on: string | null; due_on: string | null; paid_on: string | null;
  cancel_reason: string | null; note: string | null; idempotency_key: string; version: number;
  [key: string]: unknown;
}

export const SALE_SELECT = `SELECT s.*, u.name AS upt_name, l.name AS location_name FROM sale s JOIN upt u ON u.id = s.upt_id JOIN stock_location l ON l.id = s.location_id`;

export const toSummary = (r: SaleRow): z.infer<typeof SaleSummary> => ({
  id: Number(r.id), uptId: r.upt_id, uptName: r.upt_name, kanwilId: r.kanwil_id, channel: r.channel, status: r.status, date: r.date,
  buyerName: r.buyer_name, buyerInstitution: r.buyer_institution, totalRupiah: Number(r.total_rupiah), paidRupiah: Number(r.paid_rupiah),
  quotationNumber: r.quotation_number, invoiceNumber: r.invoice_number, externalReference: r.external_reference, version: r.version,
});

export async function lockSale(tx: Queryable, id: number): Promise<SaleRow> {
  const r = await tx.one<SaleRow>(`${SALE_SELECT} WHERE s.id = $1 FOR UPDATE OF s`, [id]);
  if (!r) throw notFound();
  return r;
}

export async function describeSale(db: Queryable, id: number, opts: { personal: boolean }): Promise<Sale> {
  const r = await db.one<SaleRow>(`${SALE_SELECT} WHERE s.id = $1`, [id]);
  if (!r) throw notFound();
  const lines = await db.query<{ id: number; product_id: number; product_name: string; unit: string; activity_id: number | null; qty: number; unit_price_rupiah: number; amount_rupiah: number; cost_rupiah: number | null; split_id: number | null }>(
    `SELECT sl.*, p.name AS product_name, p.unit FROM sale_line sl JOIN product p ON p.id = sl.product_id WHERE sl.sale_id = $1 ORDER BY sl.id`,
    [id],
  );
  const payments = await db.query<{ id: number; date: string; amount_rupiah: number; method: Sale['payments'][number]['method']; receipt_number: string | null; reverses: number | null; reversed_by: number | null; reference: string | null }>(
    `SELECT p.*, (SELECT r.id FROM sale_payment r WHERE r.reverses = p.id) AS reversed_by FROM sale_payment p WHERE p.sale_id = $1 ORDER BY p.id`,
    [id],
  );
  return {
    ...toSummary(r),
    // Buyer contacts are personal data: only readers with inmate-level personal access see them.
    buyerKind: r.buyer_kind, buyerContact: opts.personal ? r.buyer_contact : null, locationId: r.location_id, locationName: r.location_name,
    orderRequestId: r.order_request_id, costRupiah: r.cost_rupiah === null ? null : Number(r.cost_rupiah),
    orderedOn: r.ordered_on, deliveredOn: r.delivered_on, invoicedOn: r.invoiced_on, dueOn: r.due_on, paidOn: r.paid_on,
    cancelReason: r.cancel_reason, note: r.note,
    lines: lines.map((l) => ({
      id: Number(l.id), productId: l.product_id, productName: l.product_name, unit: l.unit, activityId: l.activity_id, qty: Number(l.qty),
      unitPriceRupiah: Number(l.unit_price_rupiah), amountRupiah: Number(l.amount_rupiah), costRupiah: l.cost_rupiah === null ? null : Number(l.cost_rupiah),
      splitId: l.split_id === null ? null : Number(l.split_id),
    })),
    payments: payments.map((p) => ({
      id: Number(p.id), date: p.date, amountRupiah: Number(p.amount_rupiah), method: p.method, receiptNumber: p.receipt_number,
      reverses: p.reverses === null ? null : Number(p.reverses), reversedBy: p.reversed_by === null ? null : Number(p.reversed_by), reference: p.reference,
    })),
    steps: possibleSteps(r.status),
  };
}
