/**
 * Indonesia's three civil time zones (Keppres 41/1987): WIB UTC+7 (Sumatra, Java, West and Central
 * Kalimantan), WITA UTC+8 (Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi), WIT UTC+9
 * (Maluku, Papua). Decided by the province (BPS code) of the unit's Kanwil; no daylight saving.
 */
export type ZoneName = 'WIB' | 'WITA' | 'WIT';

const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);

export function zoneOfProvince(code: string | null | undefined): ZoneName {
  if (!code) return 'WIB';
  const c = code.slice(0, 2);
  if (c >= '81') return 'WIT';
  return WITA.has(c) ? 'WITA' : 'WIB';
}

export const ZONE_OFFSET_HOURS: Record<ZoneName, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** An instant as the unit's wall clock: '07-12-2026 09.15 WIB' (Indonesian writes hours with a dot). */
export function localTime(instant: string | Date, zone: ZoneName = 'WIB'): { date: string; time: string; text: string } {
  const t = new Date(new Date(instant).getTime() + ZONE_OFFSET_HOURS[zone] * 3_600_000).toISOString();
  const date = `${t.slice(8, 10)}-${t.slice(5, 7)}-${t.slice(0, 4)}`;
  const time = `${t.slice(11, 13)}.${t.slice(14, 16)}`;
  return { date, time, text: `${date} ${time} ${zone}` };
}
