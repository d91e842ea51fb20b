/**
 * May this WBP be allocated to this activity? Source: DOMAIN.md, "Work and production" (eligibility
 * depends on security level, health and programme stage) and "Who and where" (outdoor work is for
 * minimum-security or assimilation inmates; Permenkumham 35/2018 security levels). Asimilasi timing
 * itself (½ of the sentence, UU 22/2022 and Permenkumham 3/2018 as amended) is computed by the
 * sentence engine; this rule only reads the resulting date.
 *
 * Every rule is checked (no early return) so the officer sees all reasons at once. A full activity is
 * not a refusal: the allocation goes to the waiting list (HMPPS activities management does the same).
 *
 * Choices where the brief is silent:
 * - Allocations are half-open periods [startDate, endDate) (Recidiviz convention); one that has not
 *   ended on `asOf` (current OR starting later) holds a place and can clash, so a future allocation
 *   cannot be double-booked.
 * - Waiting-list entries hold no slot: they neither clash nor fill capacity.
 * - Only 'narapidana' may work; 'tahanan' only where `openToDetainees`; 'anak' (juveniles follow the
 *   LPKA schooling/training programme) and 'klien' (outside, under Bapas) are refused.
 * - An unknown UPT security level is treated as "not minimum".
 * - A WBP of another UPT is refused (every request is scoped to one UPT — STYLE.md, HMPPS).
 */
import { compareDates, isBefore } from '../calendar/date.ts';
import type { IsoDate } from '../calendar/date.ts';
import type { SecurityLevel } from '../org/security-levels.ts';
import { overlappingSlots, SESSION_LABELS, WEEKDAY_LABELS } from './activity.ts';
import type { Activity, Slot } from './activity.ts';
import { reason } from './text.ts';
import type { Reason } from './text.ts';

export type WbpStatus = 'narapidana' | 'tahanan' | 'anak' | 'klien';

/** Flags that keep a WBP out of every activity (health or segregation). */
export const BLOCKING_FLAGS: readonly string[] = ['sakit', 'isolasi'];

export interface WbpForAllocation {
  id: string;
  uptId: string;
  status: WbpStatus;
  flags: readonly string[];
  /** Date asimilasi becomes possible (from the sentence engine), null when not eligible at all. */
  asimilasiDate: IsoDate | null;
}

export interface ActivityForAllocation extends Pick<Activity, 'id' | 'uptId' | 'schedule' | 'outside' | 'openToDetainees' | 'excludedFlags'> {
  /** The UPT's security level (revitalisasi); null when not yet published. */
  uptSecurityLevel: SecurityLevel | null;
}

export interface ExistingAllocation {
  wbpId: string;
  activityId: string;
  /** The allocated activity's slots, to detect clashes. */
  slots: readonly Slot[];
  status: 'active' | 'waitlist';
  startDate: IsoDate;
  /** Exclusive end; null while open. */
  endDate: IsoDate | null;
}

export interface AllocationCheck {
  /** No refusal (a waiting-list notice is not a refusal). */
  ok: boolean;
  /** The activity is full: the allocation goes to the waiting list. */
  waitlist: boolean;
  /** Refusals and the capacity notice, each bilingual. */
  reasons: Reason[];
}

/** Codes that refuse; 'capacity_full' is the only non-refusing reason. */
export const NOTICE_CODES: readonly string[] = ['capacity_full'];

function notEnded(a: ExistingAllocation, asOf: IsoDate): boolean {
  return a.endDate === null || isBefore(asOf, a.endDate);
}

/** DOMAIN.md "Who and where": narapidana work; tahanan only where the activity admits detainees. */
function statusReasons(wbp: WbpForAllocation, activity: ActivityForAllocation): Reason[] {
  if (wbp.status === 'narapidana') return [];
  if (wbp.status === 'tahanan') {
    return activity.openToDetainees
      ? []
      : [reason('detainee_not_admitted', 'Kegiatan ini tidak terbuka bagi tahanan.', 'This activity is not open to detainees.')];
  }
  return [reason('status_not_eligible', `Status ${wbp.status} tidak dapat dialokasikan ke kegiatan kerja.`, `A WBP with status ${wbp.status} cannot be allocated to work.`)];
}

/** Outdoor work: minimum-security UPT, or the inmate is eligible for asimilasi on asOf (DOMAIN.md). */
function outsideReasons(wbp: WbpForAllocation, activity: ActivityForAllocation, asOf: IsoDate): Reason[] {
  if (!activity.outside || activity.uptSecurityLevel === 'minimum') return [];
  if (wbp.asimilasiDate !== null && compareDates(wbp.asimilasiDate, asOf) <= 0) return [];
  const when = wbp.asimilasiDate === null ? '' : ` (asimilasi mulai ${wbp.asimilasiDate})`;
  const whenEn = wbp.asimilasiDate === null ? '' : ` (asimilasi from ${wbp.asimilasiDate})`;
  return [
    reason(
      'outside_not_allowed',
      `Kegiatan di luar tembok hanya untuk UPT keamanan minimum atau WBP yang sudah memenuhi syarat asimilasi${when}.`,
      `Work outside the walls needs a minimum-security UPT or a WBP eligible for assimilation${whenEn}.`,
    ),
  ];
}

function flagReasons(wbp: WbpForAllocation, activity: ActivityForAllocation): Reason[] {
  const out: Reason[] = [];
  for (const flag of wbp.flags) {
    if (BLOCKING_FLAGS.includes(flag)) {
      out.push(reason(`flag_${flag}`, `WBP berstatus "${flag}": tidak dapat bekerja.`, `WBP is flagged "${flag}": may not work.`));
    } else if (activity.excludedFlags.includes(flag)) {
      out.push(reason('flag_excluded', `Tanda "${flag}" tidak diizinkan pada kegiatan ini.`, `Flag "${flag}" is excluded from this activity.`));
    }
  }
  return out;
}

function slotText(slot: Slot): { id: string; en: string } {
  return {
    id: `${WEEKDAY_LABELS[slot.weekday].id} ${SESSION_LABELS[slot.session].id.toLowerCase()}`,
    en: `${WEEKDAY_LABELS[slot.weekday].en} ${SESSION_LABELS[slot.session].en.toLowerCase()}`,
  };
}

function allocationReasons(wbp: WbpForAllocation, activity: ActivityForAllocation, live: readonly ExistingAllocation[]): Reason[] {
  const out: Reason[] = [];
  const mine = live.filter((a) => a.wbpId === wbp.id);
  const same = mine.find((a) => a.activityId === activity.id);
  if (same?.status === 'active') out.push(reason('already_allocated', 'WBP sudah dialokasikan ke kegiatan ini.', 'WBP is already allocated to this activity.'));
  if (same?.status === 'waitlist') out.push(reason('already_waitlisted', 'WBP sudah ada di daftar tunggu kegiatan ini.', 'WBP is already on the waiting list of this activity.'));
  for (const other of mine) {
    if (other.activityId === activity.id || other.status !== 'active') continue;
    const shared = overlappingSlots(activity.schedule.slots, other.slots);
    if (shared.length === 0) continue;
    const texts = shared.map(slotText);
    out.push(
      reason(
        'schedule_clash',
        `Bentrok jadwal dengan kegiatan ${other.activityId}: ${texts.map((t) => t.id).join(', ')}.`,
        `Schedule clash with activity ${other.activityId}: ${texts.map((t) => t.en).join(', ')}.`,
      ),
    );
  }
  return out;
}

/**
 * Checks one allocation (DOMAIN.md "Work and production": eligibility by security level, health,
 * programme stage; Permenkumham 35/2018 for the UPT's level). `existingAllocations` may hold every
 * allocation of the UPT: this function picks the WBP's own (clash, duplicate) and the activity's
 * (capacity).
 */
export function checkAllocation(
  wbp: WbpForAllocation,
  activity: ActivityForAllocation,
  existingAllocations: readonly ExistingAllocation[],
  asOf: IsoDate,
): AllocationCheck {
  const live = existingAllocations.filter((a) => notEnded(a, asOf));
  const reasons: Reason[] = [];
  if (wbp.uptId !== activity.uptId) {
    reasons.push(reason('other_upt', 'WBP terdaftar di UPT lain.', 'WBP belongs to another UPT.'));
  }
  reasons.push(...statusReasons(wbp, activity), ...outsideReasons(wbp, activity, asOf), ...flagReasons(wbp, activity));
  reasons.push(...allocationReasons(wbp, activity, live));
  const taken = live.filter((a) => a.activityId === activity.id && a.status === 'active').length;
  const waitlist = taken >= activity.schedule.capacity;
  if (waitlist) {
    reasons.push(
      reason(
        'capacity_full',
        `Kapasitas penuh (${taken}/${activity.schedule.capacity}): masuk daftar tunggu.`,
        `Activity is full (${taken}/${activity.schedule.capacity}): goes to the waiting list.`,
      ),
    );
  }
  return { ok: reasons.every((r) => NOTICE_CODES.includes(r.code)), waitlist, reasons };
}
