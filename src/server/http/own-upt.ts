import type { Context } from 'hono';
import { covers } from '../../shared/access/scope.ts';
import type { Queryable } from '../db/pool.ts';
import { currentUser } from './actor.ts';
import type { AppEnv } from './context.ts';
import { invalidField, outOfScope } from './errors.ts';

export interface OwnUpt {
  id: number;
  kanwil_id: number;
  [key: string]: unknown;
}

/**
 * The UPT a new record goes to (routes declared `ownScopeRoute`): a UPT user's own UPT whatever
 * the request says; for wider scopes the requested UPT, which must lie inside the user's scope.
 */
export async function resolveOwnUpt(c: Context<AppEnv>, tx: Queryable, requested: number | undefined): Promise<OwnUpt> {
  const user = currentUser(c);
  const id = user.scope.level === 'upt' ? user.scope.uptId : requested;
  if (!id) throw invalidField('uptId', 'required');
  const upt = await tx.one<OwnUpt>('SELECT id, kanwil_id FROM upt WHERE id = $1', [id]);
  if (!upt) throw invalidField('uptId', 'upt_unknown');
  if (!covers(user.scope, { kanwilId: upt.kanwil_id, uptId: upt.id })) throw outOfScope();
  return upt;
}
