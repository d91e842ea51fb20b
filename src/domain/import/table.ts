/**
 * Reads an officer's spreadsheet file (CSV or XLSX) into a plain table of trimmed strings.
 *
 * SDP exports reach us in whatever form the officer's computer produced: CSV with `;` (Excel in an
 * Indonesian locale) or `,`, UTF-8 with or without a BOM, or Windows-1252 (Excel's "CSV" on older
 * Windows), or an XLSX workbook. This module only gets the cells out; what the columns mean is
 * sdp-mapping.ts, what the values mean is sdp-values.ts.
 *
 * Decisions:
 * - The file type is decided by its bytes, not by its name: a ZIP signature is XLSX, an OLE2
 *   signature is the old binary .xls (refused with a "save as" hint), NUL bytes mean binary or
 *   UTF-16 (refused), anything else is CSV. The name is only used in the error text.
 * - Encoding: valid UTF-8 is UTF-8, anything else is Windows-1252. Node's TextDecoder treats
 *   'windows-1252' as Latin-1 (0x92 → U+0092 instead of ’), so the 0x80–0x9F block is decoded here.
 * - Title rows above the header ("DATA WBP LAPAS KELAS IIA …", often merged cells) are skipped: the
 *   header is the first non-empty row, among the first ten, with at least half as many filled cells
 *   as the fullest of those rows. `headerLine` says where it was found.
 * - `lines[i]` is the row number of `rows[i]` as Excel shows it (1-based, counting empty rows and
 *   the header; a quoted field spanning several physical lines is still one row).
 * - A first line "sep=;" (Excel's delimiter hint) sets the delimiter and is otherwise skipped.
 */
import type { Bilingual } from '../../shared/i18n/lang.ts';

export type TableEncoding = 'utf-8' | 'windows-1252' | 'xlsx';
export type Delimiter = ';' | ',' | '\t';

export interface Table {
  headers: string[];
  rows: string[][];
  encoding: TableEncoding;
  delimiter?: Delimiter;
  /** Row number (as Excel shows it) of the header row. */
  headerLine?: number;
  /** Row number (as Excel shows it) of each entry of `rows`. */
  lines?: number[];
}

export type TableErrorCode = 'empty' | 'no_header' | 'binary' | 'xls_legacy' | 'utf16' | 'xlsx_unreadable' | 'xlsx_no_sheet';

/** A file we cannot read as a table; `messageText` is shown to the officer. */
export class TableError extends Error {
  constructor(
    readonly code: TableErrorCode,
    readonly messageText: Bilingual,
  ) {
    super(messageText.en);
    this.name = 'TableError';
  }
}

const DELIMITERS: readonly Delimiter[] = [';', ',', '\t'];
const HEADER_SEARCH_ROWS = 10;

// ---------------------------------------------------------------------------------------------
// Encoding

/** Windows-1252 code points for bytes 0x80–0x9F; the five undefined bytes map to themselves (WHATWG). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (const b of bytes) {
    chunk.push(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b);
    if (chunk.length >= 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

/** Encodes text as Windows-1252; characters outside it become '?'. Used for fixtures and tests. */
export function encodeWindows1252(text: string): Uint8Array {
  const reverse = new Map<number, number>();
  CP1252_HIGH.forEach((cp, i) => reverse.set(cp, 0x80 + i));
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const mapped = reverse.get(cp);
    if (mapped !== undefined) out.push(mapped);
    else if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out.push(cp);
    else out.push(0x3f);
  }
  return Uint8Array.from(out);
}

/** Valid UTF-8 (BOM removed) or else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * RFC 4180 records, leniently: `\r\n`, `\n` and a lone `\r` all end a record; a quote inside an
 * unquoted field is kept as text; text after a closing quote is appended; an unterminated quote
 * runs to the end of the file. Cells are not trimmed. An empty line is the record `['']`, so
 * `records[i]` is row i + 1 as Excel shows it. A final line break does not start a record.
 */
export function parseCsv(text: string, delimiter: Delimiter): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  let inQuotes = false;
  let pending = false; // a record has started (some character consumed since the last break)
  const n = text.length;
  const endRecord = (): void => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
    atFieldStart = true;
    pending = false;
  };
  while (i < n) {
    const c = text[i] as string;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      pending = true;
      i++;
      continue;
    }
    if (c === delimiter) {
      record.push(field);
      field = '';
      atFieldStart = true;
      pending = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    atFieldStart = false;
    pending = true;
    i++;
  }
  if (pending || inQuotes || field !== '' || record.length > 0) endRecord();
  return records;
}

/**
 * Writes records so that parseCsv reads them back unchanged: a cell is quoted when it holds the
 * delimiter, a quote, a line break, or leading/trailing spaces, and a row made of one empty cell is
 * written `""` so it is not mistaken for an empty line. Lines end with CRLF (what Excel writes).
 */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: Delimiter = ';'): string {
  const needsQuotes = (cell: string): boolean =>
    cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r') || cell !== cell.trim();
  return rows
    .map((row) => {
      if (row.length === 1 && row[0] === '') return '""';
      return row.map((cell) => (needsQuotes(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(delimiter);
    })
    .map((line) => `${line}\r\n`)
    .join('');
}

/** Counts delimiter characters outside quotes in one physical line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === delimiter) count++;
  }
  return count;
}

/**
 * The delimiter of the header line. The header line is the first non-empty physical line, among the
 * first ten, with at least two of one candidate outside quotes (three columns or more): a title line
 * above the header ("DAFTAR WBP LAPAS X, CIPINANG") has fewer. Failing that, the first line with
 * any. On that line the most frequent candidate wins; ties prefer `;`, then `,`, then tab; with
 * none at all, `;`.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r\n|\n|\r/u)
    .filter((l) => l.trim() !== '')
    .slice(0, HEADER_SEARCH_ROWS);
  const best = (line: string): { d: Delimiter; count: number } => {
    let top: { d: Delimiter; count: number } = { d: ';', count: 0 };
    for (const d of DELIMITERS) {
      const count = countOutsideQuotes(line, d);
      if (count > top.count) top = { d, count };
    }
    return top;
  };
  const scored = lines.map(best);
  return (scored.find((s) => s.count >= 2) ?? scored.find((s) => s.count >= 1))?.d ?? ';';
}

// ---------------------------------------------------------------------------------------------
// XLSX

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function dateToIso(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** A number as Excel would show it in General format, without exponent or grouping. */
export function numberToPlainText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toPrecision(15));
  const text = String(rounded);
  if (!/e/iu.test(text)) return text;
  if (Number.isInteger(rounded)) return BigInt(rounded).toString();
  return rounded.toFixed(20).replace(/0+$/u, '').replace(/\.$/u, '');
}

/** Does an Excel number format display a date (d, m, y outside quotes and brackets)? */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined || numFmt === '') return false;
  const bare = numFmt.replace(/"[^"]*"/gu, '').replace(/\[[^\]]*\]/gu, '').replace(/\\./gu, '');
  return /[dy]/iu.test(bare) || (/m/iu.test(bare) && !/^[hms:.\s0#]*$/iu.test(bare) && !/general/iu.test(bare));
}

const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30) / 86_400_000;

/** Excel 1900-system serial → 'YYYY-MM-DD' (fraction = time of day, dropped); null out of range. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  // Serial 60 is Excel's fictitious 29 Feb 1900; serials below it are one day off from the epoch.
  if (whole === 60) return null;
  const day = whole < 60 ? whole + 1 : whole;
  return dateToIso(new Date((EXCEL_EPOCH_DAY + day) * 86_400_000));
}

interface XlsxCellLike {
  value: unknown;
  numFmt?: string;
  isMerged: boolean;
  master: { address: string };
  address: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** One exceljs cell value → text, per the module comment. */
export function xlsxValueToText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (isDateFormat(numFmt)) return excelSerialToIso(value) ?? numberToPlainText(value);
    return numberToPlainText(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateToIso(value);
  if (isRecord(value)) {
    if (Array.isArray(value.richText)) {
      return value.richText.map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
    }
    if ('formula' in value || 'sharedFormula' in value) return xlsxValueToText(value.result, numFmt);
    if ('hyperlink' in value) return xlsxValueToText(value.text, numFmt);
    if (typeof value.error === 'string') return value.error;
    if ('text' in value) return xlsxValueToText(value.text, numFmt);
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as the pre-generic Node Buffer; any Buffer works at run time.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new TableError('xlsx_unreadable', {
      id: `Berkas '${fileName}' tampak seperti XLSX tetapi tidak dapat dibaca (rusak atau terkunci kata sandi). Buka di Excel lalu simpan ulang sebagai .xlsx atau CSV.`,
      en: `File '${fileName}' looks like XLSX but cannot be read (damaged or password-protected). Open it in Excel and save it again as .xlsx or CSV.`,
    });
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) {
    throw new TableError('xlsx_no_sheet', {
      id: `Berkas '${fileName}' tidak berisi lembar kerja.`,
      en: `File '${fileName}' contains no worksheet.`,
    });
  }
  const grid: string[][] = [];
  const lastRow = sheet.rowCount;
  for (let r = 1; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c) as unknown as XlsxCellLike;
      // A merged range shows its value once, in the top-left cell.
      const slave = cell.isMerged && cell.master.address !== cell.address;
      cells.push(slave ? '' : xlsxValueToText(cell.value, cell.numFmt));
    }
    grid.push(cells);
  }
  return grid;
}

// ---------------------------------------------------------------------------------------------
// Shared: from a grid of records to a table

function emptyError(fileName: string): TableError {
  return new TableError('empty', {
    id: `Berkas '${fileName}' kosong: tidak ada baris yang berisi data.`,
    en: `File '${fileName}' is empty: no row contains data.`,
  });
}

function toTable(grid: string[][], fileName: string, base: Pick<Table, 'encoding' | 'delimiter'>): Table {
  const trimmed = grid.map((r) => r.map((c) => c.trim()));
  const filled = (r: string[]): number => r.filter((c) => c !== '').length;
  const nonEmpty = trimmed.map((r, i) => ({ r, i })).filter(({ r }) => filled(r) > 0);
  if (nonEmpty.length === 0) throw emptyError(fileName);
  const head = nonEmpty.slice(0, HEADER_SEARCH_ROWS);
  const widest = Math.max(...head.map(({ r }) => filled(r)));
  const headerAt = head.find(({ r }) => filled(r) * 2 >= widest) ?? (nonEmpty[0] as { r: string[]; i: number });
  const headerCells = headerAt.r;
  const looksLikeData = (c: string): boolean => /^(\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{1,2}-\d{1,2})$/u.test(c);
  if (!headerCells.some((c) => /\p{L}/u.test(c)) || headerCells.some(looksLikeData)) {
    throw new TableError('no_header', {
      id: `Baris pertama berkas '${fileName}' harus berisi nama kolom (misalnya "No Register;Nama;…"), bukan data.`,
      en: `The first row of file '${fileName}' must contain column names (e.g. "No Register;Nama;…"), not data.`,
    });
  }
  const body = nonEmpty.filter(({ i }) => i > headerAt.i);
  // Columns past the header's last name that are empty everywhere are dropped (Excel's stray ';;;').
  let width = headerCells.length;
  for (const { r } of body) {
    let last = r.length;
    while (last > 0 && r[last - 1] === '') last--;
    width = Math.max(width, last);
  }
  while (width > 0 && (headerCells[width - 1] ?? '') === '' && body.every(({ r }) => (r[width - 1] ?? '') === '')) width--;
  const fit = (r: string[]): string[] => Array.from({ length: width }, (_, k) => r[k] ?? '');
  return {
    headers: fit(headerCells),
    rows: body.map(({ r }) => fit(r)),
    ...base,
    headerLine: headerAt.i + 1,
    lines: body.map(({ i }) => i + 1),
  };
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * Reads a CSV or XLSX file into headers and trimmed rows; throws TableError (bilingual) when the
 * file is not a table we can read. See the module comment for the rules.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  const isUtf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  if (bytes.length === 0 || (isUtf8Bom && bytes.length === 3)) throw emptyError(fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return toTable(await readXlsx(bytes, fileName), fileName, { encoding: 'xlsx' });
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new TableError('xls_legacy', {
      id: `Berkas '${fileName}' berformat Excel lama (.xls). Buka di Excel lalu "Simpan Sebagai" .xlsx atau CSV.`,
      en: `File '${fileName}' is in the old Excel format (.xls). Open it in Excel and "Save As" .xlsx or CSV.`,
    });
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new TableError('utf16', {
      id: `Berkas '${fileName}' tersimpan sebagai "Unicode Text" (UTF-16). Simpan ulang dari Excel sebagai "CSV UTF-8" atau .xlsx.`,
      en: `File '${fileName}' was saved as "Unicode Text" (UTF-16). Save it again from Excel as "CSV UTF-8" or .xlsx.`,
    });
  }
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new TableError('binary', {
      id: `Berkas '${fileName}' bukan CSV maupun XLSX. Ekspor data dari SDP sebagai CSV atau Excel (.xlsx).`,
      en: `File '${fileName}' is neither CSV nor XLSX. Export the data from SDP as CSV or Excel (.xlsx).`,
    });
  }
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw emptyError(fileName);
  // Excel's own hint line, "sep=;", names the delimiter; it is not part of the table.
  const hint = /^sep=([;,\t])\r?\n/u.exec(text);
  if (hint) {
    const delimiter = hint[1] as Delimiter;
    const grid = parseCsv(text.slice(hint[0].length), delimiter);
    return toTable([[''], ...grid], fileName, { encoding, delimiter });
  }
  const delimiter = detectDelimiter(text);
  return toTable(parseCsv(text, delimiter), fileName, { encoding, delimiter });
}
