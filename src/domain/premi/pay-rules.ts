/**
 * Premi pay rules per activity, dated, with a dated floor.
 *
 * Sources: PP 32/1999 art. 29 (a WBP who works is entitled to premi); DOMAIN.md "Work and production"
 * (premi held in trust; a 2010 circular sets production wages at least the regional minimum wage —
 * modelled as a configurable, dated floor in rupiah per day, never hard-coded); "where a rule is
 * uncertain, make it configurable and dated". STYLE.md (HMPPS): future-dated rate changes and a
 * readable history ("Rate reduced to …, from …").
 *
 * Choices where the brief is silent:
 * - A "day" for the floor is one session: an hourly rule's day equivalent is rate × hoursPerSession.
 *   Piece and proceeds-share rules cannot be compared with a daily floor without an output
 *   assumption, so they are not floor-checked (`floorBreaches` ignores them too).
 * - 'proceeds_share' pays nothing per day: its premi comes from the premi part of sales proceeds
 *   (Permenkumham 53/2016), shared by `distributeByWeight` (split.ts); its rateRupiah must be 0.
 * - Hours are counted in quarter hours; rate × hours is rounded half up to the rupiah.
 * - Two rules with the same effectiveFrom are refused by `validatePayRule`; should a list still hold
 *   both, `ruleOn` takes the one later in the list (the correction).
 */
import { compareDates, isValidDate } from '../calendar/date.ts';
import type { IsoDate } from '../calendar/date.ts';
import type { AttendanceRow } from '../work/attendance.ts';
import type { Session } from '../work/activity.ts';
import { formatShortDate, reason } from '../work/text.ts';
import type { Lang, Reason } from '../work/text.ts';
import { divRoundHalfUp, formatRupiah, fromBig, isRupiah } from './money.ts';

export type PayKind = 'daily' | 'hourly' | 'piece' | 'proceeds_share';

export interface PayRule {
  effectiveFrom: IsoDate;
  kind: PayKind;
  /** Rupiah per day, per hour or per piece; 0 for proceeds_share. */
  rateRupiah: number;
  /** Required for 'hourly': paid hours of one session (quarter hours allowed, e.g. 3.5). */
  hoursPerSession?: number;
}

/** Minimum rupiah for one paid day, in force from a date. */
export interface PayFloor {
  effectiveFrom: IsoDate;
  minPerDayRupiah: number;
}

function latestOn<T extends { effectiveFrom: IsoDate }>(items: readonly T[], date: IsoDate): T | null {
  let best: T | null = null;
  for (const item of items) {
    if (compareDates(item.effectiveFrom, date) > 0) continue;
    if (best === null || compareDates(item.effectiveFrom, best.effectiveFrom) >= 0) best = item;
  }
  return best;
}

/** The rule in force on `date`: latest effectiveFrom ≤ date (null before the first rule). */
export function ruleOn(rules: readonly PayRule[], date: IsoDate): PayRule | null {
  return latestOn(rules, date);
}

export function floorOn(floors: readonly PayFloor[], date: IsoDate): PayFloor | null {
  return latestOn(floors, date);
}

function quarters(hours: number, what: string): bigint {
  const q = hours * 4;
  if (!Number.isSafeInteger(q) || q < 0) throw new RangeError(`${what} must be a non-negative multiple of 0.25 hours: ${hours}`);
  return BigInt(q);
}

/** rate × hours, rounded half up to the rupiah. */
function hourlyAmount(rate: number, hours: number, what = 'hours'): number {
  return fromBig(divRoundHalfUp(BigInt(rate) * quarters(hours, what), 4n));
}

/** Rupiah one paid session day earns under the rule; null for output-based rules. */
export function dayEquivalent(rule: PayRule): number | null {
  if (rule.kind === 'daily') return rule.rateRupiah;
  if (rule.kind === 'hourly') return hourlyAmount(rule.rateRupiah, rule.hoursPerSession ?? 0, 'hoursPerSession');
  return null;
}

function shapeReasons(rule: PayRule): Reason[] {
  const out: Reason[] = [];
  if (!isValidDate(rule.effectiveFrom)) out.push(reason('invalid_date', 'Tanggal berlaku tidak valid.', 'Effective date is not a valid date.'));
  if (!isRupiah(rule.rateRupiah) || rule.rateRupiah < 0) {
    out.push(reason('invalid_rate', 'Tarif harus bilangan bulat rupiah ≥ 0.', 'Rate must be a whole number of rupiah ≥ 0.'));
  }
  if (rule.kind === 'proceeds_share' && rule.rateRupiah !== 0) {
    out.push(reason('proceeds_share_rate', 'Bagi hasil penjualan tidak memakai tarif (isi 0).', 'A proceeds share has no rate (enter 0).'));
  }
  if (rule.kind === 'piece' && rule.rateRupiah === 0) out.push(reason('invalid_rate', 'Tarif per buah harus lebih dari 0.', 'A piece rate must be above 0.'));
  if (rule.kind === 'hourly') {
    const h = rule.hoursPerSession;
    if (h === undefined || h <= 0 || !Number.isSafeInteger(h * 4)) {
      out.push(reason('invalid_hours', 'Jam per sesi wajib diisi (kelipatan 0,25 jam).', 'Hours per session are required (multiples of 0.25 h).'));
    }
  }
  return out;
}

/**
 * Refusals for a new rule (empty = valid): shape, a duplicate date among `existing`, and a day
 * equivalent below the floor in force on the rule's effective date (PP 32/1999 art. 29; DOMAIN.md).
 */
export function validatePayRule(rule: PayRule, context: { floors: readonly PayFloor[]; existing?: readonly PayRule[] }): Reason[] {
  const out = shapeReasons(rule);
  if (out.length > 0) return out;
  if ((context.existing ?? []).some((r) => r.effectiveFrom === rule.effectiveFrom)) {
    out.push(reason('duplicate_date', `Sudah ada tarif mulai ${rule.effectiveFrom}.`, `A rate from ${rule.effectiveFrom} already exists.`));
  }
  const floor = floorOn(context.floors, rule.effectiveFrom);
  const perDay = dayEquivalent(rule);
  if (floor !== null && perDay !== null && perDay < floor.minPerDayRupiah) {
    out.push(
      reason(
        'below_floor',
        `Tarif ${formatRupiah(perDay, 'id')}/hari di bawah batas minimum ${formatRupiah(floor.minPerDayRupiah, 'id')}/hari.`,
        `Rate ${formatRupiah(perDay, 'en')}/day is below the floor of ${formatRupiah(floor.minPerDayRupiah, 'en')}/day.`,
      ),
    );
  }
  return out;
}

export interface FloorBreach {
  from: IsoDate;
  rule: PayRule;
  floor: PayFloor;
}

/**
 * Periods where the rule in force pays less than the floor in force — typically a floor raised after
 * the rule was set. Checked at every date where either changes.
 */
export function floorBreaches(rules: readonly PayRule[], floors: readonly PayFloor[]): FloorBreach[] {
  const dates = [...new Set([...rules, ...floors].map((x) => x.effectiveFrom))].sort(compareDates);
  const out: FloorBreach[] = [];
  for (const from of dates) {
    const rule = ruleOn(rules, from);
    const floor = floorOn(floors, from);
    const perDay = rule === null ? null : dayEquivalent(rule);
    if (rule !== null && floor !== null && perDay !== null && perDay < floor.minPerDayRupiah) out.push({ from, rule, floor });
  }
  return out;
}

function rateText(rule: PayRule, lang: Lang): string {
  const amount = formatRupiah(rule.rateRupiah, lang);
  switch (rule.kind) {
    case 'daily':
      return lang === 'id' ? `${amount}/hari` : `${amount}/day`;
    case 'hourly': {
      const h = String(rule.hoursPerSession ?? 0).replace('.', lang === 'id' ? ',' : '.');
      return lang === 'id' ? `${amount}/jam (${h} jam per sesi)` : `${amount}/hour (${h} h per session)`;
    }
    case 'piece':
      return lang === 'id' ? `${amount}/buah` : `${amount}/piece`;
    case 'proceeds_share':
      return lang === 'id' ? 'bagi hasil penjualan' : 'a share of sales proceeds';
  }
}

function changeVerb(prev: PayRule | null, rule: PayRule, lang: Lang): string {
  const id = lang === 'id';
  if (prev === null) return id ? 'Tarif ditetapkan' : 'Rate set at';
  if (prev.kind !== rule.kind) return id ? 'Cara pembayaran diubah menjadi' : 'Pay changed to';
  if (rule.rateRupiah > prev.rateRupiah) return id ? 'Tarif dinaikkan menjadi' : 'Rate increased to';
  if (rule.rateRupiah < prev.rateRupiah) return id ? 'Tarif diturunkan menjadi' : 'Rate reduced to';
  return id ? 'Tarif menjadi' : 'Rate now';
}

/**
 * Readable history, oldest first: "Tarif diturunkan menjadi Rp 12.000/hari mulai 1 Jan 2027" /
 * "Rate reduced to Rp 12,000/day from 1 Jan 2027". With `asOf`, changes after it are marked
 * "(terjadwal)" / "(scheduled)".
 */
export function describeHistory(rules: readonly PayRule[], lang: Lang, asOf?: IsoDate): string[] {
  const sorted = [...rules].sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
  return sorted.map((rule, i) => {
    const prev = i === 0 ? null : (sorted[i - 1] ?? null);
    const from = lang === 'id' ? 'mulai' : 'from';
    const scheduled = asOf !== undefined && compareDates(rule.effectiveFrom, asOf) > 0 ? (lang === 'id' ? ' (terjadwal)' : ' (scheduled)') : '';
    return `${changeVerb(prev, rule, lang)} ${rateText(rule, lang)} ${from} ${formatShortDate(rule.effectiveFrom, lang)}${scheduled}`;
  });
}

export interface PremiDayInput {
  date: IsoDate;
  /** The day's attendance at one activity; a WBP may have a row per session. */
  rows: readonly (AttendanceRow & { session?: Session })[];
  rules: readonly PayRule[];
  /** Pieces made (piece rules), per WBP. */
  pieces?: ReadonlyMap<string, number>;
  /** Actual paid hours (hourly rules), per WBP; default paid sessions × hoursPerSession. */
  hours?: ReadonlyMap<string, number>;
}

export interface PremiAmount {
  wbpId: string;
  amountRupiah: number;
  /** Paid sessions that day (rows with a paid reason). */
  paidSessions: number;
}

export interface PremiDay {
  rule: PayRule | null;
  amounts: PremiAmount[];
}

function amountFor(rule: PayRule, wbpId: string, paidSessions: number, input: PremiDayInput): number {
  if (paidSessions === 0) return 0;
  switch (rule.kind) {
    case 'daily':
      return rule.rateRupiah;
    case 'hourly': {
      const hours = input.hours?.get(wbpId) ?? paidSessions * (rule.hoursPerSession ?? 0);
      return hourlyAmount(rule.rateRupiah, hours);
    }
    case 'piece': {
      const pieces = input.pieces?.get(wbpId) ?? 0;
      if (!Number.isSafeInteger(pieces) || pieces < 0) throw new RangeError(`Pieces must be a non-negative integer: ${pieces}`);
      return fromBig(BigInt(rule.rateRupiah) * BigInt(pieces));
    }
    case 'proceeds_share':
      return 0;
  }
}

/**
 * Premi earned on one day (PP 32/1999 art. 29), integer rupiah, for every WBP in the rows (0 when no
 * row has a paid reason). A daily rate is paid once per day however many sessions; an hourly rate per
 * paid hour; a piece rate per piece, and only to a WBP with a paid row (a sick WBP paid "sakit"
 * makes nothing under a piece rate). No rule in force → no amounts.
 */
export function premiForDay(input: PremiDayInput): PremiDay {
  const rule = ruleOn(input.rules, input.date);
  if (rule === null) return { rule: null, amounts: [] };
  const sessions = new Map<string, Set<string>>();
  for (const row of input.rows) {
    const set = sessions.get(row.wbpId) ?? new Set<string>();
    if (row.paid) set.add(row.session ?? `row${set.size}`);
    sessions.set(row.wbpId, set);
  }
  const amounts = [...sessions].map(([wbpId, set]) => ({ wbpId, paidSessions: set.size, amountRupiah: amountFor(rule, wbpId, set.size, input) }));
  return { rule, amounts };
}
