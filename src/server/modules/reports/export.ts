import { writePdf } from '../../exports/pdf.ts';
import { DEFAULT_LETTERHEAD, dmy, type ExportTable } from '../../exports/table.ts';
import { writeXlsx } from '../../exports/xlsx.ts';
import { displayValue, type ReportFigures } from './figures.ts';

const LIGHT = { green: 'Hijau (tercapai)', amber: 'Kuning (hampir)', red: 'Merah (tertinggal)', none: '–' } as Record<string, string>;
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
      month: displayValue(l.month, l),
      toDate: displayValue(l.toDate, l),
      target: displayValue(l.target, l),
      attainment: l.attainmentBp === null ? '–' : (l.attainmentBp / 100).toFixed(2),
      light: LIGHT[l.light] ?? l.light,
    })),
    footnote,
  };
}

export async function writeFile(t: ExportTable, format: 'xlsx' | 'pdf', base: string) {
  const safe = base.replace(/[^A-Za-z0-9._-]+/g, '-');
  return format === 'xlsx'
    ? { body: await writeXlsx(t), name: `${safe}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
    : { body: await writePdf(t, { landscape: true }), name: `${safe}.pdf`, contentType: 'application/pdf' };
}

export function refreshedLine(at: string | null): string {
  return at ? `Data per pembaruan rekap: ${dmy(at.slice(0, 10))} ${at.slice(11, 16)} UTC` : 'Rekap belum pernah diperbarui';
}
