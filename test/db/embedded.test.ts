import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/open.ts';
import { migrate } from '../../src/server/db/migrate.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'giatja-embedded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded PostgreSQL', () => {
  it('keeps data across restarts and refuses a second process on the same folder', async () => {
    const first = await openDatabase({ dataDir: dir });
    await migrate(first.db);
    await first.db.query(`INSERT INTO app_setting (key, value) VALUES ('probe', '"kept"'::jsonb)`);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/sedang dipakai|in use/);
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    try {
      expect(await migrate(second.db)).toEqual([]);
      const row = await second.db.one<{ value: string }>(`SELECT value FROM app_setting WHERE key = 'probe'`);
      expect(row?.value).toBe('kept');
    } finally {
      await second.close();
    }
  });

  it('fails at once on the outer handle inside a transaction (bug: the harvest route hung forever)', async () => {
    const db = await openDatabase({ dataDir: dir });
    try {
      await expect(db.db.tx(async () => db.db.query('SELECT 1'))).rejects.toThrow(/inside a transaction/);
      expect(await db.db.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('rolls back a failed transaction completely', async () => {
    const db = await openDatabase({ dataDir: dir });
    try {
      await expect(
        db.db.tx(async (tx) => {
          await tx.query(`INSERT INTO app_setting (key, value) VALUES ('half', '1'::jsonb)`);
          await tx.query(`INSERT INTO app_setting (key, value) VALUES ('half', '2'::jsonb)`);
        }),
      ).rejects.toThrow();
      expect(await db.db.one(`SELECT 1 FROM app_setting WHERE key = 'half'`)).toBeUndefined();
    } finally {
      await db.close();
    }
  });
});
