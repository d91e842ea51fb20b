import type { ScopeLevel } from './roles.ts';

/** Where a user works: the whole nation, one Kanwil, or one UPT (within its Kanwil). */
export type UserScope =
  | { level: 'national' }
  | { level: 'kanwil'; kanwilId: number }
  | { level: 'upt'; kanwilId: number; uptId: number };

/** What a record belongs to. A national record has neither. */
export interface RecordScope {
  kanwilId?: number | null;
  uptId?: number | null;
}

export function scopeFromRow(row: { scope_level: ScopeLevel; kanwil_id: number | null; upt_id: number | null }): UserScope {
  if (row.scope_level === 'national') return { level: 'national' };
  if (row.scope_level === 'kanwil') return { level: 'kanwil', kanwilId: row.kanwil_id as number };
  return { level: 'upt', kanwilId: row.kanwil_id as number, uptId: row.upt_id as number };
}

/** True when a user with `scope` may see or act on a record of `target`. */
export function covers(scope: UserScope, target: RecordScope): boolean {
  if (scope.level === 'national') return true;
  if (scope.level === 'kanwil') return target.kanwilId != null && target.kanwilId === scope.kanwilId;
  return target.uptId != null && target.uptId === scope.uptId;
}

/**
 * A SQL condition restricting rows to the user's scope, for list queries.
 * `cols` names the row's kanwil and upt columns; parameters are appended to `params`.
 */
export function scopeCondition(
  scope: UserScope,
  cols: { kanwil?: string; upt?: string },
  params: unknown[],
): string {
  if (scope.level === 'national') return 'TRUE';
  if (scope.level === 'kanwil') {
    if (!cols.kanwil) return 'FALSE';
    params.push(scope.kanwilId);
    return `${cols.kanwil} = $${params.length}`;
  }
  if (!cols.upt) return 'FALSE';
  params.push(scope.uptId);
  return `${cols.upt} = $${params.length}`;
}
