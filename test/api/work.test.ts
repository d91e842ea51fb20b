import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';

interface ErrorBody { error: { code: string; fields: Record<string, string> } }
interface Sheet { version: number | null; rows: Array<{ wbpId: number; reason: string | null; paid: boolean | null }> }
interface Ledger { balanceRupiah: number; entries: Array<{ id: number; kind: string; amountRupiah: number; reversed: boolean; runningBalance: number }> }

let t: TestApp;
let op: Client;
let head: Client;
let activityId = 0;
const wbp: Record<string, number> = {};
beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' });
  await t.db.query(`INSERT INTO premi_floor (effective_from, rupiah_per_day) VALUES ('2026-01-01', 5000)`);
  op = await t.as('operator.lapas.semarang');
  head = await t.as('kepala.lapas.semarang');
  for (const [key, status] of [['a', 'narapidana'], ['b', 'narapidana'], ['c', 'narapidana'], ['d', 'narapidana'], ['t', 'tahanan']] as const) {
    const res = await op.post<{ id: number }>('/api/v1/wbp', { noRegister: `K-${key}`, name: `Pekerja ${key.toUpperCase()}`, sex: 'L', religion: 'islam', status });
    wbp[key] = res.body.id;
  }
});
afterAll(() => t.close());

describe('work activity, allocation, attendance and premi', () => {
  it('creates an activity with a dated pay rule, never below the floor', async () => {
    const res = await op.post<{ id: number }>('/api/v1/work/activities', {
      name: 'Konveksi', category: 'industri', placeKind: 'workshop', placeName: 'Bengkel kerja 1', capacity: 3, weekdays: [1, 2, 3, 4, 5, 6], sessions: ['pagi'],
    });
    expect(res.status).toBe(201);
    activityId = res.body.id;
    const rule = await op.post<{ payRules: unknown[]; payHistory: Array<{ id: string }> }>(`/api/v1/work/activities/${activityId}/pay-rules`, { effectiveFrom: '2026-11-01', kind: 'daily', rateRupiah: 15000 });
    expect(rule.status).toBe(201);
    expect(rule.body.payHistory.length).toBe(1);
    const low = await op.post<ErrorBody>(`/api/v1/work/activities/${activityId}/pay-rules`, { effectiveFrom: '2026-12-01', kind: 'daily', rateRupiah: 1000 });
    expect(low.status).toBe(400);
    expect(low.body.error.fields.rateRupiah).toMatch(/minimum|5\.000/);
  });

  it('keeps a sick inmate out of work', async () => {
    const res = await op.post<{ id: number; version: number }>('/api/v1/wbp', { noRegister: 'K-s', name: 'Pekerja Sakit', sex: 'L', religion: 'islam', status: 'narapidana' });
    await op.patch(`/api/v1/wbp/${res.body.id}`, { version: res.body.version, flags: ['sakit'], premiAccount: 'BRI 1234-5678' });
    const a = await op.post<{ notEligible: Array<{ noRegister: string }> }>(`/api/v1/work/activities/${activityId}/allocations`, { noRegisters: 'K-s', startDate: '2026-11-20' });
    expect(a.body.notEligible.map((n) => n.noRegister)).toEqual(['K-s']);
  });

  it('allocates from a pasted list: allocated, waiting list, not found, not eligible with reasons', async () => {
    const res = await op.post<{ allocated: unknown[]; waitlisted: unknown[]; notFound: string[]; notEligible: Array<{ noRegister: string; reasons: string[] }> }>(
      `/api/v1/work/activities/${activityId}/allocations`,
      { noRegisters: 'K-a\nk-b, K-c;K-d\nK-t\nK-zzz\nK-a', startDate: '2026-11-20' },
    );
    expect(res.status).toBe(200);
    expect(res.body.allocated).toHaveLength(3);
    expect(res.body.waitlisted).toHaveLength(1);
    expect(res.body.notFound).toEqual(['K-zzz']);
    expect(res.body.notEligible.map((n) => n.noRegister)).toEqual(['K-t']);
    expect(res.body.notEligible[0]!.reasons.length).toBeGreaterThan(0);
  });

  let sheet: Sheet;
  it('saves "all present except" once, however often the request is resent', async () => {
    const body = { date: '2026-11-24', session: 'pagi', clientKey: 'sheet-key-0001', exceptions: [{ wbpId: wbp.b, reason: 'sakit' }] };
    const first = await op.request<Sheet>('PUT', `/api/v1/work/activities/${activityId}/attendance`, body);
    expect(first.status).toBe(200);
    sheet = first.body;
    expect(sheet.rows.filter((r) => r.reason === 'hadir')).toHaveLength(2);
    const premiCount = async () => (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM premi_entry'))!.n;
    const before = await premiCount();
    const again = await op.request<Sheet>('PUT', `/api/v1/work/activities/${activityId}/attendance`, body);
    expect(again.body.version).toBe(sheet.version);
    expect(await premiCount()).toBe(before);
    const ledger = await op.get<Ledger>(`/api/v1/premi/wbp/${wbp.a}`);
    expect(ledger.body.balanceRupiah).toBe(15000);
  });

  it('corrects a sheet by reversal in the premi ledger, and refuses a stale correction', async () => {
    const res = await op.request<Sheet>('PUT', `/api/v1/work/activities/${activityId}/attendance`, {
      date: '2026-11-24', session: 'pagi', clientKey: 'sheet-key-0002', version: sheet.version, exceptions: [{ wbpId: wbp.a, reason: 'menolak' }],
    });
    expect(res.status).toBe(200);
    const a = await op.get<Ledger>(`/api/v1/premi/wbp/${wbp.a}`);
    expect(a.body.entries.map((e) => [e.kind, e.amountRupiah])).toEqual([['earning', 15000], ['reversal', -15000]]);
    expect(a.body.balanceRupiah).toBe(0);
    const b = await op.get<Ledger>(`/api/v1/premi/wbp/${wbp.b}`);
    expect(b.body.balanceRupiah).toBe(15000);
    const stale = await op.request<ErrorBody>('PUT', `/api/v1/work/activities/${activityId}/attendance`, {
      date: '2026-11-24', session: 'pagi', clientKey: 'sheet-key-0003', version: sheet.version, exceptions: [],
    });
    expect(stale.status).toBe(409);
  });

  it('keeps the monthly rollup equal to the attendance rows', async () => {
    const raw = await t.db.one<{ n: number; present: number; paid: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE reason = 'hadir')::int AS present, count(*) FILTER (WHERE paid)::int AS paid FROM attendance`,
    );
    const roll = await t.db.one<{ n: number; present: number; paid: number }>(
      'SELECT sum(attendance_rows)::int AS n, sum(present_rows)::int AS present, sum(paid_rows)::int AS paid FROM work_month_rollup',
    );
    expect(roll).toEqual(raw);
  });

  it('reverses an entry once, pays out the balance, prints the statement', async () => {
    const l = await op.get<Ledger>(`/api/v1/premi/wbp/${wbp.b}`);
    const earning = l.body.entries.find((e) => e.kind === 'earning')!;
    expect((await op.post<ErrorBody>(`/api/v1/premi/entries/${earning.id}/reverse`, { reason: 'Salah catat' })).body.error.code).toBe('FORBIDDEN');
    const rev = await head.post<Ledger>(`/api/v1/premi/entries/${earning.id}/reverse`, { reason: 'Salah catat kehadiran' });
    expect(rev.body.balanceRupiah).toBe(0);
    const twice = await head.post<ErrorBody>(`/api/v1/premi/entries/${earning.id}/reverse`, { reason: 'Salah catat kehadiran' });
    expect(twice.status).toBe(409);
    const c = await head.get<Ledger>(`/api/v1/premi/wbp/${wbp.c}`);
    expect(c.body.balanceRupiah).toBe(15000);
    const paid = await head.post<Ledger>(`/api/v1/premi/wbp/${wbp.c}/payout`, { date: '2026-11-25', reference: 'Bebas, transfer ke rekening' });
    expect(paid.body.balanceRupiah).toBe(0);
    expect(paid.body.entries.at(-1)).toMatchObject({ kind: 'payout', amountRupiah: -15000, runningBalance: 0 });
    const pdf = await t.app.request(`/api/v1/premi/wbp/${wbp.c}/statement`, { headers: { cookie: head.cookie!, host: 'localhost' } });
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the day on the UPT dashboard and the work on the inmate’s page', async () => {
    const d = await op.get<{ totals: { allocated: number; attendanceRows: number; premiEarnedRupiah: number }; activities: Array<{ name: string; allocated: number }> }>('/api/v1/work/dashboard');
    expect(d.body.activities.find((a) => a.name === 'Konveksi')?.allocated).toBe(3);
    expect(d.body.totals.attendanceRows).toBe(3);
    const h = await op.get<{ allocations: Array<{ activity: string }>; months: Array<{ days: number }>; premiBalanceRupiah: number }>(`/api/v1/wbp/${wbp.a}/work`);
    expect(h.body.allocations.map((a) => a.activity)).toEqual(['Konveksi']);
    expect(h.body.months[0]!.days).toBe(1);
    expect(h.body.premiBalanceRupiah).toBe(0);
  });

  it('pays an hourly rule by the hours written on the sheet (bug: hours were ignored)', async () => {
    const h = await op.post<{ id: number }>('/api/v1/work/activities', { name: 'Cuci mobil', category: 'jasa', placeKind: 'other', capacity: 5, weekdays: [1, 2, 3, 4, 5, 6, 7], sessions: ['pagi'] });
    await op.post(`/api/v1/work/activities/${h.body.id}/pay-rules`, { effectiveFrom: '2026-01-01', kind: 'hourly', rateRupiah: 3000, hoursPerSession: 4 });
    await op.post(`/api/v1/work/activities/${h.body.id}/allocations`, { noRegisters: 'K-d', startDate: '2026-11-01' });
    await op.request('PUT', `/api/v1/work/activities/${h.body.id}/attendance`, { date: '2026-11-23', session: 'pagi', clientKey: 'hourly-key-01', exceptions: [{ wbpId: wbp.d, reason: 'hadir', hours: 2 }] });
    const l = await op.get<Ledger>(`/api/v1/premi/wbp/${wbp.d}`);
    expect(l.body.entries.find((e) => e.kind === 'earning')!.amountRupiah).toBe(6000);
  });

  it('refuses to edit the premi ledger in place', async () => {
    await expect(t.db.query('UPDATE premi_entry SET amount_rupiah = 1')).rejects.toThrow(/append-only/);
  });
  it('10 concurrent saves of one sheet with the same client key: one sheet, and every caller gets it (200), none a 409', async () => {
    const body = { date: '2026-11-23', session: 'pagi', clientKey: 'sheet-key-race-1', exceptions: [{ wbpId: wbp.c, reason: 'izin' }] };
    const results = await Promise.all(Array.from({ length: 10 }, () => op.request<Sheet>('PUT', `/api/v1/work/activities/${activityId}/attendance`, body)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const sheets = await t.db.query(`SELECT version FROM attendance_sheet WHERE activity_id = $1 AND date = '2026-11-23'`, [activityId]);
    expect(sheets).toEqual([{ version: 1 }]);
    const rows = await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM attendance WHERE activity_id = $1 AND date = '2026-11-23'`, [activityId]);
    expect(rows!.n).toBe(results[0]!.body.rows.length);
    const twice = await t.db.one<{ n: number }>(
      `SELECT (count(*) - count(DISTINCT (wbp_id, reference)))::int AS n FROM premi_entry WHERE date = '2026-11-23' AND kind = 'earning'`,
    );
    expect(twice!.n).toBe(0);
  });
});

describe('food security', () => {
  it('records a plot, a planting and a harvest, and sums hectares and kilograms by sector', async () => {
    const plot = await op.post<{ id: number }>('/api/v1/food/plots', { kind: 'land', name: 'Lahan SAE 1', areaM2: 25_000 });
    expect(plot.status).toBe(201);
    const tooBig = await op.post<ErrorBody>('/api/v1/food/plantings', { plotId: plot.body.id, crop: 'Jagung', sector: 'farming', areaM2: 30_000, plantedOn: '2026-11-01' });
    expect(tooBig.body.error.fields.areaM2).toBeTruthy();
    expect((await op.post('/api/v1/food/plantings', { plotId: plot.body.id, crop: 'Jagung', sector: 'farming', areaM2: 20_000, plantedOn: '2026-11-01' })).status).toBe(201);
    expect((await op.post('/api/v1/food/harvests', { plotId: plot.body.id, sector: 'farming', commodity: 'Kangkung', harvestedOn: '2026-11-20', qtyGrams: 400_000, offtakeGrams: 30_000 })).status).toBe(201);
    const foreign = await t.as('operator.lapas.tangerang');
    expect((await foreign.post<ErrorBody>('/api/v1/food/plantings', { plotId: plot.body.id, crop: 'Padi', sector: 'farming', areaM2: 1000, plantedOn: '2026-11-01' })).body.error.code).toBe('OUT_OF_SCOPE');
    const s = await op.get<{ totals: { haPlanted: number; farmingKg: number; offtakeBasisPoints: number } }>('/api/v1/food/summary?from=2026-11-01&to=2026-11-30');
    expect(s.body.totals).toMatchObject({ haPlanted: 2, farmingKg: 400, offtakeBasisPoints: 750 });
  });
});
