import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { checkParticipant } from '../../../domain/training/eligibility.ts';
import { parseRegisterList, registerKey } from '../../../domain/wbp/register-number.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { CompetencyTestInput, CompleteAllInput, EnrolInput, EnrolReport, ParticipantUpdateInput, ProgrammeDetail } from '../../../shared/schemas/training.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { describeProgramme, ProgrammeParams, programmeIdOf, programmeTarget, tags } from './programmes.ts';
import { bumpRollup, findProgramme } from './queries.ts';

const participantTarget: TargetResolver = async (c) => {
  const r = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM training_participant WHERE id = $1', [Number(c.req.param('participantId'))]);
  return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
};
const ParticipantParams = z.object({ participantId: PositiveId });

const enrolRoute = defineRoute({
  method: 'post', path: '/training/programmes/{programmeId}/participants', tags,
  summary: 'Daftarkan peserta dari daftar No Register / enrol by a list of register numbers',
  description: 'Each number is checked (sentenced, held in this UPT, not released, not already enrolled, places left). Answers who was enrolled, which numbers were not found and who is not eligible and why; the eligible are enrolled together.',
  access: targetRoute('training.write', programmeTarget), request: { params: ProgrammeParams, body: jsonBody(EnrolInput) },
  responses: { 200: jsonOk(EnrolReport, 'Report'), ...errorResponses },
});
const updateRoute = defineRoute({
  method: 'patch', path: '/training/participants/{participantId}', tags, summary: 'Kehadiran dan kelulusan peserta / attendance and completion',
  description: 'Lesson hours attended, completion (with its date) or drop-out (with a reason). The monthly realisation moves in the same transaction.',
  access: targetRoute('training.write', participantTarget), request: { params: ParticipantParams, body: jsonBody(ParticipantUpdateInput) },
  responses: { 200: jsonOk(ProgrammeDetail, 'Programme after the change'), ...errorResponses },
});
const completeAllRoute = defineRoute({
  method: 'post', path: '/training/programmes/{programmeId}/complete', tags, summary: 'Nyatakan semua peserta selesai / complete every enrolled participant',
  description: 'Everyone still enrolled completes on the date; dropped participants stay dropped. The programme is marked completed.',
  access: targetRoute('training.write', programmeTarget), request: { params: ProgrammeParams, body: jsonBody(CompleteAllInput) },
  responses: { 200: jsonOk(ProgrammeDetail, 'Programme after completion'), ...errorResponses },
});
const testRoute = defineRoute({
  method: 'post', path: '/training/participants/{participantId}/tests', tags, summary: 'Catat uji kompetensi dan sertifikat / record a competency test',
  description: 'Result "kompeten" needs the BNSP certificate number, unique per scheme and LSP. A participant who is not yet competent may be tested again.',
  access: targetRoute('training.write', participantTarget), request: { params: ParticipantParams, body: jsonBody(CompetencyTestInput) },
  responses: { 201: jsonOk(ProgrammeDetail, 'Programme with the result'), ...errorResponses },
});

interface ParticipantRow { id: number; programme_id: number; wbp_id: number; upt_id: number; kanwil_id: number; status: string; completed_on: string | null; attended_hours: number; version: number; [k: string]: unknown }

/** Moves realisation when a participant's completion changes (a month less, a month more). */
async function moveCompletion(tx: Queryable, p: ParticipantRow, newStatus: string, newDate: string | null) {
  if (p.status === 'completed' && p.completed_on) await bumpRollup(tx, p, p.completed_on, { trained: -1 });
  if (newStatus === 'completed' && newDate) await bumpRollup(tx, p, newDate, { trained: 1 });
}

export function participantRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(enrolRoute, async (c) => {
    const input = c.req.valid('json');
    const id = programmeIdOf(c);
    const lang = c.get('lang');
    const report = await c.get('services').db.tx(async (tx) => {
      const prog = await findProgramme(tx, id);
      if (!prog) throw notFound();
      const numbers = parseRegisterList(input.noRegisters);
      const people = await tx.query<{ id: number; no_register: string; no_register_key: string; name: string; status: 'narapidana' | 'tahanan' | 'anak' | 'klien'; released_on: string | null; upt_id: number }>(
        `SELECT id, no_register, no_register_key, name, status, released_on, upt_id FROM wbp WHERE upt_id = $1 AND no_register_key = ANY($2::text[]) ORDER BY released_on NULLS FIRST, id DESC`,
        [prog.upt_id, numbers.map(registerKey)],
      );
      const byNumber = new Map<string, (typeof people)[number]>();
      for (const p of people) if (!byNumber.has(p.no_register_key)) byNumber.set(p.no_register_key, p);
      const enrolled = new Set((await tx.query<{ wbp_id: number }>('SELECT wbp_id FROM training_participant WHERE programme_id = $1', [id])).map((r) => Number(r.wbp_id)));
      let placesLeft = prog.capacity - prog.enrolled;
      const out: z.infer<typeof EnrolReport> = { enrolled: [], notFound: [], notEligible: [] };
      for (const n of numbers) {
        const p = byNumber.get(registerKey(n));
        if (!p) {
          out.notFound.push(n);
          continue;
        }
        const reasons = checkParticipant({ uptId: p.upt_id, status: p.status, releasedOn: p.released_on }, { uptId: prog.upt_id, status: prog.status, placesLeft }, enrolled.has(Number(p.id)));
        if (reasons.length) {
          out.notEligible.push({ noRegister: p.no_register, name: p.name, reasons: reasons.map((r) => r[lang]) });
          continue;
        }
        await tx.query('INSERT INTO training_participant (programme_id, wbp_id, upt_id, kanwil_id) VALUES ($1,$2,$3,$4)', [id, p.id, prog.upt_id, prog.kanwil_id]);
        enrolled.add(Number(p.id));
        placesLeft--;
        out.enrolled.push({ noRegister: p.no_register, wbpId: Number(p.id), name: p.name });
      }
      await recordAudit(tx, actorOf(c), {
        entity: 'training_participant', entityId: `programme:${id}`, action: 'enrol_bulk',
        after: { enrolled: out.enrolled.map((e) => e.wbpId), notFound: out.notFound.length, notEligible: out.notEligible.length },
        scope: { kanwilId: prog.kanwil_id, uptId: prog.upt_id },
      });
      return out;
    });
    return c.json(report, 200);
  });
  app.openapi(updateRoute, async (c) => {
    const input = c.req.valid('json');
    const pid = c.req.valid('param').participantId;
    const { db } = c.get('services');
    const programmeId = await db.tx(async (tx) => {
      const before = await tx.one<ParticipantRow>('SELECT * FROM training_participant WHERE id = $1 FOR UPDATE', [pid]);
      if (!before) throw notFound();
      if (before.status === 'completed' && input.status && input.status !== 'completed' && (await tx.one("SELECT 1 FROM competency_test WHERE participant_id = $1", [pid]))) {
        throw invalidField('status', 'invalid'); // tested: the completion stands
      }
      const status = input.status ?? before.status;
      const completedOn = status === 'completed' ? (input.completedOn ?? before.completed_on) : null;
      if (status === 'completed' && !completedOn) throw invalidField('completedOn', 'required');
      const ok = await tx.one(
        `UPDATE training_participant SET status = $3, completed_on = $4, attended_hours = $5, drop_reason = $6, version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
        [pid, input.version, status, completedOn, input.attendedHours ?? before.attended_hours, status === 'dropped' ? (input.dropReason ?? before.drop_reason) : null],
      );
      if (!ok) throw versionConflict();
      if (before.status !== status || before.completed_on !== completedOn) await moveCompletion(tx, before, status, completedOn);
      await recordAudit(tx, actorOf(c), { entity: 'training_participant', entityId: pid, action: 'update', before, after: input, scope: { kanwilId: before.kanwil_id, uptId: before.upt_id } });
      return before.programme_id;
    });
    return c.json(await describeProgramme(c, db, programmeId), 200);
  });
  app.openapi(completeAllRoute, async (c) => {
    const input = c.req.valid('json');
    const id = programmeIdOf(c);
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const prog = await findProgramme(tx, id);
      if (!prog) throw notFound();
      if (input.completedOn < prog.start_date) throw invalidField('completedOn', 'invalid');
      const done = await tx.query<{ id: number }>(
        `UPDATE training_participant SET status = 'completed', completed_on = $2, attended_hours = COALESCE($3, GREATEST(attended_hours, $4)), version = version + 1
          WHERE programme_id = $1 AND status = 'enrolled' RETURNING id`,
        [id, input.completedOn, input.attendedHours ?? null, prog.lesson_hours],
      );
      if (done.length) await bumpRollup(tx, prog, input.completedOn, { trained: done.length });
      await tx.query(`UPDATE training_programme SET status = 'completed', version = version + 1, updated_at = now() WHERE id = $1`, [id]);
      await recordAudit(tx, actorOf(c), { entity: 'training_programme', entityId: id, action: 'complete', after: { ...input, participants: done.length }, scope: { kanwilId: prog.kanwil_id, uptId: prog.upt_id } });
    });
    return c.json(await describeProgramme(c, db, id), 200);
  });
  app.openapi(testRoute, async (c) => {
    const input = c.req.valid('json');
    const pid = c.req.valid('param').participantId;
    const { db } = c.get('services');
    const programmeId = await db.tx(async (tx) => {
      const p = await tx.one<ParticipantRow>('SELECT * FROM training_participant WHERE id = $1 FOR UPDATE', [pid]);
      if (!p) throw notFound();
      if (p.status !== 'completed') throw invalidField('result', 'not_completed');
      if (await tx.one(`SELECT 1 FROM competency_test WHERE participant_id = $1 AND result = 'kompeten'`, [pid])) throw new AppError(409, 'DUPLICATE', { result: 'already_competent' });
      const number = input.result === 'kompeten' ? input.certificateNumber!.trim() : null;
      if (number && (await tx.one('SELECT 1 FROM competency_test WHERE lower(scheme) = lower($1) AND lower(lsp_name) = lower($2) AND certificate_number = $3', [input.scheme, input.lspName, number]))) {
        throw new AppError(409, 'DUPLICATE', { certificateNumber: 'certificate_taken' });
      }
      const row = await tx.one<{ id: number }>(
        `INSERT INTO competency_test (participant_id, programme_id, wbp_id, upt_id, kanwil_id, test_date, result, scheme, lsp_name, certificate_number, issued_on, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
        [pid, p.programme_id, p.wbp_id, p.upt_id, p.kanwil_id, input.testDate, input.result, input.scheme, input.lspName, number, number ? (input.issuedOn ?? input.testDate) : null, currentUser(c).id],
      );
      await bumpRollup(tx, p, input.testDate, { tested: 1, certified: input.result === 'kompeten' ? 1 : 0 });
      await recordAudit(tx, actorOf(c), { entity: 'competency_test', entityId: row!.id, action: 'create', after: input, scope: { kanwilId: p.kanwil_id, uptId: p.upt_id } });
      return p.programme_id;
    });
    return c.json(await describeProgramme(c, db, programmeId), 201);
  });
}
