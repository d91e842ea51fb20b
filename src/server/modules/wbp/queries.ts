import type { Queryable } from '../../db/pool.ts';
import { scopeCondition, type UserScope } from '../../../shared/access/scope.ts';
import type { WbpListQuery, WbpSummary } from '../../../shared/schemas/wbp.ts';
import { searchKey } from '../../../domain/text/search-key.ts';
import { registerKey } from '../../../domain/wbp/register-number.ts';
import { likeLiteral } from '../../db/like.ts';

export interface WbpRow {
  id: number;
  upt_id: number;
  upt_name: string;
  kanwil_id: number;
  no_register: string;
  name: string;
  sex: 'L' | 'P' | null;
  birth_date: string | null;
  religion: string | null;
  religion_raw: string | null;
  status: WbpSummary['status'];
  status_raw: string | null;
  crime_category: string | null;
  crime_raw: string | null;
  special_crimes: string[];
  detention_start: string | null;
  admitted_on: string | null;
  released_on: string | null;
  release_reason: string | null;
  verdict_document: boolean;
  flags: string[];
  premi_account: string | null;
  source: string;
  version: number;
  [key: string]: unknown;
}

export async function findWbp(db: Queryable, id: number): Promise<WbpRow | undefined> {
  return db.one<WbpRow>(`SELECT w.*, u.name AS upt_name FROM wbp w JOIN upt u ON u.id = w.upt_id WHERE w.id = $1`, [id]);
}

/**
 * Inmates in the caller's scope. The search key matches the register number's start or any
 * part of the name, ignoring case and accents (trigram index on the normalised name).
 */
export async function listWbp(db: Queryable, q: WbpListQuery, scope: UserScope): Promise<{ items: WbpSummary[]; total: number }> {
  const params: unknown[] = [];
  const where = [scopeCondition(scope, { kanwil: 'w.kanwil_id', upt: 'w.upt_id' }, params)];
  if (q.q) {
    const key = searchKey(q.q);
    params.push(`%${key}%`, `${likeLiteral(registerKey(q.q))}%`);
    where.push(`(w.name_search LIKE $${params.length - 1} OR w.no_register_key LIKE $${params.length})`);
  }
  if (q.status) {
    params.push(q.status);
    where.push(`w.status = $${params.length}`);
  }
  if (q.uptId) {
    params.push(q.uptId);
    where.push(`w.upt_id = $${params.length}`);
  }
  if (q.state === 'active') where.push('w.released_on IS NULL');
  if (q.state === 'released') where.push('w.released_on IS NOT NULL');
  const cond = where.join(' AND ');
  const total = await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM wbp w WHERE ${cond}`, params);
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows = await db.query<WbpRow & { expiry: string | null; two_thirds: string | null; detention_end: string | null }>(
    `SELECT w.*, u.name AS upt_name, d.expiry, d.two_thirds, d.detention_end
       FROM wbp w JOIN upt u ON u.id = w.upt_id LEFT JOIN wbp_dates d ON d.wbp_id = w.id
      WHERE ${cond} ORDER BY w.name_search, w.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      uptId: r.upt_id,
      uptName: r.upt_name,
      noRegister: r.no_register,
      name: r.name,
      sex: r.sex,
      status: r.status,
      crimeCategory: r.crime_category,
      detentionStart: r.detention_start,
      releasedOn: r.released_on,
      expiry: r.expiry,
      twoThirds: r.two_thirds,
      detentionEnd: r.detention_end,
    })),
  };
}

export interface CaseRecords {
  sentences: Array<Record<string, unknown>>;
  detentionOrders: Array<Record<string, unknown>>;
  registerF: Array<Record<string, unknown>>;
  remissions: Array<Record<string, unknown>>;
  transfers: Array<Record<string, unknown>>;
}

/** Everything the engine needs about one inmate, in record order. */
export async function loadCaseRecords(db: Queryable, wbpId: number): Promise<CaseRecords> {
  // One after another: inside a transaction they share one connection.
  const sentences = await db.query('SELECT * FROM wbp_sentence WHERE wbp_id = $1 ORDER BY verdict_date, id', [wbpId]);
  const detentionOrders = await db.query('SELECT * FROM detention_order WHERE wbp_id = $1 ORDER BY start_date, id', [wbpId]);
  const registerF = await db.query('SELECT * FROM register_f WHERE wbp_id = $1 ORDER BY date, id', [wbpId]);
  const remissions = await db.query('SELECT * FROM remission_grant WHERE wbp_id = $1 ORDER BY occasion_date, id', [wbpId]);
  const transfers = await db.query(
    `SELECT t.*, fu.name AS from_upt_name, tu.name AS to_upt_name FROM wbp_transfer t
       JOIN upt fu ON fu.id = t.from_upt_id JOIN upt tu ON tu.id = t.to_upt_id WHERE t.wbp_id = $1 ORDER BY t.date, t.id`,
    [wbpId],
  );
  return { sentences, detentionOrders, registerF, remissions, transfers };
}
