import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';

interface ErrorBody { error: { code: string; fields: Record<string, string> } }
interface Sale {
  id: number; uptId: number; status: string; totalRupiah: number; paidRupiah: number; quotationNumber: string | null; invoiceNumber: string | null; version: number;
  costRupiah: number | null; buyerContact: string | null; steps: string[];
  lines: Array<{ qty: number; amountRupiah: number; costRupiah: number | null; splitId: number | null }>;
  payments: Array<{ id: number; amountRupiah: number; receiptNumber: string | null; reversedBy: number | null }>;
}
interface Split { id: number; premiRupiah: number; pnbpRupiah: number; baseRupiah: number; workingCapitalRupiah: number; programmeRupiah: number; workers: number; reversedBy: number | null }
interface Summary { totals: { revenueRupiah: number; pnbpDueRupiah: number; premiSharedRupiah: number }; units: Array<{ id: number; revenueRupiah: number; pnbpDueRupiah: number }> }

let t: TestApp;
let head: Client;
let op: Client;
let foreign: Client;
const id = { upt: 0, store: 0, shop: 0, flour: 0, bread: 0, w1: 0, w2: 0, foreignBread: 0, foreignStore: 0 };
const count = async (table: string) => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))!.n;
const state = async () => ({
  sales: await count('sale'), payments: await count('sale_payment'), moves: await count('stock_move'), premi: await count('premi_entry'), splits: await count('proceeds_split'),
  audit: await count('audit_log'), rollup: (await t.db.one<{ s: string }>('SELECT coalesce(sum(revenue_rupiah + pnbp_due_rupiah + premi_shared_rupiah),0)::text AS s FROM sales_month_rollup'))!.s,
  counters: (await t.db.one<{ s: string }>('SELECT coalesce(sum(last_number),0)::text AS s FROM sales_counter'))!.s,
});
const breadOnHand = async (locationId = id.store) =>
  Number((await t.db.one<{ q: string }>('SELECT coalesce(sum(m.qty),0)::text AS q FROM stock_move m JOIN stock_item i ON i.id = m.item_id WHERE i.product_id = $1 AND m.location_id = $2', [id.bread, locationId]))!.q);
const counter = (key: string, qty: number, extra: Record<string, unknown> = {}) => ({
  channel: 'counter', date: '2026-11-20', locationId: id.store, lines: [{ productId: id.bread, qty }], payment: { method: 'cash' }, idempotencyKey: key, ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' });
  head = await t.as('kepala.lapas.semarang');
  op = await t.as('operator.lapas.semarang');
  foreign = await t.as('operator.lapas.tangerang');
  const wbp = async (c: Client, reg: string) => (await c.post<{ id: number }>('/api/v1/wbp', { noRegister: reg, name: `Perajin ${reg}`, sex: 'L', religion: 'islam', status: 'narapidana' })).body.id;
  id.w1 = await wbp(op, 'S-1');
  id.w2 = await wbp(op, 'S-2');
  const product = await op.post<{ id: number; uptId: number }>('/api/v1/production/products', { name: 'Roti Tawar Sales', category: 'kuliner', unit: 'pcs', priceRupiah: 12_000 });
  id.bread = product.body.id;
  id.upt = product.body.uptId;
  id.store = (await op.post<{ id: number }>('/api/v1/stock/locations', { name: 'Outlet Giatja' })).body.id;
  id.flour = (await op.post<{ id: number }>('/api/v1/stock/items', { name: 'Tepung Sales', unit: 'g' })).body.id;
  expect((await op.post('/api/v1/stock/moves', { kind: 'receipt', date: '2026-11-01', itemId: id.flour, locationId: id.store, qty: 10_000, totalCostRupiah: 100_000, idempotencyKey: 'sales-flour-1' })).status).toBe(201);
  // 100 loaves cost 100,000 of flour: 1,000 a loaf. Two workers, 6 and 2 hours.
  const batch = await op.post('/api/v1/production/batches', {
    productId: id.bread, date: '2026-11-02', locationId: id.store, consumed: [{ itemId: id.flour, qty: 10_000 }], outputQty: 100,
    workers: [{ wbpId: id.w1, hours: 6 }, { wbpId: id.w2, hours: 2 }], idempotencyKey: 'sales-batch-1',
  });
  expect(batch.status).toBe(201);
  id.foreignBread = (await foreign.post<{ id: number }>('/api/v1/production/products', { name: 'Roti Tangerang', category: 'kuliner', unit: 'pcs', priceRupiah: 9_000 })).body.id;
  id.foreignStore = (await foreign.post<{ id: number }>('/api/v1/stock/locations', { name: 'Outlet Tangerang' })).body.id;
});
afterAll(() => t.close());

describe('counter sales', () => {
  it('sells from stock with a gap-free receipt, at cost from the ledger, and counts the revenue once', async () => {
    const before = await state();
    const sale = await op.post<Sale>('/api/v1/sales', counter('counter-0001', 3));
    expect(sale.status).toBe(201);
    expect(sale.body).toMatchObject({ status: 'paid', totalRupiah: 36_000, paidRupiah: 36_000, costRupiah: 3_000 });
    expect(sale.body.payments.map((p) => p.receiptNumber)).toEqual(['KWT-2026-000001']);
    expect(await breadOnHand()).toBe(97);
    const retry = await op.post<Sale>('/api/v1/sales', counter('counter-0001', 3));
    expect([retry.status, retry.body.id]).toEqual([200, sale.body.id]);
    const after = await state();
    expect(after.sales - before.sales).toBe(1);
    expect(after.payments - before.payments).toBe(1);
    expect(await breadOnHand()).toBe(97);
  });

  it.each([
    ['more than the stock', () => counter('counter-bad-1', 1000), 'lines.0.qty'],
    ['no payment at the counter', () => ({ ...counter('counter-bad-2', 1), payment: null }), 'payment.method'],
    ['a product of another UPT', () => ({ ...counter('counter-bad-3', 1), lines: [{ productId: id.foreignBread, qty: 1 }] }), 'lines.0.productId'],
    ['a location of another UPT', () => ({ ...counter('counter-bad-4', 1), locationId: id.foreignStore }), 'locationId'],
    ['a date in the future', () => ({ ...counter('counter-bad-5', 1), date: '2026-11-26' }), 'date'],
    ['a zero quantity', () => counter('counter-bad-6', 0), 'lines.0.qty'],
  ])('refuses %s with a field error and changes nothing', async (_label, body, field) => {
    const before = await state();
    const res = await op.post<ErrorBody>('/api/v1/sales', body());
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(await state()).toEqual(before);
  });

  it('gives the next receipt number after refusals (no gap)', async () => {
    const sale = await op.post<Sale>('/api/v1/sales', counter('counter-0002', 2));
    expect(sale.body.payments[0]!.receiptNumber).toBe('KWT-2026-000002');
  });

  it('a foreign UPT cannot read the sale', async () => {
    const sale = await op.post<Sale>('/api/v1/sales', counter('counter-0002', 2));
    expect((await foreign.get(`/api/v1/sales/${sale.body.id}`)).status).toBe(403);
  });
});

describe('institutional order', () => {
  it('goes quotation → order → delivery → invoice → payment, version-checked, never overpaid', async () => {
    const q = await op.post<Sale>('/api/v1/sales', {
      channel: 'institution', date: '2026-11-21', locationId: id.store, lines: [{ productId: id.bread, qty: 10, unitPriceRupiah: 11_000 }],
      buyer: { kind: 'agency', name: 'Bagian Umum', institution: 'Dinas Sosial Kota Semarang', contact: '024-555-1234' }, idempotencyKey: 'inst-0001',
    });
    expect(q.status).toBe(201);
    expect(q.body).toMatchObject({ status: 'quotation', quotationNumber: 'PNW-2026-000001', totalRupiah: 110_000, buyerContact: '024-555-1234' });
    expect(q.body.steps).toEqual(['order', 'cancel']);
    expect((await op.post<ErrorBody>(`/api/v1/sales/${q.body.id}/steps`, { step: 'invoice', version: q.body.version, date: '2026-11-21' })).body.error.fields.step).toBeTruthy();
    const ordered = await op.post<Sale>(`/api/v1/sales/${q.body.id}/steps`, { step: 'order', version: q.body.version, date: '2026-11-22' });
    expect(ordered.body.status).toBe('ordered');
    const stale = await op.post<ErrorBody>(`/api/v1/sales/${q.body.id}/steps`, { step: 'deliver', version: q.body.version, date: '2026-11-22' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CONFLICT_VERSION']);
    const stockBefore = await breadOnHand();
    const delivered = await op.post<Sale>(`/api/v1/sales/${q.body.id}/steps`, { step: 'deliver', version: ordered.body.version, date: '2026-11-23' });
    expect(delivered.body.status).toBe('delivered');
    expect(await breadOnHand()).toBe(stockBefore - 10);
    expect((await op.post<ErrorBody>(`/api/v1/sales/${q.body.id}/steps`, { step: 'cancel', version: delivered.body.version, date: '2026-11-23', reason: 'Batal pesan' })).status).toBe(400);
    const invoiced = await op.post<Sale>(`/api/v1/sales/${q.body.id}/steps`, { step: 'invoice', version: delivered.body.version, date: '2026-11-23' });
    expect(invoiced.body.invoiceNumber).toBe('INV-2026-000001');
    const part = await op.post<Sale>(`/api/v1/sales/${q.body.id}/payments`, { date: '2026-11-24', amountRupiah: 60_000, method: 'transfer', idempotencyKey: 'inst-pay-1' });
    expect([part.status, part.body.status, part.body.paidRupiah]).toEqual([201, 'invoiced', 60_000]);
    const retry = await op.post<Sale>(`/api/v1/sales/${q.body.id}/payments`, { date: '2026-11-24', amountRupiah: 60_000, method: 'transfer', idempotencyKey: 'inst-pay-1' });
    expect([retry.status, retry.body.paidRupiah]).toEqual([200, 60_000]);
    const over = await op.post<ErrorBody>(`/api/v1/sales/${q.body.id}/payments`, { date: '2026-11-24', amountRupiah: 50_001, method: 'transfer', idempotencyKey: 'inst-pay-2' });
    expect(over.body.error.fields.amountRupiah).toContain('50.000');
    const rest = await op.post<Sale>(`/api/v1/sales/${q.body.id}/payments`, { date: '2026-11-24', amountRupiah: 50_000, method: 'transfer', idempotencyKey: 'inst-pay-3' });
    expect([rest.body.status, rest.body.paidRupiah]).toEqual(['paid', 110_000]);
    const pdf = await op.request<string>('GET', `/api/v1/sales/${q.body.id}/documents/invoice`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  });
});

describe('consignment', () => {
  it('places goods at a partner shop (still the UPT’s) and sells them only from there', async () => {
    const shop = await op.post<{ id: number }>('/api/v1/sales/consignment/shops', { name: 'Toko Oleh-oleh Simpang Lima', partnerName: 'CV Simpang Lima' });
    expect(shop.status).toBe(201);
    id.shop = shop.body.id;
    const storeBefore = await breadOnHand();
    const placed = await op.post<{ moves: number }>('/api/v1/sales/consignment/placements', { fromLocationId: id.store, toLocationId: id.shop, date: '2026-11-24', lines: [{ productId: id.bread, qty: 10 }], idempotencyKey: 'consign-0001' });
    expect(placed.status).toBe(201);
    expect((await op.post('/api/v1/sales/consignment/placements', { fromLocationId: id.store, toLocationId: id.shop, date: '2026-11-24', lines: [{ productId: id.bread, qty: 10 }], idempotencyKey: 'consign-0001' })).status).toBe(200);
    expect([await breadOnHand(), await breadOnHand(id.shop)]).toEqual([storeBefore - 10, 10]);
    const wrong = await op.post<ErrorBody>('/api/v1/sales', counter('counter-at-shop', 1, { locationId: id.shop }));
    expect(wrong.body.error.fields.locationId).toBeTruthy();
    const sold = await op.post<Sale>('/api/v1/sales', { channel: 'consignment', date: '2026-11-25', locationId: id.shop, lines: [{ productId: id.bread, qty: 4 }], payment: { method: 'transfer' }, idempotencyKey: 'consign-sale-1' });
    expect([sold.status, sold.body.status]).toEqual([201, 'paid']);
    const shops = await op.get<{ items: Array<{ id: number; stock: Array<{ qty: number }> }> }>('/api/v1/sales/consignment');
    expect(shops.body.items.find((s) => s.id === id.shop)!.stock[0]!.qty).toBe(6);
  });
});

describe('proceeds split', () => {
  it('refuses shares that do not add up to 100%', async () => {
    const bad = await head.post<ErrorBody>('/api/v1/sales/proceeds-rules', { validFrom: '2026-01-01', base: 'revenue', premiBp: 3500, pnbpBp: 5000, workingCapitalBp: 0, programmeBp: 1400, premiWeight: 'output', legalBasis: 'SK Kalapas 2026' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.premiBp).toMatch(/100%/);
  });

  it('shares a month’s paid sales: premi to the workers by output hours, PNBP due, every rupiah accounted for; reversible', async () => {
    const rule = await head.post('/api/v1/sales/proceeds-rules', { validFrom: '2026-01-01', base: 'revenue', premiBp: 3500, pnbpBp: 5000, workingCapitalBp: 0, programmeBp: 1500, premiWeight: 'output', legalBasis: 'SK Kalapas Semarang 2026 (35/50/15 dari penjualan)' });
    expect(rule.status).toBe(201);
    const revenue = Number((await t.db.one<{ s: string }>(`SELECT sum(total_rupiah)::text AS s FROM sale WHERE upt_id = $1 AND status = 'paid'`, [id.upt]))!.s);
    const preview = await head.get<{ groups: Array<{ revenueRupiah: number; premiRupiah: number; workers: Array<{ wbpId: number; amountRupiah: number }> }> }>('/api/v1/sales/splits/preview?month=2026-11');
    expect(preview.body.groups[0]!.revenueRupiah).toBe(revenue);
    const before = await state();
    const summaryBefore = (await head.get<Summary>('/api/v1/sales/summary?year=2026')).body.totals;
    const applied = await head.post<{ items: Split[] }>('/api/v1/sales/splits', { month: '2026-11', idempotencyKey: 'split-2026-11' });
    expect(applied.status).toBe(201);
    const s = applied.body.items[0]!;
    expect(s.baseRupiah).toBe(revenue);
    expect(s.premiRupiah + s.pnbpRupiah + s.workingCapitalRupiah + s.programmeRupiah).toBe(revenue);
    expect(s.pnbpRupiah).toBe(Math.round(revenue / 2));
    const shares = await t.db.query<{ wbp_id: number; amount_rupiah: string }>(`SELECT wbp_id, amount_rupiah::text FROM premi_entry WHERE source = $1 ORDER BY wbp_id`, [`split:${s.id}`]);
    expect(shares.map((r) => Number(r.amount_rupiah)).reduce((a, b) => a + b, 0)).toBe(s.premiRupiah);
    const byWorker = new Map(shares.map((r) => [Number(r.wbp_id), Number(r.amount_rupiah)]));
    // 6 hours against 2: three quarters and one quarter of the pool, to the rupiah.
    expect(Math.abs(byWorker.get(id.w1)! - 3 * byWorker.get(id.w2)!)).toBeLessThanOrEqual(3);
    const retry = await head.post<{ items: Split[] }>('/api/v1/sales/splits', { month: '2026-11', idempotencyKey: 'split-2026-11' });
    expect([retry.status, retry.body.items[0]!.id]).toEqual([200, s.id]);
    const again = await head.post<ErrorBody>('/api/v1/sales/splits', { month: '2026-11', idempotencyKey: 'split-2026-11-b' });
    expect(again.body.error.fields.month).toBeTruthy();
    const after = await state();
    expect(after.splits - before.splits).toBe(1);
    expect(after.premi - before.premi).toBe(2);
    const summary = await head.get<Summary>('/api/v1/sales/summary?year=2026');
    expect(summary.body.totals.pnbpDueRupiah - summaryBefore.pnbpDueRupiah).toBe(s.pnbpRupiah);
    expect(summary.body.totals.premiSharedRupiah - summaryBefore.premiSharedRupiah).toBe(s.premiRupiah);

    // A shared sale cannot be refunded until its split is reversed.
    const sale = await t.db.one<{ id: number }>(`SELECT s.id FROM sale s JOIN sale_line l ON l.sale_id = s.id WHERE l.split_id = $1 LIMIT 1`, [s.id]);
    const detail = await op.get<Sale>(`/api/v1/sales/${sale!.id}`);
    const refused = await op.post<ErrorBody>(`/api/v1/sales/payments/${detail.body.payments[0]!.id}/reverse`, { reason: 'Salah input kasir' });
    expect(refused.body.error.fields.paymentId).toBeTruthy();
    const reversed = await head.post<Split>(`/api/v1/sales/splits/${s.id}/reverse`, { reason: 'Aturan keliru dipakai' });
    expect([reversed.status, reversed.body.premiRupiah]).toEqual([200, -s.premiRupiah]);
    const net = await t.db.one<{ s: string }>(`SELECT coalesce(sum(amount_rupiah),0)::text AS s FROM premi_entry WHERE wbp_id = ANY($1::bigint[])`, [[id.w1, id.w2]]);
    expect(Number(net!.s)).toBe(0);
    expect((await head.get<Summary>('/api/v1/sales/summary?year=2026')).body.totals.pnbpDueRupiah).toBe(summaryBefore.pnbpDueRupiah);
    expect((await head.post<ErrorBody>(`/api/v1/sales/splits/${s.id}/reverse`, { reason: 'Dua kali' })).status).toBe(400);
    const refund = await op.post<Sale>(`/api/v1/sales/payments/${detail.body.payments[0]!.id}/reverse`, { reason: 'Salah input kasir' });
    expect([refund.status, refund.body.paidRupiah, refund.body.status]).toEqual([200, 0, 'delivered']);
  });

  it('the national summary equals the sum of the units', async () => {
    const admin = await t.as('admin.pusat');
    const national = await admin.get<Summary>('/api/v1/sales/summary?year=2026');
    expect(national.body.totals.revenueRupiah).toBe(national.body.units.reduce((a, u) => a + u.revenueRupiah, 0));
    const own = await head.get<Summary>('/api/v1/sales/summary?year=2026');
    expect(national.body.totals.revenueRupiah).toBeGreaterThanOrEqual(own.body.totals.revenueRupiah);
    expect((await foreign.get(`/api/v1/sales/summary?year=2026&uptId=${id.upt}`)).status).toBe(403);
  });
});

describe('catalogue request → institutional order', () => {
  it('turns a visitor’s request into a quotation with the prices the buyer saw, once, and marks the request converted', async () => {
    await t.db.query('UPDATE product SET published = true WHERE id = $1', [id.bread]);
    const anon = t.anon();
    const sent = await anon.post<{ id?: number; number: string }>('/api/v1/catalogue/requests', {
      kind: 'order', buyerKind: 'agency', buyerName: 'Rina Lestari', institution: 'Dinas Koperasi Kota Semarang', email: 'rina@example.go.id', region: 'Kota Semarang', idempotencyKey: 'visitor-order-0001', lines: [{ productId: id.bread, qty: 4 }],
    });
    expect(sent.status).toBe(201);
    const req = (await t.db.one<{ id: number; version: number }>(`SELECT id, version FROM order_request WHERE idempotency_key = 'visitor-order-0001'`))!;
    const before = await state();
    const stale = await op.post<ErrorBody>(`/api/v1/sales/from-request/${req.id}`, { version: req.version + 1, locationId: id.store, idempotencyKey: 'from-req-0001' });
    expect(stale.status).toBe(409);
    expect(await state()).toEqual(before);
    const made = await op.post<Sale & { externalReference: string; lines: Array<{ qty: number }> }>(`/api/v1/sales/from-request/${req.id}`, { version: req.version, locationId: id.store, idempotencyKey: 'from-req-0001' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'quotation', totalRupiah: 48_000, externalReference: sent.body.number, buyerContact: 'rina@example.go.id' });
    expect((await t.db.one<{ status: string }>('SELECT status FROM order_request WHERE id = $1', [req.id]))!.status).toBe('converted');
    const retry = await op.post<Sale>(`/api/v1/sales/from-request/${req.id}`, { version: req.version, locationId: id.store, idempotencyKey: 'from-req-0001' });
    expect([retry.status, retry.body.id]).toEqual([200, made.body.id]);
    const again = await op.post<ErrorBody>(`/api/v1/sales/from-request/${req.id}`, { version: req.version + 1, locationId: id.store, idempotencyKey: 'from-req-0002' });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect((await foreign.post(`/api/v1/sales/from-request/${req.id}`, { version: req.version + 1, locationId: id.store, idempotencyKey: 'from-req-0003' })).status).toBe(403);
  });
});
