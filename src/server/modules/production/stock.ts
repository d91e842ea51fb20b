import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { isAfter } from '../../../domain/calendar/date.ts';
import { stockValue } from '../../../domain/stock/costing.ts';
import { onHand, reverse, stockKey, validateMove, type StockMove as LedgerMove } from '../../../domain/stock/ledger.ts';
import { covers, scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import {
  LocationInput, LocationListQuery, MoveListQuery, OnHandQuery, OnHandRow, ReverseMoveInput, StockItem, StockItemInput, StockItemListQuery,
  StockLocation, StockMove, StockMoveInput, StockMovePage,
} from '../../../shared/schemas/production.ts';
import { recordAudit } from '../../audit/trail.ts';
import { filteredRoute, ownScopeRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound, outOfScope } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';
import { findMove, insertMove, keyConflict, ledgerRefusal, listMoves, loadLedger, lockItems, toLedgerMove, type ItemRow, type MoveRow } from './queries.ts';

const tags = ['Stok / Stock'];
const moveIdOf = (c: Context<AppEnv>) => Number(c.req.param('moveId'));

const moveTarget: TargetResolver = async (c) => {
  const m = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM stock_move WHERE id = $1', [moveIdOf(c)]);
  return m ? { kanwilId: m.kanwil_id, uptId: m.upt_id } : undefined;
};

const itemsRoute = defineRoute({
  method: 'get', path: '/stock/items', tags, summary: 'Barang stok / stock items',
  access: filteredRoute('work.read'), request: { query: StockItemListQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(StockItem) }), 'Materials and products kept in stock, in scope'), ...errorResponses },
});
const itemCreateRoute = defineRoute({
  method: 'post', path: '/stock/items', tags, summary: 'Tambah barang stok / add a stock item',
  description: 'Counted in its smallest unit (g, ml, pcs, cm). A perishable item needs a lot with an expiry on every receipt and output.',
  access: ownScopeRoute('work.write'), request: { body: jsonBody(StockItemInput) },
  responses: { 201: jsonOk(StockItem, 'Created'), ...errorResponses },
});
const locationsRoute = defineRoute({
  method: 'get', path: '/stock/locations', tags, summary: 'Lokasi stok / stock locations',
  access: filteredRoute('work.read'), request: { query: LocationListQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(StockLocation) }), 'Locations in scope'), ...errorResponses },
});
const locationCreateRoute = defineRoute({
  method: 'post', path: '/stock/locations', tags, summary: 'Tambah lokasi stok / add a stock location',
  access: ownScopeRoute('work.write'), request: { body: jsonBody(LocationInput) },
  responses: { 201: jsonOk(StockLocation, 'Created'), ...errorResponses },
});
const moveCreateRoute = defineRoute({
  method: 'post', path: '/stock/moves', tags, summary: 'Catat penerimaan atau penyesuaian / record a receipt or an adjustment',
  description: 'The item decides the UPT (it must lie in the caller’s scope). The client generates `idempotencyKey` once per move: a retry with the same key answers the move already recorded (200) and changes nothing. Moves the ledger refuses (stock going negative, a lot’s expiry contradicted) answer 400 with the rule’s message.',
  access: ownScopeRoute('work.write'), request: { body: jsonBody(StockMoveInput) },
  responses: { 201: jsonOk(StockMove, 'Recorded'), 200: jsonOk(StockMove, 'Already recorded under this key'), ...errorResponses },
});
const reverseRoute = defineRoute({
  method: 'post', path: '/stock/moves/{moveId}/reverse', tags, summary: 'Batalkan mutasi (pembalikan) / reverse a move',
  description: 'The ledger is append-only: a wrong receipt or adjustment is cancelled by an opposite move pointing to it, once. Moves of a production batch belong to the batch and are not reversed one by one.',
  access: targetRoute('work.write', moveTarget), request: { params: z.object({ moveId: PositiveId }), body: jsonBody(ReverseMoveInput) },
  responses: { 201: jsonOk(StockMove, 'The reversal'), ...errorResponses },
});
const onHandRoute = defineRoute({
  method: 'get', path: '/stock/on-hand', tags, summary: 'Stok tersedia / stock on hand',
  description: 'Per item × location × lot, with the lot’s expiry and the stock’s value (moving average of what was received).',
  access: filteredRoute('work.read'), request: { query: OnHandQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(OnHandRow), totalValueRupiah: z.number().int() }), 'Stocks in scope'), ...errorResponses },
});
const movesRoute = defineRoute({
  method: 'get', path: '/stock/moves', tags, summary: 'Kartu stok / stock moves',
  access: filteredRoute('work.read'), request: { query: MoveListQuery },
  responses: { 200: jsonOk(StockMovePage, 'Moves in scope, newest first'), ...errorResponses },
});

const ITEM_COLUMNS = 'id, upt_id AS "uptId", kanwil_id AS "kanwilId", name, unit, kind, product_id AS "productId", perishable';

/** Where a ledger reason points in the move request. */
const moveField = (code: string): string =>
  ({ insufficient_stock: 'qty', invalid_qty: 'qty', sign: 'qty', invalid_lot: 'lot.code', invalid_expiry: 'lot.expiry', lot_expiry_mismatch: 'lot.expiry', expired_lot: 'lot.code', invalid_cost: 'totalCostRupiah', invalid_date: 'date' })[code] ?? 'qty';
const reversalField = (code: string): string => (code === 'reversal_before_move' || code === 'invalid_date' ? 'date' : 'moveId');

function checkMoveInput(input: z.infer<typeof StockMoveInput>, item: ItemRow, today: string): void {
  if (isAfter(input.date, today)) throw invalidField('date', 'date_in_future');
  if (input.kind === 'receipt') {
    if (input.qty < 0) throw invalidField('qty', 'too_small_number');
    // A zero cost is allowed (a donation) but must be said: a forgotten cost would undervalue every batch.
    if (input.totalCostRupiah === undefined && input.unitCostRupiah === undefined) throw invalidField('totalCostRupiah', 'required');
    if (item.perishable && !input.lot?.expiry) throw invalidField('lot.expiry', 'required');
  }
  if (input.qty < 0 && (input.totalCostRupiah !== undefined || input.unitCostRupiah !== undefined)) throw invalidField('totalCostRupiah', 'invalid');
}

export function stockRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(itemsRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'kanwil_id', upt: 'upt_id' }, params)];
    if (q.uptId) conds.push(`upt_id = $${params.push(q.uptId)}`);
    if (q.kind) conds.push(`kind = $${params.push(q.kind)}`);
    const items = await c.get('services').db.query<z.infer<typeof StockItem>>(`SELECT ${ITEM_COLUMNS} FROM stock_item WHERE ${conds.join(' AND ')} ORDER BY upt_id, name LIMIT 1000`, params);
    return c.json({ items }, 200);
  });
  app.openapi(itemCreateRoute, async (c) => {
    const input = c.req.valid('json');
    const item = await c.get('services').db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      if (input.kind === 'product') {
        if (!input.productId) throw invalidField('productId', 'required');
        const p = await tx.one<{ upt_id: number }>('SELECT upt_id FROM product WHERE id = $1', [input.productId]);
        if (!p || p.upt_id !== upt.id) throw invalidField('productId', 'invalid');
        if (await tx.one('SELECT 1 FROM stock_item WHERE product_id = $1', [input.productId])) throw new AppError(409, 'DUPLICATE', { productId: 'invalid' });
      } else if (input.productId) throw invalidField('productId', 'invalid');
      if (await tx.one('SELECT 1 FROM stock_item WHERE upt_id = $1 AND name = $2', [upt.id, input.name])) throw new AppError(409, 'DUPLICATE', { name: 'invalid' });
      const r = await tx.one<z.infer<typeof StockItem>>(
        `INSERT INTO stock_item (upt_id, kanwil_id, name, unit, kind, product_id, perishable) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING ${ITEM_COLUMNS}`,
        [upt.id, upt.kanwil_id, input.name, input.unit, input.kind, input.kind === 'product' ? input.productId : null, input.perishable],
      );
      await recordAudit(tx, actorOf(c), { entity: 'stock_item', entityId: r!.id, action: 'create', after: r, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return r!;
    });
    return c.json(item, 201);
  });
  app.openapi(locationsRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'kanwil_id', upt: 'upt_id' }, params)];
    if (q.uptId) conds.push(`upt_id = $${params.push(q.uptId)}`);
    const items = await c.get('services').db.query<z.infer<typeof StockLocation>>(
      `SELECT id, upt_id AS "uptId", kanwil_id AS "kanwilId", name, kind FROM stock_location WHERE ${conds.join(' AND ')} ORDER BY upt_id, name LIMIT 1000`,
      params,
    );
    return c.json({ items }, 200);
  });
  app.openapi(locationCreateRoute, async (c) => {
    const input = c.req.valid('json');
    const loc = await c.get('services').db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      if (await tx.one('SELECT 1 FROM stock_location WHERE upt_id = $1 AND name = $2', [upt.id, input.name])) throw new AppError(409, 'DUPLICATE', { name: 'invalid' });
      const r = await tx.one<z.infer<typeof StockLocation>>(
        'INSERT INTO stock_location (upt_id, kanwil_id, name) VALUES ($1,$2,$3) RETURNING id, upt_id AS "uptId", kanwil_id AS "kanwilId", name, kind',
        [upt.id, upt.kanwil_id, input.name],
      );
      await recordAudit(tx, actorOf(c), { entity: 'stock_location', entityId: r!.id, action: 'create', after: r, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return r!;
    });
    return c.json(loc, 201);
  });
  app.openapi(moveCreateRoute, async (c) => {
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    const result = await db.tx(async (tx) => {
      // The item's row lock serialises every write to its ledger (and retries of the same key).
      const [item] = await lockItems(tx, [input.itemId]);
      if (!item) throw invalidField('itemId', 'invalid');
      if (!covers(currentUser(c).scope, { kanwilId: item.kanwil_id, uptId: item.upt_id })) throw outOfScope();
      const loc = await tx.one<{ upt_id: number }>('SELECT upt_id FROM stock_location WHERE id = $1', [input.locationId]);
      if (!loc || loc.upt_id !== item.upt_id) throw invalidField('locationId', 'invalid');
      const other = await tx.one<{ item_id: number }>('SELECT item_id FROM stock_move WHERE idempotency_key = $1', [input.idempotencyKey]);
      if (other && other.item_id !== item.id) throw keyConflict();
      const ledger = await loadLedger(tx, [item.id]);
      const move: LedgerMove = {
        id: 'new', date: input.date, itemId: String(item.id), locationId: String(input.locationId), qty: input.qty, kind: input.kind, idempotencyKey: input.idempotencyKey,
        ...(input.lot ? { lot: input.lot.expiry ? { code: input.lot.code, expiry: input.lot.expiry } : { code: input.lot.code } } : {}),
        ...(input.totalCostRupiah !== undefined ? { totalCostRupiah: input.totalCostRupiah } : {}),
        ...(input.unitCostRupiah !== undefined ? { unitCostRupiah: input.unitCostRupiah } : {}),
      };
      const check = validateMove(ledger, move);
      if (check.status === 'duplicate') return { id: Number(check.move.id), created: false };
      if (check.status === 'refused' && check.reasons.some((r) => r.code === 'idempotency_conflict')) throw keyConflict();
      checkMoveInput(input, item, clock.today());
      if (check.status === 'refused') throw ledgerRefusal(check.reasons, moveField);
      const id = await insertMove(tx, { uptId: item.upt_id, kanwilId: item.kanwil_id, move, reference: input.reference ?? null, createdBy: currentUser(c).id });
      await recordAudit(tx, actorOf(c), { entity: 'stock_move', entityId: id, action: input.kind, after: { ...input, id }, scope: { kanwilId: item.kanwil_id, uptId: item.upt_id } });
      return { id, created: true };
    });
    return c.json((await findMove(db, result.id))!, result.created ? 201 : 200);
  });
  app.openapi(reverseRoute, async (c) => {
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    const date = input.date ?? clock.today();
    if (isAfter(date, clock.today())) throw invalidField('date', 'date_in_future');
    const id = await db.tx(async (tx) => {
      const original = await tx.one<MoveRow>('SELECT * FROM stock_move WHERE id = $1', [moveIdOf(c)]);
      if (!original) throw notFound();
      await lockItems(tx, [original.item_id]);
      if (original.batch_id !== null) {
        throw new AppError(400, 'VALIDATION', { moveId: { id: 'Mutasi ini bagian dari batch produksi dan tidak dibalik sendiri.', en: 'This move belongs to a production batch and is not reversed on its own.' } });
      }
      const ledger = await loadLedger(tx, [original.item_id]);
      const rev = { ...reverse(toLedgerMove(original), date), id: 'new' };
      const check = validateMove(ledger, rev);
      if (check.status !== 'accepted') throw ledgerRefusal(check.status === 'refused' ? check.reasons : [], reversalField);
      const newId = await insertMove(tx, { uptId: original.upt_id, kanwilId: original.kanwil_id, move: rev, reference: input.reason, createdBy: currentUser(c).id });
      await recordAudit(tx, actorOf(c), {
        entity: 'stock_move', entityId: original.id, action: 'reverse', before: original, after: { reversal: newId, date, reason: input.reason },
        scope: { kanwilId: original.kanwil_id, uptId: original.upt_id },
      });
      return newId;
    });
    return c.json((await findMove(db, id))!, 201);
  });
  app.openapi(onHandRoute, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = c.get('services');
    const params: unknown[] = [];
    // Whole item ledgers (every location): a lot's expiry may have been given at another location.
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'm.kanwil_id', upt: 'm.upt_id' }, params)];
    if (q.uptId) conds.push(`m.upt_id = $${params.push(q.uptId)}`);
    if (q.itemId) conds.push(`m.item_id = $${params.push(q.itemId)}`);
    const rows = await db.query<MoveRow>(`SELECT m.* FROM stock_move m WHERE ${conds.join(' AND ')} ORDER BY m.date, m.id`, params);
    const ledger = rows.map(toLedgerMove);
    const values = new Map(stockValue(ledger).map((v) => [v.key, v.valueRupiah]));
    const balances = onHand(ledger).filter((b) => !q.locationId || b.locationId === String(q.locationId));
    const itemIds = [...new Set(balances.map((b) => Number(b.itemId)))];
    const locIds = [...new Set(balances.map((b) => Number(b.locationId)))];
    const items = new Map((await db.query<ItemRow>('SELECT * FROM stock_item WHERE id = ANY($1::int[])', [itemIds])).map((i) => [String(i.id), i]));
    const locs = new Map((await db.query<{ id: number; name: string }>('SELECT id, name FROM stock_location WHERE id = ANY($1::int[])', [locIds])).map((l) => [String(l.id), l.name]));
    const today = clock.today();
    const out = balances
      .map((b) => {
        const item = items.get(b.itemId)!;
        return {
          uptId: item.upt_id, kanwilId: item.kanwil_id, itemId: item.id, itemName: item.name, unit: item.unit, locationId: Number(b.locationId), locationName: locs.get(b.locationId) ?? '',
          lotCode: b.lotCode, expiry: b.expiry, expired: b.expiry !== null && isAfter(today, b.expiry), qty: b.qty, valueRupiah: values.get(stockKey(b)) ?? 0,
        };
      })
      .sort((a, b) => a.itemName.localeCompare(b.itemName) || a.locationName.localeCompare(b.locationName) || (a.expiry ?? '9999').localeCompare(b.expiry ?? '9999'));
    return c.json({ items: out, totalValueRupiah: out.reduce((s, r) => s + r.valueRupiah, 0) }, 200);
  });
  app.openapi(movesRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'm.kanwil_id', upt: 'm.upt_id' }, params)];
    if (q.uptId) conds.push(`m.upt_id = $${params.push(q.uptId)}`);
    if (q.itemId) conds.push(`m.item_id = $${params.push(q.itemId)}`);
    if (q.locationId) conds.push(`m.location_id = $${params.push(q.locationId)}`);
    if (q.kind) conds.push(`m.kind = $${params.push(q.kind)}`);
    if (q.batchId) conds.push(`m.batch_id = $${params.push(q.batchId)}`);
    const { db } = c.get('services');
    const where = conds.join(' AND ');
    const total = (await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM stock_move m WHERE ${where}`, params))!.n;
    const items = await listMoves(db, where, params, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return c.json({ items, total, page: q.page, pageSize: q.pageSize }, 200);
  });
}
