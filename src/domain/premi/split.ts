/**
 * Splitting integer rupiah without creating or losing one: the largest-remainder (Hamilton) method.
 *
 * Used for sales proceeds (Permenkumham 53/2016 on Lapas Industri proceeds; DOMAIN.md "Work and
 * production": e.g. 35% premi / 50% PNBP / 15% programme, or 50/15/35 of profit — the split rule is
 * dated data, its parts are basis points here) and for sharing the premi part among WBP by weight
 * (attendance days or output).
 *
 * Method: each part first gets floor(total × weight / Σweight); the rupiah left over (fewer than the
 * number of parts) go one each to the parts with the largest remainders; equal remainders go to the
 * earlier part in the list (deterministic — callers order the list, e.g. premi first). A negative
 * total (a refund) is split as the exact mirror of the positive one, so reversing a split reverses
 * every part. BigInt inside: 10^13 × 10,000 bp is past 2^53.
 *
 * Invalid input (shares not summing to 10,000 bp, negative or non-integer weights, all weights zero
 * with a non-zero total) is a programming or configuration error and throws a RangeError; validate
 * configured split rules with `shareErrors` when they are entered.
 */
import { assertRupiah, fromBig } from './money.ts';

export const FULL_BASIS_POINTS = 10_000;

export interface Share<K extends string = string> {
  key: K;
  basisPoints: number;
}

/** Core: integer parts of `total` proportional to `weights`, summing exactly to `total`. */
export function largestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const sumW = weights.reduce((a, b) => a + b, 0n);
  if (weights.some((w) => w < 0n)) throw new RangeError('Weights must not be negative');
  if (sumW === 0n) {
    if (total === 0n) return weights.map(() => 0n);
    throw new RangeError('Cannot split a non-zero amount over zero weights');
  }
  const sign = total < 0n ? -1n : 1n;
  const abs = total * sign;
  const parts = weights.map((w) => (abs * w) / sumW);
  const remainders = weights.map((w, i) => ({ i, r: (abs * w) % sumW }));
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => p * sign);
}

/** Configuration check for a split rule: integer bp ≥ 0, unique keys, summing to 10,000. */
export function shareErrors(shares: readonly Share[]): string[] {
  const errors: string[] = [];
  if (shares.length === 0) errors.push('at least one share is needed');
  if (shares.some((s) => !Number.isSafeInteger(s.basisPoints) || s.basisPoints < 0)) errors.push('basis points must be integers ≥ 0');
  if (new Set(shares.map((s) => s.key)).size !== shares.length) errors.push('keys must be unique');
  const sum = shares.reduce((a, s) => a + s.basisPoints, 0);
  if (sum !== FULL_BASIS_POINTS) errors.push(`shares sum to ${sum} bp, not ${FULL_BASIS_POINTS}`);
  return errors;
}

/**
 * Splits `total` rupiah by basis points (a dated per-UPT split rule for Lapas Industri proceeds,
 * Permenkumham 53/2016); the parts are integers and sum exactly to `total`.
 */
export function splitRupiah<K extends string>(total: number, shares: readonly Share<K>[]): Array<{ key: K; amountRupiah: number }> {
  assertRupiah(total, 'total');
  const errors = shareErrors(shares);
  if (errors.length > 0) throw new RangeError(`Invalid split: ${errors.join('; ')}`);
  const parts = largestRemainder(BigInt(total), shares.map((s) => BigInt(s.basisPoints)));
  return shares.map((s, i) => ({ key: s.key, amountRupiah: fromBig(parts[i] ?? 0n) }));
}

/**
 * Shares `total` rupiah — typically the premi part of proceeds (PP 32/1999 art. 29; Permenkumham
 * 53/2016) — among WBP in proportion to integer weights (attendance days, pieces, grams), same
 * method and guarantees; a zero weight always gets 0.
 */
export function distributeByWeight(total: number, weights: readonly { wbpId: string; weight: number }[]): Array<{ wbpId: string; amountRupiah: number }> {
  assertRupiah(total, 'total');
  for (const w of weights) {
    if (!Number.isSafeInteger(w.weight) || w.weight < 0) throw new RangeError(`Weight of ${w.wbpId} must be an integer ≥ 0: ${w.weight}`);
  }
  const parts = largestRemainder(BigInt(total), weights.map((w) => BigInt(w.weight)));
  return weights.map((w, i) => ({ wbpId: w.wbpId, amountRupiah: fromBig(parts[i] ?? 0n) }));
}
