/**
 * The calculator's form model and the engine's case (CaseInput) in both directions, plus the case
 * of an inmate as stored (for "recalculate in the calculator"). Pure functions: unit-tested.
 */
import type { CaseInput, DetentionStage, GrantedRemission, Religion, SpecialCrime } from '../../../domain/sentence/types.ts';
import { addDaysIso } from '../../format.ts';
import type { Wbp } from '../wbp/api.ts';

export const ENGINE_RELIGIONS = ['islam', 'kristen', 'katolik', 'hindu', 'buddha', 'konghucu'] as const;
export const GRANT_KINDS = ['umum', 'khusus', 'tambahan', 'dasawarsa', 'susulan', 'kemanusiaan', 'anak'] as const;
export const CONDITIONS = ['finePaid', 'deradicalisation', 'nkriPledge', 'programmeActive'] as const;
export type Condition = (typeof CONDITIONS)[number];

type Num = number | string;

export interface OrderRow {
  key: string;
  stage: string;
  start: string;
  days: Num;
  /** Key of the row this one extends. */
  extensionOf: string;
  art29: boolean;
}
export interface SentenceRow {
  key: string;
  verdictDate: string;
  years: Num;
  months: Num;
  days: Num;
  kind: 'pidana' | 'subsidair';
  final: boolean;
  life: boolean;
  death: boolean;
}
export interface RegisterFRow {
  key: string;
  date: string;
  until: string;
}
export interface GrantRow {
  key: string;
  kind: string;
  occasionDate: string;
  days: Num;
  decree: string;
}

export interface CalcValues extends Record<string, unknown> {
  asOf: string;
  religion: string;
  birthDate: string;
  detentionStart: string;
  projectUntil: string;
  subsidiaryDays: Num;
  twoThirdsMode: string;
  special: string[];
  conditions: Condition[];
  orders: OrderRow[];
  sentences: SentenceRow[];
  registerF: RegisterFRow[];
  grants: GrantRow[];
}

let seq = 0;
/** A key for a new row (also the detention order id the engine sees). */
export const newKey = (prefix: string) => `${prefix}${++seq}`;

export const emptyOrder = (start: string): OrderRow => ({ key: newKey('o'), stage: 'penyidikan', start, days: '', extensionOf: '', art29: false });
export const emptySentence = (verdictDate: string): SentenceRow => ({
  key: newKey('s'),
  verdictDate,
  years: '',
  months: '',
  days: '',
  kind: 'pidana',
  final: true,
  life: false,
  death: false,
});
export const emptyRegisterF = (date: string): RegisterFRow => ({ key: newKey('f'), date, until: '' });
export const emptyGrant = (date: string): GrantRow => ({ key: newKey('g'), kind: 'umum', occasionDate: date, days: '', decree: '' });

export function emptyValues(today: string): CalcValues {
  return {
    asOf: today,
    religion: '',
    birthDate: '',
    detentionStart: '',
    projectUntil: '',
    subsidiaryDays: '',
    twoThirdsMode: '',
    special: [],
    conditions: [],
    orders: [],
    sentences: [emptySentence(today)],
    registerF: [],
    grants: [],
  };
}

/** Form text → integer; blanks are 0 where the engine wants a count. Anything else is passed on for the API to refuse. */
function int(v: Num, blank = 0): number {
  if (typeof v === 'number') return v;
  const s = v.trim().replace(/\./g, '');
  if (s === '') return blank;
  const n = Number(s);
  return Number.isFinite(n) ? n : (v as unknown as number);
}

/** The form as the engine's case: detention order ids are the row keys, so an extension names its order. */
export function toCaseInput(v: CalcValues): CaseInput {
  const conditions = Object.fromEntries(CONDITIONS.filter((c) => v.conditions.includes(c)).map((c) => [c, true]));
  const subsidiary = typeof v.subsidiaryDays === 'string' && v.subsidiaryDays.trim() === '' ? undefined : int(v.subsidiaryDays);
  return {
    asOf: v.asOf,
    religion: v.religion as Religion,
    ...(v.birthDate ? { birthDate: v.birthDate } : {}),
    ...(v.detentionStart ? { detentionStart: v.detentionStart } : {}),
    detentionOrders: v.orders.map((o) => ({
      id: o.key,
      stage: o.stage as DetentionStage,
      start: o.start,
      days: int(o.days),
      ...(o.extensionOf ? { extensionOf: o.extensionOf } : {}),
      ...(o.art29 ? { art29: true } : {}),
    })),
    sentences: v.sentences.map((s) => ({
      years: int(s.years),
      months: int(s.months),
      days: int(s.days),
      verdictDate: s.verdictDate,
      ...(s.kind === 'subsidair' ? { kind: 'subsidair' as const } : {}),
      ...(s.final ? {} : { final: false }),
      ...(s.life ? { life: true } : {}),
      ...(s.death ? { death: true } : {}),
      ...(v.special.length && s.kind === 'pidana' ? { special: v.special as SpecialCrime[] } : {}),
    })),
    registerF: v.registerF.map((f) => ({ date: f.date, ...(f.until ? { until: f.until } : {}) })),
    remissionsGranted: v.grants.map((g) => ({
      kind: g.kind as GrantedRemission['kind'],
      occasionDate: g.occasionDate,
      days: int(g.days),
      ...(g.decree.trim() ? { decree: g.decree.trim() } : {}),
    })),
    ...(v.projectUntil ? { projectRemissions: { until: v.projectUntil } } : {}),
    ...(subsidiary !== undefined ? { fineUnpaidSubsidiaryDays: subsidiary } : {}),
    ...(Object.keys(conditions).length ? { conditions } : {}),
  };
}

const text = (x: unknown) => (x === undefined || x === null ? '' : String(x));

/** A case (pasted JSON, or an inmate's) back into the form. Unknown shapes throw, with a readable message. */
export function fromCaseInput(c: CaseInput): CalcValues {
  if (!c || typeof c !== 'object') throw new Error('case');
  const orderKeys = new Map<string, string>();
  const orders: OrderRow[] = (c.detentionOrders ?? []).map((o) => {
    const key = newKey('o');
    orderKeys.set(String(o.id), key);
    return { key, stage: o.stage, start: o.start, days: o.days, extensionOf: text(o.extensionOf), art29: !!o.art29 };
  });
  for (const o of orders) if (o.extensionOf) o.extensionOf = orderKeys.get(o.extensionOf) ?? '';
  const special = [...new Set((c.sentences ?? []).flatMap((s) => s.special ?? []))];
  return {
    asOf: c.asOf,
    religion: c.religion ?? '',
    birthDate: text(c.birthDate),
    detentionStart: text(c.detentionStart),
    projectUntil: text(c.projectRemissions?.until),
    subsidiaryDays: c.fineUnpaidSubsidiaryDays ?? '',
    twoThirdsMode: '',
    special,
    conditions: CONDITIONS.filter((k) => c.conditions?.[k]),
    orders,
    sentences: (c.sentences ?? []).map((s) => ({
      key: newKey('s'),
      verdictDate: s.verdictDate,
      years: s.years,
      months: s.months,
      days: s.days,
      kind: s.kind === 'subsidair' ? 'subsidair' : 'pidana',
      final: s.final !== false,
      life: !!s.life,
      death: !!s.death,
    })),
    registerF: (c.registerF ?? []).map((f) => ({ key: newKey('f'), date: f.date, until: text(f.until) })),
    grants: (c.remissionsGranted ?? []).map((g) => ({ key: newKey('g'), kind: g.kind, occasionDate: g.occasionDate, days: g.days, decree: text(g.decree) })),
  };
}

/**
 * An inmate's stored records as a calculator case, as the server builds it: replaced verdicts
 * and reversed remissions left out, an unpaid fine served as its subsidiary term.
 */
export function caseFromWbp(w: Wbp, today: string): CaseInput {
  const reversed = new Set(w.remissions.map((g) => g.reversed_by).filter((x): x is number => x !== null));
  const current = w.sentences.filter((s) => s.superseded_by === null);
  const special = w.specialCrimes as SpecialCrime[];
  return {
    asOf: today,
    religion: ((ENGINE_RELIGIONS as readonly string[]).includes(w.religion ?? '') ? w.religion : '') as Religion,
    ...(w.detentionStart ? { detentionStart: w.detentionStart } : {}),
    ...(w.birthDate ? { birthDate: w.birthDate } : {}),
    detentionOrders: w.detentionOrders.map((o) => ({
      id: String(o.id),
      stage: o.stage as DetentionStage,
      start: o.start_date,
      days: o.days,
      ...(o.extension_of !== null ? { extensionOf: String(o.extension_of) } : {}),
      ...(o.art29 ? { art29: true } : {}),
    })),
    sentences: current.flatMap((s) => {
      const main = {
        years: s.years,
        months: s.months,
        days: s.days,
        verdictDate: s.verdict_date,
        final: s.final,
        ...(special.length ? { special } : {}),
        ...(s.life ? { life: true } : {}),
        ...(s.death ? { death: true } : {}),
      };
      const unpaid = s.subsidiary_days > 0 && !s.fine_paid && s.fine_rupiah > 0;
      return unpaid ? [main, { years: 0, months: 0, days: s.subsidiary_days, verdictDate: s.verdict_date, kind: 'subsidair' as const, final: s.final }] : [main];
    }),
    registerF: w.registerF.map((f) => ({ date: f.date, ...(f.until ? { until: f.until } : {}) })),
    remissionsGranted: w.remissions
      .filter((g) => g.reversed_by === null && !reversed.has(g.id))
      .map((g) => ({ kind: g.kind as GrantedRemission['kind'], occasionDate: g.occasion_date, days: g.days, ...(g.decree_number ? { decree: g.decree_number } : {}) })),
    projectRemissions: { until: addDaysIso(today, 366 * 3) },
    conditions: { finePaid: current.every((s) => s.fine_rupiah === 0 || s.fine_paid) },
  };
}
