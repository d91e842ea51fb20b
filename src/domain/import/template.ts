/**
 * The import template offered to UPTs whose SDP export lacks columns: the canonical Indonesian
 * header row, a CSV that opens cleanly in Excel (UTF-8 with BOM so accents survive, `;` as Excel
 * expects in an Indonesian locale, CRLF line ends, dates as dd-mm-yyyy text), and a deterministic
 * generator of example rows for tests and demos.
 */
import { addDays, addMonths, fromDayNumber, toDayNumber } from '../calendar/date.ts';
import type { IsoDate } from '../sentence/types.ts';
import { createRng } from '../random/prng.ts';
import type { TargetField } from './sdp-mapping.ts';
import { writeCsv } from './table.ts';

export const SDP_TEMPLATE_HEADERS = [
  'No Register',
  'Nama',
  'Jenis Kelamin',
  'Tanggal Lahir',
  'Agama',
  'Status',
  'Tindak Pidana',
  'Tanggal Penahanan',
  'Tanggal Putusan',
  'Pidana Tahun',
  'Pidana Bulan',
  'Pidana Hari',
  'Denda (Rp)',
  'Subsider (hari)',
  'Tanggal Ekspirasi',
  'Tanggal 2/3',
] as const;

/** The field each template column feeds (suggestMapping finds the same). */
export const SDP_TEMPLATE_FIELDS: readonly TargetField[] = [
  'noRegister',
  'name',
  'sex',
  'birthDate',
  'religion',
  'status',
  'crime',
  'detentionStart',
  'verdictDate',
  'sentenceYears',
  'sentenceMonths',
  'sentenceDays',
  'fineRupiah',
  'subsidiaryDays',
  'expiryDate',
  'twoThirdsDate',
];

export const TEMPLATE_EXAMPLE_ROW: readonly string[] = [
  'BI.123/2024',
  'Budi Santoso',
  'L',
  '17-08-1990',
  'Islam',
  'Narapidana',
  'Narkotika (UU 35/2009 ps. 112)',
  '09-05-2023',
  '15-01-2024',
  '5',
  '6',
  '0',
  '1.000.000.000',
  '90',
  '09-11-2028',
  '09-01-2027',
];

/** dd-mm-yyyy, the way the template writes dates. */
function ddmmyyyy(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/** The template file's text: BOM, `;`-separated header and one example row. */
export function templateCsv(): string {
  return `\uFEFF${writeCsv([[...SDP_TEMPLATE_HEADERS], [...TEMPLATE_EXAMPLE_ROW]], ';')}`;
}

export interface ExampleRowOptions {
  seed?: number;
  /** Every generated date is on or before this day (birth, detention, verdict). Default 2025-06-30. */
  today?: IsoDate;
}

const FIRST = ['Budi', 'Siti', 'Agus', 'Dewi', 'Made', 'Yohanes', 'Rudi', 'Nur', 'Wayan', 'Maria', 'Andi', 'Lim', 'Putu', 'Rahmat', 'Ayu'];
const LAST = ['Santoso', 'Aminah', 'Saputra', 'Lestari', 'Sudarma', 'Manurung', 'Hartono', 'Hidayat', 'Wijaya', 'Pardede', 'Kurniawan', 'Tan'];
const RELIGIONS = ['Islam', 'Islam', 'Islam', 'Kristen', 'Katolik', 'Hindu', 'Budha', 'Konghucu'];
const CRIMES = ['Narkotika (UU 35/2009)', 'Pencurian (KUHP 362)', 'Penipuan (KUHP 378)', 'Tipikor', 'Penganiayaan (KUHP 351)', 'Perdagangan Orang (UU 21/2007)'];

/**
 * `count` valid rows in SDP_TEMPLATE_HEADERS order, deterministic for a seed: narapidana with a
 * verdict and a sentence, or tahanan without. No Register values are unique.
 */
export function exampleRows(count: number, opts: ExampleRowOptions = {}): string[][] {
  const rng = createRng(opts.seed ?? 1);
  const today = opts.today ?? '2025-06-30';
  const todayDay = toDayNumber(today);
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const sentenced = rng.chance(0.7);
    const detention = fromDayNumber(todayDay - rng.int(30, 2000));
    const birth = addDays(addMonths(detention, -12 * rng.int(18, 60)), -rng.int(0, 364));
    const years = rng.int(0, 9);
    const months = rng.int(years === 0 ? 1 : 0, 11);
    const days = rng.chance(0.2) ? rng.int(1, 29) : 0;
    const verdictDay = Math.min(toDayNumber(detention) + rng.int(60, 200), todayDay);
    const verdict = fromDayNumber(verdictDay);
    const expiry = addDays(addMonths(detention, years * 12 + months), days);
    const fine = rng.chance(0.4) ? rng.pick(['500000', '1.000.000', 'Rp 5.000.000,00', '1000000000']) : '-';
    rows.push([
      `${sentenced ? 'BI' : 'AII'}.${String(i + 1).padStart(4, '0')}/${detention.slice(0, 4)}`,
      `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
      rng.pick(['L', 'L', 'L', 'P', 'Laki-laki', 'Perempuan']),
      ddmmyyyy(birth),
      rng.pick(RELIGIONS),
      sentenced ? 'Narapidana' : 'Tahanan',
      rng.pick(CRIMES),
      ddmmyyyy(detention),
      sentenced ? ddmmyyyy(verdict) : '-',
      sentenced ? String(years) : '',
      sentenced ? String(months) : '',
      sentenced ? String(days) : '',
      sentenced ? fine : '-',
      sentenced && fine !== '-' ? String(rng.pick([30, 60, 90, 180])) : '-',
      sentenced ? ddmmyyyy(expiry) : '-',
      '-',
    ]);
  }
  return rows;
}
