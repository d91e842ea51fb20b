import type { Holiday } from '../../../domain/sentence/index.ts';
import type { Queryable } from '../../db/pool.ts';
import { computeCase, loadHolidays } from './case-run.ts';
import { replaceSpells, spellsOf } from './overstay-spells.ts';
import type { Spell } from '../../../domain/wbp/overstay-spells.ts';
import type { CaseRecords, WbpRow } from './queries.ts';

const PAGE = 10_000;

function groupBy(rows: Array<Record<string, unknown>>): Map<number, Array<Record<string, unknown>>> {
  const m = new Map<number, Array<Record<string, unknown>>>();
  for (const r of rows) {
    const k = Number(r.wbp_id);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** The case records of many inmates at once (four queries, whatever their number). */
export async function loadCaseRecordsBulk(db: Queryable, ids: number[]): Promise<Map<number, CaseRecords>> {
  const child = (table: string, order: string) => db.query(`SELECT * FROM ${table} WHERE wbp_id = ANY($1::bigint[]) ORDER BY wbp_id, ${order}`, [ids]);
  const sentences = groupBy(await child('wbp_sentence', 'verdict_date, id'));
  const orders = groupBy(await child('detention_order', 'start_date, id'));
  const registerF = groupBy(await child('register_f', 'date, id'));
  const grants = groupBy(await child('remission_grant', 'occasion_date, id'));
  const transfers = groupBy(await child('wbp_transfer', 'date, id'));
  return new Map(
    ids.map((id) => [
      id,
      { sentences: sentences.get(id) ?? [], detentionOrders: orders.get(id) ?? [], registerF: registerF.get(id) ?? [], remissions: grants.get(id) ?? [], transfers: transfers.get(id) ?? [] },
    ]),
  );
}

/**
 * Recomputes the stored dates and overstay spells of every inmate still held (or of one UPT), a
 * page of inmates at a time: after a bulk import, a rule-set change, or by the nightly job. With
 * `released`, released inmates' spells are rebuilt too (a seed, or a first build of the history);
 * `spells: false` leaves the spells alone (they depend on the records, not on the day). Returns
 * how many inmates.
 */
export async function recomputeAllDates(db: Queryable, today: string, opts: { uptId?: number; holidays?: Holiday[]; released?: boolean; spells?: boolean } = {}): Promise<number> {
  const withSpells = opts.spells ?? true;
  const holidays = opts.holidays ?? (await loadHolidays(db));
  let lastId = 0;
  let done = 0;
  for (;;) {
    const params: unknown[] = [lastId, PAGE];
    let cond = opts.released ? 'w.id > $1' : 'w.id > $1 AND w.released_on IS NULL';
    if (opts.uptId) {
      params.push(opts.uptId);
      cond += ` AND w.upt_id = $${params.length}`;
    }
    const people = await db.query<WbpRow>(
      `SELECT w.*, '' AS upt_name FROM wbp w WHERE ${cond} ORDER BY w.id LIMIT $2`,
      params,
    );
    if (people.length === 0) return done;
    const last = people[people.length - 1]!.id;
    const records = await loadCaseRecordsBulk(db, people.map((p) => Number(p.id)));
    const cols: unknown[][] = Array.from({ length: 14 }, () => []);
    const spells = new Map<number, Spell[]>();
    for (const w of people) {
      const rec = records.get(Number(w.id))!;
      if (withSpells) spells.set(Number(w.id), spellsOf(w, rec, holidays));
      if (w.released_on) continue;
      const { result: r, problems } = computeCase(w, rec, today, holidays);
      const values = [
        w.id, w.upt_id, w.kanwil_id, r?.ruleSet ?? 'none', r?.expiry ?? null, r?.twoThirds ?? null, r?.half ?? null,
        r?.pb.date ?? null, r?.cb.date ?? null, r && r.status === 'tahanan' ? r.detention.endDate : null,
        r ? r.detention.nextStep.id : null, `{${problems.map((p) => `"${p.replaceAll('"', '')}"`).join(',')}}`,
        r && r.asimilasi.eligible ? r.asimilasi.date : null,
        r ? r.detention.nextStep.en : null,
      ];
      values.forEach((v, i) => cols[i]!.push(v));
    }
    await db.query(
      `INSERT INTO wbp_dates (wbp_id, upt_id, kanwil_id, rule_set, expiry, two_thirds, half, pb_date, cb_date, detention_end, next_step, problems, asimilasi_date, next_step_en)
       SELECT w, u, k, rs, e::date, t::date, h::date, pb::date, cb::date, de::date, ns, p::text[], a::date, nse
         FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::text[], $14::text[]) AS x(w, u, k, rs, e, t, h, pb, cb, de, ns, p, a, nse)
       ON CONFLICT (wbp_id) DO UPDATE SET upt_id = EXCLUDED.upt_id, kanwil_id = EXCLUDED.kanwil_id, rule_set = EXCLUDED.rule_set,
         expiry = EXCLUDED.expiry, two_thirds = EXCLUDED.two_thirds, half = EXCLUDED.half, pb_date = EXCLUDED.pb_date,
         cb_date = EXCLUDED.cb_date, detention_end = EXCLUDED.detention_end, next_step = EXCLUDED.next_step,
         problems = EXCLUDED.problems, asimilasi_date = EXCLUDED.asimilasi_date, next_step_en = EXCLUDED.next_step_en, computed_at = now()`,
      cols,
    );
    await replaceSpells(db, [...spells.keys()], spells);
    done += people.length;
    lastId = last;
  }
}
