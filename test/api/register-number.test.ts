import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerKey, REGISTER_SEPARATORS } from '../../src/domain/wbp/register-number.ts';
import { loadMigrations } from '../../src/server/db/migrate.ts';
import type { ImportBatch, ImportPreview } from '../../src/shared/schemas/imports.ts';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import { freshDatabase } from '../support/database.ts';

interface ErrorBody { error: { code: string; fields: Record<string, string> } }

const FIXTURE = 'test/fixtures/sdp/sdp-export-semicolon-utf8bom.csv';
let t: TestApp;
let op: Client;
beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' });
  op = await t.as('operator.lapas.semarang');
});
afterAll(() => t.close());

async function importFile(text: string, name: string) {
  const preview = (await op.upload<ImportPreview>('/api/v1/imports/sdp/preview', new File([text], name))).body;
  const applied = await op.post<ImportBatch>(`/api/v1/imports/sdp/${preview.uploadId}/apply`, { mapping: preview.mapping, skipRejected: true });
  expect(applied.status).toBe(200);
  return { preview, batch: applied.body };
}

/** The fixture with every register number re-spelt: lower case, spaces around the punctuation. */
function respelt(text: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.replace(/^([^;]*)/, (reg) => ` ${reg.toLowerCase().replace(/([./])/g, ' $1 ')}\u00a0`)))
    .join('\n');
}

const inmates = () => t.db.query<{ id: number; no_register: string }>('SELECT id, no_register FROM wbp ORDER BY id');

describe('One register number', () => {
  it('the database key (no_register_key) is the domain key, for listed and generated spellings', async () => {
    const listed = ['BI.123/2024', ' bi. 123 / 2024 ', 'ＢＩ１２３', `a${REGISTER_SEPARATORS}b`, 'B\u00a0I\u3000-1', 'é-ß-ı', '', 'x\u0301y'];
    const generated = fc.sample(fc.string({ unit: fc.oneof(fc.constantFrom(...REGISTER_SEPARATORS, '\u00a0', 'a', 'B', '.', '/'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 20 }), { numRuns: 300, seed: 20261207 });
    const spellings = [...listed, ...generated];
    const rows = await t.db.query<{ key: string }>('SELECT no_register_key(s) AS key FROM unnest($1::text[]) WITH ORDINALITY AS u(s, n) ORDER BY n', [spellings]);
    expect(rows.map((r) => r.key)).toEqual(spellings.map(registerKey));
  });

  it('a re-import that changes only case and spacing creates no second inmate', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const first = await importFile(text, 'export.csv');
    expect(first.batch.rowsCreated).toBe(17);
    const before = await inmates();

    const again = await importFile(respelt(text), 'export-respelt.csv');
    // The same 17 people; their spelling changed, so each row is an update, none a creation.
    expect(again.preview.summary).toMatchObject({ accepted: 17, new: 0, changed: 17 });
    expect(again.batch).toMatchObject({ rowsCreated: 0, rowsUpdated: 17 });
    const after = await inmates();
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    // SDP's current spelling is kept beside the key.
    expect(after.find((r) => r.id === before[0]!.id)!.no_register).toBe('bi . 0001 / 2021');

    // Back to the first spelling: again no one new.
    const back = await importFile(text, 'export-back.csv');
    expect(back.batch).toMatchObject({ rowsCreated: 0, rowsUpdated: 17 });
    expect((await inmates()).map((r) => r.id)).toEqual(before.map((r) => r.id));
  });

  it('manual entry refuses a register number that differs only in case or spacing', async () => {
    const person = { name: 'Andi Saputra', sex: 'L', birthDate: null, religion: 'islam', status: 'tahanan', crimeCategory: null, crimeRaw: null, specialCrimes: [], detentionStart: null, admittedOn: null, verdictDocument: false };
    const count = (await inmates()).length;
    const res = await op.post<ErrorBody>('/api/v1/wbp', { ...person, noRegister: 'b i.0001/2021' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['noRegister']);
    const blank = await op.post<ErrorBody>('/api/v1/wbp', { ...person, noRegister: '\u200b' });
    expect(blank.status).toBe(400);
    expect(Object.keys(blank.body.error.fields)).toEqual(['noRegister']);
    expect((await inmates()).length).toBe(count);
    const other = await op.post<{ id: number }>('/api/v1/wbp', { ...person, noRegister: 'BI.0001/2022' });
    expect(other.status).toBe(201); // the same body with a new number is accepted
  });

  it('the unique index holds the key: a direct insert of another spelling is refused', async () => {
    const w = await t.db.one<{ upt_id: number; kanwil_id: number }>('SELECT upt_id, kanwil_id FROM wbp LIMIT 1');
    await expect(
      t.db.query(`INSERT INTO wbp (upt_id, kanwil_id, no_register, name, name_search, status, source) VALUES ($1, $2, 'BI.0001 /2021', 'X', 'x', 'tahanan', 'manual')`, [w!.upt_id, w!.kanwil_id]),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('search, allocation and enrolment find the inmate under any spelling', async () => {
    const found = await op.get<{ items: Array<{ noRegister: string }> }>(`/api/v1/wbp?q=${encodeURIComponent('bi. 0001 / 2021')}`);
    expect(found.body.items.map((i) => i.noRegister)).toEqual(['BI.0001/2021']);
    const literal = await op.get<{ items: unknown[] }>(`/api/v1/wbp?q=${encodeURIComponent('BI_0001')}`);
    expect(literal.body.items).toEqual([]); // _ is not a wildcard: BI.0001 does not match

    const activity = await op.post<{ id: number }>('/api/v1/work/activities', { name: 'Jahit', category: 'jasa', placeKind: 'other', capacity: 5, weekdays: [1, 2, 3, 4, 5], sessions: ['pagi'] });
    expect(activity.status).toBe(201);
    const alloc = await op.post<{ notFound: string[] }>(`/api/v1/work/activities/${activity.body.id}/allocations`, { noRegisters: 'bi.0001/2021\nBI . 0001 / 2021\nBI.9999/2021', startDate: '2026-11-20' });
    expect(alloc.status).toBe(200);
    expect(alloc.body.notFound).toEqual(['BI.9999/2021']);

    const programme = await op.post<{ id: number }>('/api/v1/training/programmes', {
      name: 'Pelatihan Menjahit', skill: 'Menjahit', scheme: 'Penjahit Pakaian', providerKind: 'blk', providerName: 'BLK Semarang',
      lessonHours: 80, startDate: '2026-12-01', endDate: '2026-12-20', capacity: 5, costRupiah: 5_000_000, fundedBy: 'dipa',
    });
    expect(programme.status).toBe(201);
    const enrol = await op.post<{ enrolled: unknown[]; notEligible: unknown[]; notFound: string[] }>(`/api/v1/training/programmes/${programme.body.id}/participants`, { noRegisters: 'bi.0001/2021; B I . 0 0 0 1 / 2 0 2 1' });
    expect(enrol.status).toBe(200);
    expect(enrol.body.notFound).toEqual([]);
    expect(enrol.body.enrolled.length + enrol.body.notEligible.length).toBe(1); // one person, found once
  });
});

describe('Migration 0017 on a database that already holds colliding spellings', () => {
  it('stops and names them, changing nothing', async () => {
    const fresh = await freshDatabase();
    try {
      const all = loadMigrations();
      const target = all.find((m) => m.name.startsWith('0017_'))!;
      for (const m of all.slice(0, all.indexOf(target))) await fresh.db.query(m.sql);
      await fresh.db.query(`INSERT INTO kanwil (id, name, raw_name) VALUES (1, 'Kanwil Uji', 'Uji')`);
      await fresh.db.query(`INSERT INTO upt (id, kanwil_id, name, raw_name, type, source) VALUES (7, 1, 'Lapas Uji', 'Lapas Uji', 'lapas', 'uji')`);
      await fresh.db.query(
        `INSERT INTO wbp (id, upt_id, kanwil_id, no_register, name, name_search, status, source) VALUES
           (10, 7, 1, 'BI.1/2020', 'A', 'a', 'tahanan', 'manual'), (11, 7, 1, 'bi. 1/2020', 'A', 'a', 'tahanan', 'manual'),
           (12, 7, 1, 'BI.2/2020', 'B', 'b', 'tahanan', 'manual')`,
      );
      const err = await fresh.db.tx((tx) => tx.query(target.sql)).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toContain('1 group(s)');
      expect((err as Error).message).toContain('UPT 7: #10 "BI.1/2020", #11 "bi. 1/2020"');
      expect((err as Error).message).not.toContain('#12');
      const cols = await fresh.db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'wbp' AND column_name = 'no_register_key'`);
      expect(cols).toEqual([]);
    } finally {
      await fresh.drop();
    }
  });
});
