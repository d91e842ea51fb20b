import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { Upt } from '../../src/shared/schemas/org.ts';

interface ErrorBody {
  error: { code: string; message: string; fields: Record<string, string> };
}
interface Page<T> {
  items: T[];
  total: number;
}

let t: TestApp;
let semarang: Upt;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as('admin.pusat');
  const res = await admin.get<Page<Upt>>('/api/v1/org/upts?q=lapas%20kelas%20i%20semarang');
  semarang = res.body.items.find((u) => u.rawName === 'LAPAS KELAS I SEMARANG')!;
});
afterAll(() => t.close());

const auditCount = async () => (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))!.n;

describe('organisation registry', () => {
  it('holds the real national UPT list with raw names beside parsed ones', async () => {
    const c = await t.as('operator.lapas.semarang');
    const res = await c.get<Page<Upt>>('/api/v1/org/upts?pageSize=1');
    expect(res.body.total).toBe(612);
    expect(semarang.type).toBe('lapas');
    expect(semarang.class).toBe('I');
    expect(semarang.capacitySource).toBe('generated');
    const kanwils = await c.get<{ items: Array<{ rawName: string; uptCount: number }> }>('/api/v1/org/kanwils');
    expect(kanwils.body.items).toHaveLength(33);
    expect(kanwils.body.items.reduce((s, k) => s + k.uptCount, 0)).toBe(612);
  });

  it('updates a UPT, bumps its version and records before/after in the history', async () => {
    const admin = await t.as('admin.pusat');
    const res = await admin.patch<Upt>(`/api/v1/org/upts/${semarang.id}`, { version: semarang.version, capacity: 1234 });
    expect(res.status).toBe(200);
    expect(res.body.capacity).toBe(1234);
    expect(res.body.capacitySource).toBe('manual');
    expect(res.body.version).toBe(semarang.version + 1);
    const history = await admin.get<{ items: Array<{ action: string; before: { capacity: number }; after: { capacity: number } }> }>(
      `/api/v1/org/upts/${semarang.id}/history`,
    );
    expect(history.body.items[0]).toMatchObject({ action: 'update', before: { capacity: semarang.capacity }, after: { capacity: 1234 } });
    semarang = res.body;
  });

  it('detects a concurrent edit: a stale version gets 409 and changes nothing', async () => {
    const admin = await t.as('admin.pusat');
    const before = await auditCount();
    const res = await admin.patch<ErrorBody>(`/api/v1/org/upts/${semarang.id}`, { version: semarang.version - 1, capacity: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT_VERSION');
    const now = await admin.get<Upt>(`/api/v1/org/upts/${semarang.id}`);
    expect(now.body.capacity).toBe(1234);
    expect(await auditCount()).toBe(before);
  });

  it.each([
    [{ capacity: -5 }, 'capacity'],
    [{ capacity: 'banyak' }, 'capacity'],
    [{ type: 'penjara' }, 'type'],
    [{ name: 'x' }, 'name'],
    [{ regencyCode: '99' }, 'regencyCode'],
    [{ unknownField: 1 }, '_'],
  ])('refuses %j with a field error and changes nothing', async (patch, field) => {
    const admin = await t.as('admin.pusat');
    const before = await auditCount();
    const res = await admin.patch<ErrorBody>(`/api/v1/org/upts/${semarang.id}`, { version: semarang.version, ...patch });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect((await admin.get<Upt>(`/api/v1/org/upts/${semarang.id}`)).body.version).toBe(semarang.version);
    expect(await auditCount()).toBe(before);
  });

  it('refuses an unknown regency code that passes the format check', async () => {
    const admin = await t.as('admin.pusat');
    const res = await admin.patch<ErrorBody>(`/api/v1/org/upts/${semarang.id}`, { version: semarang.version, regencyCode: '99.99' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.regencyCode).toBeTruthy();
  });

  it('adds a unit missing from the source list (e.g. a Cabang Rutan)', async () => {
    const admin = await t.as('admin.pusat');
    const res = await admin.post<Upt>('/api/v1/org/upts', {
      kanwilId: semarang.kanwilId,
      name: 'Cabang Rutan Contoh',
      type: 'cabang_rutan',
      capacity: 80,
    });
    expect(res.status).toBe(201);
    expect(res.body.source).toBe('manual');
  });

  it('lets only Pusat admins edit', async () => {
    const kanwil = await t.as('kanwil.jateng');
    const res = await kanwil.patch<ErrorBody>(`/api/v1/org/upts/${semarang.id}`, { version: semarang.version, capacity: 5 });
    expect(res.status).toBe(403);
  });
});
