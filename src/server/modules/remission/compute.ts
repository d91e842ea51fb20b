import { addDays } from '../../../domain/calendar/date.ts';
import { remisiKhususOccasion } from '../../../domain/sentence/holidays.ts';
import { isDasawarsaYear } from '../../../domain/sentence/remission-amounts.ts';
import { ruleSetFor } from '../../../domain/sentence/rules.ts';
import type { Bilingual, Holiday, Religion } from '../../../domain/sentence/index.ts';
import type { Queryable } from '../../db/pool.ts';
import { computeCase } from '../wbp/dates.ts';
import { findWbp, loadCaseRecords, type CaseRecords, type WbpRow } from '../wbp/queries.ts';

export interface RunItem {
  wbpId: number;
  eligible: boolean;
  days: number;
  ordinal: number | null;
  releasedOnDay: boolean;
  expiryBefore: string | null;
  expiryAfter: string | null;
  reasons: Bilingual[];
}

const bi = (id: string, en: string): Bilingual => ({ id, en });

/** The name of the occasion, or why the date is not one (RU/dasawarsa: 17 Aug; RK: a religious holiday). */
export function occasionName(kind: 'umum' | 'khusus' | 'dasawarsa', date: string, holidays: Holiday[]): string | null {
  const year = Number(date.slice(0, 4));
  if (kind === 'umum') return date.slice(5) === '08-17' ? `HUT Kemerdekaan RI ke-${year - 1945}` : null;
  if (kind === 'dasawarsa') return date.slice(5) === '08-17' && isDasawarsaYear(year, ruleSetFor(date).ruleSet) ? `Remisi Dasawarsa ${year}` : null;
  const names = holidays.filter((h) => h.date === date).map((h) => h.name);
  for (const religion of ['islam', 'kristen', 'hindu', 'buddha', 'konghucu'] as Religion[]) {
    if (remisiKhususOccasion(holidays, religion, year)?.date === date) return names[0] ?? date;
  }
  return null;
}

/**
 * One inmate on one occasion: the engine projects the occasion (assuming nothing else changes)
 * and says whether it is earned, how much, and why not; RU II / RK II when it ends the term.
 */
export async function computeRunItem(
  db: Queryable,
  wbpId: number,
  kind: 'umum' | 'khusus' | 'dasawarsa',
  occasion: string,
  holidays: Holiday[],
): Promise<RunItem | null> {
  const w = await findWbp(db, wbpId);
  if (!w) return null;
  return runItemFor(w, await loadCaseRecords(db, wbpId), kind, occasion, holidays);
}

/** The same for records already loaded (a whole UPT at once). */
export function runItemFor(w: WbpRow, records: CaseRecords, kind: 'umum' | 'khusus' | 'dasawarsa', occasion: string, holidays: Holiday[]): RunItem {
  const wbpId = Number(w.id);
  const { result, problems } = computeCase(w, records, addDays(occasion, -1), holidays, occasion);
  if (!result) {
    return { wbpId, eligible: false, days: 0, ordinal: null, releasedOnDay: false, expiryBefore: null, expiryAfter: null, reasons: problems.map((p) => bi(`Data belum lengkap: ${p}`, `Record incomplete: ${p}`)) };
  }
  const found = result.remissions.find((r) => r.kind === kind && r.occasionDate === occasion);
  if (!found) {
    const reason =
      kind === 'khusus'
        ? bi('Hari raya ini bukan hari raya agama WBP (agama saat pertama terdaftar)', 'Not this inmate’s religious holiday (religion as first registered)')
        : bi('Tidak memenuhi syarat pada tanggal ini (belum berstatus narapidana atau sudah bebas)', 'Not eligible on this date (not yet sentenced, or already released)');
    return { wbpId, eligible: false, days: 0, ordinal: null, releasedOnDay: false, expiryBefore: result.expiry, expiryAfter: result.expiry, reasons: [reason] };
  }
  if (!found.projected) {
    // Already on file for this occasion: a run must never grant it twice.
    return { wbpId, eligible: false, days: 0, ordinal: found.ordinal ?? null, releasedOnDay: false, expiryBefore: result.expiry, expiryAfter: result.expiry,
      reasons: [bi(`Remisi ini sudah diterima (${found.days} hari${found.decree ? `, SK ${found.decree}` : ''})`, `Already granted (${found.days} days${found.decree ? `, decree ${found.decree}` : ''})`)] };
  }
  const expiryAfter = result.projection?.expiry ?? result.expiry;
  return {
    wbpId,
    eligible: found.eligible && found.days > 0,
    days: found.eligible ? found.days : 0,
    ordinal: found.ordinal ?? null,
    releasedOnDay: found.eligible && expiryAfter !== null && expiryAfter <= occasion,
    expiryBefore: result.expiry,
    expiryAfter,
    reasons: found.reasons,
  };
}
