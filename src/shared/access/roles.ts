/**
 * Who may do what. One table, read by the API (to authorise every route) and by the web app
 * (to show only what a user can use). Scope limits are applied on top: a grant never crosses
 * the user's own Kanwil or UPT unless the user's scope is national.
 */
export const ROLES = [
  'pusat_admin',
  'pusat_pimpinan',
  'kanwil_officer',
  'upt_head',
  'upt_operator',
  'auditor',
  'partner',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_LEVELS = ['national', 'kanwil', 'upt'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** Which scope levels each role may be given. */
export const ROLE_SCOPES: Record<Role, readonly ScopeLevel[]> = {
  pusat_admin: ['national'],
  pusat_pimpinan: ['national'],
  kanwil_officer: ['kanwil'],
  upt_head: ['upt'],
  upt_operator: ['upt'],
  auditor: ['national', 'kanwil'],
  partner: ['national', 'kanwil', 'upt'],
};

export const ACTIONS = [
  'org.read', // organisation: Kanwil and UPT registry
  'org.write',
  'user.read',
  'user.manage',
  'audit.read',
  'wbp.personal.read', // inmate personal data (names, birth dates, registers)
  'wbp.read', // inmate registry, sentence dates, overstay lists
  'wbp.write', // record inmates, cases, detention orders, register F, releases
  'wbp.import', // import SDP exports
  'calculation.run', // the sentence engine on a case given in the request (no stored data)
  'holiday.write', // religious holiday dates (remisi khusus occasions)
  'remission.propose', // UPT proposes a remission run
  'remission.verify', // Kanwil verifies it
  'remission.approve', // Pusat approves it with the decree number
  'work.read', // work activities, allocation, attendance, premi, food security, production
  'work.write', // run them in a UPT: activities, allocation, attendance, harvests
  'premi.pay', // premi payouts and ledger corrections (reversals)
  'sales.read', // catalogue listings, order requests, sales, receipts, invoices, proceeds splits
  'sales.write', // run them in a UPT: listings, orders, counter sales, payments, consignment
  'pnbp.read', // PNBP due, billings (kode billing), NTPN, reconciliation, targets
  'pnbp.write', // create billings and record NTPN payments in a UPT; run the proceeds split
  'training.read', // training programmes, participants, competency tests, certificates
  'training.write', // run them in a UPT
  'partner.read', // partner register, agreements (MoU/PKS), contributions, Pokmas Lipas
  'partner.write', // keep them (UPT/Bapas, Kanwil or Pusat within scope)
  'indicator.read', // Resolusi indicators, targets, realisation dashboards, monthly reports
  'target.write', // set and allocate targets (Pusat to Kanwil, Kanwil to UPT)
  'report.submit', // UPT head submits the monthly report
  'report.verify', // Kanwil verifies it
  'report.receive', // Pusat receives it
] as const;
export type Action = (typeof ACTIONS)[number];

/** What every reader of figures may see beyond the registry: no personal data in any of these. */
const PROGRAMME_READ: Action[] = ['work.read', 'sales.read', 'pnbp.read', 'training.read', 'partner.read', 'indicator.read'];
const READ_ALL: Action[] = ['org.read', 'user.read', 'audit.read', 'wbp.personal.read', 'wbp.read', 'calculation.run', ...PROGRAMME_READ];

export const GRANTS: Record<Role, readonly Action[]> = {
  pusat_admin: [...READ_ALL, 'org.write', 'user.manage', 'holiday.write', 'remission.approve', 'partner.write', 'target.write', 'report.receive'],
  pusat_pimpinan: ['org.read', 'user.read', 'wbp.personal.read', 'wbp.read', 'calculation.run', ...PROGRAMME_READ, 'target.write', 'report.receive'],
  kanwil_officer: ['org.read', 'user.read', 'wbp.personal.read', 'wbp.read', 'calculation.run', 'remission.verify', ...PROGRAMME_READ, 'partner.write', 'target.write', 'report.verify'],
  upt_head: ['org.read', 'user.read', 'wbp.personal.read', 'wbp.read', 'wbp.write', 'wbp.import', 'calculation.run', 'remission.propose', ...PROGRAMME_READ, 'work.write', 'premi.pay', 'sales.write', 'pnbp.write', 'training.write', 'partner.write', 'report.submit'],
  upt_operator: ['org.read', 'wbp.personal.read', 'wbp.read', 'wbp.write', 'wbp.import', 'calculation.run', ...PROGRAMME_READ, 'work.write', 'sales.write', 'training.write', 'partner.write'],
  auditor: READ_ALL,
  // Partners see the organisation and the programmes they take part in, never inmate data.
  partner: ['org.read', 'partner.read'],
};

export function can(role: Role, action: Action): boolean {
  return GRANTS[role].includes(action);
}

export const ROLE_LABELS: Record<Role, { id: string; en: string }> = {
  pusat_admin: { id: 'Admin Pusat', en: 'Head office administrator' },
  pusat_pimpinan: { id: 'Pimpinan Pusat', en: 'Head office leadership' },
  kanwil_officer: { id: 'Petugas Kanwil', en: 'Regional office officer' },
  upt_head: { id: 'Kepala UPT (Kalapas/Karutan)', en: 'Head of unit (Kalapas/Karutan)' },
  upt_operator: { id: 'Operator UPT (Giatja/Binapi)', en: 'Unit operator (Giatja/Binapi)' },
  auditor: { id: 'Auditor (Inspektorat)', en: 'Auditor (Inspectorate)' },
  partner: { id: 'Mitra', en: 'Partner' },
};
