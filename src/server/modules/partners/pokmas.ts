import type { OpenAPIHono } from '@hono/zod-openapi';
import { checkPokmasLipas, type PokmasField } from '../../../domain/partners/pokmas.ts';
import { scopeCondition, type UserScope } from '../../../shared/access/scope.ts';
import { PokmasGroupInput, PokmasSummary } from '../../../shared/schemas/partners.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { filteredRoute, ownScopeRoute } from '../../http/access.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonOk } from '../../http/openapi.ts';
import { resolveOwnUpt } from '../../http/own-upt.ts';
import { defineRoute } from '../../http/route.ts';
import { z } from 'zod';
import { tags } from './directory.ts';

/**
 * Pokmas Lipas per Bapas (Resolusi target 12): every active Bapas of the scope with its groups, the
 * formation rule checked (`checkPokmasLipas`), and counts per Kanwil and in total — formed groups are
 * those that count towards the target (active, five partners or more).
 */
export async function pokmasLipasCount(q: Queryable, input: { scope: UserScope }): Promise<PokmasSummary> {
  const params: unknown[] = [];
  const cond = scopeCondition(input.scope, { kanwil: 'u.kanwil_id', upt: 'u.id' }, params);
  const rows = await q.query<{ upt_id: number; upt_name: string; kanwil_id: number; kanwil_name: string; id: number | null; name: string | null; field: PokmasField | null; active: boolean | null; formed_on: string | null; members: number }>(
    `SELECT u.id AS upt_id, u.name AS upt_name, u.kanwil_id, k.name AS kanwil_name, g.id, g.name, g.field, g.active, g.formed_on,
            (SELECT count(*)::int FROM partner p WHERE p.pokmas_group_id = g.id AND p.active) AS members
       FROM upt u JOIN kanwil k ON k.id = u.kanwil_id LEFT JOIN pokmas_group g ON g.upt_id = u.id
      WHERE u.type = 'bapas' AND u.active AND ${cond} ORDER BY k.name, u.name, g.field, g.name`,
    params,
  );
  const bapas = new Map<number, PokmasSummary['bapas'][number]>();
  for (const r of rows) {
    const b = bapas.get(r.upt_id) ?? { uptId: r.upt_id, uptName: r.upt_name, kanwilId: r.kanwil_id, ok: false, formedGroups: 0, totalGroups: 0, shortfalls: [], groups: [] };
    if (r.id !== null) b.groups.push({ id: r.id, name: r.name!, field: r.field!, members: r.members, active: r.active!, formedOn: r.formed_on! });
    bapas.set(r.upt_id, b);
  }
  const kanwilNames = new Map(rows.map((r) => [r.kanwil_id, r.kanwil_name]));
  const kanwils = new Map<number, PokmasSummary['kanwils'][number]>();
  const total = { bapas: 0, bapasMeetingRule: 0, groups: 0, formedGroups: 0 };
  for (const b of bapas.values()) {
    Object.assign(b, checkPokmasLipas(b.groups));
    const k = kanwils.get(b.kanwilId) ?? { kanwilId: b.kanwilId, kanwilName: kanwilNames.get(b.kanwilId) ?? '', bapas: 0, bapasMeetingRule: 0, groups: 0, formedGroups: 0 };
    for (const t of [k, total]) {
      t.bapas++;
      t.bapasMeetingRule += b.ok ? 1 : 0;
      t.groups += b.totalGroups;
      t.formedGroups += b.formedGroups;
    }
    kanwils.set(b.kanwilId, k);
  }
  return { bapas: [...bapas.values()], kanwils: [...kanwils.values()], total };
}

const summaryRoute = defineRoute({
  method: 'get', path: '/partners/pokmas', tags, summary: 'Pokmas Lipas per Bapas / community groups per probation office',
  description: 'Every Bapas in scope with its groups and members, the formation rule (two fields, five partners per group) and counts per Kanwil and in total (Resolusi target 12).',
  access: filteredRoute('partner.read'),
  responses: { 200: jsonOk(PokmasSummary, 'Summary'), ...errorResponses },
});
const createGroupRoute = defineRoute({
  method: 'post', path: '/partners/pokmas-groups', tags, summary: 'Bentuk kelompok Pokmas Lipas / form a group at a Bapas',
  access: ownScopeRoute('partner.write'), request: { body: jsonBody(PokmasGroupInput) },
  responses: { 201: jsonOk(z.object({ id: z.number().int(), uptId: z.number().int() }), 'Created'), ...errorResponses },
});

export function pokmasRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(summaryRoute, async (c) => c.json(await pokmasLipasCount(c.get('services').db, { scope: currentUser(c).scope }), 200));
  app.openapi(createGroupRoute, async (c) => {
    const input = c.req.valid('json');
    const out = await c.get('services').db.tx(async (tx) => {
      const upt = await resolveOwnUpt(c, tx, input.uptId);
      if (!(await tx.one(`SELECT 1 FROM upt WHERE id = $1 AND type = 'bapas'`, [upt.id]))) throw invalidField('uptId', 'not_bapas');
      if (await tx.one('SELECT 1 FROM pokmas_group WHERE upt_id = $1 AND name = $2', [upt.id, input.name])) throw new AppError(409, 'DUPLICATE', { name: 'invalid' });
      const row = await tx.one<{ id: number }>(
        'INSERT INTO pokmas_group (upt_id, kanwil_id, name, field, formed_on, decree_number) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
        [upt.id, upt.kanwil_id, input.name, input.field, input.formedOn, input.decreeNumber ?? null],
      );
      await recordAudit(tx, actorOf(c), { entity: 'pokmas_group', entityId: row!.id, action: 'create', after: input, scope: { kanwilId: upt.kanwil_id, uptId: upt.id } });
      return { id: row!.id, uptId: upt.id };
    });
    return c.json(out, 201);
  });
}
