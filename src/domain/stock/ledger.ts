/**
 * Immutable stock ledger per UPT × location × item × lot (STYLE.md, after Odoo/ERPNext: a ledger
 * corrected only by reversal, lots with expiry for food, client-generated idempotency keys so an
 * offline sale synced twice never counts twice). DOMAIN.md "Work and production" / "Selling what
 * inmates make": raw materials, production, showroom and e-Katalog sales.
 *
 * QUANTITIES ARE INTEGERS IN THE ITEM'S SMALLEST UNIT: grams for flour or rice, millilitres for oil,
 * pieces for bricks, shirts or eggs. 2.5 kg of flour is qty 2500. No floats ever enter the ledger;
 * converting a display quantity ("2,5 kg") is the caller's job, with the item's unit.
 *
 * Choices where the brief is silent:
 * - A location id is national and belongs to one UPT, so location × item × lot identifies a stock.
 *   Unlotted stock is its own lot (code null, no expiry).
 * - Signs by kind: receipt, output, transfer_in > 0; consumption, sale, transfer_out, scrap < 0;
 *   adjustment ≠ 0; reversal = −(the reversed qty).
 * - NO move may make a stock negative — any negative move (including a negative adjustment or the
 *   reversal of a receipt already used), at its date or on any later date: a backdated sale cannot
 *   consume what a later sale already took. Same-date moves keep their ledger (array) order.
 * - Consumption and sale from an expired lot are refused (date > expiry; the expiry day is still
 *   usable). Scrap, transfer and adjustment of an expired lot are allowed (that is how it leaves).
 * - A lot (item × code) has one expiry: a move naming another expiry for a known lot is refused.
 * - A duplicate idempotency key returns the existing move, unless the retry differs (item,
 *   location, lot, kind or qty): then it is refused as a key conflict, never silently merged.
 */
import { compareDates, isAfter, isBefore, isValidDate } from '../calendar/date.ts';
import type { IsoDate } from '../calendar/date.ts';
import { reason } from '../work/text.ts';
import type { Reason } from '../work/text.ts';

export type MoveKind = 'receipt' | 'consumption' | 'output' | 'sale' | 'adjustment' | 'transfer_in' | 'transfer_out' | 'reversal' | 'scrap';

export interface Lot {
  code: string;
  expiry?: IsoDate;
}

export interface StockMove {
  id: string;
  date: IsoDate;
  itemId: string;
  locationId: string;
  lot?: Lot;
  /** Signed integer in the item's smallest unit (see the file comment). */
  qty: number;
  kind: MoveKind;
  /** Integer rupiah per smallest unit, for incoming moves. */
  unitCostRupiah?: number;
  /**
   * Integer rupiah for the whole incoming move. Wins over unitCostRupiah: a cost per gram is often
   * fractional (Rp 15.500/kg = Rp 15,5/g), so receipts in grams carry their total instead.
   */
  totalCostRupiah?: number;
  reverses?: string;
  idempotencyKey?: string;
}

const INCOMING: readonly MoveKind[] = ['receipt', 'output', 'transfer_in'];
const OUTGOING: readonly MoveKind[] = ['consumption', 'sale', 'transfer_out', 'scrap'];
const EXPIRY_BLOCKED: readonly MoveKind[] = ['consumption', 'sale'];

export interface StockKey {
  itemId: string;
  locationId: string;
  lotCode: string | null;
}

export function keyOf(move: Pick<StockMove, 'itemId' | 'locationId' | 'lot'>): string {
  return stockKey({ itemId: move.itemId, locationId: move.locationId, lotCode: move.lot?.code ?? null });
}

export function stockKey(key: StockKey): string {
  return JSON.stringify([key.itemId, key.locationId, key.lotCode]);
}

/** Moves by date, same-date moves in ledger order. */
export function inLedgerOrder<T extends { date: IsoDate }>(moves: readonly T[]): T[] {
  return moves.map((m, i) => ({ m, i })).sort((a, b) => compareDates(a.m.date, b.m.date) || a.i - b.i).map((x) => x.m);
}

/** The expiry recorded for a lot of an item (first move that gave one), or null. */
export function lotExpiry(moves: readonly StockMove[], itemId: string, lotCode: string): IsoDate | null {
  for (const m of moves) if (m.itemId === itemId && m.lot?.code === lotCode && m.lot.expiry !== undefined) return m.lot.expiry;
  return null;
}

export interface StockBalance extends StockKey {
  expiry: IsoDate | null;
  qty: number;
}

/** Quantity on hand per item × location × lot, counting moves dated on or before `at` (default all). Zero stocks are left out. */
export function onHand(moves: readonly StockMove[], at?: IsoDate): StockBalance[] {
  const totals = new Map<string, StockBalance>();
  for (const m of moves) {
    if (at !== undefined && isAfter(m.date, at)) continue;
    const k = keyOf(m);
    const row = totals.get(k) ?? { itemId: m.itemId, locationId: m.locationId, lotCode: m.lot?.code ?? null, expiry: null, qty: 0 };
    row.qty += m.qty;
    totals.set(k, row);
  }
  const rows = [...totals.values()].filter((r) => r.qty !== 0);
  return rows.map((r) => ({ ...r, expiry: r.lotCode === null ? null : lotExpiry(moves, r.itemId, r.lotCode) }));
}

/** Quantity of one stock on `at` (default: everything recorded). */
export function qtyOnHand(moves: readonly StockMove[], key: StockKey, at?: IsoDate): number {
  const k = stockKey(key);
  return moves.filter((m) => keyOf(m) === k && (at === undefined || !isAfter(m.date, at))).reduce((a, m) => a + m.qty, 0);
}

/**
 * What can leave a stock on `date` without it going negative then or on any later date: the lowest
 * running balance from `date` onward (a new move is placed after every move dated ≤ `date`).
 */
export function availableFrom(moves: readonly StockMove[], key: StockKey, date: IsoDate): number {
  const k = stockKey(key);
  const mine = inLedgerOrder(moves.filter((m) => keyOf(m) === k));
  let running = mine.filter((m) => !isAfter(m.date, date)).reduce((a, m) => a + m.qty, 0);
  let lowest = running;
  for (const m of mine) {
    if (!isAfter(m.date, date)) continue;
    running += m.qty;
    lowest = Math.min(lowest, running);
  }
  return lowest;
}

export type MoveCheck =
  | { status: 'accepted'; move: StockMove }
  | { status: 'duplicate'; move: StockMove }
  | { status: 'refused'; reasons: Reason[] };

function sameRequest(a: StockMove, b: StockMove): boolean {
  return a.itemId === b.itemId && a.locationId === b.locationId && (a.lot?.code ?? null) === (b.lot?.code ?? null) && a.kind === b.kind && a.qty === b.qty;
}

function shapeReasons(moves: readonly StockMove[], move: StockMove): Reason[] {
  const out: Reason[] = [];
  if (moves.some((m) => m.id === move.id)) out.push(reason('duplicate_id', 'Nomor mutasi sudah dipakai.', 'Move id already used.'));
  if (!isValidDate(move.date)) out.push(reason('invalid_date', 'Tanggal tidak valid.', 'Invalid date.'));
  if (!Number.isSafeInteger(move.qty) || move.qty === 0) {
    out.push(reason('invalid_qty', 'Jumlah harus bilangan bulat bukan nol (satuan terkecil).', 'Quantity must be a non-zero integer (smallest unit).'));
  } else if ((INCOMING.includes(move.kind) && move.qty < 0) || (OUTGOING.includes(move.kind) && move.qty > 0)) {
    out.push(reason('sign', `Tanda jumlah tidak sesuai jenis mutasi ${move.kind}.`, `Quantity sign does not match a ${move.kind} move.`));
  }
  for (const cost of [move.unitCostRupiah, move.totalCostRupiah]) {
    if (cost !== undefined && (!Number.isSafeInteger(cost) || cost < 0)) {
      out.push(reason('invalid_cost', 'Biaya harus rupiah bulat ≥ 0.', 'Cost must be whole rupiah ≥ 0.'));
    }
  }
  if (move.kind !== 'reversal' && move.reverses !== undefined) {
    out.push(reason('reverses_on_non_reversal', 'Hanya pembalikan yang merujuk mutasi lain.', 'Only a reversal refers to another move.'));
  }
  return out;
}

function lotReasons(moves: readonly StockMove[], move: StockMove): Reason[] {
  if (move.lot === undefined) return [];
  const out: Reason[] = [];
  if (move.lot.code.trim() === '') out.push(reason('invalid_lot', 'Kode lot kosong.', 'Lot code is empty.'));
  if (move.lot.expiry !== undefined && !isValidDate(move.lot.expiry)) out.push(reason('invalid_expiry', 'Tanggal kedaluwarsa tidak valid.', 'Invalid expiry date.'));
  const known = lotExpiry(moves, move.itemId, move.lot.code);
  if (known !== null && move.lot.expiry !== undefined && move.lot.expiry !== known) {
    out.push(reason('lot_expiry_mismatch', `Lot ${move.lot.code} tercatat kedaluwarsa ${known}.`, `Lot ${move.lot.code} is recorded as expiring ${known}.`));
  }
  const expiry = known ?? move.lot.expiry ?? null;
  if (expiry !== null && isValidDate(expiry) && EXPIRY_BLOCKED.includes(move.kind) && isAfter(move.date, expiry)) {
    out.push(reason('expired_lot', `Lot ${move.lot.code} kedaluwarsa ${expiry}: tidak boleh dipakai atau dijual.`, `Lot ${move.lot.code} expired on ${expiry}: cannot be used or sold.`));
  }
  return out;
}

function reversalReasons(moves: readonly StockMove[], move: StockMove): Reason[] {
  if (move.kind !== 'reversal') return [];
  const original = moves.find((m) => m.id === move.reverses);
  if (original === undefined) return [reason('not_found', 'Mutasi yang dibalik tidak ada.', 'The move to reverse does not exist.')];
  const out: Reason[] = [];
  if (original.kind === 'reversal') out.push(reason('reverse_reversal', 'Pembalikan tidak dapat dibalik lagi.', 'A reversal cannot be reversed.'));
  if (moves.some((m) => m.reverses === original.id)) out.push(reason('already_reversed', 'Mutasi ini sudah dibalik.', 'This move is already reversed.'));
  if (keyOf(original) !== keyOf(move) || move.qty !== -original.qty) {
    out.push(reason('reversal_mismatch', 'Pembalikan harus barang, lokasi, lot yang sama dan jumlah kebalikannya.', 'A reversal must match item, location and lot, with the negative quantity.'));
  }
  if (isValidDate(move.date) && isBefore(move.date, original.date)) {
    out.push(reason('reversal_before_move', 'Pembalikan tidak boleh bertanggal sebelum mutasi asal.', 'A reversal cannot be dated before the move.'));
  }
  return out;
}

function stockReasons(moves: readonly StockMove[], move: StockMove): Reason[] {
  if (!Number.isSafeInteger(move.qty) || move.qty >= 0 || !isValidDate(move.date)) return [];
  const available = availableFrom(moves, { itemId: move.itemId, locationId: move.locationId, lotCode: move.lot?.code ?? null }, move.date);
  if (available + move.qty >= 0) return [];
  return [reason('insufficient_stock', `Stok tidak cukup: tersedia ${Math.max(available, 0)}, diminta ${-move.qty}.`, `Not enough stock: ${Math.max(available, 0)} available, ${-move.qty} requested.`)];
}

/**
 * Checks a move before it is appended (STYLE.md, Odoo/ERPNext stock ledger; see the file comment
 * for each rule). A retried request (same idempotency key, same content)
 * returns the move already recorded — "a retried sale never counts twice".
 */
export function validateMove(moves: readonly StockMove[], move: StockMove): MoveCheck {
  if (move.idempotencyKey !== undefined) {
    const existing = moves.find((m) => m.idempotencyKey === move.idempotencyKey);
    if (existing !== undefined) {
      return sameRequest(existing, move)
        ? { status: 'duplicate', move: existing }
        : { status: 'refused', reasons: [reason('idempotency_conflict', 'Kunci idempotensi sudah dipakai untuk mutasi lain.', 'The idempotency key was used for a different move.')] };
    }
  }
  const reasons = [...shapeReasons(moves, move), ...lotReasons(moves, move), ...reversalReasons(moves, move), ...stockReasons(moves, move)];
  return reasons.length > 0 ? { status: 'refused', reasons } : { status: 'accepted', move };
}

/** Validates then appends; a duplicate leaves the ledger unchanged. The input is never modified. */
export function appendMove(moves: readonly StockMove[], move: StockMove): { moves: StockMove[]; check: MoveCheck } {
  const check = validateMove(moves, move);
  return { moves: check.status === 'accepted' ? [...moves, move] : [...moves], check };
}

/** The reversal of a move (id `rev:<id>`), to be checked by validateMove (which refuses reversing twice). */
export function reverse(move: StockMove, date: IsoDate): StockMove {
  const out: StockMove = { id: `rev:${move.id}`, date, itemId: move.itemId, locationId: move.locationId, qty: -move.qty, kind: 'reversal', reverses: move.id };
  if (move.lot !== undefined) out.lot = { ...move.lot };
  return out;
}

export interface LotPick {
  lot: Lot | null;
  qty: number;
}

export interface PickResult {
  picks: LotPick[];
  /** What could not be picked (0 when the request is covered). */
  shortfall: number;
}

/**
 * FEFO: first expiry, first out (food lots with expiry — STYLE.md, Odoo/ERPNext removal strategy). Lots expired on `date` are never picked; lots without an expiry
 * (and unlotted stock) come after every dated lot; ties go to the lot received first, then by code.
 * Each lot gives at most what it can spare on `date` without going negative later (availableFrom),
 * so the picks always pass validateMove.
 */
export function pickLots(moves: readonly StockMove[], itemId: string, locationId: string, qty: number, date: IsoDate): PickResult {
  if (!Number.isSafeInteger(qty) || qty < 0) throw new RangeError(`Quantity to pick must be an integer ≥ 0: ${qty}`);
  const candidates = new Map<string, { lot: Lot | null; firstDate: IsoDate }>();
  for (const m of inLedgerOrder(moves)) {
    if (m.itemId !== itemId || m.locationId !== locationId || isAfter(m.date, date)) continue;
    const k = keyOf(m);
    if (candidates.has(k)) continue;
    const code = m.lot?.code ?? null;
    const expiry = code === null ? null : lotExpiry(moves, itemId, code);
    candidates.set(k, { lot: code === null ? null : expiry === null ? { code } : { code, expiry }, firstDate: m.date });
  }
  const usable = [...candidates.values()].filter((c) => c.lot?.expiry === undefined || !isAfter(date, c.lot.expiry));
  usable.sort((a, b) => {
    const ea = a.lot?.expiry;
    const eb = b.lot?.expiry;
    if (ea !== undefined && eb !== undefined && ea !== eb) return compareDates(ea, eb);
    if ((ea === undefined) !== (eb === undefined)) return ea === undefined ? 1 : -1;
    return compareDates(a.firstDate, b.firstDate) || (a.lot?.code ?? '').localeCompare(b.lot?.code ?? '');
  });
  let left = qty;
  const picks: LotPick[] = [];
  for (const c of usable) {
    if (left === 0) break;
    const available = availableFrom(moves, { itemId, locationId, lotCode: c.lot?.code ?? null }, date);
    const take = Math.min(left, available);
    if (take <= 0) continue;
    picks.push({ lot: c.lot, qty: take });
    left -= take;
  }
  return { picks, shortfall: left };
}
