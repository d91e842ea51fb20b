/**
 * Turns the rows of an SDP export (a Table from table.ts plus a confirmed mapping) into validated
 * inmate rows, or into bilingual, line-numbered errors the officer can fix in the spreadsheet.
 *
 * Rules:
 * - No Register and Nama are required. Every other field may be absent or blank ('-', '').
 * - Dates must exist; birth date, detention start and verdict date must not be after `today`; the
 *   birth date must be before the detention start. Expiry and ⅔ dates are SDP's own figures, kept
 *   to compare with our engine, and may lie in the future.
 * - Sentence: separate year/month/day columns and/or one text column ("2 Tahun 6 Bulan"); when both
 *   are filled they must agree. Months must be below 12 and days at most 30: "14 bulan" is rejected
 *   (never silently turned into 1 year 2 months), the message says how to write it. A zero term
 *   ("0 Tahun 0 Bulan 0 Hari") means no sentence (a detainee).
 * - A No Register seen earlier in the same file (compared ignoring case and spaces) rejects every
 *   later occurrence, naming the first line; the first occurrence is judged on its own merits.
 * - A row whose mapped cells are all blank (a footer, a total, a stray running number) is skipped
 *   and listed in `skippedLines`, not reported as an error.
 * - `rawHash` is SHA-256 over the validated value (fixed field order, dates as YYYY-MM-DD, raw
 *   texts trimmed with spaces collapsed), so the same data hashes the same whatever the column order,
 *   date format or spacing of the export, and a changed value changes the hash.
 */
import { createHash } from 'node:crypto';
import { isValidDate } from '../calendar/date.ts';
import type { IsoDate } from '../sentence/types.ts';
import type { Bilingual } from '../../shared/i18n/lang.ts';
import { registerKey } from '../wbp/register-number.ts';
import type { Table } from './table.ts';
import { FIELD_LABELS, normaliseHeader, TARGET_FIELDS, validateMapping } from './sdp-mapping.ts';
import type { SdpMapping, TargetField } from './sdp-mapping.ts';
import {
  categoriseCrime,
  EXCEL_ERRORS,
  isBlank,
  parseReligion,
  parseRupiah,
  parseSdpDate,
  parseSentencePart,
  parseSentenceText,
  parseSex,
  parseStatus,
  parseSubsidiaryDays,
} from './sdp-values.ts';
import type { CrimeCategory, ParseResult, ReligionCode, SentenceTerm, Sex, WbpStatus } from './sdp-values.ts';

export interface SdpInmateRow {
  noRegister: string;
  name: string;
  sex: Sex | null;
  birthDate: IsoDate | null;
  religion: ReligionCode | null;
  religionRaw: string | null;
  status: WbpStatus | null;
  statusRaw: string | null;
  crimeRaw: string | null;
  /** The main category; 'pidana_umum' when the text names no special crime. */
  crimeCategory: CrimeCategory | null;
  /** Every category the text names (e.g. narkotika and pencucian_uang). */
  crimeCategories: CrimeCategory[];
  detentionStart: IsoDate | null;
  verdictDate: IsoDate | null;
  /** Null when no sentence is given or it is zero. */
  sentence: SentenceTerm | null;
  fineRupiah: number | null;
  subsidiaryDays: number | null;
  /** As stated by SDP (to compare with our engine). */
  expiryDate: IsoDate | null;
  /** As stated by SDP (to compare with our engine). */
  twoThirdsDate: IsoDate | null;
  upt: string | null;
}

export interface RowIssue {
  field: TargetField;
  message: Bilingual;
}

export type SdpRowResult =
  | { line: number; ok: true; value: SdpInmateRow; rawHash: string; warnings: RowIssue[] }
  | { line: number; ok: false; noRegister: string | null; errors: RowIssue[] };

export interface SdpDuplicate {
  noRegister: string;
  /** Every line carrying it; the first is the one kept (if otherwise valid). */
  lines: number[];
}

export interface SdpParseResult {
  rows: SdpRowResult[];
  duplicates: SdpDuplicate[];
  /** Lines whose mapped cells are all blank. */
  skippedLines: number[];
  summary: { total: number; accepted: number; rejected: number; skipped: number };
}

export interface SdpParseOptions {
  /** 'YYYY-MM-DD'; dates after it are in the future. */
  today: IsoDate;
}

/** The mapping cannot be used (see validateMapping); the UI should have caught it. */
export class SdpMappingError extends Error {
  constructor(readonly problems: Bilingual[]) {
    super(problems.map((p) => p.en).join(' '));
    this.name = 'SdpMappingError';
  }
}

const MAX_REGISTER_LENGTH = 64;
const MAX_NAME_LENGTH = 200;
const MAX_FIXED_TERM_YEARS = 20; // KUHP art. 12(4): fixed-term imprisonment at most 20 years

function collapse(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

/** The raw text as quoted in messages (long cells shortened). */
function quote(text: string): string {
  const t = collapse(text);
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/** 'YYYY-MM-DD' → 'dd-mm-yyyy', the way officers write dates. */
export function displayDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/** SHA-256 (hex) of a validated row in canonical form; see the module comment. */
export function sdpRowHash(value: SdpInmateRow): string {
  const canonical = [
    'sdp-inmate-row/v1',
    value.noRegister,
    value.name,
    value.sex,
    value.birthDate,
    value.religion,
    value.religionRaw,
    value.status,
    value.statusRaw,
    value.crimeRaw,
    value.crimeCategory,
    value.crimeCategories,
    value.detentionStart,
    value.verdictDate,
    value.sentence === null ? null : [value.sentence.years, value.sentence.months, value.sentence.days, value.sentence.life, value.sentence.death],
    value.fineRupiah,
    value.subsidiaryDays,
    value.expiryDate,
    value.twoThirdsDate,
    value.upt,
  ];
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}

interface RowContext {
  cell: (field: TargetField) => string;
  errors: RowIssue[];
  warnings: RowIssue[];
}

function bad(ctx: RowContext, field: TargetField, raw: string, reason: Bilingual): void {
  const label = FIELD_LABELS[field];
  ctx.errors.push({ field, message: { id: `${label.id} '${quote(raw)}' ${reason.id}`, en: `${label.en} '${quote(raw)}' ${reason.en}` } });
}

function read<T>(ctx: RowContext, field: TargetField, parse: (text: string) => ParseResult<T | null>): T | null {
  const raw = ctx.cell(field);
  const result = parse(raw);
  if (result.ok) return result.value;
  bad(ctx, field, raw, result.reason);
  return null;
}

function readPastDate(ctx: RowContext, field: TargetField, today: IsoDate): IsoDate | null {
  const date = read(ctx, field, parseSdpDate);
  if (date !== null && date > today) {
    const label = FIELD_LABELS[field];
    ctx.errors.push({
      field,
      message: {
        id: `${label.id} ${displayDate(date)} ada di masa depan (hari ini ${displayDate(today)})`,
        en: `${label.en} ${displayDate(date)} is in the future (today is ${displayDate(today)})`,
      },
    });
    return null;
  }
  return date;
}

function readRequired(ctx: RowContext, field: 'noRegister' | 'name'): string | null {
  const raw = ctx.cell(field);
  const label = FIELD_LABELS[field];
  if (isBlank(raw) || (field === 'noRegister' && registerKey(raw) === '')) {
    ctx.errors.push({ field, message: { id: `${label.id} wajib diisi`, en: `${label.en} is required` } });
    return null;
  }
  const value = collapse(raw);
  const max = field === 'noRegister' ? MAX_REGISTER_LENGTH : MAX_NAME_LENGTH;
  if (value.length > max) {
    bad(ctx, field, raw, { id: `terlalu panjang (paling banyak ${max} karakter)`, en: `is too long (at most ${max} characters)` });
    return null;
  }
  if (field === 'name' && !/\p{L}/u.test(value)) {
    bad(ctx, field, raw, { id: 'tidak berisi huruf', en: 'contains no letters' });
    return null;
  }
  return value;
}

function termText(t: SentenceTerm): Bilingual {
  if (t.life) return { id: 'seumur hidup', en: 'life' };
  if (t.death) return { id: 'mati', en: 'death' };
  return { id: `${t.years} tahun ${t.months} bulan ${t.days} hari`, en: `${t.years} years ${t.months} months ${t.days} days` };
}

function sameTerm(a: SentenceTerm, b: SentenceTerm): boolean {
  return a.years === b.years && a.months === b.months && a.days === b.days && a.life === b.life && a.death === b.death;
}

function readSentence(ctx: RowContext): SentenceTerm | null {
  const y = read(ctx, 'sentenceYears', (t) => parseSentencePart(t, 'tahun'));
  const m = read(ctx, 'sentenceMonths', (t) => parseSentencePart(t, 'bulan'));
  const d = read(ctx, 'sentenceDays', (t) => parseSentencePart(t, 'hari'));
  const text = read(ctx, 'sentenceText', parseSentenceText);
  const partsGiven = y !== null || m !== null || d !== null;
  const parts: SentenceTerm | null = partsGiven ? { years: y ?? 0, months: m ?? 0, days: d ?? 0, life: false, death: false } : null;
  let term: SentenceTerm | null = parts ?? text;
  let source: { months: TargetField; days: TargetField } = partsGiven
    ? { months: 'sentenceMonths', days: 'sentenceDays' }
    : { months: 'sentenceText', days: 'sentenceText' };
  if (parts !== null && text !== null && !sameTerm(parts, text)) {
    const partsZero = parts.years === 0 && parts.months === 0 && parts.days === 0;
    if ((text.life || text.death) && partsZero) {
      term = text;
      source = { months: 'sentenceText', days: 'sentenceText' };
    } else {
      const a = termText(text);
      const b = termText(parts);
      const label = FIELD_LABELS.sentenceText;
      ctx.errors.push({
        field: 'sentenceText',
        message: {
          id: `${label.id} '${a.id}' tidak sama dengan kolom pidana tahun/bulan/hari (${b.id})`,
          en: `${label.en} '${a.en}' differs from the sentence year/month/day columns (${b.en})`,
        },
      });
      return null;
    }
  }
  if (term === null) return null;
  if (term.months >= 12) {
    const label = FIELD_LABELS[source.months];
    const years = Math.floor(term.months / 12);
    const rest = term.months % 12;
    ctx.errors.push({
      field: source.months,
      message: {
        id: `${label.id}: ${term.months} bulan tidak boleh 12 atau lebih; tulis sebagai ${term.years + years} tahun ${rest} bulan`,
        en: `${label.en}: ${term.months} months must be less than 12; write it as ${term.years + years} years ${rest} months`,
      },
    });
    return null;
  }
  if (term.days > 30) {
    const label = FIELD_LABELS[source.days];
    const months = Math.floor(term.days / 30);
    const rest = term.days % 30;
    ctx.errors.push({
      field: source.days,
      message: {
        id: `${label.id}: ${term.days} hari tidak boleh lebih dari 30; tulis sebagai ${months} bulan ${rest} hari (1 bulan = 30 hari)`,
        en: `${label.en}: ${term.days} days must not exceed 30; write it as ${months} months ${rest} days (1 month = 30 days)`,
      },
    });
    return null;
  }
  if (!term.life && !term.death && term.years === 0 && term.months === 0 && term.days === 0) return null;
  if (term.years > MAX_FIXED_TERM_YEARS) {
    ctx.warnings.push({
      field: partsGiven ? 'sentenceYears' : 'sentenceText',
      message: {
        id: `Pidana ${term.years} tahun melebihi batas 20 tahun pidana penjara waktu tertentu (KUHP ps. 12); periksa apakah ini gabungan beberapa putusan`,
        en: `A ${term.years}-year sentence exceeds the 20-year limit for fixed-term imprisonment (KUHP art. 12); check whether several verdicts were added up`,
      },
    });
  }
  return term;
}

function parseRow(cells: readonly string[], mapping: SdpMapping, subsidiaryBareUnit: 'hari' | 'bulan', today: IsoDate): {
  errors: RowIssue[];
  warnings: RowIssue[];
  value: SdpInmateRow | null;
} {
  const ctx: RowContext = {
    cell: (field) => {
      const col = mapping[field];
      return col === null ? '' : (cells[col] ?? '').trim();
    },
    errors: [],
    warnings: [],
  };
  // A formula error shown in the cell: report it rather than reading "#N/A" as a name.
  const errorCells = new Set<TargetField>();
  for (const field of TARGET_FIELDS) {
    const raw = ctx.cell(field);
    if (EXCEL_ERRORS.has(raw.toUpperCase())) {
      errorCells.add(field);
      bad(ctx, field, raw, { id: 'berisi galat rumus Excel; perbaiki rumusnya atau ketik nilainya', en: 'holds an Excel formula error; fix the formula or type the value' });
    }
  }
  const guarded: RowContext = { ...ctx, cell: (field) => (errorCells.has(field) ? '' : ctx.cell(field)) };
  const g = guarded;

  const noRegister = errorCells.has('noRegister') ? null : readRequired(g, 'noRegister');
  const name = errorCells.has('name') ? null : readRequired(g, 'name');
  const sex = read(g, 'sex', parseSex);
  const birthDate = readPastDate(g, 'birthDate', today);
  const religionRaw = isBlank(g.cell('religion')) ? null : collapse(g.cell('religion'));
  const religion = religionRaw === null ? null : parseReligion(religionRaw);
  if (religion === 'lainnya' && religionRaw !== null) {
    g.warnings.push({
      field: 'religion',
      message: {
        id: `Agama '${quote(religionRaw)}' tidak dikenal; dicatat sebagai 'lainnya' (tanpa remisi khusus hari raya)`,
        en: `Religion '${quote(religionRaw)}' is not recognised; recorded as 'lainnya' (no religious-holiday remission)`,
      },
    });
  }
  const statusRaw = isBlank(g.cell('status')) ? null : collapse(g.cell('status'));
  const status = read(g, 'status', parseStatus);
  const crimeRaw = isBlank(g.cell('crime')) ? null : collapse(g.cell('crime'));
  const crime = categoriseCrime(crimeRaw ?? '');
  const detentionStart = readPastDate(g, 'detentionStart', today);
  const verdictDate = readPastDate(g, 'verdictDate', today);
  if (birthDate !== null && detentionStart !== null && birthDate >= detentionStart) {
    const [b, s] = [FIELD_LABELS.birthDate, FIELD_LABELS.detentionStart];
    g.errors.push({
      field: 'birthDate',
      message: {
        id: `${b.id} ${displayDate(birthDate)} harus sebelum ${s.id.toLowerCase()} ${displayDate(detentionStart)}`,
        en: `${b.en} ${displayDate(birthDate)} must be before the ${s.en.toLowerCase()} ${displayDate(detentionStart)}`,
      },
    });
  }
  const sentence = readSentence(g);
  const fineRupiah = read(g, 'fineRupiah', parseRupiah);
  const subsidiaryDays = read(g, 'subsidiaryDays', (t) => parseSubsidiaryDays(t, subsidiaryBareUnit));
  const expiryDate = read(g, 'expiryDate', parseSdpDate);
  const twoThirdsDate = read(g, 'twoThirdsDate', parseSdpDate);
  const uptRaw = g.cell('upt');
  const upt = isBlank(uptRaw) ? null : collapse(uptRaw);

  if (g.errors.length > 0 || noRegister === null || name === null) return { errors: g.errors, warnings: g.warnings, value: null };
  return {
    errors: [],
    warnings: g.warnings,
    value: {
      noRegister,
      name,
      sex,
      birthDate,
      religion,
      religionRaw,
      status,
      statusRaw,
      crimeRaw,
      crimeCategory: crime.primary,
      crimeCategories: crime.all,
      detentionStart,
      verdictDate,
      sentence,
      fineRupiah,
      subsidiaryDays,
      expiryDate,
      twoThirdsDate,
      upt,
    },
  };
}

/**
 * Validates every row of `table` under `mapping`. Never throws on cell contents; throws
 * SdpMappingError for an unusable mapping and RangeError for a `today` that is not a date.
 */
export function parseSdpRows(
  table: Pick<Table, 'headers' | 'rows' | 'lines' | 'headerLine'>,
  mapping: SdpMapping,
  opts: SdpParseOptions,
): SdpParseResult {
  if (!isValidDate(opts.today)) throw new RangeError(`today must be 'YYYY-MM-DD', got ${JSON.stringify(opts.today)}`);
  const problems = validateMapping(mapping, table.headers);
  if (problems.length > 0) throw new SdpMappingError(problems);
  const mappedColumns = TARGET_FIELDS.map((f) => mapping[f]).filter((c): c is number => c !== null);
  const firstDataLine = (table.headerLine ?? 1) + 1;
  // "Subsider (bulan)": a bare number in that column counts months.
  const subsidiaryHeader = mapping.subsidiaryDays === null ? [] : normaliseHeader(table.headers[mapping.subsidiaryDays] ?? '').split(' ');
  const subsidiaryBareUnit = subsidiaryHeader.includes('bulan') && !subsidiaryHeader.includes('hari') ? 'bulan' : 'hari';

  const rows: SdpRowResult[] = [];
  const skippedLines: number[] = [];
  const firstLineOf = new Map<string, number>();
  const linesOf = new Map<string, { noRegister: string; lines: number[] }>();

  table.rows.forEach((cells, index) => {
    const line = table.lines?.[index] ?? firstDataLine + index;
    if (mappedColumns.every((c) => isBlank(cells[c] ?? ''))) {
      skippedLines.push(line);
      return;
    }
    const { errors, warnings, value } = parseRow(cells, mapping, subsidiaryBareUnit, opts.today);
    const regCol = mapping.noRegister as number;
    const regRaw = collapse(cells[regCol] ?? '');
    const noRegister = value?.noRegister ?? (isBlank(regRaw) || EXCEL_ERRORS.has(regRaw.toUpperCase()) ? null : regRaw);
    if (noRegister !== null) {
      const key = registerKey(noRegister);
      const first = firstLineOf.get(key);
      const group = linesOf.get(key) ?? { noRegister, lines: [] };
      group.lines.push(line);
      linesOf.set(key, group);
      if (first === undefined) firstLineOf.set(key, line);
      else {
        errors.push({
          field: 'noRegister',
          message: {
            id: `No Register '${quote(noRegister)}' sudah ada di baris ${first}; baris ini tidak diimpor`,
            en: `No Register '${quote(noRegister)}' already appears on line ${first}; this line is not imported`,
          },
        });
      }
    }
    if (errors.length === 0 && value !== null) rows.push({ line, ok: true, value, rawHash: sdpRowHash(value), warnings });
    else rows.push({ line, ok: false, noRegister, errors });
  });

  const duplicates = [...linesOf.values()].filter((g) => g.lines.length > 1);
  const accepted = rows.filter((r) => r.ok).length;
  return {
    rows,
    duplicates,
    skippedLines,
    summary: { total: rows.length, accepted, rejected: rows.length - accepted, skipped: skippedLines.length },
  };
}
