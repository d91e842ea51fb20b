import { likeLiteral } from '../../db/like.ts';
import type { Queryable } from '../../db/pool.ts';
import type { Kanwil, Upt, UptListQuery } from '../../../shared/schemas/org.ts';

interface UptRow {
  id: number;
  kanwil_id: number;
  kanwil_name: string;
  name: string;
  raw_name: string;
  type: Upt['type'];
  type_raw: string | null;
  class: Upt['class'];
  class_raw: string | null;
  modifiers: string[];
  security_level: Upt['securityLevel'];
  security_level_source: string | null;
  place: string | null;
  regency_code: string | null;
  address: string | null;
  capacity: number | null;
  capacity_source: string | null;
  source: string;
  active: boolean;
  version: number;
  updated_at: Date;
  [key: string]: unknown;
}

const UPT_SELECT = `SELECT u.*, k.name AS kanwil_name FROM upt u JOIN kanwil k ON k.id = u.kanwil_id`;

export function toUpt(r: UptRow): Upt {
  return {
    id: r.id,
    kanwilId: r.kanwil_id,
    kanwilName: r.kanwil_name,
    name: r.name,
    rawName: r.raw_name,
    type: r.type,
    typeRaw: r.type_raw,
    class: r.class,
    classRaw: r.class_raw,
    modifiers: r.modifiers,
    securityLevel: r.security_level,
    securityLevelSource: r.security_level_source,
    place: r.place,
    regencyCode: r.regency_code,
    address: r.address,
    capacity: r.capacity,
    capacitySource: r.capacity_source,
    source: r.source,
    active: r.active,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function findUpt(db: Queryable, id: number): Promise<Upt | undefined> {
  const row = await db.one<UptRow>(`${UPT_SELECT} WHERE u.id = $1`, [id]);
  return row ? toUpt(row) : undefined;
}

/** Search is accent- and case-insensitive on the display and raw names. */
export async function listUpts(db: Queryable, q: UptListQuery): Promise<{ items: Upt[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (q.q) {
    params.push(`%${likeLiteral(q.q.toLowerCase())}%`);
    where.push(`(lower(u.name) LIKE $${params.length} OR lower(u.raw_name) LIKE $${params.length} OR lower(k.name) LIKE $${params.length})`);
  }
  if (q.kanwilId) {
    params.push(q.kanwilId);
    where.push(`u.kanwil_id = $${params.length}`);
  }
  if (q.type) {
    params.push(q.type);
    where.push(`u.type = $${params.length}`);
  }
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM upt u JOIN kanwil k ON k.id = u.kanwil_id ${cond}`, params);
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows = await db.query<UptRow>(
    `${UPT_SELECT} ${cond} ORDER BY k.name, u.type, u.name LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { items: rows.map(toUpt), total: total?.n ?? 0 };
}

export async function listKanwils(db: Queryable): Promise<Kanwil[]> {
  const rows = await db.query<{
    id: number;
    name: string;
    raw_name: string;
    province_code: string | null;
    province_name: string | null;
    upt_count: number;
    capacity: number;
    generated: number;
    active: boolean;
    version: number;
  }>(
    `SELECT k.id, k.name, k.raw_name, k.province_code, p.name AS province_name, k.version, k.active,
            count(u.id)::int AS upt_count, COALESCE(sum(u.capacity), 0)::int AS capacity,
            count(u.id) FILTER (WHERE u.capacity_source = 'generated')::int AS generated
       FROM kanwil k LEFT JOIN province p ON p.code = k.province_code LEFT JOIN upt u ON u.kanwil_id = k.id
      GROUP BY k.id, p.name ORDER BY k.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    rawName: r.raw_name,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    uptCount: r.upt_count,
    capacity: r.capacity,
    generatedCapacityUpts: r.generated,
    active: r.active,
    version: r.version,
  }));
}
