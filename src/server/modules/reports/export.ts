import { writePdf } from '../../exports/pdf.ts';
import { localTime, type ZoneName } from '../../../domain/org/time-zone.ts';
import { DEFAULT_LETTERHEAD, formatNumber, isNumberCell, type CellValue, type ExportTable, type NumberCell } from '../../exports/table.ts';
import { writeXlsx } from '../../exports/xlsx.ts';
import type { ReportFigures, ReportLine } from './figures.ts';

const LIGHT = { green: 'Hijau (tercapai)', amber: 'Kuning (hampir)', red: 'Merah (tertinggal)', none: '–', na: 'Tidak berlaku' } as Record<string, string>;
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
export const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** The figures as a table: one line per indicator, values in display units, manual ones marked. */
/** The official letterhead: ministry and directorate general, then the office the report comes from. */
export const letterheadFor = (...offices: string[]) => [...DEFAULT_LETTERHEAD, ...offices.filter(Boolean).map((o) => o.toUpperCase())];

export function figuresTable(f: ReportFigures, title: string, subtitle: string[], footnote?: string, letterhead?: string[]): ExportTable {
  return {
    title,
    letterhead,
    subtitle,
    sheetName: 'Laporan',
    columns: [
      { header: 'Kode', key: 'code', width: 14 },
      { header: 'Indikator', key: 'name', width: 40 },
      { header: 'Satuan', key: 'unit', width: 9 },
      { header: 'Sumber', key: 'source', width: 12 },
      { header: 'Bulan ini', key: 'month', width: 14 },
      { header: 'S.d. bulan ini', key: 'toDate', width: 14 },
      { header: 'Target tahun', key: 'target', width: 14 },
      { header: 'Capaian (%)', key: 'attainment', width: 11 },
      { header: 'Status', key: 'light', width: 16 },
    ],
    rows: f.lines.map((l) => ({
      code: l.code,
      name: l.name.id,
      unit: l.ratio ? '%' : l.unit,
      source: l.manual ? 'Manual' : 'Dari catatan',
      month: figureCell(l.month, l),
      toDate: figureCell(l.toDate, l),
      target: figureCell(l.target, l),
      attainment: l.attainmentBp === null ? '–' : { n: l.attainmentBp / 10_000, format: 'percent' },
      light: LIGHT[l.light] ?? l.light,
    })),
    footnote,
  };
}

/**
 * A figure as a number in its display unit, so that the sheet can sum it: people and rupiah as
 * integers, m² as hectares (2 decimals), grams as kilograms (1 decimal), ratios as a percentage.
 */
export function figureCell(v: number | null, line: Pick<ReportLine, 'scale' | 'ratio' | 'unit'>): CellValue {
  if (v === null) return '–';
  if (line.ratio) return { n: v / 10_000, format: 'percent' } satisfies NumberCell;
  if (line.scale === 1) return { n: v, format: line.unit === 'rupiah' ? 'rupiah' : 'integer' };
  return { n: v / line.scale, format: line.scale >= 10_000 ? 'decimal2' : 'decimal1' };
}

/** The same figure as text in its display unit (kg, ha, %, Rp), for notes printed with a report. */
export function figureText(v: number | null, line: Pick<ReportLine, 'scale' | 'ratio' | 'unit'>): string {
  const c = figureCell(v, line);
  return isNumberCell(c) ? formatNumber(c.n, c.format) : String(c);
}

export async function writeFile(t: ExportTable, format: 'xlsx' | 'pdf', base: string, lang: 'id' | 'en' = 'id') {
  const safe = base.replace(/[^A-Za-z0-9._-]+/g, '-');
  return format === 'xlsx'
    ? { body: await writeXlsx(t), name: `${safe}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
    : { body: await writePdf(t, { landscape: true, lang }), name: `${safe}.pdf`, contentType: 'application/pdf' };
}

/** When the figures were computed, on the unit's wall clock (WIB, WITA or WIT). */
export function refreshedLine(at: string | null, zone: ZoneName = 'WIB'): string {
  return at ? `Data per pembaruan rekap: ${localTime(at, zone).text}` : 'Rekap belum pernah diperbarui';
}
