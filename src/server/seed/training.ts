import { addDays, addYears } from '../../domain/calendar/date.ts';
import { createRng } from '../../domain/random/prng.ts';
import type { Queryable } from '../db/pool.ts';
import { generateTraining } from './generate-training.ts';
import { TRAINING_ROLLUP_FROM_RECORDS } from '../modules/training/queries.ts';

const CHUNK = 20_000;

/** Bulk-loads generated programmes, participants and tests, then rebuilds the rollup of their UPTs. */
export async function loadTraining(tx: Queryable, g: ReturnType<typeof generateTraining>): Promise<void> {
  const p = g.programmes;
  for (let i = 0; i < p.length; i += CHUNK) {
    const c = p.slice(i, i + CHUNK);
    await tx.query(
      `INSERT INTO training_programme (id, upt_id, kanwil_id, name, skill, scheme, provider_kind, provider_name, lesson_hours, start_date, end_date, capacity, cost_rupiah, funded_by, status, source)
       SELECT *, 'generated' FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::date[], $11::date[], $12::int[], $13::bigint[], $14::text[], $15::text[])`,
      [c.map((x) => x.id), c.map((x) => x.uptId), c.map((x) => x.kanwilId), c.map((x) => x.name), c.map((x) => x.skill), c.map((x) => x.scheme), c.map((x) => x.providerKind),
        c.map((x) => x.providerName), c.map((x) => x.lessonHours), c.map((x) => x.startDate), c.map((x) => x.endDate), c.map((x) => x.capacity), c.map((x) => x.costRupiah),
        c.map((x) => x.fundedBy), c.map((x) => x.status)],
    );
  }
  await tx.query(`SELECT setval('training_programme_id_seq', GREATEST((SELECT max(id) FROM training_programme), 1))`);
  const x = g.participants;
  for (let i = 0; i < x.length; i += CHUNK) {
    const c = x.slice(i, i + CHUNK);
    await tx.query(
      `INSERT INTO training_participant (id, programme_id, wbp_id, upt_id, kanwil_id, status, attended_hours, completed_on, drop_reason)
       SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::int[], $5::int[], $6::text[], $7::int[], $8::date[], $9::text[])`,
      [c.map((r) => r.id), c.map((r) => r.programmeId), c.map((r) => r.wbpId), c.map((r) => r.uptId), c.map((r) => r.kanwilId), c.map((r) => r.status), c.map((r) => r.attendedHours),
        c.map((r) => r.completedOn), c.map((r) => r.dropReason)],
    );
  }
  await tx.query(`SELECT setval('training_participant_id_seq', GREATEST((SELECT max(id) FROM training_participant), 1))`);
  const t = g.tests;
  for (let i = 0; i < t.length; i += CHUNK) {
    const c = t.slice(i, i + CHUNK);
    await tx.query(
      `INSERT INTO competency_test (participant_id, programme_id, wbp_id, upt_id, kanwil_id, test_date, result, scheme, lsp_name, certificate_number, issued_on)
       SELECT a, b, w, u, k, d, r, s, l, n, CASE WHEN n IS NULL THEN NULL ELSE d END
         FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::int[], $5::int[], $6::date[], $7::text[], $8::text[], $9::text[], $10::text[]) AS x(a, b, w, u, k, d, r, s, l, n)`,
      [c.map((r) => r.participantId), c.map((r) => r.programmeId), c.map((r) => r.wbpId), c.map((r) => r.uptId), c.map((r) => r.kanwilId), c.map((r) => r.testDate), c.map((r) => r.result),
        c.map((r) => r.scheme), c.map((r) => r.lspName), c.map((r) => r.certificateNumber)],
    );
  }
  await rebuildTrainingRollup(tx, [...new Set(p.map((r) => r.uptId))]);
}

/** Recomputes the monthly realisation of some UPTs from participants and tests (after a bulk load). */
export async function rebuildTrainingRollup(tx: Queryable, uptIds: number[]): Promise<void> {
  await tx.query('DELETE FROM training_month_rollup WHERE upt_id = ANY($1::int[])', [uptIds]);
  await tx.query(
    `INSERT INTO training_month_rollup (upt_id, kanwil_id, month, trained, tested, certified)
     SELECT * FROM (${TRAINING_ROLLUP_FROM_RECORDS}) r WHERE r.upt_id = ANY($1::int[])`,
    [uptIds],
  );
}

/** Demo training for the populated UPTs: this year and last, with completions and certificates. */
export async function seedTraining(tx: Queryable, opts: { seed: number; today: string; uptIds: number[] }): Promise<void> {
  if (!opts.uptIds.length) return;
  const upts = await tx.query<{ id: number; kanwil_id: number; name: string }>('SELECT id, kanwil_id, name FROM upt WHERE id = ANY($1::int[]) ORDER BY id', [opts.uptIds]);
  const held = await tx.query<{ id: number; upt_id: number }>(
    `SELECT id, upt_id FROM wbp WHERE upt_id = ANY($1::int[]) AND released_on IS NULL AND status IN ('narapidana', 'anak') ORDER BY id`,
    [opts.uptIds],
  );
  const inmates = new Map<number, number[]>();
  for (const h of held) inmates.set(h.upt_id, [...(inmates.get(h.upt_id) ?? []), Number(h.id)]);
  const g = generateTraining({
    rng: createRng(opts.seed + 71), upts: upts.map((u) => ({ id: u.id, kanwilId: u.kanwil_id, name: u.name })), inmates,
    from: `${Number(opts.today.slice(0, 4)) - 1}-07-01`, to: addDays(opts.today, 90), today: opts.today, programmesPerUpt: 8, firstProgrammeId: 1, firstParticipantId: 1,
  });
  await loadTraining(tx, g);
}

/**
 * Demo partners (all names marked "data contoh"): Pokmas Lipas at two Bapas of Jawa Tengah (one
 * meeting the rule, one short), firms, a BLK, an LSP, a university and a religious organisation with
 * agreements — one ending within 90 days of today, one 25-year build-operate-transfer — and contributions.
 */
export async function seedPartners(tx: Queryable, opts: { today: string; uptIds: number[] }): Promise<void> {
  const bapas = await tx.query<{ id: number; kanwil_id: number; raw_name: string }>(
    `SELECT u.id, u.kanwil_id, u.raw_name FROM upt u JOIN kanwil k ON k.id = u.kanwil_id WHERE k.raw_name = 'Jawa Tengah' AND u.raw_name IN ('BAPAS KELAS I SEMARANG', 'BAPAS KELAS I SURAKARTA') ORDER BY u.raw_name`,
  );
  const group = async (b: { id: number; kanwil_id: number }, name: string, field: string, members: number) => {
    const g = (await tx.one<{ id: number }>(`INSERT INTO pokmas_group (upt_id, kanwil_id, name, field, formed_on, decree_number) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [b.id, b.kanwil_id, name, field, addDays(opts.today, -300), 'W13.PAS.PK.01.01-(data contoh)']))!.id;
    for (let i = 1; i <= members; i++) {
      await tx.query(`INSERT INTO partner (upt_id, kanwil_id, name, kind, pokmas_group_id, contact_name, source) VALUES ($1,$2,$3,'pokmas_lipas',$4,$5,'generated')`,
        [b.id, b.kanwil_id, `${name} — anggota ${i} (data contoh)`, g, `Pengurus ${i}`]);
    }
  };
  const [semarang, surakarta] = [bapas.find((b) => b.raw_name.includes('SEMARANG')), bapas.find((b) => b.raw_name.includes('SURAKARTA'))];
  if (semarang) {
    await group(semarang, 'Pokmas Lipas Hukum Semarang', 'hukum_kemasyarakatan', 5);
    await group(semarang, 'Pokmas Lipas Kemandirian Semarang', 'kemandirian_kepribadian', 6);
  }
  if (surakarta) await group(surakarta, 'Pokmas Lipas Hukum Surakarta', 'hukum_kemasyarakatan', 3);

  const upts = await tx.query<{ id: number; kanwil_id: number; name: string }>('SELECT id, kanwil_id, name FROM upt WHERE id = ANY($1::int[]) ORDER BY id', [opts.uptIds]);
  const kinds = [['PT Mebel Jaya', 'firm'], ['BLK Komunitas', 'blk'], ['Universitas Mitra', 'university'], ['Yayasan Rumah Singgah', 'religious']] as const;
  let n = 0;
  for (const u of upts) {
    for (const [label, kind] of kinds) {
      n++;
      const p = (await tx.one<{ id: number }>(
        `INSERT INTO partner (upt_id, kanwil_id, name, kind, contact_name, contact_phone, source) VALUES ($1,$2,$3,$4,$5,$6,'generated') RETURNING id`,
        [u.id, u.kanwil_id, `${label} ${u.name} (data contoh)`, kind, 'Narahubung (data contoh)', `0800-000-${String(n).padStart(4, '0')}`],
      ))!.id;
      // Firms: a 25-year PKS; the first UPT's BLK: an MoU ending within 90 days; others: 3 years.
      const bot = kind === 'firm';
      // Dated from the seeding day: the PKS began almost three years before it.
      const start = bot ? addDays(opts.today, -1045) : addDays(opts.today, -1000 + n * 7);
      const end = bot ? addYears(start, 25) : n === 2 ? addDays(opts.today, 60) : addDays(start, 3 * 365);
      const a = (await tx.one<{ id: number }>(
        `INSERT INTO partner_agreement (partner_id, upt_id, kanwil_id, kind, number, parties, scope, start_date, end_date) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
        [p, u.id, u.kanwil_id, bot ? 'pks' : 'mou', `${bot ? 'PKS' : 'MOU'}/${String(n).padStart(3, '0')}/(data contoh)`, `${u.name}; ${label}`,
          bot ? 'Lapas Industri mebel: mesin dan kendali mutu dari mitra, bangun-guna-serah 25 tahun' : kind === 'blk' ? 'Pelatihan kerja bersertifikat bagi WBP' : kind === 'university' ? 'Pendampingan usaha dan riset' : 'Rumah singgah dan pekerjaan setelah bebas',
          start, end],
      ))!.id;
      const value = kind === 'firm' ? 250_000_000 : kind === 'blk' ? 45_000_000 : null;
      await tx.query(
        `INSERT INTO partner_contribution (partner_id, agreement_id, upt_id, kanwil_id, kind, date, description, value_rupiah, programme_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,(SELECT min(id) FROM training_programme WHERE upt_id = $3 AND $5 = 'training'))`,
        [p, a, u.id, u.kanwil_id, kind === 'firm' ? 'equipment' : kind === 'blk' ? 'training' : kind === 'university' ? 'experts' : 'shelter', addDays(opts.today, -40 - n),
          kind === 'firm' ? 'Mesin potong dan amplas (data contoh)' : kind === 'blk' ? 'Instruktur dan bahan latihan las (data contoh)' : kind === 'university' ? 'Dosen pendamping usaha (data contoh)' : 'Tempat tinggal sementara bagi klien (data contoh)', value],
      );
    }
  }
}
