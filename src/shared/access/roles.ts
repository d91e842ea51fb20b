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
] as const;
export type Action = (typeof ACTIONS)[number];

const READ_ALL: Action[] = ['org.read', 'user.read', 'audit.read', 'wbp.personal.read', 'wbp.read', 'calculation.run', 'work.read'];

export const GRANTS: Record<Role, readonly Action[]> = {
  pusat_admin: [...READ_ALL, 'org.write', 'user.manage', 'holiday.write', 'remission.approve'],
  pusat_pimpinan: ['org.read', 'user.read', 'wbp.personal.read', 'wbp.read', 'calculation.run', 'work.read'],
  kanwil_officer: ['org.read', 'user.read', 'wbp.personal.read', 'wbp.read', 'calculation.run', 'remission.verify', 'work.read'],
  upt_head: ['org.read', 'user.read', 'wbp.personal.read', 'wbp.read', 'wbp.write', 'wbp.import', 'calculation.run', 'remission.propose', 'work.read', 'work.write', 'premi.pay'],
  upt_operator: ['org.read', 'wbp.personal.read', 'wbp.read', 'wbp.write', 'wbp.import', 'calculation.run', 'work.read', 'work.write'],
  auditor: READ_ALL,
  // Partners see the organisation only: no inmate data.
  partner: ['org.read'],
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
