import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY } from '../support/today.ts';
import { hasPostgres15, privatePostgres, removeDir, scratchDir, signIn, startApp, stopApp, waitUntil, type Http, type PrivateServer, type RunningApp } from './harness.ts';

/**
 * PostgreSQL stopped while officers work: every request answers 503 UNAVAILABLE with Retry-After
 * (never a 500, never a hang), nothing is half-written, and when the server is back the same app
 * process serves again without a restart.
 */

let pg: PrivateServer;
let app: RunningApp;
let dataDir: string;
beforeAll(async () => {
  pg = await privatePostgres(55441);
  dataDir = scratchDir('outage');
  app = await startApp(dataDir, { DATABASE_URL: pg.url });
}, 300_000);
afterAll(async () => {
  if (app) await stopApp(app);
  await pg?.remove();
  removeDir(dataDir);
});

interface Tally { statuses: Map<number, number>; bad: string[] }

/** Officers reading lists in a loop, each request bounded by a timeout. */
function load(clients: Http[], paths: string[]) {
  let running = true;
  let tally: Tally = { statuses: new Map(), bad: [] };
  const worker = async (c: Http, i: number) => {
    for (let n = i; running; n++) {
      const path = paths[n % paths.length]!;
      const started = Date.now();
      try {
        const res = await Promise.race([c.get<{ error?: { code: string } }>(path), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer in 15 s')), 15_000))]);
        tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
        // The API says UNAVAILABLE and when to retry; the readiness probe has its own short answer.
        const said = path === '/readyz' ? (res.body as { status?: string }).status === 'unavailable' : res.body.error?.code === 'UNAVAILABLE' && !!res.headers.get('retry-after');
        if (res.status === 503 && !said) tally.bad.push(`${path}: 503 ${JSON.stringify(res.body).slice(0, 200)}`);
        if (res.status !== 200 && res.status !== 503) tally.bad.push(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      } catch (err) {
        tally.bad.push(`${path}: ${(err as Error).message} after ${Date.now() - started} ms`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const done = Promise.all(clients.map(worker));
  return {
    /** The counts since the last call, and a fresh tally. */
    take(): Tally {
      const t = tally;
      tally = { statuses: new Map(), bad: [] };
      return t;
    },
    async stop() {
      running = false;
      await done;
    },
  };
}

const count = (t: Tally, status: number) => t.statuses.get(status) ?? 0;

describe.skipIf(!hasPostgres15 && !process.env.CI)('PostgreSQL stopped under load', () => {
  it('answers 503 with Retry-After while it is down and serves again when it is back, without a restart', async () => {
    const officers = await Promise.all(['operator.lapas.semarang', 'kanwil.jateng', 'admin.pusat', 'kepala.lapas.semarang'].map((u) => signIn(app.url, u)));
    const paths = ['/api/v1/wbp?q=a', '/api/v1/work/activities', '/api/v1/overstay/summary', '/api/v1/indicators', '/readyz'];
    const traffic = load(officers, paths);
    try {
      await new Promise((r) => setTimeout(r, 2_000));
      const up = traffic.take();
      expect(up.bad).toEqual([]);
      expect(count(up, 200)).toBeGreaterThan(10);

      await pg.stop();
      await new Promise((r) => setTimeout(r, 5_000));
      // A write during the outage is refused whole.
      const op = officers[0]!;
      const admin = officers[2]!;
      const write = await admin.post<{ error: { code: string } }>('/api/v1/holidays', { date: TEST_TODAY, name: 'Hari uji gangguan' });
      const down = traffic.take();
      expect(down.bad).toEqual([]);
      expect(count(down, 503)).toBeGreaterThan(10);
      expect(write.status).toBe(503);

      await pg.start();
      const backAt = Date.now();
      await waitUntil(async () => (await fetch(`${app.url}/readyz`)).status === 200, 30_000, 'readyz 200 after the server is back');
      const recoveredMs = Date.now() - backAt;
      traffic.take();
      await new Promise((r) => setTimeout(r, 3_000));
      const back = traffic.take();
      expect(back.bad).toEqual([]);
      expect(count(back, 503)).toBe(0);
      expect(count(back, 200)).toBeGreaterThan(10);
      expect(recoveredMs).toBeLessThan(30_000);
      // The sessions survived: the same signed-in officers are served.
      expect((await op.get('/api/v1/work/activities')).status).toBe(200);
      const holidays = await admin.get<unknown>('/api/v1/holidays');
      expect(holidays.status).toBe(200);
      expect(JSON.stringify(holidays.body)).not.toContain('Hari uji gangguan');
    } finally {
      await traffic.stop();
    }
    expect(app.proc.exitCode).toBeNull(); // the same process throughout
  });
});
