import type { Db } from '../db/pool.ts';
import { recomputeAllDates } from '../modules/wbp/bulk-dates.ts';
import { overstaySummary } from '../modules/overstay/queries.ts';
import type { DailyJob } from './runner.ts';
import { defaultAlertDays } from '../modules/partners/queries.ts';

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

/** Partner agreements entering their alert window: one alert per agreement and end date (a renewal gets its own). */
export const agreementAlertJob: DailyJob = {
  name: 'agreement-expiry-alerts',
  async run(db: Db, today: string) {
    const fallback = await defaultAlertDays(db);
    const rows = await db.query<{ id: number }>(
      `INSERT INTO agreement_alert (agreement_id, end_date, raised_on, days_left, upt_id, kanwil_id)
       SELECT a.id, a.end_date, $1::date, a.end_date - $1::date, a.upt_id, a.kanwil_id FROM partner_agreement a
        WHERE a.end_date >= $1::date AND a.end_date <= $1::date + COALESCE(a.alert_days, $2::int)
       ON CONFLICT (agreement_id, end_date) DO NOTHING RETURNING id`,
      [today, fallback],
    );
    return { alerts: rows.length };
  },
};

export const DAILY_JOBS: DailyJob[] = [recomputeDatesJob, overstayDigestJob, agreementAlertJob];
