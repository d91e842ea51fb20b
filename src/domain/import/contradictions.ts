import { diffDays, type IsoDate } from '../calendar/date.ts';
import { displayDate, type RowIssue, type SdpInmateRow } from './sdp-rows.ts';

/** What the preview knows of the receiving unit. */
export interface ReceivingUnit {
  type: string;
  modifiers: readonly string[];
}

/** Whole years between a birth date and a day. */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const ADULT_TYPES = new Set(['lapas', 'rutan', 'cabang_rutan', 'lpp']);

/**
 * Rows that would write a contradiction, found before anything is written. They do not block the
 * import: the officer reads them and confirms. `expiry` is the engine's expiry for the row (else
 * the one SDP states): already past, the inmate is an overstay the moment the file is applied.
 * Sex against the unit (a woman into a men's Lapas, a man into an LPP or a women's unit) and age
 * against it (a child in an adult unit, an adult of 21 or more in an LPKA — UU 11/2012 art. 86).
 */
export function rowContradictions(row: SdpInmateRow, unit: ReceivingUnit, today: IsoDate, expiry: IsoDate | null): RowIssue[] {
  const out: RowIssue[] = [];
  const exp = expiry ?? row.expiryDate;
  if (exp !== null && exp < today) {
    const days = diffDays(exp, today);
    out.push({
      field: 'expiryDate',
      message: {
        id: `Tanggal ekspirasi ${displayDate(exp)} sudah lewat ${days} hari: bila diterapkan, WBP ini langsung tercatat overstay — periksa tanggal bebas atau putusan`,
        en: `The expiry date ${displayDate(exp)} passed ${days} days ago: once applied, this inmate is an overstay at once — check the release or the verdict`,
      },
    });
  }
  const womensUnit = unit.type === 'lpp' || unit.modifiers.includes('perempuan');
  if (row.sex === 'P' && unit.type === 'lapas' && !womensUnit) {
    out.push({ field: 'sex', message: { id: 'Perempuan dicatat di Lapas laki-laki; periksa jenis kelamin atau UPT', en: 'A woman recorded in a men’s Lapas; check the sex or the unit' } });
  }
  if (row.sex === 'L' && womensUnit) {
    out.push({ field: 'sex', message: { id: 'Laki-laki dicatat di UPT perempuan; periksa jenis kelamin atau UPT', en: 'A man recorded in a women’s unit; check the sex or the unit' } });
  }
  if (row.birthDate !== null) {
    const age = ageOn(row.birthDate, today);
    if (unit.type === 'lpka' && age >= 21) {
      out.push({ field: 'birthDate', message: { id: `Berumur ${age} tahun di LPKA (anak paling lama sampai 21 tahun, UU 11/2012 ps. 86)`, en: `Aged ${age} in an LPKA (children stay at most until 21, Law 11/2012 art. 86)` } });
    }
    if (ADULT_TYPES.has(unit.type) && age < 18) {
      out.push({ field: 'birthDate', message: { id: `Berumur ${age} tahun di UPT dewasa; anak ditempatkan di LPKA`, en: `Aged ${age} in an adult unit; children are placed in an LPKA` } });
    }
  }
  return out;
}
