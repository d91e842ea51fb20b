import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { premiForDay, type PayRule } from '../../../domain/premi/pay-rules.ts';
import { applyAllPresent, ATTENDANCE_REASONS, isAttendanceReasonCode, type AttendanceReasonCode } from '../../../domain/work/attendance.ts';
import { AttendanceInput, AttendanceQuery } from '../../../shared/schemas/work.ts';
import { recordAudit } from '../../audit/trail.ts';
import { failpoint } from '../../failpoint.ts';
import type { Queryable } from '../../db/pool.ts';
import { targetRoute } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { invalidField, notFound, versionConflict } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { ActivityParams, activityIdOf, activityTarget, tags } from './activities.ts';
import { findActivity, payRules } from './activity-queries.ts';

const Sheet = z.object({
  activityId: z.number().int(),
  date: z.string(),
  session: z.string(),
  version: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  reasons: z.array(z.object({ code: z.string(), pay: z.boolean(), label: z.object({ id: z.string(), en: z.string() }) })),
  rows: z.array(z.object({ wbpId: z.number().int(), noRegister: z.string(), name: z.string(), reason: z.string().nullable(), paid: z.boolean().nullable() })),
});

const getRoute = defineRoute({
  method: 'get', path: '/work/activities/{activityId}/attendance', tags, summary: 'Lembar absensi / attendance sheet',
  access: targetRoute('work.read', activityTarget), request: { params: ActivityParams, query: AttendanceQuery },
  responses: { 200: jsonOk(Sheet, 'Everyone allocated on that day, with the marks saved so far'), ...errorResponses },
});
const saveRoute = defineRoute({
  method: 'put', path: '/work/activities/{activityId}/attendance', tags,
  summary: 'Simpan absensi: semua hadir kecuali… / save attendance: all present except…',
  description: 'Everyone allocated is present unless listed in `exceptions` with another reason. A resubmission with the same clientKey (after a dropped connection) changes nothing; a stale `version` answers 409. Premi for the day is posted to each inmate’s ledger (corrections by reversal) and the monthly rollup is updated in the same transaction.',
  access: targetRoute('work.write', activityTarget), request: { params: ActivityParams, body: jsonBody(AttendanceInput) },
  // Up to 5,000 exceptions on one sheet.
  bodyLimit: 1024 * 1024,
  responses: { 200: jsonOk(Sheet, 'The saved sheet'), ...errorResponses },
});

async function allocatedOn(db: Queryable, activityId: number, date: string) {
  return db.query<{ wbp_id: number; no_register: string; name: string }>(
    `SELECT a.wbp_id, w.no_register, w.name FROM work_allocation a JOIN wbp w ON w.id = a.wbp_id
      WHERE a.activity_id = $1 AND a.status IN ('active', 'ended') AND a.start_date <= $2 AND (a.end_date IS NULL OR a.end_date > $2)
        AND (w.released_on IS NULL OR w.released_on > $2)
      ORDER BY w.name_search, w.id`,
    [activityId, date],
  );
}

async function loadSheet(db: Queryable, activityId: number, date: string, session: string): Promise<z.infer<typeof Sheet>> {
  const sheet = await db.one<{ version: number; submitted_at: Date }>('SELECT version, submitted_at FROM attendance_sheet WHERE activity_id = $1 AND date = $2 AND session = $3', [activityId, date, session]);
  const marks = new Map(
    (await db.query<{ wbp_id: number; reason: string; paid: boolean }>('SELECT wbp_id, reason, paid FROM attendance WHERE activity_id = $1 AND date = $2 AND session = $3', [activityId, date, session])).map((m) => [
      Number(m.wbp_id),
      m,
    ]),
  );
  return {
    activityId,
    date,
    session,
    version: sheet?.version ?? null,
    submittedAt: sheet ? new Date(sheet.submitted_at).toISOString() : null,
    reasons: ATTENDANCE_REASONS.map((r) => ({ code: r.code, pay: r.pay, label: r.label })),
    rows: (await allocatedOn(db, activityId, date)).map((p) => ({
      wbpId: Number(p.wbp_id), noRegister: p.no_register, name: p.name, reason: marks.get(Number(p.wbp_id))?.reason ?? null, paid: marks.get(Number(p.wbp_id))?.paid ?? null,
    })),
  };
}

/**
 * Posts the day's premi for one activity: what the pay rule gives for all of that day's sheets,
 * minus what the ledger already holds for it. A difference reverses the previous earning and posts
 * the new amount, so the ledger shows every correction.
 */
async function postPremi(tx: Queryable, activity: { id: number; upt_id: number; kanwil_id: number }, date: string, userId: number): Promise<void> {
  const rules = (await payRules(tx, activity.id)).map<PayRule>((r) => ({ effectiveFrom: r.effective_from, kind: r.kind, rateRupiah: r.rate_rupiah, ...(r.hours_per_session ? { hoursPerSession: r.hours_per_session } : {}) }));
  const rows = await tx.query<{ wbp_id: number; reason: AttendanceReasonCode; paid: boolean; session: 'pagi' | 'siang'; pieces: number | null; hours: number | null }>(
    'SELECT wbp_id, reason, paid, session, pieces, hours FROM attendance WHERE activity_id = $1 AND date = $2',
    [activity.id, date],
  );
  // Pieces and hours recorded on the sheet rows (summed over the day's sessions) feed piece and hourly rules.
  const pieces = new Map<string, number>();
  const hours = new Map<string, number>();
  for (const r of rows) {
    if (r.pieces != null) pieces.set(String(r.wbp_id), (pieces.get(String(r.wbp_id)) ?? 0) + r.pieces);
    if (r.hours != null && r.paid) hours.set(String(r.wbp_id), (hours.get(String(r.wbp_id)) ?? 0) + r.hours);
  }
  const day = premiForDay({ date, rows: rows.map((r) => ({ wbpId: String(r.wbp_id), reason: r.reason, paid: r.paid, session: r.session })), rules, pieces, hours });
  const desired = new Map(day.amounts.map((a) => [Number(a.wbpId), a.amountRupiah]));
  const reference = `attendance:${activity.id}:${date}`;
  const held = await tx.query<{ wbp_id: number; net: number; last_earning: number | null; earnings: number }>(
    `SELECT wbp_id, sum(amount_rupiah)::bigint AS net, count(*) FILTER (WHERE kind = 'earning')::int AS earnings,
            max(id) FILTER (WHERE kind = 'earning' AND NOT EXISTS (SELECT 1 FROM premi_entry r WHERE r.reverses = premi_entry.id)) AS last_earning
       FROM premi_entry WHERE reference = $1 GROUP BY wbp_id`,
    [reference],
  );
  const current = new Map(held.map((h) => [Number(h.wbp_id), h]));
  const reversals: Array<[number, number]> = [];
  const earnings: Array<[number, number, number]> = [];
  for (const wbpId of new Set([...desired.keys(), ...current.keys()])) {
    const want = desired.get(wbpId) ?? 0;
    const have = current.get(wbpId);
    if ((have?.net ?? 0) === want) continue;
    if (have?.last_earning) reversals.push([wbpId, Number(have.last_earning)]);
    if (want > 0) earnings.push([wbpId, want, (have?.earnings ?? 0) + 1]);
  }
  if (reversals.length) {
    await tx.query(
      `INSERT INTO premi_entry (wbp_id, upt_id, kanwil_id, date, kind, amount_rupiah, reverses, reference, created_by)
       SELECT e.wbp_id, e.upt_id, e.kanwil_id, $2, 'reversal', -e.amount_rupiah, e.id, e.reference, $3 FROM premi_entry e WHERE e.id = ANY($1::bigint[])`,
      [reversals.map((r) => r[1]), date, userId],
    );
  }
  if (earnings.length) {
    await tx.query(
      `INSERT INTO premi_entry (wbp_id, upt_id, kanwil_id, date, kind, amount_rupiah, source, reference, created_by)
       SELECT w, $3, $4, $5, 'earning', a, $6 || ':' || n, $6, $7 FROM unnest($1::bigint[], $2::bigint[], $8::int[]) AS x(w, a, n)`,
      [earnings.map((e) => e[0]), earnings.map((e) => e[1]), activity.upt_id, activity.kanwil_id, date, reference, userId, earnings.map((e) => e[2])],
    );
  }
}

export function attendanceRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(getRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await loadSheet(c.get('services').db, activityIdOf(c), q.date, q.session), 200);
  });
  app.openapi(saveRoute, async (c) => {
    const input = c.req.valid('json');
    const id = activityIdOf(c);
    const { db, clock } = c.get('services');
    if (input.date > clock.today()) throw invalidField('date', 'date_in_future');
    for (const [i, e] of input.exceptions.entries()) if (!isAttendanceReasonCode(e.reason)) throw invalidField(`exceptions.${i}.reason`, 'invalid_option');
    await db.tx(async (tx) => {
      const activity = await findActivity(tx, id);
      if (!activity) throw notFound();
      if (!activity.sessions.includes(input.session)) throw invalidField('session', 'invalid_option');
      // One writer per sheet at a time: a concurrent resend waits here, then finds the sheet saved
      // with its client key and returns it (a row lock cannot do this for a sheet not yet created).
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('attendance_sheet'), hashtext($1))`, [`${id}:${input.date}:${input.session}`]);
      const sheet = await tx.one<{ version: number; client_key: string | null }>(
        'SELECT version, client_key FROM attendance_sheet WHERE activity_id = $1 AND date = $2 AND session = $3 FOR UPDATE',
        [id, input.date, input.session],
      );
      if (sheet && sheet.client_key === input.clientKey) return; // the same submission again: already saved
      if (sheet && sheet.version !== input.version) throw versionConflict();
      const allocated = (await allocatedOn(tx, id, input.date)).map((p) => String(p.wbp_id));
      const allowed = new Set(allocated);
      const exceptions = new Map<string, AttendanceReasonCode>();
      for (const [i, e] of input.exceptions.entries()) {
        if (!allowed.has(String(e.wbpId))) throw invalidField(`exceptions.${i}.wbpId`, 'not_eligible');
        exceptions.set(String(e.wbpId), e.reason as AttendanceReasonCode);
      }
      const extra = new Map(input.exceptions.map((e) => [String(e.wbpId), e]));
      const rows = applyAllPresent(allocated, exceptions);
      const before = await tx.query<{ reason: string; paid: boolean }>('SELECT reason, paid FROM attendance WHERE activity_id = $1 AND date = $2 AND session = $3', [id, input.date, input.session]);
      if (sheet) await tx.query('DELETE FROM attendance WHERE activity_id = $1 AND date = $2 AND session = $3', [id, input.date, input.session]);
      await tx.query(
        `INSERT INTO attendance_sheet (activity_id, date, session, upt_id, kanwil_id, submitted_by, client_key) VALUES ($1,$2,$3,$4,$5,$6,$7)
         ON CONFLICT (activity_id, date, session) DO UPDATE SET submitted_by = EXCLUDED.submitted_by, submitted_at = now(),
           client_key = EXCLUDED.client_key, version = attendance_sheet.version + 1`,
        [id, input.date, input.session, activity.upt_id, activity.kanwil_id, currentUser(c).id, input.clientKey],
      );
      await tx.query(
        `INSERT INTO attendance (activity_id, date, session, wbp_id, upt_id, reason, paid, hours, pieces)
         SELECT $1, $2, $3, w, $4, r, p, h, pc FROM unnest($5::bigint[], $6::text[], $7::boolean[], $8::int[], $9::int[]) AS x(w, r, p, h, pc)`,
        [id, input.date, input.session, activity.upt_id, rows.map((r) => Number(r.wbpId)), rows.map((r) => r.reason), rows.map((r) => r.paid),
          rows.map((r) => extra.get(r.wbpId)?.hours ?? null), rows.map((r) => extra.get(r.wbpId)?.pieces ?? null)],
      );
      // The month's rollup moves by the difference, in this same transaction.
      const count = (list: Array<{ reason: string; paid: boolean }>) => [list.length, list.filter((r) => r.reason === 'hadir').length, list.filter((r) => r.paid).length];
      const [dn, dp, dpaid] = count(rows).map((v, i) => v - (count(before)[i] ?? 0));
      await tx.query(
        `INSERT INTO work_month_rollup (upt_id, kanwil_id, month, category, attendance_rows, present_rows, paid_rows)
         VALUES ($1, $2, date_trunc('month', $3::date)::date, $4, $5, $6, $7)
         ON CONFLICT (upt_id, month, category) DO UPDATE SET attendance_rows = work_month_rollup.attendance_rows + EXCLUDED.attendance_rows,
           present_rows = work_month_rollup.present_rows + EXCLUDED.present_rows, paid_rows = work_month_rollup.paid_rows + EXCLUDED.paid_rows`,
        [activity.upt_id, activity.kanwil_id, input.date, activity.category, dn, dp, dpaid],
      );
      await postPremi(tx, activity, input.date, currentUser(c).id);
      await failpoint('attendance.rows-written');
      const summary = (list: Array<{ reason: string }>) => Object.fromEntries(ATTENDANCE_REASONS.map((r) => [r.code, list.filter((x) => x.reason === r.code).length]).filter(([, n]) => Number(n) > 0));
      await recordAudit(tx, actorOf(c), {
        entity: 'attendance_sheet', entityId: `${id}:${input.date}:${input.session}`, action: sheet ? 'correct' : 'submit',
        before: sheet ? summary(before) : null, after: { ...summary(rows), exceptions: input.exceptions },
        scope: { kanwilId: activity.kanwil_id, uptId: activity.upt_id },
      });
    });
    return c.json(await loadSheet(db, id, input.date, input.session), 200);
  });
}
