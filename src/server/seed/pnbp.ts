import { addDays, addMonths, isAfter, yearOf } from '../../domain/calendar/date.ts';
import { splitRupiah } from '../../domain/premi/split.ts';
import { createRng, type Rng } from '../../domain/random/prng.ts';
import type { Queryable } from '../db/pool.ts';
import { bumpSalesRollup } from '../modules/sales/rollup.ts';

/**
 * Demo PNBP for the populated UPTs (sample data, "data contoh"): a generated satker code, a dated
 * proceeds rule (35% premi / 50% PNBP / 15% programme of revenue, one of the rules in DOMAIN.md),
 * a split per month with a plausible revenue (PNBP of tens of millions of rupiah a year per UPT),
 * SIMPONI billings for the past months paid with an NTPN a few days later, last month's billing
 * still open — and, at the first UPT, expired unpaid. Rollups are bumped as the API would.
 */
const RULE = [
  { key: 'premi', basisPoints: 3500 },
  { key: 'pnbp', basisPoints: 5000 },
  { key: 'working_capital', basisPoints: 0 },
  { key: 'programme', basisPoints: 1500 },
] as const;

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ntpnOf = (rng: Rng) => Array.from({ length: 16 }, () => rng.pick([...ALNUM])).join('');

export async function seedPnbp(tx: Queryable, opts: { seed: number; today: string; uptIds: number[]; months?: number }): Promise<void> {
  if (opts.uptIds.length === 0) return;
  const rng = createRng(opts.seed + 53);
  // In the order given: the first UPT is the one whose last billing expired unpaid.
  const upts = await tx.query<{ id: number; kanwil_id: number }>('SELECT id, kanwil_id FROM upt WHERE id = ANY($1::int[]) ORDER BY array_position($1::int[], id)', [opts.uptIds]);
  const thisMonth = `${opts.today.slice(0, 7)}-01`;
  const first = addMonths(thisMonth, -(opts.months ?? 6));
  const bank = ['BRI', 'BNI', 'Bank Mandiri', 'BSI', 'BTN'];
  for (const [i, u] of upts.entries()) {
    await tx.query(`UPDATE upt SET satker_code = $2, satker_code_source = 'generated' WHERE id = $1 AND satker_code IS NULL`, [u.id, `4${digits(rng, 5)}`]);
    const satker = (await tx.one<{ satker_code: string }>('SELECT satker_code FROM upt WHERE id = $1', [u.id]))!.satker_code;
    const rule = await tx.one<{ id: number }>(
      `INSERT INTO proceeds_rule (upt_id, kanwil_id, valid_from, base, premi_bp, pnbp_bp, working_capital_bp, programme_bp, premi_weight, legal_basis)
       VALUES ($1, $2, $3, 'revenue', 3500, 5000, 0, 1500, 'attendance', 'Data contoh: pembagian hasil 35% premi / 50% PNBP / 15% pembinaan (Permenkumham 53/2016)') RETURNING id`,
      // In force from the year before the first seeded month, whatever day the demo is seeded
      // (the sales rule of the same UPT, seed/sales.ts, starts later: one rule per start day).
      [u.id, u.kanwil_id, `${yearOf(first) - 1}-01-01`],
    );
    for (let month = first; month < thisMonth; month = addMonths(month, 1)) {
      // A month whose sales were already shared (demo sales, seed/sales.ts) keeps its real split;
      // earlier months get a sample split of a plausible revenue.
      const real = await tx.one<{ pnbp: string | null }>('SELECT sum(pnbp_rupiah)::text AS pnbp FROM proceeds_split WHERE upt_id = $1 AND month = $2', [u.id, month]);
      const revenue = rng.int(40, 120) * 100_000;
      const parts = Object.fromEntries(splitRupiah(revenue, RULE).map((p) => [p.key, p.amountRupiah])) as Record<(typeof RULE)[number]['key'], number>;
      if (real?.pnbp) parts.pnbp = Number(real.pnbp);
      else {
        await tx.query(
          `INSERT INTO proceeds_split (upt_id, kanwil_id, month, rule_id, revenue_rupiah, cost_rupiah, base_rupiah, premi_rupiah, pnbp_rupiah, working_capital_rupiah, programme_rupiah, workers, idempotency_key)
           VALUES ($1,$2,$3,$4,$5,0,$5,$6,$7,$8,$9,$10,$11)`,
          [u.id, u.kanwil_id, month, rule!.id, revenue, parts.premi, parts.pnbp, parts.working_capital, parts.programme, rng.int(5, 40), `seed-pnbp-split-${u.id}-${month}`],
        );
        await bumpSalesRollup(tx, { uptId: u.id, kanwilId: u.kanwil_id, month }, { pnbpDueRupiah: parts.pnbp, premiSharedRupiah: parts.premi });
      }
      const lastMonth = addMonths(month, 1) === thisMonth;
      // Billed early the next month; last month's billing is recent (open) or, at the first UPT, expired.
      const createdOn = lastMonth ? (i === 0 ? addDays(opts.today, -16) : addDays(opts.today, -2)) : addDays(addMonths(month, 1), rng.int(3, 9));
      if (isAfter(createdOn, opts.today)) continue;
      const expiresOn = addDays(createdOn, 7);
      const billing = await tx.one<{ id: number }>(
        `INSERT INTO pnbp_billing (upt_id, kanwil_id, kode_billing, satker_code, account_code, amount_rupiah, period_month, description, created_on, expires_on, idempotency_key)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
        [u.id, u.kanwil_id, `8${digits(rng, 14)}`, satker, '425999', parts.pnbp, month, `PNBP hasil penjualan produk kegiatan kerja bulan ${month.slice(0, 7)} (data contoh)`, createdOn, expiresOn, `seed-billing-${u.id}-${month}`],
      );
      await bumpSalesRollup(tx, { uptId: u.id, kanwilId: u.kanwil_id, month }, { pnbpBilledRupiah: parts.pnbp });
      if (lastMonth) continue;
      await tx.query(
        `INSERT INTO pnbp_payment (billing_id, upt_id, kanwil_id, ntpn, bank, paid_on, amount_rupiah) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [billing!.id, u.id, u.kanwil_id, ntpnOf(rng), rng.pick(bank), addDays(createdOn, rng.int(0, 5)), parts.pnbp],
      );
      await bumpSalesRollup(tx, { uptId: u.id, kanwilId: u.kanwil_id, month }, { pnbpPaidRupiah: parts.pnbp });
    }
  }
}
