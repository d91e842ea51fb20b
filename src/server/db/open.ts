import path from 'node:path';
import { createDb, type Db } from './pool.ts';
import { startEmbeddedDatabase } from './embedded.ts';

export interface OpenDatabase {
  db: Db;
  /** Closes the pool and, for the embedded database, stops its process and frees the folder. */
  close(): Promise<void>;
  description: string;
}

export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<OpenDatabase> {
  if (opts.databaseUrl) {
    const db = createDb(opts.databaseUrl, { embedded: false });
    return { db, close: () => db.close(), description: 'PostgreSQL (DATABASE_URL)' };
  }
  const embedded = await startEmbeddedDatabase(opts.dataDir);
  const db = createDb(embedded.url, { embedded: true });
  return {
    db,
    description: `PostgreSQL tertanam (PGlite) di ${path.join(opts.dataDir, 'pg')}`,
    async close() {
      await db.close();
      await embedded.stop();
    },
  };
}
