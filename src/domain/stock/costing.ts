/**
 * Stock valuation and production batch costing FROM WHAT WAS ACTUALLY CONSUMED, not from the bill
 * of materials (STYLE.md: the Odoo/ERPNext users' complaint "finished-goods cost computed from the
 * BoM instead of what was consumed", and "scrap producing negative cost"). DOMAIN.md "Work and
 * production": Lapas Industri turn raw materials into goods of higher value (Permenkumham 53/2016),
 * so the cost of goods is what the proceeds are measured against.
 *
 * Valuation: moving average per stock (item × location × lot; for unlotted stock that is the classic
 * item × location moving average). Each stock keeps an integer quantity and an integer value in
 * rupiah, never a rounded unit cost, so nothing drifts:
 * - an incoming move adds its totalCostRupiah, else qty × unitCostRupiah, else (a found surplus or
 *   a transfer in without cost) qty at the current average, rounded half up;
 * - an outgoing move takes value × qty / stock qty, rounded half up; taking the last unit takes all
 *   the value left, so an emptied stock is worth exactly 0;
 * - a reversal moves back exactly the value its original moved (see reversalValue for the one
 *   exception, a reversed receipt whose stock was partly used since).
 * This is the cost "of the consumed lots at consumption time".
 */
import type { IsoDate } from '../calendar/date.ts';
import { isAfter } from '../calendar/date.ts';
import { divRoundHalfUp, fromBig } from '../premi/money.ts';
import { refused } from '../work/text.ts';
import type { Result } from '../work/text.ts';
import { inLedgerOrder, keyOf } from './ledger.ts';
import type { StockMove } from './ledger.ts';

interface StockState {
  qty: bigint;
  value: bigint;
}

function incomingValue(move: StockMove, state: StockState): bigint {
  if (move.totalCostRupiah !== undefined) return BigInt(move.totalCostRupiah);
  if (move.unitCostRupiah !== undefined) return BigInt(move.qty) * BigInt(move.unitCostRupiah);
  return state.qty > 0n ? divRoundHalfUp(state.value * BigInt(move.qty), state.qty) : 0n;
}

function outgoingValue(move: StockMove, state: StockState): bigint {
  const taken = BigInt(-move.qty);
  if (state.qty <= 0n) return 0n;
  if (taken >= state.qty) return -state.value;
  return -divRoundHalfUp(state.value * taken, state.qty);
}

/**
 * A reversal moves back exactly the value its original moved — unless it takes stock out and that
 * value no longer fits (the stock was used since, so taking it would leave value on an empty stock
 * or make the value negative): then it is valued like any issue, at the moving average.
 */
function reversalValue(move: StockMove, state: StockState, original: bigint | undefined): bigint {
  if (original === undefined) throw new RangeError(`Reversal ${move.id} refers to a move not valued before it`);
  const exact = -original;
  if (move.qty > 0) return exact;
  const qtyAfter = state.qty + BigInt(move.qty);
  const valueAfter = state.value + exact;
  const fits = valueAfter >= 0n && (qtyAfter > 0n || valueAfter === 0n);
  return fits ? exact : outgoingValue(move, state);
}

function walk(moves: readonly StockMove[], at?: IsoDate): { values: Map<string, number>; states: Map<string, StockState> } {
  const values = new Map<string, bigint>();
  const states = new Map<string, StockState>();
  for (const move of inLedgerOrder(moves)) {
    if (at !== undefined && isAfter(move.date, at)) continue;
    const k = keyOf(move);
    const state = states.get(k) ?? { qty: 0n, value: 0n };
    let v: bigint;
    if (move.kind === 'reversal') {
      v = reversalValue(move, state, move.reverses === undefined ? undefined : values.get(move.reverses));
    } else {
      v = move.qty > 0 ? incomingValue(move, state) : outgoingValue(move, state);
    }
    values.set(move.id, v);
    states.set(k, { qty: state.qty + BigInt(move.qty), value: state.value + v });
  }
  const out = new Map<string, number>();
  for (const [id, v] of values) out.set(id, fromBig(v, `value of move ${id}`));
  return { values: out, states };
}

/** Signed value of every move in rupiah (+ into stock, − out of it), in ledger order. */
export function valueMoves(moves: readonly StockMove[]): Map<string, number> {
  return walk(moves).values;
}

export interface StockValue {
  key: string;
  qty: number;
  valueRupiah: number;
}

/** Quantity and value of each stock on `at` (default: everything recorded). */
export function stockValue(moves: readonly StockMove[], at?: IsoDate): StockValue[] {
  return [...walk(moves, at).states].map(([key, s]) => ({ key, qty: fromBig(s.qty), valueRupiah: fromBig(s.value) }));
}

/** A consumed line: a consumption move (qty < 0) or its reversal (qty > 0), with its value. */
export interface ConsumedLine {
  itemId: string;
  /** Ledger sign: negative for material consumed, positive for material given back. */
  qty: number;
  /** Ledger-signed value in rupiah (negative for a consumption); wins over unitCostRupiah. */
  valueRupiah?: number;
  /** Rupiah per smallest unit, when the caller stamped it on the move. */
  unitCostRupiah?: number;
}

/** The batch's consumption moves, valued by the moving average at the time each was made. */
export function consumedLines(moves: readonly StockMove[], batchMoveIds: readonly string[]): ConsumedLine[] {
  const values = valueMoves(moves);
  return batchMoveIds.map((id) => {
    const move = moves.find((m) => m.id === id);
    const value = values.get(id);
    if (move === undefined || value === undefined) throw new RangeError(`Move ${id} is not in the ledger`);
    return { itemId: move.itemId, qty: move.qty, valueRupiah: value };
  });
}

export interface BatchCost {
  totalCostRupiah: number;
  /** Exact cost carried by the good output: put it on the output move as totalCostRupiah. */
  outputCostRupiah: number;
  /** outputCost ÷ outputQty rounded half up, for display and pricing; null when nothing good came out. */
  unitCostRupiah: number | null;
  scrapCostRupiah: number;
}

function lineCost(line: ConsumedLine): bigint {
  if (!Number.isSafeInteger(line.qty)) throw new RangeError(`Quantity must be an integer: ${line.qty}`);
  if (line.valueRupiah !== undefined) return -BigInt(line.valueRupiah);
  if (line.unitCostRupiah === undefined) throw new RangeError(`Consumed ${line.itemId} has neither a value nor a unit cost`);
  return -BigInt(line.qty) * BigInt(line.unitCostRupiah);
}

/**
 * Cost of a production batch from what was actually consumed (STYLE.md: the Odoo/ERPNext BoM-cost
 * and negative-scrap complaints; Permenkumham 53/2016 measures proceeds against it). Output and scrap (same unit) share
 * the total in proportion to quantity: scrap gets floor(total × scrap ÷ (output + scrap)) and the
 * good output the rest, so the two absorb the total exactly and the odd rupiah stays with the
 * output. The total is refused when negative (more given back than consumed), so scrap can never
 * carry a negative cost. Only scrap (no good output) gives scrap the whole cost.
 */
export function costBatch(input: { consumed: readonly ConsumedLine[]; outputQty: number; scrapQty: number }): Result<BatchCost> {
  const { outputQty, scrapQty } = input;
  if (![outputQty, scrapQty].every((q) => Number.isSafeInteger(q) && q >= 0) || outputQty + scrapQty === 0) {
    return refused('invalid_quantities', 'Jumlah hasil dan afkir harus bilangan bulat ≥ 0, tidak keduanya nol.', 'Output and scrap must be integers ≥ 0, not both zero.');
  }
  const total = input.consumed.reduce((a, l) => a + lineCost(l), 0n);
  if (total < 0n) return refused('negative_cost', 'Biaya bahan negatif: pengembalian melebihi pemakaian.', 'Material cost is negative: more given back than consumed.');
  const scrap = (total * BigInt(scrapQty)) / BigInt(outputQty + scrapQty);
  const output = total - scrap;
  return {
    ok: true,
    value: {
      totalCostRupiah: fromBig(total),
      outputCostRupiah: fromBig(output),
      unitCostRupiah: outputQty === 0 ? null : fromBig(divRoundHalfUp(output, BigInt(outputQty))),
      scrapCostRupiah: fromBig(scrap),
    },
  };
}

export interface Bom {
  /** Batch size the recipe is written for, in the output's smallest unit. */
  outputQty: number;
  lines: ReadonlyArray<{ itemId: string; qty: number }>;
}

export type VarianceStatus = 'as_planned' | 'over' | 'under' | 'unplanned' | 'not_used';

export interface MaterialVariance {
  itemId: string;
  plannedQty: number;
  actualQty: number;
  /** actual − planned (positive = more used than planned). */
  varianceQty: number;
  /** variance ÷ planned in basis points, rounded half up; null for unplanned material. */
  varianceBasisPoints: number | null;
  status: VarianceStatus;
}

function statusOf(planned: number, actual: number): VarianceStatus {
  if (planned === 0) return actual === 0 ? 'as_planned' : 'unplanned';
  if (actual === 0) return 'not_used';
  return actual > planned ? 'over' : actual < planned ? 'under' : 'as_planned';
}

/**
 * Planned versus actual consumption per material (STYLE.md, Odoo/ERPNext BoM; for review only: the cost never comes from the
 * BoM). With `producedQty` the plan is scaled to it (rounded half up to the smallest unit); the
 * caller chooses good output or output + scrap. BoM materials come first in their order, then
 * materials consumed but not in the BoM. Consumed lines use the ledger sign (negative = consumed).
 */
export function bomVariance(bom: Bom, consumed: ReadonlyArray<Pick<ConsumedLine, 'itemId' | 'qty'>>, producedQty?: number): MaterialVariance[] {
  if (!Number.isSafeInteger(bom.outputQty) || bom.outputQty <= 0) throw new RangeError('BoM output quantity must be a positive integer');
  const actual = new Map<string, number>();
  for (const line of consumed) actual.set(line.itemId, (actual.get(line.itemId) ?? 0) - line.qty);
  const planned = new Map<string, number>();
  for (const line of bom.lines) {
    const scaled = producedQty === undefined ? line.qty : fromBig(divRoundHalfUp(BigInt(line.qty) * BigInt(producedQty), BigInt(bom.outputQty)));
    planned.set(line.itemId, (planned.get(line.itemId) ?? 0) + scaled);
  }
  const ids = [...new Set([...planned.keys(), ...actual.keys()])];
  return ids.map((itemId) => {
    const p = planned.get(itemId) ?? 0;
    const a = actual.get(itemId) ?? 0;
    const v = a - p;
    return {
      itemId,
      plannedQty: p,
      actualQty: a,
      varianceQty: v,
      varianceBasisPoints: p === 0 ? null : fromBig(divRoundHalfUp(BigInt(v) * 10_000n, BigInt(p))),
      status: statusOf(p, a),
    };
  });
}
