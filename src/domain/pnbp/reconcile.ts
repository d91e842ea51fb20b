/**
 * PNBP reconciliation of one UPT for one month (DOMAIN.md "Money: PNBP"; the PNBP due is the PNBP
 * share of the month's proceeds splits, Permenkumham 53/2016):
 *
 * - due    = Σ pnbp of the month's splits, reversals included (a reversed split nets to 0);
 * - billed = Σ amounts of the month's *live* billings (paid, or unpaid and still payable); billings
 *            that expired unpaid are listed apart and cover nothing;
 * - paid   = Σ the billings' payments net of reversals;
 * - open   = billed − paid (live billings still waiting for their NTPN);
 * - unbilled = max(0, due − billed), overpaid = max(0, billed − due).
 *
 * So that no rupiah is lost: due = paid + open + unbilled − overpaid, always.
 *
 * Gaps listed, each with its amount and reason: due not billed, billed not paid (per billing),
 * expired unpaid (per billing), paid or billed more than due. A payment different from its billing
 * is refused at entry (billing.ts) and never reaches here.
 */
import type { IsoDate } from '../calendar/date.ts';
import { billingStatus } from './billing.ts';
import type { BillingStatus } from './billing.ts';

export interface ReconBilling {
  id: number;
  kodeBilling: string;
  amount: number;
  createdOn: IsoDate;
  expiresOn: IsoDate;
  paidNet: number;
}

export type GapCode = 'due_not_billed' | 'billed_not_paid' | 'expired_unpaid' | 'paid_more_than_due' | 'billed_more_than_due';

export interface Gap {
  code: GapCode;
  amount: number;
  billingId?: number;
  kodeBilling?: string;
  expiresOn?: IsoDate;
}

export interface Reconciliation {
  due: number;
  billed: number;
  paid: number;
  open: number;
  expiredUnpaid: number;
  unbilled: number;
  overpaid: number;
  /** due − paid: what remains to deposit (negative when more was deposited than due). */
  gap: number;
  billings: Array<ReconBilling & { status: BillingStatus }>;
  gaps: Gap[];
}

export const GAP_LABELS: Readonly<Record<GapCode, { id: string; en: string }>> = {
  due_not_billed: { id: 'PNBP terutang belum dibuatkan billing', en: 'PNBP due not yet billed' },
  billed_not_paid: { id: 'Billing belum dibayar', en: 'Billing not yet paid' },
  expired_unpaid: { id: 'Billing kedaluwarsa tanpa pembayaran', en: 'Billing expired unpaid' },
  paid_more_than_due: { id: 'Disetor melebihi PNBP terutang', en: 'Paid more than the PNBP due' },
  billed_more_than_due: { id: 'Ditagih melebihi PNBP terutang', en: 'Billed more than the PNBP due' },
};

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** One UPT × month: the split amounts (pnbp shares, reversals negative) and the month's billings. */
export function reconcile(splitPnbp: readonly number[], billings: readonly ReconBilling[], today: IsoDate): Reconciliation {
  const due = sum(splitPnbp);
  const withStatus = billings.map((b) => ({ ...b, status: billingStatus(b, today) }));
  const live = withStatus.filter((b) => b.status !== 'expired');
  const expired = withStatus.filter((b) => b.status === 'expired');
  const billed = sum(live.map((b) => b.amount));
  const paid = sum(withStatus.map((b) => b.paidNet));
  const open = sum(live.filter((b) => b.status === 'unpaid').map((b) => b.amount));
  const unbilled = Math.max(0, due - billed);
  const overpaid = Math.max(0, billed - due);
  const gaps: Gap[] = [];
  if (unbilled > 0) gaps.push({ code: 'due_not_billed', amount: unbilled });
  for (const b of live) if (b.status === 'unpaid') gaps.push({ code: 'billed_not_paid', amount: b.amount, billingId: b.id, kodeBilling: b.kodeBilling, expiresOn: b.expiresOn });
  for (const b of expired) gaps.push({ code: 'expired_unpaid', amount: b.amount, billingId: b.id, kodeBilling: b.kodeBilling, expiresOn: b.expiresOn });
  if (overpaid > 0) gaps.push({ code: paid > due ? 'paid_more_than_due' : 'billed_more_than_due', amount: overpaid });
  return { due, billed, paid, open, expiredUnpaid: sum(expired.map((b) => b.amount)), unbilled, overpaid, gap: due - paid, billings: withStatus, gaps };
}

/** Totals of several months or UPTs: sums of each figure (the identity holds for the sum too). */
export function addUp(rs: readonly Reconciliation[]): Omit<Reconciliation, 'billings' | 'gaps'> {
  const pick = (k: 'due' | 'billed' | 'paid' | 'open' | 'expiredUnpaid' | 'unbilled' | 'overpaid' | 'gap') => sum(rs.map((r) => r[k]));
  return { due: pick('due'), billed: pick('billed'), paid: pick('paid'), open: pick('open'), expiredUnpaid: pick('expiredUnpaid'), unbilled: pick('unbilled'), overpaid: pick('overpaid'), gap: pick('gap') };
}
