import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { BomInput, Product, ProductInput, ProductListQuery, ProductUpdateInput } from '../../../shared/schemas/production.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { filteredRoute, ownScopeRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';
import { bomOf, findProduct, listProducts, toProduct } from './queries.ts';

export const productionTags = ['Produksi / Production'];
const tags = productionTags;
const ProductParams = z.object({ productId: PositiveId });
const productIdOf = (c: Context<AppEnv>) => Number(c.req.param('productId'));

const productTarget: TargetResolver = async (c) => {
  const p = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM product WHERE id = $1', [productIdOf(c)]);
  return p ? { kanwilId: p.kanwil_id, uptId: p.upt_id } : undefined;
};

async function describeProduct(db: Queryable, id: number): Promise<Product> {
  const row = await findProduct(db, id);
  if (!row) throw notFound();
  return toProduct(row, await bomOf(db, id));
}

const listRoute = defineRoute({
  method: 'get', path: '/production/products', tags, summary: 'Daftar produk / products',
  access: filteredRoute('work.read'), request: { query: ProductListQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(Product) }), 'Products in scope (without their BoM)'), ...errorResponses },
});
const createRouteDef = defineRoute({
  method: 'post', path: '/production/products', tags, summary: 'Tambah produk / add a product',
  access: ownScopeRoute('work.write'), request: { body: jsonBody(ProductInput) },
  responses: { 201: jsonOk(Product, 'Created'), ...errorResponses },
});
const getRoute = defineRoute({
  method: 'get', path: '/production/products/{productId}', tags, summary: 'Rincian produk dan resepnya / a product with its BoM',
  access: targetRoute('work.read', productTarget), request: { params: ProductParams },
  responses: { 200: jsonOk(Product, 'Product with its bill of materials'), ...errorResponses },
});
const updateRoute = defineRoute({
  method: 'patch', path: '/production/products/{productId}', tags, summary: 'Ubah produk / update a product',
  access: targetRoute('work.write', productTarget), request: { params: ProductParams, body: jsonBody(ProductUpdateInput) },
  responses: { 200: jsonOk(Product, 'Updated'), ...errorResponses },
});
const bomRoute = defineRoute({
  method: 'put', path: '/production/products/{productId}/bom', tags, summary: 'Simpan resep (BoM) / save the bill of materials',
  description: 'The whole BoM of one unit of the product, replacing the previous one; materials are stock items of the same UPT, in their smallest unit. Carries the product `version` (409 when someone saved first). The BoM is for review only: batch cost always comes from what was actually consumed.',
  access: targetRoute('work.write', productTarget), request: { params: ProductParams, body: jsonBody(BomInput) },
  responses: { 200: jsonOk(Product, 'Product with the new BoM'), ...errorResponses },
});

const COLUMNS: Record<string, string> = {
  name: 'name', category: 'category', unit: 'unit', priceRupiah: 'price_rupiah', description: 'description', photoUrl: 'photo_url', active: 'active',
};

export function productRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'p.kanwil_id', upt: 'p.upt_id' }, params)];
    if (q.uptId) conds.push(`p.upt_id = $${params.push(q.uptId)}`);
    if (q.category) conds.push(`p.category = $${params.push(q.category)}`);
    if (q.active !== 'all') conds.push(`p.active = $${params.push(q.active === 'true')}`);
    const rows = await listProducts(c.get('services').db, conds.join(' AND '), params);
    return c.json({ items: rows.map((r) => toProduct(r, [])) }, 200);
  });
  app.openapi(createRouteDef, async (c) => {
    const input = c.req.valid('json');
    const { db } = c.get('services');
    const id = await db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      if (await tx.one('SELECT 1 FROM product WHERE upt_id = $1 AND name = $2', [upt.id, input.name])) throw new AppError(409, 'DUPLICATE', { name: 'invalid' });
      const row = await tx.one<{ id: number }>(
        `INSERT INTO product (upt_id, kanwil_id, name, category, unit, price_rupiah, description, photo_url) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
        [upt.id, upt.kanwil_id, input.name, input.category, input.unit, input.priceRupiah, input.description ?? null, input.photoUrl ?? null],
      );
      const after = await findProduct(tx, row!.id);
      await recordAudit(tx, actorOf(c), { entity: 'product', entityId: row!.id, action: 'create', after, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return row!.id;
    });
    return c.json(await describeProduct(db, id), 201);
  });
  app.openapi(getRoute, async (c) => c.json(await describeProduct(c.get('services').db, productIdOf(c)), 200));
  app.openapi(updateRoute, async (c) => {
    const input = c.req.valid('json');
    const id = productIdOf(c);
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const before = await findProduct(tx, id);
      if (!before) throw notFound();
      if (input.name !== undefined && input.name !== before.name && (await tx.one('SELECT 1 FROM product WHERE upt_id = $1 AND name = $2', [before.upt_id, input.name]))) {
        throw new AppError(409, 'DUPLICATE', { name: 'invalid' });
      }
      const params: unknown[] = [id, input.version];
      const sets = Object.entries(input)
        .filter(([k, v]) => v !== undefined && COLUMNS[k])
        .map(([k, v]) => `${COLUMNS[k]} = $${params.push(v)}`);
      const ok = await tx.one(`UPDATE product SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`, params);
      if (!ok) throw versionConflict();
      const after = await findProduct(tx, id);
      await recordAudit(tx, actorOf(c), { entity: 'product', entityId: id, action: 'update', before, after, scope: { kanwilId: before.kanwil_id, uptId: before.upt_id } });
    });
    return c.json(await describeProduct(db, id), 200);
  });
  app.openapi(bomRoute, async (c) => {
    const input = c.req.valid('json');
    const id = productIdOf(c);
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const product = await findProduct(tx, id);
      if (!product) throw notFound();
      const items = await tx.query<{ id: number; upt_id: number; product_id: number | null }>('SELECT id, upt_id, product_id FROM stock_item WHERE id = ANY($1::int[])', [input.lines.map((l) => l.itemId)]);
      const byId = new Map(items.map((i) => [i.id, i]));
      const seen = new Set<number>();
      for (const [i, line] of input.lines.entries()) {
        const item = byId.get(line.itemId);
        // A material of another UPT, the product itself, or the same material twice.
        if (!item || item.upt_id !== product.upt_id || item.product_id === id || seen.has(line.itemId)) throw invalidField(`lines.${i}.itemId`, 'invalid');
        seen.add(line.itemId);
      }
      const ok = await tx.one('UPDATE product SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id', [id, input.version]);
      if (!ok) throw versionConflict();
      const before = await bomOf(tx, id);
      await tx.query('DELETE FROM bom_line WHERE product_id = $1', [id]);
      await tx.query(
        'INSERT INTO bom_line (product_id, item_id, qty_per_unit) SELECT $1, i, q FROM unnest($2::int[], $3::bigint[]) WITH ORDINALITY AS x(i, q, n) ORDER BY n',
        [id, input.lines.map((l) => l.itemId), input.lines.map((l) => l.qtyPerUnit)],
      );
      await recordAudit(tx, actorOf(c), {
        entity: 'bom', entityId: id, action: 'replace', before, after: input.lines, scope: { kanwilId: product.kanwil_id, uptId: product.upt_id },
      });
    });
    return c.json(await describeProduct(db, id), 200);
  });
}
