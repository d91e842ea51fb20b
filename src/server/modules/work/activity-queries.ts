import type { Queryable } from '../../db/pool.ts';
import type { Activity } from '../../../shared/schemas/work.ts';

export interface ActivityRow {
  id: number;
  upt_id: number;
  upt_name: string;
  kanwil_id: number;
  name: string;
  category: Activity['category'];
  place_kind: Activity['placeKind'];
  place_name: string | null;
  capacity: number;
  weekdays: number[];
  sessions: string[];
  partner_name: string | null;
  outside: boolean;
  open_to_detainees: boolean;
  lapas_industri: boolean;
  industri: unknown;
  active: boolean;
  source: string;
  version: number;
  allocated: number;
  waitlisted: number;
  [key: string]: unknown;
}

export interface PayRuleRow {
  effective_from: string;
  kind: 'daily' | 'hourly' | 'piece' | 'proceeds_share';
  rate_rupiah: number;
  hours_per_session: number | null;
  [key: string]: unknown;
}

const SELECT = `SELECT a.*, u.name AS upt_name,
    (SELECT count(*)::int FROM work_allocation x WHERE x.activity_id = a.id AND x.status = 'active') AS allocated,
    (SELECT count(*)::int FROM work_allocation x WHERE x.activity_id = a.id AND x.status = 'waitlist') AS waitlisted
  FROM work_activity a JOIN upt u ON u.id = a.upt_id`;

export async function findActivity(db: Queryable, id: number): Promise<ActivityRow | undefined> {
  return db.one<ActivityRow>(`${SELECT} WHERE a.id = $1`, [id]);
}

export async function listActivities(db: Queryable, cond: string, params: unknown[]): Promise<ActivityRow[]> {
  return db.query<ActivityRow>(`${SELECT} WHERE ${cond} ORDER BY u.name, a.name LIMIT 500`, params);
}

export async function payRules(db: Queryable, activityId: number): Promise<PayRuleRow[]> {
  return db.query<PayRuleRow>('SELECT effective_from, kind, rate_rupiah, hours_per_session FROM pay_rule WHERE activity_id = $1 ORDER BY effective_from', [activityId]);
}

export function toActivity(r: ActivityRow, rules: PayRuleRow[], history: Array<{ id: string; en: string }>): Activity {
  return {
    id: r.id,
    uptId: r.upt_id,
    uptName: r.upt_name,
    kanwilId: r.kanwil_id,
    name: r.name,
    category: r.category,
    placeKind: r.place_kind,
    placeName: r.place_name,
    capacity: r.capacity,
    weekdays: r.weekdays,
    sessions: r.sessions,
    partnerName: r.partner_name,
    outside: r.outside,
    openToDetainees: r.open_to_detainees,
    lapasIndustri: r.lapas_industri,
    industri: r.industri,
    active: r.active,
    source: r.source,
    version: r.version,
    allocated: r.allocated,
    waitlisted: r.waitlisted,
    payRules: rules.map((p) => ({ effectiveFrom: p.effective_from, kind: p.kind, rateRupiah: p.rate_rupiah, hoursPerSession: p.hours_per_session })),
    payHistory: history,
  };
}
