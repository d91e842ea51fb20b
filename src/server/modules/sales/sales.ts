import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { addDays, isAfter, yearOf } from '../../../domain/calendar/date.ts';
import { acceptsPayment, applyStep, goodsLeft, initialStatus, statusAfterPayment, type SaleStatus } from '../../../domain/sales/order-flow.ts';
import { saleTotals } from '../../../domain/sales/totals.ts';
import { can } from '../../../shared/access/roles.ts';
import { covers, scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { PaymentInput, ReasonInput, Sale, SaleInput, SaleListQuery, SalePage, SaleStepInput } from '../../../shared/schemas/sales.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { filteredRoute, ownScopeRoute, rowTarget, targetRoute } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, outOfScope, versionConflict } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';
import { keyConflict } from '../production/queries.ts';
import { nextDocNumber } from './numbers.ts';
import { describeSale, lockSale, SALE_SELECT, toSummary, type SaleRow } from './queries.ts';
import { bumpSalesRollup } from './rollup.ts';
import { takeOut } from './stock-out.ts';

export const salesTags = ['Penjualan / Sales'];
const tags = salesTags;

export const saleTarget = rowTarget('sale', 'saleId');
const paymentTarget = rowTarget('sale_payment', 'salePaymentId');
const SaleParams = z.object({ saleId: PositiveId });

const listRoute = defineRoute({
  method: 'get', path: '/sales', tags, summary: 'Daftar penjualan / sales',
  access: filteredRoute('sales.read'), request: { query: SaleListQuery },
  responses: { 200: jsonOk(SalePage, 'Sales in scope, newest first'), ...errorResponses },
});
const createRoute = defineRoute({
  method: 'post', path: '/sales', tags, summary: 'Catat penjualan atau penawaran / record a sale or a quotation',
  description: [
    'Counter (outlet), marketplace/e-Katalog, consignment and meal-supplier sales are recorded with their goods leaving the stock at once (first expiry first out from `locationId`); counter and marketplace sales carry their payment and get a receipt number (KWT-<year>-000001, gap-free per UPT). An institutional order starts as a quotation (PNW-<year>-…) and moves on with `/sales/{saleId}/steps`.',
    'The client generates `idempotencyKey` once per sale: a retry answers the sale already recorded (200) and changes nothing. Anything refused (stock short, product of another UPT, …) writes nothing and uses no number.',
  ].join('\n\n'),
  access: ownScopeRoute('sales.write'), request: { body: jsonBody(SaleInput) },
  responses: { 201: jsonOk(Sale, 'Recorded'), 200: jsonOk(Sale, 'Already recorded under this key'), ...errorResponses },
});
const getRoute = defineRoute({
  method: 'get', path: '/sales/{saleId}', tags, summary: 'Rincian penjualan / a sale',
  access: targetRoute('sales.read', saleTarget), request: { params: SaleParams },
  responses: { 200: jsonOk(Sale, 'The sale with lines, payments and the steps it can take'), ...errorResponses },
});
const stepRoute = defineRoute({
  method: 'post', path: '/sales/{saleId}/steps', tags, summary: 'Lanjutkan pesanan instansi / move an institutional order on',
  description: '`order` (quotation accepted), `deliver` (goods leave the stock), `invoice` (INV-<year>-… number, due date default 30 days), `cancel` (with reason, only before delivery). Version-checked.',
  access: targetRoute('sales.write', saleTarget), request: { params: SaleParams, body: jsonBody(SaleStepInput) },
  responses: { 200: jsonOk(Sale, 'The sale after the step'), ...errorResponses },
});
const payRoute = defineRoute({
  method: 'post', path: '/sales/{saleId}/payments', tags, summary: 'Catat pembayaran / record a payment',
  description: 'Each payment gets a receipt number (gap-free per UPT and year). At most what is still due. A retry with the same `idempotencyKey` changes nothing.',
  access: targetRoute('sales.write', saleTarget), request: { params: SaleParams, body: jsonBody(PaymentInput) },
  responses: { 201: jsonOk(Sale, 'The sale after the payment'), 200: jsonOk(Sale, 'Already recorded under this key'), ...errorResponses },
});
const reversePaymentRoute = defineRoute({
  method: 'post', path: '/sales/payments/{salePaymentId}/reverse', tags, summary: 'Batalkan pembayaran / reverse a payment',
  description: 'Payments are never edited: a mistake or a refund is an opposite entry pointing to the payment, once. Refused when the sale’s proceeds were already shared (reverse that split first).',
  access: targetRoute('sales.write', paymentTarget), request: { params: z.object({ salePaymentId: PositiveId }), body: jsonBody(ReasonInput) },
  responses: { 200: jsonOk(Sale, 'The sale after the reversal'), ...errorResponses },
});

/** Buyer contacts are personal data: the selling UPT needs them; elsewhere only personal-data readers. */
const seesContacts = (c: Context<AppEnv>) => {
  const role = currentUser(c).role;
  return can(role, 'sales.write') || can(role, 'wbp.personal.read');
};

interface ProductRow { id: number; upt_id: number; name: string; price_rupiah: number; active: boolean; activity_id: number | null; [key: string]: unknown }

async function checkLines(tx: Queryable, input: z.infer<typeof SaleInput>, uptId: number) {
  const products = new Map((await tx.query<ProductRow>('SELECT id, upt_id, name, price_rupiah, active, activity_id FROM product WHERE id = ANY($1::int[])', [input.lines.map((l) => l.productId)])).map((p) => [p.id, p]));
  const priced = input.lines.map((l, i) => {
    const p = products.get(l.productId);
    if (!p || p.upt_id !== uptId || !p.active) throw invalidField(`lines.${i}.productId`, 'product_other_upt');
    const price = l.unitPriceRupiah ?? Number(p.price_rupiah);
    if (l.unitPriceRupiah === undefined && price === 0) throw invalidField(`lines.${i}.unitPriceRupiah`, 'price_missing');
    return { productId: p.id, activityId: p.activity_id, qty: l.qty, unitPriceRupiah: price };
  });
  return { priced, ...saleTotals(priced) };
}

async function checkLocation(tx: Queryable, input: z.infer<typeof SaleInput>, uptId: number): Promise<void> {
  const loc = await tx.one<{ upt_id: number; kind: string }>('SELECT upt_id, kind FROM stock_location WHERE id = $1', [input.locationId]);
  if (!loc || loc.upt_id !== uptId) throw invalidField('locationId', 'location_other_upt');
  // Goods at a partner shop are sold only by that shop's consignment report, and only from there.
  if ((loc.kind === 'consignment') !== (input.channel === 'consignment')) throw invalidField('locationId', 'not_consignment');
}

function checkPayment(input: z.infer<typeof SaleInput>): void {
  if ((input.channel === 'counter' || input.channel === 'marketplace') && !input.payment) throw invalidField('payment.method', 'payment_required');
  if (input.channel === 'institution' && input.payment) throw invalidField('payment.method', 'payment_not_expected');
}

/** Records a payment and everything it moves: receipt number, paid amount, status, rollup. */
async function pay(tx: Queryable, sale: SaleRow, p: { date: string; amountRupiah: number; method: string; reference: string | null; idempotencyKey: string | null }, createdBy: number): Promise<number> {
  const receipt = await nextDocNumber(tx, sale.upt_id, yearOf(p.date), 'receipt');
  const row = await tx.one<{ id: number }>(
    `INSERT INTO sale_payment (sale_id, upt_id, kanwil_id, date, amount_rupiah, method, receipt_number, reference, idempotency_key, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
    [sale.id, sale.upt_id, sale.kanwil_id, p.date, p.amountRupiah, p.method, receipt, p.reference, p.idempotencyKey, createdBy],
  );
  await settle(tx, sale, Number(sale.paid_rupiah) + p.amountRupiah, p.date);
  await bumpSalesRollup(tx, { uptId: sale.upt_id, kanwilId: sale.kanwil_id, month: p.date }, { revenueRupiah: p.amountRupiah, receipts: 1 });
  return row!.id;
}

/** The sale's paid amount and the status and paid date that follow from it. */
async function settle(tx: Queryable, sale: SaleRow, paid: number, date: string): Promise<void> {
  const status = statusAfterPayment({ status: sale.status, invoiced: sale.invoice_number !== null, totalRupiah: Number(sale.total_rupiah), paidRupiah: paid });
  const paidOn = status === 'paid' ? (sale.status === 'paid' ? sale.paid_on : date) : null;
  await tx.query('UPDATE sale SET paid_rupiah = $2, status = $3, paid_on = $4, version = version + 1, updated_at = now() WHERE id = $1', [sale.id, paid, status, paidOn]);
}

async function deliver(tx: Queryable, sale: { id: number; upt_id: number; kanwil_id: number; location_id: number; label: string }, date: string, createdBy: number): Promise<number> {
  const lines = await tx.query<{ id: number; product_id: number; qty: number }>('SELECT id, product_id, qty FROM sale_line WHERE sale_id = $1 ORDER BY id', [sale.id]);
  const { costs } = await takeOut(tx, {
    uptId: sale.upt_id, kanwilId: sale.kanwil_id, locationId: sale.location_id, date, kind: 'sale', saleId: sale.id, reference: sale.label, createdBy,
    lines: lines.map((l) => ({ productId: l.product_id, qty: Number(l.qty) })),
  });
  for (const [i, l] of lines.entries()) await tx.query('UPDATE sale_line SET cost_rupiah = $2 WHERE id = $1', [l.id, costs[i]]);
  const total = costs.reduce((a, b) => a + b, 0);
  await tx.query('UPDATE sale SET cost_rupiah = $2, delivered_on = $3 WHERE id = $1', [sale.id, total, date]);
  return total;
}

/**
 * Writes a new sale of `upt` in the caller's transaction: numbers, lines, goods out of stock when
 * they leave at once, the payment taken at the counter. Refuses (writing nothing) bad input.
 */
export async function insertSale(tx: Queryable, ctx: { userId: number; today: string }, upt: { id: number; kanwil_id: number }, input: z.infer<typeof SaleInput>): Promise<number> {
  const user = { id: ctx.userId };
  if (isAfter(input.date, ctx.today)) throw invalidField('date', 'date_in_future');
  checkPayment(input);
  await checkLocation(tx, input, upt.id);
  const { priced, amounts, totalRupiah } = await checkLines(tx, input, upt.id);
  const status = initialStatus(input.channel);
  const quotation = input.channel === 'institution' ? await nextDocNumber(tx, upt.id, yearOf(input.date), 'quotation') : null;
  const sale = (await tx.one<{ id: number }>(
    `INSERT INTO sale (upt_id, kanwil_id, channel, status, date, buyer_kind, buyer_name, buyer_institution, buyer_contact, external_reference, order_request_id,
       location_id, quotation_number, total_rupiah, note, idempotency_key, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) RETURNING id`,
    [upt.id, upt.kanwil_id, input.channel, status, input.date, input.buyer?.kind ?? null, input.buyer?.name ?? null, input.buyer?.institution ?? null,
      input.buyer?.contact ?? null, input.externalReference ?? null, input.orderRequestId ?? null, input.locationId, quotation, totalRupiah, input.note ?? null,
      input.idempotencyKey, user.id],
  ))!;
  const id = Number(sale.id);
  await tx.query(
    `INSERT INTO sale_line (sale_id, product_id, activity_id, qty, unit_price_rupiah, amount_rupiah)
     SELECT $1, * FROM unnest($2::int[], $3::int[], $4::bigint[], $5::bigint[], $6::bigint[])`,
    [id, priced.map((l) => l.productId), priced.map((l) => l.activityId), priced.map((l) => l.qty), priced.map((l) => l.unitPriceRupiah), amounts],
  );
  if (goodsLeft(status)) await deliver(tx, { id, upt_id: upt.id, kanwil_id: upt.kanwil_id, location_id: input.locationId, label: `sale:${id}` }, input.date, user.id);
  if (input.payment && totalRupiah > 0) {
    const row = await lockSale(tx, id);
    await pay(tx, row, { date: input.date, amountRupiah: totalRupiah, method: input.payment.method, reference: input.payment.reference ?? null, idempotencyKey: null }, user.id);
  }
  return id;
}

export function saleRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 's.kanwil_id', upt: 's.upt_id' }, params)];
    if (q.uptId) conds.push(`s.upt_id = $${params.push(q.uptId)}`);
    if (q.status) conds.push(`s.status = $${params.push(q.status)}`);
    if (q.channel) conds.push(`s.channel = $${params.push(q.channel)}`);
    if (q.from) conds.push(`s.date >= $${params.push(q.from)}`);
    if (q.to) conds.push(`s.date <= $${params.push(q.to)}`);
    const where = conds.join(' AND ');
    const { db } = c.get('services');
    const total = await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM sale s WHERE ${where}`, params);
    const rows = await db.query<SaleRow>(`${SALE_SELECT} WHERE ${where} ORDER BY s.date DESC, s.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`, params);
    return c.json({ items: rows.map(toSummary), total: total!.n, page: q.page, pageSize: q.pageSize }, 200);
  });

  app.openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    const user = currentUser(c);
    const result = await db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      // The UPT's receipt counter lock also serialises retries of the same key.
      await tx.query('SELECT pg_advisory_xact_lock(7245101, $1)', [upt.id]);
      const existing = await tx.one<{ id: number; upt_id: number }>('SELECT id, upt_id FROM sale WHERE idempotency_key = $1', [input.idempotencyKey]);
      if (existing) {
        if (existing.upt_id !== upt.id) throw keyConflict();
        return { id: Number(existing.id), created: false };
      }
      const id = await insertSale(tx, { userId: user.id, today: clock.today() }, upt, input);
      const after = await describeSale(tx, id, { personal: true });
      await recordAudit(tx, actorOf(c), { entity: 'sale', entityId: id, action: 'create', after, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return { id, created: true };
    });
    return c.json(await describeSale(db, result.id, { personal: seesContacts(c) }), result.created ? 201 : 200);
  });

  app.openapi(getRoute, async (c) => c.json(await describeSale(c.get('services').db, c.req.valid('param').saleId, { personal: seesContacts(c) }), 200));

  app.openapi(stepRoute, async (c) => {
    const { saleId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    await db.tx(async (tx) => {
      const sale = await lockSale(tx, saleId);
      if (sale.version !== input.version) throw versionConflict();
      if (isAfter(input.date, clock.today())) throw invalidField('date', 'date_in_future');
      if (isAfter(sale.date, input.date)) throw invalidField('date', 'invalid_date');
      const next = applyStep(sale.status, input.step);
      if (!next) throw invalidField('step', 'wrong_step');
      const before = await describeSale(tx, saleId, { personal: true });
      let status: SaleStatus = next;
      const set: Record<string, unknown> = {};
      if (input.step === 'order') set.ordered_on = input.date;
      if (input.step === 'cancel') {
        if (!input.reason) throw invalidField('reason', 'required');
        set.cancel_reason = input.reason;
      }
      if (input.step === 'deliver') {
        await deliver(tx, { id: saleId, upt_id: sale.upt_id, kanwil_id: sale.kanwil_id, location_id: sale.location_id, label: sale.quotation_number ?? `sale:${saleId}` }, input.date, currentUser(c).id);
        // Paid in advance: delivered goods that are fully paid are simply paid.
        status = statusAfterPayment({ status: next, invoiced: false, totalRupiah: Number(sale.total_rupiah), paidRupiah: Number(sale.paid_rupiah) });
        if (status === 'paid') set.paid_on = input.date;
      }
      if (input.step === 'invoice') {
        set.invoice_number = await nextDocNumber(tx, sale.upt_id, yearOf(input.date), 'invoice');
        set.invoiced_on = input.date;
        set.due_on = input.dueOn ?? addDays(input.date, 30);
        if (isAfter(input.date, String(set.due_on))) throw invalidField('dueOn', 'invalid_date');
      }
      const cols = Object.keys(set);
      await tx.query(
        `UPDATE sale SET status = $2, version = version + 1, updated_at = now()${cols.map((k, i) => `, ${k} = $${i + 3}`).join('')} WHERE id = $1`,
        [saleId, status, ...cols.map((k) => set[k])],
      );
      const after = await describeSale(tx, saleId, { personal: true });
      await recordAudit(tx, actorOf(c), { entity: 'sale', entityId: saleId, action: input.step, before, after, scope: { kanwilId: sale.kanwil_id, uptId: sale.upt_id } });
    });
    return c.json(await describeSale(db, saleId, { personal: seesContacts(c) }), 200);
  });

  app.openapi(payRoute, async (c) => {
    const { saleId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    const created = await db.tx(async (tx) => {
      const sale = await lockSale(tx, saleId);
      const prior = await tx.one<{ sale_id: number }>('SELECT sale_id FROM sale_payment WHERE idempotency_key = $1', [input.idempotencyKey]);
      if (prior) {
        if (Number(prior.sale_id) !== saleId) throw keyConflict();
        return false;
      }
      if (isAfter(input.date, clock.today())) throw invalidField('date', 'date_in_future');
      if (!acceptsPayment(sale.status)) throw invalidField('amountRupiah', 'payment_not_allowed');
      const due = Number(sale.total_rupiah) - Number(sale.paid_rupiah);
      if (input.amountRupiah > due) throw new AppError(400, 'VALIDATION', { amountRupiah: { id: `Jumlah melebihi sisa tagihan (Rp ${due.toLocaleString('id-ID')}).`, en: `The amount exceeds what is still due (Rp ${due.toLocaleString('en-US')}).` } });
      const before = await describeSale(tx, saleId, { personal: true });
      const paymentId = await pay(tx, sale, { date: input.date, amountRupiah: input.amountRupiah, method: input.method, reference: input.reference ?? null, idempotencyKey: input.idempotencyKey }, currentUser(c).id);
      const after = await describeSale(tx, saleId, { personal: true });
      await recordAudit(tx, actorOf(c), { entity: 'sale_payment', entityId: paymentId, action: 'create', before, after, scope: { kanwilId: sale.kanwil_id, uptId: sale.upt_id } });
      return true;
    });
    return c.json(await describeSale(db, saleId, { personal: seesContacts(c) }), created ? 201 : 200);
  });

  app.openapi(reversePaymentRoute, async (c) => {
    const { salePaymentId: paymentId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const { db, clock } = c.get('services');
    const saleId = await db.tx(async (tx) => {
      const p = await tx.one<{ id: number; sale_id: number; amount_rupiah: number; method: string; reverses: number | null; upt_id: number; kanwil_id: number }>(
        'SELECT * FROM sale_payment WHERE id = $1', [paymentId],
      );
      if (!p) throw invalidField('paymentId', 'invalid');
      if (!covers(currentUser(c).scope, { kanwilId: p.kanwil_id, uptId: p.upt_id })) throw outOfScope();
      const sale = await lockSale(tx, Number(p.sale_id));
      if (p.reverses !== null || (await tx.one('SELECT 1 FROM sale_payment WHERE reverses = $1', [paymentId]))) throw invalidField('paymentId', 'already_reversed');
      if (await tx.one('SELECT 1 FROM sale_line WHERE sale_id = $1 AND split_id IS NOT NULL', [sale.id])) throw invalidField('paymentId', 'payment_split');
      const before = await describeSale(tx, Number(sale.id), { personal: true });
      const today = clock.today();
      const amount = Number(p.amount_rupiah);
      await tx.query(
        `INSERT INTO sale_payment (sale_id, upt_id, kanwil_id, date, amount_rupiah, method, reverses, reference, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [sale.id, sale.upt_id, sale.kanwil_id, today, -amount, p.method, paymentId, reason, currentUser(c).id],
      );
      await settle(tx, sale, Number(sale.paid_rupiah) - amount, today);
      await bumpSalesRollup(tx, { uptId: sale.upt_id, kanwilId: sale.kanwil_id, month: today }, { revenueRupiah: -amount, receipts: -1 });
      const after = await describeSale(tx, Number(sale.id), { personal: true });
      await recordAudit(tx, actorOf(c), { entity: 'sale_payment', entityId: paymentId, action: 'reverse', before, after: { ...after, reason }, scope: { kanwilId: sale.kanwil_id, uptId: sale.upt_id } });
      return Number(sale.id);
    });
    return c.json(await describeSale(db, saleId, { personal: seesContacts(c) }), 200);
  });
}
