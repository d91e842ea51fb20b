import { consumedLines } from '../../../domain/stock/costing.ts';
import { pickLots, validateMove, type StockMove as LedgerMove } from '../../../domain/stock/ledger.ts';
import { groupThousands } from '../../../domain/work/text.ts';
import type { Queryable } from '../../db/pool.ts';
import { AppError, invalidField } from '../../http/errors.ts';
import { insertMove, ledgerRefusal, loadLedger, lockItems, type ItemRow } from '../production/queries.ts';

export interface OutLine {
  productId: number;
  qty: number;
}

function shortage(i: number, item: ItemRow, available: number, wanted: number): AppError {
  const n = (v: number, lang: 'id' | 'en') => `${groupThousands(v, lang)} ${item.unit}`;
  return new AppError(400, 'VALIDATION', {
    [`lines.${i}.qty`]: {
      id: `Stok ${item.name} yang layak jual di lokasi ini tidak cukup: tersedia ${n(available, 'id')}, diminta ${n(wanted, 'id')}.`,
      en: `Not enough sellable ${item.name} at this location: ${n(available, 'en')} available, ${n(wanted, 'en')} requested.`,
    },
  });
}

/** The stock items of these products (one per product), locked for writing, in line order. */
export async function lockProductItems(tx: Queryable, lines: readonly OutLine[], uptId: number): Promise<ItemRow[]> {
  const found = await tx.query<{ id: number; product_id: number }>('SELECT id, product_id FROM stock_item WHERE product_id = ANY($1::int[])', [lines.map((l) => l.productId)]);
  const itemOf = new Map(found.map((r) => [r.product_id, r.id]));
  const items = new Map((await lockItems(tx, found.map((r) => r.id))).map((i) => [i.id, i]));
  return lines.map((l, i) => {
    const item = items.get(itemOf.get(l.productId) ?? -1);
    if (!item || item.upt_id !== uptId) throw invalidField(`lines.${i}.productId`, 'no_stock_item');
    return item;
  });
}

/**
 * Takes the lines' goods out of `locationId` first-expiry-first-out (expired lots are never sold)
 * as ledger moves of `kind`, written with `saleId`; answers the cost of each line (the moving
 * average value of what left, from the ledger). Nothing is written if any line is short.
 */
export async function takeOut(
  tx: Queryable,
  o: { uptId: number; kanwilId: number; locationId: number; date: string; lines: readonly OutLine[]; kind: 'sale' | 'transfer_out'; saleId: number | null; reference: string; createdBy: number; keyPrefix?: string },
): Promise<{ costs: number[]; picks: Array<Array<{ lot: LedgerMove['lot'] | undefined; qty: number }>> }> {
  const items = await lockProductItems(tx, o.lines, o.uptId);
  const ledger = await loadLedger(tx, items.map((i) => i.id));
  const planned: Array<{ line: number; move: LedgerMove }> = [];
  for (const [i, line] of o.lines.entries()) {
    const item = items[i]!;
    const pick = pickLots(ledger, String(item.id), String(o.locationId), line.qty, o.date);
    if (pick.shortfall > 0) throw shortage(i, item, line.qty - pick.shortfall, line.qty);
    for (const p of pick.picks) {
      const move: LedgerMove = { id: `new:${planned.length}`, date: o.date, itemId: String(item.id), locationId: String(o.locationId), qty: -p.qty, kind: o.kind, ...(p.lot ? { lot: p.lot } : {}) };
      const check = validateMove(ledger, move);
      if (check.status !== 'accepted') throw ledgerRefusal(check.status === 'refused' ? check.reasons : [], () => `lines.${i}.qty`);
      ledger.push(move);
      planned.push({ line: i, move });
    }
  }
  const values = consumedLines(ledger, planned.map((p) => p.move.id));
  const costs = o.lines.map(() => 0);
  const picks: Array<Array<{ lot: LedgerMove['lot'] | undefined; qty: number }>> = o.lines.map(() => []);
  for (const [k, p] of planned.entries()) {
    const value = -(values[k]!.valueRupiah ?? 0);
    costs[p.line] = costs[p.line]! + value;
    picks[p.line]!.push({ lot: p.move.lot, qty: -p.move.qty });
    await insertMove(tx, { uptId: o.uptId, kanwilId: o.kanwilId, move: p.move, totalCostRupiah: value, reference: o.reference, saleId: o.saleId, createdBy: o.createdBy });
  }
  return { costs, picks };
}
