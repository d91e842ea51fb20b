import type { Context } from 'hono';
import type { AllocateInput, TargetInput } from '../../../shared/schemas/indicators.ts';
import { covers, type UserScope } from '../../../shared/access/scope.ts';
import { allocateTarget } from '../../../domain/indicators/index.ts';
import { recordAudit } from '../../audit/trail.ts';
import type { Queryable } from '../../db/pool.ts';
import { actorOf, currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { AppError, invalidField, outOfScope } from '../../http/errors.ts';
import type { IndicatorRow } from './catalogue.ts';

type Level = 'national' | 'kanwil' | 'upt';
interface TargetUnit {
  level: Level;
  kanwilId: number | null;
  uptId: number | null;
  key: string;
}

/**
 * Who sets which target: Pusat sets the national and Kanwil targets; Pusat or the Kanwil itself
 * sets (allocates) the targets of the Kanwil's UPTs.
 */
function mayWrite(scope: UserScope, unit: TargetUnit): boolean {
  if (scope.level === 'national') return true;
  if (unit.level !== 'upt') return false;
  return covers(scope, { kanwilId: unit.kanwilId });
}

async function indicatorOf(q: Queryable, id: number): Promise<IndicatorRow> {
  const ind = await q.one<IndicatorRow>('SELECT * FROM indicator WHERE id = $1', [id]);
  if (!ind) throw invalidField('indicatorId', 'invalid');
  return ind;
}

async function unitOf(q: Queryable, level: Level, kanwilId?: number, uptId?: number): Promise<TargetUnit> {
  if (level === 'national') return { level, kanwilId: null, uptId: null, key: 'N' };
  if (level === 'kanwil') {
    if (!kanwilId || !(await q.one('SELECT 1 FROM kanwil WHERE id = $1', [kanwilId]))) throw invalidField('kanwilId', 'kanwil_unknown');
    return { level, kanwilId, uptId: null, key: `K${kanwilId}` };
  }
  const u = uptId ? await q.one<{ kanwil_id: number }>('SELECT kanwil_id FROM upt WHERE id = $1', [uptId]) : undefined;
  if (!u) throw invalidField('uptId', 'upt_unknown');
  return { level, kanwilId: u.kanwil_id, uptId: uptId!, key: `U${uptId}` };
}

/** Appends a revision of one unit's target and marks it current; the earlier ones stay. */
async function writeRevision(
  c: Context<AppEnv>, tx: Queryable, ind: IndicatorRow, year: number, unit: TargetUnit, value: number,
  method: 'manual' | 'proportional' | 'equal' | 'same', basis: string | null, reason: string,
) {
  const before = await tx.one<{ id: number; revision: number; value: number }>(
    'SELECT id, revision, value FROM indicator_target WHERE indicator_id = $1 AND year = $2 AND unit_key = $3 AND current FOR UPDATE',
    [ind.id, year, unit.key],
  );
  if (before && Number(before.value) === value) return { id: before.id, changed: false };
  if (before) await tx.query('UPDATE indicator_target SET current = false WHERE id = $1', [before.id]);
  const row = await tx.one<Record<string, unknown> & { id: number }>(
    `INSERT INTO indicator_target (indicator_id, year, level, kanwil_id, upt_id, unit_key, value, method, basis, revision, reason, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING *`,
    [ind.id, year, unit.level, unit.kanwilId, unit.uptId, unit.key, value, method, basis, (before?.revision ?? 0) + 1, reason, currentUser(c).id],
  );
  await recordAudit(tx, actorOf(c), {
    entity: 'indicator_target', entityId: row!.id, action: before ? 'revise' : 'create',
    before: before ?? null, after: row, scope: { kanwilId: unit.kanwilId, uptId: unit.uptId },
  });
  return { id: row!.id, changed: true };
}

export async function setTarget(c: Context<AppEnv>, input: TargetInput) {
  return c.get('services').db.tx(async (tx) => {
    const ind = await indicatorOf(tx, input.indicatorId);
    const unit = await unitOf(tx, input.level, input.kanwilId, input.uptId);
    if (!mayWrite(currentUser(c).scope, unit)) throw outOfScope();
    return writeRevision(c, tx, ind, input.year, unit, input.value, 'manual', null, input.reason);
  });
}

async function childrenOf(tx: Queryable, parent: TargetUnit, basis: 'capacity' | 'population' | 'equal') {
  const weight =
    basis === 'capacity' ? 'COALESCE(u.capacity, 0)'
      : basis === 'population' ? `(SELECT count(*) FROM wbp w WHERE w.upt_id = u.id AND w.released_on IS NULL AND w.status <> 'klien')`
        : '1';
  if (parent.level === 'national') {
    return tx.query<{ id: number; kanwil_id: number; weight: number }>(
      `SELECT k.id, k.id AS kanwil_id, COALESCE((SELECT sum(${weight}) FROM upt u WHERE u.kanwil_id = k.id AND u.active), 0)::bigint AS weight
         FROM kanwil k WHERE k.active ORDER BY k.id`,
    ).then((rs) => (basis === 'equal' ? rs.map((r) => ({ ...r, weight: 1 })) : rs));
  }
  return tx.query<{ id: number; kanwil_id: number; weight: number }>(
    `SELECT u.id, u.kanwil_id, (${weight})::bigint AS weight FROM upt u WHERE u.kanwil_id = $1 AND u.active ORDER BY u.id`,
    [parent.kanwilId],
  );
}

/**
 * Allocates a parent target to its children: national → every Kanwil, a Kanwil → its UPTs.
 * proportional (to capacity or population) and equal use the largest remainder, so the parts sum
 * exactly to the parent; same copies a level or ratio target; manual takes one value per child,
 * which must add up to the parent (except for levels and ratios). Each child gets a new revision.
 */
export async function allocate(c: Context<AppEnv>, input: AllocateInput) {
  return c.get('services').db.tx(async (tx) => {
    const ind = await indicatorOf(tx, input.indicatorId);
    const parent = input.kanwilId ? await unitOf(tx, 'kanwil', input.kanwilId) : await unitOf(tx, 'national');
    const childLevel: Level = parent.level === 'national' ? 'kanwil' : 'upt';
    const scope = currentUser(c).scope;
    if (!(scope.level === 'national' || (childLevel === 'upt' && covers(scope, { kanwilId: parent.kanwilId })))) throw outOfScope();
    const pt = await tx.one<{ value: number }>('SELECT value FROM indicator_target WHERE indicator_id = $1 AND year = $2 AND unit_key = $3 AND current', [ind.id, input.year, parent.key]);
    if (!pt && input.method !== 'manual') throw invalidField('year', 'no_parent_target');
    const parentValue = Number(pt?.value ?? 0);
    const splittable = !ind.ratio && ind.time_aggregate === 'sum';
    if ((input.method === 'proportional' || input.method === 'equal') && ind.ratio) throw invalidField('method', 'ratio_not_split');
    const basis = input.method === 'equal' ? 'equal' : (input.basis ?? 'capacity');
    const kids = await childrenOf(tx, parent, basis);
    let values: number[];
    if (input.method === 'same') values = kids.map(() => parentValue);
    else if (input.method === 'manual') {
      const given = new Map((input.values ?? []).map((v) => [v.id, v.value]));
      if ([...given.keys()].some((id) => !kids.some((k) => k.id === id))) throw invalidField('values', 'invalid');
      values = kids.map((k) => given.get(k.id) ?? 0);
      if (pt && splittable && values.reduce((a, b) => a + b, 0) !== parentValue) throw new AppError(400, 'VALIDATION', { values: 'allocation_sum' });
    } else values = allocateTarget(parentValue, kids.map((k) => Number(k.weight)));
    let changed = 0;
    for (const [i, k] of kids.entries()) {
      const unit: TargetUnit = childLevel === 'kanwil'
        ? { level: 'kanwil', kanwilId: k.id, uptId: null, key: `K${k.id}` }
        : { level: 'upt', kanwilId: k.kanwil_id, uptId: k.id, key: `U${k.id}` };
      if (input.method === 'manual' && !(input.values ?? []).some((v) => v.id === k.id)) continue;
      const r = await writeRevision(c, tx, ind, input.year, unit, values[i]!, input.method, input.method === 'proportional' ? basis : null, input.reason);
      if (r.changed) changed += 1;
    }
    return { parentValue, children: kids.length, changed, sum: values.reduce((a, b) => a + b, 0) };
  });
}

/** Current targets (and every revision when `history`) in the caller's scope. */
export async function listTargets(q: Queryable, scope: UserScope, query: { year: number; indicatorId?: number; kanwilId?: number }, history: boolean) {
  const params: unknown[] = [query.year];
  const conds = ['t.year = $1'];
  if (!history) conds.push('t.current');
  if (query.indicatorId) conds.push(`t.indicator_id = $${params.push(query.indicatorId)}`);
  if (query.kanwilId) conds.push(`(t.kanwil_id = $${params.push(query.kanwilId)})`);
  // National and Kanwil targets above the viewer are context they steer by; rows below are narrowed to the scope.
  if (scope.level === 'kanwil') conds.push(`(t.level = 'national' OR t.kanwil_id = $${params.push(scope.kanwilId)})`);
  if (scope.level === 'upt') conds.push(`(t.level = 'national' OR (t.level = 'kanwil' AND t.kanwil_id = $${params.push(scope.kanwilId)}) OR t.upt_id = $${params.push(scope.uptId)})`);
  return q.query(
    `SELECT t.id, t.indicator_id AS "indicatorId", i.code, t.year, t.level, t.kanwil_id AS "kanwilId", t.upt_id AS "uptId",
            COALESCE(u.name, k.name, 'Nasional') AS "unitName", t.value, t.method, t.basis, t.revision, t.current, t.reason,
            a.username AS "createdBy", t.created_at AS "createdAt"
       FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id
       LEFT JOIN kanwil k ON k.id = t.kanwil_id LEFT JOIN upt u ON u.id = t.upt_id LEFT JOIN app_user a ON a.id = t.created_by
      WHERE ${conds.join(' AND ')}
      ORDER BY i.sort, CASE t.level WHEN 'national' THEN 0 WHEN 'kanwil' THEN 1 ELSE 2 END, "unitName", t.revision DESC LIMIT 5000`,
    params,
  );
}
