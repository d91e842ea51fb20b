/**
 * Sharing the proceeds of sales (Permenkumham 53/2016 on Lapas Industri proceeds; DOMAIN.md
 * "Proceeds split"): a dated rule per UPT, optionally per activity, says what is shared — the
 * revenue or the profit (revenue less the cost of the goods sold) — and in which parts: premi pool,
 * PNBP, working capital, programme fund. The premi pool is then shared among the inmates who did
 * the work, by attendance days or by output hours.
 *
 * Choices where the brief is silent:
 * - Proceeds are recognised when a sale is fully paid (its `paid_on` month); partial payments wait.
 * - A month whose profit is negative shares nothing (base 0): a loss is not charged to inmates or
 *   to the treasury. Revenue cannot be negative (refunds are reversals of payments that un-pay the
 *   sale, which leaves the month's paid sales).
 * - The rule in force is the one for the activity if there is one, else the UPT's, dated on or
 *   before the first day of the month (a rule changes from a month's start, so one month never
 *   mixes two rules).
 * - Parts are computed by largest remainder in the order premi, PNBP, working capital, programme:
 *   their sum is the base exactly, and the premi pool is shared the same way (never a rupiah lost).
 */
import { compareDates, type IsoDate } from '../calendar/date.ts';
import { distributeByWeight, splitRupiah, shareErrors, type Share } from '../premi/split.ts';
import { assertRupiah } from '../premi/money.ts';

export const SPLIT_PARTS = ['premi', 'pnbp', 'working_capital', 'programme'] as const;
export type SplitPart = (typeof SPLIT_PARTS)[number];

export interface ProceedsRule {
  id: string;
  activityId: string | null;
  validFrom: IsoDate;
  base: 'revenue' | 'profit';
  /** Basis points per part; they sum to 10,000. */
  shares: Record<SplitPart, number>;
  premiWeight: 'attendance' | 'output';
}

export function ruleShares(rule: Pick<ProceedsRule, 'shares'>): Share<SplitPart>[] {
  return SPLIT_PARTS.map((key) => ({ key, basisPoints: rule.shares[key] }));
}

/** Configuration errors of a rule's shares (empty when valid). */
export function proceedsRuleErrors(rule: Pick<ProceedsRule, 'shares'>): string[] {
  return shareErrors(ruleShares(rule));
}

/** The rule in force for a month (its first day) and an activity: the activity's own, else the UPT's. */
export function ruleInForce(rules: readonly ProceedsRule[], month: IsoDate, activityId: string | null): ProceedsRule | null {
  const dated = (list: ProceedsRule[]) =>
    list.filter((r) => compareDates(r.validFrom, month) <= 0).sort((a, b) => compareDates(b.validFrom, a.validFrom))[0] ?? null;
  if (activityId !== null) {
    const own = dated(rules.filter((r) => r.activityId === activityId));
    if (own) return own;
  }
  return dated(rules.filter((r) => r.activityId === null));
}

export interface SplitResult {
  revenueRupiah: number;
  costRupiah: number;
  baseRupiah: number;
  parts: Record<SplitPart, number>;
  /** True when the profit was negative and nothing was shared. */
  loss: boolean;
}

export function computeSplit(rule: ProceedsRule, revenueRupiah: number, costRupiah: number): SplitResult {
  assertRupiah(revenueRupiah, 'revenue');
  assertRupiah(costRupiah, 'cost');
  if (revenueRupiah < 0 || costRupiah < 0) throw new RangeError('Revenue and cost must not be negative');
  const raw = rule.base === 'revenue' ? revenueRupiah : revenueRupiah - costRupiah;
  const base = Math.max(0, raw);
  const parts = Object.fromEntries(splitRupiah(base, ruleShares(rule)).map((p) => [p.key, p.amountRupiah])) as Record<SplitPart, number>;
  return { revenueRupiah, costRupiah, baseRupiah: base, parts, loss: raw < 0 };
}

/** The premi pool shared among workers by weight; workers with weight 0 are left out. */
export function sharePremi(poolRupiah: number, weights: readonly { wbpId: string; weight: number }[]): Array<{ wbpId: string; amountRupiah: number }> {
  const working = weights.filter((w) => w.weight > 0);
  if (working.length === 0) return [];
  return distributeByWeight(poolRupiah, working).filter((s) => s.amountRupiah !== 0);
}
