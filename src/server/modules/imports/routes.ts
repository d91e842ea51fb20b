import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { templateCsv } from '../../../domain/import/template.ts';
import { scopeCondition } from '../../../shared/access/scope.ts';
import { PositiveId } from '../../../shared/schemas/common.ts';
import { ImportApplyInput, ImportBatch, ImportPreview } from '../../../shared/schemas/imports.ts';
import { filteredRoute, ownScopeRoute, referenceRoute, targetRoute, type TargetResolver } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { applyUpload, previewUpload } from './service.ts';

const tags = ['Impor SDP / SDP import'];

const uploadTarget: TargetResolver = async (c) => {
  const r = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>(
    'SELECT u.kanwil_id, up.upt_id FROM upload up JOIN upt u ON u.id = up.upt_id WHERE up.id = $1',
    [Number(c.req.param('uploadId'))],
  );
  return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
};
const batchTarget: TargetResolver = async (c) => {
  const r = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>(
    'SELECT u.kanwil_id, b.upt_id FROM import_batch b JOIN upt u ON u.id = b.upt_id WHERE b.id = $1',
    [Number(c.req.param('batchId'))],
  );
  return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
};

const templateRoute = defineRoute({
  method: 'get',
  path: '/imports/sdp/template',
  tags,
  summary: 'Templat CSV impor WBP / CSV template',
  access: referenceRoute('wbp.import'),
  responses: { 200: { description: 'CSV (UTF-8 with BOM, `;`), opens in Excel' }, ...errorResponses },
});

const PreviewForm = z.object({
  file: z.instanceof(File).meta({ type: 'string', format: 'binary' }),
  uptId: z.coerce.number().int().positive().optional(),
  /** JSON object field → column index, to override the suggested mapping. */
  mapping: z.string().max(5000).optional(),
});

const previewRoute = defineRoute({
  method: 'post',
  path: '/imports/sdp/preview',
  tags,
  summary: 'Unggah & pratinjau ekspor SDP / upload and preview an SDP export',
  description: 'CSV (`;` or `,`, UTF-8 or Windows-1252) or XLSX, 20 MB at most. Suggests the column mapping, validates every row and says what applying would do (new / changed / unchanged / rejected). Nothing is imported yet.',
  access: ownScopeRoute('wbp.import'),
  request: { body: { required: true, content: { 'multipart/form-data': { schema: PreviewForm } } } },
  responses: { 200: jsonOk(ImportPreview, 'Preview'), ...errorResponses },
});

const applyRoute = defineRoute({
  method: 'post',
  path: '/imports/sdp/{uploadId}/apply',
  tags,
  summary: 'Terapkan impor / apply the import',
  description: 'All accepted rows in one transaction; re-importing the same file changes nothing.',
  access: targetRoute('wbp.import', uploadTarget),
  request: { params: z.object({ uploadId: PositiveId }), body: jsonBody(ImportApplyInput) },
  responses: { 200: jsonOk(ImportBatch, 'The import batch with its outcome'), ...errorResponses },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/imports',
  tags,
  summary: 'Riwayat impor / import history',
  access: filteredRoute('wbp.read'),
  responses: { 200: jsonOk(z.object({ items: z.array(z.record(z.string(), z.unknown())) }), 'Import batches'), ...errorResponses },
});

const reportRoute = defineRoute({
  method: 'get',
  path: '/imports/{batchId}/report',
  tags,
  summary: 'Laporan per baris (CSV) / row-by-row report',
  access: targetRoute('wbp.read', batchTarget),
  request: { params: z.object({ batchId: PositiveId }) },
  responses: { 200: { description: 'CSV: line; No Register; outcome; errors' }, ...errorResponses },
});

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[;"\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function importRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(templateRoute, (c) =>
    c.body(templateCsv(), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="templat-impor-wbp.csv"' }) as never,
  );
  app.openapi(previewRoute, async (c) => {
    const form = c.req.valid('form');
    let mapping: Record<string, number | null> | undefined;
    if (form.mapping) {
      try {
        mapping = z.record(z.string(), z.number().int().min(0).nullable()).parse(JSON.parse(form.mapping));
      } catch {
        throw invalidField('mapping', 'invalid');
      }
    }
    return c.json(await previewUpload(c, form.file, form.uptId, mapping), 200);
  });
  app.openapi(applyRoute, async (c) => c.json(await applyUpload(c, c.req.valid('param').uploadId, c.req.valid('json')), 200));
  app.openapi(listRoute, async (c) => {
    const params: unknown[] = [];
    const cond = scopeCondition(currentUser(c).scope, { kanwil: 'u.kanwil_id', upt: 'b.upt_id' }, params);
    const items = await c.get('services').db.query(
      `SELECT b.id, b.upt_id AS "uptId", u.kanwil_id AS "kanwilId", u.name AS "uptName", b.file_name AS "fileName", b.status,
              b.rows_total AS "rowsTotal", b.rows_created AS "rowsCreated", b.rows_updated AS "rowsUpdated",
              b.rows_unchanged AS "rowsUnchanged", b.rows_rejected AS "rowsRejected", a.username AS "createdBy", b.created_at AS "createdAt"
         FROM import_batch b JOIN upt u ON u.id = b.upt_id LEFT JOIN app_user a ON a.id = b.created_by
        WHERE ${cond} ORDER BY b.id DESC LIMIT 100`,
      params,
    );
    return c.json({ items }, 200);
  });
  app.openapi(reportRoute, async (c: Context<AppEnv>) => {
    const b = await c.get('services').db.one<{ report: Array<{ line: number; noRegister: string | null; outcome: string; errors: string[] }>; file_name: string }>(
      'SELECT report, file_name FROM import_batch WHERE id = $1',
      [Number(c.req.param('batchId'))],
    );
    if (!b) throw notFound();
    const lines = ['Baris;No Register;Hasil;Alasan', ...b.report.map((r) => [r.line, r.noRegister, r.outcome, r.errors.join(' | ')].map(csvCell).join(';'))];
    return c.body(`\uFEFF${lines.join('\r\n')}\r\n`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="laporan-impor-${c.req.param('batchId')}.csv"`,
    }) as never;
  });
}
