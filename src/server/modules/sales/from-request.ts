import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { covers } from '../../../shared/access/scope.ts';
import { IdRef, PositiveId, Version } from '../../../shared/schemas/common.ts';
import { IdempotencyKey, Sale, type SaleInput } from '../../../shared/schemas/sales.ts';
import { recordAudit } from '../../audit/trail.ts';
import { rowTarget, targetRoute } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { invalidField, notFound, outOfScope } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { moveRequest } from '../catalogue/requests.ts';
import { describeSale } from './queries.ts';
import { insertSale, salesTags as tags } from './sales.ts';

const requestTarget = rowTarget('order_request', 'requestId');

export const FromRequestInput = z.strictObject({
  /** The request's version the officer saw. */
  version: Version,
  locationId: IdRef,
  idempotencyKey: IdempotencyKey,
});

const route = defineRoute({
  method: 'post', path: '/sales/from-request/{requestId}', tags, summary: 'Jadikan permintaan katalog pesanan instansi / turn a catalogue request into an order',
  description: 'Creates the institutional order (a quotation, PNW-<year>-…) with the request’s products, quantities and the prices the buyer saw, and marks the request `converted` with the quotation number — in one transaction. A retry with the same `idempotencyKey` answers the order already made.',
  access: targetRoute('sales.write', requestTarget), request: { params: z.object({ requestId: PositiveId }), body: jsonBody(FromRequestInput) },
  responses: { 201: jsonOk(Sale, 'The order'), 200: jsonOk(Sale, 'Already made under this key'), ...errorResponses },
});

interface RequestRow { id: number; upt_id: number; kanwil_id: number; number: string; buyer_kind: string; buyer_name: string; institution: string | null; email: string | null; phone: string | null; region: string; notes: string | null; [k: string]: unknown }

export function fromRequestRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { requestId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { db, clock } = c.get('services');
    const user = currentUser(c);
    const result = await db.tx(async (tx) => {
      const prior = await tx.one<{ id: number; order_request_id: number | null }>('SELECT id, order_request_id FROM sale WHERE idempotency_key = $1', [input.idempotencyKey]);
      if (prior) {
        if (Number(prior.order_request_id) !== requestId) throw invalidField('idempotencyKey', 'invalid');
        return { id: Number(prior.id), created: false };
      }
      const r = await tx.one<RequestRow>('SELECT * FROM order_request WHERE id = $1', [requestId]);
      if (!r) throw notFound();
      if (!covers(user.scope, { kanwilId: r.kanwil_id, uptId: r.upt_id })) throw outOfScope();
      const lines = await tx.query<{ product_id: number; qty: number; unit_price_rupiah: number }>('SELECT product_id, qty, unit_price_rupiah FROM order_request_line WHERE request_id = $1 ORDER BY id', [requestId]);
      const sale: SaleInput = {
        channel: 'institution', date: clock.today(), locationId: input.locationId,
        buyer: { kind: r.buyer_kind as NonNullable<SaleInput['buyer']>['kind'], name: r.buyer_name, institution: r.institution, contact: [r.email, r.phone].filter(Boolean).join(' / ') || null },
        orderRequestId: requestId, externalReference: r.number, note: [`Dikirim ke: ${r.region}`, r.notes].filter(Boolean).join(' · ').slice(0, 500),
        lines: lines.map((l) => ({ productId: l.product_id, qty: Number(l.qty), unitPriceRupiah: Number(l.unit_price_rupiah) })), idempotencyKey: input.idempotencyKey,
      };
      const id = await insertSale(tx, { userId: user.id, today: clock.today() }, { id: r.upt_id, kanwil_id: r.kanwil_id }, sale);
      const made = await describeSale(tx, id, { personal: true });
      await moveRequest(tx, actorOf(c), requestId, 'converted', made.quotationNumber, input.version);
      await recordAudit(tx, actorOf(c), { entity: 'sale', entityId: id, action: 'create_from_request', after: made, scope: { kanwilId: r.kanwil_id, uptId: r.upt_id } });
      return { id, created: true };
    });
    return c.json(await describeSale(db, result.id, { personal: true }), result.created ? 201 : 200);
  });
}
