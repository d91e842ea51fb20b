/**
 * Exact conversions for what officers type: hectares → m², kilograms → grams, rupiah as whole
 * numbers. Decimal text is parsed as text (never through a float), so "0,1 ha" is exactly
 * 1.000 m² and "12,345 kg" exactly 12.345 g.
 *
 * Indonesian writing first: the comma is the decimal separator and the dot groups thousands
 * ("1.250,5"). A single dot not followed by exactly three digits ("1.5", "0.25") can only be a
 * decimal point and is read as one; "1.500" is one thousand five hundred.
 */

export type DecimalResult = { ok: true; value: number } | { ok: false; reason: 'empty' | 'invalid' | 'too_precise' | 'too_big' };

const GROUPED = /^\d{1,3}(\.\d{3})+$/;
const GROUPED_COMMA = /^\d{1,3}(,\d{3})+$/;

/** Splits typed text into whole and fractional digits, or null when it is not a number. */
function splitDecimal(text: string): { whole: string; fraction: string } | null {
  const s = text.trim().replace(/\s+/g, '');
  if (s === '') return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let whole: string;
  let fraction = '';
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the later one is the decimal separator, the other groups thousands.
    const dec = lastComma > lastDot ? ',' : '.';
    const [w, f, ...rest] = s.split(dec);
    // The grouping separator appears before the decimal one only, in groups of three.
    if (rest.length > 0 || w === undefined || f === undefined || !(dec === ',' ? GROUPED : GROUPED_COMMA).test(w)) return null;
    whole = w.split(dec === ',' ? '.' : ',').join('');
    fraction = f;
  } else if (lastComma >= 0) {
    const parts = s.split(',');
    if (parts.length === 2) {
      whole = parts[0]!;
      fraction = parts[1]!;
    } else if (GROUPED_COMMA.test(s)) {
      whole = parts.join('');
    } else return null;
  } else if (lastDot >= 0) {
    if (GROUPED.test(s)) whole = s.replace(/\./g, '');
    else {
      const parts = s.split('.');
      if (parts.length !== 2) return null;
      whole = parts[0]!;
      fraction = parts[1]!;
    }
  } else whole = s;
  if (whole === '') whole = '0';
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  return { whole, fraction };
}

/**
 * `text` × 10^scale as an exact whole number: hectares to m² (scale 4), kilograms to grams
 * (scale 3). More decimals than the scale allows are refused rather than rounded.
 */
export function parseScaled(text: string, scale: number): DecimalResult {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  const parts = splitDecimal(text);
  if (!parts) return { ok: false, reason: 'invalid' };
  const fraction = parts.fraction.replace(/0+$/, '');
  if (fraction.length > scale) return { ok: false, reason: 'too_precise' };
  const digits = (parts.whole + fraction.padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { ok: false, reason: 'too_big' };
  return { ok: true, value };
}

const grouping = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** An exact whole number of small units shown in the big unit: 12500 g, scale 3 → "12,5". */
export function formatScaled(value: number | null | undefined, scale: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const negative = value < 0;
  const abs = Math.abs(Math.trunc(value));
  const unit = 10 ** scale;
  const whole = Math.floor(abs / unit);
  const fraction = String(abs % unit)
    .padStart(scale, '0')
    .replace(/0+$/, '');
  return `${negative ? '−' : ''}${grouping.format(whole)}${fraction ? `,${fraction}` : ''}`;
}

/** Basis points as a percentage with two decimals: 9523 → "95,23%". */
export function formatBasisPoints(bp: number | null | undefined): string {
  if (bp === null || bp === undefined || !Number.isFinite(bp)) return '—';
  const v = Math.round(bp);
  const abs = Math.abs(v);
  return `${v < 0 ? '−' : ''}${grouping.format(Math.floor(abs / 100))},${String(abs % 100).padStart(2, '0')}%`;
}

/** Share of `part` in `whole` in basis points, rounded down (as the server does); null when whole is 0. */
export function basisPoints(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 10_000) / whole) : null;
}

/** Register numbers as the server reads a pasted list: lines, commas, semicolons or tabs; blanks and repeats dropped. */
export function registerList(text: string): string[] {
  return [...new Set(text.split(/[\n\r,;\t]+/).map((s) => s.trim()).filter(Boolean))];
}

/** Signed rupiah for a ledger line: "+Rp 15.000" / "−Rp 15.000". */
export function signedRupiah(n: number): string {
  return `${n < 0 ? '−' : n > 0 ? '+' : ''}Rp ${grouping.format(Math.abs(n))}`;
}

/** The rule in force on a date: latest effectiveFrom ≤ date (as the server's pay rules). */
export function ruleOn<T extends { effectiveFrom: string }>(rules: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const r of rules) if (r.effectiveFrom <= date && (!best || r.effectiveFrom >= best.effectiveFrom)) best = r;
  return best;
}

/** 'YYYY-MM-01' of a date's month. */
export const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
