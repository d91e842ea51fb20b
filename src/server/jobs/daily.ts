import type { Db } from '../db/pool.ts';
import { recomputeAllDates } from '../modules/wbp/bulk-dates.ts';
import { overstaySummary } from '../modules/overstay/queries.ts';
import type { DailyJob } from './runner.ts';
import { defaultRange, refreshAll } from '../modules/indicators/refresh.ts';
import { ensureCatalogue } from '../modules/indicators/catalogue-seed.ts';

/** Days left change every day and rules may have changed: refresh every held inmate's dates. */
export const recomputeDatesJob: DailyJob = {
  name: 'recompute-wbp-dates',
  async run(db: Db, today: string) {
    return { inmates: await recomputeAllDates(db, today) };
  },
};

/** The morning digest per UPT: overstays and orders ending within the warning thresholds. */
export const overstayDigestJob: DailyJob = {
  name: 'overstay-digest',
  async run(db: Db, today: string) {
    const summary = await overstaySummary(db, { level: 'national' }, today);
    const rows = summary.rows.filter((r) => r.overstayDetention + r.overstayExpiry + r.due10 > 0);
    await db.tx(async (tx) => {
      for (const r of rows) {
        await tx.query(
          `INSERT INTO digest (kind, date, upt_id, kanwil_id, data) VALUES ('overstay', $1, $2, $3, $4::jsonb)
           ON CONFLICT (kind, date, upt_id) DO UPDATE SET data = EXCLUDED.data, created_at = now()`,
          [today, r.uptId, r.kanwilId, JSON.stringify({ ...r, warningDays: summary.warningDays })],
        );
      }
    });
    return { upts: rows.length, overstay: summary.totals.overstay };
  },
};

/** The cockpit's rollups: every indicator recomputed from the records (after the dates, for overstays). */
export const indicatorRollupJob: DailyJob = {
  name: 'indicator-rollup',
  async run(db: Db, today: string) {
    // An installation seeded before the cockpit existed gets the catalogue here.
    await ensureCatalogue(db);
    const r = await refreshAll(db, { ...defaultRange(today), today });
    return { indicators: r.indicators, rows: r.rows, ms: r.ms };
  },
};

export const DAILY_JOBS: DailyJob[] = [recomputeDatesJob, overstayDigestJob, indicatorRollupJob];
