import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { can } from '../../../shared/access/roles.ts';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { Programme, ProgrammeDetail, ProgrammeInput, ProgrammeListQuery, ProgrammeUpdateInput, StoredFileInfo } from '../../../shared/schemas/training.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { fileResponse, fileScope, listFiles, readFile, storeFile } from '../../files/store.ts';
import { filteredRoute, ownScopeRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';
import { findProgramme, listProgrammes, participants, toProgramme } from './queries.ts';

export const tags = ['Pelatihan & sertifikasi / Training'];
export const ProgrammeParams = z.object({ programmeId: PositiveId });
export const programmeIdOf = (c: Context<AppEnv>) => Number(c.req.param('programmeId'));
export const FILE_KINDS = ['training_programme'] as const;

export const programmeTarget: TargetResolver = async (c) => {
  const p = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>('SELECT kanwil_id, upt_id FROM training_programme WHERE id = $1', [programmeIdOf(c)]);
  return p ? { kanwilId: p.kanwil_id, uptId: p.upt_id } : undefined;
};
const fileTarget: TargetResolver = async (c) => fileScope(c.get('services').db, Number(c.req.param('trainingFileId')), FILE_KINDS);

export async function describeProgramme(c: Context<AppEnv>, db: Queryable, id: number): Promise<ProgrammeDetail> {
  const row = await findProgramme(db, id);
  if (!row) throw notFound();
  const personal = can(currentUser(c).role, 'wbp.personal.read');
  const files = (await listFiles(db, 'training_programme', [id])).map(({ ownerId: _o, ...f }) => f);
  return { ...toProgramme(row), participants: await participants(db, id, personal), files };
}

const listRoute = defineRoute({
  method: 'get', path: '/training/programmes', tags, summary: 'Daftar pelatihan / training programmes',
  description: 'Programmes in the caller’s scope, newest first; `from`/`to` select those running in the period (calendar).',
  access: filteredRoute('training.read'), request: { query: ProgrammeListQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(Programme) }), 'Programmes in scope'), ...errorResponses },
});
const createRoute = defineRoute({
  method: 'post', path: '/training/programmes', tags, summary: 'Tambah pelatihan / add a training programme',
  access: ownScopeRoute('training.write'), request: { body: jsonBody(ProgrammeInput) },
  responses: { 201: jsonOk(ProgrammeDetail, 'Created'), ...errorResponses },
});
const getRoute = defineRoute({
  method: 'get', path: '/training/programmes/{programmeId}', tags, summary: 'Rincian pelatihan / programme with participants',
  description: 'Participants’ names and register numbers only for callers allowed to see personal data.',
  access: targetRoute('training.read', programmeTarget), request: { params: ProgrammeParams },
  responses: { 200: jsonOk(ProgrammeDetail, 'Programme'), ...errorResponses },
});
const updateRoute = defineRoute({
  method: 'patch', path: '/training/programmes/{programmeId}', tags, summary: 'Ubah pelatihan / update a programme',
  access: targetRoute('training.write', programmeTarget), request: { params: ProgrammeParams, body: jsonBody(ProgrammeUpdateInput) },
  responses: { 200: jsonOk(ProgrammeDetail, 'Updated'), ...errorResponses },
});
const UploadForm = z.object({ file: z.instanceof(File).meta({ type: 'string', format: 'binary' }) });
const uploadRoute = defineRoute({
  method: 'post', path: '/training/programmes/{programmeId}/files', tags, summary: 'Unggah dokumen pelatihan / upload a document',
  description: 'PDF (10 MB at most) or image JPG/PNG/WEBP (5 MB at most); the type is read from the bytes.',
  access: targetRoute('training.write', programmeTarget),
  request: { params: ProgrammeParams, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
  responses: { 201: jsonOk(StoredFileInfo, 'Stored'), ...errorResponses },
});
const downloadRoute = defineRoute({
  method: 'get', path: '/training/files/{trainingFileId}', tags, summary: 'Unduh dokumen pelatihan / download a document',
  access: targetRoute('training.read', fileTarget), request: { params: z.object({ trainingFileId: PositiveId }) },
  responses: { 200: { description: 'The file, with its real type' }, ...errorResponses },
});

const COLUMNS: Record<string, string> = {
  name: 'name', skill: 'skill', scheme: 'scheme', providerKind: 'provider_kind', providerName: 'provider_name', partnerId: 'partner_id',
  lessonHours: 'lesson_hours', startDate: 'start_date', endDate: 'end_date', capacity: 'capacity', costRupiah: 'cost_rupiah', fundedBy: 'funded_by', status: 'status',
};

async function checkPartner(tx: Queryable, partnerId: number | null | undefined, kanwilId: number) {
  if (!partnerId) return;
  const p = await tx.one<{ kanwil_id: number | null }>('SELECT kanwil_id FROM partner WHERE id = $1', [partnerId]);
  // A partner of the same Kanwil, or a national one (a ministry, a national firm).
  if (!p || (p.kanwil_id !== null && p.kanwil_id !== kanwilId)) throw invalidField('partnerId', 'not_in_scope_record');
}

export function programmeRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const params: unknown[] = [];
    const conds = [scopeCondition(currentUser(c).scope, { kanwil: 'p.kanwil_id', upt: 'p.upt_id' }, params)];
    if (q.uptId) conds.push(`p.upt_id = $${params.push(q.uptId)}`);
    if (q.status !== 'all') conds.push(`p.status = $${params.push(q.status)}`);
    if (q.from) conds.push(`p.end_date >= $${params.push(q.from)}`);
    if (q.to) conds.push(`p.start_date <= $${params.push(q.to)}`);
    const rows = await listProgrammes(c.get('services').db, conds.join(' AND '), params);
    return c.json({ items: rows.map(toProgramme) }, 200);
  });
  app.openapi(createRoute, async (c) => {
    const input = c.req.valid('json');
    const { db } = c.get('services');
    const id = await db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      await checkPartner(tx, input.partnerId, upt.kanwil_id);
      if (await tx.one('SELECT 1 FROM training_programme WHERE upt_id = $1 AND name = $2 AND start_date = $3', [upt.id, input.name, input.startDate])) {
        throw new AppError(409, 'DUPLICATE', { name: 'invalid' });
      }
      const row = await tx.one<{ id: number }>(
        `INSERT INTO training_programme (upt_id, kanwil_id, name, skill, scheme, provider_kind, provider_name, partner_id, lesson_hours, start_date, end_date, capacity, cost_rupiah, funded_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`,
        [upt.id, upt.kanwil_id, input.name, input.skill, input.scheme ?? null, input.providerKind, input.providerName, input.partnerId ?? null, input.lessonHours,
          input.startDate, input.endDate, input.capacity, input.costRupiah, input.fundedBy],
      );
      await recordAudit(tx, actorOf(c), { entity: 'training_programme', entityId: row!.id, action: 'create', after: input, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return row!.id;
    });
    return c.json(await describeProgramme(c, db, id), 201);
  });
  app.openapi(getRoute, async (c) => c.json(await describeProgramme(c, c.get('services').db, programmeIdOf(c)), 200));
  app.openapi(updateRoute, async (c) => {
    const input = c.req.valid('json');
    const id = programmeIdOf(c);
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const before = await findProgramme(tx, id);
      if (!before) throw notFound();
      await checkPartner(tx, input.partnerId, before.kanwil_id);
      const start = input.startDate ?? before.start_date;
      const end = input.endDate ?? before.end_date;
      if (end < start) throw invalidField('endDate', 'end_before_start');
      const params: unknown[] = [id, input.version];
      const sets = Object.entries(input).filter(([k, v]) => v !== undefined && COLUMNS[k]).map(([k, v]) => `${COLUMNS[k]} = $${params.push(v)}`);
      const ok = await tx.one(`UPDATE training_programme SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`, params);
      if (!ok) throw versionConflict();
      const after = await findProgramme(tx, id);
      await recordAudit(tx, actorOf(c), { entity: 'training_programme', entityId: id, action: 'update', before, after, scope: { kanwilId: before.kanwil_id, uptId: before.upt_id } });
    });
    return c.json(await describeProgramme(c, db, id), 200);
  });
  app.openapi(uploadRoute, async (c) => {
    const { file } = c.req.valid('form');
    const id = programmeIdOf(c);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const stored = await c.get('services').db.tx(async (tx) => {
      const p = await findProgramme(tx, id);
      if (!p) throw notFound();
      const f = await storeFile(tx, { ownerKind: 'training_programme', ownerId: id, uptId: p.upt_id, kanwilId: p.kanwil_id, fileName: file.name, bytes, uploadedBy: currentUser(c).id });
      await recordAudit(tx, actorOf(c), { entity: 'stored_file', entityId: f.id, action: 'upload', after: { ownerKind: 'training_programme', ownerId: id, fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256 }, scope: { kanwilId: p.kanwil_id, uptId: p.upt_id } });
      return f;
    });
    return c.json({ id: stored.id, fileName: stored.fileName, fileType: stored.fileType, sizeBytes: stored.sizeBytes, uploadedAt: new Date().toISOString() }, 201);
  });
  app.openapi(downloadRoute, async (c) => fileResponse(c, await readFile(c.get('services').db, c.req.valid('param').trainingFileId, FILE_KINDS)) as never);
}
