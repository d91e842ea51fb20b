import type { OpenAPIHono } from '@hono/zod-openapi';
import { AuditCheckpoint, AuditCheckpointFile, AuditEntry, AuditQuery, AuditVerifyResult } from '../../../shared/schemas/audit.ts';
import { pageOf } from '../../../shared/schemas/common.ts';
import { filteredRoute, nationalRoute } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { exportCheckpoints, verifyAuditTrail, writeCheckpoint } from '../../audit/checkpoint.ts';
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
  description: 'Recomputes every entry and checks the stored checkpoints; lists every broken entry and fault.',
  access: nationalRoute('audit.read'),
  responses: { 200: jsonOk(AuditVerifyResult, 'Verification result'), ...errorResponses },
});

const verifyAgainstRoute = defineRoute({
  method: 'post',
  path: '/audit/verify',
  tags,
  summary: 'Periksa terhadap berkas titik periksa / verify against an exported checkpoint file',
  description:
    'The auditor sends the checkpoint file exported earlier: proves that nothing before each checkpoint changed and nothing after it vanished, even if the stored checkpoints were removed. Reads only.',
  access: nationalRoute('audit.read'),
  request: { body: jsonBody(AuditCheckpointFile) },
  responses: { 200: jsonOk(AuditVerifyResult, 'Verification result'), ...errorResponses },
});

const listCheckpointsRoute = defineRoute({
  method: 'get',
  path: '/audit/checkpoints',
  tags,
  summary: 'Unduh titik periksa / export the audit checkpoints',
  description: 'The file an auditor keeps outside the system and later verifies against.',
  access: nationalRoute('audit.read'),
  responses: { 200: jsonOk(AuditCheckpointFile, 'Every checkpoint, oldest first'), ...errorResponses },
});

const createCheckpointRoute = defineRoute({
  method: 'post',
  path: '/audit/checkpoints',
  tags,
  summary: 'Buat titik periksa / write a checkpoint of the chain now',
  description: 'Adds evidence only (the chain head as it stands); also written by the daily job.',
  access: nationalRoute('audit.read'),
  responses: { 201: jsonOk(AuditCheckpoint, 'The new checkpoint'), ...errorResponses },
});

export function auditRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(searchRoute, async (c) => {
    const q = c.req.valid('query');
    const result = await searchAudit(c.get('services').db, q, currentUser(c));
    return c.json({ ...result, page: q.page, pageSize: q.pageSize }, 200);
  });
  app.openapi(verifyRoute, async (c) => c.json(await verifyAuditTrail(c.get('services').db), 200));
  app.openapi(verifyAgainstRoute, async (c) => c.json(await verifyAuditTrail(c.get('services').db, c.req.valid('json').checkpoints), 200));
  app.openapi(listCheckpointsRoute, async (c) => c.json(await exportCheckpoints(c.get('services').db), 200));
  app.openapi(createCheckpointRoute, async (c) => c.json(await writeCheckpoint(c.get('services').db, actorOf(c)), 201));
}
