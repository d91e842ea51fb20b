import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import { computeRunItem } from '../../src/server/modules/remission/compute.ts';
import { loadHolidays } from '../../src/server/modules/wbp/dates.ts';

interface Item { wbpId: number; eligible: boolean; days: number; releasedOnDay: boolean; expiryBefore: string | null; expiryAfter: string | null; reasons: Array<{ id: string }> }
interface Run { id: number; status: string; version: number; counts: { eligible: number; total: number; releasedOnDay: number }; items: Item[] }
interface ErrorBody { error: { code: string; fields: Record<string, string> } }

// Before the 2026 Independence Day occasion.
let t: TestApp;
let head: Client;
const ids: Record<string, number> = {};
beforeAll(async () => {
  t = await createTestApp({ today: '2026-08-10' });
  head = await t.as('kepala.lapas.semarang');
  const add = async (key: string, detentionStart: string, sentence: Record<string, number>, extra: Array<[string, unknown]> = []) => {
    const w = await head.post<{ id: number }>('/api/v1/wbp', { noRegister: `B.I-${key}`, name: `WBP ${key}`, sex: 'L', religion: 'islam', status: 'narapidana', detentionStart });
    ids[key] = w.body.id;
    await head.post(`/api/v1/wbp/${w.body.id}/sentences`, { verdictDate: '2025-06-01', ...sentence });
    for (const [path, body] of extra) await head.post(`/api/v1/wbp/${w.body.id}/${path}`, body);
  };
  // Detained 10 Jan 2025, 3 years: > 12 months served on 17 Aug 2026, first RU = 2 months.
  await add('long', '2025-01-10', { years: 3 });
  // A register F entry in July: not eligible.
  await add('punished', '2025-01-10', { years: 3 }, [['register-f', { date: '2026-07-01', offence: 'Membawa telepon genggam' }]]);
  // Ends on 1 Sep 2026: the remission covers the rest → released on the day (RU II).
  await add('short', '2025-09-01', { years: 1 });
});
afterAll(() => t.close());

describe('remission run', () => {
  let run: Run;

  it('is computed for every sentenced inmate of the UPT, with reasons for those not eligible', async () => {
    const res = await head.post<Run>('/api/v1/remission-runs', { kind: 'umum', occasionDate: '2026-08-17' });
    expect(res.status).toBe(201);
    run = res.body;
    const item = (k: string) => run.items.find((i) => i.wbpId === ids[k])!;
    expect(item('long')).toMatchObject({ eligible: true, days: 60, releasedOnDay: false });
    expect(item('punished').eligible).toBe(false);
    expect(item('punished').reasons[0]!.id).toMatch(/register F/);
    expect(item('short')).toMatchObject({ eligible: true, releasedOnDay: true });
    expect(run.status).toBe('draft');
  });

  it('refuses a date that is no occasion, and a second run for the same occasion', async () => {
    const bad = await head.post<ErrorBody>('/api/v1/remission-runs', { kind: 'umum', occasionDate: '2026-08-18' });
    expect(bad.body.error.fields.occasionDate).toBeTruthy();
    const again = await head.post<ErrorBody>('/api/v1/remission-runs', { kind: 'umum', occasionDate: '2026-08-17' });
    expect(again.body.error.fields.occasionDate).toBeTruthy();
  });

  it('goes UPT → Kanwil → Pusat in order, each by its own role', async () => {
    const op = await t.as('operator.lapas.semarang');
    expect((await op.post<ErrorBody>(`/api/v1/remission-runs/${run.id}/propose`, { version: run.version })).body.error.code).toBe('FORBIDDEN');
    const kanwil = await t.as('kanwil.jateng');
    const early = await kanwil.post<ErrorBody>(`/api/v1/remission-runs/${run.id}/verify`, { version: run.version });
    expect(early.status).toBe(400);
    run = (await head.post<Run>(`/api/v1/remission-runs/${run.id}/propose`, { version: run.version })).body;
    expect(run.status).toBe('proposed');
    const banten = await t.as('kanwil.banten');
    expect((await banten.post<ErrorBody>(`/api/v1/remission-runs/${run.id}/verify`, { version: run.version })).body.error.code).toBe('OUT_OF_SCOPE');
    const noNote = await kanwil.post<ErrorBody>(`/api/v1/remission-runs/${run.id}/verify`, { version: run.version, decision: 'reject' });
    expect(noNote.body.error.fields.note).toBeTruthy();
    run = (await kanwil.post<Run>(`/api/v1/remission-runs/${run.id}/verify`, { version: run.version })).body;
    expect(run.status).toBe('verified');
    const admin = await t.as('admin.pusat');
    const noDecree = await admin.post<ErrorBody>(`/api/v1/remission-runs/${run.id}/approve`, { version: run.version });
    expect(noDecree.body.error.fields.decreeNumber).toBeTruthy();
    const stale = await admin.post<ErrorBody>(`/api/v1/remission-runs/${run.id}/approve`, { version: run.version - 1, decreeNumber: 'PAS-1234.PK.01.05.06 Tahun 2026' });
    expect(stale.status).toBe(409);
  });

  it('applies the grants on approval and moves the inmates’ dates', async () => {
    const admin = await t.as('admin.pusat');
    const before = await head.get<{ calculation: { expiry: string; totalRemissionDays: number } }>(`/api/v1/wbp/${ids.long}`);
    run = (await admin.post<Run>(`/api/v1/remission-runs/${run.id}/approve`, { version: run.version, decreeNumber: 'PAS-1234.PK.01.05.06 Tahun 2026' })).body;
    expect(run.status).toBe('approved');
    const after = await head.get<{ remissions: Array<{ decree_number: string; days: number }>; calculation: { expiry: string; totalRemissionDays: number } }>(`/api/v1/wbp/${ids.long}`);
    expect(after.body.remissions.map((r) => [r.decree_number, r.days])).toEqual([['PAS-1234.PK.01.05.06 Tahun 2026', 60]]);
    expect(after.body.calculation.totalRemissionDays).toBe(before.body.calculation.totalRemissionDays + 60);
    const punished = await head.get<{ remissions: unknown[] }>(`/api/v1/wbp/${ids.punished}`);
    expect(punished.body.remissions).toHaveLength(0);
    const stored = await t.db.one<{ expiry: string }>('SELECT expiry::text AS expiry FROM wbp_dates WHERE wbp_id = $1', [ids.long]);
    expect(stored!.expiry).toBe(after.body.calculation.expiry);
  });

  it('never grants the same occasion twice (bug: a later run counted the grant on file as eligible again)', async () => {
    const item = await computeRunItem(t.db, ids.long!, 'umum', '2026-08-17', await loadHolidays(t.db));
    expect(item).toMatchObject({ eligible: false, days: 0 });
    expect(item!.reasons[0]!.id).toMatch(/sudah diterima/);
    const grants = await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM remission_grant WHERE wbp_id = $1 AND occasion_date = '2026-08-17'`, [ids.long]);
    expect(grants!.n).toBe(1);
  });

  it('records a rejection as a rejection (bug: it was stamped as the verification)', async () => {
    const khusus = await head.post<Run>('/api/v1/remission-runs', { kind: 'khusus', occasionDate: '2026-03-20' });
    expect(khusus.status).toBe(201);
    const proposed = (await head.post<Run>(`/api/v1/remission-runs/${khusus.body.id}/propose`, { version: khusus.body.version })).body;
    const kanwil = await t.as('kanwil.jateng');
    const rejected = (await kanwil.post<Run & { history: Array<{ step: string; by: string | null }> }>(`/api/v1/remission-runs/${proposed.id}/verify`, {
      version: proposed.version, decision: 'reject', note: 'Data register F belum lengkap',
    })).body;
    expect(rejected.status).toBe('rejected');
    expect(rejected.history.find((h) => h.step === 'verified')!.by).toBeNull();
    expect(rejected.history.find((h) => h.step === 'rejected')!.by).toBe('kanwil.jateng');
  });

  it('exports the lists as XLSX and PDF', async () => {
    const x = await t.app.request(`/api/v1/remission-runs/${run.id}/export?format=xlsx`, { headers: { cookie: head.cookie!, host: 'localhost' } });
    expect(x.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.arrayBuffer());
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => texts.push(JSON.stringify(row.values)));
    expect(texts.some((r) => r.includes('B.I-long'))).toBe(true);
    expect(texts.some((r) => r.includes('II (bebas)'))).toBe(true);
    const p = await t.app.request(`/api/v1/remission-runs/${run.id}/export?format=pdf`, { headers: { cookie: head.cookie!, host: 'localhost' } });
    expect(Buffer.from(await p.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
