/** A table to export, described once and written as XLSX or PDF. */
export interface ExportColumn {
  header: string;
  key: string;
  /** Width in characters (XLSX); PDF widths follow proportionally. */
  width?: number;
  kind?: 'text' | 'date' | 'integer' | 'rupiah';
}

export interface ExportTable {
  title: string;
  /** Lines under the title: unit, period, date printed. */
  subtitle?: string[];
  /** Letterhead lines, top to bottom (ministry, directorate, office). */
  letterhead?: string[];
  columns: ExportColumn[];
  rows: Array<Record<string, string | number | null>>;
  /** Sheet name (XLSX), at most 31 characters. */
  sheetName?: string;
  footnote?: string;
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
