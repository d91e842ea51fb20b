/**
 * Versioned rule sets for sentence, remission and integration calculations.
 *
 * Every number the engine uses lives here, with the regulation it comes from, so a change of
 * regulation is a new RuleSet with a later `effectiveFrom`, not a code change. ruleSetFor() picks
 * the set in force on the verdict date (the most recent main verdict of the case).
 *
 * Where DOMAIN.md is silent or ambiguous the common reading is the default and the alternative is
 * a parameter; each such choice is marked "CHOICE" below and listed in README.md.
 */
import type { IsoDate, MonthOverflow } from '../calendar/date.ts';
import { isAfter } from '../calendar/date.ts';
import type { Bilingual, Religion } from './types.ts';

/** An exact fraction, so ⅔ of 400 days is never 266.666… */
export interface Fraction {
  num: number;
  den: number;
}

/** Amount for the n-th remission of a kind: the row with the largest fromOrdinal ≤ n applies. */
export interface OrdinalAmount {
  fromOrdinal: number;
  days: number;
}

export type ReligiousHoliday = 'idul_fitri' | 'natal' | 'nyepi' | 'waisak' | 'imlek';

export type TwoThirdsMode = 'subtract_remission_after' | 'of_sentence_minus_remission';

/** How "N months" of time served or of look-back is measured. */
export type MonthMeasure = 'thirty_days' | 'calendar';

export type GrantedRemissionPolicy = 'count_and_flag' | 'exclude_ineligible';

export type CmbLengthBasis = 'last_remission' | 'last_year_total';

export type CitationKey =
  | 'ruleSet'
  | 'start'
  | 'periodCount'
  | 'remissionConditions'
  | 'remissionMinServed'
  | 'registerF'
  | 'lifeDeath'
  | 'programme'
  | 'subsidiary'
  | 'remisiUmum'
  | 'remisiKhusus'
  | 'remisiTambahan'
  | 'dasawarsa'
  | 'susulan'
  | 'juvenile'
  | 'korupsi'
  | 'terorisme'
  | 'specialCrimes'
  | 'fractions'
  | 'asimilasi'
  | 'asimilasiSpecial'
  | 'pb'
  | 'pbSpecial'
  | 'cb'
  | 'cmb'
  | 'pbSupervision';

export interface RuleSet {
  id: string;
  effectiveFrom: IsoDate;
  title: Bilingual;
  basis: string[];
  /** 1 month = 30 days for remission and fractions of a sentence (DOMAIN.md). */
  monthDays: number;
  /** End-of-month rule when adding the sentence in calendar terms. CHOICE: clamp (31 Jan + 1 m = 28/29 Feb). */
  monthOverflow: MonthOverflow;
  /**
   * CHOICE: "more than 6 months served" and "the last 6 months" are measured in 30-day months
   * (180 days), following DOMAIN.md's "1 month = 30 days for remission"; 'calendar' is the
   * alternative (served from 17 Feb to 17 Aug is then exactly 6 months, not more).
   */
  monthMeasure: MonthMeasure;
  /**
   * DOMAIN.md: ⅔ date = start + ⅔ × sentence − remission (default); the other reading,
   * ⅔ × (sentence − remission), is kept behind this flag. Applied to ⅓ and ½ too.
   */
  twoThirdsMode: TwoThirdsMode;
  /** CHOICE: fractions of days round up, so "has served at least ⅔" is never a day short. */
  fractionRounding: 'ceil' | 'floor';
  remission: {
    minServedMonths: number;
    /** Served from this many months on, the first RU/RK takes the larger amount. */
    longServiceMonths: number;
    registerFLookbackMonths: number;
    /** CHOICE: anak (under 18 on the occasion) need more than 3 months served (DOMAIN.md "PMP, > 3 months"). */
    juvenileMinServedMonths: number;
    juvenileAgeBelow: number;
    umum: { month: number; day: number; firstShortDays: number; firstLongDays: number; byOrdinal: OrdinalAmount[] };
    khusus: {
      firstShortDays: number;
      firstLongDays: number;
      byOrdinal: OrdinalAmount[];
      holidayByReligion: Record<Religion, ReligiousHoliday>;
    };
    tambahan: { serviceToState: Fraction; helpingProgramme: Fraction };
    dasawarsa: {
      anchorYear: number;
      everyYears: number;
      fraction: Fraction;
      maxDays: number;
      /** CHOICE: same "> 6 months served" condition as other remission. */
      minServedMonths: number;
    };
    /** CHOICE: remission amounts computed from fractions (dasawarsa 1/12) round down. */
    amountRounding: 'floor' | 'ceil';
    /**
     * CHOICE: a granted remission is a minister's decree, binding until revoked, so it counts even
     * when the engine finds it inconsistent; it is then flagged (eligible: false) for review.
     */
    grantedPolicy: GrantedRemissionPolicy;
  };
  specialCrimes: {
    /** Narcotics is a "special" crime only for sentences of at least 5 years (PP 99/2012 ps. 34A). */
    narkotikaMinSentenceDays: number;
  };
  integration: {
    asimilasiFraction: Fraction;
    asimilasiSpecialFraction: Fraction;
    asimilasiGoodBehaviourMonths: number;
    pbFraction: Fraction;
    /** PB and CMB: the ⅔ must be at least 9 months (of the sentence, before remission). */
    pbMinFractionMonths: number;
    pbGoodBehaviourMonths: number;
    /** Special crimes: PB only after assimilation for at least this share of the remaining term. */
    pbSpecialAssimilationShare: Fraction;
    cbMaxSentenceMonths: number;
    cbMaxLengthMonths: number;
    cbGoodBehaviourMonths: number;
    cbSpecialGoodBehaviourMonths: number;
    cmbMaxLengthMonths: number;
    cmbGoodBehaviourMonths: number;
    /** CHOICE: CMB length = the single last remission received ('last_year_total' sums that year's). */
    cmbLengthBasis: CmbLengthBasis;
    pbSupervisionYears: number;
    /**
     * CHOICE: imprisonment in lieu of an unpaid fine cannot be served on parole or leave, so PB,
     * CB and CMB move later by the subsidiary days (remission still stops while it is served).
     */
    integrationWaitsForSubsidiary: boolean;
  };
  citations: Record<CitationKey, string>;
}

/** Rule ids used in breakdown lines and reasons. */
export const RULE_IDS = {
  ruleSet: 'rule-set',
  start: 'start-last-detention',
  sentence: 'sentence-30-day-months',
  expiryCalendar: 'expiry-calendar',
  expiry: 'expiry-minus-remission',
  subsidiary: 'subsidiary-after-main-term',
  remissionLifeDeath: 'no-remission-life-death',
  remissionRegisterF: 'no-remission-register-f',
  remissionMinServed: 'remission-min-served',
  remissionSubsidiary: 'no-remission-subsidiary',
  remissionProgramme: 'remission-programme-active',
  remisiUmum: 'remisi-umum',
  remisiKhusus: 'remisi-khusus',
  remisiTambahan: 'remisi-tambahan',
  dasawarsa: 'remisi-dasawarsa',
  susulan: 'remisi-susulan',
  korupsi: 'korupsi-fine-paid',
  terorisme: 'terorisme-deradicalisation-pledge',
  fractions: 'fractions-30-day-months',
  asimilasi: 'asimilasi',
  pb: 'pb-two-thirds-min-9-months',
  cb: 'cb-short-sentences',
  cmb: 'cmb-length-last-remission',
  pbSupervision: 'pb-supervision-end',
  detentionEnd: 'detention-end-inclusive',
  detentionLimit: 'detention-limit',
  overstay: 'zero-overstaying',
} as const;

const CURRENT_CITATIONS: Record<CitationKey, string> = {
  ruleSet: 'UU 22/2022; PP 99/2012 jo. MA 28 P/HUM/2021; Permenkumham 3/2018 jo. 7/2022 jo. 16/2023',
  start: 'KUHAP ps. 22 ayat 4',
  periodCount: 'Kepdirjenpas PAS-26.OT.02.02/2020 — perhitungan masa menjalani pidana',
  remissionConditions: 'PP 99/2012 ps. 34; UU 22/2022 ps. 10 ayat 2',
  remissionMinServed: 'PP 99/2012 ps. 34 ayat 2 huruf b',
  registerF: 'PP 99/2012 ps. 34 ayat 3',
  lifeDeath: 'Keppres 174/1999 ps. 1 ayat 1; UU 22/2022 ps. 10',
  programme: 'UU 22/2022 ps. 10 ayat 2',
  subsidiary: 'Permenkumham 3/2018 — remisi tidak diberikan selama menjalani pidana pengganti denda',
  remisiUmum: 'Keppres 174/1999 ps. 4',
  remisiKhusus: 'Keppres 174/1999 ps. 5',
  remisiTambahan: 'Keppres 174/1999 — remisi tambahan',
  dasawarsa: 'Keppres 120/1955 — remisi dasawarsa',
  susulan: 'Permenkumham 3/2018 — remisi susulan',
  juvenile: 'Permenkumham 3/2018 — remisi anak',
  korupsi: 'PP 99/2012 ps. 34A ayat 1 huruf b',
  terorisme: 'PP 99/2012 ps. 34A ayat 1 huruf c',
  specialCrimes: 'PP 99/2012 ps. 34A jo. MA 28 P/HUM/2021',
  fractions: 'Permenkumham 3/2018 ps. 82; Kepdirjenpas PAS-26.OT.02.02/2020',
  asimilasi: 'PP 99/2012 ps. 36',
  asimilasiSpecial: 'PP 99/2012 ps. 36 — tindak pidana khusus: 2/3',
  pb: 'Permenkumham 3/2018 ps. 82',
  pbSpecial: 'PP 99/2012 ps. 43A; Permenkumham 3/2018 ps. 85 jo. 7/2022',
  cb: 'Permenkumham 3/2018 — cuti bersyarat',
  cmb: 'Permenkumham 3/2018 ps. 102',
  pbSupervision: 'KUHP ps. 15 ayat 3',
};

/**
 * Tables of Keppres 174/1999 (unchanged since), shared by the registered rule sets.
 * RU (ps. 4): first 1 month (6–12 months served) or 2 months (≥ 12), then by the n-th RU received:
 * 2nd 3 months, 3rd 4 months, 4th–5th 5 months, 6th on 6 months.
 * RK (ps. 5): first 15 days or 1 month, 2nd–3rd 1 month, 4th–5th 1 month 15 days, 6th on 2 months.
 */
const KEPPRES_174_1999_TABLES: RuleSet['remission'] = {
  minServedMonths: 6,
  longServiceMonths: 12,
  registerFLookbackMonths: 6,
  juvenileMinServedMonths: 3,
  juvenileAgeBelow: 18,
  umum: {
    month: 8,
    day: 17,
    firstShortDays: 30,
    firstLongDays: 60,
    byOrdinal: [
      { fromOrdinal: 2, days: 90 },
      { fromOrdinal: 3, days: 120 },
      { fromOrdinal: 4, days: 150 },
      { fromOrdinal: 6, days: 180 },
    ],
  },
  khusus: {
    firstShortDays: 15,
    firstLongDays: 30,
    byOrdinal: [
      { fromOrdinal: 2, days: 30 },
      { fromOrdinal: 4, days: 45 },
      { fromOrdinal: 6, days: 60 },
    ],
    holidayByReligion: {
      islam: 'idul_fitri',
      kristen: 'natal',
      katolik: 'natal',
      hindu: 'nyepi',
      buddha: 'waisak',
      konghucu: 'imlek',
    },
  },
  tambahan: { serviceToState: { num: 1, den: 2 }, helpingProgramme: { num: 1, den: 3 } },
  dasawarsa: { anchorYear: 2015, everyYears: 10, fraction: { num: 1, den: 12 }, maxDays: 90, minServedMonths: 6 },
  amountRounding: 'floor',
  grantedPolicy: 'count_and_flag',
};

const COMMON_INTEGRATION: RuleSet['integration'] = {
  asimilasiFraction: { num: 1, den: 2 },
  asimilasiSpecialFraction: { num: 2, den: 3 },
  asimilasiGoodBehaviourMonths: 6,
  pbFraction: { num: 2, den: 3 },
  pbMinFractionMonths: 9,
  pbGoodBehaviourMonths: 9,
  pbSpecialAssimilationShare: { num: 1, den: 2 },
  cbMaxSentenceMonths: 18,
  cbMaxLengthMonths: 6,
  cbGoodBehaviourMonths: 6,
  cbSpecialGoodBehaviourMonths: 9,
  cmbMaxLengthMonths: 6,
  cmbGoodBehaviourMonths: 9,
  cmbLengthBasis: 'last_remission',
  pbSupervisionYears: 1,
  integrationWaitsForSubsidiary: true,
};

/** Current: UU 22/2022 (in force 3 Aug 2022) with PP 99/2012 as cut by MA 28 P/HUM/2021. */
export const RULE_SET_UU22_2022: RuleSet = {
  id: 'uu22-2022',
  effectiveFrom: '2022-08-03',
  title: {
    id: 'UU 22/2022, PP 99/2012 (dipotong MA 28 P/HUM/2021), Permenkumham 3/2018 jo. 7/2022 jo. 16/2023',
    en: 'Law 22/2022, GR 99/2012 (as cut by Supreme Court 28 P/HUM/2021), Ministerial Reg. 3/2018 as amended by 7/2022 and 16/2023',
  },
  basis: ['UU 22/2022', 'PP 99/2012', 'MA 28 P/HUM/2021', 'Keppres 174/1999', 'Permenkumham 3/2018', 'Permenkumham 7/2022', 'Permenkumham 16/2023'],
  monthDays: 30,
  monthOverflow: 'clamp',
  monthMeasure: 'thirty_days',
  twoThirdsMode: 'subtract_remission_after',
  fractionRounding: 'ceil',
  remission: KEPPRES_174_1999_TABLES,
  specialCrimes: { narkotikaMinSentenceDays: 5 * 360 },
  integration: COMMON_INTEGRATION,
  citations: CURRENT_CITATIONS,
};

/**
 * Before UU 22/2022: UU 12/1995 with PP 99/2012. Same tables; the justice-collaborator condition
 * annulled by MA 28 P/HUM/2021 is not applied, since remission is assessed when it is granted and
 * every grant since Oct 2021 follows the cut text.
 */
export const RULE_SET_PP99_2012: RuleSet = {
  ...RULE_SET_UU22_2022,
  id: 'pp99-2012',
  effectiveFrom: '2012-11-12',
  title: {
    id: 'UU 12/1995, PP 99/2012 (dipotong MA 28 P/HUM/2021), Permenkumham 3/2018',
    en: 'Law 12/1995, GR 99/2012 (as cut by Supreme Court 28 P/HUM/2021), Ministerial Reg. 3/2018',
  },
  basis: ['UU 12/1995', 'PP 99/2012', 'MA 28 P/HUM/2021', 'Keppres 174/1999', 'Permenkumham 3/2018'],
  citations: {
    ...CURRENT_CITATIONS,
    ruleSet: 'UU 12/1995; PP 99/2012 jo. MA 28 P/HUM/2021; Permenkumham 3/2018',
    lifeDeath: 'Keppres 174/1999 ps. 1 ayat 1',
    remissionConditions: 'PP 99/2012 ps. 34',
    programme: 'PP 99/2012 ps. 34',
  },
};

/** Oldest first. */
export const RULE_SETS: readonly RuleSet[] = [RULE_SET_PP99_2012, RULE_SET_UU22_2022];

export interface RuleSetChoice {
  ruleSet: RuleSet;
  /** False when the date precedes every registered set and the oldest one was used. */
  inEffect: boolean;
}

/** The rule set in force on `date` (the verdict date): the latest with effectiveFrom ≤ date. */
export function ruleSetFor(date: IsoDate, sets: readonly RuleSet[] = RULE_SETS): RuleSetChoice {
  const sorted = [...sets].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const oldest = sorted[0];
  if (oldest === undefined) throw new Error('No rule set registered');
  const inForce = sorted.filter((s) => !isAfter(s.effectiveFrom, date));
  const chosen = inForce[inForce.length - 1];
  return chosen === undefined ? { ruleSet: oldest, inEffect: false } : { ruleSet: chosen, inEffect: true };
}

/** Amount for the n-th remission from an ordinal table (n ≥ 2). */
export function amountByOrdinal(table: readonly OrdinalAmount[], ordinal: number): number {
  let days = 0;
  for (const row of table) if (row.fromOrdinal <= ordinal) days = row.days;
  return days;
}

/** num/den × days, rounded as asked; integer arithmetic only. */
export function fractionOfDays(days: number, fraction: Fraction, rounding: 'ceil' | 'floor'): number {
  const scaled = days * fraction.num;
  return rounding === 'ceil' ? Math.ceil(scaled / fraction.den) : Math.floor(scaled / fraction.den);
}
