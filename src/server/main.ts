import { existsSync } from 'node:fs';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type GiatjaApp } from './app.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase, type OpenDatabase } from './db/open.ts';
import type { Services } from './http/context.ts';
import { createLogger } from './log.ts';
import { startScheduler } from './jobs/runner.ts';
import { DAILY_JOBS } from './jobs/daily.ts';
import { seedIfEmpty, type SeedResult, type DatasetSize } from './seed/index.ts';

import { WEB_DIST } from './paths.ts';

export interface RunningServer {
  url: string;
  app: GiatjaApp;
  services: Services;
  seed: SeedResult | undefined;
  database: OpenDatabase;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Seed an empty database with this dataset; undefined skips seeding. */
  seedSize?: DatasetSize;
  seed?: number;
  /** Serve the built web app from this folder (default dist/web when it exists). */
  webDir?: string | null;
  /** Listen on a port (0 = any free port); undefined builds the app without listening. */
  listen?: boolean;
  /** Run the daily jobs' scheduler in this process (default true). */
  jobs?: boolean;
}

/** Opens the database, migrates, seeds if asked, and serves the app. */
export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.db);
    const clock = systemClock(config.today);
    const seed = opts.seedSize
      ? await seedIfEmpty(database.db, { size: opts.seedSize, demo: config.demo, seed: opts.seed ?? 2026, today: clock.today() })
      : undefined;
    const services: Services = { db: database.db, config, clock, log };
    const webDir = opts.webDir === null ? undefined : (opts.webDir ?? (existsSync(path.join(WEB_DIST, 'index.html')) ? WEB_DIST : undefined));
    const app = createApp(services, webDir ? { webDir } : {});
    const stopJobs = opts.jobs === false ? () => {} : startScheduler(database.db, clock, DAILY_JOBS, log);
    let server: ServerType | undefined;
    let url = '';
    if (opts.listen !== false) {
      server = await new Promise<ServerType>((resolve) => {
        const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      });
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      url = `http://localhost:${port}`;
    }
    return {
      url,
      app,
      services,
      seed,
      database,
      async close() {
        stopJobs();
        if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
