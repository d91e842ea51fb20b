import type { Queryable } from './pool.ts';

/** A column as the backup copies it: its name and its SQL type (as `format_type` spells it). */
export interface ColumnInfo {
  name: string;
  type: string;
}

export interface TableInfo {
  name: string;
  /** Primary-key columns in key order; empty when the table has no primary key. */
  key: string[];
  /** Stored columns in table order; generated columns are left out (the database recomputes them). */
  columns: ColumnInfo[];
}

/** Every table of the public schema, read from the catalogue, so a new table needs no code change. */
export async function publicTables(db: Queryable): Promise<TableInfo[]> {
  const cols = await db.query<{ t: string; name: string; type: string }>(
    `SELECT c.relname AS t, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const keys = await db.query<{ t: string; key: string[] }>(
    `SELECT c.relname AS t, array_agg(a.attname::text ORDER BY k.ord) AS key
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = 'public'
      GROUP BY c.relname`,
  );
  const keyOf = new Map(keys.map((k) => [k.t, k.key]));
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    let t = tables.get(c.t);
    if (!t) tables.set(c.t, (t = { name: c.t, key: keyOf.get(c.t) ?? [], columns: [] }));
    t.columns.push({ name: c.name, type: c.type });
  }
  return [...tables.values()];
}

/** Tables of the public schema except `skip`, parents before children (by foreign keys). */
export async function tablesInDependencyOrder(db: Queryable, skip: ReadonlySet<string> = new Set()): Promise<TableInfo[]> {
  const tables = await publicTables(db);
  const deps = await db.query<{ child: string; parent: string }>(
    `SELECT cl.relname AS child, pr.relname AS parent FROM pg_constraint co
       JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class pr ON pr.oid = co.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE co.contype = 'f' AND n.nspname = 'public' AND cl.relname <> pr.relname`,
  );
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const pending = tables.filter((t) => !skip.has(t.name));
  while (pending.length) {
    const i = pending.findIndex((t) => deps.every((d) => d.child !== t.name || placed.has(d.parent) || skip.has(d.parent)));
    if (i < 0) throw new Error(`Circular foreign keys between tables: ${pending.map((t) => t.name).join(', ')}`);
    const [t] = pending.splice(i, 1);
    if (!t) break;
    ordered.push(t);
    placed.add(t.name);
  }
  return ordered;
}

/** A table or column name, double-quoted for SQL. Names come from the catalogue or a checked file. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
