import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { recordAudit, verifyAuditChain } from '../../src/server/audit/trail.ts';
import type { Queryable } from '../../src/server/db/pool.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** What only someone with database owner rights can do: bypass the append-only triggers. */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  await t.db.tx(async (tx: Queryable) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  });
}

const actor = { id: null, username: 'uji', role: 'system' };

async function appendEntries(n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    await t.db.tx((tx) => recordAudit(tx, actor, { entity: 'system', entityId: `n${i}`, action: 'update', after: { i } }));
    ids.push((await t.db.one<{ id: number }>('SELECT max(id)::int AS id FROM audit_log'))!.id);
  }
  return ids;
}

describe('audit chain against text the database cannot keep as sent', () => {
  it('a lone surrogate through POST /holidays never provokes a false break', async () => {
    const admin = await t.as('admin.pusat');
    const res = await admin.post('/api/v1/holidays', { date: '2026-12-28', name: 'a \ud800 b' });
    // Refused at the input, or stored as the database keeps it: either way the chain holds.
    expect(res.status).toBeLessThan(500);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, breaks: [] });
  });

  it('any JSON and any text in any audited field never provokes a false break', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 }), fc.jsonValue({ stringUnit: 'binary', maxDepth: 2 }), text, text, async (before, after, entityId, username) => {
        // Text PostgreSQL cannot hold at all (NUL) makes the write fail whole; anything else is stored.
        await t.db.tx((tx) => recordAudit(tx, { ...actor, username, requestId: entityId }, { entity: 'fuzz', entityId, action: 'update', before, after })).catch((err: Error) => {
          if (!/\\u0000|0x00|null character|unsupported Unicode escape/i.test(err.message)) throw err;
        });
      }),
      { numRuns: 150 },
    );
    const result = await verifyAuditChain(t.db);
    expect(result.breaks).toEqual([]);
    expect((await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'fuzz'`))!.n).toBeGreaterThan(100);
  });
});

describe('audit chain tampering', () => {
  it('every edited entry is listed, not only the first', async () => {
    const ids = await appendEntries(6);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    await tamper(`UPDATE audit_log SET actor_username = 'orang.lain' WHERE id = $1`, [ids[1]]);
    await tamper(`UPDATE audit_log SET after = '{"i": 99}' WHERE id = $1`, [ids[4]]);
    const r = await verifyAuditChain(t.db);
    expect(r.ok).toBe(false);
    expect(r.breaks).toEqual([
      { id: ids[1], reason: 'content' },
      { id: ids[4], reason: 'content' },
    ]);
    expect(r).toMatchObject({ brokenAt: ids[1], reason: 'content' });
    // Mended, so later tests start from an intact chain.
    await tamper(`DELETE FROM audit_log WHERE id >= $1`, [ids[0]]);
  });

  it('a deleted entry in the middle breaks the link of the one after it', async () => {
    const ids = await appendEntries(4);
    await tamper(`DELETE FROM audit_log WHERE id = $1`, [ids[1]]);
    expect((await verifyAuditChain(t.db)).breaks).toEqual([{ id: ids[2], reason: 'link' }]);
    await tamper(`DELETE FROM audit_log WHERE id >= $1`, [ids[0]]);
  });

  it('two entries swapped (reordered) are both listed, and the entry after them', async () => {
    const ids = await appendEntries(4);
    const [a, b] = [ids[1]!, ids[2]!];
    // Swap every column but the id: the order of events is rewritten.
    await tamper(
      `UPDATE audit_log x SET at = y.at, actor_username = y.actor_username, entity_id = y.entity_id, after = y.after,
              prev_hash = y.prev_hash, hash = 'tmp' || y.hash
         FROM audit_log y WHERE (x.id, y.id) IN (($1::bigint, $2::bigint), ($2::bigint, $1::bigint))`,
      [a, b],
    );
    await tamper(`UPDATE audit_log SET hash = substr(hash, 4) WHERE hash LIKE 'tmp%'`);
    expect((await verifyAuditChain(t.db)).breaks).toEqual([
      { id: a, reason: 'link' },
      { id: b, reason: 'link' },
      { id: ids[3], reason: 'link' },
    ]);
    await tamper(`DELETE FROM audit_log WHERE id >= $1`, [ids[0]]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
