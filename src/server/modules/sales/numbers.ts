import { formatDocNumber, type Series } from '../../../domain/sales/numbers.ts';
import type { Queryable } from '../../db/pool.ts';

/**
 * The next number of a series for a UPT and year, taken under the counter's row lock: the lock is
 * held until the transaction ends, so concurrent sales queue for it, and a transaction that fails
 * later rolls the counter back with it — the series never has a gap.
 */
export async function nextDocNumber(tx: Queryable, uptId: number, year: number, series: Series): Promise<string> {
  await tx.query('INSERT INTO sales_counter (upt_id, year, series) VALUES ($1, $2, $3) ON CONFLICT (upt_id, year, series) DO NOTHING', [uptId, year, series]);
  const row = await tx.one<{ last_number: number }>(
    'UPDATE sales_counter SET last_number = last_number + 1 WHERE upt_id = $1 AND year = $2 AND series = $3 RETURNING last_number',
    [uptId, year, series],
  );
  return formatDocNumber(series, year, row!.last_number);
}
