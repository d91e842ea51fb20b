import type { Context } from 'hono';
import { covers, scopeCondition, type UserScope } from '../../../shared/access/scope.ts';
import { reportDeadline } from '../../../domain/indicators/index.ts';
import { zoneOfProvince } from '../../../domain/org/time-zone.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { invalidField, notFound, versionConflict } from '../../http/errors.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { reportFigures, type ReportFigures } from './figures.ts';

export type ReportStatus = 'draft' | 'submitted' | 'verified' | 'returned' | 'received';
export type ReportStep = 'submit' | 'verify' | 'return' | 'receive';

interface ReportRow {
  id: number;
  upt_id: number;
  kanwil_id: number;
  month: string;
  status: ReportStatus;
  commentary: { summary?: string; obstacles?: string; plans?: string };
  snapshot: ReportFigures | null;
  return_reason: string | null;
  version: number;
  upt_name: string;
  kanwil_name: string;
  [key: string]: unknown;
}

const SELECT = `SELECT r.*, u.name AS upt_name, k.name AS kanwil_name, u.place AS upt_place, k.province_code,
    sb.full_name AS submitted_by_full, sb.nip AS submitted_by_nip, vb.full_name AS verified_by_full, vb.nip AS verified_by_nip,
    cb.username AS created_by_name, sb.username AS submitted_by_name, vb.username AS verified_by_name,
    rb.username AS returned_by_name, xb.username AS received_by_name
  FROM monthly_report r JOIN upt u ON u.id = r.upt_id JOIN kanwil k ON k.id = r.kanwil_id
  LEFT JOIN app_user cb ON cb.id = r.created_by LEFT JOIN app_user sb ON sb.id = r.submitted_by
  LEFT JOIN app_user vb ON vb.id = r.verified_by LEFT JOIN app_user rb ON rb.id = r.returned_by LEFT JOIN app_user xb ON xb.id = r.received_by`;

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);

export async function deadlineDay(q: Queryable): Promise<number> {
  const r = await q.one<{ value: number }>(`SELECT value FROM app_setting WHERE key = 'report_deadline_day'`);
  const d = Number(r?.value ?? 5);
  return Number.isInteger(d) && d >= 1 && d <= 28 ? d : 5;
}

/** Audit entries that are not records behind a figure (sign-ins, users, the reports themselves). */
const NOT_RECORDS = ['monthly_report', 'auth', 'app_user', 'audit_checkpoint', 'system'];

/** Records written in a UPT after its figures were computed and up to `until` (they are not in the figures yet). */
async function writesAfter(q: Queryable, uptId: number, refreshedAt: string | null, until: string | null): Promise<number> {
  if (!refreshedAt) return 0;
  const r = await q.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE scope_upt_id = $1 AND at > $2::timestamptz AND ($3::timestamptz IS NULL OR at <= $3::timestamptz)
        AND entity <> ALL($4::text[])`,
    [uptId, refreshedAt, until, NOT_RECORDS],
  );
  return r?.n ?? 0;
}

/** Lines whose frozen figure is no longer what the records give for the month. */
function changedLines(frozen: ReportFigures, now: ReportFigures) {
  const current = new Map(now.lines.map((l) => [l.code, l]));
  return frozen.lines.flatMap((l) => {
    const c = current.get(l.code);
    if (!c || (c.month === l.month && c.toDate === l.toDate)) return [];
    return [{ code: l.code, name: l.name, frozen: { month: l.month, toDate: l.toDate, light: l.light }, now: { month: c.month, toDate: c.toDate, light: c.light } }];
  });
}

/**
 * A report with its figures: live from the rollups while a draft or returned, frozen once submitted.
 * `freshness` says what the figures may miss: records written after the rollup was computed (up to
 * the submission for a frozen report), and, for a frozen report, the lines the records now give
 * differently (a record dated in the month added or corrected after submission).
 */
export async function findReport(q: Queryable, id: number, today: string) {
  const r = await q.one<ReportRow>(`${SELECT} WHERE r.id = $1`, [id]);
  if (!r) return undefined;
  const live = r.status === 'draft' || r.status === 'returned';
  const liveFigures = await reportFigures(q, { level: 'upt', kanwilId: r.kanwil_id, uptId: r.upt_id }, r.month, today);
  const figures = live || !r.snapshot ? liveFigures : r.snapshot;
  const frozen = !live && !!r.snapshot;
  const freshness = {
    refreshedAt: figures.refreshedAt,
    writesAfterRefresh: await writesAfter(q, r.upt_id, figures.refreshedAt, frozen ? iso(r.submitted_at) : null),
    changedSinceSubmission: frozen ? changedLines(r.snapshot!, liveFigures) : [],
  };
  const person = (name: unknown, nip: unknown, at: unknown) => ({ name: (name as string | null) ?? null, nip: (nip as string | null) ?? null, at: iso(at) });
  const deadline = reportDeadline(r.month, await deadlineDay(q));
  const submittedOn = r.submitted_at ? iso(r.submitted_at)!.slice(0, 10) : null;
  return {
    id: r.id,
    uptId: r.upt_id,
    uptName: r.upt_name,
    kanwilId: r.kanwil_id,
    kanwilName: r.kanwil_name,
    month: r.month,
    status: r.status,
    commentary: { summary: r.commentary.summary ?? '', obstacles: r.commentary.obstacles ?? '', plans: r.commentary.plans ?? '' },
    returnReason: r.return_reason,
    version: r.version,
    deadline,
    late: submittedOn ? submittedOn > deadline : today > deadline,
    figuresFrozen: frozen,
    figures,
    freshness,
    zone: zoneOfProvince(r.province_code as string | null),
    place: (r.upt_place as string | null) ?? null,
    approval: { submittedBy: person(r.submitted_by_full, r.submitted_by_nip, r.submitted_at), verifiedBy: person(r.verified_by_full, r.verified_by_nip, r.verified_at) },
    history: [
      { step: 'draft', by: r.created_by_name, at: iso(r.created_at) },
      { step: 'submitted', by: r.submitted_by_name, at: iso(r.submitted_at) },
      { step: 'returned', by: r.returned_by_name, at: iso(r.returned_at) },
      { step: 'verified', by: r.verified_by_name, at: iso(r.verified_at) },
      { step: 'received', by: r.received_by_name, at: iso(r.received_at) },
    ].filter((h) => h.at),
  };
}
export type Report = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export async function listReports(q: Queryable, scope: UserScope, query: { month: string; kanwilId?: number; status?: string }) {
  const params: unknown[] = [query.month];
  const conds = ['r.month = $1', scopeCondition(scope, { kanwil: 'r.kanwil_id', upt: 'r.upt_id' }, params)];
  if (query.kanwilId) conds.push(`r.kanwil_id = $${params.push(query.kanwilId)}`);
  if (query.status) conds.push(`r.status = $${params.push(query.status)}`);
  return q.query(
    `SELECT r.id, r.upt_id AS "uptId", u.name AS "uptName", r.kanwil_id AS "kanwilId", k.name AS "kanwilName", r.month, r.status,
            r.version, r.submitted_at AS "submittedAt", r.return_reason AS "returnReason"
       FROM monthly_report r JOIN upt u ON u.id = r.upt_id JOIN kanwil k ON k.id = r.kanwil_id
      WHERE ${conds.join(' AND ')} ORDER BY k.name, u.name LIMIT 1000`,
    params,
  );
}

/**
 * UPTs in scope whose report for the month is missing or not yet submitted, and those submitted
 * after the deadline (day N of the next month, setting `report_deadline_day`).
 */
export async function lateReports(q: Queryable, scope: UserScope, month: string, today: string) {
  const deadline = reportDeadline(month, await deadlineDay(q));
  const params: unknown[] = [month];
  const cond = scopeCondition(scope, { kanwil: 'u.kanwil_id', upt: 'u.id' }, params);
  const rows = await q.query<{ uptId: number; uptName: string; kanwilId: number; kanwilName: string; status: string | null; submittedAt: string | null; reportId: number | null }>(
    `SELECT u.id AS "uptId", u.name AS "uptName", u.kanwil_id AS "kanwilId", k.name AS "kanwilName", r.status, r.submitted_at AS "submittedAt", r.id AS "reportId"
       FROM upt u JOIN kanwil k ON k.id = u.kanwil_id LEFT JOIN monthly_report r ON r.upt_id = u.id AND r.month = $1
      WHERE u.active AND u.type NOT IN ('rs') AND ${cond} ORDER BY k.name, u.name`,
    params,
  );
  const overdue = today > deadline;
  const items = rows
    .map((r) => {
      const submittedOn = r.submittedAt ? new Date(r.submittedAt).toISOString().slice(0, 10) : null;
      const missing = !r.status || r.status === 'draft' || r.status === 'returned';
      const late = submittedOn ? submittedOn > deadline : overdue;
      return { ...r, submittedAt: submittedOn, missing, late };
    })
    .filter((r) => r.missing || r.late);
  const byKanwil = new Map<number, { kanwilId: number; kanwilName: string; missing: number; late: number; upts: number }>();
  for (const r of rows) {
    const k = byKanwil.get(r.kanwilId) ?? byKanwil.set(r.kanwilId, { kanwilId: r.kanwilId, kanwilName: r.kanwilName, missing: 0, late: 0, upts: 0 }).get(r.kanwilId)!;
    k.upts += 1;
  }
  for (const r of items) {
    const k = byKanwil.get(r.kanwilId)!;
    if (r.missing) k.missing += 1;
    if (r.late) k.late += 1;
  }
  return { month, deadline, overdue, upts: rows.length, items, byKanwil: [...byKanwil.values()] };
}

export async function createReport(c: Context<AppEnv>, input: { uptId?: number; month: string }) {
  const { db, clock } = c.get('services');
  const today = clock.today();
  if (input.month > `${today.slice(0, 7)}-01`) throw invalidField('month', 'month_not_over');
  return db.tx(async (tx) => {
    const upt = await resolveOwnUpt(c, tx, input.uptId);
    if (await tx.one('SELECT 1 FROM monthly_report WHERE upt_id = $1 AND month = $2', [upt.id, input.month])) throw invalidField('month', 'report_exists');
    const r = await tx.one<{ id: number }>(
      `INSERT INTO monthly_report (upt_id, kanwil_id, month, status, created_by) VALUES ($1, $2, $3, 'draft', $4) RETURNING *`,
      [upt.id, upt.kanwil_id, input.month, currentUser(c).id],
    );
    await recordAudit(tx, actorOf(c), { entity: 'monthly_report', entityId: r!.id, action: 'create', after: r, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
    return r!.id;
  });
}

async function lockReport(tx: Queryable, id: number, version: number) {
  const r = await tx.one<ReportRow>('SELECT * FROM monthly_report WHERE id = $1 FOR UPDATE', [id]);
  if (!r) throw notFound();
  if (r.version !== version) throw versionConflict();
  return r;
}

export async function updateCommentary(c: Context<AppEnv>, id: number, input: { version: number; commentary: { summary: string; obstacles: string; plans: string } }) {
  await c.get('services').db.tx(async (tx) => {
    const before = await lockReport(tx, id, input.version);
    if (before.status !== 'draft' && before.status !== 'returned') throw invalidField('version', 'wrong_step');
    const after = await tx.one(
      `UPDATE monthly_report SET commentary = $2::jsonb, version = version + 1 WHERE id = $1 RETURNING id, status, commentary, version`,
      [id, JSON.stringify(input.commentary)],
    );
    await recordAudit(tx, actorOf(c), { entity: 'monthly_report', entityId: id, action: 'update', before: { commentary: before.commentary, version: before.version }, after, scope: { kanwilId: before.kanwil_id, uptId: before.upt_id } });
  });
}

const STEPS: Record<ReportStep, { from: ReportStatus[]; to: ReportStatus; set: string }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', set: 'submitted_by = $2, submitted_at = now(), snapshot = $3::jsonb, return_reason = NULL' },
  verify: { from: ['submitted'], to: 'verified', set: 'verified_by = $2, verified_at = now()' },
  return: { from: ['submitted', 'verified'], to: 'returned', set: 'returned_by = $2, returned_at = now(), return_reason = $3' },
  receive: { from: ['verified'], to: 'received', set: 'received_by = $2, received_at = now()' },
};

/**
 * The report's workflow: the UPT head submits (the figures are frozen then), the Kanwil verifies
 * or returns it with a reason, Pusat receives it. Each step checks the version the user saw.
 */
export async function stepReport(c: Context<AppEnv>, id: number, step: ReportStep, input: { version: number; reason?: string }) {
  const { db, clock } = c.get('services');
  await db.tx(async (tx) => {
    const before = await lockReport(tx, id, input.version);
    const s = STEPS[step];
    if (!s.from.includes(before.status)) throw invalidField('version', 'wrong_step');
    if (!covers(currentUser(c).scope, { kanwilId: before.kanwil_id, uptId: before.upt_id })) throw invalidField('version', 'wrong_step');
    const third =
      step === 'submit'
        ? JSON.stringify(await reportFigures(tx, { level: 'upt', kanwilId: before.kanwil_id, uptId: before.upt_id }, before.month, clock.today()))
        : step === 'return' ? input.reason ?? null : undefined;
    const params: unknown[] = [id, currentUser(c).id];
    if (third !== undefined) params.push(third);
    const after = await tx.one(`UPDATE monthly_report SET status = '${s.to}', ${s.set}, version = version + 1 WHERE id = $1 RETURNING id, status, version, return_reason`, params);
    await recordAudit(tx, actorOf(c), { entity: 'monthly_report', entityId: id, action: step, before: { status: before.status, version: before.version }, after, scope: { kanwilId: before.kanwil_id, uptId: before.upt_id } });
  });
}
