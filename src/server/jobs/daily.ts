import type { Db } from '../db/pool.ts';
import { recomputeAllDates } from '../modules/wbp/bulk-dates.ts';
import { overstaySummary } from '../modules/overstay/queries.ts';
import type { DailyJob } from './runner.ts';
import { writeCheckpoint } from '../audit/checkpoint.ts';
import { defaultAlertDays } from '../modules/partners/queries.ts';
import { defaultRange, refreshAll } from '../modules/indicators/refresh.ts';
import { ensureCatalogue } from '../modules/indicators/catalogue-seed.ts';

/**
 * Days left change every day and rules may have changed: refresh every held inmate's dates. The
 * overstay spells depend on the records, not on the day, and are rebuilt with every change of an
 * inmate's records; this job builds them for everyone once (the first run after migration 0018, or
 * after a rules change deletes the 'overstay_history_built' setting). Measured on the national
 * dataset: the spells cost several engine runs per inmate (BENCHMARKS.md), too much for every night.
 */
export const recomputeDatesJob: DailyJob = {
  name: 'recompute-wbp-dates',
  async run(db: Db, today: string) {
    const built = await db.one(`SELECT 1 FROM app_setting WHERE key = 'overstay_history_built'`);
    const inmates = await recomputeAllDates(db, today, { released: !built, spells: !built });
    if (!built) await db.query(`INSERT INTO app_setting (key, value) VALUES ('overstay_history_built', 'true'::jsonb) ON CONFLICT (key) DO NOTHING`);
    return { inmates, releasedIncluded: !built };
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

/**
 * Billings whose kode billing expired yesterday without a payment (DOMAIN.md "Money: PNBP": about 7
 * days): flagged in the UPT's digest so the PNBP is billed again. Lists also show the flag on read.
 */
export const pnbpExpiredJob: DailyJob = {
  name: 'pnbp-expired',
  async run(db: Db, today: string) {
    const rows = await db.query<{ upt_id: number; kanwil_id: number; billings: unknown }>(
      `SELECT b.upt_id, b.kanwil_id,
              json_agg(json_build_object('id', b.id, 'kodeBilling', b.kode_billing, 'amountRupiah', b.amount_rupiah, 'periodMonth', b.period_month, 'expiresOn', b.expires_on) ORDER BY b.id) AS billings
         FROM pnbp_billing b
        WHERE b.expires_on = $1::date - 1
          AND coalesce((SELECT sum(p.amount_rupiah) FROM pnbp_payment p WHERE p.billing_id = b.id), 0) <= 0
        GROUP BY b.upt_id, b.kanwil_id`,
      [today],
    );
    await db.tx(async (tx) => {
      for (const r of rows) {
        await tx.query(
          `INSERT INTO digest (kind, date, upt_id, kanwil_id, data) VALUES ('pnbp_expired', $1, $2, $3, $4::jsonb)
           ON CONFLICT (kind, date, upt_id) DO UPDATE SET data = EXCLUDED.data, created_at = now()`,
          [today, r.upt_id, r.kanwil_id, JSON.stringify({ billings: r.billings })],
        );
      }
    });
    return { upts: rows.length };
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

/** The cockpit's rollups: every indicator recomputed from the records (after the dates, for overstays). */
export const indicatorRollupJob: DailyJob = {
  name: 'indicator-rollup',
  async run(db: Db, today: string) {
    // An installation seeded before the cockpit existed gets the catalogue here.
    await ensureCatalogue(db);
    const r = await refreshAll(db, { ...defaultRange(today), today, reason: 'nightly refresh' });
    return { indicators: r.indicators, rows: r.rows, ms: r.ms };
  },
};

/** A checkpoint of the audit chain each day, so a cut of the newest entries shows (see audit/checkpoint.ts). */
export const auditCheckpointJob: DailyJob = {
  name: 'audit-checkpoint',
  async run(db: Db) {
    const c = await writeCheckpoint(db, { id: null, username: 'daily job', role: 'system' });
    return { seq: c.seq, lastId: c.lastId, entries: c.entries };
  },
};

// The indicator rollup reads what the jobs before it refreshed; the checkpoint comes after every write.
export const DAILY_JOBS: DailyJob[] = [recomputeDatesJob, overstayDigestJob, pnbpExpiredJob, agreementAlertJob, indicatorRollupJob, auditCheckpointJob];
