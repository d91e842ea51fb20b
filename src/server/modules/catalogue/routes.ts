import { createHash } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { availabilityBand, pageRef } from '../../../domain/catalogue/catalogue.ts';
import { MIME_TYPES, sanitiseFileName, sniffFileType } from '../../../shared/files/sniff.ts';
import { scopeCondition } from '../../../shared/access/scope.ts';
import {
  CatalogueProduct, CatalogueSearchQuery, CatalogueSearchResult, Listing, ListingQuery, ListingUpdateInput, OrderRequest, OrderRequestInput,
  OrderRequestListQuery, OrderRequestPage, OrderRequestStatusInput, PHOTO_MAX_BYTES, PHOTOS_PER_PRODUCT, RequestCounts,
} from '../../../shared/schemas/catalogue.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { filteredRoute, publicRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { catalogueCache } from './cache.ts';
import { createOrderRequest, findRequest, listRequests, moveRequest, throttleRequests } from './requests.ts';
import { catalogueProduct, searchCatalogue } from './search.ts';

const tags = ['Katalog / Catalogue'];
const idParam = (name: string) => (c: Context<AppEnv>) => Number(c.req.param(name));
const productIdOf = idParam('productId');
const requestIdOf = idParam('requestId');

const scopeOf = async (db: Queryable, sql: string, id: number) => {
  const r = await db.one<{ kanwil_id: number; upt_id: number }>(sql, [id]);
  return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
};
const productTarget: TargetResolver = (c) => scopeOf(c.get('services').db, 'SELECT kanwil_id, upt_id FROM product WHERE id = $1', productIdOf(c));
const requestTarget: TargetResolver = (c) => scopeOf(c.get('services').db, 'SELECT kanwil_id, upt_id FROM order_request WHERE id = $1', requestIdOf(c));
/** A photo of the product in the path (another product's photo is not found). */
const photoTarget: TargetResolver = async (c) => {
  const r = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>(
    'SELECT kanwil_id, upt_id FROM product_photo WHERE id = $1 AND product_id = $2', [Number(c.req.param('photoId')), productIdOf(c)]);
  return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
};

const searchRoute = defineRoute({
  method: 'get', path: '/catalogue/search', tags, summary: 'Cari produk katalog / search the public catalogue',
  description: 'Published products of active UPTs. Each word of `q` must match the name, category, UPT or province, as itself or a similar catalogue word (typos: "kripik" finds "keripik"). Answers may be up to 30 seconds old.',
  access: publicRoute('the public catalogue; published products only, no personal data'), request: { query: CatalogueSearchQuery },
  responses: { 200: jsonOk(CatalogueSearchResult, 'One page of matching products'), ...errorResponses },
});
const productRoute = defineRoute({
  method: 'get', path: '/catalogue/products/{productId}', tags, summary: 'Produk katalog / a catalogue product',
  description: 'A published product with photos, availability band and provenance (aggregates only). 404 when not published.',
  access: publicRoute('the public catalogue; published products only, aggregates only'), request: { params: z.object({ productId: PositiveId }) },
  responses: { 200: jsonOk(CatalogueProduct, 'The product'), ...errorResponses },
});
const submitRoute = defineRoute({
  method: 'post', path: '/catalogue/requests', tags, summary: 'Kirim pesanan / permintaan penawaran — send an order or quotation request',
  description: 'Anyone may send one (rate-limited per client address). All lines from one UPT; prices are the catalogue prices of the moment. The client generates `idempotencyKey` once per request: sending it again answers the stored request (200) and stores nothing. The answer carries only the number, never the buyer’s data.',
  access: publicRoute('buyers (institutions and individuals) send requests without an account; throttled per address'), request: { body: jsonBody(OrderRequestInput) },
  responses: { 201: jsonOk(z.object({ id: z.number().int(), number: z.string(), uptId: z.number().int() }), 'Stored'), 200: jsonOk(z.object({ id: z.number().int(), number: z.string(), uptId: z.number().int() }), 'Already stored under this key'), ...errorResponses },
});
const inboxRoute = defineRoute({
  method: 'get', path: '/catalogue/requests', tags, summary: 'Kotak masuk permintaan / order and quotation requests',
  access: filteredRoute('sales.read'), request: { query: OrderRequestListQuery },
  responses: { 200: jsonOk(OrderRequestPage, 'Requests in scope, newest first'), ...errorResponses },
});
const countsRoute = defineRoute({
  method: 'get', path: '/catalogue/requests/counts', tags, summary: 'Jumlah permintaan baru / new requests per UPT',
  access: filteredRoute('sales.read'),
  responses: { 200: jsonOk(RequestCounts, 'UPTs in scope with new or in-progress requests'), ...errorResponses },
});
const requestRoute = defineRoute({
  method: 'get', path: '/catalogue/requests/{requestId}', tags, summary: 'Rincian permintaan / a request with the buyer’s contact',
  access: targetRoute('sales.read', requestTarget), request: { params: z.object({ requestId: PositiveId }) },
  responses: { 200: jsonOk(OrderRequest, 'The request'), ...errorResponses },
});
const statusRoute = defineRoute({
  method: 'post', path: '/catalogue/requests/{requestId}/status', tags, summary: 'Ubah status permintaan / move a request along',
  description: 'new → in_progress → answered, or declined with a reason (a declined request may be reopened). Carries the `version` last seen (409 when someone saved first). `converted` is set by the sales module when it creates the institutional order.',
  access: targetRoute('sales.write', requestTarget), request: { params: z.object({ requestId: PositiveId }), body: jsonBody(OrderRequestStatusInput) },
  responses: { 200: jsonOk(OrderRequest, 'The request'), ...errorResponses },
});
const listingsRoute = defineRoute({
  method: 'get', path: '/catalogue/listings', tags, summary: 'Daftar tayang produk / catalogue listings of products',
  access: filteredRoute('sales.read'), request: { query: ListingQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(Listing) }), 'Products in scope with their listing'), ...errorResponses },
});
const listingUpdateRoute = defineRoute({
  method: 'patch', path: '/catalogue/listings/{productId}', tags, summary: 'Ubah tayangan produk / publish, describe, price',
  description: 'Carries the product `version` (shared with the production screens; 409 when someone saved first). Only an active product can be published.',
  access: targetRoute('sales.write', productTarget), request: { params: z.object({ productId: PositiveId }), body: jsonBody(ListingUpdateInput) },
  responses: { 200: jsonOk(Listing, 'The listing'), ...errorResponses },
});
const PhotoForm = z.object({ file: z.instanceof(File).meta({ type: 'string', format: 'binary' }) });
const photoAddRoute = defineRoute({
  method: 'post', path: '/catalogue/listings/{productId}/photos', tags, summary: 'Unggah foto produk / upload a product photo',
  description: `JPEG, PNG or WebP (recognised from the bytes, not the name), ${PHOTO_MAX_BYTES / 1024 / 1024} MB at most, ${PHOTOS_PER_PRODUCT} per product. Photos are public once the product is published.`,
  access: targetRoute('sales.write', productTarget),
  request: { params: z.object({ productId: PositiveId }), body: { required: true, content: { 'multipart/form-data': { schema: PhotoForm } } } },
  responses: { 201: jsonOk(Listing, 'The listing with the new photo'), ...errorResponses },
});
const photoGetRoute = defineRoute({
  method: 'get', path: '/catalogue/listings/{productId}/photos/{photoId}', tags, summary: 'Foto produk (juga sebelum tayang) / a product photo, also before it is listed',
  description: 'For the listing editor: the public address `/katalog/foto/{photoId}` serves photos of listed products only.',
  access: targetRoute('sales.read', photoTarget), request: { params: z.object({ productId: PositiveId, photoId: PositiveId }) },
  responses: { 200: { description: 'The image (JPEG, PNG or WebP)' }, ...errorResponses },
});
const photoDeleteRoute = defineRoute({
  method: 'delete', path: '/catalogue/listings/{productId}/photos/{photoId}', tags, summary: 'Hapus foto produk / remove a product photo',
  access: targetRoute('sales.write', photoTarget), request: { params: z.object({ productId: PositiveId, photoId: PositiveId }) },
  responses: { 200: jsonOk(Listing, 'The listing'), ...errorResponses },
});

interface ListingRow {
  id: number;
  upt_id: number;
  upt_name: string;
  kanwil_id: number;
  name: string;
  category: Listing['category'];
  unit: string;
  price_rupiah: string | number;
  description: string | null;
  active: boolean;
  published: boolean;
  on_hand: string | number;
  version: number;
  photos: Array<{ id: number; fileName: string }> | null;
  [key: string]: unknown;
}

const LISTING_SELECT = `SELECT p.id, p.upt_id, u.name AS upt_name, p.kanwil_id, p.name, p.category, p.unit, p.price_rupiah, p.description, p.active, p.published, p.version,
    coalesce((SELECT oh.qty FROM stock_item si JOIN stock_on_hand oh ON oh.item_id = si.id WHERE si.product_id = p.id), 0) AS on_hand,
    (SELECT json_agg(json_build_object('id', ph.id, 'fileName', ph.file_name) ORDER BY ph.position, ph.id) FROM product_photo ph WHERE ph.product_id = p.id) AS photos
  FROM product p JOIN upt u ON u.id = p.upt_id`;

function toListing(r: ListingRow): Listing {
  const onHand = Number(r.on_hand);
  return {
    id: r.id, ref: pageRef(r.id, r.name), uptId: r.upt_id, uptName: r.upt_name, kanwilId: r.kanwil_id, name: r.name, category: r.category, unit: r.unit,
    priceRupiah: Number(r.price_rupiah), description: r.description, active: r.active, published: r.published, onHand, availability: availabilityBand(onHand),
    photos: (r.photos ?? []).map((p) => ({ id: Number(p.id), url: `/api/v1/catalogue/listings/${r.id}/photos/${p.id}`, fileName: p.fileName })), version: r.version,
  };
}

async function listing(db: Queryable, id: number): Promise<Listing> {
  const r = await db.one<ListingRow>(`${LISTING_SELECT} WHERE p.id = $1`, [id]);
  if (!r) throw notFound();
  return toListing(r);
}

export function catalogueRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(searchRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await catalogueCache.get(`search:${JSON.stringify(q)}`, () => searchCatalogue(c.get('services').db, q)), 200);
  });
  app.openapi(productRoute, async (c) => {
    const { db, clock } = c.get('services');
    const p = await catalogueProduct(db, productIdOf(c), clock.today());
    if (!p) throw notFound();
    return c.json(p, 200);
  });
  app.openapi(submitRoute, async (c) => {
    await throttleRequests(c);
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    const r = await createOrderRequest(db, input, { lang: c.get('lang'), today: clock.today(), requestId: c.get('requestId') });
    return c.json({ id: r.id, number: r.number, uptId: r.uptId }, r.created ? 201 : 200);
  });
  app.openapi(inboxRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'r.kanwil_id', upt: 'r.upt_id' }, params)];
    if (q.status) conds.push(`r.status = $${params.push(q.status)}`);
    if (q.uptId) conds.push(`r.upt_id = $${params.push(q.uptId)}`);
    const page = await listRequests(c.get('services').db, conds.join(' AND '), params, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return c.json({ ...page, page: q.page, pageSize: q.pageSize }, 200);
  });
  app.openapi(countsRoute, async (c) => {
    const params: unknown[] = [];
    const cond = scopeCondition(currentUser(c).scope, { kanwil: 'r.kanwil_id', upt: 'r.upt_id' }, params);
    const rows = await c.get('services').db.query<{ upt_id: number; upt_name: string; new: number; in_progress: number }>(
      `SELECT r.upt_id, u.name AS upt_name, count(*) FILTER (WHERE r.status = 'new')::int AS new, count(*) FILTER (WHERE r.status = 'in_progress')::int AS in_progress
         FROM order_request r JOIN upt u ON u.id = r.upt_id WHERE ${cond} AND r.status IN ('new', 'in_progress') GROUP BY r.upt_id, u.name ORDER BY u.name`,
      params,
    );
    return c.json({ items: rows.map((r) => ({ uptId: r.upt_id, uptName: r.upt_name, new: r.new, inProgress: r.in_progress })) }, 200);
  });
  app.openapi(requestRoute, async (c) => {
    const r = await findRequest(c.get('services').db, requestIdOf(c));
    if (!r) throw notFound();
    return c.json(r, 200);
  });
  app.openapi(statusRoute, async (c) => {
    const input = c.req.valid('json');
    const id = requestIdOf(c);
    const { db } = c.get('services');
    await db.tx((tx) => moveRequest(tx, actorOf(c), id, input.status, input.reason ?? null, input.version));
    return c.json((await findRequest(db, id))!, 200);
  });
  app.openapi(listingsRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'p.kanwil_id', upt: 'p.upt_id' }, params)];
    if (q.uptId) conds.push(`p.upt_id = $${params.push(q.uptId)}`);
    if (q.published !== 'all') conds.push(`p.published = $${params.push(q.published === 'true')}`);
    const rows = await c.get('services').db.query<ListingRow>(`${LISTING_SELECT} WHERE ${conds.join(' AND ')} ORDER BY u.name, p.name LIMIT 1000`, params);
    return c.json({ items: rows.map(toListing) }, 200);
  });
  app.openapi(listingUpdateRoute, async (c) => {
    const input = c.req.valid('json');
    const id = productIdOf(c);
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const before = await listing(tx, id);
      if (input.published && !before.active) throw invalidField('published', 'product_unavailable');
      const params: unknown[] = [id, input.version];
      const sets = ['version = version + 1', 'updated_at = now()'];
      if (input.published !== undefined) sets.push(`published = $${params.push(input.published)}`, `published_at = CASE WHEN $${params.length} AND NOT published THEN now() ELSE published_at END`);
      if (input.description !== undefined) sets.push(`description = $${params.push(input.description)}`);
      if (input.priceRupiah !== undefined) sets.push(`price_rupiah = $${params.push(input.priceRupiah)}`);
      const ok = await tx.one(`UPDATE product SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING id`, params);
      if (!ok) throw versionConflict();
      const after = await listing(tx, id);
      await recordAudit(tx, actorOf(c), {
        entity: 'product', entityId: id, action: 'listing', before: { published: before.published, description: before.description, priceRupiah: before.priceRupiah },
        after: { published: after.published, description: after.description, priceRupiah: after.priceRupiah }, scope: { kanwilId: before.kanwilId, uptId: before.uptId },
      });
    });
    catalogueCache.clear();
    return c.json(await listing(db, id), 200);
  });
  app.openapi(photoAddRoute, async (c) => {
    const { file } = c.req.valid('form');
    if (file.size > PHOTO_MAX_BYTES) throw new AppError(413, 'VALIDATION', { file: 'photo_too_large' });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniffFileType(bytes);
    if (type !== 'jpeg' && type !== 'png' && type !== 'webp') throw new AppError(415, 'VALIDATION', { file: 'photo_type' });
    const id = productIdOf(c);
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const p = await tx.one<{ upt_id: number; kanwil_id: number; n: number }>(
        'SELECT upt_id, kanwil_id, (SELECT count(*)::int FROM product_photo WHERE product_id = p.id) AS n FROM product p WHERE id = $1 FOR UPDATE', [id]);
      if (!p) throw notFound();
      if (p.n >= PHOTOS_PER_PRODUCT) throw invalidField('file', 'photo_limit');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (await tx.one('SELECT 1 FROM product_photo WHERE product_id = $1 AND sha256 = $2', [id, sha256])) throw new AppError(409, 'DUPLICATE', { file: 'invalid' });
      const name = sanitiseFileName(file.name, type);
      const row = await tx.one<{ id: string | number }>(
        `INSERT INTO product_photo (product_id, upt_id, kanwil_id, position, file_name, mime, sha256, size_bytes, content, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
        [id, p.upt_id, p.kanwil_id, p.n, name, MIME_TYPES[type], sha256, bytes.length, Buffer.from(bytes), currentUser(c).id],
      );
      await recordAudit(tx, actorOf(c), {
        entity: 'product_photo', entityId: Number(row!.id), action: 'create', after: { productId: id, fileName: name, mime: MIME_TYPES[type], sha256, sizeBytes: bytes.length },
        scope: { kanwilId: p.kanwil_id, uptId: p.upt_id },
      });
    });
    catalogueCache.clear();
    return c.json(await listing(db, id), 201);
  });
  app.openapi(photoGetRoute, async (c) => {
    const photo = await c.get('services').db.one<{ mime: string; content: Buffer }>('SELECT mime, content FROM product_photo WHERE id = $1 AND product_id = $2', [Number(c.req.param('photoId')), productIdOf(c)]);
    if (!photo) throw notFound();
    return c.body(new Uint8Array(photo.content), 200, { 'content-type': photo.mime }) as never;
  });
  app.openapi(photoDeleteRoute, async (c) => {
    const id = productIdOf(c);
    const photoId = Number(c.req.param('photoId'));
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const before = await tx.one<{ upt_id: number; kanwil_id: number; file_name: string; sha256: string }>(
        'DELETE FROM product_photo WHERE id = $1 AND product_id = $2 RETURNING upt_id, kanwil_id, file_name, sha256', [photoId, id]);
      if (!before) throw notFound();
      await recordAudit(tx, actorOf(c), {
        entity: 'product_photo', entityId: photoId, action: 'delete', before: { productId: id, fileName: before.file_name, sha256: before.sha256 },
        scope: { kanwilId: before.kanwil_id, uptId: before.upt_id },
      });
    });
    catalogueCache.clear();
    return c.json(await listing(db, id), 200);
  });
}
