import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import {
  decodeText,
  decodeWindows1252,
  detectDelimiter,
  encodeWindows1252,
  excelSerialToIso,
  isDateFormat,
  numberToPlainText,
  parseCsv,
  readTable,
  TableError,
  writeCsv,
} from './table.ts';
import type { Delimiter } from './table.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (text: string): Uint8Array => utf8(`\uFEFF${text}`);

async function tableError(bytes: Uint8Array, name = 'data.csv'): Promise<TableError> {
  try {
    await readTable(bytes, name);
  } catch (e) {
    if (e instanceof TableError) return e;
    throw e;
  }
  throw new Error('readTable did not throw');
}

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('encoding', () => {
  it('reads UTF-8 with a BOM and strips it', async () => {
    const t = await readTable(withBom('Nama;Agama\nJosé;Katolik\n'), 'a.csv');
    expect(t.encoding).toBe('utf-8');
    expect(t.headers).toEqual(['Nama', 'Agama']);
    expect(t.rows).toEqual([['José', 'Katolik']]);
  });

  it('reads UTF-8 without a BOM', async () => {
    const t = await readTable(utf8('Nama;Agama\nSugiharto Ñ;Islam'), 'a.csv');
    expect(t.encoding).toBe('utf-8');
    expect(t.rows).toEqual([['Sugiharto Ñ', 'Islam']]);
  });

  it('falls back to Windows-1252, including the 0x80–0x9F block Node decodes as Latin-1', async () => {
    const bytes = Uint8Array.from([...utf8('Nama,Denda\n'), 0x4a, 0x6f, 0x73, 0xe9, 0x20, 0x4d, 0x61, 0x92, 0x72, 0x75, 0x66, 0x2c, 0x80, 0x35, 0x0a]);
    const t = await readTable(bytes, 'a.csv');
    expect(t.encoding).toBe('windows-1252');
    expect(t.rows).toEqual([['José Ma’ruf', '€5']]);
  });

  it.each([
    [[0xe9], 'é'],
    [[0xd1], 'Ñ'],
    [[0x92], '’'],
    [[0x80], '€'],
    [[0x96, 0x97], '–—'],
    [[0x81, 0x8d], '\u0081\u008d'],
  ])('decodeWindows1252(%j) = %j', (bytes, text) => {
    expect(decodeWindows1252(Uint8Array.from(bytes))).toBe(text);
  });

  it('Windows-1252 encode/decode round-trips every character of the code page', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(decodeWindows1252(encodeWindows1252(all))).toBe(all);
  });

  it('decodeText: a lone 0xE9 is not UTF-8', () => {
    expect(decodeText(Uint8Array.from([0x4a, 0xe9])).encoding).toBe('windows-1252');
    expect(decodeText(utf8('Jé')).encoding).toBe('utf-8');
  });
});

describe('delimiter detection', () => {
  it.each([
    ['No Register;Nama;Tanggal 2/3\n1;2;3', ';'],
    ['No Register,Nama,Tanggal 2/3\n1,2,3', ','],
    ['No Register\tNama\tTanggal 2/3\n1\t2\t3', '\t'],
    ['"Nama, Alias";Agama;Status', ';'],
    ['Nama;Agama,Status', ';'],
    ['DAFTAR WBP LAPAS X, CIPINANG\nNo Register;Nama;Agama\n', ';'],
    ['DAFTAR WBP\n\nNo Register,Nama,Agama\n', ','],
    ['Nama', ';'],
    ['Nama,Agama', ','],
  ] as Array<[string, Delimiter]>)('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('CSV parsing (RFC 4180)', () => {
  it.each([
    ['a;b;c', [['a', 'b', 'c']]],
    ['a;b\r\nc;d\r\n', [['a', 'b'], ['c', 'd']]],
    ['a;b\nc;d', [['a', 'b'], ['c', 'd']]],
    ['a;b\rc;d', [['a', 'b'], ['c', 'd']]],
    ['"a;b";c', [['a;b', 'c']]],
    ['"say ""hi""";c', [['say "hi"', 'c']]],
    ['"line1\nline2";c\nx;y', [['line1\nline2', 'c'], ['x', 'y']]],
    ['a;;', [['a', '', '']]],
    ['a\n\nb', [['a'], [''], ['b']]],
    ['""', [['']]],
    ['ab"c;d', [['ab"c', 'd']]],
    ['"ab"c;d', [['abc', 'd']]],
    ['"unterminated;x', [['unterminated;x']]],
    ['', []],
  ])('parseCsv(%j)', (text, records) => {
    expect(parseCsv(text, ';')).toEqual(records);
  });

  it('quotes only what needs quoting, with CRLF line ends', () => {
    expect(writeCsv([['a', 'b;c', 'say "hi"', ' pad'], ['']], ';')).toBe('a;"b;c";"say ""hi""";" pad"\r\n""\r\n');
  });

  it('round-trips arbitrary cells through writeCsv → parseCsv', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ';', ',', '\t', '"', '\n', '\r', 'é', '’', '1') , maxLength: 12 });
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });
    fc.assert(
      fc.property(rows, fc.constantFrom<Delimiter>(';', ',', '\t'), (records, delimiter) => {
        expect(parseCsv(writeCsv(records, delimiter), delimiter)).toEqual(records);
      }),
    );
  });

  it('round-trips arbitrary unicode cells through writeCsv → parseCsv', () => {
    const rows = fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 10 }), { minLength: 1, maxLength: 5 }), { maxLength: 6 });
    fc.assert(
      fc.property(rows, (records) => {
        expect(parseCsv(writeCsv(records, ';'), ';')).toEqual(records);
      }),
    );
  });

  it('round-trips trimmed cells through writeCsv → bytes → readTable (any delimiter, BOM or not)', async () => {
    const cell = fc
      .string({ unit: fc.constantFrom('a', 'B', ' ', ';', ',', '\t', '"', '\n', 'é', 'Ñ', '’', '7', '-', '/'), maxLength: 10 })
      .map((s) => s.trim());
    const headers = ['No Register', 'Nama', 'Tanggal 2/3'];
    const row = fc.tuple(cell, cell, cell).filter((r) => r.some((c) => c !== ''));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 8 }), fc.constantFrom<Delimiter>(';', ',', '\t'), fc.boolean(), async (rows, delimiter, bom) => {
        const text = writeCsv([headers, ...rows], delimiter);
        const t = await readTable(bom ? withBom(text) : utf8(text), 'x.csv');
        expect(t.delimiter).toBe(delimiter);
        expect(t.headers).toEqual(headers);
        expect(t.rows).toEqual(rows);
      }),
    );
  });
});

describe('readTable: CSV shape', () => {
  it('skips empty lines, trims cells and numbers rows as Excel does', async () => {
    const text = 'No Register ; Nama \r\n\r\n A1 ; Budi \r\n;\r\n"B2";"Siti\r\nAminah"\r\nC3;Rudi\r\n';
    const t = await readTable(utf8(text), 'a.csv');
    expect(t.headers).toEqual(['No Register', 'Nama']);
    expect(t.rows).toEqual([
      ['A1', 'Budi'],
      ['B2', 'Siti\r\nAminah'],
      ['C3', 'Rudi'],
    ]);
    expect(t.headerLine).toBe(1);
    expect(t.lines).toEqual([3, 5, 6]);
  });

  it('skips a title row above the header', async () => {
    const text = 'DATA WBP LAPAS KELAS IIA CONTOH;;;\n;;;\nNo Register;Nama;Agama;Status\nA1;Budi;Islam;Napi\n';
    const t = await readTable(utf8(text), 'a.csv');
    expect(t.headerLine).toBe(3);
    expect(t.headers).toEqual(['No Register', 'Nama', 'Agama', 'Status']);
    expect(t.lines).toEqual([4]);
  });

  it('pads short rows, keeps extra cells, drops empty trailing columns', async () => {
    const t = await readTable(utf8('A;B;C;;\n1;2;;;\n1\n1;2;3;4;\n'), 'a.csv');
    expect(t.headers).toEqual(['A', 'B', 'C', '']);
    expect(t.rows).toEqual([
      ['1', '2', '', ''],
      ['1', '', '', ''],
      ['1', '2', '3', '4'],
    ]);
  });

  it('honours and skips Excel\'s "sep=" hint line', async () => {
    const t = await readTable(utf8('sep=,\r\nNama;Alias,Agama\r\nBudi;Bud,Islam\r\n'), 'a.csv');
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(['Nama;Alias', 'Agama']);
    expect(t.headerLine).toBe(2);
    expect(t.lines).toEqual([3]);
  });

  it('accepts a header without data rows', async () => {
    const t = await readTable(utf8('No Register;Nama\n'), 'a.csv');
    expect(t.rows).toEqual([]);
  });
});

describe('readTable: unreadable files', () => {
  it.each([
    ['empty file', new Uint8Array(0), 'empty'],
    ['only a BOM', Uint8Array.from([0xef, 0xbb, 0xbf]), 'empty'],
    ['only blank lines and separators', utf8('\n ; ;\r\n\n'), 'empty'],
    ['old .xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls_legacy'],
    ['UTF-16 "Unicode Text"', Uint8Array.from([0xff, 0xfe, 0x4e, 0x00, 0x61, 0x00]), 'utf16'],
    ['a binary file', Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x0a, 0x00, 0x01, 0x02]), 'binary'],
    ['a damaged XLSX', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'xlsx_unreadable'],
    ['data without a header', utf8('123;456\n789;1011\n'), 'no_header'],
    ['a header row of dates', utf8('Budi;12-03-1990;Islam\nSiti;01-01-1991;Islam\n'), 'no_header'],
  ])('%s', async (_label, bytes, code) => {
    const e = await tableError(bytes, 'upload.dat');
    expect(e.code).toBe(code);
    expect(e.messageText.id).toContain('upload.dat');
    expect(e.messageText.en).toContain('upload.dat');
    expect(e.messageText.id).not.toBe(e.messageText.en);
  });

  it('an XLSX whose first sheet is empty is empty', async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet('Kosong');
    });
    expect((await tableError(bytes, 'k.xlsx')).code).toBe('empty');
  });
});

describe('readTable: XLSX cell values', () => {
  it('turns every kind of cell into text', async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('Data');
      const other = wb.addWorksheet('Lain');
      other.getCell('A1').value = 'not read';
      ws.getCell('A1').value = 'Judul laporan';
      ws.mergeCells('A1:H1');
      ws.getRow(2).values = ['Tanggal', 'Angka', 'Pecahan', 'Teks kaya', 'Rumus', 'Rumus tanggal', 'Tautan', 'Lainnya'];
      const r = ws.getRow(3);
      r.getCell(1).value = new Date(Date.UTC(2021, 4, 9));
      r.getCell(1).numFmt = 'dd/mm/yyyy';
      r.getCell(2).value = 1234567;
      r.getCell(2).numFmt = '#,##0';
      r.getCell(3).value = 0.1 + 0.2;
      r.getCell(4).value = { richText: [{ text: 'Budi ', font: { bold: true } }, { text: 'Santoso' }] };
      r.getCell(5).value = { formula: 'B3*2', result: 2469134 };
      r.getCell(6).value = { formula: 'A3+1', result: 44326 };
      r.getCell(6).numFmt = 'dd-mm-yyyy';
      r.getCell(7).value = { text: 'SDP', hyperlink: 'https://sdp.example' };
      r.getCell(8).value = true;
      const r4 = ws.getRow(4);
      r4.getCell(1).value = '-';
      r4.getCell(2).value = 44325;
      r4.getCell(3).value = 1e21;
      r4.getCell(5).value = { formula: '1/0', result: { error: '#DIV/0!' } };
      r4.getCell(8).value = '  spaced  ';
    });
    const t = await readTable(bytes, 'wbp.xlsx');
    expect(t.encoding).toBe('xlsx');
    expect(t.delimiter).toBeUndefined();
    expect(t.headerLine).toBe(2);
    expect(t.headers).toEqual(['Tanggal', 'Angka', 'Pecahan', 'Teks kaya', 'Rumus', 'Rumus tanggal', 'Tautan', 'Lainnya']);
    expect(t.rows).toEqual([
      ['2021-05-09', '1234567', '0.3', 'Budi Santoso', '2469134', '2021-05-10', 'SDP', 'TRUE'],
      ['-', '44325', '1000000000000000000000', '', '#DIV/0!', '', '', 'spaced'],
    ]);
    expect(t.lines).toEqual([3, 4]);
  });
});

describe('XLSX helpers', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, null],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [44325, '2021-05-09'],
    [44325.75, '2021-05-09'],
    [45839, '2025-07-01'],
    [0, null],
    [-5, null],
    [3e6, null],
  ])('excelSerialToIso(%d) = %j', (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
  });

  it.each([
    [1234567, '1234567'],
    [0.1 + 0.2, '0.3'],
    [-12.5, '-12.5'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [0, '0'],
  ])('numberToPlainText(%d) = %j', (n, text) => {
    expect(numberToPlainText(n)).toBe(text);
  });

  it.each([
    ['dd-mm-yyyy', true],
    ['d/m/yy', true],
    ['[$-421]dd mmmm yyyy', true],
    ['mmm-yy', true],
    ['General', false],
    ['#,##0', false],
    ['0.00', false],
    ['_-"Rp"* #,##0_-', false],
    ['mm:ss', false],
    ['h:mm', false],
    ['@', false],
    ['', false],
    [undefined, false],
  ])('isDateFormat(%j) = %j', (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });
});
