import type { OpenAPIHono } from '@hono/zod-openapi';
import { AuditEntry, AuditQuery, AuditVerifyResult } from '../../../shared/schemas/audit.ts';
import { pageOf } from '../../../shared/schemas/common.ts';
import { filteredRoute, nationalRoute } from '../../http/access.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { errorResponses, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { verifyAuditChain } from '../../audit/trail.ts';
import { searchAudit } from './queries.ts';

const tags = ['Audit'];

const searchRoute = defineRoute({
  method: 'get',
  path: '/audit',
  tags,
  summary: 'Cari jejak audit / search the audit trail',
  access: filteredRoute('audit.read'),
  request: { query: AuditQuery },
  responses: { 200: jsonOk(pageOf(AuditEntry), 'Audit entries, newest first'), ...errorResponses },
});

const verifyRoute = defineRoute({
  method: 'get',
  path: '/audit/verify',
  tags,
  summary: 'Periksa keutuhan rantai hash / verify the hash chain',
  access: nationalRoute('audit.read'),
  responses: { 200: jsonOk(AuditVerifyResult, 'Verification result'), ...errorResponses },
});

export function auditRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(searchRoute, async (c) => {
    const q = c.req.valid('query');
    const result = await searchAudit(c.get('services').db, q, currentUser(c));
    return c.json({ ...result, page: q.page, pageSize: q.pageSize }, 200);
  });
  app.openapi(verifyRoute, async (c) => c.json(await verifyAuditChain(c.get('services').db), 200));
}
