import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Db, Queryable } from './pool.ts';

/**
 * Logical backup that works the same on PGlite and on a PostgreSQL server: one gzip'd JSON line
 * per row, made by PostgreSQL itself (`to_jsonb`), so every type round-trips exactly.
 * Restore loads into a freshly migrated, empty database in one transaction.
 */
const FORMAT = 'giatja-backup';
const PAGE = 5000;
/** Not copied: migration bookkeeping is recreated by `migrate`; throttling counters are transient. */
const SKIP = new Set(['schema_migration', 'login_throttle']);

interface TableInfo {
  name: string;
  pk: string;
}

/** Tables of the public schema, parents before children (by foreign keys). */
export async function tablesInDependencyOrder(db: Queryable): Promise<TableInfo[]> {
  const tables = await db.query<{ name: string; pk: string | null }>(
    `SELECT c.relname AS name,
            (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
              WHERE i.indrelid = c.oid AND i.indisprimary LIMIT 1) AS pk
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  const deps = await db.query<{ child: string; parent: string }>(
    `SELECT cl.relname AS child, pr.relname AS parent FROM pg_constraint co
       JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class pr ON pr.oid = co.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE co.contype = 'f' AND n.nspname = 'public' AND cl.relname <> pr.relname`,
  );
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const pending = tables.filter((t) => !SKIP.has(t.name));
  while (pending.length) {
    const i = pending.findIndex((t) => deps.every((d) => d.child !== t.name || placed.has(d.parent) || SKIP.has(d.parent)));
    if (i < 0) throw new Error('Circular foreign keys between tables');
    const [t] = pending.splice(i, 1);
    if (!t) break;
    if (!t.pk) throw new Error(`Table ${t.name} has no primary key`);
    ordered.push({ name: t.name, pk: t.pk });
    placed.add(t.name);
  }
  return ordered;
}

export async function backupDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const out = createGzip();
  const sink = createWriteStream(file);
  out.pipe(sink);
  const write = async (line: string) => {
    if (!out.write(line + '\n')) await once(out, 'drain');
  };
  const migrations = (await db.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name')).map((r) => r.name);
  await write(JSON.stringify({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations }));
  const counts: Record<string, number> = {};
  // One snapshot for all tables, so the copy is consistent even while the app writes.
  await db.tx(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    for (const t of await tablesInDependencyOrder(tx)) {
      await write(JSON.stringify({ table: t.name }));
      counts[t.name] = 0;
      let last: unknown = null;
      for (;;) {
        // Keyset paging on the primary key; PostgreSQL infers $1's type from the column.
        const where = last === null ? '' : `WHERE "${t.pk}" > $1`;
        const rows = await tx.query<{ k: unknown; j: string }>(
          `SELECT "${t.pk}" AS k, to_jsonb(x)::text AS j FROM "${t.name}" x ${where} ORDER BY "${t.pk}" LIMIT ${PAGE}`,
          last === null ? [] : [last],
        );
        for (const r of rows) await write(r.j);
        counts[t.name] = (counts[t.name] ?? 0) + rows.length;
        if (rows.length < PAGE) break;
        last = rows[rows.length - 1]?.k;
      }
    }
  });
  out.end();
  await once(sink, 'finish');
  return counts;
}

export async function restoreDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.tx(async (tx) => {
    const nonEmpty = await tx.one(`SELECT 1 FROM app_setting UNION ALL SELECT 1 FROM audit_log LIMIT 1`);
    if (nonEmpty) throw new Error('Restore needs an empty, freshly migrated database / pemulihan butuh basis data kosong');
    let header = true;
    let table = '';
    let batch: string[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await tx.query(`INSERT INTO "${table}" SELECT * FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`, [`[${batch.join(',')}]`]);
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    // Created right before iterating: readline drops lines emitted while nobody iterates.
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      if (header) {
        const h = JSON.parse(line) as { format?: string };
        if (h.format !== FORMAT) throw new Error('Not a Giatja backup file');
        header = false;
        continue;
      }
      if (line.startsWith('{"table":')) {
        await flush();
        table = (JSON.parse(line) as { table: string }).table;
        if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Bad table name in backup: ${table}`);
        counts[table] = 0;
        continue;
      }
      batch.push(line);
      if (batch.length >= 1000) await flush();
    }
    await flush();
    // Serial columns continue after the restored rows.
    const serials = await tx.query<{ t: string; c: string; s: string }>(
      `SELECT c.relname AS t, a.attname AS c, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS s
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0
          AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
    );
    for (const s of serials) {
      await tx.query(`SELECT setval($1, COALESCE((SELECT max("${s.c}") FROM "${s.t}"), 0) + 1, false)`, [s.s]);
    }
  });
  return counts;
}
