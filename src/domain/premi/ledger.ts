/**
 * The premi ledger of one WBP: APPEND-ONLY. Premi is earned under PP 32/1999 art. 29 and held in
 * trust until release (DOMAIN.md "Work and production": savings account, e-money card or in-prison
 * wallet; cash is forbidden inside; paid out on release). Sales-proceeds premi enters as
 * 'proceeds_share' (Permenkumham 53/2016 on Lapas Industri proceeds).
 *
 * Nothing is edited or deleted: a mistake is corrected by a reversal (−amount, `reverses` = id),
 * the way Odoo/ERPNext correct their ledgers (STYLE.md), then by a new correct entry.
 *
 * Choices where the brief is silent:
 * - Signs by kind: earning and proceeds_share > 0; payout < 0 and never more than the balance;
 *   adjustment any non-zero amount; reversal exactly −(the reversed amount).
 * - A reversal may leave the balance negative (an earning reversed after it was paid out): that is
 *   a debt shown on the statement, and no release payout is made while it stands.
 * - A reversal is dated on or after the entry it reverses; its id is `rev:<id>` (deterministic, and
 *   unique because an entry is reversed at most once).
 * - Same-day entries keep their append order (the array order is the ledger order).
 * - Functions take one WBP's entries; mixing WBP is a programming error (RangeError).
 */
import { compareDates, isAfter, isBefore, isValidDate } from '../calendar/date.ts';
import type { IsoDate } from '../calendar/date.ts';
import { reason, refused } from '../work/text.ts';
import type { Bilingual, Reason, Result } from '../work/text.ts';
import { isRupiah, sumRupiah } from './money.ts';

export type PremiEntryKind = 'earning' | 'payout' | 'reversal' | 'adjustment' | 'proceeds_share';

export interface PremiEntry {
  id: string;
  wbpId: string;
  date: IsoDate;
  kind: PremiEntryKind;
  /** Signed integer rupiah: + credits the WBP, − debits. */
  amount: number;
  /** For kind 'reversal': the id of the entry it cancels. */
  reverses?: string;
  /** Attendance batch, sale, release letter, or the reason of a reversal. */
  reference: string;
}

export const ENTRY_KIND_LABELS: Readonly<Record<PremiEntryKind, Bilingual>> = {
  earning: { id: 'Premi kerja', en: 'Work premi' },
  payout: { id: 'Pembayaran', en: 'Payout' },
  reversal: { id: 'Pembatalan', en: 'Reversal' },
  adjustment: { id: 'Penyesuaian', en: 'Adjustment' },
  proceeds_share: { id: 'Bagi hasil penjualan', en: 'Share of sales proceeds' },
};

function singleWbp(entries: readonly PremiEntry[]): string | null {
  const first = entries[0];
  if (first === undefined) return null;
  if (entries.some((e) => e.wbpId !== first.wbpId)) throw new RangeError('A premi ledger holds the entries of one WBP only');
  return first.wbpId;
}

/** Sum of all entries (exact integer): the premi held in trust for the WBP (PP 32/1999 art. 29). */
export function balance(entries: readonly PremiEntry[]): number {
  return sumRupiah(entries.map((e) => e.amount));
}

function reversalErrors(entries: readonly PremiEntry[], entry: PremiEntry): Reason[] {
  const original = entries.find((e) => e.id === entry.reverses);
  if (original === undefined) return [reason('not_found', 'Entri yang dibatalkan tidak ada.', 'The entry to reverse does not exist.')];
  const out: Reason[] = [];
  if (original.kind === 'reversal') out.push(reason('reverse_reversal', 'Pembatalan tidak dapat dibatalkan lagi.', 'A reversal cannot be reversed.'));
  if (entries.some((e) => e.reverses === original.id)) out.push(reason('already_reversed', 'Entri ini sudah dibatalkan.', 'This entry is already reversed.'));
  if (entry.amount !== -original.amount) out.push(reason('reversal_amount', 'Nilai pembatalan harus kebalikan entri asal.', 'A reversal must be the exact negative of the entry.'));
  if (isBefore(entry.date, original.date)) out.push(reason('reversal_before_entry', 'Pembatalan tidak boleh bertanggal sebelum entri asal.', 'A reversal cannot be dated before the entry.'));
  return out;
}

function signErrors(entries: readonly PremiEntry[], entry: PremiEntry): Reason[] {
  switch (entry.kind) {
    case 'earning':
    case 'proceeds_share':
      return entry.amount > 0 ? [] : [reason('sign', 'Premi harus bernilai positif.', 'Premi must be positive.')];
    case 'adjustment':
      return entry.amount !== 0 ? [] : [reason('zero_amount', 'Penyesuaian tidak boleh nol.', 'An adjustment cannot be zero.')];
    case 'payout': {
      if (entry.amount >= 0) return [reason('sign', 'Pembayaran harus bernilai negatif.', 'A payout must be negative.')];
      return -entry.amount <= balance(entries) ? [] : [reason('payout_exceeds_balance', 'Pembayaran melebihi saldo.', 'Payout exceeds the balance.')];
    }
    case 'reversal':
      return reversalErrors(entries, entry);
  }
}

/** Refusals for appending `entry` (empty = may append). */
export function validateEntry(entries: readonly PremiEntry[], entry: PremiEntry): Reason[] {
  const wbpId = singleWbp(entries);
  const out: Reason[] = [];
  if (wbpId !== null && entry.wbpId !== wbpId) out.push(reason('other_wbp', 'Entri milik WBP lain.', 'Entry belongs to another WBP.'));
  if (entries.some((e) => e.id === entry.id)) out.push(reason('duplicate_id', 'Nomor entri sudah dipakai.', 'Entry id already used.'));
  if (!isValidDate(entry.date)) out.push(reason('invalid_date', 'Tanggal tidak valid.', 'Invalid date.'));
  if (!isRupiah(entry.amount)) return [...out, reason('not_integer', 'Nilai harus rupiah bulat.', 'Amount must be whole rupiah.')];
  if (entry.kind !== 'reversal' && entry.reverses !== undefined) {
    out.push(reason('reverses_on_non_reversal', 'Hanya pembatalan yang merujuk entri lain.', 'Only a reversal refers to another entry.'));
  }
  return [...out, ...signErrors(entries, entry)];
}

/** Appends after validation; the input array is never modified. */
export function appendEntry(entries: readonly PremiEntry[], entry: PremiEntry): Result<PremiEntry[]> {
  const errors = validateEntry(entries, entry);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: [...entries, entry] };
}

/**
 * The reversal of `entry`: −amount, `reverses` = its id, `reference` = the reason. Refuses (as a
 * value) reversing a reversal, an entry already reversed, an entry not in the ledger, or dating the
 * reversal before the entry.
 */
export function reverse(entries: readonly PremiEntry[], entry: PremiEntry, date: IsoDate, why: string): Result<PremiEntry> {
  const candidate: PremiEntry = { id: `rev:${entry.id}`, wbpId: entry.wbpId, date, kind: 'reversal', amount: -entry.amount, reverses: entry.id, reference: why };
  if (!entries.some((e) => e.id === entry.id)) return refused('not_found', 'Entri tidak ada di buku premi.', 'Entry is not in the premi ledger.');
  if (entries.some((e) => e.reverses === entry.id)) return refused('already_reversed', 'Entri ini sudah dibatalkan.', 'This entry is already reversed.');
  const errors = validateEntry(entries, candidate);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: candidate };
}

export interface StatementLine {
  date: IsoDate;
  entryId: string;
  kind: PremiEntryKind;
  label: Bilingual;
  reference: string;
  amount: number;
  /** Balance after this line. */
  runningBalance: number;
}

export interface Statement {
  wbpId: string | null;
  lines: StatementLine[];
  closingBalance: number;
}

/** Lines by date (same-day entries in ledger order) with the running balance, for printing. */
export function statement(entries: readonly PremiEntry[]): Statement {
  const wbpId = singleWbp(entries);
  const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => compareDates(a.e.date, b.e.date) || a.i - b.i);
  let running = 0;
  const lines = ordered.map(({ e }) => {
    running = sumRupiah([running, e.amount]);
    return { date: e.date, entryId: e.id, kind: e.kind, label: ENTRY_KIND_LABELS[e.kind], reference: e.reference, amount: e.amount, runningBalance: running };
  });
  return { wbpId, lines, closingBalance: running };
}

export interface ReleasePayout {
  /** −balance, or null when the balance is already 0. */
  payout: PremiEntry | null;
  /** The statement including the payout line; its closing balance is 0. */
  statement: Statement;
}

/**
 * Pays the whole balance on release (DOMAIN.md: premi is paid out on release). Refused while the
 * ledger holds entries dated after the release, or while the balance is negative (a debt).
 */
export function payoutOnRelease(entries: readonly PremiEntry[], date: IsoDate, reference = 'Pembebasan / release'): Result<ReleasePayout> {
  const wbpId = singleWbp(entries);
  if (entries.some((e) => isAfter(e.date, date))) {
    return refused('entries_after_release', 'Ada entri bertanggal setelah pembebasan.', 'The ledger has entries dated after the release.');
  }
  const total = balance(entries);
  if (total < 0) return refused('negative_balance', 'Saldo premi negatif: selesaikan dulu.', 'The premi balance is negative: settle it first.');
  if (total === 0 || wbpId === null) return { ok: true, value: { payout: null, statement: statement(entries) } };
  const payout: PremiEntry = { id: `payout:${wbpId}:${date}`, wbpId, date, kind: 'payout', amount: -total, reference };
  const appended = appendEntry(entries, payout);
  if (!appended.ok) return appended;
  return { ok: true, value: { payout, statement: statement(appended.value) } };
}
