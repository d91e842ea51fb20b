/**
 * Formats of the SIMPONI deposit (DOMAIN.md "Money: PNBP"): the satker creates a billing whose
 * **kode billing has 15 digits**; the bank channel that takes the money gives an **NTPN of 16
 * characters** (Nomor Transaksi Penerimaan Negara), the proof reconciled against; satker and
 * account codes of the billing have **6 digits** each (Bagan Akun Standar, PMK 214/PMK.05/2013).
 *
 * Officers copy these numbers from a printout or a bank slip: spaces, dashes and dots between
 * groups and lower-case letters are normalised away before the format is checked.
 */

/** Removes grouping characters officers type between blocks of a code ("1234 5678-90"). */
function compact(text: string): string {
  return text.replace(/[\s.\-_/]+/g, '');
}

/** Kode billing as stored: exactly 15 digits after removing grouping. Null when it is not one. */
export function normaliseKodeBilling(text: string): string | null {
  const c = compact(text);
  return /^[0-9]{15}$/.test(c) ? c : null;
}

export function isKodeBilling(text: string): boolean {
  return /^[0-9]{15}$/.test(text);
}

/** NTPN as stored: 16 upper-case letters or digits after removing grouping. Null when it is not one. */
export function normaliseNtpn(text: string): string | null {
  const c = compact(text).toUpperCase();
  return /^[0-9A-Z]{16}$/.test(c) ? c : null;
}

export function isNtpn(text: string): boolean {
  return /^[0-9A-Z]{16}$/.test(text);
}

/** Satker code or account code (akun): 6 digits. */
export function normaliseCode6(text: string): string | null {
  const c = compact(text);
  return /^[0-9]{6}$/.test(c) ? c : null;
}

/**
 * Account codes (akun) offered as choices on a billing. Only codes confirmed against the official
 * Bagan Akun Standar belong here; until that list is imported the officer types the 6-digit code
 * printed on the SIMPONI billing, and the form checks only its format.
 */
export const PNBP_ACCOUNT_CODES: ReadonlyArray<{ code: string; id: string; en: string }> = [];
