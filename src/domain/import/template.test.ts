import { describe, expect, it } from 'vitest';
import { suggestMapping, TARGET_FIELDS } from './sdp-mapping.ts';
import { parseSdpRows } from './sdp-rows.ts';
import { readTable, writeCsv } from './table.ts';
import { exampleRows, SDP_TEMPLATE_FIELDS, SDP_TEMPLATE_HEADERS, templateCsv } from './template.ts';

describe('import template', () => {
  it('is UTF-8 with a BOM, `;`-separated, CRLF, header plus one example row', () => {
    const csv = templateCsv();
    expect(csv.startsWith('\uFEFFNo Register;Nama;Jenis Kelamin;Tanggal Lahir;Agama;Status;Tindak Pidana;Tanggal Penahanan;Tanggal Putusan;')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(SDP_TEMPLATE_HEADERS.join(';')).toBe(
      'No Register;Nama;Jenis Kelamin;Tanggal Lahir;Agama;Status;Tindak Pidana;Tanggal Penahanan;Tanggal Putusan;Pidana Tahun;Pidana Bulan;Pidana Hari;Denda (Rp);Subsider (hari);Tanggal Ekspirasi;Tanggal 2/3',
    );
  });

  it('reads back through our own importer with every column recognised and the example accepted', async () => {
    const t = await readTable(new TextEncoder().encode(templateCsv()), 'template.csv');
    expect(t.encoding).toBe('utf-8');
    expect(t.delimiter).toBe(';');
    const mapping = suggestMapping(t.headers);
    const mapped = SDP_TEMPLATE_FIELDS.map((f) => mapping[f]);
    expect(mapped).toEqual(SDP_TEMPLATE_HEADERS.map((_, i) => i));
    expect(TARGET_FIELDS.filter((f) => mapping[f] === null)).toEqual(['sentenceText', 'upt']);
    const result = parseSdpRows(t, mapping, { today: '2025-06-30' });
    expect(result.summary).toEqual({ total: 1, accepted: 1, rejected: 0, skipped: 0 });
  });

  it('exampleRows: deterministic, unique registers, all accepted', async () => {
    expect(exampleRows(5, { seed: 7 })).toEqual(exampleRows(5, { seed: 7 }));
    expect(exampleRows(5, { seed: 7 })).not.toEqual(exampleRows(5, { seed: 8 }));
    const rows = exampleRows(200, { seed: 3, today: '2025-06-30' });
    expect(new Set(rows.map((r) => r[0])).size).toBe(200);
    const bytes = new TextEncoder().encode(writeCsv([[...SDP_TEMPLATE_HEADERS], ...rows], ';'));
    const t = await readTable(bytes, 'contoh.csv');
    const result = parseSdpRows(t, suggestMapping(t.headers), { today: '2025-06-30' });
    const rejected = result.rows.filter((r) => !r.ok);
    expect(rejected).toEqual([]);
    expect(result.summary.accepted).toBe(200);
  });
});
