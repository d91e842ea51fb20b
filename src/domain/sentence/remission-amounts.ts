/**
 * Remission amounts (Keppres 174/1999 ps. 4–5; dasawarsa: Keppres 120/1955). The n-th remisi umum
 * (or khusus) *received* sets the amount, not the year of the sentence: a year missed through
 * register F does not advance the table.
 */
import type { IsoDate } from '../calendar/date.ts';
import { servedAtLeast } from './conditions.ts';
import { amountByOrdinal, fractionOfDays } from './rules.ts';
import type { RuleSet } from './rules.ts';

export type OrdinalKind = 'umum' | 'khusus';

export function ordinalAmount(kind: OrdinalKind, ordinal: number, start: IsoDate, occasion: IsoDate, rules: RuleSet): number {
  const table = kind === 'umum' ? rules.remission.umum : rules.remission.khusus;
  if (ordinal <= 1) {
    // First one: smaller amount for 6–12 months served, larger from 12 months on.
    return servedAtLeast(start, occasion, rules.remission.longServiceMonths, rules) ? table.firstLongDays : table.firstShortDays;
  }
  return amountByOrdinal(table.byOrdinal, ordinal);
}

/** 1/12 of the sentence (30-day months), at most 3 months. */
export function dasawarsaAmount(sentenceDays: number, rules: RuleSet): number {
  const d = rules.remission.dasawarsa;
  return Math.min(d.maxDays, fractionOfDays(sentenceDays, d.fraction, rules.remission.amountRounding));
}

export function isDasawarsaYear(year: number, rules: RuleSet): boolean {
  const d = rules.remission.dasawarsa;
  return (year - d.anchorYear) % d.everyYears === 0;
}
