import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { checkAgreementPeriod } from '../../../domain/partners/agreements.ts';
import { registerKey } from '../../../domain/wbp/register-number.ts';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { Agreement, AgreementInput, Contribution, ContributionInput, ExpiringQuery, PartnerDetail, PartnerIdParams } from '../../../shared/schemas/partners.ts';
import { StoredFileInfo } from '../../../shared/schemas/training.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { fileResponse, fileScope, readFile, storeFile } from '../../files/store.ts';
import { filteredRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { describePartner, tags } from './directory.ts';
import { AGREEMENT_SELECT, defaultAlertDays, describeAgreements } from './queries.ts';
import { agreementTarget, partnerTarget } from './scope.ts';

const FILE_KINDS = ['partner_agreement'] as const;
const fileTarget: TargetResolver = async (c) => fileScope(c.get('services').db, Number(c.req.param('partnerFileId')), FILE_KINDS);
const AgreementParams = z.object({ agreementId: PositiveId });

const createAgreementRoute = defineRoute({
  method: 'post', path: '/partners/{partnerId}/agreements', tags, summary: 'Catat perjanjian (MoU/PKS) / record an agreement',
  description: 'Number, parties, scope, start and end (25 years at most, build-operate-transfer); an alert window in days (default: the installation’s setting, 90). A renewal is a new agreement.',
  access: targetRoute('partner.write', partnerTarget), request: { params: PartnerIdParams, body: jsonBody(AgreementInput) },
  responses: { 201: jsonOk(PartnerDetail, 'Partner with the agreement'), ...errorResponses },
});
const UploadForm = z.object({ file: z.instanceof(File).meta({ type: 'string', format: 'binary' }) });
const uploadRoute = defineRoute({
  method: 'post', path: '/partners/agreements/{agreementId}/files', tags, summary: 'Unggah dokumen perjanjian / upload the agreement document',
  description: 'PDF (10 MB at most) or image JPG/PNG/WEBP (5 MB at most); the type is read from the bytes.',
  access: targetRoute('partner.write', agreementTarget),
  request: { params: AgreementParams, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
  responses: { 201: jsonOk(StoredFileInfo, 'Stored'), ...errorResponses },
});
const downloadRoute = defineRoute({
  method: 'get', path: '/partners/files/{partnerFileId}', tags, summary: 'Unduh dokumen perjanjian / download a document',
  access: targetRoute('partner.read', fileTarget), request: { params: z.object({ partnerFileId: PositiveId }) },
  responses: { 200: { description: 'The file, with its real type' }, ...errorResponses },
});
const expiringRoute = defineRoute({
  method: 'get', path: '/partners/agreements/expiring', tags, summary: 'Perjanjian akan berakhir / agreements nearing their end',
  description: 'Agreements in scope ending within their alert window (each agreement’s own, else the setting, 90 days) — or within `withinDays` when given — and those ended in the last 30 days.',
  access: filteredRoute('partner.read'), request: { query: ExpiringQuery },
  responses: { 200: jsonOk(z.object({ today: z.string(), defaultAlertDays: z.number().int(), items: z.array(Agreement) }), 'Agreements'), ...errorResponses },
});
const contributionRoute = defineRoute({
  method: 'post', path: '/partners/{partnerId}/contributions', tags, summary: 'Catat kontribusi mitra / record a contribution',
  description: 'Capital, equipment, training, experts, post-release job or shelter, publication; value in rupiah where known; linked to the agreement, training programme, work activity or inmate it served (same scope).',
  access: targetRoute('partner.write', partnerTarget), request: { params: PartnerIdParams, body: jsonBody(ContributionInput) },
  responses: { 201: jsonOk(PartnerDetail, 'Partner with the contribution'), ...errorResponses },
});

type Scope = { upt_id: number | null; kanwil_id: number | null };
/** A linked record must sit inside the partner's scope (same UPT, or a UPT of the partner's Kanwil). */
const within = (p: Scope, r: Scope | undefined) => !!r && (p.kanwil_id === null || (r.kanwil_id === p.kanwil_id && (p.upt_id === null || r.upt_id === p.upt_id)));

async function links(tx: Queryable, partner: Scope & { id: number }, input: z.infer<typeof ContributionInput>) {
  if (input.agreementId) {
    const a = await tx.one<{ partner_id: number }>('SELECT partner_id FROM partner_agreement WHERE id = $1', [input.agreementId]);
    if (!a || a.partner_id !== partner.id) throw invalidField('agreementId', 'not_in_scope_record');
  }
  if (input.programmeId && !within(partner, await tx.one<Scope>('SELECT upt_id, kanwil_id FROM training_programme WHERE id = $1', [input.programmeId]))) throw invalidField('programmeId', 'not_in_scope_record');
  if (input.activityId && !within(partner, await tx.one<Scope>('SELECT upt_id, kanwil_id FROM work_activity WHERE id = $1', [input.activityId]))) throw invalidField('activityId', 'not_in_scope_record');
  if (!input.noRegister) return null;
  const cond = partner.upt_id !== null ? 'upt_id = $2' : partner.kanwil_id !== null ? 'kanwil_id = $2' : '$2::int IS NULL';
  const w = await tx.one<{ id: number }>(`SELECT id FROM wbp WHERE no_register_key = $1 AND ${cond} ORDER BY released_on NULLS FIRST, id DESC LIMIT 1`, [registerKey(input.noRegister), partner.upt_id ?? partner.kanwil_id]);
  if (!w) throw invalidField('noRegister', 'not_in_scope_record');
  return Number(w.id);
}

export function agreementRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(createAgreementRoute, async (c) => {
    const input = c.req.valid('json');
    const partnerId = c.req.valid('param').partnerId;
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const p = await tx.one<Scope>('SELECT upt_id, kanwil_id FROM partner WHERE id = $1', [partnerId]);
      if (!p) throw notFound();
      const problem = checkAgreementPeriod(input.startDate, input.endDate);
      if (problem) throw invalidField('endDate', problem.code === 'too_long' ? 'agreement_too_long' : 'end_before_start');
      if (await tx.one('SELECT 1 FROM partner_agreement WHERE partner_id = $1 AND number = $2', [partnerId, input.number])) throw new AppError(409, 'DUPLICATE', { number: 'invalid' });
      const row = await tx.one<{ id: number }>(
        `INSERT INTO partner_agreement (partner_id, upt_id, kanwil_id, kind, number, parties, scope, start_date, end_date, alert_days, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
        [partnerId, p.upt_id, p.kanwil_id, input.kind, input.number, input.parties, input.scope, input.startDate, input.endDate, input.alertDays ?? null, currentUser(c).id],
      );
      await recordAudit(tx, actorOf(c), { entity: 'partner_agreement', entityId: row!.id, action: 'create', after: input, scope: { kanwilId: p.kanwil_id, uptId: p.upt_id } });
    });
    return c.json(await describePartner(c, db, partnerId), 201);
  });
  app.openapi(uploadRoute, async (c) => {
    const { file } = c.req.valid('form');
    const id = c.req.valid('param').agreementId;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const stored = await c.get('services').db.tx(async (tx) => {
      const a = await tx.one<Scope>('SELECT upt_id, kanwil_id FROM partner_agreement WHERE id = $1', [id]);
      if (!a) throw notFound();
      const f = await storeFile(tx, { ownerKind: 'partner_agreement', ownerId: id, uptId: a.upt_id, kanwilId: a.kanwil_id, fileName: file.name, bytes, uploadedBy: currentUser(c).id });
      await recordAudit(tx, actorOf(c), { entity: 'stored_file', entityId: f.id, action: 'upload', after: { ownerKind: 'partner_agreement', ownerId: id, fileName: f.fileName, sizeBytes: f.sizeBytes, sha256: f.sha256 }, scope: { kanwilId: a.kanwil_id, uptId: a.upt_id } });
      return f;
    });
    return c.json({ id: stored.id, fileName: stored.fileName, fileType: stored.fileType, sizeBytes: stored.sizeBytes, uploadedAt: new Date().toISOString() }, 201);
  });
  app.openapi(downloadRoute, async (c) => fileResponse(c, await readFile(c.get('services').db, c.req.valid('param').partnerFileId, FILE_KINDS)) as never);
  app.openapi(expiringRoute, async (c) => {
    const { withinDays } = c.req.valid('query');
    const { db, clock } = c.get('services');
    const today = clock.today();
    const fallback = await defaultAlertDays(db);
    const params: unknown[] = [today, withinDays ?? null, fallback];
    const cond = scopeCondition(currentUser(c).scope, { kanwil: 'a.kanwil_id', upt: 'a.upt_id' }, params);
    const rows = await db.query<Parameters<typeof describeAgreements>[1][number]>(
      `${AGREEMENT_SELECT} WHERE ${cond} AND a.end_date >= $1::date - 30 AND a.end_date <= $1::date + COALESCE($2::int, a.alert_days, $3::int)
        ORDER BY a.end_date, a.id LIMIT 500`,
      params,
    );
    return c.json({ today, defaultAlertDays: fallback, items: await describeAgreements(db, rows, today) }, 200);
  });
  app.openapi(contributionRoute, async (c) => {
    const input = c.req.valid('json');
    const partnerId = c.req.valid('param').partnerId;
    const { db } = c.get('services');
    await db.tx(async (tx) => {
      const p = await tx.one<Scope & { id: number }>('SELECT id, upt_id, kanwil_id FROM partner WHERE id = $1', [partnerId]);
      if (!p) throw notFound();
      const wbpId = await links(tx, p, input);
      const row = await tx.one<{ id: number }>(
        `INSERT INTO partner_contribution (partner_id, agreement_id, upt_id, kanwil_id, kind, date, description, value_rupiah, programme_id, activity_id, wbp_id, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
        [partnerId, input.agreementId ?? null, p.upt_id, p.kanwil_id, input.kind, input.date, input.description, input.valueRupiah ?? null, input.programmeId ?? null, input.activityId ?? null, wbpId, currentUser(c).id],
      );
      await recordAudit(tx, actorOf(c), { entity: 'partner_contribution', entityId: row!.id, action: 'create', after: { ...input, wbpId }, scope: { kanwilId: p.kanwil_id, uptId: p.upt_id } });
    });
    return c.json(await describePartner(c, db, partnerId), 201);
  });
}

export type { Contribution };
