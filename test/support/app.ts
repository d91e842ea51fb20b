import { loadConfig, type Config } from '../../src/server/config.ts';
import { createApp, type GiatjaApp } from '../../src/server/app.ts';
import { systemClock } from '../../src/server/clock.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import type { Db } from '../../src/server/db/pool.ts';
import { createLogger } from '../../src/server/log.ts';
import { seedIfEmpty } from '../../src/server/seed/index.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/users.ts';
import { freshDatabase, type TestDatabase } from './database.ts';
import { TEST_TODAY } from './today.ts';

export { DEMO_PASSWORD };

export interface TestApp {
  app: GiatjaApp;
  db: Db;
  database: TestDatabase;
  config: Config;
  /** A client without a session. */
  anon(lang?: 'id' | 'en'): Client;
  /** A client signed in as `username` (demo password unless given). */
  as(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Res<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Client {
  cookie: string | undefined;
  csrf: string | undefined;
  request<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Res<T>>;
  get<T = unknown>(path: string): Promise<Res<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<Res<T>>;
  patch<T = unknown>(path: string, body?: unknown): Promise<Res<T>>;
  /** POST of a multipart form holding `file` as field "file". */
  upload<T = unknown>(path: string, file: File): Promise<Res<T>>;
}

/** The whole app over a fresh, migrated, demo-seeded database, driven through `app.request` (no port). */
export async function createTestApp(overrides: Partial<Config> = {}, opts: { inmates?: boolean } = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config: Config = { ...loadConfig({}), demo: true, logLevel: 'silent', today: TEST_TODAY, ...overrides };
  await migrate(database.db);
  await seedIfEmpty(database.db, { size: 'demo', demo: config.demo, seed: 2026, today: config.today ?? TEST_TODAY, inmates: opts.inmates ?? false });
  const services = { db: database.db, config, clock: systemClock(config.today), log: createLogger(config.logLevel) };
  const app = createApp(services);

  const client = (lang: 'id' | 'en' = 'id'): Client => {
    const c: Client = {
      cookie: undefined,
      csrf: undefined,
      request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
        return body === undefined ? send<T>(method, path, undefined, headers) : send<T>(method, path, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
      },
      upload<T>(path: string, file: File) {
        const form = new FormData();
        form.append('file', file);
        return send<T>('POST', path, form, {});
      },
      get: (p) => c.request('GET', p),
      post: (p, b) => c.request('POST', p, b),
      patch: (p, b) => c.request('PATCH', p, b),
    };
    /** One request with the client's session, CSRF token and language; keeps the cookie it is given. */
    const send = async <T>(method: string, path: string, body: BodyInit | undefined, headers: Record<string, string>): Promise<Res<T>> => {
      const h: Record<string, string> = { 'accept-language': lang, host: 'localhost', ...headers };
      if (c.cookie) h.cookie = c.cookie;
      if (c.csrf && method !== 'GET') h['x-csrf-token'] = c.csrf;
      const res = await app.request(path, { method, headers: h, body });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie?.startsWith('giatja_sid=')) {
        const value = setCookie.split(';')[0] ?? '';
        c.cookie = value === 'giatja_sid=' ? undefined : value;
      }
      const text = await res.text();
      const parsed = text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as T) : (text as T);
      return { status: res.status, body: parsed, headers: res.headers };
    };
    return c;
  };

  return {
    app,
    db: database.db,
    database,
    config,
    anon: client,
    async as(username, password = DEMO_PASSWORD) {
      const c = client();
      const res = await c.post<{ csrfToken: string }>('/api/v1/auth/login', { username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      c.csrf = res.body.csrfToken;
      return c;
    },
    close: () => database.drop(),
  };
}
