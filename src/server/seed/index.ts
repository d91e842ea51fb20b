import type { Db } from '../db/pool.ts';
import { recordAudit } from '../audit/trail.ts';
import { loadReferenceData, loadHolidays, defaultSharedDataDir } from './reference-data.ts';
import { seedOrganisation } from './organisation.ts';
import { demoAccounts, seedUsers, DEMO_UPTS, type DemoAccount } from './users.ts';
import { seedInmates } from './inmates.ts';
import { seedWork } from './work.ts';
import { seedSales } from './sales.ts';
import { seedPnbp } from './pnbp.ts';
import { seedCatalogue } from './catalogue.ts';
import { seedPartners, seedTraining } from './training.ts';
import { seedCockpitAfter, seedCockpitTargets } from './cockpit.ts';
import type { Queryable } from '../db/pool.ts';
import { diffDays } from '../../domain/calendar/date.ts';
import { DEMO_HISTORY_MONTHS, historyStart } from './history.ts';

export type DatasetSize = 'demo' | 'national';

export interface SeedOptions {
  size: DatasetSize;
  /** Demo mode keeps the printed passwords; otherwise seeded accounts must change them. */
  demo: boolean;
  seed: number;
  /** "Today" of the generated activity (dates run up to it). */
  today: string;
  sharedDataDir?: string;
  /** Generate inmates (default true); tests that need none skip the time it takes. */
  inmates?: boolean;
}

/** Published occupants of 30 Nov 2025 (shared/data/national-figures.json). */
export const NATIONAL_OCCUPANTS = 275_633;

async function seedHolidays(tx: Queryable, dir: string): Promise<void> {
  const hs = loadHolidays(dir);
  await tx.query(
    `INSERT INTO holiday (date, name, national) SELECT * FROM unnest($1::date[], $2::text[], $3::boolean[]) ON CONFLICT DO NOTHING`,
    [hs.map((h) => h.date), hs.map((h) => h.name), hs.map((h) => h.national)],
  );
}

/** Which UPTs get inmates: the demo's few, or every unit that houses inmates. */
function populatedUpts(size: DatasetSize): Set<string> | null {
  if (size === 'national') return null;
  return new Set(DEMO_UPTS.map((d) => d.upt));
}

export interface SeedResult {
  seeded: boolean;
  accounts: DemoAccount[];
}

/**
 * Seeds an empty database, all in one transaction: the real organisation lists, then the demo
 * accounts. Later modules add their generators here. Does nothing if already seeded.
 */
export async function seedIfEmpty(db: Db, opts: SeedOptions): Promise<SeedResult> {
  const accounts = demoAccounts();
  const seeded = await db.tx(async (tx) => {
    // Several processes may start together on one database: the lock makes one of them seed.
    await tx.query('SELECT pg_advisory_xact_lock(7245003)');
    if (await tx.one(`SELECT 1 FROM app_setting WHERE key = 'seed'`)) return false;
    const dir = opts.sharedDataDir ?? defaultSharedDataDir();
    const ref = loadReferenceData(dir);
    await seedOrganisation(tx, ref, opts.seed);
    await seedUsers(tx, accounts, { mustChangePassword: !opts.demo });
    await seedHolidays(tx, dir);
    if (opts.inmates !== false) {
      await seedInmates(tx, { size: opts.size, seed: opts.seed, today: opts.today, only: populatedUpts(opts.size), nationalTotal: NATIONAL_OCCUPANTS });
      // Work for the demo UPTs (both sizes): attendance and premi over the demo's history (history.ts).
      const demoUpts = await tx.query<{ id: number }>('SELECT id FROM upt WHERE raw_name = ANY($1::text[])', [DEMO_UPTS.map((d) => d.upt)]);
      await seedWork(tx, { seed: opts.seed, today: opts.today, uptIds: demoUpts.map((u) => u.id), days: diffDays(historyStart(opts.today), opts.today) });
      await seedTraining(tx, { seed: opts.seed, today: opts.today, uptIds: demoUpts.map((u) => u.id) });
      await seedPartners(tx, { today: opts.today, uptIds: demoUpts.map((u) => u.id) });
    }
    // The public catalogue: the demo UPTs' products (and ~20,000 across all UPTs at national size).
    const catalogueUpts = await tx.query<{ id: number }>('SELECT id FROM upt WHERE raw_name = ANY($1::text[])', [DEMO_UPTS.map((d) => d.upt)]);
    await seedCatalogue(tx, { seed: opts.seed, size: opts.size, today: opts.today, demoUptIds: catalogueUpts.map((u) => u.id), history: opts.inmates !== false });
    // Sales of the demo UPTs' products (after the catalogue made them), then PNBP billing their splits.
    if (opts.inmates !== false) await seedSales(tx, { seed: opts.seed, today: opts.today, uptIds: catalogueUpts.map((u) => u.id) });
    // PNBP demo figures need no inmates: the populated UPTs get them either way.
    if (opts.size === 'demo') {
      const pnbpUpts = await tx.query<{ id: number }>('SELECT id FROM upt WHERE raw_name = ANY($1::text[]) ORDER BY array_position($1::text[], raw_name)', [DEMO_UPTS.map((d) => d.upt)]);
      // With demo sales, only the months whose sales were shared: no PNBP due without a sale behind it.
      await seedPnbp(tx, { seed: opts.seed, today: opts.today, uptIds: pnbpUpts.map((u) => u.id), ...(opts.inmates !== false ? { months: DEMO_HISTORY_MONTHS - 1 } : {}) });
    }
    // Cockpit: this year's targets allocated to every Kanwil and UPT (sample data, labelled).
    await seedCockpitTargets(tx, { today: opts.today });
    const info = { size: opts.size, seed: opts.seed, demo: opts.demo, duplicatesDropped: ref.duplicatesDropped };
    await tx.query(`INSERT INTO app_setting (key, value) VALUES ('seed', $1::jsonb)`, [JSON.stringify(info)]);
    await recordAudit(tx, { id: null, username: 'system', role: null }, { entity: 'system', entityId: 'seed', action: 'seeded', after: info });
    return true;
  });
  // Fresh statistics after bulk loading, or the planner guesses a handful of rows where there are thousands.
  if (seeded) await db.query('ANALYZE');
  // The first rollups (dashboards read them) and demo monthly reports, once the records are in.
  if (seeded) await seedCockpitAfter(db, { today: opts.today });
  return { seeded, accounts };
}
