/**
 * A SIMPONI billing and the payment that settles it (DOMAIN.md "Money: PNBP"): a kode billing
 * expires after about 7 days; an unpaid billing past its expiry can no longer be paid and is
 * flagged, and the PNBP it was meant to deposit needs a new billing. A billing is settled by one
 * payment of exactly its amount, proved by the bank's NTPN, dated between the billing's creation
 * and its expiry. Both tables are append-only: a wrong payment is reversed, never edited.
 */
import { addDays, isAfter, isBefore } from '../calendar/date.ts';
import type { IsoDate } from '../calendar/date.ts';
import { reason } from '../work/text.ts';
import type { Reason } from '../work/text.ts';

/** Days a kode billing stays payable when SIMPONI's own expiry is not copied (DOMAIN.md: about 7). */
export const DEFAULT_VALIDITY_DAYS = 7;

export type BillingStatus = 'paid' | 'unpaid' | 'expired';

export interface BillingState {
  amount: number;
  createdOn: IsoDate;
  expiresOn: IsoDate;
  /** Net of the billing's payments and their reversals. */
  paidNet: number;
}

/** The default expiry: creation date + 7 days. */
export function defaultExpiry(createdOn: IsoDate, days = DEFAULT_VALIDITY_DAYS): IsoDate {
  return addDays(createdOn, days);
}

/**
 * Status on `today`: paid when a live payment settles it; otherwise unpaid while payable (up to
 * and including its expiry day) and expired after.
 */
export function billingStatus(b: BillingState, today: IsoDate): BillingStatus {
  if (b.paidNet > 0) return 'paid';
  return isAfter(today, b.expiresOn) ? 'expired' : 'unpaid';
}

/** Refusals of a new billing's dates (the formats are checked by the schema). */
export function billingErrors(input: { createdOn: IsoDate; expiresOn: IsoDate; periodMonth: IsoDate; amount: number }, today: IsoDate): Array<Reason & { field: string }> {
  const out: Array<Reason & { field: string }> = [];
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) out.push({ field: 'amountRupiah', ...reason('amount', 'Jumlah harus bilangan bulat rupiah lebih dari 0.', 'The amount must be a whole number of rupiah above 0.') });
  if (isAfter(input.createdOn, today)) out.push({ field: 'createdOn', ...reason('created_in_future', 'Tanggal billing tidak boleh setelah hari ini.', 'The billing date cannot be after today.') });
  if (isBefore(input.expiresOn, input.createdOn)) out.push({ field: 'expiresOn', ...reason('expiry_before_created', 'Kedaluwarsa tidak boleh sebelum tanggal billing.', 'The expiry cannot be before the billing date.') });
  if (input.periodMonth.slice(0, 7) > input.createdOn.slice(0, 7)) out.push({ field: 'periodMonth', ...reason('period_after_billing', 'Bulan PNBP tidak boleh setelah bulan billing dibuat.', 'The PNBP month cannot be after the month the billing is created.') });
  return out;
}

export interface PaymentInput {
  amount: number;
  paidOn: IsoDate;
}

/**
 * Refusals of a payment against a billing: the amount must equal the billing's (SIMPONI takes
 * exactly the billed amount), the date must lie within creation..expiry and not after today, and
 * a billing is settled once (a reversed payment frees it again).
 */
export function paymentErrors(b: BillingState, p: PaymentInput, today: IsoDate): Array<Reason & { field: string }> {
  const out: Array<Reason & { field: string }> = [];
  if (b.paidNet > 0) out.push({ field: 'billingId', ...reason('already_paid', 'Billing ini sudah dibayar (NTPN sudah dicatat).', 'This billing is already paid (its NTPN is recorded).') });
  if (p.amount !== b.amount) out.push({ field: 'amountRupiah', ...reason('amount_mismatch', 'Jumlah setoran harus sama dengan jumlah billing.', 'The amount paid must equal the billed amount.') });
  if (isAfter(p.paidOn, today)) out.push({ field: 'paidOn', ...reason('paid_in_future', 'Tanggal setor tidak boleh setelah hari ini.', 'The payment date cannot be after today.') });
  else if (isBefore(p.paidOn, b.createdOn)) out.push({ field: 'paidOn', ...reason('paid_before_billing', 'Tanggal setor tidak boleh sebelum billing dibuat.', 'The payment date cannot be before the billing was created.') });
  else if (isAfter(p.paidOn, b.expiresOn)) out.push({ field: 'paidOn', ...reason('paid_after_expiry', 'Tanggal setor setelah kode billing kedaluwarsa: buat billing baru.', 'The payment date is after the kode billing expired: create a new billing.') });
  return out;
}
