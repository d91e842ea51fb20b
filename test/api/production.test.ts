import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';

interface ErrorBody { error: { code: string; fields: Record<string, string> } }
interface Move { id: number; kind: string; itemId: number; lotCode: string | null; lotExpiry: string | null; qty: number; totalCostRupiah: number | null; reversedBy: number | null; uptId: number }
interface Variance { itemId: number; plannedQty: number; actualQty: number; varianceQty: number; varianceBasisPoints: number | null; status: string }
interface Batch {
  id: number; number: string; uptId: number; outputQty: number; scrapQty: number; inmates: number; hours: number;
  totalCostRupiah: number; unitCostRupiah: number | null; scrapCostRupiah: number; outputCostRupiah: number;
  moves: Move[]; variance: Variance[]; workers: Array<{ wbpId: number; hours: number }>;
}
interface OnHand { items: Array<{ itemId: number; locationId: number; lotCode: string | null; expiry: string | null; expired: boolean; qty: number; valueRupiah: number; uptId: number }>; totalValueRupiah: number }

let t: TestApp;
let op: Client;
let foreign: Client;
const id = { upt: 0, dapur: 0, gudang: 0, flour: 0, yeast: 0, bread: 0, breadItem: 0, worker1: 0, worker2: 0, foreignWorker: 0 };
const count = async (table: string) => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))!.n;
const counts = async () => ({ moves: await count('stock_move'), batches: await count('production_batch'), workers: await count('production_batch_worker'), audit: await count('audit_log'), items: await count('stock_item') });

const receipt = (key: string, itemId: number, qty: number, totalCostRupiah: number, lot?: { code: string; expiry?: string }, date = '2026-11-20') => ({
  kind: 'receipt', date, itemId, locationId: id.dapur, qty, totalCostRupiah, idempotencyKey: key, ...(lot ? { lot } : {}),
});

beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' });
  op = await t.as('operator.lapas.semarang');
  foreign = await t.as('operator.lapas.tangerang');
  const wbp = async (c: Client, reg: string) => (await c.post<{ id: number }>('/api/v1/wbp', { noRegister: reg, name: `Pekerja ${reg}`, sex: 'L', religion: 'islam', status: 'narapidana' })).body.id;
  id.worker1 = await wbp(op, 'P-1');
  id.worker2 = await wbp(op, 'P-2');
  id.foreignWorker = await wbp(foreign, 'P-9');
});
afterAll(() => t.close());

describe('products, stock items, locations and the bill of materials', () => {
  it('creates them in the operator’s own UPT and keeps the BoM versioned with the product', async () => {
    const product = await op.post<{ id: number; uptId: number; version: number }>('/api/v1/production/products', { name: 'Roti Manis', category: 'kuliner', unit: 'pcs', priceRupiah: 5000 });
    expect(product.status).toBe(201);
    id.bread = product.body.id;
    id.upt = product.body.uptId;
    expect((await op.post<ErrorBody>('/api/v1/production/products', { name: 'Roti Manis', category: 'kuliner', unit: 'pcs' })).body.error.code).toBe('DUPLICATE');
    expect((await op.post<ErrorBody>('/api/v1/production/products', { name: 'Roti', category: 'roti', unit: 'pcs' })).body.error.fields.category).toBeTruthy();
    id.dapur = (await op.post<{ id: number }>('/api/v1/stock/locations', { name: 'Dapur Roti' })).body.id;
    id.gudang = (await op.post<{ id: number }>('/api/v1/stock/locations', { name: 'Gudang Bahan' })).body.id;
    id.flour = (await op.post<{ id: number }>('/api/v1/stock/items', { name: 'Tepung terigu', unit: 'g', perishable: true })).body.id;
    id.yeast = (await op.post<{ id: number }>('/api/v1/stock/items', { name: 'Ragi', unit: 'g' })).body.id;
    expect((await op.post<ErrorBody>('/api/v1/stock/items', { name: 'Gula', unit: 'kg' })).body.error.fields.unit).toBeTruthy();

    const bom = await op.request<{ version: number; bom: Array<{ itemId: number; qtyPerUnit: number }> }>('PUT', `/api/v1/production/products/${id.bread}/bom`, {
      version: product.body.version, lines: [{ itemId: id.flour, qtyPerUnit: 50 }, { itemId: id.yeast, qtyPerUnit: 1 }],
    });
    expect(bom.status).toBe(200);
    expect(bom.body.bom.map((l) => [l.itemId, l.qtyPerUnit])).toEqual([[id.flour, 50], [id.yeast, 1]]);
    const stale = await op.request<ErrorBody>('PUT', `/api/v1/production/products/${id.bread}/bom`, { version: product.body.version, lines: [] });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CONFLICT_VERSION']);
    const twice = await op.request<ErrorBody>('PUT', `/api/v1/production/products/${id.bread}/bom`, { version: bom.body.version, lines: [{ itemId: id.flour, qtyPerUnit: 1 }, { itemId: id.flour, qtyPerUnit: 2 }] });
    expect(twice.body.error.fields['lines.1.itemId']).toBeTruthy();

    const patched = await op.patch<{ priceRupiah: number; version: number }>(`/api/v1/production/products/${id.bread}`, { version: bom.body.version, priceRupiah: 5500 });
    expect([patched.status, patched.body.priceRupiah]).toEqual([200, 5500]);
    expect((await op.patch<ErrorBody>(`/api/v1/production/products/${id.bread}`, { version: bom.body.version, priceRupiah: 6000 })).status).toBe(409);
  });
});

describe('stock ledger', () => {
  it('receives flour in lots with different costs and expiries; a perishable receipt needs an expiry', async () => {
    const noExpiry = await op.post<ErrorBody>('/api/v1/stock/moves', receipt('rcv-flour-x', id.flour, 1000, 10_000, { code: 'X' }));
    expect([noExpiry.status, Object.keys(noExpiry.body.error.fields)]).toEqual([400, ['lot.expiry']]);
    // Received in the opposite order of their expiry: FEFO must not follow the receipt order.
    const b = await op.post<Move>('/api/v1/stock/moves', receipt('rcv-flour-b', id.flour, 10_000, 155_000, { code: 'B', expiry: '2027-01-31' }, '2026-11-10'));
    const a = await op.post<Move>('/api/v1/stock/moves', receipt('rcv-flour-a', id.flour, 10_000, 120_000, { code: 'A', expiry: '2026-12-10' }, '2026-11-15'));
    const c = await op.post<Move>('/api/v1/stock/moves', receipt('rcv-flour-c', id.flour, 2_000, 20_000, { code: 'C', expiry: '2026-11-01' }, '2026-10-20'));
    const y = await op.post<Move>('/api/v1/stock/moves', receipt('rcv-yeast-1', id.yeast, 1_000, 60_000));
    expect([a.status, b.status, c.status, y.status]).toEqual([201, 201, 201, 201]);
    expect(a.body).toMatchObject({ kind: 'receipt', qty: 10_000, lotCode: 'A', lotExpiry: '2026-12-10', totalCostRupiah: 120_000, uptId: id.upt });
  });

  it('answers a retried move with the first one and changes nothing; a different move under the same key is refused', async () => {
    const before = await counts();
    const again = await op.post<Move>('/api/v1/stock/moves', receipt('rcv-flour-a', id.flour, 10_000, 120_000, { code: 'A', expiry: '2026-12-10' }, '2026-11-15'));
    expect(again.status).toBe(200);
    expect(again.body.lotCode).toBe('A');
    expect(await counts()).toEqual(before);
    const other = await op.post<ErrorBody>('/api/v1/stock/moves', receipt('rcv-flour-a', id.flour, 9_000, 120_000, { code: 'A' }, '2026-11-15'));
    expect([other.status, Object.keys(other.body.error.fields)]).toEqual([409, ['idempotencyKey']]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a move that would make a stock negative or contradict a lot’s expiry, with the rule’s message', async () => {
    const before = await counts();
    const tooMuch = await op.post<ErrorBody>('/api/v1/stock/moves', { kind: 'adjustment', date: '2026-11-21', itemId: id.yeast, locationId: id.dapur, qty: -5_000, idempotencyKey: 'adj-yeast-too-much' });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.fields.qty).toMatch(/Stok tidak cukup: tersedia 1000, diminta 5000/);
    const mismatch = await op.post<ErrorBody>('/api/v1/stock/moves', receipt('rcv-flour-a2', id.flour, 100, 1_000, { code: 'A', expiry: '2027-06-01' }));
    expect(mismatch.body.error.fields['lot.expiry']).toMatch(/kedaluwarsa 2026-12-10/);
    const future = await op.post<ErrorBody>('/api/v1/stock/moves', receipt('rcv-future', id.yeast, 100, 1_000, undefined, '2026-12-01'));
    expect(future.body.error.fields.date).toBeTruthy();
    const noCost = await op.post<ErrorBody>('/api/v1/stock/moves', { ...receipt('rcv-no-cost', id.yeast, 100, 0), totalCostRupiah: undefined });
    expect(noCost.body.error.fields.totalCostRupiah).toBeTruthy();
    expect(await counts()).toEqual(before);
  });
});

let batch: Batch;
const batchBody = (key: string, over: Record<string, unknown> = {}) => ({
  productId: id.bread, date: '2026-11-24', locationId: id.dapur,
  consumed: [{ itemId: id.flour, qty: 12_500 }, { itemId: id.yeast, qty: 250 }],
  outputQty: 230, scrapQty: 10, outputLot: { code: 'RT-1124', expiry: '2026-11-28' },
  workers: [{ wbpId: id.worker1, hours: 6 }, { wbpId: id.worker2, hours: 5 }],
  idempotencyKey: key, ...over,
});

describe('production batches', () => {
  it('consumes by FEFO and costs the batch from what was consumed, not from the BoM', async () => {
    const res = await op.post<Batch>('/api/v1/production/batches', batchBody('batch-0001-key'));
    expect(res.status).toBe(201);
    batch = res.body;
    expect(batch.number).toBe('PRD-2026-0001');
    expect([batch.inmates, batch.hours]).toEqual([2, 11]);
    // Lot C expired on 1 Nov and is skipped; lot A (expiring first) before lot B, whatever the receipt order.
    const consumption = batch.moves.filter((m) => m.kind === 'consumption');
    expect(consumption.map((m) => [m.itemId, m.lotCode, m.qty, m.totalCostRupiah])).toEqual([
      [id.flour, 'A', -10_000, 120_000],
      [id.flour, 'B', -2_500, 38_750],
      [id.yeast, null, -250, 15_000],
    ]);
    const consumedValue = consumption.reduce((s, m) => s + (m.totalCostRupiah ?? 0), 0);
    expect(batch.totalCostRupiah).toBe(consumedValue);
    expect(batch.totalCostRupiah).toBe(173_750);
    // What a BoM-costed system would have said (240 × 50 g of flour at lot A's Rp 12/g + 240 g of yeast at Rp 60/g): not this.
    expect(batch.totalCostRupiah).not.toBe(240 * 50 * 12 + 240 * 60);
    expect(batch.scrapCostRupiah).toBeGreaterThanOrEqual(0);
    expect(batch.scrapCostRupiah).toBe(Math.floor((173_750 * 10) / 240));
    expect(batch.outputCostRupiah + batch.scrapCostRupiah).toBe(batch.totalCostRupiah);
    expect(batch.unitCostRupiah).toBe(Math.round(batch.outputCostRupiah / 230));
    const output = batch.moves.find((m) => m.kind === 'output')!;
    expect(output).toMatchObject({ qty: 230, lotCode: 'RT-1124', lotExpiry: '2026-11-28', totalCostRupiah: batch.outputCostRupiah });
    id.breadItem = output.itemId;
    expect(batch.variance).toEqual([
      { itemId: id.flour, itemName: 'Tepung terigu', plannedQty: 12_000, actualQty: 12_500, varianceQty: 500, varianceBasisPoints: 417, status: 'over' },
      { itemId: id.yeast, itemName: 'Ragi', plannedQty: 240, actualQty: 250, varianceQty: 10, varianceBasisPoints: 417, status: 'over' },
    ]);
    expect(batch.workers.map((w) => w.wbpId).sort()).toEqual([id.worker1, id.worker2].sort());
    const audit = await t.db.one<{ scope_upt_id: number; action: string }>(`SELECT scope_upt_id, action FROM audit_log WHERE entity = 'production_batch' AND entity_id = $1`, [String(batch.id)]);
    expect(audit).toEqual({ scope_upt_id: id.upt, action: 'create' });
  });

  it('leaves on hand equal to receipts minus consumption, per stock and per item (sum of moves)', async () => {
    const res = await op.get<OnHand>(`/api/v1/stock/on-hand?locationId=${id.dapur}`);
    expect(res.status).toBe(200);
    const row = (itemId: number, lot: string | null) => res.body.items.find((r) => r.itemId === itemId && r.lotCode === lot);
    expect(row(id.flour, 'A')).toBeUndefined();
    expect(row(id.flour, 'B')).toMatchObject({ qty: 7_500, valueRupiah: 116_250, expired: false });
    expect(row(id.flour, 'C')).toMatchObject({ qty: 2_000, valueRupiah: 20_000, expired: true, expiry: '2026-11-01' });
    expect(row(id.yeast, null)).toMatchObject({ qty: 750, valueRupiah: 45_000 });
    expect(row(id.breadItem, 'RT-1124')).toMatchObject({ qty: 230, valueRupiah: batch.outputCostRupiah });
    // Property: for every item, the ledger's sum of moves is what on hand shows.
    const sums = await t.db.query<{ item_id: number; qty: number }>('SELECT item_id, sum(qty)::bigint AS qty FROM stock_move GROUP BY item_id');
    for (const s of sums) {
      expect(res.body.items.filter((r) => r.itemId === s.item_id).reduce((a, r) => a + r.qty, 0)).toBe(Number(s.qty));
    }
    const single = await op.get<OnHand>(`/api/v1/stock/on-hand?itemId=${id.yeast}`);
    expect(single.body.items.map((r) => r.qty)).toEqual([750]);
    expect(res.body.totalValueRupiah).toBe(res.body.items.reduce((a, r) => a + r.valueRupiah, 0));
  });

  it('answers a retried batch with the first one and changes nothing', async () => {
    const before = await counts();
    const again = await op.post<Batch>('/api/v1/production/batches', batchBody('batch-0001-key'));
    expect(again.status).toBe(200);
    expect([again.body.id, again.body.number]).toEqual([batch.id, batch.number]);
    expect(await counts()).toEqual(before);
    const changed = await op.post<ErrorBody>('/api/v1/production/batches', batchBody('batch-0001-key', { outputQty: 200 }));
    expect(changed.status).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('refuses consuming more than on hand, or an expired lot, and writes nothing', async () => {
    const before = await counts();
    const counter = await t.db.query('SELECT * FROM production_counter ORDER BY id');
    const tooMuch = await op.post<ErrorBody>('/api/v1/production/batches', batchBody('batch-too-much', { consumed: [{ itemId: id.flour, qty: 50_000 }] }));
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.fields['consumed.0.qty']).toMatch(/tidak cukup: tersedia 7\.500 g, diminta 50\.000 g/);
    const expired = await op.post<ErrorBody>('/api/v1/production/batches', batchBody('batch-expired', { consumed: [{ itemId: id.flour, qty: 100, lotCode: 'C' }] }));
    expect(expired.status).toBe(400);
    expect(expired.body.error.fields['consumed.0.lotCode']).toMatch(/kedaluwarsa 2026-11-01/);
    const outsider = await op.post<ErrorBody>('/api/v1/production/batches', batchBody('batch-outsider', { workers: [{ wbpId: id.foreignWorker, hours: 3 }] }));
    expect(Object.keys(outsider.body.error.fields)).toEqual(['workers.0.wbpId']);
    const nothing = await op.post<ErrorBody>('/api/v1/production/batches', batchBody('batch-nothing', { outputQty: 0, scrapQty: 0 }));
    expect(nothing.body.error.fields.outputQty).toBeTruthy();
    expect(await counts()).toEqual(before);
    expect(await t.db.query('SELECT * FROM production_counter ORDER BY id')).toEqual(counter);
  });

  it('numbers batches without gaps per UPT and year, even after a refused batch', async () => {
    const second = await op.post<Batch>('/api/v1/production/batches', batchBody('batch-0002-key', {
      consumed: [{ itemId: id.flour, qty: 1_000 }, { itemId: id.yeast, qty: 20 }], outputQty: 20, scrapQty: 0, outputLot: { code: 'RT-1125', expiry: '2026-11-29' }, date: '2026-11-25',
    }));
    expect([second.status, second.body.number]).toEqual([201, 'PRD-2026-0002']);
    expect(second.body.scrapCostRupiah).toBe(0);
    expect(second.body.outputCostRupiah).toBe(second.body.totalCostRupiah);
    // Another UPT counts on its own.
    const fp = (await foreign.post<{ id: number }>('/api/v1/production/products', { name: 'Roti Tawar', category: 'kuliner', unit: 'pcs' })).body.id;
    const floc = (await foreign.post<{ id: number }>('/api/v1/stock/locations', { name: 'Dapur' })).body.id;
    const fitem = (await foreign.post<{ id: number }>('/api/v1/stock/items', { name: 'Tepung', unit: 'g' })).body.id;
    await foreign.post('/api/v1/stock/moves', { kind: 'receipt', date: '2026-11-20', itemId: fitem, locationId: floc, qty: 5000, totalCostRupiah: 60_000, idempotencyKey: 'tgr-rcv-0001' });
    const fb = await foreign.post<Batch>('/api/v1/production/batches', { productId: fp, date: '2026-11-24', locationId: floc, consumed: [{ itemId: fitem, qty: 1000 }], outputQty: 10, idempotencyKey: 'tgr-batch-0001' });
    expect([fb.status, fb.body.number]).toEqual([201, 'PRD-2026-0001']);
    const list = await op.get<{ items: Array<{ number: string; uptId: number }> }>('/api/v1/production/batches');
    expect(list.body.items.map((b) => b.number)).toEqual(['PRD-2026-0002', 'PRD-2026-0001']);
    expect(list.body.items.every((b) => b.uptId === id.upt)).toBe(true);
  });
});

describe('reversal', () => {
  it('reverses a move once; a batch’s own moves are not reversed one by one', async () => {
    const found = await op.post<Move>('/api/v1/stock/moves', { kind: 'adjustment', date: '2026-11-25', itemId: id.flour, locationId: id.dapur, qty: 100, lot: { code: 'B' }, idempotencyKey: 'adj-flour-found-1' });
    expect(found.status).toBe(201);
    const rev = await op.post<Move>(`/api/v1/stock/moves/${found.body.id}/reverse`, { reason: 'Salah hitung stok opname' });
    expect(rev.status).toBe(201);
    expect(rev.body).toMatchObject({ kind: 'reversal', qty: -100, lotCode: 'B' });
    expect((await op.get<Move>(`/api/v1/stock/moves?itemId=${id.flour}&kind=adjustment`)).status).toBe(200);
    const twice = await op.post<ErrorBody>(`/api/v1/stock/moves/${found.body.id}/reverse`, { reason: 'Salah hitung stok opname' });
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields.moveId).toMatch(/sudah dibalik/);
    const ofReversal = await op.post<ErrorBody>(`/api/v1/stock/moves/${rev.body.id}/reverse`, { reason: 'Membalik pembalikan' });
    expect(ofReversal.status).toBe(400);
    const batchMove = batch.moves[0]!.id;
    expect((await op.post<ErrorBody>(`/api/v1/stock/moves/${batchMove}/reverse`, { reason: 'Coba batalkan pemakaian' })).body.error.fields.moveId).toMatch(/batch produksi/);
    // A receipt already used cannot be taken back: the stock would go negative.
    const yeastReceipt = (await t.db.one<{ id: number }>(`SELECT id FROM stock_move WHERE idempotency_key = 'rcv-yeast-1'`))!.id;
    expect((await op.post<ErrorBody>(`/api/v1/stock/moves/${yeastReceipt}/reverse`, { reason: 'Salah terima barang' })).body.error.fields.moveId).toMatch(/Stok tidak cukup/);
    const moves = await op.get<{ items: Move[]; total: number }>(`/api/v1/stock/moves?itemId=${id.flour}&pageSize=2`);
    expect(moves.body.items).toHaveLength(2);
    expect(moves.body.items[0]!.id).toBe(rev.body.id);
    expect(moves.body.items[1]).toMatchObject({ id: found.body.id, reversedBy: rev.body.id });
  });

  it('refuses to edit or delete the stock ledger in place', async () => {
    await expect(t.db.query('UPDATE stock_move SET qty = 1')).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM stock_move')).rejects.toThrow(/append-only/);
  });
});

describe('another UPT', () => {
  it('cannot read or write these records', async () => {
    const move = (await t.db.one<{ id: number }>(`SELECT id FROM stock_move WHERE idempotency_key = 'rcv-flour-b'`))!.id;
    const refused = [
      await foreign.get<ErrorBody>(`/api/v1/production/products/${id.bread}`),
      await foreign.patch<ErrorBody>(`/api/v1/production/products/${id.bread}`, { version: 1, priceRupiah: 1 }),
      await foreign.request<ErrorBody>('PUT', `/api/v1/production/products/${id.bread}/bom`, { version: 1, lines: [] }),
      await foreign.get<ErrorBody>(`/api/v1/production/batches/${batch.id}`),
      await foreign.post<ErrorBody>(`/api/v1/stock/moves/${move}/reverse`, { reason: 'Bukan milik kami' }),
      await foreign.post<ErrorBody>('/api/v1/stock/moves', receipt('tgr-into-smg', id.yeast, 10, 100)),
      await foreign.post<ErrorBody>('/api/v1/production/batches', batchBody('tgr-batch-smg')),
    ];
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(refused.map(() => [403, 'OUT_OF_SCOPE']));
    const lists = ['/api/v1/production/products', '/api/v1/production/batches', '/api/v1/stock/items', '/api/v1/stock/locations', '/api/v1/stock/moves', '/api/v1/stock/on-hand'];
    for (const path of lists) {
      const res = await foreign.get<{ items: Array<{ uptId: number }> }>(path);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((r) => r.uptId !== id.upt)).toBe(true);
    }
    // A foreign uptId in a create is ignored: a UPT user always creates in their own UPT.
    const own = await foreign.post<{ uptId: number }>('/api/v1/stock/locations', { uptId: id.upt, name: 'Gudang Lintas' });
    expect(own.body.uptId).not.toBe(id.upt);
  });
});
