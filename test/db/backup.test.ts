import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/audit/trail.ts';
import { backupDatabase } from '../../src/server/db/backup.ts';
import { SKIP } from '../../src/server/db/backup-format.ts';
import { ident, publicTables } from '../../src/server/db/catalogue.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import type { Queryable } from '../../src/server/db/pool.ts';
import { BackupFileError, restoreDatabase } from '../../src/server/db/restore.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'giatja-backup-'));
const file = path.join(dir, 'demo.jsonl.gz');

/**
 * A table no migration knows, with what backups get wrong: a composite key, JSON null next to
 * SQL NULL, float edge values, arrays, bytea, odd text. Created on both sides: the backup must
 * cover it without being told.
 */
const PROBE_TABLE = `CREATE TABLE backup_probe (
  a integer, b text, j jsonb, f double precision, n numeric(20,6), t timestamptz, i interval,
  arr text[], bin bytea, d date, g integer GENERATED ALWAYS AS (a * 2) STORED, PRIMARY KEY (a, b))`;
const PROBE_ROWS = `INSERT INTO backup_probe (a, b, j, f, n, t, i, arr, bin, d) VALUES
  (1, 'x', 'null', -0, 0.000001, '2026-11-25 23:59:59.999999+07', '1 mon 2 days 03:04:05', '{a,NULL,"c d"}', '\\x00ff', '2024-02-29'),
  (1, 'y', NULL, 'NaN', -12345678901234.5, '1970-01-01 00:00:00+00', '-1 day', '{}', '\\x', '0001-01-01'),
  (2, 'x', '{"k": null, "u": "é\\u00a0"}', 'Infinity', NULL, NULL, NULL, NULL, NULL, NULL),
  (2, E'tab\\there\\nnewline "quoted" \\\\ back', '"null"', 0.1, 1e-6, 'infinity', '00:00:00.000001', ARRAY['[',']','{"x":1}'], '\\x5c6e', '9999-12-31')`;

type AuditNulls = { json_null: number; sql_null: number };
const AUDIT_NULLS = `SELECT count(*) FILTER (WHERE before = 'null'::jsonb)::int AS json_null,
  count(*) FILTER (WHERE before IS NULL)::int AS sql_null FROM audit_log`;

interface Fingerprint {
  rows: number;
  hash: string;
}

/** Row count and a hash of every row's full text, per table found in the catalogue. */
async function fingerprint(db: Queryable): Promise<Record<string, Fingerprint>> {
  const out: Record<string, Fingerprint> = {};
  for (const t of await publicTables(db)) {
    if (SKIP.has(t.name)) continue;
    const r = await db.one<{ rows: number; hash: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS hash FROM ${ident(t.name)} x`,
    );
    out[t.name] = { rows: r?.rows ?? 0, hash: r?.hash ?? '' };
  }
  return out;
}

function nonEmpty(f: Record<string, Fingerprint>): Record<string, number> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v.rows > 0).map(([k, v]) => [k, v.rows]));
}

async function emptyTarget(probe = true): Promise<TestDatabase> {
  const target = await freshDatabase();
  await migrate(target.db);
  if (probe) await target.db.query(PROBE_TABLE);
  return target;
}

let source: TestApp;
let before: Record<string, Fingerprint>;
let backedUp: Record<string, number>;
let failedBackup: unknown;
let sourceAuditNulls: AuditNulls | undefined;
const occupied = path.join(dir, 'occupied');

beforeAll(async () => {
  source = await createTestApp({}, { inmates: true });
  const admin = await source.as('admin.pusat');
  const upt = (await source.db.one<{ id: number; version: number }>(`SELECT id, version FROM upt ORDER BY id LIMIT 1`))!;
  expect((await admin.patch(`/api/v1/org/upts/${upt.id}`, { version: upt.version, address: 'Jl. Contoh No. 1' })).status).toBe(200);
  await source.db.query(PROBE_TABLE);
  await source.db.query(PROBE_ROWS);
  backedUp = (await backupDatabase(source.db, file)).counts;
  before = await fingerprint(source.db);
  sourceAuditNulls = await source.db.one(AUDIT_NULLS);
  // A backup that cannot be finished (its name is taken by a directory) leaves no file behind.
  mkdirSync(path.join(occupied, 'inside'), { recursive: true });
  failedBackup = await backupDatabase(source.db, occupied).then(
    () => null,
    (e: unknown) => e,
  );
  await source.close();
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backup and restore', () => {
  describe('into an empty database', () => {
    let target: TestDatabase;
    let restored: Awaited<ReturnType<typeof restoreDatabase>>;
    beforeAll(async () => {
      target = await emptyTarget();
      restored = await restoreDatabase(target.db, file);
    }, 300_000);
    afterAll(() => target.drop());

    it('gives back every table of the catalogue with the same row count and content hash', async () => {
      // What the old key-by-first-column paging lost: a composite key over more than one page.
      expect(before.attendance?.rows).toBeGreaterThan(5000);
      expect(before.backup_probe?.rows).toBe(4);
      expect(Object.keys(nonEmpty(before)).length).toBeGreaterThan(40);
      expect(backedUp).toEqual(rowCounts(before));
      expect(restored.warnings).toEqual([]);
      expect(restored.counts).toEqual(backedUp);
      expect(await fingerprint(target.db)).toEqual(before);
      expect((await verifyAuditChain(target.db)).ok).toBe(true);
    });

    it('audit_log.before JSON null stays JSON null, not SQL NULL', async () => {
      expect(sourceAuditNulls!.json_null).toBeGreaterThan(0);
      expect(await target.db.one<AuditNulls>(AUDIT_NULLS)).toEqual(sourceAuditNulls);
      expect(await target.db.query<{ b: string; j: string | null }>(`SELECT b, j::text AS j FROM backup_probe WHERE a = 1 ORDER BY b`)).toEqual([
        { b: 'x', j: 'null' },
        { b: 'y', j: null },
      ]);
    });

    it('sequences continue after the restored ids, and a second restore into it is refused', async () => {
      const k = await target.db.one<{ id: number }>(`INSERT INTO kanwil (name, raw_name) VALUES ('Kanwil Uji', 'Uji') RETURNING id`);
      const max = await target.db.one<{ m: number }>(`SELECT max(id)::int AS m FROM kanwil WHERE name <> 'Kanwil Uji'`);
      expect(k!.id).toBe(max!.m + 1);
      await expect(restoreDatabase(target.db, file)).rejects.toThrow(/empty/);
    });
  });

  const lines = () => gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const damaged: Array<[string, () => Buffer, RegExp]> = [
    ['the gzip stream cut in half', () => readFileSync(file).subarray(0, Math.floor(readFileSync(file).length / 2)), /cannot be read to its end/],
    ['lines cut inside a table', () => gzipSync(lines().slice(0, Math.floor(lines().length / 2)).join('\n') + '\n'), /cut short inside table/],
    ['only the end marker missing', () => gzipSync(lines().filter((l) => !l.startsWith('{"complete"')).join('\n')), /cut short before its end marker/],
    ['one value altered', () => gzipSync(lines().map((l) => (l.startsWith('["2","x",') ? l.replace('"Infinity"', '"-Infinity"') : l)).join('\n')), /backup_probe: 4 rows read, 4 recorded, hash differs/],
    ['one row dropped', () => gzipSync(lines().filter((l) => !l.startsWith('["1","y",')).join('\n')), /backup_probe: 3 rows read, 4 recorded/],
    ['not a backup at all', () => gzipSync('{"hello":1}\n'), /Not a Giatja backup/],
  ];
  describe('a damaged file', () => {
    // One target for all cases: each refusal must leave it as empty as it was.
    let target: TestDatabase;
    beforeAll(async () => {
      target = await emptyTarget();
    }, 300_000);
    afterAll(() => target.drop());
    it.each(damaged)('with %s is refused and nothing is restored', async (_name, make, message) => {
      const bad = path.join(dir, 'damaged.jsonl.gz');
      writeFileSync(bad, make());
      const err = await restoreDatabase(target.db, bad).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(BackupFileError);
      expect((err as Error).message).toMatch(message);
      expect(nonEmpty(await fingerprint(target.db))).toEqual({});
    });
  });

  it('a version 1 backup still restores, with a warning that it cannot be verified', async () => {
    const v1 = path.join(dir, 'v1.jsonl.gz');
    const rows = ['{"format":"giatja-backup","version":1,"migrations":[]}', '{"table":"province"}', '{"code":"99","name":"Uji"}'];
    writeFileSync(v1, gzipSync(rows.join('\n') + '\n'));
    const target = await emptyTarget(false);
    try {
      const r = await restoreDatabase(target.db, v1);
      expect(r.version).toBe(1);
      expect(r.warnings.join()).toMatch(/cannot|tidak dapat/);
      expect(await target.db.query(`SELECT code, name FROM province`)).toEqual([{ code: '99', name: 'Uji' }]);
    } finally {
      await target.drop();
    }
  });

  it('a backup that cannot be finished leaves no partial file', () => {
    expect(failedBackup).toBeInstanceOf(Error);
    expect(existsSync(`${occupied}.partial`)).toBe(false);
  });
});

/** Backup counts name every copied table, empty ones included. */
function rowCounts(f: Record<string, Fingerprint>): Record<string, number> {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.rows]));
}
