import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { User } from '../../src/shared/schemas/users.ts';

interface ErrorBody {
  error: { code: string; message: string; fields: Record<string, string> };
}

let t: TestApp;
let jateng = 0;
let semarangUpt = 0;
let tangerangUpt = 0;
beforeAll(async () => {
  t = await createTestApp();
  jateng = (await t.db.one<{ id: number }>(`SELECT id FROM kanwil WHERE raw_name = 'Jawa Tengah'`))!.id;
  semarangUpt = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`))!.id;
  tangerangUpt = (await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I TANGERANG'`))!.id;
});
afterAll(() => t.close());

const base = { fullName: 'Petugas Uji', password: 'SandiSementara1' };

describe('user administration', () => {
  it('derives the Kanwil from the UPT and audits the creation without the password', async () => {
    const admin = await t.as('admin.pusat');
    const res = await admin.post<User>('/api/v1/users', { ...base, username: 'uji.satu', role: 'upt_head', scopeLevel: 'upt', uptId: semarangUpt });
    expect(res.status).toBe(201);
    expect(res.body.kanwilId).toBe(jateng);
    const entry = await t.db.one<{ after: Record<string, unknown> }>(`SELECT after FROM audit_log WHERE entity = 'app_user' AND action = 'create' ORDER BY id DESC LIMIT 1`);
    expect(entry!.after.username).toBe('uji.satu');
    expect(JSON.stringify(entry!.after)).not.toMatch(/SandiSementara1|argon2/);
  });

  it.each([
    [{ username: 'uji.dua', role: 'upt_head', scopeLevel: 'national' }, 'scopeLevel'],
    [{ username: 'uji.dua', role: 'kanwil_officer', scopeLevel: 'kanwil' }, 'kanwilId'],
    [{ username: 'uji.dua', role: 'upt_operator', scopeLevel: 'upt', uptId: 999999 }, 'uptId'],
    [{ username: 'UJI DUA', role: 'pusat_admin', scopeLevel: 'national' }, 'username'],
    [{ username: 'uji.dua', role: 'pusat_admin', scopeLevel: 'national', password: 'lemah' }, 'password'],
    [{ username: 'admin.pusat', role: 'pusat_admin', scopeLevel: 'national' }, 'username'],
    [{ username: 'uji.dua', role: 'penjaga', scopeLevel: 'national' }, 'role'],
  ])('refuses %j on field %s and creates nothing', async (input, field) => {
    const admin = await t.as('admin.pusat');
    const before = (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM app_user'))!.n;
    const res = await admin.post<ErrorBody>('/api/v1/users', { ...base, ...input });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect((await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM app_user'))!.n).toBe(before);
  });

  it('refuses a UPT that is not in the given Kanwil', async () => {
    const admin = await t.as('admin.pusat');
    const res = await admin.post<ErrorBody>('/api/v1/users', { ...base, username: 'uji.tiga', role: 'upt_operator', scopeLevel: 'upt', kanwilId: jateng, uptId: tangerangUpt });
    expect(res.body.error.fields.uptId).toBeTruthy();
  });

  it('ends the sessions of a user whose role changes, and detects stale edits', async () => {
    const admin = await t.as('admin.pusat');
    const created = await admin.post<User>('/api/v1/users', { ...base, username: 'uji.empat', role: 'upt_operator', scopeLevel: 'upt', uptId: semarangUpt });
    const c = await t.as('uji.empat', base.password);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    const upd = await admin.patch<User>(`/api/v1/users/${created.body.id}`, { version: created.body.version, role: 'upt_head' });
    expect(upd.status).toBe(200);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    const stale = await admin.patch<ErrorBody>(`/api/v1/users/${created.body.id}`, { version: created.body.version, active: false });
    expect(stale.status).toBe(409);
  });

  it('shows a Kanwil officer only the users of their Kanwil, and a UPT head only their UPT', async () => {
    const kanwil = await t.as('kanwil.jateng');
    const list = await kanwil.get<{ items: User[] }>('/api/v1/users?pageSize=200');
    expect(list.body.items.length).toBeGreaterThan(3);
    expect(list.body.items.every((u) => u.kanwilId === jateng)).toBe(true);
    const head = await t.as('kepala.lapas.semarang');
    const own = await head.get<{ items: User[] }>('/api/v1/users?pageSize=200');
    expect(own.body.items.every((u) => u.uptId === semarangUpt)).toBe(true);
    const foreign = (await t.db.one<{ id: number }>(`SELECT id FROM app_user WHERE username = 'operator.lapas.tangerang'`))!.id;
    expect((await head.get<ErrorBody>(`/api/v1/users/${foreign}`)).body.error.code).toBe('OUT_OF_SCOPE');
  });
});
