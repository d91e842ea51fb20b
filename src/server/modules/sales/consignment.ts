import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { isAfter } from '../../../domain/calendar/date.ts';
import { largestRemainder } from '../../../domain/premi/split.ts';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { ConsignmentLocationInput, ConsignmentPlacementInput } from '../../../shared/schemas/sales.ts';
import { recordAudit } from '../../audit/trail.ts';
import { likeLiteral } from '../../db/like.ts';
import { filteredRoute, ownScopeRoute } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';
import { insertMove } from '../production/queries.ts';
import { lockProductItems, takeOut } from './stock-out.ts';

const tags = ['Konsinyasi / Consignment'];

const Shop = z.object({
  id: z.number().int(), uptId: z.number().int(), name: z.string(), partnerName: z.string().nullable(),
  stock: z.array(z.object({ productId: z.number().int(), productName: z.string(), unit: z.string(), qty: z.number().int() })),
});

const listRoute = defineRoute({
  method: 'get', path: '/sales/consignment', tags, summary: 'Toko konsinyasi dan stoknya / consignment shops and their stock',
  description: 'Goods at a partner shop still belong to the UPT until the shop reports them sold (a sale of channel `consignment` from that location).',
  access: filteredRoute('sales.read'), request: { query: z.object({ uptId: PositiveId.optional() }) },
  responses: { 200: jsonOk(z.object({ items: z.array(Shop) }), 'Shops in scope with what they hold'), ...errorResponses },
});
const shopCreateRoute = defineRoute({
  method: 'post', path: '/sales/consignment/shops', tags, summary: 'Tambah toko konsinyasi / add a consignment shop',
  access: ownScopeRoute('sales.write'), request: { body: jsonBody(ConsignmentLocationInput) },
  responses: { 201: jsonOk(Shop, 'Created'), ...errorResponses },
});
const placeRoute = defineRoute({
  method: 'post', path: '/sales/consignment/placements', tags, summary: 'Titip barang ke toko konsinyasi / place goods on consignment',
  description: 'Moves goods (first expiry first out, lots and value kept) from a UPT store to a consignment shop of the same UPT. A retry with the same `idempotencyKey` changes nothing.',
  access: ownScopeRoute('sales.write'), request: { body: jsonBody(ConsignmentPlacementInput) },
  responses: { 201: jsonOk(z.object({ moves: z.number().int() }), 'Placed'), 200: jsonOk(z.object({ moves: z.number().int() }), 'Already placed under this key'), ...errorResponses },
});

async function shops(q: { query: <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]> }, cond: string, params: unknown[]) {
  const locs = await q.query<{ id: number; upt_id: number; name: string; partner_name: string | null }>(
    `SELECT l.id, l.upt_id, l.name, l.partner_name FROM stock_location l WHERE l.kind = 'consignment' AND ${cond} ORDER BY l.upt_id, l.name LIMIT 500`, params,
  );
  const stock = await q.query<{ location_id: number; product_id: number; product_name: string; unit: string; qty: number }>(
    `SELECT m.location_id, p.id AS product_id, p.name AS product_name, p.unit, sum(m.qty)::bigint AS qty FROM stock_move m JOIN stock_item i ON i.id = m.item_id
     JOIN product p ON p.id = i.product_id WHERE m.location_id = ANY($1::int[]) GROUP BY m.location_id, p.id, p.name, p.unit HAVING sum(m.qty) <> 0 ORDER BY p.name`,
    [locs.map((l) => l.id)],
  );
  return locs.map((l) => ({
    id: l.id, uptId: l.upt_id, name: l.name, partnerName: l.partner_name,
    stock: stock.filter((s) => s.location_id === l.id).map((s) => ({ productId: s.product_id, productName: s.product_name, unit: s.unit, qty: Number(s.qty) })),
  }));
}

export function consignmentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'l.kanwil_id', upt: 'l.upt_id' }, params)];
    if (q.uptId) conds.push(`l.upt_id = $${params.push(q.uptId)}`);
    return c.json({ items: await shops(c.get('services').db, conds.join(' AND '), params) }, 200);
  });

  app.openapi(shopCreateRoute, async (c) => {
    const input = c.req.valid('json');
    const shop = await c.get('services').db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      if (await tx.one('SELECT 1 FROM stock_location WHERE upt_id = $1 AND name = $2', [upt.id, input.name])) throw new AppError(409, 'DUPLICATE', { name: 'invalid' });
      const r = await tx.one<{ id: number }>(
        `INSERT INTO stock_location (upt_id, kanwil_id, name, kind, partner_name) VALUES ($1,$2,$3,'consignment',$4) RETURNING id`,
        [upt.id, upt.kanwil_id, input.name, input.partnerName],
      );
      const [created] = await shops(tx, 'l.id = $1', [r!.id]);
      await recordAudit(tx, actorOf(c), { entity: 'stock_location', entityId: r!.id, action: 'create', after: created, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return created!;
    });
    return c.json(shop, 201);
  });

  app.openapi(placeRoute, async (c) => {
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    const result = await db.tx(async (tx) => {
      // The shop's UPT is the store's: wider scopes name it through the store location.
      const storeUpt = await tx.one<{ upt_id: number }>('SELECT upt_id FROM stock_location WHERE id = $1', [input.fromLocationId]);
      const upt = await resolveOwnUpt(c, tx, storeUpt?.upt_id);
      await lockProductItems(tx, input.lines, upt.id);
      const done = await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM stock_move WHERE idempotency_key LIKE $1', [`${likeLiteral(input.idempotencyKey)}:%`]);
      if (done && done.n > 0) return { moves: done.n, created: false };
      if (isAfter(input.date, clock.today())) throw invalidField('date', 'date_in_future');
      const locs = await tx.query<{ id: number; upt_id: number; kind: string }>('SELECT id, upt_id, kind FROM stock_location WHERE id = ANY($1::int[])', [[input.fromLocationId, input.toLocationId]]);
      const from = locs.find((l) => l.id === input.fromLocationId);
      const to = locs.find((l) => l.id === input.toLocationId);
      if (!from || from.upt_id !== upt.id || from.kind !== 'store') throw invalidField('fromLocationId', 'location_other_upt');
      if (!to || to.upt_id !== upt.id) throw invalidField('toLocationId', 'location_other_upt');
      if (to.kind !== 'consignment') throw invalidField('toLocationId', 'not_consignment');
      const user = currentUser(c);
      const reference = `konsinyasi:${input.idempotencyKey}`;
      const { costs, picks } = await takeOut(tx, { uptId: upt.id, kanwilId: upt.kanwil_id, locationId: from.id, date: input.date, lines: input.lines, kind: 'transfer_out', saleId: null, reference, createdBy: user.id });
      const items = await lockProductItems(tx, input.lines, upt.id);
      let n = 0;
      for (const [i, line] of picks.entries()) {
        // The value travels with the goods: each lot's share of the line's cost, to the rupiah.
        const values = largestRemainder(BigInt(costs[i]!), line.map((p) => BigInt(p.qty)));
        for (const [k, p] of line.entries()) {
          const value = Number(values[k]);
          await insertMove(tx, {
            uptId: upt.id, kanwilId: upt.kanwil_id, createdBy: user.id, reference, totalCostRupiah: value,
            move: { id: 'new', date: input.date, itemId: String(items[i]!.id), locationId: String(to.id), qty: p.qty, kind: 'transfer_in', idempotencyKey: `${input.idempotencyKey}:${n}`, ...(p.lot ? { lot: p.lot } : {}), totalCostRupiah: value },
          });
          n += 1;
        }
      }
      await recordAudit(tx, actorOf(c), { entity: 'consignment_placement', entityId: input.idempotencyKey, action: 'create', after: input, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return { moves: n, created: true };
    });
    return c.json({ moves: result.moves }, result.created ? 201 : 200);
  });
}
