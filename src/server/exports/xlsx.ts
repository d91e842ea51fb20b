import ExcelJS from 'exceljs';
import { DEFAULT_LETTERHEAD, isNumberCell, XLSX_FORMATS, type ExportTable } from './table.ts';

/**
 * An XLSX that opens cleanly in Excel and LibreOffice: letterhead and title rows, a bold frozen
 * header with filters, real dates and numbers (not text) so officers can sort and sum.
 */
export async function writeXlsx(t: ExportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Giatja';
  wb.created = new Date();
  const ws = wb.addWorksheet((t.sheetName ?? t.title).replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  const head = [...(t.letterhead ?? DEFAULT_LETTERHEAD), t.title, ...(t.subtitle ?? [])];
  head.forEach((text, i) => {
    const row = ws.addRow([text]);
    row.font = { bold: i < head.length - (t.subtitle?.length ?? 0), size: i === head.length - 1 - (t.subtitle?.length ?? 0) ? 13 : 11 };
    ws.mergeCells(row.number, 1, row.number, Math.max(1, t.columns.length));
  });
  ws.addRow([]);
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? 16;
    if (c.kind === 'date') col.numFmt = 'dd-mm-yyyy';
    if (c.kind === 'integer') col.numFmt = '#,##0';
    if (c.kind === 'rupiah') col.numFmt = '"Rp" #,##0';
  });
  for (const r of t.rows) {
    const row = ws.addRow(
      t.columns.map((c) => {
        const v = r[c.key];
        if (v === null || v === undefined || v === '') return null;
        if (isNumberCell(v)) return v.n;
        // A calendar date as a UTC midnight: Excel shows the same day in every time zone.
        if (c.kind === 'date' && typeof v === 'string') return new Date(`${v.slice(0, 10)}T00:00:00Z`);
        return v;
      }),
    );
    t.columns.forEach((c, i) => {
      const v = r[c.key];
      if (isNumberCell(v)) row.getCell(i + 1).numFmt = XLSX_FORMATS[v.format];
    });
  }
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  ws.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: t.columns.length } };
  if (t.footnote) ws.addRow([]).getCell(1).value = t.footnote;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
