import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { LOCKOUT_AFTER } from '../../src/server/modules/auth/service.ts';

interface ErrorBody {
  error: { code: string; message: string; fields: Record<string, string> };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign in', () => {
  it('signs in with the demo password and returns the user with scope and permissions', async () => {
    const c = t.anon();
    const res = await c.post<{ username: string; role: string; scope: { level: string; uptName?: string }; permissions: string[] }>(
      '/api/v1/auth/login',
      { username: 'Operator.Lapas.Semarang', password: 'Kemandirian2026' },
    );
    expect(res.status).toBe(200);
    expect(res.body.username).toBe('operator.lapas.semarang');
    expect(res.body.scope.level).toBe('upt');
    expect(res.body.scope.uptName).toMatch(/Semarang/);
    expect(res.body.permissions).not.toContain('user.manage');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i); // loopback host counts as secure
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('answers a wrong password with LOGIN_FAILED in the caller’s language', async () => {
    const id = await t.anon('id').post<ErrorBody>('/api/v1/auth/login', { username: 'admin.pusat', password: 'salah-sekali-1' });
    expect(id.status).toBe(401);
    expect(id.body.error.code).toBe('LOGIN_FAILED');
    expect(id.body.error.message).toMatch(/kata sandi salah/i);
    const en = await t.anon('en').post<ErrorBody>('/api/v1/auth/login', { username: 'admin.pusat', password: 'wrong-one-1' });
    expect(en.body.error.message).toMatch(/wrong username or password/i);
  });

  it('rejects a malformed body with field errors and no stack trace', async () => {
    const res = await t.anon().post<ErrorBody>('/api/v1/auth/login', { username: '', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(['username', 'password']));
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts/);
  });

  it('rejects a body that is not JSON with 400', async () => {
    const res = await t.anon().request<ErrorBody>('POST', '/api/v1/auth/login', undefined, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
  });

  it('locks an account after repeated failures, even for the right password, until unlocked', async () => {
    const c = t.anon();
    const statuses: number[] = [];
    for (let i = 0; i < LOCKOUT_AFTER; i++) {
      statuses.push((await c.post('/api/v1/auth/login', { username: 'mitra.demo', password: `wrong-password-${i}` })).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(423);
    const right = await c.post<ErrorBody>('/api/v1/auth/login', { username: 'mitra.demo', password: 'Kemandirian2026' });
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
    const admin = await t.as('admin.pusat');
    const user = await t.db.one<{ id: number }>(`SELECT id FROM app_user WHERE username = 'mitra.demo'`);
    expect((await admin.post(`/api/v1/users/${user!.id}/unlock`)).status).toBe(200);
    expect((await c.post('/api/v1/auth/login', { username: 'mitra.demo', password: 'Kemandirian2026' })).status).toBe(200);
  });

  it('throttles failed sign-ins per client address, but not successful ones', async () => {
    const c = t.anon();
    for (let i = 0; i < 5; i++) expect((await c.post('/api/v1/auth/login', { username: 'auditor.itjen', password: 'Kemandirian2026' })).status).toBe(200);
    let last = 0;
    for (let i = 0; i < 101; i++) {
      last = (await c.request('POST', '/api/v1/auth/login', { username: 'nobody', password: 'x' }, { 'x-forwarded-for': '10.9.9.9' })).status;
    }
    // Without a trusted proxy the header is ignored, so all attempts share the socket's (unknown) address.
    expect(last).toBe(429);
    await t.db.query('DELETE FROM login_throttle');
  });
});

describe('session', () => {
  it('refuses writes without the CSRF token', async () => {
    const c = await t.as('admin.pusat');
    const csrf = c.csrf;
    c.csrf = undefined;
    const res = await c.post<ErrorBody>('/api/v1/auth/logout-all');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
    c.csrf = csrf;
  });

  it('ends the session on logout, and every session on logout-all', async () => {
    const a = await t.as('pimpinan.pusat');
    const b = await t.as('pimpinan.pusat');
    expect((await a.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await a.get('/api/v1/auth/me')).status).toBe(401);
    expect((await b.get('/api/v1/auth/me')).status).toBe(200);
    const c = await t.as('pimpinan.pusat');
    expect((await c.post('/api/v1/auth/logout-all')).status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('answers 401 UNAUTHENTICATED without a session', async () => {
    const res = await t.anon().get<ErrorBody>('/api/v1/org/upts');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('forced password change', () => {
  it('lets a new user do nothing but change the password, then everything their role allows', async () => {
    const admin = await t.as('admin.pusat');
    const upt = await t.db.one<{ id: number }>(`SELECT id FROM upt WHERE raw_name = 'LAPAS KELAS I SEMARANG'`);
    const created = await admin.post<{ id: number; mustChangePassword: boolean }>('/api/v1/users', {
      username: 'petugas.baru',
      fullName: 'Petugas Baru',
      role: 'upt_operator',
      scopeLevel: 'upt',
      uptId: upt!.id,
      password: 'Sementara2026x',
    });
    expect(created.status).toBe(201);
    expect(created.body.mustChangePassword).toBe(true);
    const c = await t.as('petugas.baru', 'Sementara2026x');
    const blocked = await c.get<ErrorBody>('/api/v1/org/upts');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post<ErrorBody>('/api/v1/auth/password', {
      currentPassword: 'Sementara2026x',
      newPassword: 'pendek1',
      confirmPassword: 'pendek1',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.newPassword).toBeTruthy();
    const mismatch = await c.post<ErrorBody>('/api/v1/auth/password', {
      currentPassword: 'Sementara2026x',
      newPassword: 'SandiBaruKuat77',
      confirmPassword: 'SandiBaruKuat78',
    });
    expect(mismatch.body.error.fields.confirmPassword).toBeTruthy();
    const ok = await c.post('/api/v1/auth/password', {
      currentPassword: 'Sementara2026x',
      newPassword: 'SandiBaruKuat77',
      confirmPassword: 'SandiBaruKuat77',
    });
    expect(ok.status).toBe(200);
    expect((await c.get('/api/v1/org/upts')).status).toBe(200);
  });

  it('forces seeded accounts to change their password outside demo mode', async () => {
    const prod = await createTestApp({ demo: false });
    try {
      const c = await prod.as('admin.pusat');
      const res = await c.get<ErrorBody>('/api/v1/users');
      expect(res.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    } finally {
      await prod.close();
    }
  });
});
