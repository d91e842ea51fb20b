import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { weeklySchedule, type Weekday, type Session } from '../../../domain/work/activity.ts';
import { checkAllocation, type ExistingAllocation } from '../../../domain/work/eligibility.ts';
import { parseRegisterList, registerKey } from '../../../domain/wbp/register-number.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { BulkAllocationInput, BulkAllocationReport, EndAllocationInput } from '../../../shared/schemas/work.ts';
import { recordAudit } from '../../audit/trail.ts';
import { targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, notFound, versionConflict } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { ActivityParams, activityIdOf, activityTarget, tags } from './activities.ts';
import { findActivity } from './activity-queries.ts';

const Allocation = z.object({
  id: z.number().int(), wbpId: z.number().int(), noRegister: z.string(), name: z.string(), status: z.string(),
  startDate: z.string(), endDate: z.string().nullable(), endReason: z.string().nullable(), version: z.number().int(),
});

const allocationTarget: TargetResolver = async (c) => {
  const r = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM work_allocation WHERE id = $1', [Number(c.req.param('allocationId'))]);
  return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
};

const listRoute = defineRoute({
  method: 'get', path: '/work/activities/{activityId}/allocations', tags, summary: 'WBP yang ditempatkan / allocated inmates',
  access: targetRoute('work.read', activityTarget), request: { params: ActivityParams, query: z.object({ status: z.enum(['active', 'waitlist', 'ended', 'all']).default('all') }) },
  responses: { 200: jsonOk(z.object({ items: z.array(Allocation) }), 'Allocations'), ...errorResponses },
});
const bulkRoute = defineRoute({
  method: 'post', path: '/work/activities/{activityId}/allocations', tags,
  summary: 'Tempatkan WBP dari daftar No Register / allocate by a list of register numbers',
  description: 'Paste or upload register numbers. Each is checked (status, security level or asimilasi for outside work, flags, clashes, capacity). Answers who was allocated, who went to the waiting list, which numbers were not found and who is not eligible and why. The eligible are allocated together, in one transaction.',
  access: targetRoute('work.write', activityTarget), request: { params: ActivityParams, body: jsonBody(BulkAllocationInput) },
  responses: { 200: jsonOk(BulkAllocationReport, 'Report'), ...errorResponses },
});
const endRoute = defineRoute({
  method: 'post', path: '/work/allocations/{allocationId}/end', tags, summary: 'Akhiri penempatan / end an allocation',
  access: targetRoute('work.write', allocationTarget), request: { params: z.object({ allocationId: PositiveId }), body: jsonBody(EndAllocationInput) },
  responses: { 200: jsonOk(z.object({ ok: z.literal(true) }), 'Ended'), ...errorResponses },
});

/** Register numbers as officers paste them: lines, commas, semicolons or tabs; blanks and repeats dropped. */
export function allocationRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const { status } = c.req.valid('query');
    const items = await c.get('services').db.query(
      `SELECT a.id, a.wbp_id AS "wbpId", w.no_register AS "noRegister", w.name, a.status, a.start_date AS "startDate", a.end_date AS "endDate",
              a.end_reason AS "endReason", a.version
         FROM work_allocation a JOIN wbp w ON w.id = a.wbp_id
        WHERE a.activity_id = $1 AND ($2 = 'all' OR a.status = $2) ORDER BY a.status, w.name_search`,
      [activityIdOf(c), status],
    );
    return c.json({ items: items as z.infer<typeof Allocation>[] }, 200);
  });
  app.openapi(bulkRoute, async (c) => {
    const input = c.req.valid('json');
    const id = activityIdOf(c);
    const { db } = c.get('services');
    const report = await db.tx(async (tx) => {
      const activity = await findActivity(tx, id);
      if (!activity) throw notFound();
      if (!activity.active) throw new AppError(409, 'BAD_REQUEST');
      const numbers = parseRegisterList(input.noRegisters);
      const people = await tx.query<{ id: number; no_register: string; no_register_key: string; name: string; status: 'narapidana' | 'tahanan' | 'anak' | 'klien'; asimilasi: string | null; flags: string[] }>(
        `SELECT w.id, w.no_register, w.no_register_key, w.name, w.status, w.flags, d.asimilasi_date AS asimilasi FROM wbp w LEFT JOIN wbp_dates d ON d.wbp_id = w.id
          WHERE w.upt_id = $1 AND w.released_on IS NULL AND w.no_register_key = ANY($2::text[])`,
        [activity.upt_id, numbers.map(registerKey)],
      );
      const byNumber = new Map(people.map((p) => [p.no_register_key, p]));
      const security = (await tx.one<{ security_level: string | null }>('SELECT security_level FROM upt WHERE id = $1', [activity.upt_id]))?.security_level ?? null;
      // Every open allocation of the UPT: clashes need the other activities' slots.
      const existing = (
        await tx.query<{ wbp_id: number; activity_id: number; status: 'active' | 'waitlist'; start_date: string; weekdays: number[]; sessions: string[]; capacity: number }>(
          `SELECT a.wbp_id, a.activity_id, a.status, a.start_date, x.weekdays, x.sessions, x.capacity FROM work_allocation a
             JOIN work_activity x ON x.id = a.activity_id WHERE a.upt_id = $1 AND a.status <> 'ended'`,
          [activity.upt_id],
        )
      ).map<ExistingAllocation>((a) => ({
        wbpId: String(a.wbp_id), activityId: String(a.activity_id), status: a.status, startDate: a.start_date, endDate: null,
        slots: weeklySchedule(a.weekdays as Weekday[], a.sessions as Session[], a.capacity).slots,
      }));
      const target = {
        id: String(id), uptId: String(activity.upt_id), outside: activity.outside, openToDetainees: activity.open_to_detainees, excludedFlags: [],
        schedule: weeklySchedule(activity.weekdays as Weekday[], activity.sessions as Session[], activity.capacity),
        uptSecurityLevel: security as 'super_maximum' | 'maximum' | 'medium' | 'minimum' | null,
      };
      const out: z.infer<typeof BulkAllocationReport> = { allocated: [], waitlisted: [], notFound: [], notEligible: [] };
      const lang = c.get('lang');
      for (const n of numbers) {
        const p = byNumber.get(registerKey(n));
        if (!p) {
          out.notFound.push(n);
          continue;
        }
        const check = checkAllocation({ id: String(p.id), uptId: String(activity.upt_id), status: p.status, flags: p.flags, asimilasiDate: p.asimilasi }, target, existing, input.startDate);
        if (!check.ok) {
          out.notEligible.push({ noRegister: p.no_register, name: p.name, reasons: check.reasons.filter((r) => r.code !== 'capacity_full').map((r) => r[lang]) });
          continue;
        }
        const status = check.waitlist ? 'waitlist' : 'active';
        await tx.query(
          `INSERT INTO work_allocation (activity_id, wbp_id, upt_id, kanwil_id, status, start_date) VALUES ($1,$2,$3,$4,$5,$6)`,
          [id, p.id, activity.upt_id, activity.kanwil_id, status, input.startDate],
        );
        existing.push({ wbpId: String(p.id), activityId: String(id), status, startDate: input.startDate, endDate: null, slots: target.schedule.slots });
        (status === 'active' ? out.allocated : out.waitlisted).push({ noRegister: p.no_register, wbpId: p.id, name: p.name });
      }
      await recordAudit(tx, actorOf(c), {
        entity: 'work_allocation', entityId: `activity:${id}`, action: 'allocate_bulk',
        after: { allocated: out.allocated.map((a) => a.wbpId), waitlisted: out.waitlisted.map((a) => a.wbpId), notFound: out.notFound.length, notEligible: out.notEligible.length },
        scope: { kanwilId: activity.kanwil_id, uptId: activity.upt_id },
      });
      return out;
    });
    return c.json(report, 200);
  });
  app.openapi(endRoute, async (c) => {
    const input = c.req.valid('json');
    const allocationId = Number(c.req.param('allocationId'));
    await c.get('services').db.tx(async (tx) => {
      const before = await tx.one<{ status: string; kanwil_id: number; upt_id: number; activity_id: number }>('SELECT * FROM work_allocation WHERE id = $1', [allocationId]);
      if (!before) throw notFound();
      const ok = await tx.one(
        `UPDATE work_allocation SET status = 'ended', end_date = $3, end_reason = $4, version = version + 1 WHERE id = $1 AND version = $2 AND status <> 'ended' RETURNING id`,
        [allocationId, input.version, input.endDate, input.reason],
      );
      if (!ok) throw versionConflict();
      // A place freed: the first on the waiting list moves up.
      if (before.status === 'active') {
        await tx.query(
          `UPDATE work_allocation SET status = 'active', version = version + 1 WHERE id = (
             SELECT id FROM work_allocation WHERE activity_id = $1 AND status = 'waitlist' ORDER BY created_at, id LIMIT 1)`,
          [before.activity_id],
        );
      }
      await recordAudit(tx, actorOf(c), { entity: 'work_allocation', entityId: allocationId, action: 'end', before, after: input, scope: { kanwilId: before.kanwil_id, uptId: before.upt_id } });
    });
    return c.json({ ok: true as const }, 200);
  });
}
