import { assertRupiah, mulRupiah, sumRupiah } from '../premi/money.ts';

export interface LineInput {
  qty: number;
  unitPriceRupiah: number;
}

/** Line amounts and the total, in integer rupiah (qty × price, exact; no discounts, no tax). */
export function saleTotals(lines: readonly LineInput[]): { amounts: number[]; totalRupiah: number } {
  const amounts = lines.map((l) => {
    if (!Number.isSafeInteger(l.qty) || l.qty <= 0) throw new RangeError(`Quantity must be a whole number > 0: ${l.qty}`);
    return mulRupiah(assertRupiah(l.unitPriceRupiah, 'unit price'), l.qty);
  });
  return { amounts, totalRupiah: sumRupiah(amounts) };
}
