import { DEFAULT_ALERT_DAYS, expiryState } from '../../../domain/partners/agreements.ts';
import { can, type Role } from '../../../shared/access/roles.ts';
import type { Agreement, Contribution, Partner } from '../../../shared/schemas/partners.ts';
import type { Queryable } from '../../db/pool.ts';
import { listFiles } from '../../files/store.ts';

export const PARTNER_SELECT = `SELECT p.id, p.upt_id AS "uptId", u.name AS "uptName", p.kanwil_id AS "kanwilId", k.name AS "kanwilName",
    COALESCE(p.province_code, rg.province_code, k.province_code) AS "provinceCode", pr.name AS "provinceName", p.name, p.kind,
    p.pokmas_group_id AS "pokmasGroupId", g.name AS "pokmasGroupName", p.contact_name AS "contactName", p.contact_phone AS "contactPhone",
    p.contact_email AS "contactEmail", p.address, p.active, p.source, p.version,
    (SELECT count(*)::int FROM partner_agreement a WHERE a.partner_id = p.id) AS agreements,
    (SELECT COALESCE(sum(value_rupiah), 0)::bigint FROM partner_contribution x WHERE x.partner_id = p.id) AS "contributionsRupiah"
  FROM partner p LEFT JOIN upt u ON u.id = p.upt_id LEFT JOIN kanwil k ON k.id = p.kanwil_id LEFT JOIN regency rg ON rg.code = u.regency_code
  LEFT JOIN province pr ON pr.code = COALESCE(p.province_code, rg.province_code, k.province_code) LEFT JOIN pokmas_group g ON g.id = p.pokmas_group_id`;

export async function findPartner(db: Queryable, id: number): Promise<Partner | undefined> {
  return db.one<Partner>(`${PARTNER_SELECT} WHERE p.id = $1`, [id]);
}

/** The installation's default alert window (app_setting `agreement_alert_days`), else 90 days. */
export async function defaultAlertDays(db: Queryable): Promise<number> {
  const r = await db.one<{ value: unknown }>(`SELECT value FROM app_setting WHERE key = 'agreement_alert_days'`);
  return typeof r?.value === 'number' && r.value > 0 ? r.value : DEFAULT_ALERT_DAYS;
}

interface AgreementRow { id: number; partnerId: number; partnerName: string; uptId: number | null; kanwilId: number | null; kind: Agreement['kind']; number: string; parties: string; scope: string; startDate: string; endDate: string; alertDays: number | null; alertRaisedOn: string | null; [k: string]: unknown }

export const AGREEMENT_SELECT = `SELECT a.id, a.partner_id AS "partnerId", p.name AS "partnerName", a.upt_id AS "uptId", a.kanwil_id AS "kanwilId", a.kind, a.number, a.parties,
    a.scope, a.start_date AS "startDate", a.end_date AS "endDate", a.alert_days AS "alertDays",
    (SELECT x.raised_on FROM agreement_alert x WHERE x.agreement_id = a.id AND x.end_date = a.end_date) AS "alertRaisedOn"
  FROM partner_agreement a JOIN partner p ON p.id = a.partner_id`;

export async function describeAgreements(db: Queryable, rows: AgreementRow[], today: string): Promise<Agreement[]> {
  const fallback = await defaultAlertDays(db);
  const files = rows.length ? await listFiles(db, 'partner_agreement', rows.map((r) => r.id)) : [];
  return rows.map((r) => {
    const alertDays = r.alertDays ?? fallback;
    return {
      ...r, alertDays, ...expiryState(r.endDate, today, alertDays),
      files: files.filter((f) => f.ownerId === r.id).map(({ ownerId: _o, ...f }) => f),
    };
  });
}

export async function agreementsOf(db: Queryable, partnerId: number, today: string): Promise<Agreement[]> {
  return describeAgreements(db, await db.query<AgreementRow>(`${AGREEMENT_SELECT} WHERE a.partner_id = $1 ORDER BY a.end_date DESC, a.id DESC`, [partnerId]), today);
}

export async function contributionsOf(db: Queryable, partnerId: number, role: Role): Promise<Contribution[]> {
  const rows = await db.query<Contribution>(
    `SELECT x.id, x.partner_id AS "partnerId", x.agreement_id AS "agreementId", x.kind, x.date, x.description, x.value_rupiah AS "valueRupiah",
            x.programme_id AS "programmeId", tp.name AS "programmeName", x.activity_id AS "activityId", wa.name AS "activityName", x.wbp_id::int AS "wbpId", w.name AS "wbpName"
       FROM partner_contribution x LEFT JOIN training_programme tp ON tp.id = x.programme_id LEFT JOIN work_activity wa ON wa.id = x.activity_id
       LEFT JOIN wbp w ON w.id = x.wbp_id
      WHERE x.partner_id = $1 ORDER BY x.date DESC, x.id DESC`,
    [partnerId],
  );
  // Partners and other readers without the personal-data permission never see who was helped.
  const personal = can(role, 'wbp.personal.read');
  return rows.map((r) => ({ ...r, wbpName: personal ? r.wbpName : null, wbpId: personal ? r.wbpId : null }));
}
