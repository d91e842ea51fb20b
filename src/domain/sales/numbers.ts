/**
 * Document numbers: per UPT, year and series, gap-free (the counter is taken under a row lock
 * inside the writing transaction, so a refused write gives its number back). The UPT is part of
 * the record, so the number itself stays short enough to read out at a counter.
 */
export const SERIES = ['receipt', 'invoice', 'quotation'] as const;
export type Series = (typeof SERIES)[number];

const PREFIX: Record<Series, string> = { receipt: 'KWT', invoice: 'INV', quotation: 'PNW' };

export function formatDocNumber(series: Series, year: number, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Document number must be ≥ 1: ${n}`);
  return `${PREFIX[series]}-${year}-${String(n).padStart(6, '0')}`;
}

export function parseDocNumber(text: string): { series: Series; year: number; n: number } | null {
  const m = /^(KWT|INV|PNW)-(\d{4})-(\d{6,})$/.exec(text);
  if (!m) return null;
  const series = (Object.keys(PREFIX) as Series[]).find((s) => PREFIX[s] === m[1])!;
  return { series, year: Number(m[2]), n: Number(m[3]) };
}
