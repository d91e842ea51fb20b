/**
 * How remission moves a date. Remissions are applied in the order they were received: one received
 * before a date is reached brings it forward by its days; one received after the date has passed
 * cannot move it any more. A remission larger than what is left makes the date fall on the
 * occasion itself (release on 17 August, "langsung bebas"), never earlier, and never before the
 * start of the term.
 */
import type { IsoDate } from '../calendar/date.ts';
import { addDays, isBefore, maxDate, minDate } from '../calendar/date.ts';
import { fractionOfDays } from './rules.ts';
import type { Fraction, RuleSet } from './rules.ts';

export interface DatedDays {
  date: IsoDate;
  days: number;
}

export function applyRemission(current: IsoDate, start: IsoDate, r: DatedDays): IsoDate {
  if (!isBefore(r.date, current)) return current;
  return maxDate(start, r.date, addDays(current, -r.days));
}

/** `base` reduced by every remission received before it is reached (chronological input). */
export function reduceByRemissions(base: IsoDate, start: IsoDate, counted: readonly DatedDays[]): IsoDate {
  return counted.reduce((current, r) => applyRemission(current, start, r), base);
}

/**
 * Date on which `fraction` of the sentence is served.
 * 'subtract_remission_after' (default, DOMAIN.md): start + fraction × sentence − remission.
 * 'of_sentence_minus_remission': start + fraction × (sentence − remission).
 * Never after the end of the (remission-reduced) main term.
 */
export function fractionDate(
  start: IsoDate,
  sentenceDays: number,
  fraction: Fraction,
  counted: readonly DatedDays[],
  rules: RuleSet,
  mainEnd: IsoDate,
): IsoDate {
  const at = (days: number): IsoDate => addDays(start, fractionOfDays(Math.max(0, days), fraction, rules.fractionRounding));
  let date = at(sentenceDays);
  if (rules.twoThirdsMode === 'subtract_remission_after') {
    date = reduceByRemissions(date, start, counted);
  } else {
    let received = 0;
    for (const r of counted) {
      if (!isBefore(r.date, date)) continue;
      received += r.days;
      date = maxDate(start, r.date, at(sentenceDays - received));
    }
  }
  return minDate(date, mainEnd);
}
