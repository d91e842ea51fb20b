import type { Context } from 'hono';
import type { RemissionRun, RemissionRunAction, RemissionRunCreateInput } from '../../../shared/schemas/remission.ts';
import { remisiKhususOccasion } from '../../../domain/sentence/holidays.ts';
import type { Religion } from '../../../domain/sentence/index.ts';
import { recordAudit } from '../../audit/trail.ts';
import { failpoint } from '../../failpoint.ts';
import type { Queryable } from '../../db/pool.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { invalidField, notFound, versionConflict } from '../../http/errors.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { recomputeAllDates } from '../wbp/bulk-dates.ts';
import { loadHolidays } from '../wbp/dates.ts';
import { occasionName, runItemFor } from './compute.ts';
import { loadCaseRecordsBulk } from '../wbp/bulk-dates.ts';
import type { WbpRow } from '../wbp/queries.ts';

interface RunRow {
  id: number;
  upt_id: number;
  upt_name: string;
  kanwil_id: number;
  kind: RemissionRun['kind'];
  occasion_date: string;
  occasion_name: string;
  status: RemissionRun['status'];
  decree_number: string | null;
  note: string | null;
  version: number;
  created_by_name: string | null;
  created_at: Date;
  proposed_by_name: string | null;
  proposed_at: Date | null;
  verified_by_name: string | null;
  verified_at: Date | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  rejected_by_name: string | null;
  rejected_at: Date | null;
  [key: string]: unknown;
}

const RUN_SELECT = `SELECT r.*, u.name AS upt_name, c.username AS created_by_name, p.username AS proposed_by_name,
    v.username AS verified_by_name, a.username AS approved_by_name, j.username AS rejected_by_name
  FROM remission_run r JOIN upt u ON u.id = r.upt_id
  LEFT JOIN app_user c ON c.id = r.created_by LEFT JOIN app_user p ON p.id = r.proposed_by
  LEFT JOIN app_user v ON v.id = r.verified_by LEFT JOIN app_user a ON a.id = r.approved_by LEFT JOIN app_user j ON j.id = r.rejected_by`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function findRun(db: Queryable, id: number): Promise<RemissionRun | undefined> {
  const r = await db.one<RunRow>(`${RUN_SELECT} WHERE r.id = $1`, [id]);
  if (!r) return undefined;
  const counts = await db.one<{ total: number; eligible: number; released: number; days: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE eligible)::int AS eligible,
            count(*) FILTER (WHERE released_on_day)::int AS released, COALESCE(sum(days), 0)::int AS days
       FROM remission_run_item WHERE run_id = $1`,
    [id],
  );
  return {
    id: r.id,
    uptId: r.upt_id,
    uptName: r.upt_name,
    kanwilId: r.kanwil_id,
    kind: r.kind,
    occasionDate: r.occasion_date,
    occasionName: r.occasion_name,
    status: r.status,
    decreeNumber: r.decree_number,
    note: r.note,
    version: r.version,
    counts: { total: counts?.total ?? 0, eligible: counts?.eligible ?? 0, releasedOnDay: counts?.released ?? 0, days: counts?.days ?? 0 },
    history: [
      { step: 'draft', by: r.created_by_name, at: iso(r.created_at) },
      { step: 'proposed', by: r.proposed_by_name, at: iso(r.proposed_at) },
      { step: 'verified', by: r.verified_by_name, at: iso(r.verified_at) },
      { step: 'approved', by: r.approved_by_name, at: iso(r.approved_at) },
      ...(r.rejected_at ? [{ step: 'rejected', by: r.rejected_by_name, at: iso(r.rejected_at) }] : []),
    ],
  };
}

export async function listRuns(db: Queryable, cond: string, params: unknown[]): Promise<RemissionRun[]> {
  const ids = await db.query<{ id: number }>(`SELECT r.id FROM remission_run r WHERE ${cond} ORDER BY r.occasion_date DESC, r.id DESC LIMIT 200`, params);
  const out: RemissionRun[] = [];
  for (const { id } of ids) out.push((await findRun(db, id))!);
  return out;
}

/** Computes who earns what on the occasion, for every sentenced inmate still held in the UPT. */
export async function createRun(c: Context<AppEnv>, input: RemissionRunCreateInput): Promise<number> {
  const user = currentUser(c);
  const { db } = c.get('services');
  return db.tx(async (tx) => {
    const upt = await resolveOwnUpt(c, tx, input.uptId);
    const uptId = upt.id;
    const holidays = await loadHolidays(tx);
    const name = occasionName(input.kind, input.occasionDate, holidays);
    if (!name) throw invalidField('occasionDate', 'not_an_occasion');
    if (await tx.one('SELECT 1 FROM remission_run WHERE upt_id = $1 AND kind = $2 AND occasion_date = $3', [uptId, input.kind, input.occasionDate]))
      throw invalidField('occasionDate', 'run_exists');
    const run = await tx.one<{ id: number }>(
      `INSERT INTO remission_run (upt_id, kanwil_id, kind, occasion_date, occasion_name, status, created_by)
       VALUES ($1, $2, $3, $4, $5, 'draft', $6) RETURNING id`,
      [uptId, upt.kanwil_id, input.kind, input.occasionDate, name, user.id],
    );
    const year = Number(input.occasionDate.slice(0, 4));
    const people = (
      await tx.query<WbpRow>(
        `SELECT w.*, '' AS upt_name FROM wbp w WHERE w.upt_id = $1 AND w.released_on IS NULL AND w.status IN ('narapidana', 'anak') ORDER BY w.id`,
        [uptId],
      )
    ).filter(
      // Remisi khusus: only those whose own religion's holiday falls on this date.
      (p) => input.kind !== 'khusus' || remisiKhususOccasion(holidays, (p.religion ?? 'lainnya') as Religion, year)?.date === input.occasionDate,
    );
    const records = await loadCaseRecordsBulk(tx, people.map((p) => Number(p.id)));
    const items = people.map((p) => runItemFor(p, records.get(Number(p.id))!, input.kind, input.occasionDate, holidays));
    await tx.query(
      `INSERT INTO remission_run_item (run_id, wbp_id, eligible, days, ordinal, released_on_day, expiry_before, expiry_after, reasons)
       SELECT $1, w, e, d, o, r, eb::date, ea::date, rs::jsonb
         FROM unnest($2::bigint[], $3::boolean[], $4::int[], $5::int[], $6::boolean[], $7::text[], $8::text[], $9::text[]) AS x(w, e, d, o, r, eb, ea, rs)`,
      [run!.id, items.map((i) => i.wbpId), items.map((i) => i.eligible), items.map((i) => i.days), items.map((i) => i.ordinal), items.map((i) => i.releasedOnDay),
        items.map((i) => i.expiryBefore), items.map((i) => i.expiryAfter), items.map((i) => JSON.stringify(i.reasons))],
    );
    const after = await findRun(tx, run!.id);
    await recordAudit(tx, actorOf(c), { entity: 'remission_run', entityId: run!.id, action: 'create', after, scope: { kanwilId: upt.kanwil_id, uptId } });
    return run!.id;
  });
}

const STEPS = {
  propose: { from: 'draft', to: 'proposed' },
  verify: { from: 'proposed', to: 'verified' },
  approve: { from: 'verified', to: 'approved' },
} as const;
export type RunStep = keyof typeof STEPS;

/**
 * UPT proposes → Kanwil verifies → Pusat approves with the decree number; approving writes the
 * grants and recomputes the dates. Verify and approve may reject instead, with a note. Each step
 * is its own route, so its permission is declared where the route is.
 */
export async function actOnRun(c: Context<AppEnv>, id: number, step: RunStep, input: RemissionRunAction): Promise<void> {
  const user = currentUser(c);
  const { db, clock } = c.get('services');
  await db.tx(async (tx) => {
    const before = await findRun(tx, id);
    if (!before) throw notFound();
    const t = STEPS[step];
    if (before.status !== t.from) throw invalidField('version', 'wrong_step');
    const reject = input.decision === 'reject';
    if (reject && (step === 'propose' || !input.note)) throw invalidField('note', 'required');
    if (!reject && step === 'approve' && !input.decreeNumber) throw invalidField('decreeNumber', 'required');
    const to = reject ? 'rejected' : t.to;
    const params: unknown[] = [id, input.version, user.id];
    const stamp = reject ? 'rejected' : t.to;
    const sets = `, ${stamp}_by = $3, ${stamp}_at = now()`;
    params.push(to, input.decreeNumber ?? null, input.note ?? null);
    const n = params.length;
    const ok = await tx.one(
      `UPDATE remission_run SET status = $${n - 2}, decree_number = COALESCE($${n - 1}, decree_number), note = COALESCE($${n}, note),
         version = version + 1 ${sets} WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    if (!ok) throw versionConflict();
    if (to === 'approved') {
      await tx.query(
        `INSERT INTO remission_grant (wbp_id, kind, occasion_date, days, decree_number, run_id)
         SELECT i.wbp_id, r.kind, r.occasion_date, i.days, $2, r.id
           FROM remission_run_item i JOIN remission_run r ON r.id = i.run_id WHERE i.run_id = $1 AND i.eligible AND i.days > 0
            AND NOT EXISTS (SELECT 1 FROM remission_grant g WHERE g.wbp_id = i.wbp_id AND g.kind = r.kind AND g.occasion_date = r.occasion_date
                              AND g.reversed_by IS NULL AND NOT EXISTS (SELECT 1 FROM remission_grant x WHERE x.reversed_by = g.id))`,
        [id, input.decreeNumber],
      );
      await tx.query(`UPDATE wbp SET version = version + 1, updated_at = now() WHERE id IN (SELECT wbp_id FROM remission_run_item WHERE run_id = $1 AND eligible)`, [id]);
      await recomputeAllDates(tx, clock.today(), { uptId: before.uptId });
      await failpoint('remission.grants-written');
    }
    const after = await findRun(tx, id);
    await recordAudit(tx, actorOf(c), { entity: 'remission_run', entityId: id, action: reject ? `${step}_reject` : step, before, after, scope: { kanwilId: before.kanwilId, uptId: before.uptId } });
  });
}

export async function runItems(db: Queryable, id: number) {
  const rows = await db.query<{
    wbp_id: number; no_register: string; name: string; eligible: boolean; days: number; ordinal: number | null;
    released_on_day: boolean; expiry_before: string | null; expiry_after: string | null; reasons: Array<{ id: string; en: string }>;
  }>(
    `SELECT i.*, w.no_register, w.name FROM remission_run_item i JOIN wbp w ON w.id = i.wbp_id
      WHERE i.run_id = $1 ORDER BY i.eligible DESC, i.released_on_day DESC, w.name_search`,
    [id],
  );
  return rows.map((r) => ({
    wbpId: r.wbp_id,
    noRegister: r.no_register,
    name: r.name,
    eligible: r.eligible,
    days: r.days,
    ordinal: r.ordinal,
    releasedOnDay: r.released_on_day,
    expiryBefore: r.expiry_before,
    expiryAfter: r.expiry_after,
    reasons: r.reasons,
  }));
}

