import path from 'node:path';

/** Everything the process reads from its environment, read once, in one place. */
export interface Config {
  port: number;
  host: string;
  /** Real PostgreSQL server; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Demo mode: seeded accounts keep their printed passwords (no forced change). */
  demo: boolean;
  /** 'auto' marks cookies Secure on https and on loopback hosts (browsers accept them there). */
  cookieSecure: 'auto' | 'always' | 'never';
  logLevel: string;
  /** Fixed "today" (YYYY-MM-DD) for demos and tests; empty means the real calendar date. */
  today: string | undefined;
  sessionTtlHours: number;
  /** Trust X-Forwarded-For/-Proto (only behind a reverse proxy that sets them). */
  trustProxy: boolean;
  /** When set, /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cookie = env.GIATJA_COOKIE_SECURE ?? 'auto';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.GIATJA_DATA_DIR ?? 'data'),
    demo: (env.GIATJA_DEMO ?? 'true') !== 'false',
    cookieSecure: cookie === 'always' || cookie === 'never' ? cookie : 'auto',
    logLevel: env.LOG_LEVEL ?? 'info',
    today: env.GIATJA_TODAY || undefined,
    sessionTtlHours: Number(env.GIATJA_SESSION_HOURS ?? 12),
    trustProxy: env.GIATJA_TRUST_PROXY === 'true',
    metricsToken: env.GIATJA_METRICS_TOKEN || undefined,
  };
}
