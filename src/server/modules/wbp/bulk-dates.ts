import type { Holiday } from '../../../domain/sentence/index.ts';
import type { Queryable } from '../../db/pool.ts';
import { computeCase, loadHolidays } from './dates.ts';
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

/**
 * Recomputes the stored dates of every inmate still held (or of one UPT), a page of inmates at a
 * time: after a bulk import, a rule-set change, or by the nightly job. Returns how many.
 */
export async function recomputeAllDates(db: Queryable, today: string, opts: { uptId?: number; holidays?: Holiday[] } = {}): Promise<number> {
  const holidays = opts.holidays ?? (await loadHolidays(db));
  let lastId = 0;
  let done = 0;
  for (;;) {
    const params: unknown[] = [lastId, PAGE];
    let cond = 'w.id > $1 AND w.released_on IS NULL';
    if (opts.uptId) {
      params.push(opts.uptId);
      cond += ` AND w.upt_id = $${params.length}`;
    }
    const people = await db.query<WbpRow>(
      `SELECT w.*, '' AS upt_name FROM wbp w WHERE ${cond} ORDER BY w.id LIMIT $2`,
      params,
    );
    if (people.length === 0) return done;
    const first = people[0]!.id;
    const last = people[people.length - 1]!.id;
    const range = [first, last];
    const child = (table: string, order: string) =>
      db.query(`SELECT * FROM ${table} WHERE wbp_id BETWEEN $1 AND $2 ORDER BY wbp_id, ${order}`, range);
    const s = await child('wbp_sentence', 'verdict_date, id');
    const o = await child('detention_order', 'start_date, id');
    const f = await child('register_f', 'date, id');
    const g = await child('remission_grant', 'occasion_date, id');
    const [sentences, orders, registerF, grants] = [groupBy(s), groupBy(o), groupBy(f), groupBy(g)];
    const cols: unknown[][] = Array.from({ length: 13 }, () => []);
    for (const w of people) {
      const records: CaseRecords = {
        sentences: sentences.get(w.id) ?? [],
        detentionOrders: orders.get(w.id) ?? [],
        registerF: registerF.get(w.id) ?? [],
        remissions: grants.get(w.id) ?? [],
        transfers: [],
      };
      const { result: r, problems } = computeCase(w, records, today, holidays);
      const values = [
        w.id, w.upt_id, w.kanwil_id, r?.ruleSet ?? 'none', r?.expiry ?? null, r?.twoThirds ?? null, r?.half ?? null,
        r?.pb.date ?? null, r?.cb.date ?? null, r && r.status === 'tahanan' ? r.detention.endDate : null,
        r ? r.detention.nextStep.id : null, `{${problems.map((p) => `"${p.replaceAll('"', '')}"`).join(',')}}`,
        r && r.asimilasi.eligible ? r.asimilasi.date : null,
      ];
      values.forEach((v, i) => cols[i]!.push(v));
    }
    await db.query(
      `INSERT INTO wbp_dates (wbp_id, upt_id, kanwil_id, rule_set, expiry, two_thirds, half, pb_date, cb_date, detention_end, next_step, problems, asimilasi_date)
       SELECT w, u, k, rs, e::date, t::date, h::date, pb::date, cb::date, de::date, ns, p::text[], a::date
         FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::text[], $13::text[]) AS x(w, u, k, rs, e, t, h, pb, cb, de, ns, p, a)
       ON CONFLICT (wbp_id) DO UPDATE SET upt_id = EXCLUDED.upt_id, kanwil_id = EXCLUDED.kanwil_id, rule_set = EXCLUDED.rule_set,
         expiry = EXCLUDED.expiry, two_thirds = EXCLUDED.two_thirds, half = EXCLUDED.half, pb_date = EXCLUDED.pb_date,
         cb_date = EXCLUDED.cb_date, detention_end = EXCLUDED.detention_end, next_step = EXCLUDED.next_step,
         problems = EXCLUDED.problems, asimilasi_date = EXCLUDED.asimilasi_date, computed_at = now()`,
      cols,
    );
    done += people.length;
    lastId = last;
  }
}
