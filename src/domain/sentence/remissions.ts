/**
 * The remission timeline: granted remissions (decrees) and, when asked, projected future occasions
 * (RU on 17 August, RK on the religion's holiday, dasawarsa every ten years), walked in date order
 * so that the n-th RU/RK received, the end of the term and the subsidiary window are known at each
 * occasion.
 *
 * Projection assumes good behaviour from `asOf` on: only occasions on or after `asOf` are projected
 * (an earlier occasion without a decree was not granted), never after release.
 */
import type { IsoDate } from '../calendar/date.ts';
import { addDays, dateParts, isBefore, makeDate, maxDate, yearOf } from '../calendar/date.ts';
import {
  cited,
  isJuvenileOn,
  lifeOrDeathReason,
  programmeReason,
  registerFReason,
  servedMoreThan,
  specialCrimeReasons,
} from './conditions.ts';
import { remisiKhususOccasions } from './holidays.ts';
import { dasawarsaAmount, isDasawarsaYear, ordinalAmount } from './remission-amounts.ts';
import type { OrdinalKind } from './remission-amounts.ts';
import { RULE_IDS } from './rules.ts';
import type { RuleSet } from './rules.ts';
import type { SentenceTerm } from './sentence-term.ts';
import { applyRemission } from './term-arithmetic.ts';
import type { DatedDays } from './term-arithmetic.ts';
import { bi, daysValue, joinReasons, line, thirtyDayText } from './text.ts';
import type { Bilingual, BreakdownLine, CaseInput, GrantedRemission, Holiday, RemissionKind, RemissionResult } from './types.ts';

export interface CaseContext {
  input: CaseInput;
  rules: RuleSet;
  term: SentenceTerm;
  start: IsoDate;
  /** start + sentence in calendar terms; null for life or death. */
  baseMainEnd: IsoDate | null;
  holidays: readonly Holiday[];
}

export interface Timeline {
  remissions: RemissionResult[];
  /** Remissions that reduce the term, in the order received. */
  counted: DatedDays[];
  warnings: Bilingual[];
  lines: BreakdownLine[];
}

interface Candidate {
  kind: RemissionKind;
  date: IsoDate;
  projected: boolean;
  granted?: GrantedRemission;
  occasionName?: string;
}

const KIND_ORDER: readonly RemissionKind[] = ['umum', 'dasawarsa', 'khusus', 'susulan', 'tambahan', 'kemanusiaan', 'anak'];

const KIND_NAMES: Record<RemissionKind, Bilingual> = {
  umum: bi('Remisi umum', 'General remission'),
  khusus: bi('Remisi khusus', 'Religious-holiday remission'),
  tambahan: bi('Remisi tambahan', 'Additional remission'),
  dasawarsa: bi('Remisi dasawarsa', 'Decennial remission'),
  susulan: bi('Remisi susulan', 'Belated remission'),
  kemanusiaan: bi('Remisi kemanusiaan', 'Humanitarian remission'),
  anak: bi('Remisi anak', 'Juvenile remission'),
};

/** RU/RK table a remission counts toward; a susulan counts by its occasion (17 Aug = RU). */
function ordinalKindOf(kind: RemissionKind, date: IsoDate, rules: RuleSet): OrdinalKind | null {
  if (kind === 'umum' || kind === 'khusus') return kind;
  if (kind === 'susulan') {
    const { month, day } = dateParts(date);
    return month === rules.remission.umum.month && day === rules.remission.umum.day ? 'umum' : 'khusus';
  }
  return null;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.projected !== b.projected) return a.projected ? 1 : -1;
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
}

interface YearWarning {
  year: number;
  text: Bilingual;
}

function projectedCandidates(ctx: CaseContext, until: IsoDate): { candidates: Candidate[]; warnings: YearWarning[] } {
  const { input, rules, start } = ctx;
  const from = maxDate(addDays(start, 1), input.asOf);
  const taken = new Set<string>();
  for (const g of input.remissionsGranted) {
    const key = ordinalKindOf(g.kind, g.occasionDate, rules) ?? g.kind;
    taken.add(`${key}-${yearOf(g.occasionDate)}`);
  }
  const within = (d: IsoDate): boolean => !isBefore(d, from) && !isBefore(until, d);
  const candidates: Candidate[] = [];
  const warnings: YearWarning[] = [];
  const rk = new Map(remisiKhususOccasions(ctx.holidays, input.religion, rules.remission.khusus.holidayByReligion).map((o) => [o.year, o]));
  for (let year = yearOf(start); year <= yearOf(until); year++) {
    const ru = makeDate(year, rules.remission.umum.month, rules.remission.umum.day);
    if (within(ru) && !taken.has(`umum-${year}`)) candidates.push({ kind: 'umum', date: ru, projected: true, occasionName: 'HUT RI 17 Agustus' });
    if (isDasawarsaYear(year, rules) && within(ru) && !taken.has(`dasawarsa-${year}`)) {
      candidates.push({ kind: 'dasawarsa', date: ru, projected: true, occasionName: 'HUT RI 17 Agustus (dasawarsa)' });
    }
    const occasion = rk.get(year);
    if (occasion === undefined) {
      if (year >= yearOf(from)) {
        warnings.push({
          year,
          text: bi(
            `Tidak ada data hari raya untuk remisi khusus (${input.religion}) tahun ${year}; remisi khusus tahun itu tidak diproyeksikan`,
            `No holiday data for the ${input.religion} religious-holiday remission in ${year}; none projected that year`,
          ),
        });
      }
    } else if (within(occasion.date) && !taken.has(`khusus-${year}`)) {
      candidates.push({ kind: 'khusus', date: occasion.date, projected: true, occasionName: occasion.name });
    }
  }
  return { candidates, warnings };
}

interface WalkState {
  mainEnd: IsoDate | null;
  counts: Record<OrdinalKind, number>;
}

/** Reasons that block a remission on `c.date`, given the state of the walk. Null = skip (after release). */
function blockers(ctx: CaseContext, c: Candidate, state: WalkState): Bilingual[] | null {
  const { input, rules, term, start } = ctx;
  const reasons: Bilingual[] = [];
  const lifeDeath = lifeOrDeathReason(term, rules);
  if (lifeDeath !== null) reasons.push(lifeDeath);
  if (!isBefore(start, c.date)) {
    reasons.push(bi(`Tanggal remisi tidak sesudah mulai ditahan (${start})`, `Occasion is not after the start of detention (${start})`));
  }
  if (state.mainEnd !== null && !isBefore(c.date, state.mainEnd)) {
    const subsidiaryEnd = addDays(state.mainEnd, term.subsidiaryDays);
    if (term.subsidiaryDays > 0 && isBefore(c.date, subsidiaryEnd)) {
      reasons.push(
        cited(
          `Sedang menjalani pidana pengganti denda (${state.mainEnd} s.d. ${addDays(subsidiaryEnd, -1)})`,
          `Serving imprisonment in lieu of an unpaid fine (${state.mainEnd} to ${addDays(subsidiaryEnd, -1)})`,
          rules.citations.subsidiary,
        ),
      );
    } else if (c.projected) {
      return null;
    } else {
      reasons.push(bi(`Sesudah tanggal bebas (${subsidiaryEnd})`, `After the release date (${subsidiaryEnd})`));
    }
  }
  const needsService = c.kind !== 'tambahan' && c.kind !== 'kemanusiaan';
  if (needsService) {
    const juvenile = isJuvenileOn(input.birthDate, c.date, rules);
    const months = juvenile
      ? rules.remission.juvenileMinServedMonths
      : c.kind === 'dasawarsa'
        ? rules.remission.dasawarsa.minServedMonths
        : rules.remission.minServedMonths;
    if (!servedMoreThan(start, c.date, months, rules)) {
      reasons.push(
        cited(
          `Belum menjalani lebih dari ${months} bulan (sejak ${start})${juvenile ? ', anak' : ''}`,
          `Not more than ${months} months served (since ${start})${juvenile ? ', juvenile' : ''}`,
          juvenile ? rules.citations.juvenile : rules.citations.remissionMinServed,
        ),
      );
    }
  }
  if (c.kind !== 'kemanusiaan') {
    const f = registerFReason(input.registerF, c.date, rules.remission.registerFLookbackMonths, rules);
    if (f !== null) reasons.push(f);
  }
  reasons.push(...specialCrimeReasons(term, input, rules));
  const programme = programmeReason(input, rules);
  if (programme !== null) reasons.push(programme);
  return reasons;
}

export function buildTimeline(ctx: CaseContext, projectUntil: IsoDate | null): Timeline {
  const { input, rules, term, start } = ctx;
  const granted: Candidate[] = input.remissionsGranted.map((g) => ({ kind: g.kind, date: g.occasionDate, projected: false, granted: g }));
  const projection = projectUntil === null ? { candidates: [], warnings: [] } : projectedCandidates(ctx, projectUntil);
  const candidates = [...granted, ...projection.candidates].sort(compareCandidates);
  const state: WalkState = { mainEnd: ctx.baseMainEnd, counts: { umum: 0, khusus: 0 } };
  const remissions: RemissionResult[] = [];
  const counted: DatedDays[] = [];
  const lines: BreakdownLine[] = [];

  for (const c of candidates) {
    const reasons = blockers(ctx, c, state);
    if (reasons === null) continue;
    const notes: Bilingual[] = [];
    const ordinalKind = ordinalKindOf(c.kind, c.date, rules);
    const ordinal = ordinalKind === null ? undefined : state.counts[ordinalKind] + 1;
    const eligible = reasons.length === 0;
    let days: number;
    if (c.granted !== undefined) {
      days = c.granted.days;
      if (eligible && ordinalKind !== null && ordinal !== undefined && c.kind !== 'susulan') {
        const expected = ordinalAmount(ordinalKind, ordinal, start, c.date, rules);
        if (expected !== days) {
          notes.push(bi(`Jumlah di SK (${days} hari) berbeda dari tabel untuk yang ke-${ordinal} (${expected} hari): periksa`, `Decree amount (${days} days) differs from the table for the ${ordinal}th (${expected} days): check`));
        }
      }
    } else if (!eligible) {
      days = 0;
    } else if (ordinalKind !== null && ordinal !== undefined) {
      days = ordinalAmount(ordinalKind, ordinal, start, c.date, rules);
    } else {
      days = c.kind === 'dasawarsa' ? dasawarsaAmount(term.sentenceDays, rules) : 0;
    }
    if (c.projected && eligible && (term.finalFrom === null || isBefore(c.date, term.finalFrom))) {
      notes.push(
        cited(
          'Putusan belum berkekuatan hukum tetap pada tanggal ini: diberikan sebagai remisi susulan',
          'Verdict not yet final on this day: given later as a belated remission (susulan)',
          rules.citations.susulan,
        ),
      );
    }
    const isCounted = c.projected ? eligible : rules.remission.grantedPolicy === 'count_and_flag' || eligible;
    if (isCounted) {
      if (ordinalKind !== null) state.counts[ordinalKind] += 1;
      if (days > 0) {
        counted.push({ date: c.date, days });
        if (state.mainEnd !== null) state.mainEnd = applyRemission(state.mainEnd, start, { date: c.date, days });
      }
    }
    const result: RemissionResult = {
      kind: c.kind,
      occasionDate: c.date,
      days,
      projected: c.projected,
      eligible,
      counted: isCounted,
      reasons: [...reasons, ...notes],
    };
    if (ordinal !== undefined && isCounted) result.ordinal = ordinal;
    if (c.granted?.decree !== undefined) result.decree = c.granted.decree;
    remissions.push(result);
    lines.push(remissionLine(result, rules, c.occasionName));
  }
  // A missing holiday only matters for years the person is still serving.
  const releaseYear = state.mainEnd === null ? Number.POSITIVE_INFINITY : yearOf(addDays(state.mainEnd, term.subsidiaryDays));
  const warnings = projection.warnings.filter((w) => w.year <= releaseYear).map((w) => w.text);
  return { remissions, counted, warnings, lines };
}

function remissionRule(kind: RemissionKind, rules: RuleSet): { rule: string; regulation: string } {
  switch (kind) {
    case 'umum':
      return { rule: RULE_IDS.remisiUmum, regulation: rules.citations.remisiUmum };
    case 'khusus':
      return { rule: RULE_IDS.remisiKhusus, regulation: rules.citations.remisiKhusus };
    case 'dasawarsa':
      return { rule: RULE_IDS.dasawarsa, regulation: rules.citations.dasawarsa };
    case 'tambahan':
      return { rule: RULE_IDS.remisiTambahan, regulation: rules.citations.remisiTambahan };
    case 'susulan':
      return { rule: RULE_IDS.susulan, regulation: rules.citations.susulan };
    case 'anak':
      return { rule: RULE_IDS.remisiUmum, regulation: rules.citations.juvenile };
    case 'kemanusiaan':
      return { rule: 'remisi-kemanusiaan', regulation: rules.citations.remissionConditions };
  }
}

function remissionLine(r: RemissionResult, rules: RuleSet, occasionName: string | undefined): BreakdownLine {
  const name = KIND_NAMES[r.kind];
  const nth = r.ordinal === undefined ? bi('', '') : bi(` ke-${r.ordinal}`, ` no. ${r.ordinal}`);
  const occasion = occasionName === undefined ? '' : ` — ${occasionName}`;
  const status = r.projected ? bi('[proyeksi] ', '[projected] ') : bi('', '');
  const amount = thirtyDayText(r.days, rules.monthDays);
  const why = r.reasons.length === 0 ? bi('', '') : joinReasons(r.reasons);
  const verdict = r.eligible
    ? bi(`${amount.id}${why.id === '' ? '' : ` — ${why.id}`}`, `${amount.en}${why.en === '' ? '' : ` — ${why.en}`}`)
    : bi(`tidak diberikan/bermasalah: ${why.id}${r.counted ? ' (SK tetap dihitung, periksa)' : ''}`, `not granted/flagged: ${why.en}${r.counted ? ' (decree still counted, check)' : ''}`);
  const { rule, regulation } = remissionRule(r.kind, rules);
  return line(
    `REMISSION_${r.kind.toUpperCase()}${r.projected ? '_PROJECTED' : ''}`,
    bi(`${status.id}${name.id}${nth.id} ${r.occasionDate}${occasion}: ${verdict.id}`, `${status.en}${name.en}${nth.en} ${r.occasionDate}${occasion}: ${verdict.en}`),
    daysValue(r.counted ? r.days : 0),
    rule,
    regulation,
  );
}
