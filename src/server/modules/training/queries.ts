import type { Queryable } from '../../db/pool.ts';
import type { Participant, Programme } from '../../../shared/schemas/training.ts';

export interface ProgrammeRow {
  id: number;
  upt_id: number;
  upt_name: string;
  kanwil_id: number;
  name: string;
  skill: string;
  scheme: string | null;
  provider_kind: Programme['providerKind'];
  provider_name: string;
  partner_id: number | null;
  lesson_hours: number;
  start_date: string;
  end_date: string;
  capacity: number;
  cost_rupiah: number;
  funded_by: Programme['fundedBy'];
  status: Programme['status'];
  source: string;
  version: number;
  enrolled: number;
  completed: number;
  certified: number;
  [key: string]: unknown;
}

const SELECT = `SELECT p.*, u.name AS upt_name,
    (SELECT count(*)::int FROM training_participant x WHERE x.programme_id = p.id AND x.status <> 'dropped') AS enrolled,
    (SELECT count(*)::int FROM training_participant x WHERE x.programme_id = p.id AND x.status = 'completed') AS completed,
    (SELECT count(*)::int FROM competency_test t WHERE t.programme_id = p.id AND t.result = 'kompeten') AS certified
  FROM training_programme p JOIN upt u ON u.id = p.upt_id`;

export async function findProgramme(db: Queryable, id: number): Promise<ProgrammeRow | undefined> {
  return db.one<ProgrammeRow>(`${SELECT} WHERE p.id = $1`, [id]);
}

export async function listProgrammes(db: Queryable, cond: string, params: unknown[]): Promise<ProgrammeRow[]> {
  return db.query<ProgrammeRow>(`${SELECT} WHERE ${cond} ORDER BY p.start_date DESC, u.name, p.name LIMIT 500`, params);
}

export function toProgramme(r: ProgrammeRow): Programme {
  return {
    id: r.id, uptId: r.upt_id, uptName: r.upt_name, kanwilId: r.kanwil_id, name: r.name, skill: r.skill, scheme: r.scheme,
    providerKind: r.provider_kind, providerName: r.provider_name, partnerId: r.partner_id, lessonHours: r.lesson_hours,
    startDate: r.start_date, endDate: r.end_date, capacity: r.capacity, costRupiah: Number(r.cost_rupiah), fundedBy: r.funded_by,
    status: r.status, source: r.source, version: r.version, enrolled: r.enrolled, completed: r.completed, certified: r.certified,
  };
}

export async function participants(db: Queryable, programmeId: number, personal: boolean): Promise<Participant[]> {
  const rows = await db.query<{
    id: number; wbp_id: number; no_register: string; name: string; status: Participant['status']; attended_hours: number; completed_on: string | null;
    drop_reason: string | null; version: number; test_id: number | null; result: 'kompeten' | 'belum_kompeten' | null; test_date: string | null; certificate_number: string | null;
  }>(
    `SELECT x.id, x.wbp_id, w.no_register, w.name, x.status, x.attended_hours, x.completed_on, x.drop_reason, x.version,
            t.id AS test_id, t.result, t.test_date, t.certificate_number
       FROM training_participant x JOIN wbp w ON w.id = x.wbp_id
       LEFT JOIN LATERAL (SELECT * FROM competency_test t WHERE t.participant_id = x.id ORDER BY (t.result = 'kompeten') DESC, t.test_date DESC, t.id DESC LIMIT 1) t ON true
      WHERE x.programme_id = $1 ORDER BY w.name_search, x.id`,
    [programmeId],
  );
  return rows.map((r) => ({
    id: Number(r.id), wbpId: Number(r.wbp_id), noRegister: personal ? r.no_register : null, name: personal ? r.name : null, status: r.status,
    attendedHours: r.attended_hours, completedOn: r.completed_on, dropReason: r.drop_reason, version: r.version,
    test: r.test_id ? { id: Number(r.test_id), result: r.result!, testDate: r.test_date!, certificateNumber: r.certificate_number } : null,
  }));
}

/**
 * \`training_month_rollup\` computed from scratch: participants completed in the month, competency
 * tests taken in it and those found competent. The rollup check (ops) and the seed's bulk load use it.
 */
export const TRAINING_ROLLUP_FROM_RECORDS = `
  SELECT upt_id, kanwil_id, month, sum(trained)::bigint AS trained, sum(tested)::bigint AS tested, sum(certified)::bigint AS certified FROM (
    SELECT upt_id, kanwil_id, date_trunc('month', completed_on)::date AS month, count(*) AS trained, 0 AS tested, 0 AS certified
      FROM training_participant WHERE completed_on IS NOT NULL GROUP BY 1, 2, 3
    UNION ALL
    SELECT upt_id, kanwil_id, date_trunc('month', test_date)::date, 0, count(*), count(*) FILTER (WHERE result = 'kompeten')
      FROM competency_test GROUP BY 1, 2, 3
  ) s GROUP BY 1, 2, 3`;

/** Moves the month's realisation by a difference, in the caller's transaction. */
export async function bumpRollup(tx: Queryable, upt: { upt_id: number; kanwil_id: number }, date: string, d: { trained?: number; tested?: number; certified?: number }) {
  await tx.query(
    `INSERT INTO training_month_rollup (upt_id, kanwil_id, month, trained, tested, certified) VALUES ($1, $2, date_trunc('month', $3::date)::date, $4, $5, $6)
     ON CONFLICT (upt_id, month) DO UPDATE SET trained = training_month_rollup.trained + EXCLUDED.trained,
       tested = training_month_rollup.tested + EXCLUDED.tested, certified = training_month_rollup.certified + EXCLUDED.certified`,
    [upt.upt_id, upt.kanwil_id, date, d.trained ?? 0, d.tested ?? 0, d.certified ?? 0],
  );
}
