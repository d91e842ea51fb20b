/**
 * How many units of a product a demo batch, shelf or purchase holds: sized by what they are worth,
 * so a workshop makes a few tables and a bakery hundreds of loaves (the demo once put 5,000 units
 * of every product, tables included, on one outlet's shelf).
 */
export function unitsWorth(rupiah: number, price: number): number {
  return Math.max(1, Math.round(rupiah / Math.max(1, price)));
}

/** Services (car wash, laundry) are sold, not stocked. */
export const isStocked = (category: string): boolean => category !== 'jasa';

/** Units one buyer takes at the counter: one table, a few shirts, dozens of paving blocks. */
export function counterQty(price: number, roll: (min: number, max: number) => number): number {
  if (price >= 100_000) return 1;
  if (price >= 20_000) return roll(1, 3);
  return roll(1, 3) * roll(3, 12);
}
