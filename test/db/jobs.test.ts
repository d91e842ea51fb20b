import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyJob, type DailyJob } from '../../src/server/jobs/runner.ts';
import { overstayDigestJob, recomputeDatesJob } from '../../src/server/jobs/daily.ts';
import { createLogger } from '../../src/server/log.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const log = createLogger('silent');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ today: '2026-11-25' }, { inmates: true });
});
afterAll(() => t.close());

describe('daily jobs', () => {
  it('run once per day however many processes tick together', async () => {
    let runs = 0;
    const job: DailyJob = { name: 'probe', run: async () => ({ n: ++runs }) };
    const claimed = await Promise.all([1, 2, 3].map(() => runDailyJob(t.db, job, '2026-11-25', log)));
    expect(claimed.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    expect(await runDailyJob(t.db, job, '2026-11-26', log)).toBe(true);
  });

  it('retry a failed run only after a pause', async () => {
    let fail = true;
    const job: DailyJob = {
      name: 'flaky',
      run: async () => {
        if (fail) throw new Error('boom');
        return {};
      },
    };
    expect(await runDailyJob(t.db, job, '2026-11-25', log)).toBe(true);
    fail = false;
    expect(await runDailyJob(t.db, job, '2026-11-25', log)).toBe(false);
    await t.db.query(`UPDATE job_run SET started_at = now() - interval '1 hour' WHERE name = 'flaky'`);
    expect(await runDailyJob(t.db, job, '2026-11-25', log)).toBe(true);
    expect((await t.db.one<{ status: string }>(`SELECT status FROM job_run WHERE name = 'flaky'`))!.status).toBe('done');
  });

  it('write the overstay digest and refresh every held inmate’s dates', async () => {
    expect(await runDailyJob(t.db, recomputeDatesJob, '2026-11-25', log)).toBe(true);
    const held = (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM wbp WHERE released_on IS NULL'))!.n;
    const detail = (await t.db.one<{ detail: { inmates: number } }>(`SELECT detail FROM job_run WHERE name = 'recompute-wbp-dates'`))!.detail;
    expect(detail.inmates).toBe(held);
    await runDailyJob(t.db, overstayDigestJob, '2026-11-25', log);
    const digests = await t.db.query<{ data: { overstayDetention: number; overstayExpiry: number } }>(`SELECT data FROM digest WHERE date = '2026-11-25'`);
    expect(digests.length).toBeGreaterThan(0);
    const op = await t.as('operator.lapas.semarang');
    const summary = await op.get<{ totals: { overstay: number } }>('/api/v1/overstay/summary');
    const digest = await op.get<{ items: Array<{ overstayDetention: number; overstayExpiry: number }> }>('/api/v1/overstay/digest');
    expect(digest.body.items).toHaveLength(1);
    expect(digest.body.items[0]!.overstayDetention + digest.body.items[0]!.overstayExpiry).toBe(summary.body.totals.overstay);
  });
});
