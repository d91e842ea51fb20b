import type { Context } from 'hono';
import { canMove, requestNumber, type RequestStatus } from '../../../domain/catalogue/catalogue.ts';
import type { Lang } from '../../../shared/i18n/lang.ts';
import type { OrderRequest, OrderRequestInput, OrderRequestSummary } from '../../../shared/schemas/catalogue.ts';
import { recordAudit, type AuditActor } from '../../audit/trail.ts';
import { clientIp } from '../../auth/session.ts';
import type { Db, Queryable } from '../../db/pool.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors.ts';

/** Requests (valid or not) one client address may send per window: a ministry office shares one address. */
export const REQUESTS_PER_WINDOW = 30;
export const REQUEST_WINDOW_MINUTES = 60;

/** Who the audit trail records for a request sent from the public catalogue. */
export const PUBLIC_ACTOR: AuditActor = { id: null, username: 'publik', role: null };

const throttleKey = (c: Context<AppEnv>) => `order-request:${clientIp(c, c.get('services').config.trustProxy)}`;

/**
 * Counts one submission for the caller's address and refuses past the limit (429). Shares the
 * sign-in throttle's table, under its own key, so every app process sees the same count.
 */
export async function throttleRequests(c: Context<AppEnv>): Promise<void> {
  const row = await c.get('services').db.one<{ attempts: number }>(
    `INSERT INTO login_throttle (key, window_start, attempts) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN login_throttle.window_start < now() - make_interval(mins => $2) THEN 1 ELSE login_throttle.attempts + 1 END,
       window_start = CASE WHEN login_throttle.window_start < now() - make_interval(mins => $2) THEN now() ELSE login_throttle.window_start END
     RETURNING attempts`,
    [throttleKey(c), REQUEST_WINDOW_MINUTES],
  );
  if ((row?.attempts ?? 0) > REQUESTS_PER_WINDOW) throw new AppError(429, 'RATE_LIMITED');
}

export interface StoredRequest {
  id: number;
  number: string;
  uptId: number;
  created: boolean;
}

interface ListedProduct {
  id: number;
  name: string;
  unit: string;
  price_rupiah: string | number;
  upt_id: number;
  kanwil_id: number;
  [key: string]: unknown;
}

async function byKey(db: Queryable, key: string): Promise<StoredRequest | undefined> {
  const r = await db.one<{ id: string | number; number: string; upt_id: number }>('SELECT id, number, upt_id FROM order_request WHERE idempotency_key = $1', [key]);
  return r ? { id: Number(r.id), number: r.number, uptId: r.upt_id, created: false } : undefined;
}

/**
 * Stores an order or quotation request for one UPT, with the catalogue prices of the moment and
 * the next number of the UPT's yearly series (allocated under the counter's row lock, so a failed
 * request gives its number back). A request sent again with the same idempotency key answers the
 * stored one and changes nothing.
 */
export async function createOrderRequest(db: Db, input: OrderRequestInput, opts: { lang: Lang; today: string; requestId?: string }): Promise<StoredRequest> {
  const existing = await byKey(db, input.idempotencyKey);
  if (existing) return existing;
  try {
    return await db.tx(async (tx) => {
      const ids = input.lines.map((l) => l.productId);
      const seen = new Set<number>();
      ids.forEach((id, i) => {
        if (seen.has(id)) throw invalidField(`lines.${i}.productId`, 'invalid');
        seen.add(id);
      });
      const products = new Map(
        (await tx.query<ListedProduct>(
          `SELECT p.id, p.name, p.unit, p.price_rupiah, p.upt_id, p.kanwil_id FROM product p JOIN upt u ON u.id = p.upt_id
            WHERE p.id = ANY($1::int[]) AND p.published AND p.active AND u.active`,
          [ids],
        )).map((p) => [p.id, p]),
      );
      ids.forEach((id, i) => {
        if (!products.has(id)) throw invalidField(`lines.${i}.productId`, 'product_unavailable');
      });
      const upts = new Set([...products.values()].map((p) => p.upt_id));
      if (upts.size > 1) throw invalidField('lines', 'one_upt_per_request');
      const first = products.get(ids[0]!)!;
      const year = Number(opts.today.slice(0, 4));
      await tx.query('INSERT INTO order_request_counter (upt_id, year) VALUES ($1, $2) ON CONFLICT (upt_id, year) DO NOTHING', [first.upt_id, year]);
      const counter = await tx.one<{ id: number; last_number: number }>('SELECT id, last_number FROM order_request_counter WHERE upt_id = $1 AND year = $2 FOR UPDATE', [first.upt_id, year]);
      // A retry that raced this one to the lock has committed by now.
      const raced = await byKey(tx, input.idempotencyKey);
      if (raced) return raced;
      const n = counter!.last_number + 1;
      await tx.query('UPDATE order_request_counter SET last_number = $2 WHERE id = $1', [counter!.id, n]);
      const lines = input.lines.map((l) => {
        const p = products.get(l.productId)!;
        const price = Number(p.price_rupiah);
        return { productId: p.id, productName: p.name, unit: p.unit, qty: l.qty, unitPriceRupiah: price, lineTotalRupiah: price * l.qty };
      });
      const total = lines.reduce((s, l) => s + l.lineTotalRupiah, 0);
      const number = requestNumber(year, n);
      const row = await tx.one<{ id: string | number }>(
        `INSERT INTO order_request (upt_id, kanwil_id, number, year, kind, buyer_kind, buyer_name, institution, email, phone, region, notes, total_rupiah, lang, idempotency_key)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id`,
        [first.upt_id, first.kanwil_id, number, year, input.kind, input.buyerKind, input.buyerName, input.buyerKind === 'individual' ? (input.institution ?? null) : input.institution,
          input.email ?? null, input.phone ?? null, input.region, input.notes ?? null, total, opts.lang, input.idempotencyKey],
      );
      const id = Number(row!.id);
      await tx.query(
        `INSERT INTO order_request_line (request_id, product_id, product_name, unit, qty, unit_price_rupiah, line_total_rupiah)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::bigint[], $7::bigint[])`,
        [id, lines.map((l) => l.productId), lines.map((l) => l.productName), lines.map((l) => l.unit), lines.map((l) => l.qty), lines.map((l) => l.unitPriceRupiah), lines.map((l) => l.lineTotalRupiah)],
      );
      await recordAudit(tx, { ...PUBLIC_ACTOR, requestId: opts.requestId ?? null }, {
        entity: 'order_request', entityId: id, action: 'create',
        after: { number, kind: input.kind, buyerKind: input.buyerKind, buyerName: input.buyerName, institution: input.institution ?? null, email: input.email ?? null, phone: input.phone ?? null, region: input.region, totalRupiah: total, lines },
        scope: { kanwilId: first.kanwil_id, uptId: first.upt_id },
      });
      return { id, number, uptId: first.upt_id, created: true };
    });
  } catch (e) {
    // Two sends of one key raced past the first look: the loser answers the winner's request.
    if ((e as { code?: string }).code === '23505') {
      const again = await byKey(db, input.idempotencyKey);
      if (again) return again;
    }
    throw e;
  }
}

interface RequestRow {
  id: string | number;
  upt_id: number;
  upt_name: string;
  kanwil_id: number;
  number: string;
  kind: OrderRequest['kind'];
  buyer_kind: OrderRequest['buyerKind'];
  buyer_name: string;
  institution: string | null;
  email: string | null;
  phone: string | null;
  region: string;
  notes: string | null;
  total_rupiah: string | number;
  status: RequestStatus;
  status_reason: string | null;
  lang: 'id' | 'en';
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  [key: string]: unknown;
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const REQUEST_SELECT = 'SELECT r.*, u.name AS upt_name FROM order_request r JOIN upt u ON u.id = r.upt_id';

function toSummary(r: RequestRow): OrderRequestSummary {
  return {
    id: Number(r.id), uptId: r.upt_id, uptName: r.upt_name, kanwilId: r.kanwil_id, number: r.number, kind: r.kind, buyerKind: r.buyer_kind,
    buyerName: r.buyer_name, institution: r.institution, region: r.region, totalRupiah: Number(r.total_rupiah), status: r.status,
    createdAt: iso(r.created_at), version: r.version,
  };
}

export async function listRequests(db: Queryable, cond: string, params: unknown[], page: { limit: number; offset: number }): Promise<{ items: OrderRequestSummary[]; total: number }> {
  const [count, rows] = await Promise.all([
    db.one<{ n: number }>(`SELECT count(*)::int AS n FROM order_request r WHERE ${cond}`, params),
    db.query<RequestRow>(`${REQUEST_SELECT} WHERE ${cond} ORDER BY r.created_at DESC, r.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`, params),
  ]);
  return { items: rows.map(toSummary), total: count?.n ?? 0 };
}

/** A request as the UPT sees it, with the buyer's contact and the lines. */
export async function findRequest(db: Queryable, id: number): Promise<OrderRequest | undefined> {
  const r = await db.one<RequestRow>(`${REQUEST_SELECT} WHERE r.id = $1`, [id]);
  if (!r) return undefined;
  const lines = await db.query<{ product_id: number; product_name: string; unit: string; qty: number; unit_price_rupiah: string | number; line_total_rupiah: string | number }>(
    'SELECT product_id, product_name, unit, qty, unit_price_rupiah, line_total_rupiah FROM order_request_line WHERE request_id = $1 ORDER BY id',
    [id],
  );
  return {
    ...toSummary(r), email: r.email, phone: r.phone, notes: r.notes, statusReason: r.status_reason, lang: r.lang, updatedAt: iso(r.updated_at),
    lines: lines.map((l) => ({ productId: l.product_id, productName: l.product_name, unit: l.unit, qty: l.qty, unitPriceRupiah: Number(l.unit_price_rupiah), lineTotalRupiah: Number(l.line_total_rupiah) })),
  };
}

/**
 * Moves a request along its life (new → in progress → answered / declined → converted), checked
 * against the version the officer saw, audited. `converted` is for the sales module, which calls
 * this inside the transaction that creates the institutional order, with the order's reference
 * as the reason.
 */
export async function moveRequest(tx: Queryable, actor: AuditActor, id: number, to: RequestStatus, reason: string | null, version: number): Promise<void> {
  const before = await tx.one<RequestRow>('SELECT * FROM order_request WHERE id = $1 FOR UPDATE', [id]);
  if (!before) throw notFound();
  if (before.version !== version) throw versionConflict();
  if (!canMove(before.status, to)) throw invalidField('status', 'status_transition');
  if (to === 'declined' && !reason) throw invalidField('reason', 'reason_required');
  await tx.query('UPDATE order_request SET status = $2, status_reason = $3, version = version + 1, updated_at = now() WHERE id = $1', [id, to, reason]);
  await recordAudit(tx, actor, {
    entity: 'order_request', entityId: id, action: `status_${to}`, before: { status: before.status, statusReason: before.status_reason },
    after: { status: to, statusReason: reason }, scope: { kanwilId: before.kanwil_id, uptId: before.upt_id },
  });
}

/** What the confirmation page may show: the number, the UPT and the lines, never the buyer. */
export async function confirmationOf(db: Queryable, key: string): Promise<{ number: string; kind: OrderRequest['kind']; uptName: string; uptId: number; totalRupiah: number; lines: OrderRequest['lines'] } | undefined> {
  const r = await db.one<{ id: string | number }>('SELECT id FROM order_request WHERE idempotency_key = $1', [key]);
  if (!r) return undefined;
  const full = await findRequest(db, Number(r.id));
  return full && { number: full.number, kind: full.kind, uptName: full.uptName, uptId: full.uptId, totalRupiah: full.totalRupiah, lines: full.lines };
}
