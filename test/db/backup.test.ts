import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase, tablesInDependencyOrder } from '../../src/server/db/backup.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { verifyAuditChain } from '../../src/server/audit/trail.ts';
import { createTestApp } from '../support/app.ts';
import { freshDatabase } from '../support/database.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'giatja-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backup and restore', () => {
  it('round-trips every table exactly, and the restored audit chain verifies', async () => {
    const source = await createTestApp();
    const admin = await source.as('admin.pusat');
    const upt = (await source.db.one<{ id: number; version: number }>(`SELECT id, version FROM upt ORDER BY id LIMIT 1`))!;
    await admin.patch(`/api/v1/org/upts/${upt.id}`, { version: upt.version, address: 'Jl. Contoh No. 1' });
    const file = path.join(dir, 'b.jsonl.gz');
    const counts = await backupDatabase(source.db, file);
    const checksum = async (db: typeof source.db) => {
      const out: Record<string, string> = {};
      for (const t of await tablesInDependencyOrder(db)) {
        const r = await db.one<{ h: string }>(`SELECT md5(string_agg(to_jsonb(x)::text, '|' ORDER BY "${t.pk}")) AS h FROM "${t.name}" x`);
        out[t.name] = r?.h ?? '';
      }
      return out;
    };
    const before = await checksum(source.db);
    await source.close();

    const target = await freshDatabase();
    try {
      await migrate(target.db);
      const restored = await restoreDatabase(target.db, file);
      expect(restored).toEqual(counts);
      expect(await checksum(target.db)).toEqual(before);
      expect((await verifyAuditChain(target.db)).ok).toBe(true);
      // Sequences continue after the restored ids.
      const next = await target.db.one<{ id: number }>(
        `INSERT INTO province (code, name) VALUES ('99', 'Uji') RETURNING 1 AS id`,
      );
      expect(next?.id).toBe(1);
      const k = await target.db.one<{ id: number }>(`INSERT INTO kanwil (name, raw_name) VALUES ('Kanwil Uji', 'Uji') RETURNING id`);
      expect(k!.id).toBeGreaterThan(33);
      // A second restore into a non-empty database is refused and changes nothing.
      await expect(restoreDatabase(target.db, file)).rejects.toThrow(/empty/);
    } finally {
      await target.drop();
    }
  });
});
