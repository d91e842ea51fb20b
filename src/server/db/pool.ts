import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/** Dates stay calendar dates: never let the driver turn a DATE into a local-time Date. */
pg.types.setTypeParser(1082, (v: string) => v);
/** int8 (counts, sums of rupiah) as JS numbers; rupiah totals stay far below 2^53. */
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  one<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T | undefined>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction: all of it lands or none of it does. */
  tx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly embedded: boolean;
}

function wrap(client: pg.Pool | pg.PoolClient | pg.Client): Queryable {
  return {
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const res = await client.query(sql, params);
      return res.rows as T[];
    },
    async one<T extends Row>(sql: string, params: unknown[] = []) {
      const res = await client.query(sql, params);
      return res.rows[0] as T | undefined;
    },
  };
}

export function createDb(url: string, opts: { embedded: boolean; max?: number }): Db {
  return opts.embedded ? singleConnectionDb(url) : pooledDb(url, opts.max ?? 10);
}

/**
 * Set while a transaction callback runs. Querying the outer database from inside it would wait
 * for a connection the transaction holds (a silent hang on the embedded database, a pool
 * exhaustion on a server): such a call fails at once instead, naming the mistake.
 */
const insideTransaction = new AsyncLocalStorage<boolean>();

function assertNotInTransaction(): void {
  if (insideTransaction.getStore()) throw new Error('Query on the database handle inside a transaction: use the transaction (tx) instead');
}

async function inTransaction<T>(client: pg.PoolClient | pg.Client, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await insideTransaction.run(true, () => fn(wrap(client)));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

function pooledDb(url: string, max: number): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    /* an idle client died (server restart); the pool replaces it */
  });
  const base = wrap(pool);
  return {
    embedded: false,
    query: <T extends Row>(sql: string, params?: unknown[]) => {
      assertNotInTransaction();
      return base.query<T>(sql, params);
    },
    one: <T extends Row>(sql: string, params?: unknown[]) => {
      assertNotInTransaction();
      return base.one<T>(sql, params);
    },
    async tx(fn) {
      assertNotInTransaction();
      const client = await pool.connect();
      try {
        return await inTransaction(client, fn);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * PGlite serves one session at a time, and its socket server mishandles a client that
 * reconnects right after dropping (as pg's pool does after any failed query). So the embedded
 * database gets one long-lived connection, with calls queued one after another; a transaction
 * holds the queue until it ends.
 */
function singleConnectionDb(url: string): Db {
  let client: pg.Client | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const connection = async (): Promise<pg.Client> => {
    if (client) return client;
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => {
      if (client === c) client = undefined;
    });
    c.on('end', () => {
      if (client === c) client = undefined;
    });
    await c.connect();
    client = c;
    return c;
  };
  const exclusive = <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => {
    assertNotInTransaction();
    const run = queue.then(async () => work(await connection()));
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    embedded: true,
    query: <T extends Row>(sql: string, params: unknown[] = []) => exclusive((c) => wrap(c).query<T>(sql, params)),
    one: <T extends Row>(sql: string, params: unknown[] = []) => exclusive((c) => wrap(c).one<T>(sql, params)),
    tx: <T>(fn: (tx: Queryable) => Promise<T>) => exclusive((c) => inTransaction(c, fn)),
    async close() {
      await queue;
      await client?.end();
      client = undefined;
    },
  };
}
