import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../src/server/config.ts';
import { startServer, type RunningServer } from '../src/server/main.ts';
import { ensureWebBuild } from '../src/server/web-build.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2E {
  server: RunningServer;
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/**
 * A real app (built web UI, embedded PostgreSQL seeded with the demo, or DATABASE_URL) on a free
 * port, and a headless Chromium. The web app is built first if missing or stale. The demo is
 * seeded relative to the app's "today".
 */
export async function startE2E(opts: { today?: string } = {}): Promise<E2E> {
  await ensureWebBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'giatja-e2e-'));
  // "today" is the suite's fixed GIATJA_TODAY unless a test asks for another ('' = the real date).
  const today = opts.today ?? process.env.GIATJA_TODAY;
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', GIATJA_DATA_DIR: dataDir, GIATJA_DEMO: 'true', GIATJA_TODAY: today };
  const config = { ...loadConfig(env), logLevel: 'warn' };
  const server = await startServer(config, { seedSize: 'demo' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    server,
    browser,
    url: server.url.replace('localhost', '127.0.0.1'),
    async close() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const DEMO_PASSWORD = 'Kemandirian2026';

export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/masuk`);
  await page.getByLabel(/nama pengguna/i).fill(username);
  await page.getByLabel(/kata sandi/i).fill(password);
  await page.getByRole('button', { name: /masuk/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
}
