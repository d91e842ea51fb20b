import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpSalesRollup } from '../../src/server/modules/sales/rollup.ts';
import { pnbpRealisation } from '../../src/server/modules/pnbp/queries.ts';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';

interface ErrorBody { error: { code: string; fields: Record<string, string> } }
interface Payment { id: number; ntpn: string; amountRupiah: number; reverses: number | null; reversedBy: number | null }
interface Billing { id: number; uptId: number; kodeBilling: string; satkerCode: string; amountRupiah: number; periodMonth: string; expiresOn: string; status: string; paidRupiah: number; payments: Payment[] }
interface Line { uptId: number; month: string; dueRupiah: number; billedRupiah: number; paidRupiah: number; openRupiah: number; expiredUnpaidRupiah: number; unbilledRupiah: number; overpaidRupiah: number; gapRupiah: number; gaps: Array<{ code: string; amountRupiah: number; kodeBilling: string | null }> }
interface Recon { totals: Line; upts: Array<{ uptId: number; satkerCode: string | null; dueRupiah: number; paidRupiah: number }>; lines: Line[] }
interface Summary { level: string; rows: Array<{ id: number; paidRupiah: number; billedRupiah: number; dueRupiah: number }>; totals: { dueRupiah: number; billedRupiah: number; paidRupiah: number } }

let t: TestApp;
let head: Client;
let operator: Client;
let foreignHead: Client;
let admin: Client;
let kanwil: Client;
const id = { upt: 0, kanwil: 0, foreignUpt: 0 };
const count = async (table: string) => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))!.n;
/** Everything a refused write must leave untouched. */
const snapshot = async () => ({
  billings: await count('pnbp_billing'),
  payments: await count('pnbp_payment'),
  audit: await count('audit_log'),
  rollup: (await t.db.one<{ s: string }>('SELECT coalesce(sum(pnbp_billed_rupiah), 0)::text || \'/\' || coalesce(sum(pnbp_paid_rupiah), 0)::text AS s FROM sales_month_rollup'))!.s,
});

/** A PNBP due for a month, as the split of the sales module would record it (rule + split + rollup). */
async function split(uptId: number, month: string, pnbp: number) {
  await t.db.tx(async (tx) => {
    const u = (await tx.one<{ kanwil_id: number }>('SELECT kanwil_id FROM upt WHERE id = $1', [uptId]))!;
    let rule = await tx.one<{ id: number }>(`SELECT id FROM proceeds_rule WHERE upt_id = $1 AND valid_from = '2020-01-01'`, [uptId]);
    rule ??= await tx.one<{ id: number }>(
      `INSERT INTO proceeds_rule (upt_id, kanwil_id, valid_from, base, premi_bp, pnbp_bp, working_capital_bp, programme_bp, premi_weight, legal_basis)
       VALUES ($1, $2, '2020-01-01', 'revenue', 5000, 5000, 0, 0, 'attendance', 'uji') RETURNING id`,
      [uptId, u.kanwil_id],
    );
    await tx.query(
      `INSERT INTO proceeds_split (upt_id, kanwil_id, month, rule_id, revenue_rupiah, cost_rupiah, base_rupiah, premi_rupiah, pnbp_rupiah, working_capital_rupiah, programme_rupiah)
       VALUES ($1, $2, $3, $4, $5, 0, $5, $6, $6, 0, 0)`,
      [uptId, u.kanwil_id, month, rule!.id, pnbp * 2, pnbp],
    );
    await bumpSalesRollup(tx, { uptId, kanwilId: u.kanwil_id, month }, { pnbpDueRupiah: pnbp, premiSharedRupiah: pnbp });
  });
}

const billing = (over: Record<string, unknown> = {}) => ({
  kodeBilling: '820261101000001', accountCode: '425999', amountRupiah: 2_500_000, periodMonth: '2026-03', description: 'PNBP penjualan Maret 2026',
  createdOn: '2026-11-20', idempotencyKey: 'uji-billing-0001', ...over,
});
const nationalPaid = async () => (await admin.get<Summary>('/api/v1/pnbp/summary?year=2026')).body.totals.paidRupiah;

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' });
  head = await t.as('kepala.lapas.semarang');
  operator = await t.as('operator.lapas.semarang');
  foreignHead = await t.as('kepala.lapas.tangerang');
  admin = await t.as('admin.pusat');
  kanwil = await t.as('kanwil.jateng');
  id.upt = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`))!.id;
  id.kanwil = (await t.db.one<{ id: number }>(`SELECT kanwil_id AS id FROM upt WHERE id = $1`, [id.upt]))!.id;
  id.foreignUpt = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I TANGERANG'`))!.id;
  await split(id.upt, '2026-03-01', 2_500_000);
});
afterAll(() => t.close());

describe('billings', () => {
  it('refuses a bad kode billing, NTPN-less fields and bad codes with field errors, changing nothing', async () => {
    const before = await snapshot();
    for (const [body, field] of [
      [billing({ kodeBilling: '82026110100000' }), 'kodeBilling'], // 14 digits
      [billing({ kodeBilling: '82026110100000X' }), 'kodeBilling'],
      [billing({ accountCode: '42511' }), 'accountCode'],
      [billing({ satkerCode: '12345A' }), 'satkerCode'],
      [billing({ amountRupiah: 0 }), 'amountRupiah'],
      [billing({ periodMonth: '2026-13' }), 'periodMonth'],
      [billing({ createdOn: '2026-11-26' }), 'createdOn'], // after today
      [billing({ periodMonth: '2026-12' }), 'periodMonth'], // month after the billing's
      [billing({ expiresOn: '2026-11-19' }), 'expiresOn'],
    ] as const) {
      const res = await head.post<ErrorBody>('/api/v1/pnbp/billings', body);
      expect([res.status, Object.keys(res.body.error.fields)]).toEqual([400, [field]]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('creates a billing in the head’s own UPT with the UPT’s satker code, 7-day expiry and billed rollup; a retry changes nothing', async () => {
    const before = await snapshot();
    const created = await head.post<Billing>('/api/v1/pnbp/billings', billing({ uptId: id.foreignUpt, kodeBilling: '8202 6110 1000 001' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ uptId: id.upt, kodeBilling: '820261101000001', amountRupiah: 2_500_000, periodMonth: '2026-03-01', expiresOn: '2026-11-27', status: 'unpaid', paidRupiah: 0 });
    const satker = (await t.db.one<{ satker_code: string; satker_code_source: string }>('SELECT satker_code, satker_code_source FROM upt WHERE id = $1', [id.upt]))!;
    expect(created.body.satkerCode).toBe(satker.satker_code);
    expect(satker.satker_code_source).toBe('generated');
    const retry = await head.post<Billing>('/api/v1/pnbp/billings', billing());
    expect([retry.status, retry.body.id]).toEqual([200, created.body.id]);
    const after = await snapshot();
    expect(after.billings).toBe(before.billings + 1);
    const rollup = await t.db.one<{ billed: number }>(`SELECT pnbp_billed_rupiah AS billed FROM sales_month_rollup WHERE upt_id = $1 AND month = '2026-03-01'`, [id.upt]);
    expect(rollup!.billed).toBe(2_500_000);
    const audit = await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'pnbp_billing' AND entity_id = $1`, [String(created.body.id)]);
    expect(audit!.n).toBe(1);
  });

  it('refuses the same kode billing under another key, and the same key for another kode', async () => {
    const before = await snapshot();
    const dup = await head.post<ErrorBody>('/api/v1/pnbp/billings', billing({ idempotencyKey: 'uji-billing-0002' }));
    expect([dup.status, dup.body.error.code, Object.keys(dup.body.error.fields)]).toEqual([409, 'DUPLICATE', ['kodeBilling']]);
    const key = await head.post<ErrorBody>('/api/v1/pnbp/billings', billing({ kodeBilling: '820261101000009' }));
    expect([key.status, Object.keys(key.body.error.fields)]).toEqual([409, ['idempotencyKey']]);
    expect(await snapshot()).toEqual(before);
  });

  it('is not open to an operator (no pnbp.write) nor to another UPT’s billings', async () => {
    expect((await operator.post<ErrorBody>('/api/v1/pnbp/billings', billing({ kodeBilling: '820261101000010', idempotencyKey: 'uji-billing-op' }))).status).toBe(403);
    const mine = (await head.get<{ items: Billing[] }>('/api/v1/pnbp/billings?from=2026-03&to=2026-03')).body.items;
    const b = mine.find((x) => x.kodeBilling === '820261101000001')!;
    const res = await foreignHead.post<ErrorBody>(`/api/v1/pnbp/billings/${b.id}/payments`, { ntpn: 'AAAABBBBCCCCDDDD', bank: 'BRI', paidOn: '2026-11-21', amountRupiah: 2_500_000 });
    expect([res.status, res.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
    const foreignList = (await foreignHead.get<{ items: Billing[] }>('/api/v1/pnbp/billings?from=2026-03&to=2026-03')).body.items;
    expect(foreignList.some((x) => x.uptId === id.upt)).toBe(false);
  });
});

describe('payments (NTPN)', () => {
  let b: Billing;
  beforeAll(async () => {
    b = (await head.get<{ items: Billing[] }>('/api/v1/pnbp/billings?from=2026-03&to=2026-03')).body.items.find((x) => x.kodeBilling === '820261101000001')!;
  });

  it('refuses a bad NTPN, a different amount, a date outside creation..expiry, changing nothing', async () => {
    const before = await snapshot();
    const paidBefore = await nationalPaid();
    for (const [body, status, field] of [
      [{ ntpn: 'AAAABBBBCCCCDDD', bank: 'BRI', paidOn: '2026-11-21', amountRupiah: 2_500_000 }, 400, 'ntpn'],
      [{ ntpn: 'AAAABBBBCCCCDDD!', bank: 'BRI', paidOn: '2026-11-21', amountRupiah: 2_500_000 }, 400, 'ntpn'],
      [{ ntpn: 'AAAABBBBCCCCDDDD', bank: 'BRI', paidOn: '2026-11-21', amountRupiah: 2_499_999 }, 400, 'amountRupiah'],
      [{ ntpn: 'AAAABBBBCCCCDDDD', bank: 'BRI', paidOn: '2026-11-19', amountRupiah: 2_500_000 }, 400, 'paidOn'],
      [{ ntpn: 'AAAABBBBCCCCDDDD', bank: 'BRI', paidOn: '2026-11-26', amountRupiah: 2_500_000 }, 400, 'paidOn'],
    ] as const) {
      const res = await head.post<ErrorBody>(`/api/v1/pnbp/billings/${b.id}/payments`, body);
      expect([res.status, Object.keys(res.body.error.fields)]).toEqual([status, [field]]);
    }
    expect(await snapshot()).toEqual(before);
    expect(await nationalPaid()).toBe(paidBefore);
  });

  it('records the NTPN (normalised): billing paid, national realisation up by exactly the amount; a resend changes nothing', async () => {
    const paidBefore = await nationalPaid();
    const realBefore = (await pnbpRealisation(t.db, { year: 2026, scope: { level: 'national' }, uptId: id.upt }))[0]!.paidRupiah;
    const res = await head.post<Billing>(`/api/v1/pnbp/billings/${b.id}/payments`, { ntpn: 'aaaa bbbb cccc dddd', bank: 'BRI', paidOn: '2026-11-21', amountRupiah: 2_500_000 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'paid', paidRupiah: 2_500_000 });
    expect(res.body.payments.map((p) => p.ntpn)).toEqual(['AAAABBBBCCCCDDDD']);
    expect(await nationalPaid()).toBe(paidBefore + 2_500_000);
    expect((await pnbpRealisation(t.db, { year: 2026, scope: { level: 'national' }, uptId: id.upt }))[0]!.paidRupiah).toBe(realBefore + 2_500_000);
    const before = await snapshot();
    const again = await head.post<Billing>(`/api/v1/pnbp/billings/${b.id}/payments`, { ntpn: 'AAAABBBBCCCCDDDD', bank: 'BRI', paidOn: '2026-11-21', amountRupiah: 2_500_000 });
    expect([again.status, again.body.paidRupiah]).toEqual([200, 2_500_000]);
    expect(await snapshot()).toEqual(before);
    expect(await nationalPaid()).toBe(paidBefore + 2_500_000);
  });

  it('refuses a second payment of a paid billing and an NTPN already used on another billing', async () => {
    const other = (await head.post<Billing>('/api/v1/pnbp/billings', billing({ kodeBilling: '820261101000002', idempotencyKey: 'uji-billing-0003', amountRupiah: 2_500_000, periodMonth: '2026-04' }))).body;
    const before = await snapshot();
    const second = await head.post<ErrorBody>(`/api/v1/pnbp/billings/${b.id}/payments`, { ntpn: 'ZZZZBBBBCCCCDDDD', bank: 'BRI', paidOn: '2026-11-22', amountRupiah: 2_500_000 });
    expect([second.status, second.body.error.code]).toEqual([409, 'DUPLICATE']);
    const reused = await head.post<ErrorBody>(`/api/v1/pnbp/billings/${other.id}/payments`, { ntpn: 'AAAABBBBCCCCDDDD', bank: 'BRI', paidOn: '2026-11-21', amountRupiah: 2_500_000 });
    expect([reused.status, Object.keys(reused.body.error.fields)]).toEqual([409, ['ntpn']]);
    expect(await snapshot()).toEqual(before);
  });

  it('reverses a payment once, with a reason (append-only): the billing is unpaid again and the realisation back down', async () => {
    const paidBefore = await nationalPaid();
    const pay = (await head.get<{ items: Billing[] }>('/api/v1/pnbp/billings?from=2026-03&to=2026-03')).body.items.find((x) => x.id === b.id)!.payments[0]!;
    expect((await head.post<ErrorBody>(`/api/v1/pnbp/payments/${pay.id}/reverse`, { reason: 'x' })).status).toBe(400);
    const rev = await head.post<Billing>(`/api/v1/pnbp/payments/${pay.id}/reverse`, { reason: 'NTPN salah ketik' });
    expect(rev.status).toBe(200);
    expect(rev.body).toMatchObject({ status: 'unpaid', paidRupiah: 0 });
    expect(rev.body.payments.map((p) => [p.amountRupiah, p.reverses === pay.id, p.reversedBy !== null])).toEqual([[2_500_000, false, true], [-2_500_000, true, false]]);
    expect(await nationalPaid()).toBe(paidBefore - 2_500_000);
    const before = await snapshot();
    expect((await head.post<ErrorBody>(`/api/v1/pnbp/payments/${pay.id}/reverse`, { reason: 'dua kali' })).status).toBe(409);
    const reversal = rev.body.payments[1]!;
    expect((await head.post<ErrorBody>(`/api/v1/pnbp/payments/${reversal.id}/reverse`, { reason: 'balik lagi' })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('bug: a payment reversed for a wrong date could never be recorded again with its NTPN — now it can, once', async () => {
    // The reversed payment above (NTPN AAAABBBBCCCCDDDD, dated 21 Nov) was really paid on 24 Nov.
    const ok = await head.post<Billing>(`/api/v1/pnbp/billings/${b.id}/payments`, { ntpn: 'AAAABBBBCCCCDDDD', bank: 'BRI', paidOn: '2026-11-24', amountRupiah: 2_500_000 });
    expect([ok.status, ok.body.status, ok.body.paidRupiah]).toEqual([201, 'paid', 2_500_000]);
    const before = await snapshot();
    // Live again, so nowhere else.
    const other = (await head.get<{ items: Billing[] }>('/api/v1/pnbp/billings?from=2026-04&to=2026-04')).body.items.find((x) => x.kodeBilling === '820261101000002')!;
    const reused = await head.post<ErrorBody>(`/api/v1/pnbp/billings/${other.id}/payments`, { ntpn: 'AAAABBBBCCCCDDDD', bank: 'BRI', paidOn: '2026-11-24', amountRupiah: 2_500_000 });
    expect([reused.status, Object.keys(reused.body.error.fields)]).toEqual([409, ['ntpn']]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('reconciliation', () => {
  it('lists due vs billed vs paid with the gaps, from the ledgers, and agrees with the rollup', async () => {
    await split(id.upt, '2026-04-01', 3_000_000);
    await split(id.upt, '2026-02-01', 1_000_000);
    // An expired billing of February, never paid.
    await head.post('/api/v1/pnbp/billings', billing({ kodeBilling: '820261101000003', idempotencyKey: 'uji-billing-0004', amountRupiah: 1_000_000, periodMonth: '2026-02', createdOn: '2026-11-01' }));
    const r = (await head.get<Recon>('/api/v1/pnbp/reconciliation?from=2026-02&to=2026-04')).body;
    expect(r.upts.map((u) => u.uptId)).toEqual([id.upt]);
    const line = (m: string) => r.lines.find((l) => l.month === m)!;
    expect(line('2026-02-01')).toMatchObject({ dueRupiah: 1_000_000, billedRupiah: 0, expiredUnpaidRupiah: 1_000_000, unbilledRupiah: 1_000_000, paidRupiah: 0 });
    expect(line('2026-02-01').gaps.map((g) => [g.code, g.amountRupiah])).toEqual([['due_not_billed', 1_000_000], ['expired_unpaid', 1_000_000]]);
    expect(line('2026-03-01')).toMatchObject({ dueRupiah: 2_500_000, billedRupiah: 2_500_000, paidRupiah: 2_500_000, gapRupiah: 0, gaps: [] });
    expect(line('2026-04-01')).toMatchObject({ dueRupiah: 3_000_000, billedRupiah: 2_500_000, openRupiah: 2_500_000, unbilledRupiah: 500_000 });
    expect(line('2026-04-01').gaps.map((g) => g.code)).toEqual(['due_not_billed', 'billed_not_paid']);
    const tot = r.totals;
    expect(tot.paidRupiah + tot.openRupiah + tot.unbilledRupiah - tot.overpaidRupiah).toBe(tot.dueRupiah);
    // The expired billing shows its flag in the list.
    const feb = (await head.get<{ items: Billing[] }>('/api/v1/pnbp/billings?from=2026-02&to=2026-02&status=expired')).body.items;
    expect(feb.map((b) => b.kodeBilling)).toEqual(['820261101000003']);
    // The rollup (what Kanwil and national views read) equals the ledgers for the UPT.
    const real = (await pnbpRealisation(t.db, { year: 2026, scope: { level: 'national' }, uptId: id.upt }))[0]!;
    const ledger = (await t.db.one<{ due: number; billed: number; paid: number }>(
      `SELECT (SELECT sum(pnbp_rupiah) FROM proceeds_split WHERE upt_id = $1 AND month >= '2026-01-01' AND month < '2027-01-01')::bigint AS due,
              (SELECT sum(amount_rupiah) FROM pnbp_billing WHERE upt_id = $1 AND period_month >= '2026-01-01' AND period_month < '2027-01-01')::bigint AS billed,
              (SELECT sum(p.amount_rupiah) FROM pnbp_payment p JOIN pnbp_billing b ON b.id = p.billing_id WHERE p.upt_id = $1 AND b.period_month >= '2026-01-01' AND b.period_month < '2027-01-01')::bigint AS paid`,
      [id.upt],
    ))!;
    expect([real.dueRupiah, real.billedRupiah, real.paidRupiah]).toEqual([ledger.due, ledger.billed, ledger.paid]);
  });

  it('summarises per Kanwil for Pusat and per UPT for a Kanwil, from the rollup', async () => {
    const nat = (await admin.get<Summary>('/api/v1/pnbp/summary?year=2026')).body;
    expect(nat.level).toBe('kanwil');
    expect(nat.rows.reduce((s, r) => s + r.paidRupiah, 0)).toBe(nat.totals.paidRupiah);
    const jateng = (await kanwil.get<Summary>('/api/v1/pnbp/summary?year=2026')).body;
    expect(jateng.level).toBe('upt');
    expect(jateng.rows.some((r) => r.id === id.upt)).toBe(true);
    expect(jateng.totals.paidRupiah).toBe(nat.rows.find((r) => r.id === id.kanwil)!.paidRupiah);
    const upts = (await t.db.query<{ id: number }>('SELECT id FROM upt WHERE kanwil_id = $1', [id.kanwil])).map((u) => u.id);
    expect(jateng.rows.every((r) => upts.includes(r.id))).toBe(true);
  });

  it('exports the reconciliation as XLSX with one row per UPT × month', async () => {
    const res = await t.app.request('/api/v1/pnbp/reconciliation/export?from=2026-02&to=2026-04&format=xlsx', { headers: { cookie: head.cookie!, host: 'localhost' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values: unknown[][] = [];
    ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const march = values.find((v) => v[1] === 'Maret 2026');
    expect(march?.slice(2, 5)).toEqual([2_500_000, 2_500_000, 2_500_000]);
    const pdf = await t.app.request('/api/v1/pnbp/reconciliation/export?from=2026-02&to=2026-04&format=pdf', { headers: { cookie: head.cookie!, host: 'localhost' } });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  });
});

describe('daily flag of expired billings', () => {
  it('puts yesterday’s expired unpaid billings in the UPT’s digest, not paid ones', async () => {
    const { runDailyJob } = await import('../../src/server/jobs/runner.ts');
    const { pnbpExpiredJob } = await import('../../src/server/jobs/daily.ts');
    const { createLogger } = await import('../../src/server/log.ts');
    // The February billing of the reconciliation test was created 2026-11-01 and expired on 2026-11-08.
    await runDailyJob(t.db, pnbpExpiredJob, '2026-11-09', createLogger('silent'));
    const d = await t.db.one<{ data: { billings: Array<{ kodeBilling: string }> } }>(`SELECT data FROM digest WHERE kind = 'pnbp_expired' AND date = '2026-11-09' AND upt_id = $1`, [id.upt]);
    expect(d!.data.billings.map((b) => b.kodeBilling)).toContain('820261101000003');
    await runDailyJob(t.db, pnbpExpiredJob, '2026-11-28', createLogger('silent'));
    // The March billing (expired 2026-11-27) is paid: no flag.
    const none = await t.db.one(`SELECT 1 FROM digest WHERE kind = 'pnbp_expired' AND date = '2026-11-28' AND upt_id = $1 AND data::text LIKE '%820261101000001%'`, [id.upt]);
    expect(none).toBeFalsy();
  });
});

describe('API description', () => {
  it('documents the PNBP routes with their formats', async () => {
    const res = await t.anon().get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths).filter((p) => p.includes('/pnbp/')).sort()).toEqual([
      '/pnbp/billings', '/pnbp/billings/{billingId}/payments', '/pnbp/payments/{paymentId}/reverse',
      '/pnbp/reconciliation', '/pnbp/reconciliation/export', '/pnbp/summary',
    ]);
  });
});

describe('realisation against the cockpit’s PNBP target', () => {
  it('shows the current Resolusi PNBP target of the nation and of each Kanwil, as set in the cockpit', async () => {
    const target = async (key: string) =>
      (await t.db.one<{ v: string }>(`SELECT t.value::text AS v FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id WHERE i.code = 'RP20-11' AND t.year = 2026 AND t.current AND t.unit_key = $1`, [key]))?.v;
    const nat = (await admin.get<{ totals: { targetRupiah: number | null }; rows: Array<{ id: number; targetRupiah: number | null }> }>('/api/v1/pnbp/summary?year=2026')).body;
    const national = await target('N');
    expect(national).toBeDefined();
    expect(nat.totals.targetRupiah).toBe(Number(national));
    for (const r of nat.rows) expect(r.targetRupiah).toBe((await target(`K${r.id}`)) === undefined ? null : Number(await target(`K${r.id}`)));
    // A year without targets says so rather than showing zero.
    expect((await admin.get<{ totals: { targetRupiah: number | null } }>('/api/v1/pnbp/summary?year=2030')).body.totals.targetRupiah).toBeNull();
  });
});
