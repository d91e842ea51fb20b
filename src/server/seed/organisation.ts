import type { Queryable } from '../db/pool.ts';
import { createRng } from '../../domain/random/prng.ts';
import { generateCapacities } from './generated-capacity.ts';
import type { ReferenceData } from './reference-data.ts';

const SOURCE_UPT_LIST = 'shared/data/upt/daftar-upt-nasional.csv';

/** Units without a published security level get a plausible generated one (marked as such). */
function generatedSecurityLevel(type: string, modifiers: readonly string[]): string | null {
  if (type === 'bapas' || type === 'rs' || type === 'rupbasan') return null;
  if (modifiers.includes('terbuka')) return 'minimum';
  if (type === 'lpka') return 'medium';
  return 'medium';
}

/** Loads provinces, regencies, Kanwils and UPTs from the real reference lists, in bulk. */
export async function seedOrganisation(tx: Queryable, ref: ReferenceData, seed: number): Promise<void> {
  await tx.query(`INSERT INTO province (code, name) SELECT * FROM unnest($1::text[], $2::text[])`, [
    ref.provinces.map((p) => p.code),
    ref.provinces.map((p) => p.name),
  ]);
  await tx.query(`INSERT INTO regency (code, province_code, name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
    ref.regencies.map((r) => r.code),
    ref.regencies.map((r) => r.provinceCode),
    ref.regencies.map((r) => r.name),
  ]);
  const kanwils = await tx.query<{ id: number; raw_name: string }>(
    `INSERT INTO kanwil (name, raw_name, province_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) RETURNING id, raw_name`,
    [ref.kanwils.map((k) => k.name), ref.kanwils.map((k) => k.rawName), ref.kanwils.map((k) => k.provinceCode)],
  );
  const kanwilId = new Map(kanwils.map((k) => [k.raw_name, k.id]));
  const capacities = generateCapacities(ref.upts, createRng(seed));
  const u = ref.upts;
  const securityLevel = u.map((x) => x.securityLevel ?? generatedSecurityLevel(x.type, x.modifiers));
  const securitySource = u.map((x, i) => x.securityLevelSource ?? (securityLevel[i] ? 'generated' : null));
  await tx.query(
    `INSERT INTO upt (kanwil_id, name, raw_name, type, type_raw, class, class_raw, modifiers, security_level,
                      security_level_source, place, capacity, capacity_source, source)
     SELECT k, n, r, t, tr, c, cr, string_to_array(m, ','), s, ss, p, cap, CASE WHEN cap IS NULL THEN NULL ELSE 'generated' END, $13
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::int[]) AS x(k, n, r, t, tr, c, cr, m, s, ss, p, cap)`,
    [
      u.map((x) => {
        const id = kanwilId.get(x.kanwilRaw);
        if (id === undefined) throw new Error(`UPT ${x.rawName}: unknown Kanwil ${x.kanwilRaw}`);
        return id;
      }),
      u.map((x) => x.name),
      u.map((x) => x.rawName),
      u.map((x) => x.type),
      u.map((x) => x.typeRaw),
      u.map((x) => x.class),
      u.map((x) => x.classRaw),
      u.map((x) => x.modifiers.join(',')),
      securityLevel,
      securitySource,
      u.map((x) => x.place),
      capacities,
      SOURCE_UPT_LIST,
    ],
  );
}
