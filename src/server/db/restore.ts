import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { FORMAT, SKIP, VERSION, setPortableTextForms, type BackupHeader } from './backup-format.ts';
import { ident, publicTables, type TableInfo } from './catalogue.ts';
import type { Db, Queryable } from './pool.ts';
import { failpoint } from '../failpoint.ts';

/** The file is not a whole, intact Giatja backup; nothing was restored. */
export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

export interface RestoreResult {
  version: number;
  /** Rows restored per table, each checked against the count and hash the backup recorded. */
  counts: Record<string, number>;
  warnings: string[];
}

const INSERT_BATCH = 1000;

/**
 * Loads a backup into a freshly migrated, empty database in one transaction. Every table's rows
 * are checked against the count and hash written with them, and the file must reach its end
 * marker: a truncated or altered file is refused and nothing of it stays.
 */
export async function restoreDatabase(db: Db, file: string): Promise<RestoreResult> {
  return db.tx(async (tx) => {
    await setPortableTextForms(tx);
    const tables = new Map((await publicTables(tx)).filter((t) => !SKIP.has(t.name)).map((t) => [t.name, t]));
    await assertEmpty(tx, [...tables.keys()]);
    const applied = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migration')).map((r) => r.name));
    const lines = readLines(file);
    const first = await lines.next();
    const header = parseHeader(first.done ? '' : first.value);
    const newer = (header.migrations ?? []).filter((m) => !applied.has(m));
    if (newer.length) {
      throw new BackupFileError(`The backup comes from a newer schema (${newer.join(', ')}); update Giatja first / cadangan berasal dari skema yang lebih baru`);
    }
    const result: RestoreResult = { version: header.version, counts: {}, warnings: [] };
    if (header.version === 1) {
      result.warnings.push('Version 1 backup: no row counts or hashes to verify, and tables with composite keys may be incomplete / cadangan versi 1 tidak dapat diverifikasi');
      await loadVersion1(tx, lines, result.counts);
    } else {
      await loadVersion2(tx, lines, tables, result.counts);
    }
    await failpoint('restore.rows-loaded');
    await continueSequences(tx);
    return result;
  });
}

function parseHeader(line: string): BackupHeader {
  let h: Partial<BackupHeader> = {};
  try {
    h = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    /* reported below */
  }
  if (h.format !== FORMAT) throw new BackupFileError('Not a Giatja backup file / bukan berkas cadangan Giatja');
  if (h.version !== 1 && h.version !== VERSION) throw new BackupFileError(`Unknown backup version ${String(h.version)} / versi cadangan tidak dikenal`);
  return h as BackupHeader;
}

async function assertEmpty(tx: Queryable, names: string[]): Promise<void> {
  if (!names.length) return;
  const rows = await tx.query<{ t: string }>(
    names.map((n, i) => `SELECT $${i + 1}::text AS t WHERE EXISTS (SELECT 1 FROM ${ident(n)})`).join(' UNION ALL '),
    names,
  );
  if (rows.length) {
    throw new Error(`Restore needs an empty, freshly migrated database; not empty: ${rows.map((r) => r.t).join(', ')} / pemulihan butuh basis data kosong`);
  }
}

interface OpenTable {
  info: TableInfo;
  columns: string[];
  batch: string[];
  rows: number;
  hash: ReturnType<typeof createHash>;
}

function cutShort(where: string): BackupFileError {
  return new BackupFileError(`The backup file is cut short ${where}; nothing was restored / berkas cadangan terpotong, tidak ada yang dipulihkan`);
}

async function loadVersion2(tx: Queryable, lines: AsyncGenerator<string>, tables: Map<string, TableInfo>, counts: Record<string, number>): Promise<void> {
  let open: OpenTable | null = null;
  let complete = false;
  let total = 0;
  for await (const line of lines) {
    if (!line) continue;
    if (complete) throw new BackupFileError('Data after the end marker / ada data setelah penanda akhir');
    if (line.startsWith('[')) {
      if (!open) throw new BackupFileError('A row outside any table / baris di luar tabel');
      open.hash.update(line + '\n');
      open.batch.push(line);
      open.rows++;
      if (open.batch.length >= INSERT_BATCH) await insertBatch(tx, open);
      continue;
    }
    const marker = parseMarker(line);
    if ('table' in marker) {
      if (open) throw cutShort(`inside table ${open.info.name}`);
      open = openTable(tables, marker.table, marker.columns);
    } else if ('end' in marker) {
      if (!open || open.info.name !== marker.end) throw new BackupFileError(`End of table ${marker.end} without its start / akhir tabel tanpa awal`);
      await insertBatch(tx, open);
      const name = open.info.name;
      const digest = open.hash.digest('hex');
      if (open.rows !== marker.rows || digest !== marker.sha256) {
        throw new BackupFileError(`Table ${name}: ${open.rows} rows read, ${marker.rows} recorded, hash ${digest === marker.sha256 ? 'equal' : 'differs'}; the file is damaged / berkas rusak`);
      }
      const stored = (await tx.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(name)}`))?.n ?? 0;
      if (stored !== open.rows) throw new Error(`Table ${name}: ${stored} rows stored of ${open.rows} restored`);
      counts[name] = open.rows;
      total += open.rows;
      open = null;
    } else {
      if (open) throw cutShort(`inside table ${open.info.name}`);
      if (marker.tables !== Object.keys(counts).length || marker.rows !== total) {
        throw new BackupFileError(`The end marker records ${marker.tables} tables and ${marker.rows} rows, the file holds ${Object.keys(counts).length} and ${total} / berkas rusak`);
      }
      complete = true;
    }
  }
  if (!complete) throw cutShort(open ? `inside table ${open.info.name}` : 'before its end marker');
}

type Marker = { table: string; columns: string[] } | { end: string; rows: number; sha256: string } | { complete: true; tables: number; rows: number };

function parseMarker(line: string): Marker {
  try {
    const m = JSON.parse(line) as Record<string, unknown>;
    if (typeof m.table === 'string' && Array.isArray(m.columns) && m.columns.every((c) => typeof c === 'string')) {
      return { table: m.table, columns: m.columns as string[] };
    }
    if (typeof m.end === 'string' && typeof m.rows === 'number' && typeof m.sha256 === 'string') return { end: m.end, rows: m.rows, sha256: m.sha256 };
    if (m.complete === true && typeof m.tables === 'number' && typeof m.rows === 'number') return { complete: true, tables: m.tables, rows: m.rows };
  } catch {
    /* a damaged line: reported below */
  }
  throw new BackupFileError(`Damaged line in the backup: ${line.slice(0, 80)} / baris rusak`);
}

function openTable(tables: Map<string, TableInfo>, name: string, columns: string[]): OpenTable {
  const info = tables.get(name);
  if (!info) throw new BackupFileError(`The backup holds table ${name}, which this database does not have / tabel tidak dikenal`);
  const known = new Set(info.columns.map((c) => c.name));
  const unknown = columns.filter((c) => !known.has(c));
  if (unknown.length) throw new BackupFileError(`Table ${name}: unknown columns ${unknown.join(', ')} / kolom tidak dikenal`);
  return { info, columns, batch: [], rows: 0, hash: createHash('sha256') };
}

/** Each value arrives as PostgreSQL's own text form and is cast back by the column's type. */
async function insertBatch(tx: Queryable, t: OpenTable): Promise<void> {
  if (!t.batch.length) return;
  const typeOf = new Map(t.info.columns.map((c) => [c.name, c.type]));
  const casts = t.columns.map((c, i) => `(r->>${i})::${typeOf.get(c) ?? 'text'}`).join(', ');
  await tx.query(
    `INSERT INTO ${ident(t.info.name)} (${t.columns.map(ident).join(', ')}) SELECT ${casts} FROM json_array_elements($1::json) r`,
    [`[${t.batch.join(',')}]`],
  );
  t.batch = [];
}

/** Version 1: one `to_jsonb(row)` object per line (kept so older backups can still be read). */
async function loadVersion1(tx: Queryable, lines: AsyncGenerator<string>, counts: Record<string, number>): Promise<void> {
  let table = '';
  let batch: string[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await tx.query(`INSERT INTO ${ident(table)} SELECT * FROM jsonb_populate_recordset(NULL::${ident(table)}, $1::jsonb)`, [`[${batch.join(',')}]`]);
    counts[table] = (counts[table] ?? 0) + batch.length;
    batch = [];
  };
  for await (const line of lines) {
    if (!line) continue;
    if (line.startsWith('{"table":')) {
      await flush();
      table = (JSON.parse(line) as { table: string }).table;
      if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new BackupFileError(`Bad table name in backup: ${table}`);
      counts[table] = 0;
      continue;
    }
    batch.push(line);
    if (batch.length >= INSERT_BATCH) await flush();
  }
  await flush();
}

/** Serial columns continue after the restored rows. */
async function continueSequences(tx: Queryable): Promise<void> {
  const serials = await tx.query<{ t: string; c: string; s: string }>(
    `SELECT c.relname AS t, a.attname AS c, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS s
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0
        AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
  );
  for (const s of serials) {
    await tx.query(`SELECT setval($1, COALESCE((SELECT max(${ident(s.c)}) FROM ${ident(s.t)}), 0) + 1, false)`, [s.s]);
  }
}

/** The file's lines, unzipped as they stream; a damaged or truncated gzip stream is a BackupFileError. */
async function* readLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const chunks = gunzip[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<unknown>;
      try {
        next = await chunks.next();
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new BackupFileError(`The backup file cannot be read to its end (${reason}); nothing was restored / berkas cadangan rusak atau terpotong`);
      }
      if (next.done) break;
      const parts = (rest + decoder.write(next.value as Buffer)).split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    // Also when the reader stops early (a refused file): close the file at once.
    source.destroy();
    gunzip.destroy();
  }
}
