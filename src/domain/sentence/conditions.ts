/**
 * Conditions shared by remission and integration rights: time served, register F look-back,
 * special-crime requirements, programme participation, life and death sentences.
 */
import type { IsoDate } from '../calendar/date.ts';
import { addDays, addMonths, addYears, diffDays, isAfter, isBefore } from '../calendar/date.ts';
import type { RuleSet } from './rules.ts';
import type { SentenceTerm } from './sentence-term.ts';
import { bi } from './text.ts';
import type { Bilingual, CaseInput, RegisterFEntry } from './types.ts';

/** More than `months` served by `date` (the month measure is a rule-set parameter). */
export function servedMoreThan(start: IsoDate, date: IsoDate, months: number, rules: RuleSet): boolean {
  if (rules.monthMeasure === 'thirty_days') return diffDays(start, date) > months * rules.monthDays;
  return isAfter(date, addMonths(start, months));
}

/** At least `months` served by `date`. */
export function servedAtLeast(start: IsoDate, date: IsoDate, months: number, rules: RuleSet): boolean {
  if (rules.monthMeasure === 'thirty_days') return diffDays(start, date) >= months * rules.monthDays;
  return !isBefore(date, addMonths(start, months));
}

/** First day of the look-back window "the last `months` months" ending on `date`. */
export function lookBackStart(date: IsoDate, months: number, rules: RuleSet): IsoDate {
  return rules.monthMeasure === 'thirty_days' ? addDays(date, -months * rules.monthDays) : addMonths(date, -months);
}

/**
 * Register F entries overlapping [date − months, date]. An entry without `until` is a punishment
 * on one day (CHOICE: not an open-ended one, which would block every future occasion).
 */
export function registerFWithin(entries: readonly RegisterFEntry[], date: IsoDate, months: number, rules: RuleSet): RegisterFEntry[] {
  const from = lookBackStart(date, months, rules);
  return entries.filter((e) => !isAfter(e.date, date) && !isBefore(e.until ?? e.date, from));
}

export function isJuvenileOn(birthDate: IsoDate | undefined, date: IsoDate, rules: RuleSet): boolean {
  return birthDate !== undefined && isBefore(date, addYears(birthDate, rules.remission.juvenileAgeBelow));
}

/** A reason carrying its citation in the text, so it stands alone in a list. */
function cited(id: string, en: string, regulation: string): Bilingual {
  return bi(`${id} (${regulation})`, `${en} (${regulation})`);
}

export function lifeOrDeathReason(term: SentenceTerm, rules: RuleSet): Bilingual | null {
  if (term.death) return cited('Tidak berlaku bagi terpidana mati', 'Not available to a person sentenced to death', rules.citations.lifeDeath);
  if (term.life) return cited('Tidak berlaku bagi pidana penjara seumur hidup', 'Not available for a life sentence', rules.citations.lifeDeath);
  return null;
}

export function registerFReason(entries: readonly RegisterFEntry[], date: IsoDate, months: number, rules: RuleSet): Bilingual | null {
  const hits = registerFWithin(entries, date, months, rules);
  const first = hits[0];
  if (first === undefined) return null;
  return cited(
    `Tercatat di register F (${first.date}${first.until === undefined ? '' : ` s.d. ${first.until}`}) dalam ${months} bulan terakhir sebelum ${date}`,
    `Disciplinary punishment in register F (${first.date}${first.until === undefined ? '' : ` to ${first.until}`}) within the ${months} months before ${date}`,
    rules.citations.registerF,
  );
}

/** Special-crime conditions that do not depend on a date (korupsi, terorisme). */
export function specialCrimeReasons(term: SentenceTerm, input: CaseInput, rules: RuleSet): Bilingual[] {
  const reasons: Bilingual[] = [];
  const c = input.conditions ?? {};
  if (term.special.includes('korupsi') && c.finePaid !== true) {
    reasons.push(
      cited('Tindak pidana korupsi: denda dan uang pengganti belum dibayar lunas', 'Corruption: fine and restitution not paid in full', rules.citations.korupsi),
    );
  }
  if (term.special.includes('terorisme')) {
    if (c.deradicalisation !== true) {
      reasons.push(cited('Terorisme: belum mengikuti program deradikalisasi', 'Terrorism: deradicalisation programme not completed', rules.citations.terorisme));
    }
    if (c.nkriPledge !== true) {
      reasons.push(cited('Terorisme: belum menyatakan ikrar setia kepada NKRI', 'Terrorism: loyalty pledge to the Republic (NKRI) not made', rules.citations.terorisme));
    }
  }
  return reasons;
}

export function programmeReason(input: CaseInput, rules: RuleSet): Bilingual | null {
  if (input.conditions?.programmeActive !== false) return null;
  return cited('Tidak aktif mengikuti program pembinaan', 'Not active in the guidance programme', rules.citations.programme);
}

export { cited };
