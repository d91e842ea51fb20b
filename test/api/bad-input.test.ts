import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../src/server/db/pool.ts';
import { createTestApp, type Client, type TestApp } from '../support/app.ts';

/**
 * Bad input is a 4xx with `{error:{code,message,fields}}`, by construction: these tests go over
 * the route table, not a hand list, so a new route is covered without editing them.
 */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin.pusat');
});
afterAll(() => t.close());

/** Records the SQL the app runs while `fn` runs (the test app shares its database handle). */
async function sqlDuring(db: Db, fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = { query: db.query, one: db.one, tx: db.tx };
  const spy = (q: Queryable): Queryable => ({
    query: (sql, params) => (seen.push(sql), q.query(sql, params)),
    one: (sql, params) => (seen.push(sql), q.one(sql, params)),
  });
  const wrapped = spy({ query: original.query.bind(db), one: original.one.bind(db) });
  Object.assign(db, { query: wrapped.query, one: wrapped.one, tx: <T>(f: (tx: Queryable) => Promise<T>) => original.tx.call(db, (tx) => f(spy(tx))) });
  try {
    await fn();
  } finally {
    Object.assign(db, original);
  }
  return seen;
}

/** The session lookup runs on every API request, before any route: the only reads allowed here. */
const SESSION_SQL = /\b(session|app_user)\b/;

function routesWithIds(): Array<{ method: string; path: string }> {
  const seen = new Set<string>();
  return t.app.routes
    .filter((r) => /:\w+Id\b/.test(r.path) && r.method !== 'ALL')
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

const MALFORMED_IDS = ['abc', '1.5', '99999999999999999999', '2147483648', '%00', '%E2%80%AE', '0', '-1', '1e3', '0x10', '%20'];

describe('path ids', () => {
  it('a malformed id on any route with ids answers 400 before any database read', async () => {
    const routes = routesWithIds();
    expect(routes.length).toBeGreaterThan(60);
    const failures: string[] = [];
    for (const r of routes) {
      for (const bad of MALFORMED_IDS) {
        const url = r.path.replace(/:(\w+Id)\b/g, bad).replace(':doc', 'receipt');
        let res: Awaited<ReturnType<Client['request']>> | undefined;
        const sql = await sqlDuring(t.db, async () => {
          res = await admin.request(r.method, url, r.method === 'GET' ? undefined : {});
        });
        const body = res?.body as { error?: { code?: string; message?: string; fields?: object } };
        const readsBeyondSession = sql.filter((s) => !SESSION_SQL.test(s));
        if (res?.status !== 400 || !body.error?.message || typeof body.error.fields !== 'object' || readsBeyondSession.length) {
          failures.push(`${r.method} ${url} → ${res?.status} ${JSON.stringify(body).slice(0, 80)} ${readsBeyondSession.length ? `(${readsBeyondSession.length} reads)` : ''}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('a well-formed id that does not exist answers 404', async () => {
    for (const path of ['/api/v1/wbp/2147483647', '/api/v1/work/activities/2147483647', '/api/v1/sales/2147483647']) {
      const res = await admin.get<{ error: { code: string } }>(path);
      expect([path, res.status]).toEqual([path, 404]);
    }
  });
});

describe('types in JSON bodies', () => {
  it('"indicatorId": true or [3] is refused with a field error, not stored as indicator 1 or 3', async () => {
    const head = await t.as('kepala.lapas.semarang');
    const count = async () => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM indicator_manual_value`))!.n;
    const before = await count();
    for (const indicatorId of [true, [3], '3', 3.5, 1e10]) {
      const res = await head.post<{ error: { code: string; fields: Record<string, string> } }>('/api/v1/indicators/manual', {
        indicatorId, month: '2026-10-01', value: 1, note: 'uji masukan salah',
      });
      expect([indicatorId, res.status, Object.keys(res.body.error?.fields ?? {})]).toEqual([indicatorId, 400, ['indicatorId']]);
    }
    expect(await count()).toBe(before);
  });
});

describe('text', () => {
  it('a NUL byte or a lone surrogate in any body text or search is a 400 field error, and nothing is stored', async () => {
    const count = async () => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM holiday`))!.n;
    const before = await count();
    for (const name of ['a\u0000b', 'a \ud800 b', 'a \udc00 b']) {
      const res = await admin.post<{ error: { code: string; fields: Record<string, string> } }>('/api/v1/holidays', { date: '2026-12-28', name });
      expect([name, res.status, Object.keys(res.body.error?.fields ?? {})]).toEqual([name, 400, ['name']]);
    }
    expect(await count()).toBe(before);
    // Keys and nested strings are looked at too; a whole emoji (a valid surrogate pair) is fine.
    const nested = await admin.post<{ error: { fields: Record<string, string> } }>('/api/v1/calculations', { case: { x: ['ok', 'b\u0000'] } });
    expect(Object.keys(nested.body.error.fields)).toContain('case.x.1');
    // (A lone surrogate cannot be written in a URL: its UTF-8 bytes are invalid and decode to U+FFFD.)
    for (const q of ['%00', 'a%00b']) {
      const res = await admin.get<{ error: { fields: Record<string, string> } }>(`/api/v1/wbp?q=${q}`);
      expect([q, res.status, Object.keys(res.body.error?.fields ?? {})]).toEqual([q, 400, ['q']]);
    }
    const emoji = await admin.post('/api/v1/holidays', { date: '2026-12-29', name: 'Hari uji 🎉' });
    expect(emoji.status).toBe(201);
  });
});

describe('size', () => {
  it('a 60 MB body to /auth/login is refused with 413 before it is parsed, in the caller’s language', async () => {
    const huge = JSON.stringify({ username: 'x'.repeat(60 * 1024 * 1024), password: 'y' });
    for (const lang of ['id', 'en'] as const) {
      const r = await t.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang, host: 'localhost' }, body: huge });
      const body = (await r.json()) as { error: { code: string; message: string } };
      expect([r.status, body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      expect(body.error.message).toBe(lang === 'id' ? 'Data yang dikirim terlalu besar.' : 'The data sent is too large.');
    }
    // Without a Content-Length (streamed), the limit holds too.
    const stream = new ReadableStream({ start(ctrl) { ctrl.enqueue(new TextEncoder().encode(huge.slice(0, 2 * 1024 * 1024))); ctrl.close(); } });
    const streamed = await t.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', host: 'localhost' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});

describe('dates', () => {
  it('POST /premi/wbp/{id}/payout with 2025-02-30, 2025-13-01 or 0000-00-00 is a 400 field error, not a 500', async () => {
    const op = await t.as('operator.lapas.semarang');
    const head = await t.as('kepala.lapas.semarang');
    const wbp = await op.post<{ id: number }>('/api/v1/wbp', { noRegister: 'BI.9001/2026', name: 'Uji Tanggal', sex: 'L', religion: 'islam', status: 'narapidana' });
    expect(wbp.status).toBe(201);
    for (const date of ['2025-02-30', '2025-13-01', '0000-00-00', '2025-2-3']) {
      const res = await head.post<{ error: { fields: Record<string, string> } }>(`/api/v1/premi/wbp/${wbp.body.id}/payout`, { date, reference: 'SP2D uji' });
      expect([date, res.status, Object.keys(res.body.error?.fields ?? {})]).toEqual([date, 400, ['date']]);
    }
    for (const month of ['0000-01', '2026-00', '2026-13']) {
      const res = await admin.get<{ error: { fields: Record<string, string> } }>(`/api/v1/sales/splits/preview?month=${month}`);
      expect([month, res.status]).toEqual([month, 400]);
    }
  });
});

describe('database down', () => {
  it('with PostgreSQL unreachable every request gets 503 with Retry-After and a clear message, not 500', async () => {
    const { createApp } = await import('../../src/server/app.ts');
    const { createDb } = await import('../../src/server/db/pool.ts');
    const { systemClock } = await import('../../src/server/clock.ts');
    const { createLogger } = await import('../../src/server/log.ts');
    // A port nobody listens on: the driver gets a real "connection refused".
    const down = createDb('postgres://giatja@127.0.0.1:9/giatja', { embedded: false, max: 2 });
    const app = createApp({ db: down, config: t.config, clock: systemClock(t.config.today), log: createLogger('silent') });
    try {
      const cases: Array<[string, string, string | undefined, Record<string, string>]> = [
        ['POST', '/api/v1/auth/login', JSON.stringify({ username: 'admin.pusat', password: 'x' }), { 'content-type': 'application/json' }],
        ['GET', '/api/v1/holidays', undefined, { cookie: admin.cookie ?? '' }],
        ['GET', '/readyz', undefined, {}],
      ];
      for (const lang of ['id', 'en'] as const) {
        for (const [method, path, body, headers] of cases) {
          const res = await app.request(path, { method, body, headers: { host: 'localhost', 'accept-language': lang, ...headers } });
          expect([path, res.status]).toEqual([path, 503]);
          if (path.startsWith('/api/')) {
            expect(res.headers.get('retry-after')).toBe('5');
            const json = (await res.json()) as { error: { code: string; message: string } };
            expect(json.error.code).toBe('UNAVAILABLE');
            expect(json.error.message).toMatch(lang === 'id' ? /basis data/ : /database/);
          }
        }
      }
    } finally {
      await down.close();
    }
  });
});
