import type { MoveKind, StockMove as LedgerMove } from '../../../domain/stock/ledger.ts';
import type { Reason } from '../../../domain/work/text.ts';
import type { Product, StockMove } from '../../../shared/schemas/production.ts';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../http/errors.ts';

export interface MoveRow {
  id: number;
  upt_id: number;
  kanwil_id: number;
  date: string;
  item_id: number;
  location_id: number;
  lot_code: string | null;
  lot_expiry: string | null;
  qty: number;
  kind: MoveKind;
  unit_cost_rupiah: number | null;
  total_cost_rupiah: number | null;
  reverses: number | null;
  idempotency_key: string | null;
  reference: string | null;
  batch_id: number | null;
  created_at: Date | string;
  [key: string]: unknown;
}

export interface ItemRow {
  id: number;
  upt_id: number;
  kanwil_id: number;
  name: string;
  unit: string;
  kind: 'material' | 'product';
  product_id: number | null;
  perishable: boolean;
  [key: string]: unknown;
}

export interface ProductRow {
  id: number;
  upt_id: number;
  upt_name: string;
  kanwil_id: number;
  name: string;
  category: Product['category'];
  unit: string;
  price_rupiah: number;
  description: string | null;
  photo_url: string | null;
  active: boolean;
  version: number;
  [key: string]: unknown;
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/**
 * A stored move as the ledger rules see it. Costs go in only where they price an incoming move
 * (a receipt's stated cost, a batch output's cost): outgoing moves and reversals are valued by the
 * moving average, so the value stamped on a consumption for the record is left out.
 */
export function toLedgerMove(r: MoveRow): LedgerMove {
  const m: LedgerMove = { id: String(r.id), date: r.date, itemId: String(r.item_id), locationId: String(r.location_id), qty: Number(r.qty), kind: r.kind };
  if (r.lot_code !== null) m.lot = r.lot_expiry ? { code: r.lot_code, expiry: r.lot_expiry } : { code: r.lot_code };
  if (m.qty > 0 && r.kind !== 'reversal') {
    if (r.total_cost_rupiah !== null) m.totalCostRupiah = Number(r.total_cost_rupiah);
    if (r.unit_cost_rupiah !== null) m.unitCostRupiah = Number(r.unit_cost_rupiah);
  }
  if (r.reverses !== null) m.reverses = String(r.reverses);
  if (r.idempotency_key !== null) m.idempotencyKey = r.idempotency_key;
  return m;
}

/** Takes the write lock of these items (in id order, so two writers never deadlock); undefined ids are ignored. */
export async function lockItems(tx: Queryable, itemIds: number[]): Promise<ItemRow[]> {
  return tx.query<ItemRow>('SELECT * FROM stock_item WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE', [[...new Set(itemIds)]]);
}

/**
 * The whole ledger of these items (every location and lot: a lot's expiry and a reversal's
 * original may sit anywhere), by date then id — the order the ledger rules read it in.
 */
export async function loadLedger(tx: Queryable, itemIds: number[]): Promise<LedgerMove[]> {
  const rows = await tx.query<MoveRow>('SELECT * FROM stock_move WHERE item_id = ANY($1::int[]) ORDER BY date, id', [[...new Set(itemIds)]]);
  return rows.map(toLedgerMove);
}

export interface NewMove {
  uptId: number;
  kanwilId: number;
  move: LedgerMove;
  /** Stored for the record (a consumption's value at the time); null when not known. */
  unitCostRupiah?: number | null;
  totalCostRupiah?: number | null;
  reference?: string | null;
  batchId?: number | null;
  /** The sale whose goods left (sales module). */
  saleId?: number | null;
  createdBy: number;
}

/**
 * The one way a move enters the ledger (production, stock, sales): appends it and keeps the item's
 * on-hand total (`stock_on_hand`, read by the public catalogue) in the same transaction.
 */
export async function insertMove(tx: Queryable, m: NewMove): Promise<number> {
  const row = await tx.one<{ id: number }>(
    `INSERT INTO stock_move (upt_id, kanwil_id, date, item_id, location_id, lot_code, lot_expiry, qty, kind, unit_cost_rupiah, total_cost_rupiah,
       reverses, idempotency_key, reference, batch_id, created_by, sale_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) RETURNING id`,
    [
      m.uptId, m.kanwilId, m.move.date, Number(m.move.itemId), Number(m.move.locationId), m.move.lot?.code ?? null, m.move.lot?.expiry ?? null,
      m.move.qty, m.move.kind, m.unitCostRupiah ?? m.move.unitCostRupiah ?? null, m.totalCostRupiah ?? m.move.totalCostRupiah ?? null,
      m.move.reverses === undefined ? null : Number(m.move.reverses), m.move.idempotencyKey ?? null, m.reference ?? null, m.batchId ?? null, m.createdBy, m.saleId ?? null,
    ],
  );
  await tx.query(
    `INSERT INTO stock_on_hand (item_id, upt_id, qty) VALUES ($1, $2, $3)
     ON CONFLICT (item_id) DO UPDATE SET qty = stock_on_hand.qty + EXCLUDED.qty, updated_at = now()`,
    [Number(m.move.itemId), m.uptId, m.move.qty],
  );
  return row!.id;
}

const MOVE_SELECT = `SELECT m.*, i.name AS item_name, i.unit, l.name AS location_name,
    (SELECT r.id FROM stock_move r WHERE r.reverses = m.id) AS reversed_by
  FROM stock_move m JOIN stock_item i ON i.id = m.item_id JOIN stock_location l ON l.id = m.location_id`;

export function toStockMove(r: MoveRow): StockMove {
  return {
    id: Number(r.id), uptId: r.upt_id, kanwilId: r.kanwil_id, date: r.date, itemId: r.item_id, itemName: String(r.item_name), unit: String(r.unit),
    locationId: r.location_id, locationName: String(r.location_name), lotCode: r.lot_code, lotExpiry: r.lot_expiry, qty: Number(r.qty), kind: r.kind,
    unitCostRupiah: r.unit_cost_rupiah === null ? null : Number(r.unit_cost_rupiah), totalCostRupiah: r.total_cost_rupiah === null ? null : Number(r.total_cost_rupiah),
    reverses: r.reverses === null ? null : Number(r.reverses), reversedBy: r.reversed_by == null ? null : Number(r.reversed_by),
    idempotencyKey: r.idempotency_key, reference: r.reference, batchId: r.batch_id === null ? null : Number(r.batch_id), createdAt: iso(r.created_at),
  };
}

export async function findMove(db: Queryable, id: number): Promise<StockMove | undefined> {
  const r = await db.one<MoveRow>(`${MOVE_SELECT} WHERE m.id = $1`, [id]);
  return r ? toStockMove(r) : undefined;
}

export async function listMoves(db: Queryable, cond: string, params: unknown[], page?: { limit: number; offset: number }): Promise<StockMove[]> {
  const limit = page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : '';
  return (await db.query<MoveRow>(`${MOVE_SELECT} WHERE ${cond} ORDER BY m.date DESC, m.id DESC${limit}`, params)).map(toStockMove);
}

const PRODUCT_SELECT = 'SELECT p.*, u.name AS upt_name FROM product p JOIN upt u ON u.id = p.upt_id';

export async function findProduct(db: Queryable, id: number): Promise<ProductRow | undefined> {
  return db.one<ProductRow>(`${PRODUCT_SELECT} WHERE p.id = $1`, [id]);
}

export async function listProducts(db: Queryable, cond: string, params: unknown[]): Promise<ProductRow[]> {
  return db.query<ProductRow>(`${PRODUCT_SELECT} WHERE ${cond} ORDER BY u.name, p.name LIMIT 500`, params);
}

export async function bomOf(db: Queryable, productId: number): Promise<Product['bom']> {
  const rows = await db.query<{ item_id: number; name: string; unit: string; qty_per_unit: number }>(
    'SELECT b.item_id, i.name, i.unit, b.qty_per_unit FROM bom_line b JOIN stock_item i ON i.id = b.item_id WHERE b.product_id = $1 ORDER BY b.id',
    [productId],
  );
  return rows.map((r) => ({ itemId: r.item_id, itemName: r.name, unit: r.unit, qtyPerUnit: Number(r.qty_per_unit) }));
}

export function toProduct(r: ProductRow, bom: Product['bom']): Product {
  return {
    id: r.id, uptId: r.upt_id, uptName: r.upt_name, kanwilId: r.kanwil_id, name: r.name, category: r.category, unit: r.unit,
    priceRupiah: Number(r.price_rupiah), description: r.description, photoUrl: r.photo_url, active: r.active, version: r.version, bom,
  };
}

/**
 * A refusal by the ledger rules, as field errors carrying each rule's own bilingual sentence.
 * `fieldOf` names the input field a reason code points at; the first reason per field wins.
 */
export function ledgerRefusal(reasons: readonly Reason[], fieldOf: (code: string) => string): AppError {
  const fields: Record<string, { id: string; en: string }> = {};
  for (const r of reasons) {
    const f = fieldOf(r.code);
    if (!(f in fields)) fields[f] = { id: r.id, en: r.en };
  }
  return new AppError(400, 'VALIDATION', fields);
}

/** Same key, different request: never merged, never answered with someone else's record. */
export const keyConflict = () =>
  new AppError(409, 'BAD_REQUEST', {
    idempotencyKey: { id: 'Kunci idempotensi sudah dipakai untuk permintaan lain.', en: 'The idempotency key was used for a different request.' },
  });
