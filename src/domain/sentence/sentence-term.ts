/**
 * The term to serve: main sentence(s), subsidiary imprisonment, start date and special-crime flags.
 */
import type { IsoDate, Period } from '../calendar/date.ts';
import { addDays, isAfter, maxDate } from '../calendar/date.ts';
import type { RuleSet } from './rules.ts';
import type { CaseInput, DetentionOrder, SentenceInput, SpecialCrime } from './types.ts';

export interface SentenceTerm {
  /** At least one main ('pidana') sentence is recorded. */
  hasSentence: boolean;
  life: boolean;
  death: boolean;
  /** Life or death: no expiry, no fractions, no remission. */
  finite: boolean;
  /** Sum of the main sentences, as pronounced (served one after the other). */
  period: Period;
  /** period in days with 1 month = 30 days (1 year = 360). */
  sentenceDays: number;
  /** Imprisonment in lieu of an unpaid fine, served after the main term. */
  subsidiaryDays: number;
  /** Special crimes as the rules treat them (narcotics only from 5 years). */
  special: SpecialCrime[];
  /** Most recent main verdict: picks the rule set. */
  verdictDate: IsoDate | null;
  /** Day from which every main verdict is final; null while one is not final. */
  finalFrom: IsoDate | null;
}

function isMain(s: SentenceInput): boolean {
  return (s.kind ?? 'pidana') === 'pidana';
}

export function periodDays(p: Period, monthDays: number): number {
  return p.years * 12 * monthDays + p.months * monthDays + p.days;
}

export function summariseSentences(input: CaseInput, rules: RuleSet): SentenceTerm {
  const main = input.sentences.filter(isMain);
  const period: Period = main.reduce<Period>(
    (acc, s) => ({ years: acc.years + s.years, months: acc.months + s.months, days: acc.days + s.days }),
    { years: 0, months: 0, days: 0 },
  );
  const sentenceDays = periodDays(period, rules.monthDays);
  const life = main.some((s) => s.life === true);
  const death = main.some((s) => s.death === true);
  const declared = new Set<SpecialCrime>(main.flatMap((s) => s.special ?? []));
  // PP 99/2012 ps. 34A: narcotics is a special crime only for sentences of at least 5 years.
  if (declared.has('narkotika') && sentenceDays < rules.specialCrimes.narkotikaMinSentenceDays && !life && !death) declared.delete('narkotika');
  const verdictDates = main.map((s) => s.verdictDate);
  const first = verdictDates[0];
  const verdictDate = first === undefined ? null : maxDate(first, ...verdictDates.slice(1));
  const allFinal = main.length > 0 && main.every((s) => s.final !== false);
  return {
    hasSentence: main.length > 0,
    life,
    death,
    finite: main.length > 0 && !life && !death,
    period,
    sentenceDays,
    subsidiaryDays: subsidiaryDaysOf(input, rules),
    special: [...declared].sort(),
    verdictDate,
    finalFrom: allFinal ? verdictDate : null,
  };
}

/**
 * CHOICE: `fineUnpaidSubsidiaryDays` wins when given (it may reflect a part payment); otherwise the
 * 'subsidair' sentences apply unless the fine is recorded as paid. Their months count 30 days.
 */
function subsidiaryDaysOf(input: CaseInput, rules: RuleSet): number {
  if (input.fineUnpaidSubsidiaryDays !== undefined) return input.fineUnpaidSubsidiaryDays;
  if (input.conditions?.finePaid === true) return 0;
  return input.sentences
    .filter((s) => !isMain(s))
    .reduce((sum, s) => sum + periodDays({ years: s.years, months: s.months, days: s.days }, rules.monthDays), 0);
}

export function orderEnd(order: Pick<DetentionOrder, 'start' | 'days'>): IsoDate {
  // KUHAP counts the first day: an order of N days from D ends on D + N − 1 (DOMAIN.md).
  return addDays(order.start, order.days - 1);
}

export type StartSource = 'input' | 'orders' | 'verdict' | 'none';

/**
 * Time served counts from the start of detention, the last one if detention was interrupted
 * (KUHAP ps. 22 ayat 4; DOMAIN.md). Orders that follow one another without a free day form one
 * detention; a gap starts a new one.
 */
export function deriveStart(input: CaseInput, term: SentenceTerm): { start: IsoDate | null; source: StartSource } {
  if (input.detentionStart !== undefined) return { start: input.detentionStart, source: 'input' };
  const orders = [...input.detentionOrders].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let chainStart: IsoDate | null = null;
  let chainEnd: IsoDate | null = null;
  for (const o of orders) {
    const end = orderEnd(o);
    if (chainStart === null || chainEnd === null || isAfter(o.start, addDays(chainEnd, 1))) {
      chainStart = o.start;
      chainEnd = end;
    } else {
      chainEnd = maxDate(chainEnd, end);
    }
  }
  if (chainStart !== null) return { start: chainStart, source: 'orders' };
  // CHOICE: no detention recorded — the sentence runs from the (first) verdict.
  const verdicts = input.sentences.filter(isMain).map((s) => s.verdictDate).sort();
  const firstVerdict = verdicts[0];
  if (firstVerdict !== undefined && term.hasSentence) return { start: firstVerdict, source: 'verdict' };
  return { start: null, source: 'none' };
}
