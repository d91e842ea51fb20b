import type { Queryable } from '../db/pool.ts';
import type { Role } from '../../shared/access/roles.ts';
import { hashPassword } from '../auth/password.ts';
import { parseUptName } from '../../domain/org/upt-name.ts';

/** Printed at start in demo mode; outside demo mode every seeded account must change it. */
export const DEMO_PASSWORD = 'Kemandirian2026';

export interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  /** Raw Kanwil name (source list) for Kanwil/UPT scope. */
  kanwil?: string;
  /** Raw UPT name (source list) for UPT scope. */
  upt?: string;
}

/** The demo UPTs that later modules populate fully; two Kanwils so scope limits can be seen. */
export const DEMO_UPTS = [
  { kanwil: 'Jawa Tengah', upt: 'LAPAS KELAS I SEMARANG', slug: 'lapas.semarang' },
  { kanwil: 'Jawa Tengah', upt: 'RUTAN KELAS I SURAKARTA', slug: 'rutan.surakarta' },
  { kanwil: 'Jawa Tengah', upt: 'LAPAS KELAS IIA PEREMPUAN SEMARANG', slug: 'lpp.semarang' },
  { kanwil: 'Jawa Tengah', upt: 'LAPAS KELAS IIB TERBUKA NUSAKAMBANGAN', slug: 'lapasterbuka.nk' },
  { kanwil: 'Jawa Tengah', upt: 'LEMBAGA PEMBINAAN KHUSUS ANAK KELAS I KUTOARJO', slug: 'lpka.kutoarjo' },
  { kanwil: 'Banten', upt: 'LAPAS KELAS I TANGERANG', slug: 'lapas.tangerang' },
] as const;

export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [
    { username: 'admin.pusat', fullName: 'Admin Pusat Ditjenpas', role: 'pusat_admin' },
    { username: 'pimpinan.pusat', fullName: 'Direktur Binapi & Latkepro', role: 'pusat_pimpinan' },
    { username: 'auditor.itjen', fullName: 'Auditor Inspektorat', role: 'auditor' },
    { username: 'kanwil.jateng', fullName: 'Kadiv Pemasyarakatan Jawa Tengah', role: 'kanwil_officer', kanwil: 'Jawa Tengah' },
    { username: 'kanwil.banten', fullName: 'Kadiv Pemasyarakatan Banten', role: 'kanwil_officer', kanwil: 'Banten' },
  ];
  for (const d of DEMO_UPTS) {
    const name = parseUptName(d.upt).name;
    accounts.push({ username: `kepala.${d.slug}`, fullName: `Kepala ${name}`, role: 'upt_head', kanwil: d.kanwil, upt: d.upt });
    accounts.push({ username: `operator.${d.slug}`, fullName: `Operator Giatja ${name}`, role: 'upt_operator', kanwil: d.kanwil, upt: d.upt });
  }
  accounts.push({ username: 'mitra.demo', fullName: 'Mitra Pokmas Lipas (demo)', role: 'partner', kanwil: 'Jawa Tengah' });
  return accounts;
}

/** Creates the demo accounts; one argon2id hash serves them all (hashing is deliberately slow). */
export async function seedUsers(tx: Queryable, accounts: DemoAccount[], opts: { mustChangePassword: boolean }): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const a of accounts) {
    const scopeLevel = a.upt ? 'upt' : a.kanwil ? 'kanwil' : 'national';
    await tx.query(
      `INSERT INTO app_user (username, full_name, role, scope_level, kanwil_id, upt_id, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4,
         (SELECT id FROM kanwil WHERE raw_name = $5),
         (SELECT u.id FROM upt u JOIN kanwil k ON k.id = u.kanwil_id WHERE k.raw_name = $5 AND u.raw_name = $6),
         $7, $8)`,
      [a.username, a.fullName, a.role, scopeLevel, a.kanwil ?? null, a.upt ?? null, hash, opts.mustChangePassword],
    );
  }
}
