/**
 * Demo sales for the demo UPTs: six months of counter, institutional, marketplace and
 * meal-supplier sales of the UPT's products, paid, with gap-free receipt numbers, sold from the
 * outlet's shelf (a small opening stock, refilled from what the workshops made) and never beyond
 * it, a proceeds rule per UPT and every past month's split applied (premi shared by attendance,
 * PNBP due). The current month is left unshared, for an officer to apply. All figures are
 * generated sample data.
 */
import { addDays, addMonths, yearOf } from '../../domain/calendar/date.ts';
import { createRng, type Rng } from '../../domain/random/prng.ts';
import { formatDocNumber } from '../../domain/sales/numbers.ts';
import { computeSplit, sharePremi } from '../../domain/sales/proceeds.ts';
import type { Queryable } from '../db/pool.ts';
import { isoWeekday } from '../../domain/work/activity.ts';
import { historyStart } from './history.ts';
import { counterQty, isStocked, unitsWorth } from './stock-sizing.ts';

/** Used only when a demo UPT has no products of its own yet. */
const FALLBACK_PRODUCTS = [
  { name: 'Keset Kaki Anyaman', category: 'kerajinan', unit: 'pcs', price: 35_000 },
  { name: 'Roti Manis Cokelat', category: 'kuliner', unit: 'pcs', price: 6_000 },
  { name: 'Kursi Kayu Jati', category: 'industri', unit: 'pcs', price: 250_000 },
  { name: 'Kemeja Batik Cap', category: 'kerajinan', unit: 'pcs', price: 175_000 },
  { name: 'Paving Block', category: 'industri', unit: 'pcs', price: 2_500 },
  { name: 'Sayur Kangkung', category: 'pertanian', unit: 'ikat', price: 4_000 },
] as const;

const BUYERS = [
  { kind: 'agency', name: 'Bagian Umum', institution: 'Dinas Sosial Provinsi' },
  { kind: 'local_government', name: 'Sekretariat Daerah', institution: 'Pemerintah Kota' },
  { kind: 'ministry', name: 'Biro Umum', institution: 'Kementerian Imigrasi dan Pemasyarakatan' },
  { kind: 'company', name: 'Bagian Pengadaan', institution: 'PT Mitra Karya' },
] as const;

interface Product { id: number; upt_id: number; kanwil_id: number; price: number; activity_id: number | null; [k: string]: unknown }
/** One product's stock in the simulation: on the outlet's shelf, in the finished-goods store, and still to be made. */
interface Shelf { outlet: number; store: number; made: Array<{ date: string; qty: number }> }
interface Transfer { productId: number; date: string; qty: number }

/** Production cost per unit, as the catalogue's batches value their output (55% of the price). */
const unitCost = (p: Product): number => Math.round(p.price * 0.55);

/** What the workshops made by `date` reaches the finished-goods store; all of it goes on to the outlet. */
function carry(shelf: Shelf, date: string, transfers: Transfer[], productId: number): void {
  while (shelf.made.length > 0 && shelf.made[0]!.date <= date) shelf.store += shelf.made.shift()!.qty;
  if (shelf.store === 0) return;
  transfers.push({ productId, date, qty: shelf.store });
  shelf.outlet += shelf.store;
  shelf.store = 0;
}

/**
 * Sells up to `want` units on `date`, carrying the store's goods over first when the outlet's
 * shelf is short. Never sells what is not there, so no shelf goes below zero. Services (no shelf)
 * sell what is asked.
 */
function take(shelf: Shelf | undefined, date: string, want: number, transfers: Transfer[], productId: number): number {
  if (!shelf) return want;
  if (shelf.outlet < want) carry(shelf, date, transfers, productId);
  const qty = Math.min(want, shelf.outlet);
  shelf.outlet -= qty;
  return qty;
}

interface SaleRow { id: number; upt: number; kanwil: number; channel: string; date: string; product: Product; qty: number; buyer: (typeof BUYERS)[number] | null; quotation: string | null; invoice: string | null }

async function ensureProducts(tx: Queryable, uptId: number, kanwilId: number, rng: Rng): Promise<void> {
  if (await tx.one('SELECT 1 FROM product WHERE upt_id = $1', [uptId])) return;
  const picks = FALLBACK_PRODUCTS.filter(() => rng.chance(0.7));
  for (const p of picks.length > 0 ? picks : FALLBACK_PRODUCTS.slice(0, 2)) {
    await tx.query(`INSERT INTO product (upt_id, kanwil_id, name, category, unit, price_rupiah, description) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [uptId, kanwilId, p.name, p.category, p.unit, p.price, 'Hasil karya WBP (data contoh).']);
  }
}

export async function seedSales(tx: Queryable, opts: { seed: number; today: string; uptIds: number[] }): Promise<void> {
  if (opts.uptIds.length === 0) return;
  const rng = createRng(opts.seed + 53);
  const upts = await tx.query<{ id: number; kanwil_id: number }>('SELECT id, kanwil_id FROM upt WHERE id = ANY($1::int[]) ORDER BY id', [opts.uptIds]);
  const monthStart = `${opts.today.slice(0, 7)}-01`;
  const prevMonth = addMonths(monthStart, -1);
  // The same months as the demo's work register, so premi shares have workers.
  const first = historyStart(opts.today);
  for (const u of upts) {
    await ensureProducts(tx, u.id, u.kanwil_id, rng);
    // A product made by a work activity of the same category, when the UPT has one.
    await tx.query(
      `UPDATE product p SET activity_id = (SELECT a.id FROM work_activity a WHERE a.upt_id = p.upt_id AND a.category = p.category ORDER BY a.id LIMIT 1)
       WHERE p.upt_id = $1 AND p.activity_id IS NULL`, [u.id]);
    await tx.query(`UPDATE product SET price_rupiah = 25000 WHERE upt_id = $1 AND price_rupiah = 0`, [u.id]);
    const store = (await tx.one<{ id: number }>(
      `INSERT INTO stock_location (upt_id, kanwil_id, name) VALUES ($1, $2, 'Outlet / Showroom') ON CONFLICT (upt_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [u.id, u.kanwil_id],
    ))!.id;
    const gudang = (await tx.one<{ id: number }>(`SELECT id FROM stock_location WHERE upt_id = $1 AND name = 'Gudang Produk Jadi'`, [u.id]))?.id ?? null;
    const products = await tx.query<Product>('SELECT id, upt_id, kanwil_id, price_rupiah::int AS price, activity_id, category FROM product WHERE upt_id = $1 AND active ORDER BY id', [u.id]);
    const items = new Map<number, number>();
    const shelf = new Map<number, Shelf>();
    for (const p of products) {
      if (!isStocked(String(p.category))) continue;
      const item = await tx.one<{ id: number }>(
        `INSERT INTO stock_item (upt_id, kanwil_id, name, unit, kind, product_id) SELECT $1, $2, p.name || ' (stok)', p.unit, 'product', p.id FROM product p WHERE p.id = $3
         ON CONFLICT (product_id) WHERE product_id IS NOT NULL DO UPDATE SET name = stock_item.name RETURNING id`, [u.id, u.kanwil_id, p.id],
      );
      items.set(p.id, item!.id);
      // What the workshops put in the finished-goods store, day by day (seed/catalogue.ts).
      const made = gudang === null ? [] : await tx.query<{ date: string; qty: string }>(`SELECT date::text, qty::text FROM stock_move WHERE item_id = $1 AND location_id = $2 AND kind = 'output' ORDER BY date`, [item!.id, gudang]);
      // The outlet's opening shelf: a few weeks of sales, worth Rp 1–4 million at the price.
      const opening = unitsWorth(rng.int(10, 40) * 100_000, p.price);
      await tx.query(`INSERT INTO stock_move (upt_id, kanwil_id, date, item_id, location_id, qty, kind, unit_cost_rupiah, total_cost_rupiah, reference, idempotency_key)
        VALUES ($1,$2,$3,$4,$5,$6,'receipt',$7,$8,'Stok awal (data contoh)',$9)`, [u.id, u.kanwil_id, addDays(first, -1), item!.id, store, opening, unitCost(p), unitCost(p) * opening, `seed-open-${p.id}`]);
      shelf.set(p.id, { outlet: opening, store: 0, made: made.map((m) => ({ date: m.date, qty: Number(m.qty) })) });
    }
    if (products.length === 0) continue;
    const sales: SaleRow[] = [];
    // One gap-free series per document kind and year: the history may cross a year end.
    const counters = new Map<string, number>();
    const nextNumber = (series: 'receipt' | 'invoice' | 'quotation', date: string): string => {
      const key = `${series}:${yearOf(date)}`;
      counters.set(key, (counters.get(key) ?? 0) + 1);
      return formatDocNumber(series, yearOf(date), counters.get(key)!);
    };
    const transfers: Transfer[] = [];
    for (let d = first; d <= opts.today; d = addDays(d, 1)) {
      // Every Monday the week's output goes from the store to the outlet.
      if (isoWeekday(d) === 1) for (const [productId, sh] of shelf) carry(sh, d, transfers, productId);
      const n = rng.chance(0.6) ? rng.int(1, 2) : 0;
      for (let i = 0; i < n; i++) {
        const channel = rng.chance(0.8) ? 'counter' : rng.chance(0.5) ? 'marketplace' : 'meal_supplier';
        const product = products[rng.int(0, products.length - 1)]!;
        const qty = take(shelf.get(product.id), d, counterQty(product.price, rng.int), transfers, product.id);
        if (qty > 0) sales.push({ id: 0, upt: u.id, kanwil: u.kanwil_id, channel, date: d, product, qty, buyer: null, quotation: null, invoice: null });
      }
      if (rng.chance(0.03)) {
        const buyer = BUYERS[rng.int(0, BUYERS.length - 1)]!;
        const product = products[rng.int(0, products.length - 1)]!;
        const qty = take(shelf.get(product.id), d, unitsWorth(rng.int(5, 50) * 100_000, product.price), transfers, product.id);
        if (qty === 0) continue;
        sales.push({ id: 0, upt: u.id, kanwil: u.kanwil_id, channel: 'institution', date: d, product, qty, buyer,
          quotation: nextNumber('quotation', d), invoice: nextNumber('invoice', d) });
      }
    }
    // Goods carried from the finished-goods store to the outlet: each Monday, and when its shelf ran short.
    for (const [k, t] of transfers.entries()) {
      const p = products.find((x) => x.id === t.productId)!;
      for (const [kind, location, qty] of [['transfer_out', gudang, -t.qty], ['transfer_in', store, t.qty]] as const) {
        await tx.query(`INSERT INTO stock_move (upt_id, kanwil_id, date, item_id, location_id, qty, kind, unit_cost_rupiah, total_cost_rupiah, reference, idempotency_key)
          VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'Kiriman gudang ke outlet (data contoh)',$10)`,
          [u.id, u.kanwil_id, t.date, items.get(t.productId), location, qty, kind, unitCost(p), unitCost(p) * t.qty, `seed-transfer-${u.id}-${k}-${kind}`]);
      }
    }
    for (const s of sales) {
      const total = s.product.price * s.qty;
      const cost = unitCost(s.product) * s.qty;
      const row = await tx.one<{ id: number }>(
        `INSERT INTO sale (upt_id, kanwil_id, channel, status, date, buyer_kind, buyer_name, buyer_institution, external_reference, location_id, quotation_number, invoice_number,
           total_rupiah, paid_rupiah, cost_rupiah, ordered_on, delivered_on, invoiced_on, due_on, paid_on, idempotency_key, note)
         VALUES ($1,$2,$3,'paid',$4,$5,$6,$7,$8,$9,$10,$11,$12,$12,$13,$14,$4,$15,$16,$4,$17,'Data contoh') RETURNING id`,
        [s.upt, s.kanwil, s.channel, s.date, s.buyer?.kind ?? (s.channel === 'meal_supplier' ? 'meal_supplier' : s.channel === 'marketplace' ? 'marketplace' : 'individual'),
          s.buyer?.name ?? null, s.buyer?.institution ?? null, s.channel === 'marketplace' ? `INV/MP/${s.date.replaceAll('-', '')}/${rng.int(1000, 9999)}` : null, store,
          s.quotation, s.invoice, total, cost, s.quotation ? s.date : null, s.invoice ? s.date : null, s.invoice ? addDays(s.date, 30) : null, `seed-sale-${s.upt}-${sales.indexOf(s)}`],
      );
      s.id = Number(row!.id);
      await tx.query(`INSERT INTO sale_line (sale_id, product_id, activity_id, qty, unit_price_rupiah, amount_rupiah, cost_rupiah) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [s.id, s.product.id, s.product.activity_id, s.qty, s.product.price, total, cost]);
      if (items.has(s.product.id)) {
        await tx.query(`INSERT INTO stock_move (upt_id, kanwil_id, date, item_id, location_id, qty, kind, total_cost_rupiah, reference, sale_id) VALUES ($1,$2,$3,$4,$5,$6,'sale',$7,$8,$9)`,
          [s.upt, s.kanwil, s.date, items.get(s.product.id), store, -s.qty, cost, `sale:${s.id}`, s.id]);
      }
      await tx.query(`INSERT INTO sale_payment (sale_id, upt_id, kanwil_id, date, amount_rupiah, method, receipt_number) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [s.id, s.upt, s.kanwil, s.date, total, s.channel === 'counter' ? (rng.chance(0.5) ? 'cash' : 'qris') : s.channel === 'marketplace' ? 'marketplace' : 'transfer', nextNumber('receipt', s.date)]);
    }
    for (const [key, n] of counters) {
      const [series, year] = key.split(':');
      await tx.query('INSERT INTO sales_counter (upt_id, year, series, last_number) VALUES ($1,$2,$3,$4)', [u.id, Number(year), series, n]);
    }
    await tx.query(`INSERT INTO proceeds_rule (upt_id, kanwil_id, valid_from, base, premi_bp, pnbp_bp, working_capital_bp, programme_bp, premi_weight, legal_basis)
      VALUES ($1,$2,$3,'revenue',3500,5000,0,1500,'attendance','Contoh: 35% premi / 50% PNBP / 15% pembinaan dari penjualan (data contoh)')`, [u.id, u.kanwil_id, ruleFrom(first)]);
    for (let month = first; month <= prevMonth; month = addMonths(month, 1)) await seedSplit(tx, u, month);
  }
  // The on-hand totals the public catalogue reads, as insertMove would have kept them.
  await tx.query(`INSERT INTO stock_on_hand (item_id, upt_id, qty) SELECT item_id, min(upt_id), sum(qty) FROM stock_move WHERE upt_id = ANY($1::int[]) GROUP BY item_id
    ON CONFLICT (item_id) DO UPDATE SET qty = EXCLUDED.qty, updated_at = now()`, [opts.uptIds]);
  await tx.query(`INSERT INTO sales_month_rollup (upt_id, kanwil_id, month, revenue_rupiah, receipts)
    SELECT upt_id, kanwil_id, date_trunc('month', date)::date, sum(amount_rupiah), count(*) FROM sale_payment WHERE upt_id = ANY($1::int[]) GROUP BY 1, 2, 3
    ON CONFLICT (upt_id, month) DO UPDATE SET revenue_rupiah = sales_month_rollup.revenue_rupiah + EXCLUDED.revenue_rupiah, receipts = sales_month_rollup.receipts + EXCLUDED.receipts`, [opts.uptIds]);
}

/** The demo's sharing rule is in force from the start of the year of the first month it shares. */
const ruleFrom = (firstMonth: string) => `${firstMonth.slice(0, 4)}-01-01`;

/** Last month's split, as an officer would have applied it: premi by attendance days in the UPT. */
async function seedSplit(tx: Queryable, u: { id: number; kanwil_id: number }, month: string): Promise<void> {
  const end = addDays(addMonths(month, 1), -1);
  const totals = await tx.one<{ revenue: string; cost: string }>(
    `SELECT coalesce(sum(sl.amount_rupiah),0)::text AS revenue, coalesce(sum(sl.cost_rupiah),0)::text AS cost FROM sale_line sl JOIN sale s ON s.id = sl.sale_id
     WHERE s.upt_id = $1 AND s.paid_on BETWEEN $2 AND $3`, [u.id, month, end]);
  const rule = (await tx.one<{ id: number }>('SELECT id FROM proceeds_rule WHERE upt_id = $1', [u.id]))!;
  const split = computeSplit({ id: String(rule.id), activityId: null, validFrom: ruleFrom(month), base: 'revenue', premiWeight: 'attendance', shares: { premi: 3500, pnbp: 5000, working_capital: 0, programme: 1500 } },
    Number(totals!.revenue), Number(totals!.cost));
  if (split.baseRupiah === 0) return;
  const workers = await tx.query<{ wbp_id: number; days: number }>(
    `SELECT wbp_id, count(*)::int AS days FROM attendance WHERE upt_id = $1 AND date BETWEEN $2 AND $3 AND paid GROUP BY wbp_id ORDER BY wbp_id`, [u.id, month, end]);
  const shares = sharePremi(split.parts.premi, workers.map((w) => ({ wbpId: String(w.wbp_id), weight: w.days })));
  if (split.parts.premi > 0 && shares.length === 0) return;
  const row = await tx.one<{ id: number }>(
    `INSERT INTO proceeds_split (upt_id, kanwil_id, month, rule_id, revenue_rupiah, cost_rupiah, base_rupiah, premi_rupiah, pnbp_rupiah, working_capital_rupiah, programme_rupiah, workers, idempotency_key)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
    [u.id, u.kanwil_id, month, rule.id, split.revenueRupiah, split.costRupiah, split.baseRupiah, split.parts.premi, split.parts.pnbp, split.parts.working_capital, split.parts.programme, shares.length, `seed-split-${u.id}-${month}`],
  );
  const id = Number(row!.id);
  await tx.query(`UPDATE sale_line sl SET split_id = $1 FROM sale s WHERE s.id = sl.sale_id AND s.upt_id = $2 AND s.paid_on BETWEEN $3 AND $4`, [id, u.id, month, end]);
  await tx.query(`INSERT INTO premi_entry (wbp_id, upt_id, kanwil_id, date, kind, amount_rupiah, source, reference)
    SELECT w, $1, $2, $3, 'proceeds_share', a, $4, $5 FROM unnest($6::bigint[], $7::bigint[]) AS t(w, a)`,
    [u.id, u.kanwil_id, end, `split:${id}`, `Bagi hasil penjualan ${month.slice(0, 7)}`, shares.map((s) => Number(s.wbpId)), shares.map((s) => s.amountRupiah)]);
  await tx.query(`INSERT INTO sales_month_rollup (upt_id, kanwil_id, month, pnbp_due_rupiah, premi_shared_rupiah) VALUES ($1,$2,$3,$4,$5)
    ON CONFLICT (upt_id, month) DO UPDATE SET pnbp_due_rupiah = sales_month_rollup.pnbp_due_rupiah + EXCLUDED.pnbp_due_rupiah, premi_shared_rupiah = sales_month_rollup.premi_shared_rupiah + EXCLUDED.premi_shared_rupiah`,
    [u.id, u.kanwil_id, month, split.parts.pnbp, split.parts.premi]);
}
