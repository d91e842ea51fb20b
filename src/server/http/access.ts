import type { Context } from 'hono';
import type { Action } from '../../shared/access/roles.ts';
import type { RecordScope } from '../../shared/access/scope.ts';
import type { AppEnv } from './context.ts';

/**
 * Every route declares who may call it. The declaration is checked before the request body is
 * read; a route registered without one fails the permission test.
 *
 * - public: anyone, signed in or not (the reason is documented beside it).
 * - self: any signed-in user, acting on their own account.
 * - action: the user's role must hold `action`; with `target`, the record the route touches
 *   must also lie inside the user's scope (otherwise 403 OUT_OF_SCOPE). List routes without a
 *   target narrow their results to the user's scope in their query.
 */
export type Access =
  | { kind: 'public'; reason: string }
  | { kind: 'self'; duringPasswordChange?: boolean }
  | { kind: 'action'; action: Action; target?: TargetResolver; scope: 'reference' | 'filtered' | 'target' | 'own' | 'national' };

/** Resolves the Kanwil/UPT of the record a request is about; undefined means "not found". */
export type TargetResolver = (c: Context<AppEnv>) => Promise<RecordScope | undefined>;

export const publicRoute = (reason: string): Access => ({ kind: 'public', reason });
export const selfRoute = (opts: { duringPasswordChange?: boolean } = {}): Access => ({ kind: 'self', ...opts });
/** Reference data (organisation lists) every holder of `action` may read nationwide. */
export const referenceRoute = (action: Action): Access => ({ kind: 'action', action, scope: 'reference' });
/** A list whose query narrows rows to the user's scope. */
export const filteredRoute = (action: Action): Access => ({ kind: 'action', action, scope: 'filtered' });
/** A route about one record, whose scope `target` resolves. */
export const targetRoute = (action: Action, target: TargetResolver): Access => ({ kind: 'action', action, scope: 'target', target });
/** Creates a record inside the caller's own scope; the service refuses a UPT outside it. */
export const ownScopeRoute = (action: Action): Access => ({ kind: 'action', action, scope: 'own' });
/** Only national-scope holders of `action`. */
export const nationalRoute = (action: Action): Access => ({ kind: 'action', action, scope: 'national' });

/** Key of the registry: METHOD and Hono path, e.g. `PATCH /api/v1/org/upts/:uptId`. */
export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

export const ACCESS_REGISTRY = new Map<string, Access>();

/** Registers a route outside the API prefix (health, metrics, web app) with its access rule. */
export function declarePlainRoute(method: string, path: string, access: Access): void {
  ACCESS_REGISTRY.set(routeKey(method, path), access);
}

/**
 * The resolver for a route about one row of a table carrying `kanwil_id` and `upt_id`, found by the
 * path parameter `param` (e.g. `rowTarget('sale', 'saleId')`). The table name is a literal from
 * code, never from the request.
 */
export function rowTarget(table: string, param: string): TargetResolver {
  const sql = `SELECT kanwil_id, upt_id FROM ${table} WHERE id = $1`;
  return async (c) => {
    const id = Number(c.req.param(param));
    if (!Number.isSafeInteger(id) || id <= 0) return undefined;
    const r = await c.get('services').db.one<{ kanwil_id: number; upt_id: number }>(sql, [id]);
    return r ? { kanwilId: r.kanwil_id, uptId: r.upt_id } : undefined;
  };
}
