import { randomBytes } from 'node:crypto';
import { createDb, type Db } from '../../src/server/db/pool.ts';
import { startEmbeddedDatabase } from '../../src/server/db/embedded.ts';

export interface TestDatabase {
  db: Db;
  url: string;
  kind: 'pglite' | 'postgres';
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: an in-memory PGlite by default, or a new database
 * on the server named by TEST_DATABASE_URL when the test project asks for it (so the same
 * tests run on both).
 */
export async function freshDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (server && process.env.GIATJA_TEST_DB === 'server') {
    const name = `giatja_test_${randomBytes(6).toString('hex')}`;
    const admin = createDb(server, { embedded: false, max: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = new URL(server);
    url.pathname = `/${name}`;
    const db = createDb(url.toString(), { embedded: false, max: 5 });
    return {
      db,
      url: url.toString(),
      kind: 'postgres',
      async drop() {
        await db.close();
        const a = createDb(server, { embedded: false, max: 1 });
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.close();
      },
    };
  }
  const embedded = await startEmbeddedDatabase('memory');
  const db = createDb(embedded.url, { embedded: true });
  return {
    db,
    url: embedded.url,
    kind: 'pglite',
    async drop() {
      await db.close();
      await embedded.stop();
    },
  };
}
