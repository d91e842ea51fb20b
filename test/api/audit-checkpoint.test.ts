import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { entryHash } from '../../src/server/audit/canonical.ts';
import { exportCheckpoints, verifyAuditTrail, writeCheckpoint } from '../../src/server/audit/checkpoint.ts';
import { chainedFieldsOf, recordAudit } from '../../src/server/audit/trail.ts';
import { auditCheckpointJob } from '../../src/server/jobs/daily.ts';
import { auditCommand } from '../../src/cli/audit.ts';
import { commands } from '../../src/cli/commands.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Queryable } from '../../src/server/db/pool.ts';
import type { AuditCheckpointFile, AuditVerifyResult } from '../../src/shared/schemas/audit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { freshDatabase } from '../support/database.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const actor = { id: null, username: 'uji', role: 'system' };

/** What only someone with database owner rights can do: bypass the append-only triggers. */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  await t.db.tx(async (tx: Queryable) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await tx.query('ALTER TABLE audit_checkpoint DISABLE TRIGGER USER');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    await tx.query('ALTER TABLE audit_checkpoint ENABLE TRIGGER USER');
  });
}

async function append(n: number): Promise<number> {
  for (let i = 0; i < n; i++) await t.db.tx((tx) => recordAudit(tx, actor, { entity: 'system', entityId: `c${i}`, action: 'update', after: { i } }));
  return (await t.db.one<{ id: number }>('SELECT max(id)::int AS id FROM audit_log'))!.id;
}

/** Undo a test's tampering: remove its checkpoints and entries (from `fromId`), leaving an intact trail. */
async function resetTo(fromId: number, fromSeq: number): Promise<void> {
  await tamper('DELETE FROM audit_checkpoint WHERE seq >= $1', [fromSeq]);
  await tamper('DELETE FROM audit_log WHERE id >= $1', [fromId]);
  expect((await verifyAuditTrail(t.db)).ok).toBe(true);
}

async function nextIds(): Promise<{ id: number; seq: number }> {
  const r = await t.db.one<{ id: number; seq: number }>(
    `SELECT coalesce((SELECT max(id) FROM audit_log), 0)::int + 1 AS id, coalesce((SELECT max(seq) FROM audit_checkpoint), 0) + 1 AS seq`,
  );
  return r!;
}

describe('audit checkpoints', () => {
  it('a checkpoint covers its own audit entry, and an intact trail verifies against it', async () => {
    await append(2);
    const c = await writeCheckpoint(t.db, actor);
    const newest = await t.db.one<{ id: number; hash: string; entity: string }>('SELECT id::int AS id, hash, entity FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(newest).toMatchObject({ id: c.lastId, hash: c.headHash, entity: 'audit_checkpoint' });
    expect(c.entries).toBe((await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))!.n);
    const file = await exportCheckpoints(t.db);
    expect(await verifyAuditTrail(t.db, file.checkpoints)).toMatchObject({ ok: true, breaks: [], checkpoints: { faults: [] } });
  });

  it('a deleted tail is detected by the stored checkpoint (the chain alone cannot see it)', async () => {
    const start = await nextIds();
    await append(3);
    const c = await writeCheckpoint(t.db, actor);
    await tamper('DELETE FROM audit_log WHERE id > $1', [c.lastId - 2]);
    const r = await verifyAuditTrail(t.db);
    expect(r.breaks).toEqual([]);
    expect(r.ok).toBe(false);
    expect(r.checkpoints.faults).toEqual([{ seq: c.seq, reason: 'tail_missing' }]);
    await resetTo(start.id, start.seq);
  });

  it('a deleted tail with its checkpoints deleted too is detected against the exported file', async () => {
    const start = await nextIds();
    await append(2);
    const c = await writeCheckpoint(t.db, actor);
    const file = await exportCheckpoints(t.db);
    await tamper('DELETE FROM audit_checkpoint WHERE seq >= $1', [start.seq]);
    await tamper('DELETE FROM audit_log WHERE id >= $1', [start.id]);
    expect((await verifyAuditTrail(t.db)).ok).toBe(true); // nothing inside the system shows it
    const r = await verifyAuditTrail(t.db, file.checkpoints);
    expect(r.ok).toBe(false);
    expect(r.checkpoints.faults).toEqual([
      { seq: c.seq, reason: 'checkpoint_missing' },
      { seq: c.seq, reason: 'tail_missing' },
    ]);
    await resetTo(start.id, start.seq);
  });

  it('a deleted checkpoint in the middle of the sequence is listed', async () => {
    const start = await nextIds();
    const cs = [await writeCheckpoint(t.db, actor), await writeCheckpoint(t.db, actor), await writeCheckpoint(t.db, actor)];
    await tamper('DELETE FROM audit_checkpoint WHERE seq = $1', [cs[1]!.seq]);
    expect((await verifyAuditTrail(t.db)).checkpoints.faults).toEqual([{ seq: cs[1]!.seq, reason: 'checkpoint_missing' }]);
    await resetTo(start.id, start.seq);
  });

  it('an edit with the whole chain re-hashed after it verifies as a chain, but not against the checkpoint', async () => {
    const start = await nextIds();
    const editId = await append(3);
    const c = await writeCheckpoint(t.db, actor);
    // Rewrite: change an entry, then recompute every hash from there, as a forger would.
    await tamper(`UPDATE audit_log SET actor_username = 'orang.lain' WHERE id = $1`, [editId]);
    const rows = await t.db.query<Parameters<typeof chainedFieldsOf>[0] & { id: number; prev_hash: string }>('SELECT * FROM audit_log WHERE id >= $1 ORDER BY id', [editId]);
    let prev = rows[0]!.prev_hash;
    await tamper('ALTER TABLE audit_log DROP CONSTRAINT audit_log_hash_key');
    for (const r of rows) {
      const hash = entryHash(prev, chainedFieldsOf(r));
      await tamper('UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE id = $1', [r.id, prev, hash]);
      prev = hash;
    }
    await tamper('ALTER TABLE audit_log ADD CONSTRAINT audit_log_hash_key UNIQUE (hash)');
    const r = await verifyAuditTrail(t.db);
    expect(r.breaks).toEqual([]);
    expect(r.checkpoints.faults).toEqual([{ seq: c.seq, reason: 'head_differs' }]);
    await resetTo(start.id, start.seq);
  });

  it('an altered checkpoint is listed, in the database and in the file', async () => {
    const start = await nextIds();
    const c = await writeCheckpoint(t.db, actor);
    const file = await exportCheckpoints(t.db);
    await tamper('UPDATE audit_checkpoint SET entries = entries + 1 WHERE seq = $1', [c.seq]);
    expect((await verifyAuditTrail(t.db)).checkpoints.faults).toEqual([{ seq: c.seq, reason: 'checkpoint_altered' }]);
    await tamper('UPDATE audit_checkpoint SET entries = entries - 1 WHERE seq = $1', [c.seq]);
    const forged = file.checkpoints.map((x) => (x.seq === c.seq ? { ...x, lastId: x.lastId - 1 } : x));
    expect((await verifyAuditTrail(t.db, forged)).checkpoints.faults).toEqual([{ seq: c.seq, reason: 'checkpoint_altered' }]);
    await resetTo(start.id, start.seq);
  });

  it('the daily job writes a checkpoint', async () => {
    const before = (await exportCheckpoints(t.db)).checkpoints.length;
    const out = await auditCheckpointJob.run(t.db, '2026-11-25', undefined as never);
    expect(out.seq).toBe(before + 1);
    expect((await exportCheckpoints(t.db)).checkpoints.at(-1)).toMatchObject({ seq: before + 1, madeBy: 'daily job' });
  });
});

describe('audit checkpoint routes', () => {
  it('an auditor writes a checkpoint, exports the file and verifies against it; a UPT operator may not', async () => {
    const auditor = await t.as('auditor.itjen');
    const made = await auditor.post<{ seq: number; madeBy: string }>('/api/v1/audit/checkpoints');
    expect(made.status).toBe(201);
    expect(made.body.madeBy).toBe('auditor.itjen');
    const file = await auditor.get<AuditCheckpointFile>('/api/v1/audit/checkpoints');
    expect(file.body.checkpoints.at(-1)?.seq).toBe(made.body.seq);
    const verified = await auditor.post<AuditVerifyResult>('/api/v1/audit/verify', file.body);
    expect(verified.body).toMatchObject({ ok: true, checkpoints: { checked: file.body.checkpoints.length, faults: [] } });
    const notAFile = await auditor.post<{ error: { code: string } }>('/api/v1/audit/verify', { format: 'x', checkpoints: [] });
    expect(notAFile.status).toBe(400);
    const operator = await t.as('operator.lapas.semarang');
    expect((await operator.post('/api/v1/audit/checkpoints')).status).toBe(403);
  });
});

describe('giatja audit checkpoint / verify --against', () => {
  it('prints the checkpoint file, verifies against it (exit 0), and exits 2 when the tail is cut', async () => {
    const db = await freshDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), 'giatja-audit-cli-'));
    // The embedded database is one process: the CLI opens its own in a folder; a server is shared.
    const config = { ...loadConfig({}), logLevel: 'silent', ...(db.kind === 'postgres' ? { databaseUrl: db.url } : { dataDir: dir }) };
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await commands.migrate!.run([], config);
      // Each command opens the database as the CLI does (an embedded one starts its own process).
      expect(await auditCommand.run(['checkpoint'], config)).toBe(0);
      const printed = String(out.mock.calls.at(-1)?.[0]);
      const file = path.join(dir, 'checkpoints.json');
      writeFileSync(file, printed);
      expect(JSON.parse(printed)).toMatchObject({ format: 'giatja-audit-checkpoints', checkpoints: [{ seq: 1, lastId: 1, entries: 1 }] });
      expect(await auditCommand.run(['verify', '--against', file], config)).toBe(0);
      // Cut the tail and the checkpoints: only the file still knows.
      const cut = async (q: Queryable) => {
        for (const s of ['ALTER TABLE audit_log DISABLE TRIGGER USER', 'ALTER TABLE audit_checkpoint DISABLE TRIGGER USER', 'DELETE FROM audit_checkpoint', 'DELETE FROM audit_log']) await q.query(s);
      };
      if (db.kind === 'postgres') await db.db.tx(cut);
      else {
        const { openDatabase } = await import('../../src/server/db/open.ts');
        const opened = await openDatabase({ dataDir: dir });
        await opened.db.tx(cut);
        await opened.close();
      }
      expect(await auditCommand.run(['verify', '--against', file], config)).toBe(2);
      expect(err.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/checkpoint 1 {2}catatan terbaru hilang/);
    } finally {
      out.mockRestore();
      err.mockRestore();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
