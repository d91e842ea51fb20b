import type { Context } from 'hono';
import type { UptCreateInput, UptUpdateInput, KanwilUpdateInput, Upt } from '../../../shared/schemas/org.ts';
import { recordAudit } from '../../audit/trail.ts';
import { actorOf } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { invalidField, notFound, versionConflict } from '../../http/errors.ts';
import type { Queryable } from '../../db/pool.ts';
import { findUpt } from './queries.ts';

const UPT_COLUMNS: Record<string, string> = {
  kanwilId: 'kanwil_id',
  name: 'name',
  type: 'type',
  class: 'class',
  securityLevel: 'security_level',
  address: 'address',
  regencyCode: 'regency_code',
  capacity: 'capacity',
  active: 'active',
};

async function checkReferences(tx: Queryable, input: { kanwilId?: number; regencyCode?: string | null }) {
  if (input.kanwilId !== undefined && !(await tx.one('SELECT 1 FROM kanwil WHERE id = $1', [input.kanwilId])))
    throw invalidField('kanwilId', 'kanwil_unknown');
  if (input.regencyCode && !(await tx.one('SELECT 1 FROM regency WHERE code = $1', [input.regencyCode])))
    throw invalidField('regencyCode', 'invalid');
}

/** Values an officer types replace generated ones: the source flags say so. */
function sourceFlags(input: Partial<UptUpdateInput>): string[] {
  const sets: string[] = [];
  if (input.capacity !== undefined) sets.push(`capacity_source = 'manual'`);
  if (input.securityLevel !== undefined) sets.push(`security_level_source = 'manual'`);
  return sets;
}

export async function updateUpt(c: Context<AppEnv>, id: number, input: UptUpdateInput): Promise<Upt> {
  const { db } = c.get('services');
  return db.tx(async (tx) => {
    const before = await findUpt(tx, id);
    if (!before) throw notFound();
    await checkReferences(tx, input);
    const params: unknown[] = [id, input.version];
    const sets = Object.entries(input)
      .filter(([k, v]) => k !== 'version' && v !== undefined && UPT_COLUMNS[k])
      .map(([k, v]) => {
        params.push(v);
        return `${UPT_COLUMNS[k]} = $${params.length}`;
      });
    const updated = await tx.one(
      `UPDATE upt SET ${[...sets, ...sourceFlags(input), 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    if (!updated) throw versionConflict();
    const after = (await findUpt(tx, id)) as Upt;
    await recordAudit(tx, actorOf(c), {
      entity: 'upt',
      entityId: id,
      action: 'update',
      before,
      after,
      scope: { kanwilId: after.kanwilId, uptId: id },
    });
    return after;
  });
}

export async function createUpt(c: Context<AppEnv>, input: UptCreateInput): Promise<Upt> {
  const { db } = c.get('services');
  return db.tx(async (tx) => {
    await checkReferences(tx, input);
    const row = await tx.one<{ id: number }>(
      `INSERT INTO upt (kanwil_id, name, raw_name, type, class, security_level, security_level_source, address,
                        regency_code, capacity, capacity_source, active, source)
       VALUES ($1, $2, $2, $3, $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE 'manual' END, $6, $7, $8,
               CASE WHEN $8::int IS NULL THEN NULL ELSE 'manual' END, $9, 'manual')
       RETURNING id`,
      [
        input.kanwilId,
        input.name,
        input.type,
        input.class ?? null,
        input.securityLevel ?? null,
        input.address ?? null,
        input.regencyCode ?? null,
        input.capacity ?? null,
        input.active ?? true,
      ],
    );
    const after = (await findUpt(tx, row!.id)) as Upt;
    await recordAudit(tx, actorOf(c), {
      entity: 'upt',
      entityId: after.id,
      action: 'create',
      after,
      scope: { kanwilId: after.kanwilId, uptId: after.id },
    });
    return after;
  });
}

export async function updateKanwil(c: Context<AppEnv>, id: number, input: KanwilUpdateInput) {
  const { db } = c.get('services');
  return db.tx(async (tx) => {
    const before = await tx.one('SELECT * FROM kanwil WHERE id = $1', [id]);
    if (!before) throw notFound();
    if (input.provinceCode && !(await tx.one('SELECT 1 FROM province WHERE code = $1', [input.provinceCode])))
      throw invalidField('provinceCode', 'invalid');
    const after = await tx.one(
      `UPDATE kanwil SET name = COALESCE($3, name),
         province_code = CASE WHEN $4::boolean THEN $5 ELSE province_code END,
         active = COALESCE($6, active), version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING *`,
      [id, input.version, input.name ?? null, input.provinceCode !== undefined, input.provinceCode ?? null, input.active ?? null],
    );
    if (!after) throw versionConflict();
    await recordAudit(tx, actorOf(c), { entity: 'kanwil', entityId: id, action: 'update', before, after, scope: { kanwilId: id } });
    return after;
  });
}
