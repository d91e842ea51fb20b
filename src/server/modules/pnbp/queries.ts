import { addMonths } from '../../../domain/calendar/date.ts';
import { GAP_LABELS, addUp, reconcile, type ReconBilling, type Reconciliation as DomainRecon } from '../../../domain/pnbp/reconcile.ts';
import { billingStatus } from '../../../domain/pnbp/billing.ts';
import type { Lang } from '../../../shared/i18n/lang.ts';
import type { UserScope } from '../../../shared/access/scope.ts';
import { scopeCondition } from '../../../shared/access/scope.ts';
import type { Billing, ReconLine, Reconciliation, Summary } from '../../../shared/schemas/pnbp.ts';
import type { Queryable } from '../../db/pool.ts';

/** 'YYYY-MM' → 'YYYY-MM-01'. */
export const monthStart = (m: string): string => `${m.slice(0, 7)}-01`;

/** Which UPTs a PNBP read covers: the caller's scope, narrowed by an optional Kanwil or UPT. */
export interface PnbpFilter {
  scope: UserScope;
  uptId?: number | undefined;
  kanwilId?: number | undefined;
}

function where(f: PnbpFilter, cols: { kanwil: string; upt: string }, params: unknown[]): string[] {
  const conds = [scopeCondition(f.scope, cols, params)];
  if (f.uptId) conds.push(`${cols.upt} = $${params.push(f.uptId)}`);
  if (f.kanwilId) conds.push(`${cols.kanwil} = $${params.push(f.kanwilId)}`);
  return conds;
}

interface BillingRow {
  id: number; upt_id: number; upt_name: string; kanwil_id: number; kode_billing: string; satker_code: string; account_code: string; amount_rupiah: number;
  period_month: string; description: string; created_on: string; expires_on: string; paid_net: number;
  [k: string]: unknown;
}
interface PaymentRow { id: number; billing_id: number; ntpn: string; bank: string; paid_on: string; amount_rupiah: number; reverses: number | null; reversed_by: number | null; reason: string | null; [k: string]: unknown }

/** Billings of the filter's UPTs whose PNBP month lies in from..to, with their net payment. */
async function billingRows(q: Queryable, f: PnbpFilter, from: string, to: string, extra: { billingId?: number } = {}): Promise<BillingRow[]> {
  const params: unknown[] = [];
  const conds = where(f, { kanwil: 'b.kanwil_id', upt: 'b.upt_id' }, params);
  conds.push(`b.period_month BETWEEN $${params.push(from)} AND $${params.push(to)}`);
  if (extra.billingId) conds.push(`b.id = $${params.push(extra.billingId)}`);
  return q.query<BillingRow>(
    `SELECT b.id, b.upt_id, u.name AS upt_name, b.kanwil_id, b.kode_billing, b.satker_code, b.account_code, b.amount_rupiah, b.period_month, b.description,
            b.created_on, b.expires_on, coalesce(p.net, 0)::bigint AS paid_net
       FROM pnbp_billing b JOIN upt u ON u.id = b.upt_id
       LEFT JOIN (SELECT billing_id, sum(amount_rupiah) AS net FROM pnbp_payment GROUP BY billing_id) p ON p.billing_id = b.id
      WHERE ${conds.join(' AND ')}
      ORDER BY b.period_month DESC, b.created_on DESC, b.id DESC`,
    params,
  );
}

const toRecon = (b: BillingRow): ReconBilling => ({ id: b.id, kodeBilling: b.kode_billing, amount: b.amount_rupiah, createdOn: b.created_on, expiresOn: b.expires_on, paidNet: b.paid_net });

/** Billings with computed status and their payments (reversals shown against what they cancel). */
export async function listBillings(q: Queryable, f: PnbpFilter, range: { from: string; to: string }, today: string, opts: { status?: string; billingId?: number } = {}): Promise<Billing[]> {
  const rows = await billingRows(q, f, range.from, range.to, opts.billingId ? { billingId: opts.billingId } : {});
  const payments = rows.length
    ? await q.query<PaymentRow>(
        `SELECT p.id, p.billing_id, p.ntpn, p.bank, p.paid_on, p.amount_rupiah, p.reverses, r.id AS reversed_by, p.reason
           FROM pnbp_payment p LEFT JOIN pnbp_payment r ON r.reverses = p.id
          WHERE p.billing_id = ANY($1::bigint[]) ORDER BY p.id`,
        [rows.map((r) => r.id)],
      )
    : [];
  const byBilling = new Map<number, PaymentRow[]>();
  for (const p of payments) byBilling.set(p.billing_id, [...(byBilling.get(p.billing_id) ?? []), p]);
  return rows
    .map((b) => ({
      id: b.id, uptId: b.upt_id, uptName: b.upt_name, kanwilId: b.kanwil_id, kodeBilling: b.kode_billing, satkerCode: b.satker_code, accountCode: b.account_code,
      amountRupiah: b.amount_rupiah, periodMonth: b.period_month, description: b.description, createdOn: b.created_on, expiresOn: b.expires_on,
      status: billingStatus(toRecon(b), today), paidRupiah: b.paid_net,
      payments: (byBilling.get(b.id) ?? []).map((p) => ({ id: p.id, ntpn: p.ntpn, bank: p.bank, paidOn: p.paid_on, amountRupiah: p.amount_rupiah, reverses: p.reverses, reversedBy: p.reversed_by, reason: p.reason })),
    }))
    .filter((b) => !opts.status || b.status === opts.status);
}

const figures = (r: Omit<DomainRecon, 'billings' | 'gaps'>) => ({
  dueRupiah: r.due, billedRupiah: r.billed, paidRupiah: r.paid, openRupiah: r.open, expiredUnpaidRupiah: r.expiredUnpaid, unbilledRupiah: r.unbilled, overpaidRupiah: r.overpaid, gapRupiah: r.gap,
});

/** The months from..to as 'YYYY-MM-01'. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = monthStart(from); m <= monthStart(to) && out.length < 240; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * Reconciliation read from the ledgers (splits, billings, payments): per UPT × month, due vs
 * billed vs paid with the gaps listed, UPT totals and grand totals. Months without any figure are
 * left out of `lines`; every UPT of the filter appears in `upts`.
 */
export async function reconciliation(q: Queryable, f: PnbpFilter, range: { from: string; to: string }, today: string, lang: Lang): Promise<Reconciliation> {
  const from = monthStart(range.from);
  const to = monthStart(range.to);
  const params: unknown[] = [];
  const uptConds = where(f, { kanwil: 'u.kanwil_id', upt: 'u.id' }, params);
  const upts = await q.query<{ id: number; name: string; kanwil_id: number; kanwil_name: string; satker_code: string | null; satker_code_source: string | null }>(
    `SELECT u.id, u.name, u.kanwil_id, k.name AS kanwil_name, u.satker_code, u.satker_code_source FROM upt u JOIN kanwil k ON k.id = u.kanwil_id
      WHERE ${uptConds.join(' AND ')} ORDER BY k.name, u.name`,
    params,
  );
  const dp: unknown[] = [];
  const dueConds = where(f, { kanwil: 's.kanwil_id', upt: 's.upt_id' }, dp);
  dueConds.push(`s.month BETWEEN $${dp.push(from)} AND $${dp.push(to)}`);
  const dues = await q.query<{ upt_id: number; month: string; due: number }>(
    `SELECT s.upt_id, s.month, sum(s.pnbp_rupiah)::bigint AS due FROM proceeds_split s WHERE ${dueConds.join(' AND ')} GROUP BY s.upt_id, s.month`,
    dp,
  );
  const bills = await billingRows(q, f, from, to);
  return assemble(upts, dues, bills, { from, to, today, lang });
}

type UptRow = { id: number; name: string; kanwil_id: number; kanwil_name: string; satker_code: string | null; satker_code_source: string | null };

function assemble(upts: UptRow[], dues: Array<{ upt_id: number; month: string; due: number }>, bills: BillingRow[], o: { from: string; to: string; today: string; lang: Lang }): Reconciliation {
  const key = (upt: number, month: string) => `${upt}|${month}`;
  const dueOf = new Map(dues.map((d) => [key(d.upt_id, d.month), d.due]));
  const billsOf = new Map<string, ReconBilling[]>();
  for (const b of bills) {
    const k = key(b.upt_id, b.period_month);
    const list = billsOf.get(k);
    if (list) list.push(toRecon(b));
    else billsOf.set(k, [toRecon(b)]);
  }
  const lines: ReconLine[] = [];
  const perUpt: Reconciliation['upts'] = [];
  const all: DomainRecon[] = [];
  const months = monthsBetween(o.from, o.to);
  for (const u of upts) {
    const mine: DomainRecon[] = [];
    for (const month of months) {
      const k = key(u.id, month);
      const due = dueOf.get(k);
      const bs = billsOf.get(k);
      if (due === undefined && !bs) continue;
      const r = reconcile(due === undefined ? [] : [due], bs ?? [], o.today);
      mine.push(r);
      lines.push({
        uptId: u.id, uptName: u.name, kanwilId: u.kanwil_id, month, ...figures(r),
        gaps: r.gaps.map((g) => ({ code: g.code, label: GAP_LABELS[g.code][o.lang], amountRupiah: g.amount, billingId: g.billingId ?? null, kodeBilling: g.kodeBilling ?? null, expiresOn: g.expiresOn ?? null })),
      });
    }
    all.push(...mine);
    perUpt.push({ uptId: u.id, uptName: u.name, kanwilId: u.kanwil_id, kanwilName: u.kanwil_name, satkerCode: u.satker_code, satkerCodeSource: u.satker_code_source, ...figures(addUp(mine)) });
  }
  return { from: o.from, to: o.to, today: o.today, totals: figures(addUp(all)), upts: perUpt, lines };
}

export interface RealisationRow {
  uptId: number;
  kanwilId: number;
  dueRupiah: number;
  billedRupiah: number;
  paidRupiah: number;
  [k: string]: unknown;
}

/**
 * PNBP realisation of a year per UPT, from `sales_month_rollup` (kept in the same transaction as
 * every split, billing and NTPN): realised = paid net of reversals. Targets are joined by the
 * caller. Only UPTs with a figure in the year are returned.
 */
export async function pnbpRealisation(q: Queryable, opts: { year: number; scope: UserScope; kanwilId?: number; uptId?: number }): Promise<RealisationRow[]> {
  const params: unknown[] = [];
  const conds = where({ scope: opts.scope, kanwilId: opts.kanwilId, uptId: opts.uptId }, { kanwil: 'r.kanwil_id', upt: 'r.upt_id' }, params);
  conds.push(`r.month >= $${params.push(`${opts.year}-01-01`)} AND r.month <= $${params.push(`${opts.year}-12-01`)}`);
  return q.query<RealisationRow>(
    `SELECT r.upt_id AS "uptId", r.kanwil_id AS "kanwilId", sum(r.pnbp_due_rupiah)::bigint AS "dueRupiah",
            sum(r.pnbp_billed_rupiah)::bigint AS "billedRupiah", sum(r.pnbp_paid_rupiah)::bigint AS "paidRupiah"
       FROM sales_month_rollup r WHERE ${conds.join(' AND ')} GROUP BY r.upt_id, r.kanwil_id ORDER BY r.upt_id`,
    params,
  );
}

/**
 * The year's current PNBP targets by unit key ('N', 'K<id>', 'U<id>'): the Resolusi 2020 PNBP
 * indicator's targets as set and allocated in the cockpit, so both screens steer by one number.
 */
async function pnbpTargets(q: Queryable, year: number): Promise<Map<string, number>> {
  const rows = await q.query<{ unit_key: string; value: string }>(
    `SELECT t.unit_key, t.value::text FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id WHERE i.code = 'RP20-11' AND t.year = $1 AND t.current`,
    [year],
  );
  return new Map(rows.map((r) => [r.unit_key, Number(r.value)]));
}

/** Kanwil rows (national scope without a Kanwil) or the UPT rows of one Kanwil, and month totals. */
export async function pnbpSummary(q: Queryable, scope: UserScope, year: number, kanwilId?: number): Promise<Summary> {
  const rows = await pnbpRealisation(q, { year, scope, ...(kanwilId ? { kanwilId } : {}) });
  const byKanwil = scope.level === 'national' && !kanwilId;
  const names = byKanwil
    ? await q.query<{ id: number; name: string; kanwil_id: number }>('SELECT id, name, id AS kanwil_id FROM kanwil ORDER BY name')
    : await q.query<{ id: number; name: string; kanwil_id: number }>(
        `SELECT u.id, u.name, u.kanwil_id FROM upt u WHERE u.id = ANY($1::int[]) ORDER BY u.name`,
        [rows.map((r) => r.uptId)],
      );
  const acc = new Map<number, { dueRupiah: number; billedRupiah: number; paidRupiah: number }>();
  for (const r of rows) {
    const id = byKanwil ? r.kanwilId : r.uptId;
    const a = acc.get(id) ?? { dueRupiah: 0, billedRupiah: 0, paidRupiah: 0 };
    acc.set(id, { dueRupiah: a.dueRupiah + r.dueRupiah, billedRupiah: a.billedRupiah + r.billedRupiah, paidRupiah: a.paidRupiah + r.paidRupiah });
  }
  const params: unknown[] = [];
  const conds = where({ scope, kanwilId }, { kanwil: 'kanwil_id', upt: 'upt_id' }, params);
  conds.push(`month >= $${params.push(`${year}-01-01`)} AND month <= $${params.push(`${year}-12-01`)}`);
  const months = await q.query<{ month: string; dueRupiah: number; billedRupiah: number; paidRupiah: number }>(
    `SELECT month, sum(pnbp_due_rupiah)::bigint AS "dueRupiah", sum(pnbp_billed_rupiah)::bigint AS "billedRupiah", sum(pnbp_paid_rupiah)::bigint AS "paidRupiah"
       FROM sales_month_rollup WHERE ${conds.join(' AND ')} GROUP BY month ORDER BY month`,
    params,
  );
  const targets = await pnbpTargets(q, year);
  const out = names.filter((n) => acc.has(n.id)).map((n) => ({ id: n.id, name: n.name, kanwilId: n.kanwil_id, ...acc.get(n.id)!, targetRupiah: targets.get(byKanwil ? `K${n.id}` : `U${n.id}`) ?? null }));
  const total = (k: 'dueRupiah' | 'billedRupiah' | 'paidRupiah') => rows.reduce((s, r) => s + r[k], 0);
  const ownKanwil = kanwilId ?? (scope.level === 'kanwil' ? scope.kanwilId : undefined);
  const totalKey = byKanwil ? 'N' : scope.level === 'upt' ? `U${scope.uptId}` : ownKanwil ? `K${ownKanwil}` : 'N';
  return {
    year, level: byKanwil ? 'kanwil' : 'upt', rows: out, months,
    totals: { dueRupiah: total('dueRupiah'), billedRupiah: total('billedRupiah'), paidRupiah: total('paidRupiah'), targetRupiah: targets.get(totalKey) ?? null },
  };
}
