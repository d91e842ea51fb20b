import type { Context } from 'hono';
import type { TargetResolver } from '../../http/access.ts';
import { covers } from '../../../shared/access/scope.ts';
import type { Queryable } from '../../db/pool.ts';
import { currentUser } from '../../http/actor.ts';
import type { AppEnv } from '../../http/context.ts';
import { invalidField, outOfScope } from '../../http/errors.ts';

export interface PartnerScope {
  uptId: number | null;
  kanwilId: number | null;
}

/**
 * Where a new partner record goes. Partners work with a UPT or Bapas, a Kanwil, or nationally (a
 * ministry, a national firm): a UPT user's own UPT whatever the request says; a Kanwil user's Kanwil
 * or one of its UPTs; a national user anywhere, national when nothing is given.
 */
export async function resolvePartnerScope(c: Context<AppEnv>, tx: Queryable, uptId: number | null | undefined, kanwilId: number | null | undefined): Promise<PartnerScope> {
  const scope = currentUser(c).scope;
  if (scope.level === 'upt') return { uptId: scope.uptId, kanwilId: scope.kanwilId };
  if (uptId) {
    const upt = await tx.one<{ id: number; kanwil_id: number }>('SELECT id, kanwil_id FROM upt WHERE id = $1', [uptId]);
    if (!upt) throw invalidField('uptId', 'upt_unknown');
    if (!covers(scope, { kanwilId: upt.kanwil_id, uptId: upt.id })) throw outOfScope();
    return { uptId: upt.id, kanwilId: upt.kanwil_id };
  }
  if (scope.level === 'kanwil') {
    if (kanwilId && kanwilId !== scope.kanwilId) throw outOfScope();
    return { uptId: null, kanwilId: scope.kanwilId };
  }
  if (kanwilId) {
    if (!(await tx.one('SELECT 1 FROM kanwil WHERE id = $1', [kanwilId]))) throw invalidField('kanwilId', 'kanwil_unknown');
    return { uptId: null, kanwilId };
  }
  return { uptId: null, kanwilId: null };
}

const scopeOf = (r: { kanwil_id: number | null; upt_id: number | null } | undefined) => (r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined);

export const partnerTarget: TargetResolver = async (c) =>
  scopeOf(await c.get('services').db.one('SELECT kanwil_id, upt_id FROM partner WHERE id = $1', [Number(c.req.param('partnerId'))]));
export const agreementTarget: TargetResolver = async (c) =>
  scopeOf(await c.get('services').db.one('SELECT kanwil_id, upt_id FROM partner_agreement WHERE id = $1', [Number(c.req.param('agreementId'))]));
