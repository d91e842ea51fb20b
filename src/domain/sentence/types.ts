/**
 * Input and output of the sentence, remission and detention engine (calculateCase). Dates are
 * 'YYYY-MM-DD' strings; every duration is a whole number of days. schema.ts holds the matching
 * zod schemas for the API.
 */
import type { IsoDate } from '../calendar/date.ts';

export type { IsoDate };

/** Text shown to officers: Indonesian first, English second. */
export interface Bilingual {
  id: string;
  en: string;
}

/** One step of a calculation a person can follow and check against the regulation. */
export interface BreakdownLine {
  code: string;
  label: Bilingual;
  /** A date 'YYYY-MM-DD' or a duration ("45 hari"). */
  value?: string;
  /** Rule id (see RULE_IDS in rules.ts). */
  rule: string;
  /** E.g. 'Permenkumham 3/2018 ps. 82', 'KUHAP ps. 24 ayat 2'. */
  regulation: string;
}

/** Detention stages (KUHAP arts. 24–28): investigation, prosecution, district court, appeal, cassation. */
export type DetentionStage = 'penyidikan' | 'penuntutan' | 'pn' | 'pt' | 'ma';

export interface DetentionOrder {
  id: string;
  stage: DetentionStage;
  /** Who signed it (penyidik, penuntut umum, hakim PN, ketua PN, …); shown, not checked. */
  authority?: string;
  start: IsoDate;
  /** Length in days; the order ends on start + days − 1. */
  days: number;
  /** Id of the order this one extends. */
  extensionOf?: string;
  /** An art. 29 KUHAP extension (offence ≥ 9 years or serious illness). */
  art29?: boolean;
}

export type SpecialCrime = 'terorisme' | 'narkotika' | 'korupsi' | 'keamanan_negara' | 'ham_berat' | 'transnasional';

export interface SentenceInput {
  years: number;
  months: number;
  days: number;
  verdictDate: IsoDate;
  /** 'subsidair' = imprisonment in lieu of an unpaid fine/restitution. Default 'pidana'. */
  kind?: 'pidana' | 'subsidair';
  /** Has permanent legal force (inkracht). Default true. */
  final?: boolean;
  special?: SpecialCrime[];
  life?: boolean;
  death?: boolean;
}

export type Religion = 'islam' | 'kristen' | 'katolik' | 'hindu' | 'buddha' | 'konghucu';

/** A disciplinary punishment recorded in register F; `until` is its last day when known. */
export interface RegisterFEntry {
  date: IsoDate;
  until?: IsoDate;
}

export type RemissionKind = 'umum' | 'khusus' | 'tambahan' | 'dasawarsa' | 'susulan' | 'kemanusiaan' | 'anak';

export interface GrantedRemission {
  kind: RemissionKind;
  occasionDate: IsoDate;
  days: number;
  /** Number of the minister's decree (SK). */
  decree?: string;
}

export interface CaseConditions {
  deradicalisation?: boolean;
  nkriPledge?: boolean;
  /** Fine and restitution (uang pengganti) paid in full. */
  finePaid?: boolean;
  /** Active in the guidance programme (UU 22/2022 ps. 10 ayat 2); false blocks rights. */
  programmeActive?: boolean;
}

export interface CaseInput {
  detentionOrders: DetentionOrder[];
  /** Start of the last uninterrupted detention; derived from the orders when left out. */
  detentionStart?: IsoDate;
  sentences: SentenceInput[];
  /** Religion as first registered (Keppres 174/1999 ps. 5). */
  religion: Religion;
  birthDate?: IsoDate;
  registerF: RegisterFEntry[];
  remissionsGranted: GrantedRemission[];
  /** Project future remissions (assuming good behaviour) up to this date. */
  projectRemissions?: { until: IsoDate };
  /** The day the calculation is made for ("today"); the engine never reads the clock. */
  asOf: IsoDate;
  /** Days of imprisonment in lieu of an unpaid fine; overrides the 'subsidair' sentences. */
  fineUnpaidSubsidiaryDays?: number;
  conditions?: CaseConditions;
}

export interface Holiday {
  date: IsoDate;
  name: string;
  national?: boolean;
}

export interface CalculateOptions {
  holidays: Holiday[];
  /** Use the alternative ⅔ reading instead of the rule set's (DOMAIN.md keeps both). */
  twoThirdsMode?: 'subtract_remission_after' | 'of_sentence_minus_remission';
}

/** An integration right (asimilasi, PB, CB): the earliest date and whether the case qualifies. */
export interface RightResult {
  date: IsoDate | null;
  eligible: boolean;
  reasons: Bilingual[];
}

export interface LeaveResult extends RightResult {
  lengthDays: number | null;
}

export interface RemissionResult {
  kind: RemissionKind;
  occasionDate: IsoDate;
  days: number;
  projected: boolean;
  eligible: boolean;
  /** Whether it reduces the term in this result (granted ones count even when flagged). */
  counted: boolean;
  /** Why it is not eligible, or notes (e.g. given later as remisi susulan). */
  reasons: Bilingual[];
  /** n-th remisi umum / khusus received, for the amount tables. */
  ordinal?: number;
  decree?: string;
}

/** The dates that depend on remission; computed once on granted remissions, once with projections. */
export interface TermDates {
  expiry: IsoDate | null;
  totalRemissionDays: number;
  oneThird: IsoDate | null;
  half: IsoDate | null;
  twoThirds: IsoDate | null;
  asimilasi: RightResult;
  pb: RightResult;
  cb: LeaveResult;
  cmb: LeaveResult;
  pbSupervisionEnd: IsoDate | null;
}

export interface ProjectionResult extends TermDates {
  until: IsoDate;
}

export type DetentionOrderKind = 'initial' | 'extension' | 'art29';

export interface DetentionOrderSummary {
  id: string;
  stage: DetentionStage;
  kind: DetentionOrderKind;
  start: IsoDate;
  end: IsoDate;
  days: number;
}

export interface DetentionResult {
  /** Detention limits regime, e.g. 'kuhap-1981'. */
  regime: string;
  currentOrder?: DetentionOrderSummary;
  endDate: IsoDate | null;
  /** endDate − asOf: 0 on the last day, negative once ended. */
  daysLeft: number | null;
  nextStep: Bilingual;
  overstay: boolean;
  /** 'detention_order' (order ended, nothing recorded) or 'sentence_expired' (held past expiry). */
  overstayKind: 'detention_order' | 'sentence_expired' | null;
  orders: DetentionOrderSummary[];
  warnings: Bilingual[];
}

export interface CaseResult extends TermDates {
  ruleSet: string;
  /** tahanan = detainee, narapidana = final sentence being served. */
  status: 'tahanan' | 'narapidana';
  /** Main sentence in days with 1 month = 30 days, the basis of fractions and remission. */
  sentenceDays: number | null;
  subsidiaryDays: number;
  start: IsoDate | null;
  /** start + sentence in calendar terms (+ subsidiary days), before remission. */
  expiryNoRemission: IsoDate | null;
  remissions: RemissionResult[];
  projection?: ProjectionResult;
  detention: DetentionResult;
  warnings: Bilingual[];
  breakdown: BreakdownLine[];
}
