import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { isAfter } from '../../../domain/calendar/date.ts';
import { bomVariance, consumedLines, costBatch, type BatchCost } from '../../../domain/stock/costing.ts';
import { lotExpiry, pickLots, validateMove, type LotPick, type StockMove as LedgerMove } from '../../../domain/stock/ledger.ts';
import { groupThousands } from '../../../domain/work/text.ts';
import { covers, scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { Batch, BatchInput, BatchListQuery, BatchSummary, Variance } from '../../../shared/schemas/production.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { filteredRoute, ownScopeRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound, outOfScope } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { productionTags as tags } from './products.ts';
import { insertMove, keyConflict, ledgerRefusal, listMoves, loadLedger, lockItems, type ItemRow, type ProductRow } from './queries.ts';

const batchIdOf = (c: Context<AppEnv>) => Number(c.req.param('batchId'));

const batchTarget: TargetResolver = async (c) => {
  const b = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM production_batch WHERE id = $1', [batchIdOf(c)]);
  return b ? { kanwilId: b.kanwil_id, uptId: b.upt_id } : undefined;
};

const listRoute = defineRoute({
  method: 'get', path: '/production/batches', tags, summary: 'Daftar batch produksi / production batches',
  access: filteredRoute('work.read'), request: { query: BatchListQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(BatchSummary) }), 'Batches in scope, newest first'), ...errorResponses },
});
const createRouteDef = defineRoute({
  method: 'post', path: '/production/batches', tags, summary: 'Catat batch produksi / record a production batch',
  description: [
    'In one transaction: a consumption move per material and lot (lots first-expiry-first-out unless `lotCode` is given), an output move into `locationId` valued by what was actually consumed (never by the BoM), the batch with its gap-free number (PRD-<year>-0001 per UPT), and its workers (inmates of the same UPT).',
    'Output and scrap share the cost in proportion to quantity; scrap never carries a negative cost. The answer shows the planned (BoM) versus consumed quantity per material.',
    'The client generates `idempotencyKey` once per batch: a retry answers the batch already recorded (200) and changes nothing. Anything refused writes nothing and uses no number.',
  ].join('\n\n'),
  access: ownScopeRoute('work.write'), request: { body: jsonBody(BatchInput) },
  responses: { 201: jsonOk(Batch, 'Recorded'), 200: jsonOk(Batch, 'Already recorded under this key'), ...errorResponses },
});
const getRoute = defineRoute({
  method: 'get', path: '/production/batches/{batchId}', tags, summary: 'Rincian batch produksi / a production batch',
  access: targetRoute('work.read', batchTarget), request: { params: z.object({ batchId: PositiveId }) },
  responses: { 200: jsonOk(Batch, 'Batch with its moves, workers and BoM variance'), ...errorResponses },
});

interface BatchRow {
  id: number; number: string; upt_id: number; upt_name: string; kanwil_id: number; product_id: number; product_name: string; location_id: number; date: string;
  output_qty: number; scrap_qty: number; inmates: number; hours: number; total_cost_rupiah: number; unit_cost_rupiah: number | null; scrap_cost_rupiah: number;
  note: string | null; created_at: Date; bom_variance: z.infer<typeof Variance>[]; [key: string]: unknown;
}
const SELECT = 'SELECT b.*, p.name AS product_name, u.name AS upt_name FROM production_batch b JOIN product p ON p.id = b.product_id JOIN upt u ON u.id = b.upt_id';

const toSummary = (r: BatchRow): z.infer<typeof BatchSummary> => ({
  id: Number(r.id), number: r.number, uptId: r.upt_id, uptName: r.upt_name, kanwilId: r.kanwil_id, productId: r.product_id, productName: r.product_name,
  locationId: r.location_id, date: r.date, outputQty: Number(r.output_qty), scrapQty: Number(r.scrap_qty), inmates: r.inmates, hours: r.hours,
  totalCostRupiah: Number(r.total_cost_rupiah), unitCostRupiah: r.unit_cost_rupiah === null ? null : Number(r.unit_cost_rupiah), scrapCostRupiah: Number(r.scrap_cost_rupiah),
  outputCostRupiah: Number(r.total_cost_rupiah) - Number(r.scrap_cost_rupiah), note: r.note, createdAt: new Date(r.created_at).toISOString(),
});

async function describeBatch(db: Queryable, id: number): Promise<Batch> {
  const r = await db.one<BatchRow>(`${SELECT} WHERE b.id = $1`, [id]);
  if (!r) throw notFound();
  const workers = await db.query<{ wbp_id: number; no_register: string; name: string; hours: number }>(
    'SELECT x.wbp_id, w.no_register, w.name, x.hours FROM production_batch_worker x JOIN wbp w ON w.id = x.wbp_id WHERE x.batch_id = $1 ORDER BY w.name, w.id',
    [id],
  );
  const moves = (await listMoves(db, 'm.batch_id = $1', [id])).reverse();
  return {
    ...toSummary(r),
    workers: workers.map((w) => ({ wbpId: Number(w.wbp_id), noRegister: w.no_register, name: w.name, hours: w.hours })),
    moves,
    variance: r.bom_variance,
  };
}

/** Where a ledger reason points in the batch request. */
const consumedField = (i: number) => (code: string) => (['expired_lot', 'invalid_lot', 'lot_expiry_mismatch'].includes(code) ? `consumed.${i}.lotCode` : `consumed.${i}.qty`);
const outputField = (code: string) => (code === 'lot_expiry_mismatch' || code === 'invalid_expiry' ? 'outputLot.expiry' : code === 'invalid_lot' ? 'outputLot.code' : 'outputQty');

/** FEFO could not cover the line from lots still usable on the batch date. */
function shortage(i: number, item: ItemRow, available: number, wanted: number): AppError {
  const n = (v: number, lang: 'id' | 'en') => `${groupThousands(v, lang)} ${item.unit}`;
  return new AppError(400, 'VALIDATION', {
    [`consumed.${i}.qty`]: {
      id: `Stok ${item.name} yang belum kedaluwarsa di lokasi ini tidak cukup: tersedia ${n(available, 'id')}, diminta ${n(wanted, 'id')}.`,
      en: `Not enough unexpired ${item.name} at this location: ${n(available, 'en')} available, ${n(wanted, 'en')} requested.`,
    },
  });
}

/**
 * One consumption move per line and lot, each checked by the ledger rules against the ledger as it
 * grows (a material listed twice cannot take the same stock twice). The moves join `ledger`.
 */
function planConsumption(ledger: LedgerMove[], input: BatchInput, items: Map<number, ItemRow>): LedgerMove[] {
  const out: LedgerMove[] = [];
  const locationId = String(input.locationId);
  for (const [i, line] of input.consumed.entries()) {
    const itemId = String(line.itemId);
    let picks: LotPick[];
    if (line.lotCode !== undefined) {
      const expiry = lotExpiry(ledger, itemId, line.lotCode);
      picks = [{ lot: expiry === null ? { code: line.lotCode } : { code: line.lotCode, expiry }, qty: line.qty }];
    } else {
      const pick = pickLots(ledger, itemId, locationId, line.qty, input.date);
      if (pick.shortfall > 0) throw shortage(i, items.get(line.itemId)!, line.qty - pick.shortfall, line.qty);
      picks = pick.picks;
    }
    for (const p of picks) {
      const move: LedgerMove = { id: `new:${out.length}`, date: input.date, itemId, locationId, qty: -p.qty, kind: 'consumption', ...(p.lot ? { lot: p.lot } : {}) };
      const check = validateMove(ledger, move);
      if (check.status !== 'accepted') throw ledgerRefusal(check.status === 'refused' ? check.reasons : [], consumedField(i));
      ledger.push(move);
      out.push(move);
    }
  }
  return out;
}

/** The UPT's number counter for the year, locked until the transaction ends (numbers without gaps). */
async function lockCounter(tx: Queryable, uptId: number, year: number): Promise<number> {
  await tx.query('INSERT INTO production_counter (upt_id, year) VALUES ($1, $2) ON CONFLICT (upt_id, year) DO NOTHING', [uptId, year]);
  return (await tx.one<{ last_number: number }>('SELECT last_number FROM production_counter WHERE upt_id = $1 AND year = $2 FOR UPDATE', [uptId, year]))!.last_number;
}

/** The stock item the product is kept as; made on the product's first batch (counted in the product's unit). */
async function outputItemOf(c: Context<AppEnv>, tx: Queryable, product: ProductRow, perishable: boolean): Promise<ItemRow> {
  const found = await tx.one<ItemRow>('SELECT * FROM stock_item WHERE product_id = $1', [product.id]);
  if (found) return found;
  const taken = await tx.one('SELECT 1 FROM stock_item WHERE upt_id = $1 AND name = $2', [product.upt_id, product.name]);
  const item = (await tx.one<ItemRow>(
    `INSERT INTO stock_item (upt_id, kanwil_id, name, unit, kind, product_id, perishable) VALUES ($1,$2,$3,$4,'product',$5,$6) RETURNING *`,
    [product.upt_id, product.kanwil_id, taken ? `${product.name} (produk)` : product.name, product.unit, product.id, perishable],
  ))!;
  await recordAudit(tx, actorOf(c), { entity: 'stock_item', entityId: item.id, action: 'create', after: item, scope: { kanwilId: product.kanwil_id, uptId: product.upt_id } });
  return item;
}

async function checkWorkers(tx: Queryable, input: BatchInput, uptId: number): Promise<void> {
  const rows = await tx.query<{ id: number; upt_id: number; released_on: string | null }>('SELECT id, upt_id, released_on FROM wbp WHERE id = ANY($1::bigint[])', [input.workers.map((w) => w.wbpId)]);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  for (const [i, w] of input.workers.entries()) {
    const row = byId.get(w.wbpId);
    // Inmates of the batch's UPT, held on the batch date.
    if (!row || row.upt_id !== uptId || (row.released_on !== null && row.released_on <= input.date)) throw invalidField(`workers.${i}.wbpId`, 'not_eligible');
  }
}

async function varianceOf(tx: Queryable, productId: number, consumed: LedgerMove[], producedQty: number): Promise<z.infer<typeof Variance>[]> {
  const bom = await tx.query<{ item_id: number; qty_per_unit: number }>('SELECT item_id, qty_per_unit FROM bom_line WHERE product_id = $1 ORDER BY id', [productId]);
  // The BoM is per unit; the plan is scaled to everything produced (good output and scrap both used material).
  const lines = bomVariance({ outputQty: 1, lines: bom.map((b) => ({ itemId: String(b.item_id), qty: Number(b.qty_per_unit) })) }, consumed, producedQty);
  const names = new Map((await tx.query<{ id: number; name: string }>('SELECT id, name FROM stock_item WHERE id = ANY($1::int[])', [lines.map((l) => Number(l.itemId))])).map((r) => [String(r.id), r.name]));
  return lines.map((l) => ({ ...l, itemId: Number(l.itemId), itemName: names.get(l.itemId) ?? '' }));
}

interface Prepared {
  consumption: LedgerMove[];
  values: number[];
  output: LedgerMove | undefined;
  cost: BatchCost;
}

/** Everything the batch writes, checked by the ledger and costing rules before anything is written. */
async function prepare(tx: Queryable, input: BatchInput, product: ProductRow, outputItem: ItemRow): Promise<Prepared> {
  const consumedIds = input.consumed.map((l) => l.itemId);
  const items = new Map((await lockItems(tx, [...consumedIds, outputItem.id])).map((i) => [i.id, i]));
  for (const [i, line] of input.consumed.entries()) {
    const item = items.get(line.itemId);
    if (!item || item.upt_id !== product.upt_id || item.id === outputItem.id) throw invalidField(`consumed.${i}.itemId`, 'invalid');
  }
  const ledger = await loadLedger(tx, [...consumedIds, outputItem.id]);
  const consumption = planConsumption(ledger, input, items);
  // Valued at the moving average of each consumed stock: the cost of what was actually used.
  const lines = consumedLines(ledger, consumption.map((m) => m.id));
  const costed = costBatch({ consumed: lines, outputQty: input.outputQty, scrapQty: input.scrapQty });
  if (!costed.ok) throw ledgerRefusal(costed.errors, (code) => (code === 'invalid_quantities' ? 'outputQty' : 'consumed'));
  let output: LedgerMove | undefined;
  if (input.outputQty > 0) {
    if (outputItem.perishable && !input.outputLot?.expiry) throw invalidField('outputLot.expiry', 'required');
    const lot = input.outputLot ? (input.outputLot.expiry ? { code: input.outputLot.code, expiry: input.outputLot.expiry } : { code: input.outputLot.code }) : undefined;
    output = {
      id: 'new:output', date: input.date, itemId: String(outputItem.id), locationId: String(input.locationId), qty: input.outputQty, kind: 'output',
      totalCostRupiah: costed.value.outputCostRupiah, ...(lot ? { lot } : {}),
    };
    const check = validateMove(ledger, output);
    if (check.status !== 'accepted') throw ledgerRefusal(check.status === 'refused' ? check.reasons : [], outputField);
  }
  return { consumption, values: lines.map((l) => -(l.valueRupiah ?? 0)), output, cost: costed.value };
}

export function batchRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'b.kanwil_id', upt: 'b.upt_id' }, params)];
    if (q.uptId) conds.push(`b.upt_id = $${params.push(q.uptId)}`);
    if (q.productId) conds.push(`b.product_id = $${params.push(q.productId)}`);
    if (q.from) conds.push(`b.date >= $${params.push(q.from)}`);
    if (q.to) conds.push(`b.date <= $${params.push(q.to)}`);
    const rows = await c.get('services').db.query<BatchRow>(`${SELECT} WHERE ${conds.join(' AND ')} ORDER BY b.date DESC, b.id DESC LIMIT 500`, params);
    return c.json({ items: rows.map(toSummary) }, 200);
  });
  app.openapi(getRoute, async (c) => c.json(await describeBatch(c.get('services').db, batchIdOf(c)), 200));
  app.openapi(createRouteDef, async (c) => {
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    if (isAfter(input.date, clock.today())) throw invalidField('date', 'date_in_future');
    if (input.outputQty + input.scrapQty === 0) throw invalidField('outputQty', 'too_small_number');
    for (const [i, w] of input.workers.entries()) if (input.workers.findIndex((x) => x.wbpId === w.wbpId) !== i) throw invalidField(`workers.${i}.wbpId`, 'invalid');
    const result = await db.tx(async (tx) => {
      const product = await tx.one<ProductRow>('SELECT * FROM product WHERE id = $1', [input.productId]);
      if (!product) throw invalidField('productId', 'invalid');
      // The product decides the UPT: it must lie inside the caller's scope.
      if (!covers(currentUser(c).scope, { kanwilId: product.kanwil_id, uptId: product.upt_id })) throw outOfScope();
      const year = Number(input.date.slice(0, 4));
      // Taken first: it serialises the UPT's batches, so a retried key is seen and numbers stay in order.
      const last = await lockCounter(tx, product.upt_id, year);
      const prior = await tx.one<{ id: number; upt_id: number; product_id: number; date: string; output_qty: number; scrap_qty: number }>(
        'SELECT id, upt_id, product_id, date, output_qty, scrap_qty FROM production_batch WHERE idempotency_key = $1',
        [input.idempotencyKey],
      );
      if (prior) {
        const same = prior.upt_id === product.upt_id && prior.product_id === product.id && prior.date === input.date && Number(prior.output_qty) === input.outputQty && Number(prior.scrap_qty) === input.scrapQty;
        if (!same) throw keyConflict();
        return { id: Number(prior.id), created: false };
      }
      if (!product.active) throw invalidField('productId', 'invalid');
      const loc = await tx.one<{ upt_id: number }>('SELECT upt_id FROM stock_location WHERE id = $1', [input.locationId]);
      if (!loc || loc.upt_id !== product.upt_id) throw invalidField('locationId', 'invalid');
      await checkWorkers(tx, input, product.upt_id);
      const outputItem = await outputItemOf(c, tx, product, Boolean(input.outputLot?.expiry));
      const plan = await prepare(tx, input, product, outputItem);
      const variance = await varianceOf(tx, product.id, plan.consumption, input.outputQty + input.scrapQty);
      const number = `PRD-${year}-${String(last + 1).padStart(4, '0')}`;
      await tx.query('UPDATE production_counter SET last_number = $3 WHERE upt_id = $1 AND year = $2', [product.upt_id, year, last + 1]);
      const userId = currentUser(c).id;
      const batch = (await tx.one<{ id: number }>(
        `INSERT INTO production_batch (upt_id, kanwil_id, number, product_id, location_id, date, output_qty, scrap_qty, inmates, hours,
           total_cost_rupiah, unit_cost_rupiah, scrap_cost_rupiah, bom_variance, note, idempotency_key, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::jsonb,$15,$16,$17) RETURNING id`,
        [
          product.upt_id, product.kanwil_id, number, product.id, input.locationId, input.date, input.outputQty, input.scrapQty, input.workers.length,
          input.workers.reduce((s, w) => s + w.hours, 0), plan.cost.totalCostRupiah, plan.cost.unitCostRupiah, plan.cost.scrapCostRupiah,
          JSON.stringify(variance), input.note ?? null, input.idempotencyKey, userId,
        ],
      ))!;
      const batchId = Number(batch.id);
      if (input.workers.length) {
        await tx.query('INSERT INTO production_batch_worker (batch_id, wbp_id, hours) SELECT $1, w, h FROM unnest($2::bigint[], $3::int[]) AS x(w, h)', [
          batchId, input.workers.map((w) => w.wbpId), input.workers.map((w) => w.hours),
        ]);
      }
      const scope = { uptId: product.upt_id, kanwilId: product.kanwil_id };
      const moveIds: number[] = [];
      for (const [i, move] of plan.consumption.entries()) {
        moveIds.push(await insertMove(tx, { ...scope, move, totalCostRupiah: plan.values[i] ?? null, reference: number, batchId, createdBy: userId }));
      }
      if (plan.output) moveIds.push(await insertMove(tx, { ...scope, move: plan.output, reference: number, batchId, createdBy: userId }));
      await recordAudit(tx, actorOf(c), {
        entity: 'production_batch', entityId: batchId, action: 'create',
        after: { number, productId: product.id, date: input.date, locationId: input.locationId, outputQty: input.outputQty, scrapQty: input.scrapQty, consumed: input.consumed, workers: input.workers, cost: plan.cost, moveIds },
        scope,
      });
      return { id: batchId, created: true };
    });
    return c.json(await describeBatch(db, result.id), result.created ? 201 : 200);
  });
}
