/** A table to export, described once and written as XLSX or PDF. */
export interface ExportColumn {
  header: string;
  key: string;
  /** Width in characters (XLSX); PDF widths follow proportionally. */
  width?: number;
  kind?: 'text' | 'date' | 'integer' | 'rupiah';
}

/** How a number is shown: XLSX keeps the number and this format; PDF prints it in the reader's language. */
export type NumberFormat = 'integer' | 'decimal1' | 'decimal2' | 'percent' | 'rupiah';
/** A number whose format is chosen per cell (a report line's unit decides it, not its column). */
export interface NumberCell {
  n: number;
  format: NumberFormat;
}
export type CellValue = string | number | null | NumberCell;

export const isNumberCell = (v: unknown): v is NumberCell => typeof v === 'object' && v !== null && typeof (v as NumberCell).n === 'number';

/** Excel/LibreOffice number formats (the file stores them locale-neutral; the reader's locale shows separators). */
export const XLSX_FORMATS: Record<NumberFormat, string> = {
  integer: '#,##0',
  decimal1: '#,##0.0',
  decimal2: '#,##0.00',
  percent: '0.00%',
  rupiah: '"Rp" #,##0',
};

/** A number as text in the reader's language: 1.234,5 in Indonesian, 1,234.5 in English. */
export function formatNumber(n: number, format: NumberFormat, lang: 'id' | 'en' = 'id'): string {
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  const digits = format === 'decimal1' ? 1 : format === 'decimal2' || format === 'percent' ? 2 : 0;
  const text = (format === 'percent' ? n * 100 : n).toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format === 'percent' ? `${text}%` : format === 'rupiah' ? `Rp ${text}` : text;
}

/** The people who sign a report: name, NIP, position, where and when (PDF approval block). */
export interface Signatory {
  role: string;
  name: string | null;
  nip: string | null;
  position: string | null;
  place: string | null;
  /** As printed (dd-mm-yyyy on the unit's clock). */
  date: string | null;
}

export interface ExportTable {
  title: string;
  /** Lines under the title: unit, period, date printed. */
  subtitle?: string[];
  /** Letterhead lines, top to bottom (ministry, directorate, office). */
  letterhead?: string[];
  columns: ExportColumn[];
  rows: Array<Record<string, CellValue>>;
  /** Sheet name (XLSX), at most 31 characters. */
  sheetName?: string;
  footnote?: string;
  /** Approval block under the table (PDF), kept on one page with the table's end. */
  signatories?: Signatory[];
}

export const DEFAULT_LETTERHEAD = [
  'KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA',
  'DIREKTORAT JENDERAL PEMASYARAKATAN',
];

/** '2026-08-17' → '17-08-2026', as officers write dates. */
export function dmy(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

export function rupiah(n: number): string {
  return `Rp ${Math.round(n).toLocaleString('id-ID')}`;
}
