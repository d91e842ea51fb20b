import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { isAfter } from '../../../domain/calendar/date.ts';
import { billingErrors, defaultExpiry, paymentErrors } from '../../../domain/pnbp/billing.ts';
import { normaliseCode6, normaliseKodeBilling, normaliseNtpn } from '../../../domain/pnbp/codes.ts';
import type { Reason } from '../../../domain/work/text.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import {
  Billing, BillingInput, BillingListQuery, PaymentInput, ReconQuery, Reconciliation, ReversePaymentInput, Summary, SummaryQuery,
} from '../../../shared/schemas/pnbp.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { filteredRoute, ownScopeRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';
import { bumpSalesRollup } from '../sales/rollup.ts';
import { exportReconciliation } from './export.ts';
import { listBillings, monthStart, pnbpSummary, reconciliation } from './queries.ts';

const tags = ['PNBP'];

const billingTarget: TargetResolver = async (c) => {
  const b = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM pnbp_billing WHERE id = $1', [Number(c.req.param('billingId'))]);
  return b ? { kanwilId: b.kanwil_id, uptId: b.upt_id } : undefined;
};
const paymentTarget: TargetResolver = async (c) => {
  const p = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM pnbp_payment WHERE id = $1', [Number(c.req.param('paymentId'))]);
  return p ? { kanwilId: p.kanwil_id, uptId: p.upt_id } : undefined;
};

const listRoute = defineRoute({
  method: 'get', path: '/pnbp/billings', tags, summary: 'Billing PNBP (kode billing) / PNBP billings',
  description: 'Billings in scope with their status on today (paid / unpaid / expired = expired unpaid) and their NTPN payments. `from`/`to` are PNBP months (YYYY-MM); the default is the last 12 months.',
  access: filteredRoute('pnbp.read'), request: { query: BillingListQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(Billing) }), 'Billings, newest month first'), ...errorResponses },
});
const createRoute = defineRoute({
  method: 'post', path: '/pnbp/billings', tags, summary: 'Catat kode billing SIMPONI / record a SIMPONI billing',
  description: 'Kode billing: 15 digits; satker code defaults to the UPT’s; account code: 6 digits; expiry defaults to creation + 7 days. The client generates `idempotencyKey` once per billing: a retry answers the billing already recorded (200) and changes nothing. The billed amount is added to the month’s rollup in the same transaction.',
  access: ownScopeRoute('pnbp.write'), request: { body: jsonBody(BillingInput) },
  responses: { 201: jsonOk(Billing, 'Recorded'), 200: jsonOk(Billing, 'Already recorded under this key'), ...errorResponses },
});
const payRoute = defineRoute({
  method: 'post', path: '/pnbp/billings/{billingId}/payments', tags, summary: 'Catat NTPN / record the payment proof (NTPN)',
  description: 'NTPN: 16 letters or digits, unique nationally. The amount must equal the billing’s and the date lie between its creation and its expiry. Sending the same NTPN for the same billing again answers the billing (200) and changes nothing.',
  access: targetRoute('pnbp.write', billingTarget), request: { params: z.object({ billingId: PositiveId }), body: jsonBody(PaymentInput) },
  responses: { 201: jsonOk(Billing, 'The billing, paid'), 200: jsonOk(Billing, 'Already recorded'), ...errorResponses },
});
const reverseRoute = defineRoute({
  method: 'post', path: '/pnbp/payments/{paymentId}/reverse', tags, summary: 'Batalkan pembayaran (pembalikan) / reverse a payment',
  description: 'Payments are append-only: a wrong one is cancelled by an opposite entry with a reason, once. The billing is unpaid again (or expired).',
  access: targetRoute('pnbp.write', paymentTarget), request: { params: z.object({ paymentId: PositiveId }), body: jsonBody(ReversePaymentInput) },
  responses: { 200: jsonOk(Billing, 'The billing after the reversal'), ...errorResponses },
});
const reconRoute = defineRoute({
  method: 'get', path: '/pnbp/reconciliation', tags, summary: 'Rekonsiliasi PNBP / PNBP reconciliation',
  description: 'Per UPT × month from the ledgers: PNBP due (proceeds splits) vs billed (live billings) vs paid (NTPN, net of reversals), with the gaps listed.',
  access: filteredRoute('pnbp.read'), request: { query: ReconQuery },
  responses: { 200: jsonOk(Reconciliation, 'Reconciliation in scope'), ...errorResponses },
});
const exportRoute = defineRoute({
  method: 'get', path: '/pnbp/reconciliation/export', tags, summary: 'Unduh rekonsiliasi (XLSX/PDF) / download the reconciliation',
  access: filteredRoute('pnbp.read'), request: { query: ReconQuery.extend({ format: z.enum(['xlsx', 'pdf']).default('xlsx') }) },
  responses: { 200: { description: 'The file' }, ...errorResponses },
});
const summaryRoute = defineRoute({
  method: 'get', path: '/pnbp/summary', tags, summary: 'Rekap PNBP per Kanwil/UPT / PNBP rollup per regional office or unit',
  description: 'Due vs billed vs paid for a year, from the monthly rollup: one row per Kanwil for national users, per UPT for a Kanwil (or with `kanwilId`).',
  access: filteredRoute('pnbp.read'), request: { query: SummaryQuery },
  responses: { 200: jsonOk(Summary, 'Rollup in scope'), ...errorResponses },
});

/** Domain refusals as field errors: 409 when the billing is already settled, 400 otherwise. */
function refusal(errors: Array<Reason & { field: string }>): AppError {
  const fields = Object.fromEntries(errors.map((e) => [e.field, { id: e.id, en: e.en }]));
  return new AppError(errors.some((e) => e.code === 'already_paid') ? 409 : 400, errors.some((e) => e.code === 'already_paid') ? 'DUPLICATE' : 'VALIDATION', fields);
}

async function oneBilling(c: Context<AppEnv>, q: Queryable, id: number): Promise<Billing> {
  const { clock } = c.get('services');
  const b = await q.one<{ period_month: string }>('SELECT period_month FROM pnbp_billing WHERE id = $1', [id]);
  if (!b) throw notFound();
  const [row] = await listBillings(q, { scope: { level: 'national' } }, { from: b.period_month, to: b.period_month }, clock.today(), { billingId: id });
  return row!;
}

const defaultRange = (today: string) => ({ from: `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`, to: monthStart(today) });

export function pnbpRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = c.get('services');
    const today = clock.today();
    const range = { from: q.from ? monthStart(q.from) : defaultRange(today).from, to: q.to ? monthStart(q.to) : defaultRange(today).to };
    const items = await listBillings(db, { scope: currentUser(c).scope, uptId: q.uptId }, range, today, q.status ? { status: q.status } : {});
    return c.json({ items }, 200);
  });

  app.openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    const today = clock.today();
    const kode = normaliseKodeBilling(input.kodeBilling)!;
    const result = await db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      // One writer per kode billing at a time: a retry racing its original waits, then finds it.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pnbp-billing:${kode}`]);
      const byKey = await tx.one<{ id: number; kode_billing: string; upt_id: number }>('SELECT id, kode_billing, upt_id FROM pnbp_billing WHERE idempotency_key = $1', [input.idempotencyKey]);
      if (byKey) {
        if (byKey.kode_billing === kode && byKey.upt_id === upt.id) return { id: byKey.id, created: false };
        throw new AppError(409, 'DUPLICATE', { idempotencyKey: { id: 'Kunci ini sudah dipakai untuk billing lain.', en: 'This key was used for another billing.' } });
      }
      if (await tx.one('SELECT 1 FROM pnbp_billing WHERE kode_billing = $1', [kode])) {
        throw new AppError(409, 'DUPLICATE', { kodeBilling: { id: 'Kode billing ini sudah dicatat.', en: 'This kode billing is already recorded.' } });
      }
      const satker = input.satkerCode
        ? normaliseCode6(input.satkerCode)!
        : (await tx.one<{ satker_code: string | null }>('SELECT satker_code FROM upt WHERE id = $1', [upt.id]))?.satker_code;
      if (!satker) throw invalidField('satkerCode', 'required');
      const periodMonth = monthStart(input.periodMonth);
      const expiresOn = input.expiresOn ?? defaultExpiry(input.createdOn);
      const errs = billingErrors({ createdOn: input.createdOn, expiresOn, periodMonth, amount: input.amountRupiah }, today);
      if (errs.length) throw refusal(errs);
      const row = await tx.one<{ id: number }>(
        `INSERT INTO pnbp_billing (upt_id, kanwil_id, kode_billing, satker_code, account_code, amount_rupiah, period_month, description, created_on, expires_on, idempotency_key, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
        [upt.id, upt.kanwil_id, kode, satker, normaliseCode6(input.accountCode)!, input.amountRupiah, periodMonth, input.description, input.createdOn, expiresOn, input.idempotencyKey, currentUser(c).id],
      );
      await bumpSalesRollup(tx, { uptId: upt.id, kanwilId: upt.kanwil_id, month: periodMonth }, { pnbpBilledRupiah: input.amountRupiah });
      await recordAudit(tx, actorOf(c), {
        entity: 'pnbp_billing', entityId: row!.id, action: 'create',
        after: { kodeBilling: kode, satkerCode: satker, accountCode: input.accountCode, amountRupiah: input.amountRupiah, periodMonth, createdOn: input.createdOn, expiresOn },
        scope: { kanwilId: upt.kanwil_id, uptId: upt.id },
      });
      return { id: row!.id, created: true };
    });
    return c.json(await oneBilling(c, db, result.id), result.created ? 201 : 200);
  });

  app.openapi(payRoute, async (c) => {
    const { billingId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    const ntpn = normaliseNtpn(input.ntpn)!;
    const created = await db.tx(async (tx) => {
      // The billing's row lock serialises its payments; the NTPN lock, the same proof sent twice.
      const b = await tx.one<{ id: number; upt_id: number; kanwil_id: number; amount_rupiah: number; created_on: string; expires_on: string; period_month: string }>(
        'SELECT id, upt_id, kanwil_id, amount_rupiah, created_on, expires_on, period_month FROM pnbp_billing WHERE id = $1 FOR UPDATE',
        [billingId],
      );
      if (!b) throw notFound();
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pnbp-ntpn:${ntpn}`]);
      // Unique nationally among live payments (a reversed one frees its NTPN to be recorded again, correctly).
      const same = await tx.one<{ billing_id: number; amount_rupiah: number; paid_on: string; bank: string }>(
        `SELECT p.billing_id, p.amount_rupiah, p.paid_on, p.bank FROM pnbp_payment p
          WHERE p.ntpn = $1 AND p.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM pnbp_payment r WHERE r.reverses = p.id)`,
        [ntpn],
      );
      if (same) {
        if (same.billing_id === b.id && same.amount_rupiah === input.amountRupiah && same.paid_on === input.paidOn) return false;
        throw new AppError(409, 'DUPLICATE', { ntpn: { id: 'NTPN ini sudah dicatat (NTPN berlaku sekali secara nasional).', en: 'This NTPN is already recorded (an NTPN is used once nationwide).' } });
      }
      const paidNet = (await tx.one<{ net: number }>('SELECT coalesce(sum(amount_rupiah), 0)::bigint AS net FROM pnbp_payment WHERE billing_id = $1', [b.id]))!.net;
      const errs = paymentErrors({ amount: b.amount_rupiah, createdOn: b.created_on, expiresOn: b.expires_on, paidNet }, { amount: input.amountRupiah, paidOn: input.paidOn }, clock.today());
      if (errs.length) throw refusal(errs);
      const p = await tx.one<{ id: number }>(
        `INSERT INTO pnbp_payment (billing_id, upt_id, kanwil_id, ntpn, bank, paid_on, amount_rupiah, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
        [b.id, b.upt_id, b.kanwil_id, ntpn, input.bank, input.paidOn, input.amountRupiah, currentUser(c).id],
      );
      await bumpSalesRollup(tx, { uptId: b.upt_id, kanwilId: b.kanwil_id, month: b.period_month }, { pnbpPaidRupiah: input.amountRupiah });
      await recordAudit(tx, actorOf(c), {
        entity: 'pnbp_payment', entityId: p!.id, action: 'create', after: { billingId: b.id, ntpn, bank: input.bank, paidOn: input.paidOn, amountRupiah: input.amountRupiah },
        scope: { kanwilId: b.kanwil_id, uptId: b.upt_id },
      });
      return true;
    });
    return c.json(await oneBilling(c, db, billingId), created ? 201 : 200);
  });

  app.openapi(reverseRoute, async (c) => {
    const { paymentId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const { db, clock } = c.get('services');
    const billingId = await db.tx(async (tx) => {
      const p = await tx.one<{ id: number; billing_id: number; upt_id: number; kanwil_id: number; ntpn: string; bank: string; amount_rupiah: number; reverses: number | null; paid_on: string }>(
        'SELECT id, billing_id, upt_id, kanwil_id, ntpn, bank, amount_rupiah, reverses, paid_on FROM pnbp_payment WHERE id = $1',
        [paymentId],
      );
      if (!p) throw notFound();
      const b = (await tx.one<{ period_month: string }>('SELECT period_month FROM pnbp_billing WHERE id = $1 FOR UPDATE', [p.billing_id]))!;
      if (p.reverses !== null) throw new AppError(400, 'VALIDATION', { paymentId: { id: 'Pembatalan tidak dapat dibatalkan lagi.', en: 'A reversal cannot be reversed.' } });
      if (await tx.one('SELECT 1 FROM pnbp_payment WHERE reverses = $1', [p.id])) throw new AppError(409, 'DUPLICATE', { paymentId: { id: 'Pembayaran ini sudah dibatalkan.', en: 'This payment is already reversed.' } });
      const today = clock.today();
      const date = isAfter(p.paid_on, today) ? p.paid_on : today;
      await tx.query(
        `INSERT INTO pnbp_payment (billing_id, upt_id, kanwil_id, ntpn, bank, paid_on, amount_rupiah, reverses, reason, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [p.billing_id, p.upt_id, p.kanwil_id, p.ntpn, p.bank, date, -p.amount_rupiah, p.id, reason, currentUser(c).id],
      );
      await bumpSalesRollup(tx, { uptId: p.upt_id, kanwilId: p.kanwil_id, month: b.period_month }, { pnbpPaidRupiah: -p.amount_rupiah });
      await recordAudit(tx, actorOf(c), { entity: 'pnbp_payment', entityId: p.id, action: 'reverse', before: p, after: { reason, date }, scope: { kanwilId: p.kanwil_id, uptId: p.upt_id } });
      return p.billing_id;
    });
    return c.json(await oneBilling(c, db, billingId), 200);
  });

  app.openapi(reconRoute, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = c.get('services');
    if (q.from > q.to) throw invalidField('to', 'invalid');
    return c.json(await reconciliation(db, { scope: currentUser(c).scope, uptId: q.uptId, kanwilId: q.kanwilId }, q, clock.today(), c.get('lang')), 200);
  });

  app.openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = c.get('services');
    if (q.from > q.to) throw invalidField('to', 'invalid');
    const recon = await reconciliation(db, { scope: currentUser(c).scope, uptId: q.uptId, kanwilId: q.kanwilId }, q, clock.today(), 'id');
    const file = await exportReconciliation(recon, q.format);
    return c.body(new Uint8Array(file.body), 200, { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.name}"` }) as never;
  });

  app.openapi(summaryRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await pnbpSummary(c.get('services').db, currentUser(c).scope, q.year, q.kanwilId), 200);
  });
}
