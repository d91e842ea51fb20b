import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writePdf } from './pdf.ts';
import { writeXlsx } from './xlsx.ts';
import type { ExportTable } from './table.ts';
import { hasPdftotext, pdfPages } from '../../../test/support/office.ts';

const table: ExportTable = {
  title: 'Daftar Uji',
  subtitle: ['Lapas Kelas I Semarang'],
  columns: [
    { header: 'No Register', key: 'no', width: 18 },
    { header: 'Tanggal', key: 'date', kind: 'date', width: 12 },
    { header: 'Hari', key: 'days', kind: 'integer', width: 8 },
  ],
  rows: [
    { no: 'B.I-1/2026', date: '2026-08-17', days: 30 },
    { no: 'B.I-2/2026', date: null, days: 1234 },
  ],
};

describe('exports', () => {
  it('writes an XLSX whose dates are real dates on the right day and numbers are numbers', async () => {
    const buf = await writeXlsx(table);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values: unknown[][] = [];
    ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const header = values.findIndex((r) => r[0] === 'No Register');
    expect(header).toBeGreaterThan(0);
    const first = values[header + 1]!;
    expect(first[0]).toBe('B.I-1/2026');
    expect((first[1] as Date).toISOString().slice(0, 10)).toBe('2026-08-17');
    expect(values[header + 2]![2]).toBe(1234);
  });

  it('writes a PDF', async () => {
    const buf = await writePdf(table);
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(buf.length).toBeGreaterThan(2000);
  });
});

describe('PDF closing block', () => {
  // 20 to 36 rows cover the table ending high, low and just at the bottom of page 1.
  it.skipIf(!hasPdftotext)('never leaves the note and the approval block alone on a page', async () => {
    for (let n = 20; n <= 36; n++) {
      const rows = Array.from({ length: n }, (_, i) => ({ no: `ROW-${i}`, date: '2026-08-17', days: i }));
      const pdf = await writePdf(
        { ...table, rows, footnote: 'Catatan satu\nCatatan dua\nCatatan tiga', signatories: [{ role: 'Kepala UPT', name: 'Budi Santoso', nip: '197001012000031001', position: 'Kepala Lapas', place: 'Semarang', date: '07-12-2026' }] },
        { landscape: true },
      );
      const pages = await pdfPages(pdf);
      for (const p of pages) expect(p, `${n} rows`).toMatch(/ROW-/);
      expect(pages.at(-1), `${n} rows`).toContain('NIP 197001012000031001');
      expect(pages.join('').match(/ROW-/g)?.length, `${n} rows`).toBe(n);
    }
  }, 60_000);
});
