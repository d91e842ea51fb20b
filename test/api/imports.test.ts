import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import type { ImportBatch, ImportPreview } from '../../src/shared/schemas/imports.ts';

interface ErrorBody { error: { code: string; fields: Record<string, string> } }

const FIXTURE = 'test/fixtures/sdp/sdp-export-semicolon-utf8bom.csv';
let t: TestApp;
let op: Client;
beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' });
  op = await t.as('operator.lapas.semarang');
});
afterAll(() => t.close());

const upload = (c: Client, bytes: Uint8Array | string, name: string) =>
  c.upload<ImportPreview & ErrorBody>('/api/v1/imports/sdp/preview', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));

const wbpCount = async () => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM wbp`))!.n;

describe('SDP import', () => {
  it('previews a file: suggested mapping, row outcomes and the rejected lines with reasons', async () => {
    const p = await upload(op, readFileSync(FIXTURE), 'export.csv');
    expect(p.status).toBe(200);
    expect(p.body.mappingProblems).toEqual([]);
    // Line 17's detention start (20-07-2025) is in the past on 25 Nov 2026, so only 4 lines fail.
    expect(p.body.summary).toMatchObject({ accepted: 17, rejected: 4, new: 17, changed: 0, unchanged: 0 });
    expect(p.body.rejected.map((r) => r.line)).toEqual([7, 8, 9, 10]);
    expect(p.body.rejected[0]!.errors[0]!.message.length).toBeGreaterThan(5);
  });

  it('warns before it writes a contradiction: expiry already past, sex or age against the unit; the warnings stay in the batch report', async () => {
    const csv = [
      'NO_REGISTER;NAMA_WBP;JNS_KELAMIN;TGL_LAHIR;AGAMA;STATUS_WBP;TINDAK_PIDANA;TGL_DITAHAN;TGL_PUTUSAN;PIDANA_TAHUN;PIDANA_BULAN;PIDANA_HARI',
      'W.1/2026;TANPA MASALAH;L;01-01-1980;Islam;Narapidana;Pencurian;01-01-2026;01-03-2026;3;0;0',
      'W.2/2026;SUDAH LEWAT;L;01-01-1980;Islam;Narapidana;Pencurian;01-01-2025;01-02-2025;1;0;0',
      'W.3/2026;WANITA DI LAPAS PRIA;P;01-01-1985;Islam;Narapidana;Pencurian;01-01-2026;01-03-2026;3;0;0',
      'W.4/2026;ANAK DI LAPAS;L;01-06-2010;Islam;Narapidana;Pencurian;01-01-2026;01-03-2026;3;0;0',
    ].join('\n');
    const p = await upload(op, csv, 'warnings.csv');
    expect(p.status).toBe(200);
    expect(p.body.summary).toMatchObject({ accepted: 4, rejected: 0 });
    // Lapas Kelas I Semarang is a men's Lapas; "today" is 25 Nov 2026; a 1-year term from 1 Jan 2025 ended on 31 Dec 2025.
    expect(p.body.warnings.map((w) => [w.noRegister, w.field])).toEqual([['W.2/2026', 'expiryDate'], ['W.3/2026', 'sex'], ['W.4/2026', 'birthDate']]);
    expect(p.body.warnings[0]!.message).toMatch(/overstay/);
    // Warnings do not block; applying keeps them in the row report.
    const applied = await op.post<ImportBatch & { id: number }>(`/api/v1/imports/sdp/${p.body.uploadId}/apply`, { mapping: p.body.mapping });
    expect(applied.status).toBe(200);
    const report = (await t.db.one<{ report: Array<{ noRegister: string; warnings: string[] }> }>('SELECT report FROM import_batch WHERE id = $1', [applied.body.id]))!.report;
    expect(report.find((r) => r.noRegister === 'W.2/2026')!.warnings[0]).toMatch(/^expiryDate: /);
    expect(report.find((r) => r.noRegister === 'W.1/2026')!.warnings).toEqual([]);
  });

  it('refuses to apply a file with rejected rows unless told to skip them, changing nothing', async () => {
    const p = await upload(op, readFileSync(FIXTURE), 'export.csv');
    const before = await wbpCount();
    const res = await op.post<ErrorBody>(`/api/v1/imports/sdp/${p.body.uploadId}/apply`, { mapping: p.body.mapping });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.file).toBeTruthy();
    expect(await wbpCount()).toBe(before);
  });

  it('applies the valid rows in one go, and re-importing the same file changes nothing', async () => {
    const p = await upload(op, readFileSync(FIXTURE), 'export.csv');
    const first = await op.post<ImportBatch>(`/api/v1/imports/sdp/${p.body.uploadId}/apply`, { mapping: p.body.mapping, skipRejected: true });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rowsCreated: 17, rowsUpdated: 0, rowsRejected: 4 });
    // SDP's expiry leaves out the unpaid fine's subsidiary term; the engine adds it: shown, not hidden.
    expect(first.body.expiryMismatches.find((m) => m.noRegister === 'BI.0001/2021')).toMatchObject({ sdp: '2026-11-09' });
    const count = await wbpCount();
    const versions = await t.db.query('SELECT id, version FROM wbp ORDER BY id');

    const again = await upload(op, readFileSync(FIXTURE), 'export-again.csv');
    expect(again.body.summary).toMatchObject({ new: 0, changed: 0, unchanged: 17 });
    const second = await op.post<ImportBatch>(`/api/v1/imports/sdp/${again.body.uploadId}/apply`, { mapping: again.body.mapping, skipRejected: true });
    expect(second.body).toMatchObject({ rowsCreated: 0, rowsUpdated: 0, rowsUnchanged: 17 });
    expect(await wbpCount()).toBe(count);
    expect(await t.db.query('SELECT id, version FROM wbp ORDER BY id')).toEqual(versions);
  });

  it('updates only the rows that changed, and lists the row-by-row report', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const lines = text.split(/\r?\n/);
    // Change the name on the first data line.
    const cells = lines[1]!.split(';');
    cells[1] = `${cells[1]} Baru`;
    lines[1] = cells.join(';');
    const p = await upload(op, lines.join('\r\n'), 'changed.csv');
    expect(p.body.summary).toMatchObject({ changed: 1, unchanged: 16 });
    const res = await op.post<ImportBatch>(`/api/v1/imports/sdp/${p.body.uploadId}/apply`, { mapping: p.body.mapping, skipRejected: true });
    expect(res.body.rowsUpdated).toBe(1);
    const report = await t.app.request(`/api/v1/imports/${res.body.id}/report`, { headers: { cookie: op.cookie!, host: 'localhost' } });
    const csv = await report.text();
    expect(csv.split('\r\n').filter((l) => l.includes(';changed;'))).toHaveLength(1);
    expect(csv.split('\r\n').filter((l) => l.includes(';rejected;'))).toHaveLength(4);
  });

  it('refuses an unreadable file with a field error', async () => {
    const p = await upload(op, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), 'foto.png');
    expect(p.status).toBe(400);
    expect(p.body.error.fields.file).toBeTruthy();
  });

  it('keeps an upload to its own UPT', async () => {
    const p = await upload(op, readFileSync(FIXTURE), 'export.csv');
    const other = await t.as('operator.lapas.tangerang');
    const res = await other.post<ErrorBody>(`/api/v1/imports/sdp/${p.body.uploadId}/apply`, { mapping: p.body.mapping, skipRejected: true });
    expect(res.body.error.code).toBe('OUT_OF_SCOPE');
  });

  it('serves a template that the importer reads back without problems', async () => {
    const res = await t.app.request('/api/v1/imports/sdp/template', { headers: { cookie: op.cookie!, host: 'localhost' } });
    const p = await upload(op, new Uint8Array(await res.arrayBuffer()), 'templat.csv');
    expect(p.body.mappingProblems).toEqual([]);
    expect(p.body.summary.rejected).toBe(0);
  });
});
