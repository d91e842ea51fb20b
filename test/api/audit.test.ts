import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { verifyAuditChain } from '../../src/server/audit/trail.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records who, when, scope, before and after of a write', async () => {
    const admin = await t.as('admin.pusat');
    const upt = await admin.get<{ items: Array<{ id: number; version: number; kanwilId: number }> }>('/api/v1/org/upts?q=rutan%20kelas%20i%20surakarta');
    const target = upt.body.items[0]!;
    await admin.patch(`/api/v1/org/upts/${target.id}`, { version: target.version, address: 'Jl. Slamet Riyadi 18, Surakarta' });
    const res = await admin.get<{ items: Array<Record<string, unknown>> }>(`/api/v1/audit?entity=upt&entityId=${target.id}`);
    expect(res.body.items[0]).toMatchObject({
      actorUsername: 'admin.pusat',
      actorRole: 'pusat_admin',
      action: 'update',
      scopeKanwilId: target.kanwilId,
      scopeUptId: target.id,
      before: { address: null },
      after: { address: 'Jl. Slamet Riyadi 18, Surakarta' },
    });
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    await expect(t.db.query(`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log WHERE id = 1`)).rejects.toThrow(/append-only/);
  });

  it('verifies the hash chain, and finds the entry that was tampered with', async () => {
    const ok = await verifyAuditChain(t.db);
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThanOrEqual(3); // seed, sign-in, the UPT edit
    const admin = await t.as('admin.pusat');
    expect((await admin.get<{ ok: boolean }>('/api/v1/audit/verify')).body.ok).toBe(true);
    // Someone with database superuser rights bypasses the trigger and edits an entry.
    await t.db.tx(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await tx.query(`UPDATE audit_log SET actor_username = 'orang.lain' WHERE id = 2`);
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    });
    const broken = await verifyAuditChain(t.db);
    expect(broken).toMatchObject({ ok: false, brokenAt: 2, reason: 'content' });
  });

  it('answers the search in pages, newest first, filtered by actor and date', async () => {
    const auditor = await t.as('auditor.itjen');
    const res = await auditor.get<{ items: Array<{ id: number; actorUsername: string }>; total: number }>(
      '/api/v1/audit?actor=admin.pusat&from=2020-01-01&pageSize=2',
    );
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.items.every((e) => e.actorUsername === 'admin.pusat')).toBe(true);
    const [a, b] = res.body.items;
    if (a && b) expect(a.id).toBeGreaterThan(b.id);
    const bad = await auditor.get<{ error: { fields: Record<string, string> } }>('/api/v1/audit?from=2026-02-30');
    expect(bad.body.error.fields.from).toBeTruthy();
  });
});
