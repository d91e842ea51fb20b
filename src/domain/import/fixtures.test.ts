/**
 * The committed SDP export fixtures (test/fixtures/sdp, made by generate.ts there) parse with
 * exactly the expected accepted and rejected lines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestMapping, TARGET_FIELDS } from './sdp-mapping.ts';
import type { TargetField } from './sdp-mapping.ts';
import { parseSdpRows } from './sdp-rows.ts';
import type { SdpInmateRow, SdpParseResult } from './sdp-rows.ts';
import { readTable } from './table.ts';
import type { Table } from './table.ts';

const TODAY = '2025-06-30';

async function load(name: string): Promise<{ table: Table; result: SdpParseResult }> {
  const bytes = new Uint8Array(readFileSync(new URL(`../../../test/fixtures/sdp/${name}`, import.meta.url)));
  const table = await readTable(bytes, name);
  return { table, result: parseSdpRows(table, suggestMapping(table.headers), { today: TODAY }) };
}

function accepted(result: SdpParseResult): Map<number, SdpInmateRow> {
  return new Map(result.rows.flatMap((r) => (r.ok ? [[r.line, r.value] as const] : [])));
}

function rejected(result: SdpParseResult): Record<number, TargetField[]> {
  return Object.fromEntries(result.rows.flatMap((r) => (r.ok ? [] : [[r.line, r.errors.map((e) => e.field)]])));
}

function unmapped(table: Table): TargetField[] {
  const m = suggestMapping(table.headers);
  return TARGET_FIELDS.filter((f) => m[f] === null);
}

describe('fixture: `;` UTF-8 with BOM, SDP column names', () => {
  it('reads as UTF-8 `;` and maps every column', async () => {
    const { table } = await load('sdp-export-semicolon-utf8bom.csv');
    expect([table.encoding, table.delimiter, table.headerLine]).toEqual(['utf-8', ';', 1]);
    expect(table.headers[0]).toBe('NO_REGISTER');
    expect(unmapped(table)).toEqual(['sentenceText']);
  });

  it('accepts and rejects exactly the expected lines', async () => {
    const { result } = await load('sdp-export-semicolon-utf8bom.csv');
    expect(rejected(result)).toEqual({ 7: ['birthDate'], 8: ['name'], 9: ['noRegister'], 10: ['sentenceMonths'], 17: ['detentionStart'] });
    expect([...accepted(result).keys()]).toEqual([2, 3, 4, 5, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 23]);
    expect(result.summary).toEqual({ total: 21, accepted: 16, rejected: 5, skipped: 0 });
    expect(result.duplicates).toEqual([{ noRegister: 'BI.0001/2021', lines: [2, 9] }]);
  });

  it('keeps quoted delimiters, doubled quotes and line breaks inside quotes', async () => {
    const rows = accepted((await load('sdp-export-semicolon-utf8bom.csv')).result);
    expect(rows.get(2)?.crimeRaw).toBe('Narkotika; UU 35/2009 Pasal 112');
    expect(rows.get(2)?.fineRupiah).toBe(1_000_000_000);
    expect(rows.get(2)?.subsidiaryDays).toBe(90);
    expect(rows.get(4)?.name).toBe('AHMAD "GONDRONG" SULAIMAN');
    expect(rows.get(4)?.status).toBe('tahanan');
    expect(rows.get(5)?.crimeRaw).toBe('Tipikor (UU 31/1999 jo. UU 20/2001)');
    expect(rows.get(5)?.crimeCategory).toBe('korupsi');
    expect(rows.get(3)?.birthDate).toBe('1990-07-01');
    expect(rows.get(2)?.twoThirdsDate).toBe('2025-01-09');
    expect(rows.get(2)?.upt).toBe('Lapas Kelas I Cipinang');
  });
});

describe('fixture: `,` Windows-1252', () => {
  it('reads as Windows-1252 `,` and maps every column', async () => {
    const { table } = await load('sdp-export-comma-windows1252.csv');
    expect([table.encoding, table.delimiter]).toEqual(['windows-1252', ',']);
    expect(unmapped(table)).toEqual(['sentenceYears', 'sentenceMonths', 'sentenceDays', 'upt']);
  });

  it('accepts and rejects exactly the expected lines', async () => {
    const { result } = await load('sdp-export-comma-windows1252.csv');
    expect(rejected(result)).toEqual({ 8: ['birthDate'], 9: ['name'], 10: ['noRegister'], 11: ['sentenceText'], 20: ['verdictDate'] });
    expect(result.summary).toEqual({ total: 20, accepted: 15, rejected: 5, skipped: 0 });
  });

  it('decodes accented names, including the 0x92 apostrophe', async () => {
    const rows = accepted((await load('sdp-export-comma-windows1252.csv')).result);
    expect(rows.get(2)?.name).toBe('José Manuel da Silva');
    expect(rows.get(3)?.name).toBe('Sugiharto Ñ');
    expect(rows.get(4)?.name).toBe('Ma’ruf Hidayat');
    expect(rows.get(6)?.name).toBe('Hernández, Carlos');
  });

  it('reads sentence texts, life and death', async () => {
    const rows = accepted((await load('sdp-export-comma-windows1252.csv')).result);
    expect(rows.get(5)?.sentence).toEqual({ years: 2, months: 6, days: 0, life: false, death: false });
    expect(rows.get(6)?.sentence?.life).toBe(true);
    expect(rows.get(6)?.fineRupiah).toBe(10_000_000_000);
    expect(rows.get(7)?.sentence?.death).toBe(true);
    expect(rows.get(15)?.sentence).toEqual({ years: 2, months: 6, days: 0, life: false, death: false });
    expect(rows.get(17)?.subsidiaryDays).toBe(45);
    expect(rows.get(13)?.sentence).toBeNull();
  });
});

describe('fixture: XLSX', () => {
  it('finds the header under the merged title and maps every column', async () => {
    const { table } = await load('sdp-export.xlsx');
    expect([table.encoding, table.headerLine]).toEqual(['xlsx', 3]);
    expect(unmapped(table)).toEqual(['sentenceText', 'upt']);
  });

  it('accepts and rejects exactly the expected lines (Excel row numbers)', async () => {
    const { result } = await load('sdp-export.xlsx');
    expect(rejected(result)).toEqual({ 8: ['birthDate'], 11: ['name'], 14: ['noRegister'], 17: ['sentenceMonths'], 20: ['name'] });
    expect(result.summary).toEqual({ total: 20, accepted: 15, rejected: 5, skipped: 0 });
  });

  it('reads real dates, serial numbers, formula results, rich text and "-"', async () => {
    const rows = accepted((await load('sdp-export.xlsx')).result);
    const first = rows.get(4);
    expect(first?.birthDate).toBe('1982-02-14'); // a real Excel date
    expect(first?.detentionStart).toBe('2021-03-01'); // a serial number stored as a number
    expect(first?.verdictDate).toBe('2021-09-01'); // text
    expect(first?.expiryDate).toBe('2025-03-01'); // a real Excel date
    expect(first?.twoThirdsDate).toBe('2023-11-01'); // a formula with a cached date result
    expect(first?.fineRupiah).toBe(800_000_000); // a number formatted #,##0
    expect(first?.subsidiaryDays).toBe(90); // "3" under "Subsider (bulan)"
    expect(rows.get(5)?.name).toBe('Lestari Wulandari'); // rich text
    expect(rows.get(6)?.expiryDate).toBeNull(); // '-'
    expect(rows.get(6)?.sentence).toBeNull();
    expect(rows.get(18)?.birthDate).toBe('1996-02-29');
  });
});
