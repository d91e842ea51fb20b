/**
 * Reads the values of SDP export cells: dates in every form SDP and Excel produce, sex, religion,
 * status, crime category, sentence lengths, rupiah amounts and subsidiary (fine-replacement) terms.
 *
 * Every parser takes the trimmed cell text and returns either a value (null = no value) or the
 * reason it cannot be read, as the tail of a sentence: the caller prefixes the field's label and the
 * raw text ("Tanggal lahir '31-02-1990'" + " tidak valid (format dd-mm-yyyy)"). None of them throws.
 *
 * Decisions:
 * - Empty is '', '-', '--', '—', 'null', 'n/a', '0000-00-00', '00-00-0000' (MySQL's zero date,
 *   which SDP exports for "none").
 * - Dates: dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy (day first: Indonesian order), yyyy-mm-dd, yyyy/mm/dd,
 *   with an optional time after it (dropped), "12 Januari 2020" / "12-Jan-2020" (Indonesian or
 *   English month names), "Jakarta, 12-03-1990" (tempat, tanggal lahir: the date after the last
 *   comma), and Excel serial numbers 367–73050 (1901–2099). Two-digit years and a bare year are
 *   refused: guessing the century of a birth date is how people get the wrong age.
 * - Sentence text: "2 Tahun 6 Bulan 15 Hari", "2 th 6 bln", "2 (dua) tahun", "2T 6B", "Seumur
 *   Hidup" (life), "Mati" / "Pidana Mati" (death). Decimals ("2,5 tahun") and a number without a
 *   unit are refused; months ≥ 12 are read as written and rejected by the row validation.
 * - Subsidiary: "3 bulan" = 90 days (1 month = 30 days, DOMAIN.md), "1 tahun" = 360 days (12 such
 *   months); a bare number is days unless the column header says months.
 * - Rupiah: "Rp 1.000.000,00", "Rp1.000.000,-", "1000000", "1,000,000.00", "1,5 juta"; dots are
 *   Indonesian thousands separators unless followed by 1–2 final digits (a decimal point). Amounts
 *   must come out as whole rupiah.
 */
import { isValidDate, makeDate } from '../calendar/date.ts';
import type { IsoDate, Religion } from '../sentence/types.ts';
import type { Bilingual } from '../../shared/i18n/lang.ts';
import { excelSerialToIso } from './table.ts';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: Bilingual };

export type Sex = 'L' | 'P';
export type ReligionCode = Religion | 'lainnya';
export type WbpStatus = 'tahanan' | 'narapidana' | 'anak' | 'klien';
export type CrimeCategory =
  | 'terorisme'
  | 'korupsi'
  | 'narkotika'
  | 'pencucian_uang'
  | 'perdagangan_orang'
  | 'illegal_logging'
  | 'pidana_umum';

export interface SentenceTerm {
  years: number;
  months: number;
  days: number;
  life: boolean;
  death: boolean;
}

function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

function fail<T>(id: string, en: string): ParseResult<T> {
  return { ok: false, reason: { id, en } };
}

/** Lower case, accents removed, anything but letters and digits turned into single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim();
}

const BLANKS = new Set(['', '-', '--', '---', '–', '—', 'null', 'n/a', 'na', '0000-00-00', '00-00-0000', '00/00/0000']);

/** Is this cell "no value"? */
export function isBlank(text: string): boolean {
  return BLANKS.has(text.trim().toLowerCase());
}

/** Excel shows these in cells whose formula failed. */
export const EXCEL_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!', '#SPILL!', '#CALC!']);

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, peb: 2, februari: 2, pebruari: 2, february: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, agt: 8, ags: 8, aug: 8, agustus: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oct: 10, oktober: 10, october: 10,
  nov: 11, nop: 11, november: 11, nopember: 11,
  des: 12, dec: 12, desember: 12, december: 12,
};

const TIME_SUFFIX = /[ T]\d{1,2}[:.]\d{2}([:.]\d{2}(\.\d+)?)?\s*([ap]\.?m\.?)?\s*(z|[+-]\d{2}:?\d{2})?$/iu;
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/u;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/u;
const SHORT_YEAR = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2})$/u;
const NAMED_MONTH = /^(\d{1,2})[\s\-/.]+(\p{L}+)\.?[\s\-/.,]+(\d{4})$/u;
const SERIAL = /^\d+(\.\d+)?$/u;
export const SERIAL_MIN = 367; // 1901-01-01
export const SERIAL_MAX = 73050; // 2099-12-31

function separatorFormat(sep: string, yearFirst: boolean): string {
  return yearFirst ? `yyyy${sep}mm${sep}dd` : `dd${sep}mm${sep}yyyy`;
}

function invalidDate(format: string): ParseResult<IsoDate | null> {
  return fail(`tidak valid (format ${format})`, `is not a valid date (${format})`);
}

function fromParts(year: number, month: number, day: number, format: string): ParseResult<IsoDate | null> {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1) return invalidDate(format);
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidDate(text) ? ok(makeDate(year, month, day)) : invalidDate(format);
}

function parseDateCore(text: string): ParseResult<IsoDate | null> {
  const t = text.replace(TIME_SUFFIX, '').trim();
  let m = DAY_FIRST.exec(t);
  if (m) return fromParts(Number(m[4]), Number(m[3]), Number(m[1]), separatorFormat(m[2] as string, false));
  m = YEAR_FIRST.exec(t);
  if (m) return fromParts(Number(m[1]), Number(m[3]), Number(m[4]), separatorFormat(m[2] as string, true));
  m = SHORT_YEAR.exec(t);
  if (m) {
    return fail(
      'memakai tahun dua digit; tulis tahun lengkap (format dd-mm-yyyy)',
      'has a two-digit year; write the full year (dd-mm-yyyy)',
    );
  }
  m = NAMED_MONTH.exec(t);
  if (m) {
    const month = MONTHS[foldText(m[2] as string)];
    if (month === undefined) return invalidDate('dd-mm-yyyy');
    return fromParts(Number(m[3]), month, Number(m[1]), 'dd mmmm yyyy');
  }
  if (SERIAL.test(t)) {
    if (/^(1[89]|20)\d\d$/u.test(t)) {
      return fail('hanya berisi tahun; tanggal lengkap diperlukan (format dd-mm-yyyy)', 'is only a year; a full date is needed (dd-mm-yyyy)');
    }
    const serial = Number(t);
    const iso = serial >= SERIAL_MIN && serial <= SERIAL_MAX ? excelSerialToIso(serial) : null;
    if (iso !== null) return ok(iso);
    return fail('bukan tanggal maupun nomor seri tanggal Excel (format dd-mm-yyyy)', 'is neither a date nor an Excel date serial (dd-mm-yyyy)');
  }
  return invalidDate('dd-mm-yyyy');
}

/** A date cell → 'YYYY-MM-DD', null when blank, or the reason it is not a date. */
export function parseSdpDate(text: string): ParseResult<IsoDate | null> {
  const t = text.trim();
  if (isBlank(t)) return ok(null);
  const direct = parseDateCore(t);
  if (direct.ok) return direct;
  // "Jakarta, 12-03-1990": tempat, tanggal lahir in one cell.
  const comma = t.lastIndexOf(',');
  if (comma > 0 && /\p{L}/u.test(t.slice(0, comma))) {
    const after = parseDateCore(t.slice(comma + 1).trim());
    if (after.ok) return after;
  }
  return direct;
}

// ---------------------------------------------------------------------------------------------
// Sex, religion, status, crime

const SEX: Record<string, Sex> = {
  l: 'L', lk: 'L', laki: 'L', 'laki laki': 'L', lakilaki: 'L', pria: 'L', m: 'L', male: 'L', man: 'L', 'l laki laki': 'L',
  p: 'P', pr: 'P', pw: 'P', perempuan: 'P', wanita: 'P', w: 'P', f: 'P', female: 'P', woman: 'P', 'p perempuan': 'P',
};

export function parseSex(text: string): ParseResult<Sex | null> {
  if (isBlank(text)) return ok(null);
  const sex = SEX[foldText(text)];
  if (sex !== undefined) return ok(sex);
  return fail('tidak dikenal (L/Laki-laki atau P/Perempuan)', 'is not recognised (L/Laki-laki or P/Perempuan)');
}

/** Religion as registered → the engine's code; anything unrecognised is 'lainnya' (never an error). */
export function parseReligion(text: string): ReligionCode | null {
  if (isBlank(text)) return null;
  const f = foldText(text);
  const compact = f.replaceAll(' ', '');
  if (/^(islam|moslem|muslim)/u.test(compact)) return 'islam';
  if (/katolik|katholik|catholic|khatolik/u.test(compact)) return 'katolik';
  if (/^(kristen|kristiani|protestan|protestant|christian|nasrani)/u.test(compact)) return 'kristen';
  if (/^hindu/u.test(compact)) return 'hindu';
  if (/^(budha|buddha|budhha|budda|buddhist)/u.test(compact)) return 'buddha';
  if (/^(konghucu|khonghucu|konghuchu|khonghuchu|confucian)/u.test(compact)) return 'konghucu';
  return 'lainnya';
}

/**
 * Status: tahanan / narapidana / anak / klien. 'Anak' wins over the others ("Tahanan Anak",
 * "Anak Pidana": the juvenile regime applies). Register codes are understood too: A I–A V are
 * detainees, B I, B IIa, B IIb, B III are sentenced.
 */
export function parseStatus(text: string): ParseResult<WbpStatus | null> {
  if (isBlank(text)) return ok(null);
  const f = foldText(text);
  const words = f.split(' ');
  if (words.includes('anak') || words.includes('andik') || words.includes('andikpas') || f.includes('anak didik')) return ok('anak');
  if (words.includes('klien')) return ok('klien');
  if (words.some((w) => w === 'tahanan' || w === 'detainee')) return ok('tahanan');
  if (words.some((w) => w === 'narapidana' || w === 'napi' || w === 'terpidana' || w === 'prisoner' || w === 'convict')) {
    return ok('narapidana');
  }
  const code = f.replaceAll(' ', '');
  if (/^a(i|ii|iii|iv|v|1|2|3|4|5)$/u.test(code)) return ok('tahanan');
  if (/^b(i|iia|iib|iii|1|2a|2b|3)$/u.test(code)) return ok('narapidana');
  return fail(
    'tidak dikenal (Tahanan, Narapidana, Anak, atau Klien)',
    'is not recognised (Tahanan, Narapidana, Anak or Klien)',
  );
}

/** Laws (number/year) that mark a special crime. */
const LAWS: Array<[number, number, CrimeCategory]> = [
  [15, 2003, 'terorisme'],
  [5, 2018, 'terorisme'],
  [1, 2002, 'terorisme'],
  [31, 1999, 'korupsi'],
  [20, 2001, 'korupsi'],
  [35, 2009, 'narkotika'],
  [22, 1997, 'narkotika'],
  [5, 1997, 'narkotika'],
  [8, 2010, 'pencucian_uang'],
  [15, 2002, 'pencucian_uang'],
  [25, 2003, 'pencucian_uang'],
  [21, 2007, 'perdagangan_orang'],
  [18, 2013, 'illegal_logging'],
  [41, 1999, 'illegal_logging'],
];

const KEYWORDS: Array<[RegExp, CrimeCategory]> = [
  [/\bterori(s|sme|sm)\b|\bteror\b/u, 'terorisme'],
  [/\bkorupsi\b|\btipikor\b|\bcorruption\b/u, 'korupsi'],
  [/\bnarkoti[kc]a?\b|\bnarkoba\b|\bpsikotropika?\b|\b(sabu|shabu|sabu sabu)\b|\bganja\b|\bekstasi\b|\bheroin\b|\bkokain\b|\bnarcotics?\b|\bmetamfetamin\b/u, 'narkotika'],
  [/\bpencucian uang\b|\btppu\b|\bmoney laundering\b/u, 'pencucian_uang'],
  [/\bperdagangan orang\b|\btppo\b|\btrafficking\b|\bperdagangan manusia\b/u, 'perdagangan_orang'],
  [/\billegal logging\b|\bpembalakan\b|\bperusakan hutan\b|\bkehutanan\b|\bpenebangan liar\b/u, 'illegal_logging'],
];

const CATEGORY_ORDER: readonly CrimeCategory[] = ['terorisme', 'korupsi', 'narkotika', 'pencucian_uang', 'perdagangan_orang', 'illegal_logging'];

/**
 * Special-crime categories named in a crime text, by keyword or by law ("UU 35/2009", "UU No. 35
 * Tahun 2009"). `primary` is the first in the order terorisme, korupsi, narkotika, pencucian_uang,
 * perdagangan_orang, illegal_logging; a text naming none is 'pidana_umum'; blank is null.
 */
export function categoriseCrime(text: string): { primary: CrimeCategory | null; all: CrimeCategory[] } {
  if (isBlank(text)) return { primary: null, all: [] };
  const f = foldText(text);
  const found = new Set<CrimeCategory>();
  for (const [re, cat] of KEYWORDS) if (re.test(f)) found.add(cat);
  const lawRe = /\b(?:uu|undang undang)\s+(?:ri\s+)?(?:no\s+|nomor\s+|nmr\s+)?(\d{1,3})\s+(?:tahun\s+|thn\s+|th\s+)?(\d{4})\b/gu;
  for (const m of f.matchAll(lawRe)) {
    const num = Number(m[1]);
    const year = Number(m[2]);
    for (const [n, y, cat] of LAWS) if (n === num && y === year) found.add(cat);
  }
  const all = CATEGORY_ORDER.filter((c) => found.has(c));
  return { primary: all[0] ?? 'pidana_umum', all: all.length > 0 ? all : ['pidana_umum'] };
}

// ---------------------------------------------------------------------------------------------
// Durations

type Unit = 'tahun' | 'bulan' | 'hari';

const UNIT_WORDS: Record<string, Unit> = {
  tahun: 'tahun', thn: 'tahun', th: 'tahun', t: 'tahun', year: 'tahun', years: 'tahun', yr: 'tahun', yrs: 'tahun', y: 'tahun',
  bulan: 'bulan', bln: 'bulan', bl: 'bulan', b: 'bulan', month: 'bulan', months: 'bulan', mo: 'bulan', mos: 'bulan', m: 'bulan',
  hari: 'hari', hr: 'hari', h: 'hari', day: 'hari', days: 'hari', d: 'hari',
};

const FILLER = new Set([
  'penjara', 'pidana', 'kurungan', 'selama', 'dan', 'and', 'lama', 'hukuman', 'vonis', 'masa',
  'subsider', 'subsidair', 'subsidiair', 'pengganti', 'denda', 'imprisonment',
]);

interface DurationParts {
  tahun: number | null;
  bulan: number | null;
  hari: number | null;
  bare: number | null;
}

/** "2 tahun 6 bulan", "2T 6B", "2 (dua) tahun": number–unit pairs; null with a reason otherwise. */
function readDuration(text: string): ParseResult<DurationParts> {
  const raw = text.trim().toLowerCase();
  if (/\d\s*[.,]\s*\d/u.test(raw)) {
    return fail('memakai angka pecahan; tulis bilangan bulat (misalnya "2 Tahun 6 Bulan")', 'has a fraction; use whole numbers (e.g. "2 Tahun 6 Bulan")');
  }
  if (/-\s*\d/u.test(raw) && !/\d\s*-\s*\d/u.test(raw)) return fail('tidak boleh negatif', 'must not be negative');
  // Verdicts spell numbers out in brackets: "2 (dua) tahun".
  const f = foldText(raw.replace(/\(\s*[\p{L}\s]+\)/gu, ' ')).replace(/(\d)([a-z])/gu, '$1 $2');
  const tokens = f === '' ? [] : f.split(' ');
  const parts: DurationParts = { tahun: null, bulan: null, hari: null, bare: null };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as string;
    if (FILLER.has(tok)) continue;
    if (/^\d+$/u.test(tok)) {
      const next = tokens[i + 1];
      const unit = next === undefined ? undefined : UNIT_WORDS[next];
      const n = Number(tok);
      if (!Number.isSafeInteger(n)) return fail('terlalu besar', 'is too large');
      if (unit === undefined) {
        if (parts.bare !== null || next !== undefined) return fail('ada angka tanpa satuan (tahun/bulan/hari)', 'has a number without a unit (tahun/bulan/hari)');
        parts.bare = n;
        continue;
      }
      if (parts[unit] !== null) return fail(`menyebut ${unit} dua kali`, `gives ${unit} twice`);
      parts[unit] = n;
      i++;
      continue;
    }
    return fail(`tidak dapat dibaca ("${tok}" tidak dikenal)`, `cannot be read ("${tok}" is not understood)`);
  }
  return ok(parts);
}

const LIFE = /^(pidana\s+|hukuman\s+|penjara\s+)*(seumur\s+hidup|life(\s+imprisonment)?)$/u;
const DEATH = /^(pidana\s+|hukuman\s+)*(mati|death(\s+penalty)?)$/u;

/**
 * A sentence written in one cell. Null when blank. "0" and "0 Tahun 0 Bulan 0 Hari" are a zero
 * term (the caller treats it as no sentence).
 */
export function parseSentenceText(text: string): ParseResult<SentenceTerm | null> {
  if (isBlank(text)) return ok(null);
  const f = foldText(text);
  if (LIFE.test(f)) return ok({ years: 0, months: 0, days: 0, life: true, death: false });
  if (DEATH.test(f)) return ok({ years: 0, months: 0, days: 0, life: false, death: true });
  const read = readDuration(text);
  if (!read.ok) return read;
  const { tahun, bulan, hari, bare } = read.value;
  if (bare !== null) {
    if (bare === 0 && tahun === null && bulan === null && hari === null) return ok({ years: 0, months: 0, days: 0, life: false, death: false });
    return fail('ada angka tanpa satuan (tahun/bulan/hari)', 'has a number without a unit (tahun/bulan/hari)');
  }
  if (tahun === null && bulan === null && hari === null) {
    return fail('tidak dapat dibaca (contoh: "2 Tahun 6 Bulan 15 Hari")', 'cannot be read (e.g. "2 Tahun 6 Bulan 15 Hari")');
  }
  return ok({ years: tahun ?? 0, months: bulan ?? 0, days: hari ?? 0, life: false, death: false });
}

/** One part of a sentence in its own column: "2", "02", "2 tahun". Null when blank. */
export function parseSentencePart(text: string, unit: Unit): ParseResult<number | null> {
  if (isBlank(text)) return ok(null);
  const read = readDuration(text);
  if (!read.ok) return read;
  const p = read.value;
  const others = (['tahun', 'bulan', 'hari'] as const).filter((u) => u !== unit && p[u] !== null);
  if (others.length > 0 || (p.bare !== null && p[unit] !== null)) {
    return fail(`harus berisi satu angka ${unit} saja`, `must hold a single number of ${unit} only`);
  }
  const n = p[unit] ?? p.bare;
  if (n === null) return fail('bukan angka', 'is not a number');
  return ok(n);
}

/**
 * Subsidiary imprisonment in days: "3 bulan" → 90, "1 bulan 15 hari" → 45, "1 tahun" → 360.
 * A bare number is days, or months when `bareUnit` is 'bulan' (the column header says so).
 */
export function parseSubsidiaryDays(text: string, bareUnit: 'hari' | 'bulan' = 'hari'): ParseResult<number | null> {
  if (isBlank(text)) return ok(null);
  const read = readDuration(text);
  if (!read.ok) return read;
  const { tahun, bulan, hari, bare } = read.value;
  if (bare !== null && (tahun !== null || bulan !== null || hari !== null)) {
    return fail('ada angka tanpa satuan (bulan/hari)', 'has a number without a unit (bulan/hari)');
  }
  if (bare === null && tahun === null && bulan === null && hari === null) return fail('bukan lama waktu (contoh: "3 bulan")', 'is not a length of time (e.g. "3 bulan")');
  const days = bare !== null ? (bareUnit === 'bulan' ? bare * 30 : bare) : (tahun ?? 0) * 360 + (bulan ?? 0) * 30 + (hari ?? 0);
  if (!Number.isSafeInteger(days)) return fail('terlalu besar', 'is too large');
  return ok(days);
}

// ---------------------------------------------------------------------------------------------
// Money

const MULTIPLIERS: Record<string, bigint> = {
  ribu: 1_000n, rb: 1_000n, k: 1_000n,
  juta: 1_000_000n, jt: 1_000_000n,
  miliar: 1_000_000_000n, milyar: 1_000_000_000n, m: 1_000_000_000n, b: 1_000_000_000n,
  triliun: 1_000_000_000_000n, t: 1_000_000_000_000n,
};

/** Splits "1.234.567,89" / "1,234,567.89" / "1234567" into integer digits and fraction digits. */
function splitNumber(s: string): { int: string; frac: string } | null {
  if (/^\d+$/u.test(s)) return { int: s, frac: '' };
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [intPart, frac] = [s.slice(0, Math.max(lastDot, lastComma)), s.slice(Math.max(lastDot, lastComma) + 1)];
    if (!/^\d+$/u.test(frac)) return null;
    const groupRe = new RegExp(`^\\d{1,3}([${group}]\\d{3})*$`, 'u');
    return groupRe.test(intPart) ? { int: intPart.replaceAll(group, ''), frac } : null;
  }
  const sep = lastDot >= 0 ? '.' : ',';
  if (new RegExp(`^\\d{1,3}([${sep}]\\d{3})+$`, 'u').test(s)) return { int: s.replaceAll(sep, ''), frac: '' };
  const m = new RegExp(`^(\\d+)[${sep}](\\d{1,2})$`, 'u').exec(s);
  if (m) return { int: m[1] as string, frac: m[2] as string };
  return null;
}

/** An amount in rupiah → whole rupiah; null when blank. */
export function parseRupiah(text: string): ParseResult<number | null> {
  if (isBlank(text)) return ok(null);
  let s = text.trim().toLowerCase().replace(/\s+/gu, ' ');
  s = s.replace(/^(rp\.?|idr)\s*/u, '').replace(/\s*(rupiah|idr)$/u, '').trim();
  s = s.replace(/[.,]-$/u, '').replace(/-$/u, '').trim();
  if (/^\(.*\)$/u.test(s) || /^-\s*\d/u.test(s)) return fail('tidak boleh negatif', 'must not be negative');
  let multiplier = 1n;
  const word = /^([\d.,]+)\s*([a-z]+)\.?$/u.exec(s);
  if (word) {
    const mult = MULTIPLIERS[word[2] as string];
    if (mult === undefined) return fail('bukan jumlah rupiah (contoh: "Rp 1.000.000")', 'is not a rupiah amount (e.g. "Rp 1.000.000")');
    multiplier = mult;
    s = word[1] as string;
  }
  s = s.replaceAll(' ', '');
  const parts = splitNumber(s);
  if (parts === null) return fail('bukan jumlah rupiah (contoh: "Rp 1.000.000")', 'is not a rupiah amount (e.g. "Rp 1.000.000")');
  const scale = 10n ** BigInt(parts.frac.length);
  const scaled = (BigInt(parts.int) * scale + BigInt(parts.frac === '' ? '0' : parts.frac)) * multiplier;
  if (scaled % scale !== 0n) return fail('bukan rupiah utuh (ada sen)', 'is not a whole number of rupiah');
  const value = scaled / scale;
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return fail('terlalu besar', 'is too large');
  return ok(Number(value));
}
