/**
 * Work activities ("kegiatan kerja", Giatja): categories, the food-security sector of each, the kind
 * of place an activity uses, and its weekly schedule.
 *
 * Source: DOMAIN.md, "Work and production" (categories in use; food security by sector: farming,
 * fisheries, livestock). Hydroponics is farming (pertanian). The sector table is data so a later
 * regulation can move a category without touching the rules that use it.
 */
import { addDays, compareDates, toDayNumber } from '../calendar/date.ts';
import type { IsoDate } from '../calendar/date.ts';
import type { Bilingual } from './text.ts';

export const ACTIVITY_CATEGORIES = [
  'pertanian',
  'perkebunan',
  'perikanan',
  'peternakan',
  'industri',
  'kuliner',
  'kerajinan',
  'jasa',
] as const;

export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

export function isActivityCategory(value: string): value is ActivityCategory {
  return (ACTIVITY_CATEGORIES as readonly string[]).includes(value);
}

export const CATEGORY_LABELS: Readonly<Record<ActivityCategory, Bilingual>> = {
  pertanian: { id: 'Pertanian', en: 'Farming (crops)' },
  perkebunan: { id: 'Perkebunan', en: 'Plantation' },
  perikanan: { id: 'Perikanan', en: 'Fisheries' },
  peternakan: { id: 'Peternakan', en: 'Livestock' },
  industri: { id: 'Industri / manufaktur', en: 'Industry / manufacturing' },
  kuliner: { id: 'Kuliner', en: 'Food processing' },
  kerajinan: { id: 'Kerajinan', en: 'Crafts' },
  jasa: { id: 'Jasa', en: 'Services' },
};

/** Food-security sectors as published in the national harvest figures (DOMAIN.md). */
export const FOOD_SECTORS = ['farming', 'fisheries', 'livestock'] as const;
export type FoodSector = (typeof FOOD_SECTORS)[number];

export const FOOD_SECTOR_LABELS: Readonly<Record<FoodSector, Bilingual>> = {
  farming: { id: 'Pertanian & perkebunan', en: 'Farming' },
  fisheries: { id: 'Perikanan', en: 'Fisheries' },
  livestock: { id: 'Peternakan', en: 'Livestock' },
};

/**
 * Farming = pertanian + perkebunan, fisheries = perikanan, livestock = peternakan (DOMAIN.md, food
 * security). Kuliner (bakery, tempe) processes food but produces no harvest, so it has no sector.
 */
export const CATEGORY_SECTOR: Readonly<Record<ActivityCategory, FoodSector | null>> = {
  pertanian: 'farming',
  perkebunan: 'farming',
  perikanan: 'fisheries',
  peternakan: 'livestock',
  industri: null,
  kuliner: null,
  kerajinan: null,
  jasa: null,
};

export function sectorOf(category: ActivityCategory): FoodSector | null {
  return CATEGORY_SECTOR[category];
}

export const PLACE_KINDS = ['workshop', 'land_plot', 'pond', 'kitchen', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PLACE_KIND_LABELS: Readonly<Record<PlaceKind, Bilingual>> = {
  workshop: { id: 'Bengkel kerja', en: 'Workshop' },
  land_plot: { id: 'Lahan', en: 'Land plot' },
  pond: { id: 'Kolam', en: 'Pond' },
  kitchen: { id: 'Dapur', en: 'Kitchen' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** ISO weekday: 1 = Monday (Senin) … 7 = Sunday (Minggu). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

export const WEEKDAY_LABELS: Readonly<Record<Weekday, Bilingual>> = {
  1: { id: 'Senin', en: 'Monday' },
  2: { id: 'Selasa', en: 'Tuesday' },
  3: { id: 'Rabu', en: 'Wednesday' },
  4: { id: 'Kamis', en: 'Thursday' },
  5: { id: 'Jumat', en: 'Friday' },
  6: { id: 'Sabtu', en: 'Saturday' },
  7: { id: 'Minggu', en: 'Sunday' },
};

export const SESSIONS = ['pagi', 'siang'] as const;
export type Session = (typeof SESSIONS)[number];

export const SESSION_LABELS: Readonly<Record<Session, Bilingual>> = {
  pagi: { id: 'Pagi', en: 'Morning' },
  siang: { id: 'Siang', en: 'Afternoon' },
};

export interface Slot {
  weekday: Weekday;
  session: Session;
}

/**
 * When an activity runs each week and how many WBP may be allocated to it. Slots are a list rather
 * than a full weekdays × sessions grid so "Mon–Fri morning, Saturday morning only" is expressible;
 * `weeklySchedule` builds the grid for the common case.
 */
export interface Schedule {
  slots: readonly Slot[];
  /** Places for allocated WBP (the same people attend every slot). */
  capacity: number;
}

export interface Activity {
  id: string;
  uptId: string;
  name: string;
  category: ActivityCategory;
  placeKind: PlaceKind;
  schedule: Schedule;
  /** Work outside the walls (farm, SAE, car wash by the gate). */
  outside: boolean;
  /** Tahanan (unsentenced) may join (DOMAIN.md: status decides who works). */
  openToDetainees: boolean;
  /** WBP flags that keep someone out of this activity (e.g. 'alergi_debu' for a furniture shop). */
  excludedFlags: readonly string[];
}

/** Every weekday × every session, deduplicated and in calendar order. */
export function weeklySchedule(weekdays: readonly Weekday[], sessions: readonly Session[], capacity: number): Schedule {
  const slots: Slot[] = [];
  for (const weekday of WEEKDAYS) {
    if (!weekdays.includes(weekday)) continue;
    for (const session of SESSIONS) if (sessions.includes(session)) slots.push({ weekday, session });
  }
  return { slots, capacity };
}

/** ISO weekday of a date (1970-01-01, day 0, was a Thursday). */
export function isoWeekday(date: IsoDate): Weekday {
  const n = toDayNumber(date);
  return ((((n + 3) % 7) + 7) % 7 + 1) as Weekday;
}

export interface Occurrence {
  date: IsoDate;
  weekday: Weekday;
  session: Session;
}

/**
 * The dates and sessions an activity runs from `from` to `to`, BOTH INCLUSIVE (as officers write a
 * period: 1–31 Jan), minus the given holiday dates. Ordered by date, then pagi before siang. A range
 * with `from` after `to` is empty. Holidays are data (the national list plus UPT closures), never
 * computed here.
 */
export function occurrences(schedule: Schedule, from: IsoDate, to: IsoDate, holidays: Iterable<IsoDate> = []): Occurrence[] {
  const closed = new Set(holidays);
  const out: Occurrence[] = [];
  for (let date = from; compareDates(date, to) <= 0; date = addDays(date, 1)) {
    if (closed.has(date)) continue;
    const weekday = isoWeekday(date);
    for (const session of SESSIONS) {
      if (schedule.slots.some((s) => s.weekday === weekday && s.session === session)) out.push({ date, weekday, session });
    }
  }
  return out;
}

/** Slots two schedules share (same weekday and same session). */
export function overlappingSlots(a: readonly Slot[], b: readonly Slot[]): Slot[] {
  return a.filter((x) => b.some((y) => x.weekday === y.weekday && x.session === y.session));
}
