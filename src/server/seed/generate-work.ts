import { addDays, isAfter } from '../../domain/calendar/date.ts';
import { isoWeekday } from '../../domain/work/activity.ts';
import { isPaid, type AttendanceReasonCode } from '../../domain/work/attendance.ts';
import type { Rng } from '../../domain/random/prng.ts';

/**
 * Generated work for the demo UPTs: the kinds of activity DOMAIN.md lists, pay rules, allocations
 * of eligible inmates, and attendance with premi for the last weeks — so every screen has data.
 */
export const ACTIVITY_TEMPLATES = [
  { name: 'Konveksi / garmen', category: 'industri', placeKind: 'workshop', capacity: 120, rate: 15000, outside: false },
  { name: 'Roti & kue', category: 'kuliner', placeKind: 'kitchen', capacity: 40, rate: 12000, outside: false },
  { name: 'Hidroponik', category: 'pertanian', placeKind: 'land_plot', capacity: 30, rate: 10000, outside: true },
  { name: 'Budidaya lele', category: 'perikanan', placeKind: 'pond', capacity: 25, rate: 10000, outside: true },
  { name: 'Laundry', category: 'jasa', placeKind: 'workshop', capacity: 30, rate: 9000, outside: false },
  { name: 'Batik tulis', category: 'kerajinan', placeKind: 'workshop', capacity: 40, rate: 11000, outside: false },
  { name: 'Paving & batako', category: 'industri', placeKind: 'workshop', capacity: 60, rate: 14000, outside: false },
] as const;

export interface GenActivity { id: number; uptId: number; kanwilId: number; name: string; category: string; placeKind: string; capacity: number; outside: boolean; rate: number }
export interface GenAllocation { activityId: number; wbpId: number; uptId: number; kanwilId: number; startDate: string }
export interface GenAttendance { activityId: number; date: string; wbpId: number; uptId: number; reason: AttendanceReasonCode; paid: boolean }

const EXCEPTIONS: Array<[AttendanceReasonCode, number]> = [['sakit', 0.02], ['kunjungan', 0.015], ['sidang', 0.005], ['izin', 0.01], ['menolak', 0.004], ['tidak_hadir', 0.006]];

function reasonFor(rng: Rng): AttendanceReasonCode {
  let r = rng.next();
  for (const [code, p] of EXCEPTIONS) {
    if (r < p) return code;
    r -= p;
  }
  return 'hadir';
}

/**
 * When an inmate joined the activity: a third were working before the history starts, the others
 * joined through it as places opened — never before a month after they came in (orientation).
 * Null when they have not started yet.
 */
function startDate(rng: Rng, from: string, today: string, days: number, heldSince: string | null): string | null {
  const joined = rng.chance(0.35) ? from : addDays(from, rng.int(0, Math.max(0, days - 7)));
  const earliest = heldSince === null ? from : addDays(heldSince, 30);
  const start = isAfter(earliest, joined) ? earliest : joined;
  return isAfter(start, today) ? null : start;
}

export function generateWork(opts: {
  rng: Rng;
  upts: Array<{ id: number; kanwilId: number; securityLevel: string | null }>;
  /** Held sentenced inmates per UPT, with the date asimilasi opens (outside work) and since when they are held. */
  inmates: Map<number, Array<{ id: number; asimilasi: string | null; heldSince: string | null }>>;
  today: string;
  days: number;
  firstActivityId: number;
}) {
  const { rng, today } = opts;
  const activities: GenActivity[] = [];
  const allocations: GenAllocation[] = [];
  const attendance: GenAttendance[] = [];
  let nextId = opts.firstActivityId;
  const from = addDays(today, -opts.days);
  for (const upt of opts.upts) {
    const pool = [...(opts.inmates.get(upt.id) ?? [])];
    const count = rng.int(4, ACTIVITY_TEMPLATES.length);
    for (const t of ACTIVITY_TEMPLATES.slice(0, count)) {
      const a: GenActivity = { id: nextId++, uptId: upt.id, kanwilId: upt.kanwilId, name: t.name, category: t.category, placeKind: t.placeKind, capacity: t.capacity, outside: t.outside, rate: t.rate };
      activities.push(a);
      // Outside the walls only for a minimum-security UPT or those whose asimilasi has opened.
      const eligible = pool.filter((p) => !t.outside || upt.securityLevel === 'minimum' || (p.asimilasi !== null && !isAfter(p.asimilasi, from)));
      const take = Math.min(eligible.length, Math.round(t.capacity * (0.6 + rng.next() * 0.35)));
      const chosen = eligible.slice(0, take);
      const ids = new Set(chosen.map((c) => c.id));
      for (let i = pool.length - 1; i >= 0; i--) if (ids.has(pool[i]!.id)) pool.splice(i, 1);
      const starts = chosen.map((p) => ({ p, start: startDate(rng, from, today, opts.days, p.heldSince) })).filter((x) => x.start !== null);
      for (const { p, start } of starts) allocations.push({ activityId: a.id, wbpId: p.id, uptId: upt.id, kanwilId: upt.kanwilId, startDate: start! });
      for (let d = 0; d < opts.days; d++) {
        const date = addDays(from, d);
        if (isoWeekday(date) === 7) continue; // no work on Sundays
        for (const { p, start } of starts) {
          if (isAfter(start!, date)) continue;
          const reason = reasonFor(rng);
          attendance.push({ activityId: a.id, date, wbpId: p.id, uptId: upt.id, reason, paid: isPaid(reason) });
        }
      }
    }
  }
  return { activities, allocations, attendance };
}
