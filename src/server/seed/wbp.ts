import type { Queryable } from '../db/pool.ts';
import { searchKey } from '../../domain/text/search-key.ts';
import type { GeneratedInmates } from './generate-wbp.ts';

const CHUNK = 20_000;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Bulk insert through `unnest` (PGlite must not receive COPY FROM STDIN), with ids chosen by the
 * generator so children can point at parents; sequences are moved past them afterwards.
 */
export async function insertInmates(tx: Queryable, g: GeneratedInmates): Promise<void> {
  await inChunks(g.wbp, (c) =>
    tx.query(
      `INSERT INTO wbp (id, upt_id, kanwil_id, no_register, name, name_search, sex, birth_date, religion, religion_raw, status, status_raw,
                        crime_category, crime_raw, special_crimes, detention_start, admitted_on, verdict_document, source,
                        released_on, release_reason)
       SELECT id, u, k, nr, n, ns, sx, bd::date, r, r, st, st, cc, cc, string_to_array(sc, ','), ds::date, ds::date, vd, 'generated',
              ro::date, CASE WHEN ro IS NULL THEN NULL ELSE 'ekspirasi' END
         FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::text[], $14::boolean[], $15::text[])
           AS x(id, u, k, nr, n, ns, sx, bd, r, st, cc, sc, ds, vd, ro)`,
      [
        c.map((w) => w.id), c.map((w) => w.uptId), c.map((w) => w.kanwilId), c.map((w) => w.noRegister), c.map((w) => w.name),
        c.map((w) => searchKey(w.name)), c.map((w) => w.sex), c.map((w) => w.birthDate), c.map((w) => w.religion), c.map((w) => w.status),
        c.map((w) => w.crimeCategory), c.map((w) => w.specialCrimes.join(',')), c.map((w) => w.detentionStart), c.map((w) => w.verdictDocument),
        c.map((w) => w.releasedOn ?? null),
      ],
    ),
  );
  await inChunks(g.sentences, (c) =>
    tx.query(
      `INSERT INTO wbp_sentence (wbp_id, verdict_date, years, months, days, fine_rupiah, fine_paid, subsidiary_days)
       SELECT * FROM unnest($1::bigint[], $2::date[], $3::int[], $4::int[], $5::int[], $6::bigint[], $7::boolean[], $8::int[])`,
      [
        c.map((s) => s.wbpId), c.map((s) => s.verdictDate), c.map((s) => s.years), c.map((s) => s.months), c.map((s) => s.days),
        c.map((s) => s.fineRupiah), c.map((s) => s.finePaid), c.map((s) => s.subsidiaryDays),
      ],
    ),
  );
  await inChunks(g.orders, (c) =>
    tx.query(
      `INSERT INTO detention_order (id, wbp_id, stage, authority, start_date, days, extension_of, regime)
       SELECT id, w, st, a, sd, d, e, CASE WHEN sd >= DATE '2026-01-02' THEN 'kuhap-2025' ELSE 'kuhap-1981' END
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::date[], $6::int[], $7::bigint[]) AS x(id, w, st, a, sd, d, e)`,
      [c.map((o) => o.id), c.map((o) => o.wbpId), c.map((o) => o.stage), c.map((o) => o.authority), c.map((o) => o.startDate), c.map((o) => o.days), c.map((o) => o.extensionOf)],
    ),
  );
  await inChunks(g.grants, (c) =>
    tx.query(
      `INSERT INTO remission_grant (wbp_id, kind, occasion_date, days, decree_number)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::date[], $4::int[], $5::text[])`,
      [c.map((r) => r.wbpId), c.map((r) => r.kind), c.map((r) => r.occasionDate), c.map((r) => r.days), c.map((r) => r.decree)],
    ),
  );
  await inChunks(g.registerF, (c) =>
    tx.query(
      `INSERT INTO register_f (wbp_id, date, until, offence) SELECT * FROM unnest($1::bigint[], $2::date[], $3::date[], $4::text[])`,
      [c.map((f) => f.wbpId), c.map((f) => f.date), c.map((f) => f.until), c.map((f) => f.offence)],
    ),
  );
  await tx.query(`SELECT setval('wbp_id_seq', (SELECT COALESCE(max(id), 0) + 1 FROM wbp), false)`);
  await tx.query(`SELECT setval('detention_order_id_seq', (SELECT COALESCE(max(id), 0) + 1 FROM detention_order), false)`);
}
