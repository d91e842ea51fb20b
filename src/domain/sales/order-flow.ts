/**
 * How a sale moves through its life, per channel (DOMAIN.md "Selling what inmates make").
 *
 * - A counter sale at the UPT outlet, a marketplace or e-Katalog sale recorded after the fact, a
 *   consignment sale reported by a partner shop and a meal-supplier offtake are born delivered:
 *   the goods have left. They are paid at once (counter, marketplace) or later (meal supplier,
 *   consignment settle against an invoice).
 * - An institutional order goes quotation → ordered → delivered → invoiced → paid.
 * - Only a sale whose goods have not left can be cancelled; afterwards a return is a new document.
 * - Goods leave the stock when the sale becomes `delivered` (or is born delivered).
 */
export const CHANNELS = ['counter', 'institution', 'marketplace', 'consignment', 'meal_supplier'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SALE_STATUSES = ['quotation', 'ordered', 'delivered', 'invoiced', 'paid', 'cancelled'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export type SaleStep = 'order' | 'deliver' | 'invoice' | 'cancel';

/** The status a sale of this channel starts in when it is recorded. */
export function initialStatus(channel: Channel): SaleStatus {
  return channel === 'institution' ? 'quotation' : 'delivered';
}

const NEXT: Record<SaleStep, { from: readonly SaleStatus[]; to: SaleStatus }> = {
  order: { from: ['quotation'], to: 'ordered' },
  deliver: { from: ['ordered'], to: 'delivered' },
  invoice: { from: ['delivered'], to: 'invoiced' },
  cancel: { from: ['quotation', 'ordered'], to: 'cancelled' },
};

/** The status after `step`, or null when the step does not fit the sale's status. */
export function applyStep(status: SaleStatus, step: SaleStep): SaleStatus | null {
  const rule = NEXT[step];
  return rule.from.includes(status) ? rule.to : null;
}

export function possibleSteps(status: SaleStatus): SaleStep[] {
  return (Object.keys(NEXT) as SaleStep[]).filter((s) => NEXT[s].from.includes(status));
}

/** Goods have left the stock in these statuses. */
export function goodsLeft(status: SaleStatus): boolean {
  return status === 'delivered' || status === 'invoiced' || status === 'paid';
}

/** Money may be received once the goods are out, or in advance on an accepted order. */
export function acceptsPayment(status: SaleStatus): boolean {
  return status === 'ordered' || status === 'delivered' || status === 'invoiced';
}

/**
 * The status after the paid amount changed: fully paid goods that have left are `paid`; a
 * reversal bringing a paid sale below its total returns it to where it was before payment.
 */
export function statusAfterPayment(s: { status: SaleStatus; invoiced: boolean; totalRupiah: number; paidRupiah: number }): SaleStatus {
  const fullyPaid = s.paidRupiah >= s.totalRupiah;
  if (s.status === 'paid') return fullyPaid ? 'paid' : s.invoiced ? 'invoiced' : 'delivered';
  if (fullyPaid && (s.status === 'delivered' || s.status === 'invoiced')) return 'paid';
  return s.status;
}
