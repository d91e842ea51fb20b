/**
 * Which column of an SDP export holds which field of an inmate row.
 *
 * Column names vary between exports and UPTs ("No Register", "NO_REGISTER", "No. Registrasi",
 * "Tgl_2/3", "Tanggal Ekspirasi (SDP)" …). suggestMapping normalises each header (case, accents,
 * spaces, underscores, dots, brackets, "2/3" / "⅔" / "dua pertiga", common abbreviations such as
 * tgl, no, reg, th, bln, jns) and matches it against a synonym table: exact matches first, then a
 * header that contains all words of a multi-word synonym ("Tanggal Ekspirasi Akhir" ⊇ "tanggal
 * ekspirasi"). Each header is used at most once; each field gets at most one header. The officer
 * confirms or corrects the suggestion; the mapping is stored with the import batch.
 *
 * "No" / "No." alone is the spreadsheet's running number, never the No Register.
 */
import type { Bilingual } from '../../shared/i18n/lang.ts';

import { TARGET_FIELDS, type TargetField } from '../../shared/schemas/imports.ts';

export { TARGET_FIELDS, type TargetField };


/** Column index (0-based, into `table.headers`) per field; null when the file has no such column. */
export type SdpMapping = Record<TargetField, number | null>;

export const REQUIRED_FIELDS: readonly TargetField[] = ['noRegister', 'name'];

export const DATE_FIELDS: readonly TargetField[] = ['birthDate', 'detentionStart', 'verdictDate', 'expiryDate', 'twoThirdsDate'];

/** How the field is named to officers (Indonesian first); used in every message about it. */
export const FIELD_LABELS: Record<TargetField, Bilingual> = {
  noRegister: { id: 'No Register', en: 'No Register' },
  name: { id: 'Nama', en: 'Name' },
  sex: { id: 'Jenis kelamin', en: 'Sex' },
  birthDate: { id: 'Tanggal lahir', en: 'Birth date' },
  religion: { id: 'Agama', en: 'Religion' },
  status: { id: 'Status', en: 'Status' },
  crime: { id: 'Tindak pidana', en: 'Crime' },
  detentionStart: { id: 'Tanggal penahanan', en: 'Detention start' },
  verdictDate: { id: 'Tanggal putusan', en: 'Verdict date' },
  sentenceYears: { id: 'Pidana (tahun)', en: 'Sentence (years)' },
  sentenceMonths: { id: 'Pidana (bulan)', en: 'Sentence (months)' },
  sentenceDays: { id: 'Pidana (hari)', en: 'Sentence (days)' },
  sentenceText: { id: 'Lama pidana', en: 'Sentence' },
  fineRupiah: { id: 'Denda', en: 'Fine' },
  subsidiaryDays: { id: 'Subsider', en: 'Subsidiary imprisonment' },
  expiryDate: { id: 'Tanggal ekspirasi', en: 'Expiry date' },
  twoThirdsDate: { id: 'Tanggal 2/3', en: 'Two-thirds date' },
  upt: { id: 'UPT', en: 'UPT' },
};

/** Synonyms per field, most typical first, written as officers write them; normalised below. */
const SYNONYMS: Record<TargetField, readonly string[]> = {
  noRegister: [
    'No Register', 'No Registrasi', 'Nomor Register', 'Nomor Registrasi', 'NoReg', 'Register', 'Registrasi',
    'No Register WBP', 'Register Number', 'Registration Number', 'Reg No',
  ],
  name: ['Nama', 'Nama WBP', 'Nama Lengkap', 'Nama Narapidana', 'Nama Tahanan', 'Nama Warga Binaan', 'Nama Napi', 'Name', 'Full Name', 'Nama Anak', 'Nama Klien'],
  sex: ['Jenis Kelamin', 'JK', 'Kelamin', 'L/P', 'Jns Kel', 'Sex', 'Gender'],
  birthDate: [
    'Tanggal Lahir', 'Lahir', 'Tanggal Kelahiran', 'Birth Date', 'Date of Birth', 'DOB', 'Tempat Tanggal Lahir', 'TTL', 'Tempat Lahir Tanggal Lahir',
  ],
  religion: ['Agama', 'Religion', 'Kepercayaan'],
  status: ['Status', 'Status WBP', 'Status Hukum', 'Jenis WBP', 'Kategori WBP', 'Status Tahanan', 'Status Penahanan', 'Status Narapidana'],
  crime: [
    'Tindak Pidana', 'Jenis Tindak Pidana', 'Jenis Kejahatan', 'Kejahatan', 'Perkara', 'Jenis Perkara', 'Kasus', 'Jenis Kasus', 'TP', 'Pasal',
    'Tindak Pidana Pasal', 'Crime', 'Offence', 'Offense',
  ],
  detentionStart: [
    'Tanggal Penahanan', 'Tanggal Ditahan', 'Tgl Ditahan', 'Tanggal Masuk', 'Tgl Masuk', 'Mulai Ditahan', 'Awal Penahanan', 'Tanggal Mulai Ditahan',
    'TMT Penahanan', 'Tanggal Mulai Penahanan', 'Detention Start', 'Tanggal Awal Penahanan',
  ],
  verdictDate: ['Tanggal Putusan', 'Tanggal Vonis', 'Tgl Vonis', 'Putusan Tanggal', 'Tanggal Putusan Pengadilan', 'Verdict Date', 'Tanggal Keputusan'],
  sentenceYears: ['Pidana Tahun', 'Tahun Pidana', 'Lama Pidana Tahun', 'Masa Pidana Tahun', 'Vonis Tahun', 'Hukuman Tahun', 'Pidana Th', 'Tahun', 'Sentence Years', 'Years'],
  sentenceMonths: ['Pidana Bulan', 'Bulan Pidana', 'Lama Pidana Bulan', 'Masa Pidana Bulan', 'Vonis Bulan', 'Hukuman Bulan', 'Pidana Bln', 'Bulan', 'Sentence Months', 'Months'],
  sentenceDays: ['Pidana Hari', 'Hari Pidana', 'Lama Pidana Hari', 'Masa Pidana Hari', 'Vonis Hari', 'Hukuman Hari', 'Pidana Hr', 'Hari', 'Sentence Days', 'Days'],
  sentenceText: ['Lama Pidana', 'Pidana', 'Masa Pidana', 'Vonis', 'Lama Vonis', 'Lama Hukuman', 'Hukuman', 'Pidana Penjara', 'Lama Pidana Penjara', 'Sentence'],
  fineRupiah: ['Denda', 'Denda (Rp)', 'Pidana Denda', 'Jumlah Denda', 'Besar Denda', 'Fine'],
  subsidiaryDays: [
    'Subsider', 'Subsider (hari)', 'Subsider (bulan)', 'Subsidair', 'Subsidiair', 'Pidana Pengganti Denda', 'Kurungan Pengganti Denda', 'Pengganti Denda',
    'Subsidiary', 'Lama Subsider',
  ],
  expiryDate: [
    'Tanggal Ekspirasi', 'Ekspirasi', 'Tanggal Bebas', 'Tgl Bebas', 'Tanggal Bebas Murni', 'Bebas Murni', 'Tanggal Habis Pidana', 'Tanggal Ekspirasi Akhir',
    'Expiry Date', 'Expiration Date',
  ],
  twoThirdsDate: ['Tanggal 2/3', '2/3', 'Tanggal Dua Pertiga', '2/3 Masa Pidana', 'Tanggal 2/3 Masa Pidana', 'Two Thirds Date', 'Two-Thirds'],
  upt: ['UPT', 'Nama UPT', 'Satker', 'Nama Satker', 'Lapas/Rutan', 'Lapas', 'Rutan', 'Unit Pelaksana Teknis', 'UPT Satker'],
};

/** Words naming a different person or an earlier value: never matched by containment. */
const FOREIGN_WORDS = new Set([
  'alias', 'ayah', 'ibu', 'wali', 'kecil', 'panggilan', 'petugas', 'hakim', 'jaksa', 'awal', 'sebelumnya', 'keluarga', 'penjamin',
  'pasangan', 'istri', 'suami', 'kode', 'id',
]);

/** Single-word synonyms distinctive enough to be matched inside a longer header. */
const DISTINCTIVE = new Set(['agama', 'ekspirasi', 'subsider', 'denda', 'kelamin', 'register']);

const ABBREVIATIONS: Record<string, readonly string[]> = {
  tgl: ['tanggal'], tg: ['tanggal'], tanggal: ['tanggal'], date: ['tanggal'],
  no: ['no'], nomor: ['no'], nomer: ['no'], nmr: ['no'], num: ['no'], number: ['no'], nr: ['no'],
  reg: ['register'], regis: ['register'], registrasi: ['register'], registration: ['register'], register: ['register'],
  noreg: ['no', 'register'], noregister: ['no', 'register'],
  th: ['tahun'], thn: ['tahun'], tahun: ['tahun'], year: ['tahun'], years: ['tahun'],
  bln: ['bulan'], bl: ['bulan'], bulan: ['bulan'], month: ['bulan'], months: ['bulan'],
  hr: ['hari'], hari: ['hari'], day: ['hari'], days: ['hari'],
  jns: ['jenis'], jenis: ['jenis'], kel: ['kelamin'],
  pid: ['pidana'], ptsn: ['putusan'],
  tp: ['tindak', 'pidana'],
  eksp: ['ekspirasi'], expirasi: ['ekspirasi'], ekspirasi: ['ekspirasi'], ekspirasinya: ['ekspirasi'], expiry: ['ekspirasi'], expiration: ['ekspirasi'],
  subsidair: ['subsider'], subsidiair: ['subsider'], subsidiar: ['subsider'], subsider: ['subsider'], subs: ['subsider'], subsidiary: ['subsider'],
  napi: ['narapidana'], katholik: ['katolik'],
};

/** Tokens that carry no meaning for matching (units of money, date format hints, the source). */
const NOISE = new Set(['rp', 'idr', 'dd', 'mm', 'yyyy', 'yy', 'format', 'sdp', 'wbp', 'dalam', 'di', 'the', 'of']);

/** A header reduced to its meaningful words, e.g. "Tgl_2/3" → "tanggal 2 3", "NO. REG" → "no register". */
export function normaliseHeader(header: string): string {
  const base = header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('⅔', ' 2/3 ')
    .replace(/\bdua\s*pertiga\b/gu, ' 2/3 ')
    .replace(/([a-z])(\d)/gu, '$1 $2')
    .replace(/(\d)([a-z])/gu, '$1 $2');
  const tokens = base.split(/[^a-z0-9]+/u).filter((t) => t !== '');
  return tokens
    .flatMap((t) => ABBREVIATIONS[t] ?? [t])
    .filter((t) => !NOISE.has(t))
    .join(' ');
}

interface Synonym {
  key: string;
  tokens: string[];
}

const NORMALISED: Record<TargetField, Synonym[]> = Object.fromEntries(
  TARGET_FIELDS.map((field) => [
    field,
    SYNONYMS[field].map((s) => {
      const key = normaliseHeader(s);
      return { key, tokens: key.split(' ') };
    }),
  ]),
) as Record<TargetField, Synonym[]>;

/** How well a normalised header names a field: 0 = not at all. Exact beats containment. */
function score(key: string, field: TargetField): number {
  if (key === '') return 0;
  const synonyms = NORMALISED[field];
  const exact = synonyms.findIndex((s) => s.key === key);
  if (exact >= 0) return 1000 - exact;
  const tokens = key.split(' ');
  if (tokens.some((t) => FOREIGN_WORDS.has(t))) return 0;
  const isDateField = DATE_FIELDS.includes(field);
  if (!isDateField && tokens.includes('tanggal')) return 0; // "Tanggal Tindak Pidana" is a date, not the crime
  let best = 0;
  synonyms.forEach((s, i) => {
    const usable = s.tokens.length >= 2 || DISTINCTIVE.has(s.key);
    if (!usable || !s.tokens.every((t) => tokens.includes(t))) return;
    const extra = tokens.length - s.tokens.length;
    best = Math.max(best, 500 - 10 * extra - i * 0.01);
  });
  return best;
}

/** Proposes a column for every field (null when none fits); each header is used at most once. */
export function suggestMapping(headers: readonly string[]): SdpMapping {
  const mapping = Object.fromEntries(TARGET_FIELDS.map((f) => [f, null])) as SdpMapping;
  const keys = headers.map(normaliseHeader);
  const candidates: Array<{ field: TargetField; column: number; score: number }> = [];
  keys.forEach((key, column) => {
    for (const field of TARGET_FIELDS) {
      const s = score(key, field);
      if (s > 0) candidates.push({ field, column, score: s });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const used = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== null || used.has(c.column)) continue;
    mapping[c.field] = c.column;
    used.add(c.column);
  }
  return mapping;
}

/**
 * Problems that make a mapping unusable for `headers`: a required field without a column, a
 * column index outside the header row, or one column given to two fields. Empty = usable.
 */
export function validateMapping(mapping: Partial<SdpMapping>, headers: readonly string[]): Bilingual[] {
  const problems: Bilingual[] = [];
  for (const field of REQUIRED_FIELDS) {
    const col = mapping[field];
    if (col === null || col === undefined) {
      const label = FIELD_LABELS[field];
      problems.push({ id: `Kolom untuk ${label.id} belum dipilih.`, en: `No column is chosen for ${label.en}.` });
    }
  }
  const seen = new Map<number, TargetField>();
  for (const field of TARGET_FIELDS) {
    const col = mapping[field];
    if (col === null || col === undefined) continue;
    const label = FIELD_LABELS[field];
    if (!Number.isInteger(col) || col < 0 || col >= headers.length) {
      problems.push({ id: `Kolom untuk ${label.id} tidak ada di berkas.`, en: `The column for ${label.en} is not in the file.` });
      continue;
    }
    const other = seen.get(col);
    if (other !== undefined) {
      const o = FIELD_LABELS[other];
      const h = headers[col] ?? '';
      problems.push({
        id: `Kolom '${h}' dipakai untuk ${o.id} dan ${label.id}; satu kolom hanya untuk satu isian.`,
        en: `Column '${h}' is used for both ${o.en} and ${label.en}; a column can feed one field only.`,
      });
    }
    seen.set(col, field);
  }
  return problems;
}
