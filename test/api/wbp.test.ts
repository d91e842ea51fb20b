import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';
import type { WbpDetail } from '../../src/shared/schemas/wbp.ts';

interface ErrorBody {
  error: { code: string; message: string; fields: Record<string, string> };
}
interface Calc {
  expiry: string | null;
  twoThirds: string | null;
  totalRemissionDays: number;
  detention: { endDate: string | null; daysLeft: number | null; overstay: boolean };
  breakdown: Array<{ code: string; rule: string; regulation: string }>;
}
type Detail = WbpDetail & { calculation: Calc };

// Today is fixed for the whole file: 25 Nov 2026.
let t: TestApp;
let op: Client;
let semarang = 0;
beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' });
  op = await t.as('operator.lapas.semarang');
  semarang = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`))!.id;
});
afterAll(() => t.close());

async function newWbp(noRegister: string, extra: Record<string, unknown> = {}): Promise<Detail> {
  const res = await op.post<Detail>('/api/v1/wbp', { noRegister, name: 'José Ñugroho', sex: 'L', religion: 'kristen', status: 'tahanan', ...extra });
  expect(res.status).toBe(201);
  return res.body;
}

describe('detainee: detention orders and zero overstaying', () => {
  it('computes the order end inclusively and lists it as due, then as overstay when it lapses', async () => {
    const w = await newWbp('A.II-0001/2026');
    // 20 days from 9 Nov 2026 end on 28 Nov (D + N − 1): 3 days left on 25 Nov.
    const res = await op.post<Detail>(`/api/v1/wbp/${w.id}/detention-orders`, { stage: 'penuntutan', startDate: '2026-11-09', days: 20 });
    expect(res.status).toBe(200);
    expect(res.body.calculation.detention).toMatchObject({ endDate: '2026-11-28', daysLeft: 3, overstay: false });
    const due = await op.get<{ items: Array<{ wbpId: number; daysLeft: number; kind: string }> }>('/api/v1/overstay/due?withinDays=3');
    expect(due.body.items.find((i) => i.wbpId === w.id)).toMatchObject({ daysLeft: 3, kind: 'detention' });

    const lapsed = await newWbp('A.II-0002/2026');
    await op.post(`/api/v1/wbp/${lapsed.id}/detention-orders`, { stage: 'penyidikan', startDate: '2026-10-01', days: 20 });
    const summary = await op.get<{ totals: { overstayDetention: number } }>('/api/v1/overstay/summary');
    expect(summary.body.totals.overstayDetention).toBe(1);
    const list = await op.get<{ items: Array<{ wbpId: number; daysLeft: number; nextStep: string; nextStepEn: string }> }>('/api/v1/overstay/due?withinDays=0');
    expect(list.body.items.map((i) => i.wbpId)).toContain(lapsed.id);
    expect(list.body.items.find((i) => i.wbpId === lapsed.id)!.daysLeft).toBe(-36);
    // The next legal step comes in both languages (bug: English users saw Indonesian).
    expect(list.body.items.find((i) => i.wbpId === lapsed.id)!.nextStepEn).not.toBe(list.body.items.find((i) => i.wbpId === lapsed.id)!.nextStep);
    // Release lists leave out what is already past (bug: no lower bound).
    const ahead = await op.get<{ items: Array<{ wbpId: number }> }>('/api/v1/overstay/due?withinDays=10&fromDays=0');
    expect(ahead.body.items.map((i) => i.wbpId)).not.toContain(lapsed.id);

    // The extension is recorded: the overstay is gone.
    const orders = (await op.get<Detail>(`/api/v1/wbp/${lapsed.id}`)).body.detentionOrders;
    await op.post(`/api/v1/wbp/${lapsed.id}/detention-orders`, {
      stage: 'penyidikan', startDate: '2026-10-21', days: 40, extensionOf: Number(orders[0]!.id),
    });
    const after = await op.get<{ totals: { overstayDetention: number } }>('/api/v1/overstay/summary');
    expect(after.body.totals.overstayDetention).toBe(0);
  });

  it('refuses an order of 0 days, a bad date or an extension of someone else’s order, changing nothing', async () => {
    const w = await newWbp('A.I-0003/2026');
    for (const body of [
      { stage: 'penyidikan', startDate: '2026-11-01', days: 0 },
      { stage: 'penyidikan', startDate: '2026-02-30', days: 20 },
      { stage: 'penjara', startDate: '2026-11-01', days: 20 },
      { stage: 'penyidikan', startDate: '2026-11-01', days: 20, extensionOf: 999999 },
    ]) {
      const res = await op.post<ErrorBody>(`/api/v1/wbp/${w.id}/detention-orders`, body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields).length).toBeGreaterThan(0);
    }
    expect((await op.get<Detail>(`/api/v1/wbp/${w.id}`)).body.detentionOrders).toHaveLength(0);
    expect((await op.get<Detail>(`/api/v1/wbp/${w.id}`)).body.version).toBe(w.version);
  });
});

describe('sentenced inmate', () => {
  it('turns a detainee into a sentenced inmate on a final verdict, with expiry and ⅔ explained', async () => {
    const w = await newWbp('B.I-0004/2026', { detentionStart: '2025-05-09' });
    const res = await op.post<Detail>(`/api/v1/wbp/${w.id}/sentences`, { verdictDate: '2025-09-01', years: 2 });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('narapidana');
    // 9 May 2025 + 2 years = 9 May 2027 (DOMAIN.md example shape), before remission.
    expect((res.body.calculation as unknown as { expiryNoRemission: string }).expiryNoRemission).toBe('2027-05-09');
    expect(res.body.calculation.breakdown.length).toBeGreaterThan(3);
    expect(res.body.calculation.breakdown.every((l) => l.rule && l.regulation)).toBe(true);
  });

  it('replaces a verdict on appeal and recomputes', async () => {
    const w = await newWbp('B.I-0005/2026', { detentionStart: '2025-01-10' });
    const first = await op.post<Detail>(`/api/v1/wbp/${w.id}/sentences`, { verdictDate: '2025-04-01', years: 3, final: false });
    const firstId = Number(first.body.sentences[0]!.id);
    const appeal = await op.post<Detail>(`/api/v1/wbp/${w.id}/sentences`, { verdictDate: '2025-08-01', stage: 'pt', years: 1, months: 6, supersedes: firstId });
    expect(appeal.status).toBe(200);
    expect((appeal.body.calculation as unknown as { expiryNoRemission: string }).expiryNoRemission).toBe('2026-07-10');
    expect(appeal.body.sentences.find((s) => Number(s.id) === firstId)!.superseded_by).not.toBeNull();
  });

  it('records a disciplinary punishment (register F) that blocks the next remission', async () => {
    const w = await newWbp('B.I-0006/2026', { detentionStart: '2025-01-10' });
    await op.post(`/api/v1/wbp/${w.id}/sentences`, { verdictDate: '2025-03-01', years: 4 });
    const res = await op.post<Detail>(`/api/v1/wbp/${w.id}/register-f`, { date: '2026-07-01', offence: 'Membawa telepon genggam' });
    expect(res.status).toBe(200);
    expect(res.body.registerF).toHaveLength(1);
    const future = await op.post<ErrorBody>(`/api/v1/wbp/${w.id}/register-f`, { date: '2027-01-01', offence: 'Masa depan' });
    expect(future.body.error.fields.date).toBeTruthy();
  });
});

describe('religion not among the six', () => {
  it('computes the dates without any remisi khusus and says why', async () => {
    const w = await newWbp('B.I-0011/2026', { religion: 'lainnya', detentionStart: '2024-01-10' });
    const res = await op.post<Detail>(`/api/v1/wbp/${w.id}/sentences`, { verdictDate: '2024-05-01', years: 5 });
    expect(res.body.calculation).not.toBeNull();
    expect(res.body.calculationProblems).toContain('religion_unknown');
    const projected = (res.body.calculation as unknown as { projection?: { totalRemissionDays: number } }).projection;
    expect(projected).toBeDefined();
    const remissions = (res.body.calculation as unknown as { remissions: Array<{ kind: string }> }).remissions;
    expect(remissions.some((r) => r.kind === 'khusus')).toBe(false);
  });
});

describe('registry', () => {
  it('finds inmates by any part of the name, ignoring accents and case, or by register prefix', async () => {
    await newWbp('B.I-0007/2026', { name: 'Stéfanus Wenda' });
    const byName = await op.get<{ items: Array<{ name: string }> }>('/api/v1/wbp?q=stefanus%20wen');
    expect(byName.body.items.map((i) => i.name)).toContain('Stéfanus Wenda');
    const byRegister = await op.get<{ items: Array<{ noRegister: string }> }>('/api/v1/wbp?q=b.i-0007');
    expect(byRegister.body.items.map((i) => i.noRegister)).toEqual(['B.I-0007/2026']);
  });

  it('refuses a duplicate register number in the same UPT', async () => {
    const res = await op.post<ErrorBody>('/api/v1/wbp', { noRegister: 'B.I-0007/2026', name: 'Orang Lain', sex: 'L', religion: 'islam', status: 'narapidana' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.noRegister).toBeTruthy();
  });

  it('detects a stale edit', async () => {
    const w = await newWbp('B.I-0008/2026');
    expect((await op.patch(`/api/v1/wbp/${w.id}`, { version: w.version, name: 'Nama Baru' })).status).toBe(200);
    const stale = await op.patch<ErrorBody>(`/api/v1/wbp/${w.id}`, { version: w.version, name: 'Nama Lain' });
    expect(stale.status).toBe(409);
    expect((await op.get<Detail>(`/api/v1/wbp/${w.id}`)).body.name).toBe('Nama Baru');
  });

  it('moves an inmate on transfer: the new UPT sees them, the old one no longer does', async () => {
    const w = await newWbp('B.I-0009/2026');
    const rutan = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'RUTAN KELAS I SURAKARTA'`))!.id;
    const res = await op.post<{ ok: boolean; toUptId: number }>(`/api/v1/wbp/${w.id}/transfer`, { version: w.version, toUptId: rutan, date: '2026-11-20' });
    expect(res.body).toEqual({ ok: true, toUptId: rutan });
    const rutanOp = await t.as('operator.rutan.surakarta');
    expect((await rutanOp.get<Detail>(`/api/v1/wbp/${w.id}`)).body.uptId).toBe(rutan);
    expect((await op.get<ErrorBody>(`/api/v1/wbp/${w.id}`)).body.error.code).toBe('OUT_OF_SCOPE');
    const audit = await t.db.query<{ action: string; scope_upt_id: number }>(`SELECT action, scope_upt_id FROM audit_log WHERE entity = 'wbp' AND entity_id = $1 AND action LIKE 'transfer%'`, [String(w.id)]);
    expect(audit.map((a) => [a.action, a.scope_upt_id])).toEqual([['transfer_out', semarang], ['transfer_in', rutan]]);
  });

  it('records a release; a released inmate leaves the due lists', async () => {
    const w = await newWbp('A.I-0010/2026');
    const withOrder = await op.post<Detail>(`/api/v1/wbp/${w.id}/detention-orders`, { stage: 'penyidikan', startDate: '2026-10-01', days: 20 });
    const res = await op.post<Detail>(`/api/v1/wbp/${w.id}/release`, { version: withOrder.body.version, date: '2026-10-20', reason: 'penangguhan' });
    expect(res.body.releasedOn).toBe('2026-10-20');
    const list = await op.get<{ items: Array<{ wbpId: number }> }>('/api/v1/overstay/due?withinDays=0');
    expect(list.body.items.map((i) => i.wbpId)).not.toContain(w.id);
  });
});
