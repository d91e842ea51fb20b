import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/pool.ts';

export interface DailyJob {
  name: string;
  run(db: Db, today: string, log: Logger): Promise<Record<string, unknown>>;
}

/** A failed run may be claimed again after this long. */
const RETRY_AFTER_MINUTES = 10;

/**
 * Claims today's run of a job through the database: of all processes ticking at once, exactly one
 * inserts (or re-claims a failed run) and runs it. Returns whether this process ran it.
 */
export async function runDailyJob(db: Db, job: DailyJob, today: string, log: Logger): Promise<boolean> {
  const claimed = await db.one(
    `INSERT INTO job_run (name, run_date, status) VALUES ($1, $2, 'running')
     ON CONFLICT (name, run_date) DO UPDATE SET status = 'running', started_at = now(), finished_at = NULL
       WHERE job_run.status = 'failed' AND job_run.started_at < now() - make_interval(mins => $3)
     RETURNING name`,
    [job.name, today, RETRY_AFTER_MINUTES],
  );
  if (!claimed) return false;
  try {
    const detail = await job.run(db, today, log);
    await db.query(`UPDATE job_run SET status = 'done', finished_at = now(), detail = $3::jsonb WHERE name = $1 AND run_date = $2`, [
      job.name, today, JSON.stringify(detail),
    ]);
    log.info({ job: job.name, today, ...detail }, 'job done');
  } catch (err) {
    await db.query(`UPDATE job_run SET status = 'failed', finished_at = now(), detail = $3::jsonb WHERE name = $1 AND run_date = $2`, [
      job.name, today, JSON.stringify({ error: (err as Error).message }),
    ]);
    log.error({ job: job.name, err }, 'job failed');
  }
  return true;
}

/** Ticks every minute; each daily job runs once per calendar day across all processes. */
export function startScheduler(db: Db, clock: Clock, jobs: DailyJob[], log: Logger, everyMs = 60_000): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const job of jobs) await runDailyJob(db, job, clock.today(), log);
    } catch (err) {
      log.error({ err }, 'scheduler tick failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
