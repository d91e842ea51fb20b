/**
 * Integer rupiah (DOMAIN.md, "Money": never floating point). Every amount is a safe integer; a
 * product that could pass 2^53 is computed in BigInt and checked on the way back.
 */
import { groupThousands } from '../work/text.ts';
import type { Lang } from '../work/text.ts';

export function isRupiah(value: number): boolean {
  return Number.isSafeInteger(value);
}

export function assertRupiah(value: number, what = 'amount'): number {
  if (!isRupiah(value)) throw new RangeError(`${what} must be an integer number of rupiah: ${value}`);
  return value;
}

/** Exact sum; throws when the total would leave the safe-integer range. */
export function sumRupiah(values: Iterable<number>): number {
  let total = 0n;
  for (const v of values) total += BigInt(assertRupiah(v));
  return fromBig(total);
}

export function fromBig(value: bigint, what = 'amount'): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what} is outside the safe integer range: ${value}`);
  }
  return Number(value);
}

/** a × b, exact, as a safe integer. */
export function mulRupiah(a: number, b: number): number {
  return fromBig(BigInt(assertRupiah(a)) * BigInt(assertRupiah(b, 'factor')));
}

/** n ÷ d rounded half up (away from zero for negatives, so −x rounds as the mirror of x); d > 0. */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('Divisor must be positive');
  const sign = n < 0n ? -1n : 1n;
  const a = n < 0n ? -n : n;
  return sign * ((2n * a + d) / (2n * d));
}

/** "Rp 12.000" (id) / "Rp 12,000" (en); negatives as "-Rp 5.000". */
export function formatRupiah(amount: number, lang: Lang): string {
  assertRupiah(amount);
  const text = `Rp ${groupThousands(Math.abs(amount), lang)}`;
  return amount < 0 ? `-${text}` : text;
}
