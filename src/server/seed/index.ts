import type { Db } from '../db/pool.ts';
import { recordAudit } from '../audit/trail.ts';
import { loadReferenceData, defaultSharedDataDir } from './reference-data.ts';
import { seedOrganisation } from './organisation.ts';
import { demoAccounts, seedUsers, type DemoAccount } from './users.ts';

export type DatasetSize = 'demo' | 'national';

export interface SeedOptions {
  size: DatasetSize;
  /** Demo mode keeps the printed passwords; otherwise seeded accounts must change them. */
  demo: boolean;
  seed: number;
  sharedDataDir?: string;
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
    const ref = loadReferenceData(opts.sharedDataDir ?? defaultSharedDataDir());
    await seedOrganisation(tx, ref, opts.seed);
    await seedUsers(tx, accounts, { mustChangePassword: !opts.demo });
    const info = { size: opts.size, seed: opts.seed, demo: opts.demo, duplicatesDropped: ref.duplicatesDropped };
    await tx.query(`INSERT INTO app_setting (key, value) VALUES ('seed', $1::jsonb)`, [JSON.stringify(info)]);
    await recordAudit(tx, { id: null, username: 'system', role: null }, { entity: 'system', entityId: 'seed', action: 'seeded', after: info });
    return true;
  });
  return { seeded, accounts };
}
