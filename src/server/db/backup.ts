import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import { ident, tablesInDependencyOrder, type TableInfo } from './catalogue.ts';
import { FORMAT, SKIP, VERSION, setPortableTextForms } from './backup-format.ts';
import type { Db, Queryable } from './pool.ts';

/**
 * Logical backup that works the same on PGlite and on a PostgreSQL server: a gzip'd file of JSON
 * lines. Each row is an array of its columns' text forms as PostgreSQL prints them (SQL NULL as
 * JSON null), so every value comes back exactly: a JSON `null` stays a JSON null, a float keeps
 * every digit, a timestamp its instant. Rows are read with a cursor in one snapshot, so nothing
 * depends on the shape of a table's key.
 *
 * Layout (version 2):
 *   {"format":"giatja-backup","version":2,"createdAt":…,"migrations":[…]}
 *   {"table":"t","columns":["a","b"]}          then one line per row: ["1",null]
 *   {"end":"t","rows":N,"sha256":"…"}          closes the table; the hash covers its row lines
 *   {"complete":true,"tables":K,"rows":M}       the last line: a file without it was cut short
 *
 * Restore loads into a freshly migrated, empty database in one transaction and checks every
 * table's count and hash, so a damaged or truncated file restores nothing.
 */
const FETCH = 5000;

export interface BackupResult {
  file: string;
  /** Rows written per table, each checked against `count(*)` in the same snapshot. */
  counts: Record<string, number>;
}

export async function backupDatabase(db: Db, file: string): Promise<BackupResult> {
  const partial = `${file}.partial`;
  const out = createGzip();
  const sink = createWriteStream(partial);
  out.pipe(sink);
  const write = async (line: string) => {
    if (!out.write(line + '\n')) await once(out, 'drain');
  };
  const counts: Record<string, number> = {};
  try {
    // One snapshot for all tables, so the copy is consistent even while the app writes.
    await db.tx(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      await setPortableTextForms(tx);
      const migrations = (await tx.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name')).map((r) => r.name);
      await write(JSON.stringify({ format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), migrations }));
      const tables = await tablesInDependencyOrder(tx, SKIP);
      let total = 0;
      for (const t of tables) {
        const written = await copyTable(tx, t, write);
        const expected = (await tx.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(t.name)}`))?.n ?? 0;
        if (written !== expected) {
          throw new Error(`Backup of ${t.name} wrote ${written} of ${expected} rows / cadangan ${t.name} tidak lengkap`);
        }
        counts[t.name] = written;
        total += written;
      }
      await write(JSON.stringify({ complete: true, tables: tables.length, rows: total }));
    });
    out.end();
    await once(sink, 'finish');
    renameSync(partial, file);
  } catch (err) {
    out.destroy();
    sink.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
  return { file, counts };
}

/** Streams one table through a cursor in key order; returns how many rows it wrote. */
async function copyTable(tx: Queryable, t: TableInfo, write: (line: string) => Promise<void>): Promise<number> {
  await write(JSON.stringify({ table: t.name, columns: t.columns.map((c) => c.name) }));
  const values = t.columns.map((c) => `x.${ident(c.name)}::text`).join(', ');
  const order = t.key.length ? `ORDER BY ${t.key.map(ident).join(', ')}` : '';
  await tx.query(`DECLARE giatja_backup NO SCROLL CURSOR FOR SELECT to_json(ARRAY[${values}]::text[])::text AS j FROM ${ident(t.name)} x ${order}`);
  const hash = createHash('sha256');
  let rows = 0;
  for (;;) {
    const page = await tx.query<{ j: string }>(`FETCH FORWARD ${FETCH} FROM giatja_backup`);
    for (const r of page) {
      hash.update(r.j + '\n');
      await write(r.j);
    }
    rows += page.length;
    if (page.length < FETCH) break;
  }
  await tx.query('CLOSE giatja_backup');
  await write(JSON.stringify({ end: t.name, rows, sha256: hash.digest('hex') }));
  return rows;
}

